from pathlib import Path

import pytest

FIXTURE_FORMS = Path(__file__).parent / "fixtures" / "forms"


@pytest.fixture
def forms_copy(tmp_path):
    """A writable copy of the fixture forms folder."""
    target = tmp_path / "forms"
    (target / "jurisdictions").mkdir(parents=True)
    for source in FIXTURE_FORMS.rglob("*.yaml"):
        (target / source.relative_to(FIXTURE_FORMS)).write_bytes(source.read_bytes())
    return target

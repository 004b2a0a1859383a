"""Shared fixtures. Most tests need no Qt: a data folder with a migrated database, copied from a template
made once per session (migrating for every test would cost ~0.2 s each)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RL_useA85", "0")
os.environ.setdefault("ACCEPTANCE_APP_ACTOR", "测试员")  # the CLI refuses to write records that name nobody

from acceptance_app import i18n  # noqa: E402
from acceptance_app.storage.data_folder import DB_FILENAME, DataFolder  # noqa: E402
from acceptance_app.storage.db import Database, open_database  # noqa: E402

i18n.install("zh_CN")


@pytest.fixture(scope="session", autouse=True)
def _font_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The parsed-font cache (reports/fontcache.py) goes to a temporary folder, not the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ACCEPTANCE_APP_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = DataFolder(tmp_path_factory.mktemp("template"))
    open_database(folder).close()
    return folder.database


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, template_database: Path) -> tuple[Path, uuid.UUID]:
    """A data folder holding the demo project (its database, photo store and training identities), made once:
    the full demo answers hundreds of checklist items and makes keys, ~2.5 s that every demo test would pay."""
    from acceptance_app.demo.project import create_demo_project

    folder = DataFolder(tmp_path_factory.mktemp("demo-template") / "data").ensure()
    shutil.copyfile(template_database, folder.root / DB_FILENAME)
    db = open_database(folder, actor="测试员")
    with db.session() as s, s.begin():
        project_id, _ = create_demo_project(s)
    db.close()  # the last connection checkpoints the WAL: the folder can be copied as files
    return folder.root, project_id


@pytest.fixture(scope="session")
def ready_template(tmp_path_factory: pytest.TempPathFactory,
                   demo_template: tuple[Path, uuid.UUID]) -> tuple[Path, uuid.UUID]:
    """The demo's two projects, as ``demo`` makes them, with the id of the concluded one, 二期 (6# accepted on its
    own, 7# in rectification). Made on a copy of demo_template: 二期's checklists take their evidence photos from
    the photos 一期's demo imported (without them its rounds stay open for want of a photo)."""
    from acceptance_app.demo.ready import create_ready_project

    folder = DataFolder(tmp_path_factory.mktemp("ready-template") / "data")
    shutil.copytree(demo_template[0], folder.root)
    db = open_database(folder, actor="测试员")
    with db.session() as s, s.begin():
        project_id, _ = create_ready_project(s)
    db.close()
    return folder.root, project_id


@pytest.fixture
def data_folder(request: pytest.FixtureRequest, tmp_path: Path, template_database: Path) -> DataFolder:
    if "ready_project" in request.fixturenames:  # a copy of the 二期 folder
        ready_root, _ = request.getfixturevalue("ready_template")
        shutil.copytree(ready_root, tmp_path / "data")
        return DataFolder(tmp_path / "data")
    if "demo_project" in request.fixturenames:  # a copy of the demo folder, not a second run of the demo
        demo_root, _ = request.getfixturevalue("demo_template")
        shutil.copytree(demo_root, tmp_path / "data")
        return DataFolder(tmp_path / "data")
    folder = DataFolder(tmp_path / "data").ensure()
    shutil.copyfile(template_database, folder.root / DB_FILENAME)
    return folder


@pytest.fixture
def database(data_folder: DataFolder) -> Iterator[Database]:
    db = open_database(data_folder, actor="测试员")
    yield db
    db.close()


@pytest.fixture
def session(database: Database):  # type: ignore[no-untyped-def]
    with database.session() as s:
        yield s


@pytest.fixture
def demo_project(database: Database, demo_template: tuple[Path, uuid.UUID]) -> uuid.UUID:
    """The demo project's id in this test's data folder (a copy of demo_template: see data_folder)."""
    return demo_template[1]


@pytest.fixture
def ready_project(database: Database, ready_template: tuple[Path, uuid.UUID]) -> uuid.UUID:
    """二期's id in this test's data folder (a copy of ready_template)."""
    return ready_template[1]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "qtbot" in names or "qapp" in names or item.path.parts[-2] == "ui":
            item.add_marker(pytest.mark.gui)

"""Every screen usable on a 1366x768 laptop and at 1280x720 logical pixels (1920x1080 at 150 %): the main window
with each page and tab, and each dialog, with no child widget outside the visible area."""

import pytest

from acceptance_app.domain.enums import Discipline
from tests.ui.fit import fits

SIZES = [(1280, 720), (1366, 768)]


def unit_with_fire(window, demo_project):
    window.open_project(demo_project)
    unit = next(r for r in window.project_page.unit_model.rows if r.data.name == "5#住宅楼")
    window.open_unit(unit.id)
    return window.unit_page


@pytest.mark.parametrize("size", SIZES)
def test_project_page_and_its_tabs_fit(window, demo_project, qtbot, size):
    window.open_project(demo_project)
    page = window.project_page
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        problems = fits(window, *size)
        assert not problems, page.tabs.tabText(index) + "\n" + "\n".join(problems)


@pytest.mark.parametrize("size", SIZES)
def test_unit_page_and_each_discipline_fit(window, demo_project, qtbot, size):
    page = unit_with_fire(window, demo_project)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        problems = fits(window, *size)
        assert not problems, page.tabs.tabText(index) + "\n" + "\n".join(problems)
    fire = next(t for t in page.checklists if t.discipline is Discipline.FIRE)
    page.tabs.setCurrentWidget(fire)
    if fire.start_formal.isVisible():
        fire.start_formal.click()
    assert fire.editor.isVisible()
    fire.message.setText("XF-12-3a " * 40)  # a long message line must not push the panel off the screen
    problems = fits(window, *size)
    assert not problems, "\n".join(problems)


def dialogs(window, runner, database, demo_project):
    import sqlalchemy as sa

    from acceptance_app.domain.enums import DISCIPLINES
    from acceptance_app.storage.models import Photo

    from acceptance_app.ui.departments import department_names
    from acceptance_app.ui.dialogs.entities import party_dialog, project_dialog, unit_dialog
    from acceptance_app.ui.dialogs.identity_dialog import IdentityDialog
    from acceptance_app.ui.dialogs.settings_dialog import SettingsDialog
    from acceptance_app.ui.findings.dialogs import commitment_dialog, finding_dialog, note_dialog
    from acceptance_app.ui.photos.viewer import PhotoViewer
    from acceptance_app.ui.signing.identities_dialog import IdentitiesDialog, IdentityForm
    from acceptance_app.ui.sync.login_dialog import LoginDialog

    with database.session() as s:
        photo_id = s.scalars(sa.select(Photo.id)).first()
    yield project_dialog(None, window)
    yield unit_dialog(None, window)
    yield party_dialog(None, window)
    yield SettingsDialog(window.settings, window)
    yield IdentityDialog(window.settings, window)
    yield finding_dialog(DISCIPLINES, None, window)
    yield note_dialog("已整改", window)
    yield commitment_dialog(window)
    yield IdentitiesDialog(runner, window)
    for kind in ("pkcs12", "pkcs11", "training"):
        yield IdentityForm(kind, department_names(window.settings), window)
    yield LoginDialog("https://hub.example", window)
    yield PhotoViewer(runner, photo_id, window)
    from acceptance_app.domain.enums import InspectionStatus
    from acceptance_app.services.checklists import copying as checklist_copy
    from acceptance_app.storage.models import Inspection

    from acceptance_app.ui.checklists.copy_dialog import CopyAnswersDialog

    with database.session() as s:
        open_fire = s.scalars(sa.select(Inspection.id).where(Inspection.status == InspectionStatus.IN_PROGRESS)).first()
        units = checklist_copy.other_units(s, open_fire)
    yield CopyAnswersDialog(runner, open_fire, units, window)


@pytest.mark.parametrize("size", SIZES)
def test_each_dialog_fits(window, runner, database, demo_project, qtbot, size):
    for dialog in dialogs(window, runner, database, demo_project):
        qtbot.addWidget(dialog)
        dialog.show()
        width, height = min(dialog.width(), size[0]), min(dialog.height(), size[1])
        problems = fits(dialog, width, height)
        assert not problems, type(dialog).__name__ + "\n" + "\n".join(problems)
        dialog.close()

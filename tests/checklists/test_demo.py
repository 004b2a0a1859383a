from acceptance_app.demo.checklists import demo_forms_folder
from acceptance_app.domain.enums import CellStatus, Discipline, InspectionKind, Verdict
from acceptance_app.services import projects
from acceptance_app.services.checklists import verdicts


def test_demo_project_shows_answered_failed_service_and_open_checklists(database, demo_project):
    with database.session() as session:
        cells = {u.data.name: u.cells for u in projects.list_units(session, demo_project)}
        result = verdicts.project_verdict(session, demo_project)
        by_name = {u.unit_name: u for u in result.units}
        fifth = next(u for u in projects.list_units(session, demo_project) if u.data.name == "5#住宅楼")
        service = verdicts.discipline_outcome(session, fifth.id, Discipline.FIRE, InspectionKind.SERVICE)
    assert by_name["1#住宅楼"].joint.verdict is Verdict.PASSED
    # 细则 (2020) scheme: a failed B item makes the 现场评定 不合格 until rectified and rechecked.
    assert cells["2#住宅楼"][Discipline.FIRE] is CellStatus.FAILED
    assert cells["3#住宅楼"][Discipline.FIRE] is CellStatus.FAILED
    assert cells["5#住宅楼"][Discipline.FIRE] is CellStatus.IN_PROGRESS
    assert service.verdict is Verdict.FAILED and service.deciding
    assert result.joint.verdict is Verdict.FAILED and "3#住宅楼" in result.joint.deciding
    assert demo_forms_folder().is_dir()

import pytest

from acceptance_app.demo import project as demo
from acceptance_app.domain.entities import PartyData, ProjectData
from acceptance_app.domain.enums import (
    CellStatus,
    Discipline,
    InspectionKind,
    InspectionStatus,
    PartyRole,
    Verdict,
)
from acceptance_app.domain.problems import KnownError, ValidationFailed
from acceptance_app.services import projects
from acceptance_app.storage.models import Inspection


def test_demo_project_is_complete_and_valid(session, demo_project):
    detail = projects.get_project(session, demo_project)
    assert detail.data.project_code == demo.DEMO_PROJECT_CODE
    assert [p.data.role for p in detail.parties] == [
        PartyRole.BUILDER, PartyRole.SURVEYOR, PartyRole.DESIGNER, PartyRole.CONTRACTOR, PartyRole.SUPERVISOR,
    ]
    assert 6 <= len(detail.units) <= 8
    names = [u.data.name for u in detail.units]
    assert any("地下车库" in n for n in names) and "幼儿园" in names
    garage = next(u for u in detail.units if "地下车库" in u.data.name)
    assert garage.cells[Discipline.CIVIL_AIR_DEFENSE] is CellStatus.NOT_STARTED
    housing = next(u for u in detail.units if u.data.name == "1#住宅楼")
    assert housing.cells[Discipline.CIVIL_AIR_DEFENSE] is CellStatus.NOT_APPLICABLE


def test_search_by_name_code_and_builder(session, demo_project):
    assert [r.id for r in projects.list_projects(session, "泉华苑")] == [demo_project]
    assert [r.id for r in projects.list_projects(session, "258316")] == [demo_project]
    assert [r.id for r in projects.list_projects(session, "泉华置业")] == [demo_project]
    assert projects.list_projects(session, "不存在的项目") == []
    [row] = projects.list_projects(session)
    assert row.builder_name == "济南泉华置业有限公司" and row.unit_count == len(demo.DEMO_UNITS)


def test_invalid_input_is_refused_and_nothing_changes(database):
    with database.session() as s, pytest.raises(ValidationFailed) as info, s.begin():
        projects.create_project(s, ProjectData("", "2023-37010-47-01-123456"))
    assert {p.field for p in info.value.problems} == {"name", "project_code"}
    with database.session() as s:
        assert projects.list_projects(s) == []


def test_party_uscc_is_normalised_and_checked(session, demo_project):
    with pytest.raises(ValidationFailed) as info:
        projects.add_party(session, demo_project, PartyData(PartyRole.BUILDER, "某公司", "91110000600037341M"))
    assert info.value.problems[0].code == "uscc.check_char"
    party_id, _ = projects.add_party(
        session, demo_project, PartyData(PartyRole.FIRE_SERVICE, "某消防技术服务公司", "91440101ma5cjq4n59")
    )
    detail = projects.get_project(session, demo_project)
    assert next(p for p in detail.parties if p.id == party_id).data.uscc == "91440101MA5CJQ4N59"


def test_matrix_follows_the_latest_formal_round(session, demo_project):
    unit = projects.list_units(session, demo_project)[-1]  # 配套商业S1: the demo leaves its archive discipline alone

    def add(round_, status, verdict=None, kind=InspectionKind.FORMAL):
        session.add(Inspection(unit_id=unit.id, discipline=Discipline.ARCHIVE, kind=kind, round=round_,
                               status=status, verdict=verdict))
        session.flush()
        return projects.get_unit(session, unit.id).cells[Discipline.ARCHIVE]

    assert add(1, InspectionStatus.COMPLETED, Verdict.PASSED, InspectionKind.SERVICE) is CellStatus.NOT_STARTED
    assert add(1, InspectionStatus.IN_PROGRESS) is CellStatus.IN_PROGRESS
    session.query(Inspection).filter_by(kind=InspectionKind.FORMAL).update({"status": InspectionStatus.COMPLETED, "verdict": Verdict.RECHECK})
    assert projects.get_unit(session, unit.id).cells[Discipline.ARCHIVE] is CellStatus.RECTIFYING
    assert add(2, InspectionStatus.COMPLETED, Verdict.PASSED) is CellStatus.PASSED


def test_unit_with_inspections_cannot_be_removed(session, demo_project):
    unit = projects.list_units(session, demo_project)[-1]
    session.add(Inspection(unit_id=unit.id, discipline=Discipline.PLANNING, kind=InspectionKind.FORMAL,
                           status=InspectionStatus.IN_PROGRESS))
    session.flush()
    with pytest.raises(KnownError) as info:
        projects.remove_unit(session, unit.id)
    assert info.value.code == "unit.has_inspections"


def test_scaled_demo(session):
    result, _ = demo.create_scaled_projects(session, 3, units_per_project=5)
    assert result.unit_count == 15
    assert len(projects.list_projects(session)) == 3
    assert all(len(projects.list_units(session, pid)) == 5 for pid in result.project_ids)

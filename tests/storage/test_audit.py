import sqlalchemy as sa

from acceptance_app.domain.entities import ProjectData, UnitData
from acceptance_app.services import projects
from acceptance_app.storage.models import AuditEvent, Project


def events(session, entity=None):
    query = sa.select(AuditEvent).order_by(AuditEvent.at)
    if entity:
        query = query.where(AuditEvent.entity == entity)
    return list(session.scalars(query))


def test_create_update_delete_are_audited_with_old_and_new_values(database):
    with database.session() as s, s.begin():
        project_id, _ = projects.create_project(s, ProjectData("测试项目", "2024-370102-47-01-000001"))
        unit_id, _ = projects.add_unit(s, project_id, UnitData("1#楼", "1", area_above=100.0))
    with database.session() as s, s.begin():
        projects.update_unit(s, unit_id, UnitData("1#楼", "1", area_above=120.5))
    with database.session() as s, s.begin():
        projects.remove_unit(s, unit_id)
    with database.session() as s:
        unit_events = events(s, "units")
        assert [e.action for e in unit_events] == ["create", "update", "delete"]
        update = unit_events[1]
        assert update.changes == {"area_above": [100.0, 120.5]}
        assert update.actor == "测试员" and update.device == database.device_id
        assert update.entity_id == str(unit_id)
        project = s.get(Project, project_id)
        assert project.origin_device == database.device_id


def test_rolled_back_change_leaves_no_audit_event(database):
    with database.session() as s:
        s.begin()
        projects.create_project(s, ProjectData("回滚项目", "2024-370102-47-01-000002"))
        s.flush()
        assert len(events(s, "projects")) == 1
        s.rollback()
    with database.session() as s:
        assert events(s, "projects") == []

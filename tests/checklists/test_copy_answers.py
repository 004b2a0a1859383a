"""Identical buildings: copy answers item by item (measurements only where ticked), the rest of a group 合格, and
every copied answer names its source."""

import sqlalchemy as sa

from acceptance_app.domain.enums import ItemVerdict
from acceptance_app.services.checklists import copying as checklist_copy
from acceptance_app.services.checklists import inspections as checklists
from acceptance_app.storage.models import Answer, AuditEvent
from tests.checklists.helpers import FIRE_PASSING, answer_all, make_project, na, start


def test_review_list_ticks_no_measurement_and_copies_only_what_is_chosen(session):
    with session.begin():
        _, (source_unit, target_unit) = make_project(session)
        source = start(session, source_unit)
        answer_all(session, source, FIRE_PASSING, **{"XF-06-3": na("本楼无此项")})
        target = start(session, target_unit)
    with session.begin():
        candidates = {c.item_id: c for c in checklist_copy.copy_candidates(session, target, source_unit)}
    assert "XF-04-2" not in candidates  # a project-level item is shared already
    assert candidates["XF-06-4"].measured and not candidates["XF-06-4"].ticked_by_default  # a reading stays put
    assert candidates["XF-06-3"].ticked_by_default and candidates["XF-06-3"].source_verdict is ItemVerdict.NOT_APPLICABLE
    with session.begin():
        count, _changes = checklist_copy.copy_answers(session, target, source_unit, ["XF-06-3", "XF-06-2"])
    assert count == 2
    with session.begin():
        sheet = checklists.inspection_sheet(session, target).sheet
        shown = {r.item.id: r for r in sheet.rows}
        assert shown["XF-06-3"].verdict is ItemVerdict.NOT_APPLICABLE
        assert shown["XF-06-3"].answer.values.na_reason == "本楼无此项"
        assert shown["XF-06-4"].verdict is ItemVerdict.PENDING  # not ticked, not copied
        copied = session.scalars(sa.select(Answer).where(Answer.inspection_id == target, Answer.retired.is_(False)))
        copied = {a.item_id: a for a in copied}
        assert checklist_copy.copied_from(session, copied["XF-06-3"].id) == "1#楼"
        audit = session.scalars(sa.select(AuditEvent).where(AuditEvent.entity == "answers",
                                                            AuditEvent.entity_id == str(copied["XF-06-2"].id))).one()
        assert audit.changes["copied_from_id"] and audit.actor == "测试员"


def test_the_rest_of_a_group_passes_only_its_open_verdict_items(session):
    with session.begin():
        _, (unit, _other) = make_project(session)
        inspection = start(session, unit)
        checklists.answer_item(session, inspection, "XF-06-5", FIRE_PASSING["XF-06-5"])
    with session.begin():
        assert checklist_copy.open_items_of_group(session, inspection, "XF-06") == ["XF-06-3"]
        items, _changes = checklist_copy.pass_rest_of_group(session, inspection, "XF-06")
    assert items == ["XF-06-3"]
    with session.begin():
        shown = {r.item.id: r.verdict for r in checklists.inspection_sheet(session, inspection).sheet.rows}
    assert shown["XF-06-3"] is ItemVerdict.PASS and shown["XF-06-4"] is ItemVerdict.PENDING  # measured: untouched


def test_cli_lists_first_and_copies_only_when_told(capsys, tmp_path):
    import json

    from acceptance_app.cli import main

    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "demo", "--json"]) == 0
    project_id = json.loads(capsys.readouterr().out)["projects"][0]
    main(["--data-dir", data, "units", "list", "--project", project_id, "--json"])
    units = {u["data"]["name"]: u["id"] for u in json.loads(capsys.readouterr().out)}
    main(["--data-dir", data, "inspections", "start", "--unit", units["5#住宅楼"], "--discipline", "fire", "--json"])
    target = json.loads(capsys.readouterr().out)["inspection"]
    copy = ["--data-dir", data, "inspections", "copy", "--inspection", target, "--from-unit", units["3#住宅楼"]]
    assert main([*copy, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["copied"] == 0 and listed["candidates"]
    item = next(c["item"] for c in listed["candidates"] if not c["measured"])
    assert main([*copy, "--items", item, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"copied": 1, "items": [item]}

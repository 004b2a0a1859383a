"""The hub keeps its own record of whose each result row is (issue 20, item 3): a later package that relabels a
row's discipline is refused whoever sends it, and a non-lead department's package is judged by that record and
the parent chain, not by the discipline the package writes on its rows. On SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from acceptance_app.hub.models import Package, RowOwner
from tests.sync.hub_support import Inspector, make_package, rows
from tests.sync.test_hub_api import upload

_LEAD_KEYS: dict[str, Inspector] = {}


def _lead_inspector(hub) -> Inspector:  # type: ignore[no-untyped-def]
    """The lead's one device key per hub (an account keeps the key of its first push)."""
    return _LEAD_KEYS.setdefault(hub.url, Inspector("张三", "housing"))


def _fire(session) -> tuple[dict, list[dict], dict]:  # type: ignore[no-untyped-def]
    inspection = rows(session, "inspections", discipline="fire")[0]
    answers = rows(session, "answers", inspection_id=uuid.UUID(inspection["id"]))[:3]
    findings = rows(session, "findings", inspection_id=uuid.UUID(inspection["id"]))
    assert answers
    return inspection, answers, (findings[0] if findings else {})


def _relabel(row: dict, discipline: str = "planning") -> dict:
    return {**row, "discipline": discipline}


def test_a_relabelled_inspection_is_refused_and_nothing_is_stored(hub, tmp_path, session, demo_project):
    inspection, answers, _finding = _fire(session)
    lead, planning = hub.account("张三", "housing"), hub.account("王五", "planning")
    first = make_package(tmp_path, _lead_inspector(hub),
                         tables={"inspections": [inspection], "answers": answers})
    assert upload(hub, lead, *first).status_code == 200
    with hub.session() as s:
        assert s.get(RowOwner, ("inspections", inspection["id"])).discipline == "fire"
    owners_before, packages_before = hub.count(RowOwner), hub.count(Package)

    attacker = Inspector("王五", "planning")
    relabelled = make_package(tmp_path, attacker, tables={
        "inspections": [_relabel(inspection)], "answers": [_relabel(a) for a in answers]})
    refused = upload(hub, planning, *relabelled)
    assert refused.status_code == 403
    body = refused.json()
    assert body["code"] == "hub.owner_relabelled"
    assert body["params"] == {"table": "inspections", "row": inspection["id"], "sent": "planning", "owner": "fire"}
    # Answers alone, relabelled under the unchanged fire inspection: the parent chain decides.
    answers_only = make_package(tmp_path, attacker, tables={"answers": [_relabel(a) for a in answers]})
    assert upload(hub, planning, *answers_only).json()["code"] == "hub.owner_relabelled"
    # The lead relays everyone's rows but cannot relabel them either.
    by_lead = make_package(tmp_path, _lead_inspector(hub),
                           tables={"inspections": [_relabel(inspection)]})
    assert upload(hub, lead, *by_lead).json()["code"] == "hub.owner_relabelled"
    assert (hub.count(RowOwner), hub.count(Package)) == (owners_before, packages_before)


def test_a_forged_event_on_another_departments_finding_is_refused(hub, tmp_path, session, demo_project):
    finding = rows(session, "findings", discipline="fire")[0]
    inspection = rows(session, "inspections", id=uuid.UUID(finding["inspection_id"]))[0]
    lead, planning = hub.account("张三", "housing"), hub.account("王五", "planning")
    assert upload(hub, lead, *make_package(tmp_path, _lead_inspector(hub), tables={
        "inspections": [inspection], "findings": [finding]})).status_code == 200
    event = {**rows(session, "finding_events", finding_id=uuid.UUID(finding["id"]))[0],
             "id": str(uuid.uuid4()), "action": "recheck-pass", "status_after": "closed"}
    refused = upload(hub, planning, *make_package(tmp_path, Inspector("王五", "planning"),
                                                  tables={"finding_events": [event]}))
    assert refused.status_code == 403 and refused.json()["code"] == "hub.foreign_results"
    assert refused.json()["params"]["discipline"] == "fire"
    with hub.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Package)) == 1

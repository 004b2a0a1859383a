"""The 同步 tab's "not yet sent" is exact (services/exchange/pending.py): every row a push would carry until
the hub confirms it, 0 after a push, 1 after one edit; and on a second laptop that pulled the project, 0 until
its inspector changes something."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from acceptance_app.domain.enums import Department, Discipline
from acceptance_app.services.exchange import hub_sync
from acceptance_app.services.exchange.pending import pending_changes
from acceptance_app.services.exchange.select import select_records
from acceptance_app.settings import Settings
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.db import Database, open_database
from acceptance_app.storage.models import Answer, Inspection, LocalMeta, Unit
from tests.sync.helpers import new_laptop
from tests.sync.hub_support import LiveHub, inspector_folder


def _pending(db: Database, project_id):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return pending_changes(s, project_id)


def _rename_unit(db: Database, project_id, name: str, new: str) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s, s.begin():
        s.scalars(sa.select(Unit).where(Unit.project_id == project_id, Unit.name == name)).one().name = new


def test_pending_is_exact_on_the_lead_laptop_and_on_one_that_pulled(demo_template, template_database: Path,
                                                                    tmp_path: Path) -> None:
    demo_root, project_id = demo_template
    hub = LiveHub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", tmp_path / "hub-files")
    lead_folder = inspector_folder(demo_root, tmp_path / "lead")
    token_lead, token_planning = hub.account("张伟", "housing"), hub.account("刘海涛", "planning")
    lead = open_database(lead_folder, actor="张伟", settings=Settings(hub_url=hub.url, inspector_department="housing"))
    planning_settings = Settings(hub_url=hub.url, inspector_department=Department.PLANNING.value)
    planning = new_laptop(tmp_path / "planning", template_database, actor="刘海涛")
    planning.settings = planning_settings
    try:
        # Never sent: every row of the project is waiting, photos counted once each.
        with lead.session() as s:
            tables = select_records(s, project_id, None, with_opinions=True)
        photo_tables = {"photos", "photo_links", "photo_annotations"}
        before = _pending(lead, project_id)
        assert before.records == sum(len(rows) for name, rows in tables.items() if name not in photo_tables)
        assert before.photos == len(tables["photos"]) > 0 and before.last_receipt_at is None

        hub_sync.login(lead_folder, hub.url, token_lead)
        with lead.session() as s:
            assert hub_sync.push(s, lead_folder, hub.url, token_lead)[0].sent
        after = _pending(lead, project_id)
        assert (after.records, after.photos) == (0, 0) and after.last_receipt_at is not None

        _rename_unit(lead, project_id, "1#住宅楼", "1#住宅楼（改）")
        assert (_pending(lead, project_id).records, _pending(lead, project_id).photos) == (1, 0)
        _rename_unit(lead, project_id, "1#住宅楼（改）", "1#住宅楼")  # undone before any push: nothing to send
        assert _pending(lead, project_id).records == 0
        _rename_unit(lead, project_id, "1#住宅楼", "1#住宅楼（改）")

        # A second laptop with an empty database pulls the project: nothing of it is its own to send.
        planning_folder = planning.folder
        hub_sync.login(planning_folder, hub.url, token_planning)
        with planning.session() as s:
            assert hub_sync.pull(s, planning_folder, hub.url, token_planning)[0].imported
        assert (_pending(planning, project_id).records, _pending(planning, project_id).photos) == (0, 0)

        with planning.session() as s, s.begin():  # one planning answer changed there
            answer = s.scalars(sa.select(Answer).join(Inspection, Answer.inspection_id == Inspection.id)
                               .where(Answer.project_id == project_id, Inspection.discipline == Discipline.PLANNING,
                                      Answer.retired.is_(False))).first()
            answer.note = (answer.note or "") + "（复核）"
        assert _pending(planning, project_id).records == 1
        with planning.session() as s:
            back = hub_sync.push(s, planning_folder, hub.url, token_planning)[0]
            assert back.sent and back.failed == []
            assert hub_sync.known_department(s, hub.url) is Department.PLANNING
        assert _pending(planning, project_id).records == 0

        # The lead pulls the planning package: someone else's answer is not the lead's to send; its own
        # renamed unit still is.
        with lead.session() as s:
            assert hub_sync.pull(s, lead_folder, hub.url, token_lead)[0].imported
        assert _pending(lead, project_id).records == 1
        with lead.session() as s:
            hub_sync.push(s, lead_folder, hub.url, token_lead)
            kept = [m.key for m in s.scalars(sa.select(LocalMeta).where(LocalMeta.key.startswith("package rows ")))]
        assert _pending(lead, project_id).records == 0
        assert len(kept) == 1  # the row hashes of the latest acknowledged package only
    finally:
        lead.close()
        planning.close()
        hub.close()


def test_a_laptop_sent_before_row_hashes_were_kept_learns_them_at_its_next_push(demo_template, tmp_path: Path) -> None:
    demo_root, project_id = demo_template
    hub = LiveHub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", tmp_path / "hub-files")
    folder: DataFolder = inspector_folder(demo_root, tmp_path / "lead")
    token = hub.account("张伟", "housing")
    db = open_database(folder, actor="张伟", settings=Settings(hub_url=hub.url))
    try:
        hub_sync.login(folder, hub.url, token)
        with db.session() as s:
            hub_sync.push(s, folder, hub.url, token)
        with db.session() as s, s.begin():  # as a laptop of the version before: no row hashes kept
            s.execute(sa.delete(LocalMeta).where(LocalMeta.key.startswith("package rows ")))
        assert _pending(db, project_id).records > 100
        with db.session() as s:
            again = hub_sync.push(s, folder, hub.url, token)[0]
        assert again.exported == []  # nothing new to send...
        assert _pending(db, project_id).total == 0  # ...and the count knows it now
    finally:
        db.close()
        hub.close()


def test_sync_status_names_what_is_not_yet_sent(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from acceptance_app.cli import main

    data = ["--data-dir", str(tmp_path / "data"), "--actor", "张伟"]
    assert main([*data, "demo"]) == 0
    main_id, _ready = capsys.readouterr().out.split()
    assert main([*data, "sync", "status", "--project", main_id, "--json"]) == 0
    unsent = json.loads(capsys.readouterr().out)["unsent"]
    assert unsent["records"] > 100 and unsent["photos"] > 0  # never sent: the whole project waits
    assert main([*data, "sync", "status", "--project", main_id]) == 0
    assert f"尚未发送：{unsent['records']} 条记录、{unsent['photos']} 张照片" in capsys.readouterr().out

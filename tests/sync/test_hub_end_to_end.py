"""Two inspectors' data folders and one hub, end to end over a real socket, on SQLite and PostgreSQL:
A (housing, the lead) pushes, B (planning) pulls and sees A's results, B pushes its discipline back, the
registry takes the registration records once."""

from __future__ import annotations

import os
import stat

import sqlalchemy as sa

from acceptance_app.domain.enums import Discipline
from acceptance_app.domain.findings import FindingData
from acceptance_app.hub.models import Package
from acceptance_app.services.exchange import hub_sync
from acceptance_app.services.findings import workflow as findings
from acceptance_app.storage.db import open_database
from acceptance_app.storage.models import Finding, Inspection, OutboxItem, OutboxState
from acceptance_app.sync.client import HubClient
from acceptance_app.sync.credentials import load_token, token_path
from tests.sync.hub_support import concluded_project_with_signed_opinion, inspector_folder


class Recorder:
    """A ``domain.progress.Progress`` that keeps what it was told."""

    def __init__(self, seen: list) -> None:
        self.seen = seen

    def progress(self, done: int, total: int, label: str = "") -> None:
        self.seen.append((done, total))

    def cancelled(self) -> bool:
        return False


def test_two_inspectors_and_the_registry_through_one_hub(hub, demo_template, tmp_path):
    demo_root, project_id = demo_template
    folder_a = inspector_folder(demo_root, tmp_path / "a")
    folder_b = inspector_folder(demo_root, tmp_path / "b")
    token_a, token_b = hub.account("张三", "housing"), hub.account("王五", "planning")
    registry = hub.account("不动产登记中心", "approval", role="registry")
    assert hub_sync.login(folder_a, hub.url, token_a)["public_key"]
    hub_sync.login(folder_b, hub.url, token_b)
    assert load_token(folder_a) == token_a
    assert stat.S_IMODE(os.stat(token_path(folder_a)).st_mode) == 0o600

    db_a, db_b = open_database(folder_a, actor="张三"), open_database(folder_b, actor="王五")
    try:
        with db_a.session() as s, s.begin():  # A's new results, made after the folders were copied
            inspection = s.scalar(sa.select(Inspection.id).where(Inspection.discipline == Discipline.FIRE))
            findings.add_finding(s, inspection, FindingData("消防车道被临时建筑占用（端到端测试）"))
        concluded_project_with_signed_opinion(db_a)  # its signed opinion feeds the registry
        progress: list[tuple[int, int]] = []
        with db_a.session() as s:
            report, changes = hub_sync.push(s, folder_a, hub.url, token_a, task=Recorder(progress))
            assert changes.sync_state and report.exported and report.sent == report.exported
            assert report.failed == [] and report.waiting == 0
            rows = list(s.scalars(sa.select(OutboxItem)))
            assert {r.state for r in rows} == {OutboxState.SENT}
            assert all(r.receipt["manifest_sha256"] == r.manifest_sha256 for r in rows)
            assert not any((folder_a.root / r.file_path).exists() for r in rows)  # released after the receipt
            assert progress and progress[-1][0] == progress[-1][1]
            status = hub_sync.sync_status(s, project_id)
            assert status.pending == 0 and status.last_sent_package and status.last_error == ""

            again, _ = hub_sync.push(s, folder_a, hub.url, token_a)  # nothing changed: nothing is sent
            assert again.exported == [] and again.sent == []
        assert hub.count(Package) == len(report.exported)

        with db_b.session() as s:
            pulled, _ = hub_sync.pull(s, folder_b, hub.url, token_b)
            assert sorted(pulled.imported) == sorted(report.exported) and pulled.failed == []
            assert s.scalar(sa.select(Finding).where(Finding.description.like("%端到端测试%"))) is not None
            assert hub_sync.sync_status(s).last_pull_at is not None
            assert hub_sync.pull(s, folder_b, hub.url, token_b)[0].imported == []  # the cursor moved on
            back, _ = hub_sync.push(s, folder_b, hub.url, token_b)  # B's own discipline only
            assert back.sent and back.failed == []
            assert {r.discipline for r in s.scalars(sa.select(OutboxItem))} == {"planning"}
        with db_a.session() as s:
            assert sorted(hub_sync.pull(s, folder_a, hub.url, token_a)[0].imported) == sorted(back.sent)
    finally:
        db_a.close()
        db_b.close()

    with HubClient(hub.url, registry) as client:
        feed = client.registration_feed()
        assert feed, "the concluded demo project's signed opinion carries registration records"
        assert all(r["fields"]["unit_result"] == "passed" and r["document_sha256"] for r in feed)
        assert client.acknowledge([r["record_id"] for r in feed])["acknowledged"] == [r["record_id"] for r in feed]
        assert client.registration_feed() == []


def test_a_push_while_the_hub_is_down_queues_the_package_and_the_next_push_sends_it(hub, hub_db_url, demo_template,
                                                                                     tmp_path):
    from acceptance_app.sync.retry import Backoff
    from tests.sync.hub_support import LiveHub

    folder = inspector_folder(demo_template[0], tmp_path / "a")
    token = hub.account("张三", "housing")
    hub_sync.login(folder, hub.url, token)
    db = open_database(folder, actor="张三")
    try:
        with db.session() as s:
            first, _ = hub_sync.push(s, folder, hub.url, token)
        assert first.sent
        hub.close()  # the office's server is down; the inspector keeps working
        with db.session() as s, s.begin():
            inspection = s.scalar(sa.select(Inspection.id).where(Inspection.discipline == Discipline.FIRE))
            findings.add_finding(s, inspection, FindingData("离线时记录的问题"))
        quick = HubClient(hub.url, token, backoff=Backoff(base=0.001, cap=0.01, max_attempts=2))
        with db.session() as s:
            offline, _ = hub_sync.push(s, folder, hub.url, token, client=quick)
            assert len(offline.exported) == 1 and offline.sent == [] and offline.waiting == 1
            assert hub_sync.sync_status(s).pending == 1
        back = LiveHub(hub_db_url, tmp_path / "hub-files", port=hub.port)  # the same hub, up again
        try:
            with db.session() as s:
                online, _ = hub_sync.push(s, folder, hub.url, token)
                assert online.sent == offline.exported and online.waiting == 0
        finally:
            back.close()
    finally:
        db.close()

"""Hub accounts that can be revoked (issue 20): ``hub user disable|enable|rotate-token|list`` take effect on the
next request, tokens expire, and refusals, downloads and feed acknowledgements land in the hub's audit table.
On SQLite and PostgreSQL, over a real socket."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
import sqlalchemy as sa

from acceptance_app.cli import main
from acceptance_app.hub.models import Account, AuditEvent
from tests.sync.hub_support import Inspector, make_package
from tests.sync.test_hub_api import auth, upload


def _status(hub, token: str) -> int:  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=hub.url) as http:
        return http.get("/account", headers=auth(token)).status_code


def _audit(hub, action: str) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    with hub.session() as s:
        return list(s.scalars(sa.select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_disable_enable_and_rotate_take_effect_at_once(hub, hub_db_url, capsys):
    token = hub.account("张三", "housing")
    assert _status(hub, token) == 200

    _cli(capsys, "hub", "user", "disable", "张三", "--db", hub_db_url)
    assert _status(hub, token) == 401
    (refused,) = _audit(hub, "auth_failed")
    assert refused.account_name == "张三" and refused.detail["reason"] == "disabled"
    listing = _cli(capsys, "hub", "user", "list", "--db", hub_db_url)
    assert "张三" in listing and "已停用" in listing

    _cli(capsys, "hub", "user", "enable", "张三", "--db", hub_db_url)
    assert _status(hub, token) == 200

    new = _cli(capsys, "hub", "user", "rotate-token", "张三", "--db", hub_db_url, "--json")
    import json

    fresh = json.loads(new)["token"]
    assert _status(hub, token) == 401 and _status(hub, fresh) == 200
    assert [e.action for e in _audit(hub, "token_rotated")] == ["token_rotated"]
    assert {e.action for e in _audit(hub, "account_disabled") + _audit(hub, "account_enabled")} == {
        "account_disabled", "account_enabled"}


def test_an_expired_token_is_refused_and_unknown_ones_are_audited(hub, hub_db_url, capsys):
    token = hub.account("李四", "planning")
    with hub.session() as s:
        account = s.scalar(sa.select(Account).where(Account.name == "李四"))
        assert account.token_expires_at is not None  # 365 days by default
        account.token_expires_at = datetime.now(UTC) - timedelta(minutes=1)
        s.commit()
    assert _status(hub, token) == 401
    assert _status(hub, "not-a-token") == 401
    reasons = [(e.account_name, e.detail["reason"]) for e in _audit(hub, "auth_failed")]
    assert reasons == [("李四", "expired"), ("", "unknown")]
    assert "令牌已过期" in _cli(capsys, "hub", "user", "list", "--db", hub_db_url)
    assert main(["hub", "user", "add", "--db", hub_db_url, "--name", "王五", "--department", "planning",
                 "--jurisdiction", "370100", "--expires-days", "0"]) == 0
    with hub.session() as s:
        assert s.scalar(sa.select(Account.token_expires_at).where(Account.name == "王五")) is None


def test_downloads_and_acknowledgements_are_audited_and_the_registry_reads_no_receipts(hub, tmp_path):
    lead, peer = hub.account("张三", "housing"), hub.account("王五", "planning")
    registry = hub.account("登记中心", "approval", role="registry")
    path, package_id = make_package(tmp_path, Inspector("张三", "housing"))
    assert upload(hub, lead, path, package_id).status_code == 200
    with httpx.Client(base_url=hub.url) as http:
        assert http.get(f"/packages/{package_id}/file", headers=auth(peer)).status_code == 200
        assert http.get(f"/packages/{package_id}", headers=auth(registry)).json()["code"] == "hub.forbidden_role"
        acked = http.post("/registration/ack", headers=auth(registry), json={"record_ids": []})
        assert acked.status_code == 200
    (download,) = _audit(hub, "download")
    assert download.account_name == "王五" and download.detail["package_id"] == package_id
    assert [e.account_name for e in _audit(hub, "feed_ack")] == ["登记中心"]


def test_health_answers_503_when_the_database_does_not(hub, hub_db_url):
    with httpx.Client(base_url=hub.url) as http:
        assert http.get("/health").json()["status"] == "ok"
    if not hub_db_url.startswith("sqlite"):
        return  # a PostgreSQL server cannot be broken from here without stopping the shared cluster
    database = hub_db_url.removeprefix("sqlite:///")
    hub.app.state.engine.dispose()
    with open(database, "r+b") as handle:  # the same file, no longer a database
        handle.write(b"this is not a database" * 10)
    with httpx.Client(base_url=hub.url) as http:
        answer = http.get("/health")
    assert answer.status_code == 503 and answer.json()["status"] == "database_unavailable"


def test_unfinished_uploads_of_one_account_have_a_quota(hub, tmp_path):
    token = hub.account("张三", "housing")
    hub.app.state.partial_quota = 10_000
    with httpx.Client(base_url=hub.url, headers=auth(token)) as http:
        first = http.put("/packages/00000000-0000-4000-8000-000000000001", params={"offset": 0},
                         content=b"x" * 6000)
        second = http.put("/packages/00000000-0000-4000-8000-000000000002", params={"offset": 0},
                          content=b"x" * 6000)
    assert first.status_code == 200
    assert second.status_code == 413 and second.json()["code"] == "hub.upload_quota"


def test_a_new_token_never_reads_as_a_command_line_option() -> None:
    from acceptance_app.hub.accounts import new_token

    tokens = {new_token() for _ in range(2000)}
    assert len(tokens) == 2000 and not any(t.startswith("-") for t in tokens)

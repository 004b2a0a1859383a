"""The registration feed (验登合一): every accepted unit's record reaches the registry exactly once, and only
records backed by a lead account's signed, passed opinion in the same package get in (issue 20, item 4)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import httpx
import pytest

from acceptance_app.hub.models import Package, RegistrationRecord
from acceptance_app.sync.client import HubClient, HubRefused
from tests.sync.hub_support import Inspector, make_package
from tests.sync.test_hub_api import upload


@pytest.fixture(scope="module")
def signed(demo_template, tmp_path_factory) -> tuple[Path, list[dict]]:  # type: ignore[no-untyped-def]
    """A passed opinion signed in every field and the records the lead's own export makes for it."""
    from acceptance_app.services.exchange import packages as exchange
    from acceptance_app.storage.db import open_database
    from tests.sync.hub_support import concluded_project_with_signed_opinion, inspector_folder

    root = tmp_path_factory.mktemp("registration")
    folder = inspector_folder(demo_template[0], root / "lead")
    db = open_database(folder, actor="张三")
    try:
        project_id = concluded_project_with_signed_opinion(db)
        with db.session() as s, s.begin():
            package = exchange.export_package(s, folder, project_id, out_path=root / "lead.acpkg")[0]
    finally:
        db.close()
    with zipfile.ZipFile(package.path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        records = manifest["registration"]
        pdf = root / "opinion.pdf"
        pdf.write_bytes(archive.read(records[0]["document_path"]))
    assert records and all(r["document_path"] == records[0]["document_path"] for r in records)
    return pdf, records


@pytest.fixture(scope="module")
def failed_opinion(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """An opinion signed in every field whose joint conclusion is 不合格 (the reports' sample)."""
    from tests.reports.signing_support import make_pki, prepared_opinion, sign_all

    root = tmp_path_factory.mktemp("failed")
    path = root / "failed.pdf"
    path.write_bytes(sign_all(prepared_opinion(), make_pki(root / "pki"),
                              ["sig_1", "sig_2", "sig_3", "sig_lead"])[-1])
    return path


def _for(pdf: Path, record: dict, **changes: object) -> dict:
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    return {**record, "document_path": f"documents/{digest}.pdf", "document_sha256": digest, **changes}


def test_the_registry_takes_each_record_exactly_once(hub, tmp_path, signed):
    pdf, records = signed
    lead = hub.account("张三", "housing")
    registry = hub.account("不动产登记中心", "approval", role="registry")
    inspector = Inspector("张三", "housing")
    path, package_id = make_package(tmp_path, inspector, documents=[pdf], registration=records)
    assert upload(hub, lead, path, package_id).status_code == 200

    with HubClient(hub.url, registry) as client:
        feed = client.registration_feed()
        assert sorted(r["fields"]["unit_id"] for r in feed) == sorted(r["unit_id"] for r in records)
        first = feed[0]
        assert first["fields"]["opinion_number"] == records[0]["opinion_number"]
        document = client.registration_document(first["document_url"])
        assert hashlib.sha256(document).hexdigest() == first["document_sha256"] == records[0]["document_sha256"]

        assert len(client.registration_feed()) == len(records)  # not acknowledged (an answer lost): served again
        result = client.acknowledge([first["record_id"]])
        assert result["acknowledged"] == [first["record_id"]]
        rest = [r["record_id"] for r in feed[1:]]
        assert [r["record_id"] for r in client.registration_feed()] == rest
        again = client.acknowledge([first["record_id"], *rest])
        assert again["already_acknowledged"] == [first["record_id"]] and again["acknowledged"] == rest
        assert client.registration_feed() == []

    # The same opinion in a later package (a resend after more work) is not a second record.
    later, later_id = make_package(tmp_path, inspector, documents=[pdf], registration=records[:1])
    assert upload(hub, lead, later, later_id).status_code == 200
    with HubClient(hub.url, registry) as client:
        assert client.registration_feed() == []


def test_the_feed_is_for_the_registry_role_of_the_jurisdiction_only(hub, tmp_path, signed):
    pdf, records = signed
    lead = hub.account("张三", "housing")
    registry = hub.account("登记中心", "approval", role="registry")
    elsewhere = hub.account("青岛登记中心", "approval", jurisdiction="370200", role="registry")
    path, package_id = make_package(tmp_path, Inspector("张三", "housing"), documents=[pdf], registration=records[:1])
    assert upload(hub, lead, path, package_id).status_code == 200
    with HubClient(hub.url, lead) as client, pytest.raises(HubRefused) as refused:
        client.registration_feed()
    assert refused.value.code == "hub.forbidden_role"
    with HubClient(hub.url, elsewhere) as client:
        assert client.registration_feed() == []
    with HubClient(hub.url, registry) as client:
        record = client.registration_feed()[0]
    with httpx.Client(headers={"Authorization": f"Bearer {elsewhere}"}) as http:
        assert http.get(record["document_url"]).status_code == 404
        acked = http.post(f"{hub.url}/registration/ack", json={"record_ids": [record["record_id"]]}).json()
    assert acked["unknown"] == [record["record_id"]]
    with httpx.Client(base_url=hub.url, headers={"Authorization": f"Bearer {registry}"}) as http:
        assert http.get(f"/packages/{package_id}/file").json()["code"] == "hub.forbidden_role"
    registry_path, registry_id = make_package(tmp_path, Inspector("登记中心", "approval"))
    with httpx.Client(base_url=hub.url, headers={"Authorization": f"Bearer {registry}"}) as http:
        chunk = http.put(f"/packages/{registry_id}", params={"offset": 0}, content=registry_path.read_bytes())
        committed = http.post(f"/packages/{registry_id}/commit")
    assert chunk.json()["code"] == "hub.forbidden_role"  # the registry uploads nothing, not even a chunk
    assert committed.json()["code"] == "hub.role_cannot_push"


def _refused(hub, token: str, package: tuple[Path, str], code: str) -> dict:  # type: ignore[no-untyped-def]
    before = (hub.count(Package), hub.count(RegistrationRecord))
    answer = upload(hub, token, *package)
    assert answer.status_code in (403, 422), answer.text
    body = answer.json()
    assert body["code"] == code, body
    assert (hub.count(Package), hub.count(RegistrationRecord)) == before
    return body["params"]


def test_records_from_a_non_lead_account_are_refused(hub, tmp_path, signed):
    pdf, records = signed
    planning = hub.account("王五", "planning")
    false_area = _for(pdf, records[0], area_above=99999.0)
    params = _refused(hub, planning, make_package(tmp_path, Inspector("王五", "planning"), documents=[pdf],
                                                   registration=[false_area]), "hub.registration_not_lead")
    assert params == {"department": "planning"}


def test_a_record_must_name_a_signed_opinion_of_the_same_package(hub, tmp_path, signed):
    pdf, records = signed
    lead, inspector = hub.account("张三", "housing"), Inspector("张三", "housing")
    manifest_record = {**records[0], "document_path": "manifest.json"}
    _refused(hub, lead, make_package(tmp_path, inspector, documents=[pdf], registration=[manifest_record]),
             "hub.registration_document_missing")
    elsewhere = _for(pdf, records[0])
    _refused(hub, lead, make_package(tmp_path, inspector, registration=[elsewhere]),  # the PDF is not in it
             "hub.registration_document_missing")
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.7\n% signed opinion\n")  # 25 bytes that only claim to be one
    params = _refused(hub, lead, make_package(tmp_path, inspector, documents=[fake],
                                              registration=[_for(fake, records[0])]), "hub.registration_not_signed")
    assert "no_signatures" in params["problems"] or "unreadable" in params["problems"]


def test_a_record_must_say_what_the_signed_opinion_says(hub, tmp_path, signed, failed_opinion):
    pdf, records = signed
    lead, inspector = hub.account("张三", "housing"), Inspector("张三", "housing")
    for field, value in (("area_above", records[0]["area_above"] + 1000), ("area_below", 0.5),
                         ("opinion_number", "济联验〔2026〕第00000000-0001号"), ("unit_name", "9#住宅楼"),
                         ("unit_code", "370112-9999"), ("project_code", "2024-370112-47-01-999999"),
                         # not printed, so held to what is: well formed, in the project's region, the 幢号 printed
                         ("real_estate_unit_code", "370112005003GB00126F0001000"),
                         ("real_estate_unit_code", "370102005003GB00126F00010000"),
                         ("real_estate_unit_code", "370112005003GB00126F00090000")):
        params = _refused(hub, lead, make_package(tmp_path, inspector, documents=[pdf],
                                                  registration=[_for(pdf, records[0], **{field: value})]),
                          "hub.registration_mismatch")
        assert params["field"] == field
    # A unit claimed as passed under an opinion whose joint conclusion is 不合格.
    claimed = {**records[0], "opinion_number": "济联验〔2026〕第A1B2C3D4-0001号", "unit_name": "1#住宅楼",
               "building_no": "1", "unit_code": "370112-0001", "real_estate_unit_code": "",
               "area_above": 12876.42, "area_below": 1320.56}
    params = _refused(hub, lead, make_package(tmp_path, inspector, documents=[failed_opinion],
                                              registration=[_for(failed_opinion, claimed)]),
                      "hub.registration_mismatch")
    assert params["field"] == "unit_result"


def test_an_opinion_changed_after_signing_backs_no_record(hub, tmp_path, signed):
    pdf, records = signed
    lead, inspector = hub.account("张三", "housing"), Inspector("张三", "housing")
    changed = tmp_path / "changed.pdf"
    data = pdf.read_bytes()
    changed.write_bytes(data + b"1 0 obj\n<< >>\nendobj\n%EOF\n")  # an appended revision without %%EOF
    params = _refused(hub, lead, make_package(tmp_path, inspector, documents=[changed],
                                              registration=[_for(changed, records[0])]), "hub.registration_not_signed")
    assert "appended" in params["problems"]

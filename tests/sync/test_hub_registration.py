"""The registration feed (验登合一): every accepted unit's record reaches the registry exactly once."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest

from acceptance_app.sync.client import HubClient, HubRefused
from tests.sync.hub_support import Inspector, make_package
from tests.sync.test_hub_api import upload


def registration_record(pdf: Path, unit: str) -> dict:
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    return {
        "project_code": "2024-370112-47-01-000001", "engineering_code": "370112202405010101",
        "opinion_number": "济联验〔2026〕001号", "opinion_title": "房屋建筑和市政基础设施工程竣工联合验收意见书",
        "opinion_date": "2026-11-30", "unit_id": unit, "unit_name": f"{unit}号楼", "unit_result": "passed",
        "real_estate_unit_code": "370112001001GB00001F00010001", "building_no": unit, "unit_code": f"U-{unit}",
        "area_above": 12000.5, "area_below": 3000.0,
        "document_path": f"documents/{digest}.pdf", "document_sha256": digest,
    }


@pytest.fixture
def opinion_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "opinion.pdf"
    path.write_bytes(b"%PDF-1.7\n% signed opinion\n" + b"0" * 5000 + b"\n%%EOF\n")
    return path


def test_the_registry_takes_each_record_exactly_once(hub, tmp_path, opinion_pdf):
    lead = hub.account("张三", "housing")
    registry = hub.account("不动产登记中心", "approval", role="registry")
    inspector = Inspector("张三", "housing")
    records = [registration_record(opinion_pdf, "1"), registration_record(opinion_pdf, "2")]
    path, package_id = make_package(tmp_path, inspector, documents=[opinion_pdf], registration=records)
    assert upload(hub, lead, path, package_id).status_code == 200

    with HubClient(hub.url, registry) as client:
        feed = client.registration_feed()
        assert sorted(r["fields"]["unit_id"] for r in feed) == ["1", "2"]
        first = feed[0]
        assert first["fields"]["opinion_number"] == "济联验〔2026〕001号"
        assert first["fields"]["real_estate_unit_code"] == "370112001001GB00001F00010001"
        pdf = client.registration_document(first["document_url"])
        assert hashlib.sha256(pdf).hexdigest() == first["document_sha256"] == records[0]["document_sha256"]

        assert len(client.registration_feed()) == 2  # not acknowledged (an answer lost): served again
        result = client.acknowledge([first["record_id"]])
        assert result["acknowledged"] == [first["record_id"]]
        assert [r["record_id"] for r in client.registration_feed()] == [feed[1]["record_id"]]
        again = client.acknowledge([first["record_id"], feed[1]["record_id"]])
        assert again["already_acknowledged"] == [first["record_id"]]
        assert again["acknowledged"] == [feed[1]["record_id"]]
        assert client.registration_feed() == []

    # The same opinion in a later package (a resend after more work) is not a second record.
    later, later_id = make_package(tmp_path, inspector, documents=[opinion_pdf], registration=records[:1])
    assert upload(hub, lead, later, later_id).status_code == 200
    with HubClient(hub.url, registry) as client:
        assert client.registration_feed() == []


def test_the_feed_is_for_the_registry_role_of_the_jurisdiction_only(hub, tmp_path, opinion_pdf):
    lead = hub.account("张三", "housing")
    registry = hub.account("登记中心", "approval", role="registry")
    elsewhere = hub.account("青岛登记中心", "approval", jurisdiction="370200", role="registry")
    path, package_id = make_package(tmp_path, Inspector("张三", "housing"), documents=[opinion_pdf],
                                    registration=[registration_record(opinion_pdf, "1")])
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
    registry_push = upload(hub, registry, *make_package(tmp_path, Inspector("登记中心", "approval")))
    assert registry_push.json()["code"] == "hub.role_cannot_push"

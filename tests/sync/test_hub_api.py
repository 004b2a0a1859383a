"""The hub's HTTP API over a real socket, on SQLite and PostgreSQL: upload in chunks, commit with a receipt,
idempotency by package id, refusals (tampered, foreign id), jurisdiction, department and key scoping."""

from __future__ import annotations

import hashlib
import uuid
import zipfile
from pathlib import Path

import httpx
import pytest

from acceptance_app.hub.models import Package
from tests.sync.hub_support import Inspector, LiveHub, make_package, rows


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def upload(hub: LiveHub, token: str, path: Path, package_id: str, chunk: int = 4096) -> httpx.Response:
    data = path.read_bytes()
    with httpx.Client(base_url=hub.url, headers=auth(token)) as http:
        for offset in range(0, len(data), chunk):
            response = http.put(f"/packages/{package_id}", params={"offset": offset},
                                content=data[offset : offset + chunk])
            assert response.status_code == 200, response.text
        return http.post(f"/packages/{package_id}/commit",
                         json={"size": len(data), "sha256": hashlib.sha256(data).hexdigest()})


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 200)
    return path


def test_a_package_uploaded_in_chunks_is_committed_once_with_a_receipt_echoing_its_hashes(hub, tmp_path, photo):
    token = hub.account("张三", "housing")
    path, package_id = make_package(tmp_path, Inspector("张三", "housing"), photos=[photo])
    response = upload(hub, token, path, package_id)
    assert response.status_code == 200, response.text
    receipt = response.json()
    with zipfile.ZipFile(path) as archive:
        manifest = archive.read("manifest.json")
    assert receipt["package_id"] == package_id
    assert receipt["manifest_sha256"] == hashlib.sha256(manifest).hexdigest()
    assert {f["path"] for f in receipt["files"]} == {"payload/records.json",
                                                     f"photos/{hashlib.sha256(photo.read_bytes()).hexdigest()}"}
    assert receipt["receipt_id"] and receipt["received_at"]

    with httpx.Client(base_url=hub.url, headers=auth(token)) as http:  # the same package again: harmless
        again = http.put(f"/packages/{package_id}", params={"offset": 0}, content=path.read_bytes())
        assert again.status_code == 409 and again.json()["code"] == "hub.already_committed"
        recommit = http.post(f"/packages/{package_id}/commit", json={"sha256": receipt["package_sha256"]})
        state = http.get(f"/packages/{package_id}").json()
        head = http.head(f"/packages/{package_id}")
    assert recommit.json() == receipt
    assert state["committed"] and state["receipt"] == receipt
    assert head.headers["Upload-Offset"] == str(path.stat().st_size)
    assert hub.count(Package) == 1


def test_a_chunk_at_the_wrong_offset_is_answered_with_the_offset_to_resume_from(hub, tmp_path, photo):
    token = hub.account("张三", "housing")
    path, package_id = make_package(tmp_path, Inspector("张三", "housing"), photos=[photo])
    data = path.read_bytes()
    with httpx.Client(base_url=hub.url, headers=auth(token)) as http:
        assert http.put(f"/packages/{package_id}", params={"offset": 0}, content=data[:1000]).json()["offset"] == 1000
        repeated = http.put(f"/packages/{package_id}", params={"offset": 0}, content=data[:1000])
        assert repeated.status_code == 409
        assert repeated.json()["code"] == "hub.offset_mismatch" and repeated.json()["params"]["offset"] == 1000
        assert http.get(f"/packages/{package_id}").json() == {
            "package_id": package_id, "offset": 1000, "committed": False, "receipt": None}
        assert http.put(f"/packages/{package_id}", params={"offset": 1000}, content=data[1000:]).status_code == 200
        assert http.post(f"/packages/{package_id}/commit", json={"size": len(data)}).status_code == 200


def test_a_different_file_under_a_known_package_id_is_refused_and_nothing_is_stored(hub, tmp_path, photo):
    token = hub.account("张三", "housing")
    inspector = Inspector("张三", "housing")
    path, package_id = make_package(tmp_path, inspector, photos=[photo])
    assert upload(hub, token, path, package_id).status_code == 200
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    other, _ = make_package(other_dir, inspector, package_id=package_id)  # same id, other content
    with httpx.Client(base_url=hub.url, headers=auth(token)) as http:
        refused = http.post(f"/packages/{package_id}/commit",
                            json={"sha256": hashlib.sha256(other.read_bytes()).hexdigest()})
    assert refused.status_code == 409 and refused.json()["code"] == "hub.package_id_taken"
    assert hub.count(Package) == 1


def test_a_tampered_upload_is_refused_with_the_reason_and_not_stored(hub, tmp_path, photo):
    token = hub.account("张三", "housing")
    path, package_id = make_package(tmp_path, Inspector("张三", "housing"), photos=[photo])
    data = bytearray(path.read_bytes())
    spot = data.find(bytes(range(100, 140)))  # inside the stored (not deflated) photo
    data[spot] ^= 0xFF
    path.write_bytes(bytes(data))
    response = upload(hub, token, path, package_id)
    assert response.status_code == 422
    assert response.json()["code"].startswith("exchange.")
    assert response.json()["message"]
    assert hub.count(Package) == 0
    with httpx.Client(base_url=hub.url, headers=auth(token)) as http:
        assert http.get(f"/packages/{package_id}").json()["offset"] == 0  # the bad bytes were dropped


def test_a_token_for_one_jurisdiction_sees_nothing_of_another(hub, tmp_path):
    jinan = hub.account("张三", "housing")
    qingdao = hub.account("李四", "housing", jurisdiction="370200")
    jinan_peer = hub.account("王五", "planning")
    path, package_id = make_package(tmp_path, Inspector("张三", "housing"))
    assert upload(hub, jinan, path, package_id).status_code == 200
    with httpx.Client(base_url=hub.url) as http:
        assert http.get("/packages", headers=auth(qingdao)).json()["packages"] == []
        assert http.get(f"/packages/{package_id}/file", headers=auth(qingdao)).status_code == 404
        assert http.get(f"/packages/{package_id}", headers=auth(qingdao)).json()["committed"] is False
        listed = http.get("/packages", headers=auth(jinan_peer)).json()
        assert [p["package_id"] for p in listed["packages"]] == [package_id]
        assert http.get("/packages", headers=auth(jinan)).json()["packages"] == []  # not its own
        assert http.get(f"/packages/{package_id}/file", headers=auth(jinan_peer)).content == path.read_bytes()
        assert http.get("/packages", params={"after": listed["next_cursor"]},
                        headers=auth(jinan_peer)).json()["packages"] == []
    qingdao_path, qingdao_id = make_package(tmp_path, Inspector("李四", "housing"))  # a 370112 project
    refused = upload(hub, qingdao, qingdao_path, qingdao_id)
    assert refused.status_code == 403 and refused.json()["code"] == "hub.wrong_jurisdiction"


def test_a_non_lead_inspector_cannot_push_another_departments_results(hub, tmp_path, session, demo_project):
    planning = hub.account("王五", "planning")
    inspector = Inspector("王五", "planning")
    fire_answers = rows(session, "answers", discipline="fire")[:3]
    assert fire_answers
    path, package_id = make_package(tmp_path, inspector, tables={"answers": fire_answers})
    refused = upload(hub, planning, path, package_id)
    assert refused.status_code == 403
    assert refused.json()["code"] == "hub.foreign_results"
    assert refused.json()["params"]["table"] == "answers"
    assert hub.count(Package) == 0

    own = make_package(tmp_path, inspector, tables={"answers": rows(session, "answers", discipline="planning")[:3]})
    assert upload(hub, planning, *own).status_code == 200
    lead = hub.account("张三", "housing")  # the lead department relays everyone's results
    relayed = make_package(tmp_path, Inspector("张三", "housing"), tables={"answers": fire_answers[:1] + rows(
        session, "answers", discipline="planning")[:1]})
    assert upload(hub, lead, *relayed).status_code == 200


def test_the_sender_must_be_the_account_and_keep_its_key(hub, tmp_path):
    token = hub.account("张三", "housing")
    first = Inspector("张三", "housing")
    assert upload(hub, token, *make_package(tmp_path, first)).status_code == 200  # registers first's key
    stranger = upload(hub, token, *make_package(tmp_path, Inspector("张三", "housing")))
    assert stranger.status_code == 403 and stranger.json()["code"] == "hub.wrong_key"
    other_department = upload(hub, token, *make_package(tmp_path, Inspector("张三", "planning", key=first.key)))
    assert other_department.json()["code"] == "hub.wrong_department"
    with httpx.Client(base_url=hub.url, headers=auth(token)) as http:
        assert http.get("/account").json()["public_key"] == first.public_key
        assert http.put("/account/key", json={"public_key": first.public_key}).status_code == 200
        assert http.put("/account/key", json={"public_key": "x" * 44}).json()["code"] == "hub.key_registered"


def test_no_token_no_access_and_the_api_is_described(hub):
    with httpx.Client(base_url=hub.url) as http:
        assert http.get("/packages").status_code == 401
        assert http.get("/packages", headers=auth("wrong")).json()["code"] == "hub.unauthorized"
        spec = http.get("/openapi.json").json()
    assert {"/packages/{package_id}", "/packages/{package_id}/commit", "/packages", "/registration/feed",
            "/registration/ack"} <= set(spec["paths"])


def test_package_ids_are_uuids(hub):
    token = hub.account("张三", "housing")
    with httpx.Client(base_url=hub.url, headers=auth(token)) as http:
        assert http.put("/packages/..%2Fetc", params={"offset": 0}, content=b"x").status_code in (404, 422)
        assert http.get(f"/packages/{uuid.uuid4()}").json()["offset"] == 0


def test_uploads_left_for_two_weeks_are_swept_and_fresh_ones_kept(tmp_path):
    import os
    import time

    from acceptance_app.hub.store import PackageStore

    store = PackageStore(tmp_path / "files")
    account = uuid.uuid4()
    old, fresh = str(uuid.uuid4()), str(uuid.uuid4())
    store.append(account, old, b"abc")
    store.append(account, fresh, b"abc")
    month_ago = time.time() - 30 * 86400
    os.utime(store.partial(account, old), (month_ago, month_ago))
    assert store.sweep_partials() == 1
    assert store.offset(account, old) == 0 and store.offset(account, fresh) == 3

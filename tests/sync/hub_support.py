"""Helpers for the hub tests: a live hub (uvicorn in a thread on a free loopback port), accounts, and
packages written by the exchange format's own writer from real rows of the demo data folder."""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import uvicorn
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from acceptance_app.hub.accounts import add_account
from acceptance_app.hub.app import create_app
from acceptance_app.services.hub_opinions import opinion_reader
from acceptance_app.sync.keys import public_bytes
from acceptance_app.sync.manifest import Sender
from acceptance_app.sync.package import write_package
from acceptance_app.sync.records import encode_row, table
from tests.sync.postgres_cluster import free_port

JURISDICTION = "370100"  # 济南; the demo project is in 370112


class LiveHub:
    """The real hub app served by uvicorn on 127.0.0.1, stopped (and its engine disposed) on close."""

    def __init__(self, db_url: str, files: Path, port: int | None = None) -> None:
        self.app = create_app(db_url, files, opinion_reader())
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off",
                                access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="hub", daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the hub did not start")
            time.sleep(0.01)

    def session(self) -> Session:
        return self.app.state.sessions()

    def account(self, name: str, department: str = "housing", *, jurisdiction: str = JURISDICTION,
                role: str = "inspector") -> str:
        with self.session() as session:
            token = add_account(session, name=name, department=department, jurisdiction=jurisdiction,
                                role=role).token
            session.commit()
        return token

    def count(self, model: Any) -> int:
        with self.session() as session:
            return session.scalar(sa.select(sa.func.count()).select_from(model)) or 0

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.app.state.engine.dispose()


@dataclass
class Inspector:
    """A sender: name, department, region of its project and its own device key."""

    name: str
    department: str
    jurisdiction: str = "370112"
    key: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)

    @property
    def public_key(self) -> str:
        import base64

        return base64.b64encode(public_bytes(self.key.public_key())).decode("ascii")

    def sender(self) -> Sender:
        return Sender(device="TEST0001", inspector=self.name, department=self.department,
                      jurisdiction=self.jurisdiction, public_key=self.public_key)


def rows(session: Session, name: str, **where: Any) -> list[dict[str, Any]]:
    t = table(name)
    query = sa.select(t).where(*(t.c[k] == v for k, v in where.items()))
    return [encode_row(r) for r in session.execute(query)]


def make_package(folder: Path, inspector: Inspector, *, tables: dict[str, list[dict]] | None = None,
                 photos: list[Path] = (), documents: list[Path] = (), registration: list[dict] = (),
                 package_id: str | None = None, project_id: str | None = None,
                 discipline: str | None = None) -> tuple[Path, str]:
    import hashlib
    import json

    package_id = package_id or str(uuid.uuid4())
    files = [(f"photos/{hashlib.sha256(p.read_bytes()).hexdigest()}", p) for p in photos]
    files += [(f"documents/{hashlib.sha256(p.read_bytes()).hexdigest()}.pdf", p) for p in documents]
    records = json.dumps({"tables": tables or {}}, ensure_ascii=False).encode("utf-8")
    path = folder / f"{package_id}.acpkg"
    write_package(
        path, package_id=package_id, created_at=datetime.now(UTC).isoformat(), sender=inspector.sender(),
        scope={"project_id": project_id or str(uuid.uuid4()), "discipline": discipline},
        keys={"project_code": "2024-370112-47-01-000001", "engineering_code": "", "units": []},
        records=records, files=files, registration=list(registration), private_key=inspector.key,
    )
    return path, package_id


def inspector_folder(demo_root: Path, target: Path) -> Any:
    """A copy of the demo data folder as another laptop: its own device id and (made on first use) its own key."""
    import shutil

    from acceptance_app.storage.data_folder import DataFolder
    from acceptance_app.storage.db import open_database
    from acceptance_app.storage.models import LocalMeta

    shutil.copytree(demo_root, target)
    shutil.rmtree(target / "keys", ignore_errors=True)
    folder = DataFolder(target)
    db = open_database(folder)
    with db.session() as session, session.begin():
        session.get(LocalMeta, "device_id").value = uuid.uuid4().hex[:8].upper()
    db.close()
    return folder


def concluded_project_with_signed_opinion(database: Any) -> uuid.UUID:
    """The demo's concluded project (二期) with its 6# opinion (6# accepted alone) issued and signed in every field,
    by one training identity: the registry's records come from signed opinions only."""
    import sqlalchemy as sa

    from acceptance_app.demo.ready import create_ready_project
    from acceptance_app.domain.enums import Department
    from acceptance_app.reports.signing.pades import SignRequest
    from acceptance_app.services.documents.issuing import issue_opinion
    from acceptance_app.services.signing import identities
    from acceptance_app.services.signing import signatures as signing
    from acceptance_app.storage.models import Unit

    with database.session() as s, s.begin():
        project_id, _ = create_ready_project(s)
    with database.session() as s, s.begin():
        # 7# is in rectification: the opinion is 6#'s, accepted on its own (the whole project's waits for 7#)
        sixth = s.scalars(sa.select(Unit.id).where(Unit.project_id == project_id, Unit.name == "6#住宅楼")).one()
        opinion, _ = issue_opinion(s, project_id, sixth)  # takes its number in its own transaction: first
        identity, _ = identities.create_training_identity(s, "签署人", Department.HOUSING, "demo")
    with database.session() as s:
        fields = [f.name for f in signing.signing_status(s, opinion.id).fields]
    for name in fields:
        with database.session() as s, s.begin():
            provider = identities.provider_for(s, identity.id, "demo")
            signing.sign_document(s, opinion.id, SignRequest(name, "签署人", "部门", training=True), provider)
    return project_id

"""The demo project's findings and commitments: every state of the loop, one overdue, a 复验 round, a
technical-service finding carried into the formal acceptance, an open 档案移交 promise and a winter-planting
promise. The facts (item, location, measured value, clause, photo) are in demo_data.

It uses the units the checklist demo leaves alone (商业, 幼儿园, 车库) so that the two never make the same
inspection round; the inspections it needs are made here as concluded rounds (get-or-create)."""

from __future__ import annotations

import io
import uuid
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from PIL import Image, ImageDraw
from sqlalchemy.orm import Session

from acceptance_app.demo.data import (
    COMMITMENTS,
    HAND_FINDINGS,
    INSPECTOR_OF,
    PHOTO_OF_KIND,
    SERVICE_FINDING,
    HandFinding,
    site_day,
)
from acceptance_app.domain.enums import Discipline, InspectionKind, InspectionStatus, Verdict
from acceptance_app.domain.findings import CommitmentData, CommitmentKind, CommitmentStatus, FindingData
from acceptance_app.domain.photos import PhotoTarget
from acceptance_app.services.changes import Changes
from acceptance_app.services.findings import commitments, rechecks
from acceptance_app.services.findings import workflow as findings
from acceptance_app.services.photos import library as photos
from acceptance_app.storage.db import data_folder_of
from acceptance_app.storage.models import Inspection, Photo, Unit, utcnow
from acceptance_app.storage.photo_layout import Ingested
from acceptance_app.storage.photo_store import ingest


def _inspection(session: Session, unit: Unit, discipline: Discipline,
                kind: InspectionKind = InspectionKind.FORMAL, verdict: Verdict | None = Verdict.RECHECK) -> uuid.UUID:
    found = session.scalars(sa.select(Inspection).where(
        Inspection.unit_id == unit.id, Inspection.discipline == discipline, Inspection.kind == kind,
    ).order_by(Inspection.round.desc())).first()
    if found is not None:
        return found.id
    inspection = Inspection(id=uuid.uuid4(), unit_id=unit.id, discipline=discipline, kind=kind, round=1,
                            status=InspectionStatus.COMPLETED, verdict=verdict, started_at=utcnow(),
                            completed_at=utcnow())
    session.add(inspection)
    session.flush()
    return inspection.id


def add_demo_finding(session: Session, inspection_id: uuid.UUID, data: FindingData, days_ago: int) -> uuid.UUID:
    """A finding made on the site visit ``days_ago`` days back (a working day)."""
    return findings.add_finding(session, inspection_id, data, today=site_day(days_ago))[0]


def link_photo(session: Session, target: PhotoTarget, photo_id: uuid.UUID | None) -> None:
    if photo_id is not None:  # None: the photos demo made none (an in-memory database)
        photos.attach_photo(session, photo_id, target)


def demo_photo(session: Session, name: str) -> uuid.UUID | None:
    """A photo the photos demo made (None when it made none, e.g. in an in-memory database)."""
    return session.scalar(sa.select(Photo.id).where(Photo.original_name == name).limit(1))


AFTER_PHOTO = "IMG_2388.JPG"


def _after_photo(session: Session, taken: datetime) -> uuid.UUID | None:
    """The rectified sprinkler test valve, now with its pressure gauge, photographed by the builder's staff and
    handed in with the rectification report (EXIF time in working hours)."""
    folder = data_folder_of(session)
    if folder is None or demo_photo(session, PHOTO_OF_KIND["valve"]) is None:
        return None
    image = Image.new("RGB", (800, 600), (196, 190, 178))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 470, 800, 600), fill=(120, 116, 110))
    draw.rectangle((360, 80, 390, 470), fill=(200, 30, 30))  # riser
    draw.ellipse((400, 200, 520, 320), fill=(245, 245, 245), outline=(40, 40, 40), width=8)  # the new gauge
    draw.line([(460, 260), (495, 230)], fill=(20, 20, 20), width=6)
    exif = Image.Exif()
    stamp = f"{taken:%Y:%m:%d %H:%M:%S}"
    exif[0x010F], exif[0x0110], exif[0x0132] = "Xiaomi", "Redmi K70", stamp
    exif.get_ifd(0x8769)[0x9003] = stamp
    path = folder.root / ".demo-after.jpg"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, exif=exif)
    path.write_bytes(buffer.getvalue())
    try:
        done = ingest(str(path), str(folder.photos))
    finally:
        path.unlink()
    assert isinstance(done, Ingested)
    photo = Photo(id=uuid.uuid4(), sha256=done.sha256, original_name=AFTER_PHOTO, size=done.size,
                  width=done.width, height=done.height, mime=done.mime, taken_at=done.exif.taken_at,
                  camera_make=done.exif.camera_make, camera_model=done.exif.camera_model,
                  imported_by=INSPECTOR_OF[Discipline.FIRE], imported_at=utcnow())
    session.add(photo)
    session.flush()
    return photo.id


def _record(session: Session, inspection_id: uuid.UUID, hand: HandFinding) -> uuid.UUID:
    finding_id = add_demo_finding(session, inspection_id, FindingData(
        hand.description, hand.item_class, hand.party, hand.days, hand.item_id), days_ago=hand.days_ago)
    link_photo(session, PhotoTarget.finding(finding_id), demo_photo(session, PHOTO_OF_KIND[hand.photo]))
    for step, note in hand.steps:
        if step == "rectify":
            findings.mark_rectified(session, finding_id, note)
            if hand.photo == "valve":  # the rectification report's photo
                taken = datetime.combine(site_day(max(hand.days_ago - 5, 1)), time(14, 26, 8))
                link_photo(session, PhotoTarget.finding(finding_id), _after_photo(session, taken))
        else:
            findings.recheck(session, finding_id, passed=step == "pass", note=note)
    return finding_id


def add_demo_findings(session: Session, project_id: uuid.UUID) -> Changes:
    units = {u.name: u for u in session.scalars(sa.select(Unit).where(Unit.project_id == project_id))}
    if not all(h.unit in units for h in (*HAND_FINDINGS, SERVICE_FINDING)):
        return Changes()
    for hand in HAND_FINDINGS:
        _record(session, _inspection(session, units[hand.unit], hand.discipline), hand)

    rechecks.start_recheck_round(session, units["配套商业S1"].id, Discipline.FIRE)  # 复验 of 商业S1 消防

    service = _inspection(session, units[SERVICE_FINDING.unit], SERVICE_FINDING.discipline, InspectionKind.SERVICE,
                          verdict=None)
    _record(session, service, SERVICE_FINDING)
    rechecks.carry_service_findings(session, project_id)

    today = date.today()
    for promise in COMMITMENTS:
        commitment_id, _ = commitments.add_commitment(session, project_id, CommitmentData(
            CommitmentKind(promise.kind), promise.subject, promise.promise, promise.party,
            today + timedelta(days=promise.due_in_days)), today=today)
        if promise.fulfilled:
            commitments.record_check(session, commitment_id, CommitmentStatus.FULFILLED, promise.fulfilled)
    return Changes(inspection=True, finding=True, photo=True)

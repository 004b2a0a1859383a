"""The demo project's findings and commitments: every state of the loop, one overdue, a 复验 round, a
technical-service finding carried into the formal acceptance, and an open 档案移交 promise.

It uses the units the checklist demo leaves alone (商业, 幼儿园, 车库) so that the two never make the same
inspection round; the inspections it needs are made here as concluded rounds (get-or-create)."""

from __future__ import annotations

import io
import uuid
from datetime import date, timedelta

import sqlalchemy as sa
from PIL import Image, ImageDraw
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import (
    Discipline,
    InspectionKind,
    InspectionStatus,
    ItemClass,
    PartyRole,
    Verdict,
)
from acceptance_app.domain.findings import CommitmentData, CommitmentKind, CommitmentStatus, FindingData
from acceptance_app.domain.photos import PhotoTarget
from acceptance_app.services import commitments, findings, photos, rechecks
from acceptance_app.services.changes import Changes
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
    today = date.today()
    return findings.add_finding(session, inspection_id, data, today=today - timedelta(days=days_ago))[0]


def link_photo(session: Session, target: PhotoTarget, photo_id: uuid.UUID | None) -> None:
    if photo_id is not None:  # None: the photos demo made none (an in-memory database)
        photos.attach_photo(session, photo_id, target)


def demo_photo(session: Session, name: str) -> uuid.UUID | None:
    """A photo the photos demo made (None when it made none, e.g. in an in-memory database)."""
    return session.scalar(sa.select(Photo.id).where(Photo.original_name == name, Photo.imported_by == "演示"))


def _after_photo(session: Session) -> uuid.UUID | None:
    """The rectified sprinkler test valve, now with its pressure gauge, drawn and stored like a real import."""
    folder = data_folder_of(session)
    if folder is None or demo_photo(session, "IMG_2302.JPG") is None:
        return None
    image = Image.new("RGB", (800, 600), (196, 190, 178))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 470, 800, 600), fill=(120, 116, 110))
    draw.rectangle((360, 120, 390, 470), fill=(200, 30, 30))  # riser
    draw.ellipse((300, 160, 450, 310), fill=(245, 245, 245), outline=(40, 40, 40), width=8)  # the new gauge
    draw.line([(375, 235), (420, 200)], fill=(20, 20, 20), width=6)
    path = folder.root / ".demo-after.jpg"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    path.write_bytes(buffer.getvalue())
    try:
        done = ingest(str(path), str(folder.photos))
    finally:
        path.unlink()
    assert isinstance(done, Ingested)
    photo = Photo(id=uuid.uuid4(), sha256=done.sha256, original_name="IMG_2388.JPG", size=done.size,
                  width=done.width, height=done.height, mime=done.mime, imported_by="演示", imported_at=utcnow())
    session.add(photo)
    session.flush()
    return photo.id


def add_demo_findings(session: Session, project_id: uuid.UUID) -> Changes:
    units = {u.name: u for u in session.scalars(sa.select(Unit).where(Unit.project_id == project_id))}
    shop, kindergarten, garage = (units.get(n) for n in ("配套商业S1", "幼儿园", "地下车库（含人防工程）"))
    if not (shop and kindergarten and garage):
        return Changes()
    shop_fire = _inspection(session, shop, Discipline.FIRE)
    overdue = add_demo_finding(session, shop_fire, FindingData(
        "二层东侧疏散楼梯间乙级防火门闭门器缺失，防火门不能自行关闭", ItemClass.B, PartyRole.CONTRACTOR, 10, "XF-04-1"),
        days_ago=25)
    link_photo(session, PhotoTarget.finding(overdue), demo_photo(session, "IMG_2304.JPG"))  # stays 待整改, past its deadline
    sprinkler = add_demo_finding(session, shop_fire, FindingData(
        "一层商铺自动喷水灭火系统末端试水装置未设压力表", ItemClass.C, PartyRole.CONTRACTOR, 15, "XF-07-2"), days_ago=8)
    link_photo(session, PhotoTarget.finding(sprinkler), demo_photo(session, "IMG_2302.JPG"))  # before
    findings.mark_rectified(session, sprinkler, "已补装压力表并试水，压力 0.12 MPa（施工单位报送）")
    link_photo(session, PhotoTarget.finding(sprinkler), _after_photo(session))  # after

    kg_planning = _inspection(session, kindergarten, Discipline.PLANNING)
    add_demo_finding(session, kg_planning, FindingData(
        "绿地率实测 33.6%，低于规划条件要求的不低于 35%", ItemClass.B, PartyRole.BUILDER, 20, "GH-05-1"), days_ago=2)
    fence = add_demo_finding(session, kg_planning, FindingData(
        "室外活动场地围墙高度实测 1.60 m，低于设计 1.80 m", ItemClass.C, PartyRole.CONTRACTOR, 10, "GH-03-2"),
        days_ago=20)
    findings.mark_rectified(session, fence, "围墙已加高至 1.80 m")
    findings.recheck(session, fence, passed=True, note="复验实测 1.81 m，符合设计")

    garage_fire = _inspection(session, garage, Discipline.FIRE)
    shutter = add_demo_finding(session, garage_fire, FindingData(
        "B 区防火分区处 3 樘防火卷帘联动下降不到底", ItemClass.B, PartyRole.CONTRACTOR, 15, "XF-05-2"), days_ago=12)
    findings.mark_rectified(session, shutter, "已调整限位并联动试验")
    findings.recheck(session, shutter, passed=False, note="复验时 B-3 卷帘仍停在距地 0.4 m 处")

    rechecks.start_recheck_round(session, shop.id, Discipline.FIRE)  # 复验 of 商业S1 消防

    service = _inspection(session, kindergarten, Discipline.FIRE, InspectionKind.SERVICE, verdict=None)
    add_demo_finding(session, service, FindingData(
        "二层活动室疏散走道净宽 1.30 m，小于幼儿园建筑要求的 1.40 m", ItemClass.A, PartyRole.DESIGNER, 30, "XF-03-1"),
        days_ago=30)
    rechecks.carry_service_findings(session, project_id)

    today = date.today()
    commitments.add_commitment(session, project_id, CommitmentData(
        CommitmentKind.PROMISE, "城建档案移交", "竣工验收合格后三个月内向城建档案馆移交纸质及电子工程档案",
        PartyRole.BUILDER, today + timedelta(days=91)), today=today)
    survey, _ = commitments.add_commitment(session, project_id, CommitmentData(
        CommitmentKind.DEFERRED, "竣工测量报告", "容缺受理，五个工作日内补交竣工测量成果报告",
        PartyRole.BUILDER, today + timedelta(days=7)), today=today)
    commitments.record_check(session, survey, CommitmentStatus.FULFILLED, "已补交，报告编号 JNCH-2026-1187")
    return Changes(inspection=True, finding=True, photo=True)

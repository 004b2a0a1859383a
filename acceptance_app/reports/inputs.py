"""Plain inputs of the documents. The renderers see only these (never ORM rows), so the documents do not
depend on the tables of checklists, findings or photos; services/documents/inputs.py assembles them."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ProjectFacts:
    name: str
    project_code: str
    engineering_code: str
    location: str
    planning_permit_no: str
    construction_permit_no: str


@dataclass(frozen=True)
class PartyLine:
    role_label: str  # 建设单位 ...
    name: str
    uscc: str  # 统一社会信用代码
    leader_title: str = ""  # 项目负责人 / 项目经理 / 总监理工程师
    leader: str = ""


@dataclass(frozen=True)
class UnitLine:
    name: str
    building_no: str  # 幢号
    unit_code: str
    real_estate_unit_code: str
    area_above: float
    area_below: float
    storeys_above: int
    storeys_below: int
    height: float
    structure_label: str
    use_label: str
    # "special" (特殊建设工程: 消防验收) or "other" (其他建设工程: 备案抽查); None until the unit facts give it
    fire_regime: str | None = None


@dataclass(frozen=True)
class DecidingItem:
    item_id: str
    text: str
    verdict_label: str  # 合格 / 不合格 / 不适用
    clause: str  # source clause, e.g. GB 50016-2014 第5.5.17条


@dataclass(frozen=True)
class OutcomeLine:
    """One outcome in the organ's words for a group of units (消防: one line per regime)."""

    units_label: str
    words: str  # 规划条件核实合格 / 同意备案 / 消防验收合格 / 备案抽查合格 / 同意验收 ...
    passed: bool


@dataclass(frozen=True)
class DisciplineConclusion:
    discipline_label: str  # 规划条件核实
    department_label: str  # 济南市自然资源和规划局
    verdict_label: str  # 合格 / 不合格 / 不涉及 (the joint reckoning; the organ's words are in outcomes)
    units_label: str  # the units the conclusion covers
    deciding_items: tuple[DecidingItem, ...] = ()
    outcomes: tuple[OutcomeLine, ...] = ()


@dataclass(frozen=True)
class Signer:
    department_label: str
    name: str
    is_lead: bool = False
    members: tuple[str, ...] = ()  # the department's team on site
    duties: str = ""  # 牵头；消防验收
    field_label: str = ""  # the signature field's department (the generic label the signing side matches)


@dataclass(frozen=True)
class PhotoInput:
    """A display copy (JPEG, already rotated and annotated) with its caption facts.

    ``content_key`` names what the pixels are made of, where the caller knows it (the photo store: the
    original's sha256 and the key of what was drawn on it, services/photos/rendering.py); the manifest then
    names the photo by it instead of hashing the file. Empty: the manifest carries the file's sha256."""

    path: Path
    item: str
    taken_at: str
    gps: str
    inspector: str
    content_key: str = ""


@dataclass(frozen=True)
class DocumentHeader:
    """What every document starts with; the number is "" until one is reserved."""

    number: str
    issue_date: date
    issuer: str  # the issuing authority, printed above the title and under the signatures
    project: ProjectFacts


@dataclass(frozen=True)
class OpinionInput(DocumentHeader):
    parties: tuple[PartyLine, ...]
    units: tuple[UnitLine, ...]
    conclusions: tuple[DisciplineConclusion, ...]
    joint_conclusion: str  # 合格 / 不合格
    open_commitments: tuple[str, ...]
    signers: tuple[Signer, ...]
    scope_label: str = ""  # "全部单体" or the one unit accepted alone
    dates: tuple[tuple[str, str], ...] = ()  # (申请日期, 2026年11月2日), (受理编号, ...) from the timeline
    areas: tuple[tuple[str, str], ...] = ()  # 总建筑面积（实测）, 用地面积, 测绘报告编号
    legal_basis: tuple[str, ...] = ()
    reconsideration: str = ""  # 复议机关
    court: str = ""
    verify_url: str = ""  # the jurisdiction's verification address; "" = the QR code carries number and code
    prerequisites: tuple[str, ...] = ()  # a unit accepted alone: the shared project-level items it relied on
    failures: tuple[str, ...] = ()  # a final 不合格: what failed, as the findings word it


@dataclass(frozen=True)
class FindingLine:
    item: str
    description: str
    item_class: str  # A 否决项 / B 关键项 / C 一般项
    party: str
    deadline: str
    unit: str = ""
    photos: tuple[PhotoInput, ...] = ()
    route: str = ""  # the remedy's route when it is not construction work (设计变更 / 规划)


@dataclass(frozen=True)
class RectificationInput(DocumentHeader):
    addressee: str  # 建设单位
    findings: tuple[FindingLine, ...]
    signers: tuple[Signer, ...]
    deadline: str = ""  # one deadline, 2026年12月20日


@dataclass(frozen=True)
class ServiceReportInput(DocumentHeader):
    """验收前技术服务: advisory wording only; the renderer never prints 合格/不合格 as a conclusion."""

    units: tuple[UnitLine, ...]
    observations: tuple[FindingLine, ...]
    signers: tuple[Signer, ...]
    visit_date: str = ""  # the day of the visit (the service findings' date), not the print date
    applicant: str = ""
    mode: str = "现场"  # 现场 / 资料预审
    materials: tuple[str, ...] = ()  # 资料预审: per discipline, the materials checked and the ones found wanting


@dataclass(frozen=True)
class RecordLine:
    item_id: str
    text: str
    answer: str
    measurement: str
    samples: str
    verdict_label: str
    clause: str


@dataclass(frozen=True)
class RecordSheetInput(DocumentHeader):
    discipline_label: str
    unit_label: str
    form_label: str  # form id + version
    items: tuple[RecordLine, ...]
    signers: tuple[Signer, ...]


DocumentInput = OpinionInput | RectificationInput | ServiceReportInput | RecordSheetInput


def _plain(value: Any) -> Any:
    if isinstance(value, PhotoInput) and value.content_key:  # by what it shows, not where the file lies
        return {k: _plain(v) for k, v in asdict(value).items() if k != "path"}
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Path | date):
        return str(value)
    return value


def content_manifest(data: DocumentInput, photo_hashes: dict[str, str] | None = None) -> bytes:
    """The canonical JSON of everything printed (photos by content key, or their files by content hash):
    what the QR code vouches for."""
    manifest = {"type": type(data).__name__, "data": _plain(data), "photos": photo_hashes or {}}
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def document_photos(data: DocumentInput) -> list[PhotoInput]:
    photos: list[PhotoInput] = []
    for finding in getattr(data, "findings", ()) + getattr(data, "observations", ()):
        photos.extend(finding.photos)
    return photos


def manifest_sha256(data: DocumentInput) -> str:
    hashes = {str(p.path): hashlib.sha256(p.path.read_bytes()).hexdigest()
              for p in document_photos(data) if not p.content_key}
    return hashlib.sha256(content_manifest(data, hashes)).hexdigest()



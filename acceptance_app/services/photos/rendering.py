"""Drawing the annotation layer and the optional watermark on a photo's display copy, for documents.

Shapes are in image-relative coordinates (domain.photos), so they scale with whatever copy is drawn on.
The watermark is burned into this rendering only: the original stays byte for byte as imported, and the
stored display copy stays clean so one photo can serve several records. Wording is Chinese directly, as in
every document.

Pillow is imported by the functions that draw (about 60 ms with pillow-heif): a document whose renderings are
already cached under photos/rendered, like most, never loads it.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.beijing_time import beijing_text, to_beijing
from acceptance_app.domain.enums import Discipline, InspectionKind
from acceptance_app.fileio import atomic_write_bytes
from acceptance_app.locator import font_path
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.models import (
    Base,
    Inspection,
    Inspector,
    Photo,
    PhotoAnnotation,
    PhotoLink,
    Project,
    Unit,
)
from acceptance_app.storage.photo_layout import DISPLAY_QUALITY, PhotoStore

if TYPE_CHECKING:
    from PIL import Image, ImageFont

DISCIPLINE_NAMES = {Discipline.PLANNING: "规划", Discipline.CIVIL_AIR_DEFENSE: "人防", Discipline.FIRE: "消防",
                    Discipline.ARCHIVE: "城建档案"}


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(str(font_path()), size)


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def draw_shapes(image: Image.Image, shapes: list[dict[str, Any]]) -> None:
    """Draw shapes (already validated and normalized) on an RGB picture, in place."""
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    width, height = image.size
    long_side = max(width, height)
    for shape in shapes:
        color = _rgb(shape["color"])
        if shape["kind"] == "text":
            font = _font(max(10, round(shape["size"] * height)))
            draw.text((shape["x"] * width, shape["y"] * height), shape["text"], font=font, fill=color,
                      stroke_width=max(1, font.size // 12), stroke_fill=(255, 255, 255))
            continue
        stroke = max(2, round(shape["width"] * long_side))
        if shape["kind"] == "arrow":
            x1, y1 = shape["x1"] * width, shape["y1"] * height
            x2, y2 = shape["x2"] * width, shape["y2"] * height
            draw.line((x1, y1, x2, y2), fill=color, width=stroke)
            angle = math.atan2(y2 - y1, x2 - x1)
            head = stroke * 4
            points = [(x2, y2)] + [
                (x2 - head * math.cos(angle + turn), y2 - head * math.sin(angle + turn)) for turn in (0.45, -0.45)
            ]
            draw.polygon(points, fill=color)
            continue
        x0, y0 = shape["x"] * width, shape["y"] * height
        x1, y1 = x0 + shape["w"] * width, y0 + shape["h"] * height
        box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        if shape["kind"] == "ellipse":
            draw.ellipse(box, outline=color, width=stroke)
        else:
            draw.rectangle(box, outline=color, width=stroke)


def watermark_lines(session: Session, photo: Photo) -> list[str]:
    """Time; project · unit · discipline; inspector — from the photo's first link that says most."""
    links = list(session.scalars(sa.select(PhotoLink).where(PhotoLink.photo_id == photo.id)))
    project = unit = inspection = None
    for link in links:
        if link.inspection_id and inspection is None:
            inspection = session.get(Inspection, link.inspection_id)
        if link.unit_id and unit is None:
            unit = session.get(Unit, link.unit_id)
        if link.project_id and project is None:
            project = session.get(Project, link.project_id)
    if inspection is not None and unit is None:
        unit = session.get(Unit, inspection.unit_id)
    if unit is not None and project is None:
        project = session.get(Project, unit.project_id)
    when = to_beijing(photo.taken_at or photo.imported_at)
    source = "拍摄" if photo.taken_at else "导入"
    place = " · ".join(
        part for part in (
            project.name if project else "",
            unit.name if unit else "",
            DISCIPLINE_NAMES.get(inspection.discipline, "") if inspection else "",
        ) if part
    )
    inspector = None
    if inspection is not None and inspection.inspector_id:
        inspector = session.get(Inspector, inspection.inspector_id)
    person = inspector.name if inspector else photo.imported_by
    lines = [f"{source}时间 {when:%Y-%m-%d %H:%M}"]
    if photo.gps_lat is not None and photo.gps_lon is not None:
        lines[0] += f"  北纬{photo.gps_lat:.5f} 东经{photo.gps_lon:.5f}"
    if place:
        lines.append(place)
    if person:
        lines.append(f"检查人 {person}")
    return lines


def draw_watermark(image: Image.Image, lines: list[str]) -> None:
    """A translucent band at the bottom with white text, readable on any photo."""
    from PIL import Image, ImageDraw

    width, height = image.size
    font = _font(max(12, height // 40))
    line_height = round(font.size * 1.35)
    band = line_height * len(lines) + font.size // 2
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    draw.rectangle((0, height - band, width, height), fill=(0, 0, 0, 120))
    for n, line in enumerate(lines):
        draw.text((font.size // 2, height - band + font.size // 4 + n * line_height), line, font=font,
                  fill=(255, 255, 255, 255))
    image.paste(Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB"))


def render(session: Session, folder: DataFolder, photo: Photo, watermark: bool) -> bytes:
    from PIL import Image

    layer = session.scalar(sa.select(PhotoAnnotation).where(PhotoAnnotation.photo_id == photo.id))
    with Image.open(PhotoStore(folder.photos).display_path(photo.sha256)) as source:
        image = source.convert("RGB")
    if layer is not None and layer.shapes:
        draw_shapes(image, layer.shapes)
    if watermark:
        draw_watermark(image, watermark_lines(session, photo))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=DISPLAY_QUALITY)
    return buffer.getvalue()


# For documents -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DocumentPhoto:
    """What a document's photo appendix needs (the fields of reports.inputs.PhotoInput)."""

    path: Path  # upright display copy with the annotation layer (and the watermark if asked), JPEG
    item: str
    taken_at: str
    gps: str
    inspector: str
    content_key: str  # what the pixels are made of (Rendering.content_key)


@dataclass(frozen=True)
class Rendering:
    path: Path
    content_key: str  # the original's sha256 and the key of what is drawn on it: names the pixels


def rendering(session: Session, folder: DataFolder, photo: Photo, watermark: bool) -> Rendering:
    """The rendering as a file, cached under photos/rendered by what it shows (layer and watermark), so a
    document can embed it by path (JPEG pass-through) and the same rendering is made only once."""
    layer = session.scalar(sa.select(PhotoAnnotation).where(PhotoAnnotation.photo_id == photo.id))
    lines = watermark_lines(session, photo) if watermark else []
    key = json.dumps([layer.shapes if layer else [], lines], ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    path = folder.photos / "rendered" / photo.sha256[:2] / photo.sha256[2:4] / f"{photo.sha256}-{digest}.jpg"
    if not path.exists():
        atomic_write_bytes(path, render(session, folder, photo, watermark))
    return Rendering(path, f"sha256:{photo.sha256};rendering:{digest}")


def document_photos(session: Session, folder: DataFolder, unit_ids: list[uuid.UUID],
                    kind: InspectionKind | None = None, watermark: bool = False) -> list[DocumentPhoto]:
    """The photos of some units for a document: attached to the units, to their inspections (of ``kind``),
    and to findings of those inspections when the findings table exists; each photo once, in order."""
    inspections = sa.select(Inspection.id).where(Inspection.unit_id.in_(unit_ids))
    if kind is not None:
        inspections = inspections.where(Inspection.kind == kind)
    condition = sa.or_(PhotoLink.unit_id.in_(unit_ids), PhotoLink.inspection_id.in_(inspections))
    findings = Base.metadata.tables.get("findings")
    if findings is not None and "inspection_id" in findings.c:
        finding_ids = sa.select(findings.c.id).where(findings.c.inspection_id.in_(inspections))
        condition = sa.or_(condition, PhotoLink.finding_id.in_(finding_ids))
    query = (
        sa.select(Photo, PhotoLink)
        .join(PhotoLink, PhotoLink.photo_id == Photo.id)
        .where(condition)
        .order_by(PhotoLink.target_kind, PhotoLink.item_id, PhotoLink.position, Photo.taken_at)
    )
    result: list[DocumentPhoto] = []
    seen: set[uuid.UUID] = set()
    for photo, link in session.execute(query):
        if photo.id in seen:
            continue
        seen.add(photo.id)
        when = beijing_text(photo.taken_at)
        gps = (f"北纬{photo.gps_lat:.5f} 东经{photo.gps_lon:.5f}"
               if photo.gps_lat is not None and photo.gps_lon is not None else "")
        inspection = session.get(Inspection, link.inspection_id) if link.inspection_id else None
        inspector = session.get(Inspector, inspection.inspector_id) if inspection and inspection.inspector_id else None
        made = rendering(session, folder, photo, watermark)
        result.append(DocumentPhoto(made.path, link.item_id, when, gps,
                                    inspector.name if inspector else photo.imported_by, made.content_key))
    return result

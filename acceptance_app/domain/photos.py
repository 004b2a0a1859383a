"""Photos as evidence: where a photo is attached, what an import did with each file, and the annotation shapes.

Pure data and rules (no Pillow, no SQLAlchemy). Annotation shapes are kept in image-relative coordinates
(0..1 of the upright picture's width and height) so that they land on the same spot in the viewer, the
display copy and a document, whatever the pixel size (pins stay put whatever the resolution, as PlanRadar and Fieldwire keep them).
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from acceptance_app.domain.problems import Problem


class TargetKind(StrEnum):
    PROJECT = "project"
    UNIT = "unit"
    INSPECTION = "inspection"  # optionally one checklist item of it (item_id)
    FINDING = "finding"  # 问题; the findings table lives in another module, linked by id only


@dataclass(frozen=True)
class PhotoTarget:
    kind: TargetKind
    id: uuid.UUID
    item_id: str = ""  # a checklist item id, only with an inspection

    @classmethod
    def project(cls, project_id: uuid.UUID) -> PhotoTarget:
        return cls(TargetKind.PROJECT, project_id)

    @classmethod
    def unit(cls, unit_id: uuid.UUID) -> PhotoTarget:
        return cls(TargetKind.UNIT, unit_id)

    @classmethod
    def inspection(cls, inspection_id: uuid.UUID, item_id: str = "") -> PhotoTarget:
        return cls(TargetKind.INSPECTION, inspection_id, item_id)

    @classmethod
    def finding(cls, finding_id: uuid.UUID) -> PhotoTarget:
        return cls(TargetKind.FINDING, finding_id)


class ImportOutcome(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"  # the same bytes were already in the store; only the link was added
    REJECTED = "rejected"
    CANCELLED = "cancelled"  # not processed: the user cancelled the import before this file


# Why a file is refused; the text for each is in acceptance_app/text/photos.py.
REJECTION_REASONS = (
    "photo.unreadable_file",  # the file cannot be read from disk
    "photo.empty",
    "photo.not_an_image",
    "photo.unsupported_format",
    "photo.truncated",
    "photo.damaged",
    "photo.too_many_pixels",  # decompression bomb or simply over the pixel limit
    "photo.heif_unreadable",
    "photo.write_failed",  # the store could not be written (disk full, permissions)
)


@dataclass(frozen=True)
class ImportResult:
    path: str
    outcome: ImportOutcome
    photo_id: uuid.UUID | None = None
    reason: str = ""  # one of REJECTION_REASONS when rejected
    detail: str = ""  # technical detail (library message), for the log and --json

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class PhotoRow:
    id: uuid.UUID
    link_id: uuid.UUID
    sha256: str
    original_name: str
    width: int
    height: int
    taken_at: datetime | None
    caption: str
    position: int
    item_id: str
    annotated: bool


@dataclass(frozen=True)
class PhotoDetail:
    id: uuid.UUID
    sha256: str
    original_name: str
    size: int
    width: int
    height: int
    mime: str
    taken_at: datetime | None
    gps_lat: float | None
    gps_lon: float | None
    camera_make: str
    camera_model: str
    orientation: int
    imported_by: str
    imported_at: datetime
    links: tuple[tuple[TargetKind, uuid.UUID, str], ...] = ()

    @property
    def camera(self) -> str:
        make, model = self.camera_make.strip(), self.camera_model.strip()
        # Many phones repeat the make inside the model ("Apple" / "Apple iPhone 13").
        return model if make and model.lower().startswith(make.lower()) else f"{make} {model}".strip()


# Annotation shapes ---------------------------------------------------------------------------------------
SHAPE_KINDS = ("arrow", "ellipse", "rectangle", "text")
_POINTS = {"arrow": ("x1", "y1", "x2", "y2"), "ellipse": ("x", "y", "w", "h"), "rectangle": ("x", "y", "w", "h"),
           "text": ("x", "y")}
DEFAULT_COLOR = "#e53935"
MAX_TEXT = 200


def _is_fraction(value: Any) -> bool:
    # A little outside 0..1 is allowed: an arrow may start just off the picture's edge.
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and -0.5 <= value <= 1.5


def validate_shapes(shapes: Any) -> list[Problem]:
    """Problems with an annotation layer as the viewer or the CLI hands it in (a list of shape dicts)."""
    if not isinstance(shapes, list):
        return [Problem("annotations", "annotation.not_a_list")]
    problems: list[Problem] = []
    for index, shape in enumerate(shapes, start=1):
        kind = shape.get("kind") if isinstance(shape, dict) else None
        if kind not in SHAPE_KINDS:
            problems.append(Problem("annotations", "annotation.kind", params={"index": index, "kind": str(kind)}))
            continue
        for key in _POINTS[kind]:
            if not _is_fraction(shape.get(key)):
                problems.append(Problem("annotations", "annotation.coordinate", params={"index": index, "key": key}))
        if kind == "text":
            text = shape.get("text")
            if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
                problems.append(Problem("annotations", "annotation.text", params={"index": index, "max": MAX_TEXT}))
    return problems


def normalized_shapes(shapes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep only the known keys, with a colour and a relative stroke width (call after validate_shapes)."""
    result = []
    for shape in shapes:
        kind = shape["kind"]
        clean: dict[str, Any] = {"kind": kind, **{k: float(shape[k]) for k in _POINTS[kind]}}
        color = shape.get("color")
        clean["color"] = color if isinstance(color, str) and len(color) == 7 and color.startswith("#") else DEFAULT_COLOR
        if kind == "text":
            clean["text"] = shape["text"].strip()
            clean["size"] = _clamp(shape.get("size", 0.04), 0.01, 0.3)  # font height, relative to the picture
        else:
            clean["width"] = _clamp(shape.get("width", 0.006), 0.001, 0.05)  # stroke, relative to the long side
        result.append(clean)
    return result


def _clamp(value: Any, low: float, high: float) -> float:
    number = float(value) if isinstance(value, int | float) and not isinstance(value, bool) else low
    return min(max(number, low), high)

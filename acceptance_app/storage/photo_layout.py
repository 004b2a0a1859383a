"""Where the photo store keeps its files, and what an import gives back: no Pillow here, so what only needs a
photo's paths (documents, the exchange, the grid) does not load it (photo_store.py does the decoding).

Layout under ``DataFolder.photos``::

    originals/ab/cd/abcd…(sha256).jpg   the file exactly as imported (EXIF and all), never rewritten
    display/ab/cd/abcd….jpg             upright, long side 1600 px, JPEG q85
    thumbs/ab/cd/abcd….jpg              upright, long side 256 px
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

DISPLAY_SIZE = 1600
DISPLAY_QUALITY = 85
THUMB_SIZE = 256
THUMB_QUALITY = 80

MIME_BY_FORMAT = {"JPEG": "image/jpeg", "MPO": "image/jpeg", "PNG": "image/png", "TIFF": "image/tiff",
                  "HEIF": "image/heic"}
EXTENSION_BY_MIME = {"image/jpeg": "jpg", "image/png": "png", "image/tiff": "tif", "image/heic": "heic"}


@dataclass(frozen=True)
class ExifInfo:
    taken_at: datetime | None = None  # UTC
    gps_lat: float | None = None
    gps_lon: float | None = None
    camera_make: str = ""
    camera_model: str = ""
    orientation: int = 1


@dataclass(frozen=True)
class Ingested:
    source: str
    sha256: str
    size: int
    width: int  # of the upright picture, as it is shown
    height: int
    mime: str
    exif: ExifInfo


@dataclass(frozen=True)
class Rejection:
    source: str
    reason: str  # a code of domain.photos.REJECTION_REASONS
    detail: str = ""


class PhotoStore:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    @staticmethod
    def _fan_out(sha256: str) -> Path:
        return Path(sha256[:2], sha256[2:4])

    def original_path(self, sha256: str, mime: str) -> Path:
        return self.root / "originals" / self._fan_out(sha256) / f"{sha256}.{EXTENSION_BY_MIME[mime]}"

    def display_path(self, sha256: str) -> Path:
        return self.root / "display" / self._fan_out(sha256) / f"{sha256}.jpg"

    def thumbnail_path(self, sha256: str) -> Path:
        return self.root / "thumbs" / self._fan_out(sha256) / f"{sha256}.jpg"

    def paths(self, sha256: str, mime: str) -> tuple[Path, Path, Path]:
        return self.original_path(sha256, mime), self.display_path(sha256), self.thumbnail_path(sha256)

    def remove(self, sha256: str, mime: str) -> None:
        """Remove one photo's files (only for a photo no database row refers to)."""
        for path in self.paths(sha256, mime):
            path.unlink(missing_ok=True)

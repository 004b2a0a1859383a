"""The content-addressed photo store: originals byte for byte, plus derived display copies and thumbnails, laid
out as photo_layout.py says.

Every file is written atomically (temp, fsync, rename: ``fileio``). The same bytes imported twice land on
the same path, so they are stored once. ``ingest`` does all the heavy work for one file (read, hash, decode,
validate, derive, write) and is a plain top-level function so a process pool can run it; it never raises
for a bad file, it returns a ``Rejection`` with a reason code instead (exceptions with keyword parameters do
not survive pickling between processes). Nothing is written before the file has been fully decoded, so a
rejected file leaves nothing behind.

Decoding uses Pillow's draft mode with the aspect-correct box (draft() acts only before load() and only for a
box of the image's own aspect ratio, libjpeg scaling by 1/2, 1/4 or 1/8): libjpeg then decodes a
12 MP JPEG at 1/2 scale, about twice as fast as a full decode. The EXIF orientation is applied after the
downscale (5 ms instead of 49 ms on the full picture).
"""

from __future__ import annotations

import hashlib
import io
import warnings
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, cast

import pillow_heif
from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

from acceptance_app.domain.beijing_time import BEIJING
from acceptance_app.fileio import atomic_write_bytes
from acceptance_app.storage.photo_layout import (
    DISPLAY_QUALITY,
    DISPLAY_SIZE,
    MIME_BY_FORMAT,
    THUMB_QUALITY,
    THUMB_SIZE,
    ExifInfo,
    Ingested,
    PhotoStore,
    Rejection,
)

# A deliberate ceiling, also given to Pillow: 100 MP is above every phone and most cameras in use on site
# (12-50 MP) and keeps a decoded picture under ~300 MB. Pillow warns above it and refuses above twice it;
# both count as "too many pixels" here (pytest turns the warning into an error, so it is caught explicitly).
PIXEL_LIMIT = 100_000_000
Image.MAX_IMAGE_PIXELS = PIXEL_LIMIT
pillow_heif.register_heif_opener()

# EXIF times carry no zone unless OffsetTimeOriginal is set; photos are taken in China (UTC+8).
LOCAL_ZONE = BEIJING

_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif")


class _Reject(Exception):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason, self.detail = reason, detail


# EXIF -------------------------------------------------------------------------------------------------------
def _text(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value or "").replace("\x00", "").strip()[:100]


def _exif_time(value: Any, offset: Any) -> datetime | None:
    try:
        local = datetime.strptime(_text(value)[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    zone = LOCAL_ZONE
    text = _text(offset)
    if len(text) == 6 and text[0] in "+-" and text[3] == ":":
        try:
            sign = -1 if text[0] == "-" else 1
            zone = timezone(sign * timedelta(hours=int(text[1:3]), minutes=int(text[4:6])))
        except ValueError:
            pass
    return local.replace(tzinfo=zone).astimezone(UTC)


def _degrees(dms: Any, ref: Any, limit: float) -> float | None:
    try:
        d, m, s = (float(part) for part in dms)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    value = d + m / 60 + s / 3600
    if _text(ref).upper() in ("S", "W"):
        value = -value
    return round(value, 7) if abs(value) <= limit else None


def read_exif(exif: Image.Exif) -> ExifInfo:
    """Capture time, GPS position, camera and orientation; anything missing or garbled stays empty."""
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    taken = sub.get(ExifTags.Base.DateTimeOriginal) or sub.get(ExifTags.Base.DateTimeDigitized)
    offset = sub.get(ExifTags.Base.OffsetTimeOriginal) or sub.get(ExifTags.Base.OffsetTime)
    orientation = exif.get(ExifTags.Base.Orientation, 1)
    return ExifInfo(
        taken_at=_exif_time(taken or exif.get(ExifTags.Base.DateTime), offset),
        gps_lat=_degrees(gps.get(ExifTags.GPS.GPSLatitude), gps.get(ExifTags.GPS.GPSLatitudeRef), 90),
        gps_lon=_degrees(gps.get(ExifTags.GPS.GPSLongitude), gps.get(ExifTags.GPS.GPSLongitudeRef), 180),
        camera_make=_text(exif.get(ExifTags.Base.Make)),
        camera_model=_text(exif.get(ExifTags.Base.Model)),
        orientation=orientation if isinstance(orientation, int) and 1 <= orientation <= 8 else 1,
    )


# Decoding ---------------------------------------------------------------------------------------------------
def _looks_like_heif(data: bytes) -> bool:
    return data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS


def open_image(data: bytes) -> Image.Image:
    """Open (header only) with the pixel limit enforced; raises _Reject for anything that is not a photo."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise _Reject("photo.too_many_pixels", str(error)) from error
    except UnidentifiedImageError as error:
        reason = "photo.heif_unreadable" if _looks_like_heif(data) else "photo.not_an_image"
        raise _Reject(reason, str(error)) from error
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        reason = "photo.heif_unreadable" if _looks_like_heif(data) else "photo.damaged"
        raise _Reject(reason, str(error)) from error
    if image.format not in MIME_BY_FORMAT:
        raise _Reject("photo.unsupported_format", image.format or "")
    width, height = image.size
    if width * height > PIXEL_LIMIT:
        raise _Reject("photo.too_many_pixels", f"{width}×{height}")
    return image


def draft_box(size: tuple[int, int], long_side: int) -> tuple[int, int]:
    """The aspect-correct box for ``Image.draft``: a square box never triggers libjpeg's downscale on a
    landscape photo (1600×1600 is taller than half of 4000×3000), the box of the same shape does."""
    width, height = size
    scale = long_side / max(width, height)
    return max(1, int(width * scale)), max(1, int(height * scale))


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # 16-bit greyscale: scale to 8 bits (a plain convert would clip everything above 255 to white).
        high = cast(float, image.getextrema()[1]) or 1  # one band: (low, high) numbers
        image = image.point(lambda v: v * (255 / max(float(high), 255.0) if high > 255 else 1)).convert("L")
    if image.mode in ("RGBA", "LA", "PA", "P", "RGBa"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image if image.mode == "RGB" else image.convert("RGB")


def decode_upright(image: Image.Image, long_side: int) -> Image.Image:
    """The picture scaled to ``long_side`` (never up), upright, RGB. Raises _Reject if the data is broken."""
    if max(image.size) > long_side:
        image.draft("RGB", draft_box(image.size, long_side))  # JPEG only; other formats ignore it
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "Corrupt EXIF data": the pixels are what matters here
            # Hamming: as sharp as bicubic for a downscale this small (2000 -> 1600) at the cost of bilinear.
            image.thumbnail((long_side, long_side), resample=Image.Resampling.HAMMING)
            upright = ImageOps.exif_transpose(image)
    except (Image.DecompressionBombError, MemoryError) as error:
        raise _Reject("photo.too_many_pixels", str(error)) from error
    except OSError as error:
        reason = "photo.truncated" if "truncated" in str(error) else "photo.damaged"
        raise _Reject(reason, str(error)) from error
    except (ValueError, SyntaxError, EOFError, IndexError, TypeError) as error:
        raise _Reject("photo.damaged", str(error)) from error
    return _to_rgb(upright)


def _jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=False)
    return buffer.getvalue()


def derive(image: Image.Image) -> tuple[Image.Image, bytes, bytes]:
    """Decode once: the upright display picture, its JPEG and the thumbnail's JPEG."""
    display = decode_upright(image, DISPLAY_SIZE)
    thumb = display.copy()
    thumb.thumbnail((THUMB_SIZE, THUMB_SIZE))
    return display, _jpeg(display, DISPLAY_QUALITY), _jpeg(thumb, THUMB_QUALITY)


# The whole import of one file -------------------------------------------------------------------------------
def _write_new(path: Path, data: bytes, written: list[Path]) -> None:
    if path.exists() and path.stat().st_size == len(data):
        return  # content-addressed: same name, same bytes
    atomic_write_bytes(path, data)
    written.append(path)


def ingest(source: str, store_root: str) -> Ingested | Rejection:
    """Read, hash, validate, derive and store one file. Safe to run in another process."""
    try:
        try:
            data = Path(source).read_bytes()
        except OSError as error:
            raise _Reject("photo.unreadable_file", error.strerror or str(error)) from error
        if not data:
            raise _Reject("photo.empty")
        image = open_image(data)
        mime = MIME_BY_FORMAT[image.format or ""]
        exif = read_exif(image.getexif())
        width, height = image.size  # before draft() changes it
        if exif.orientation in (5, 6, 7, 8):
            width, height = height, width
        _display, display_jpeg, thumb_jpeg = derive(image)
        sha256 = hashlib.sha256(data).hexdigest()
        store = PhotoStore(store_root)
        written: list[Path] = []
        try:
            # Derived copies first: an original in the store always has its copies next to it.
            _write_new(store.display_path(sha256), display_jpeg, written)
            _write_new(store.thumbnail_path(sha256), thumb_jpeg, written)
            _write_new(store.original_path(sha256, mime), data, written)
        except OSError as error:
            for path in written:
                path.unlink(missing_ok=True)
            raise _Reject("photo.write_failed", error.strerror or str(error)) from error
        return Ingested(source, sha256, len(data), width, height, mime, exif)
    except _Reject as rejected:
        return Rejection(source, rejected.reason, rejected.detail)


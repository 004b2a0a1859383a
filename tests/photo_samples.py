"""Realistic test photos made with Pillow (no binary fixtures in the repository).

Shared by the photo tests and scripts/bench_photos.py. The raw pixels carry a red marker in their top-left
corner, so a test can tell where "up" ended after the EXIF orientation was applied.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw

TAKEN = "2026:11:20 10:30:00"  # local time, China (UTC+8)
JINAN = ((36.0, 40.0, 12.0), (117.0, 1.0, 30.0))  # 济南, degrees / minutes / seconds
MARKER = (230, 20, 20)


def picture(size: tuple[int, int], marker: bool = True) -> Image.Image:
    """A photo-like picture: gradients plus sensor-like noise (so the JPEG has a realistic size)."""
    width, height = size
    noise = Image.effect_noise(size, 24)
    red = Image.linear_gradient("L").resize(size)
    blue = red.transpose(Image.Transpose.ROTATE_90).resize(size)
    image = Image.merge("RGB", (red, noise, blue))
    if marker:
        ImageDraw.Draw(image).rectangle((0, 0, width // 5, height // 5), fill=MARKER)
    return image


def exif_block(orientation: int = 1, gps: bool = True, make: str = "Apple", model: str = "iPhone 13") -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = make
    exif[0x0110] = model
    exif[0x0132] = TAKEN
    exif.get_ifd(0x8769)[0x9003] = TAKEN
    if gps:
        lat, lon = JINAN
        exif.get_ifd(0x8825).update({1: "N", 2: lat, 3: "E", 4: lon})
    return exif


def jpeg(path: Path, size: tuple[int, int] = (4000, 3000), orientation: int = 1, gps: bool = True,
         quality: int = 92, **options: object) -> Path:
    picture(size).save(path, "JPEG", quality=quality, exif=exif_block(orientation, gps), **options)
    return path


def png(path: Path, size: tuple[int, int] = (1200, 900)) -> Path:
    picture(size).save(path, "PNG")
    return path


def png16(path: Path, size: tuple[int, int] = (640, 480)) -> Path:
    gradient = Image.linear_gradient("L").resize(size).convert("I")
    gradient.point(lambda v: v * 257).convert("I;16").save(path, "PNG")
    return path


def tiff(path: Path, size: tuple[int, int] = (1000, 800)) -> Path:
    picture(size).save(path, "TIFF", compression="tiff_lzw")
    return path


def heif(path: Path, size: tuple[int, int] = (800, 600)) -> Path:
    import pillow_heif

    pillow_heif.register_heif_opener()
    picture(size).save(path, "HEIF", quality=60, exif=exif_block(1).tobytes())
    return path


def truncated_jpeg(path: Path, size: tuple[int, int] = (1600, 1200)) -> Path:
    whole = jpeg(path, size).read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    return path


def broken_heif(path: Path) -> Path:
    """A HEIF box header (ftyp heic) followed by garbage, like a half-copied phone photo."""
    path.write_bytes(struct.pack(">I", 24) + b"ftypheic" + b"\0\0\0\0mif1heic" + b"\x13" * 500)
    return path


def png_bomb(path: Path, width: int = 30000, height: int = 30000) -> Path:
    """A tiny PNG file claiming a huge picture: the header alone must get it refused."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    row = b"\0" + b"\0" * ((width + 7) // 8)
    body = zlib.compress(row * 64)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b""))
    return path

"""The store: originals byte for byte, upright derived copies, EXIF read, bad files refused with nothing kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from acceptance_app.storage.photo_store import (
    DISPLAY_SIZE,
    THUMB_SIZE,
    Ingested,
    PhotoStore,
    Rejection,
    ingest,
)
from tests import photo_samples as samples


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _is_marker(pixel: tuple[int, int, int]) -> bool:
    return pixel[0] > 180 and pixel[1] < 90 and pixel[2] < 90


def test_12mp_jpeg_with_orientation_6_is_stored_byte_for_byte_and_shown_upright(tmp_path):
    source = samples.jpeg(tmp_path / "IMG_0001.JPG", orientation=6)
    store = PhotoStore(tmp_path / "store")
    done = ingest(str(source), str(store.root))
    assert isinstance(done, Ingested)
    original, display, thumb = store.paths(done.sha256, done.mime)
    assert original.read_bytes() == source.read_bytes()  # EXIF and all
    assert original.parent.parent.name == done.sha256[:2] and original.parent.name == done.sha256[2:4]
    assert (done.width, done.height) == (3000, 4000)  # upright: portrait
    with Image.open(display) as shown:
        assert shown.size == (1200, 1600) and max(shown.size) == DISPLAY_SIZE
        # Orientation 6 = rotate 90° clockwise: the raw top-left marker must now be at the top right.
        assert _is_marker(shown.getpixel((shown.width - 20, 20)))
        assert not _is_marker(shown.getpixel((20, 20)))
        assert not shown.getexif().get(0x0112, 1) > 1  # nothing left that would rotate it again
    with Image.open(thumb) as small:
        assert max(small.size) == THUMB_SIZE and small.height > small.width
    exif = done.exif
    assert exif.orientation == 6 and (exif.camera_make, exif.camera_model) == ("Apple", "iPhone 13")
    assert exif.gps_lat == pytest.approx(36.67, abs=1e-4) and exif.gps_lon == pytest.approx(117.025, abs=1e-4)
    assert exif.taken_at is not None and exif.taken_at.isoformat() == "2026-11-20T02:30:00+00:00"  # 10:30 in China


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_puts_the_marker_top_left_of_the_upright_picture(tmp_path, orientation):
    # Save a raw picture such that, once its orientation is applied, the marker is top-left.
    from PIL import ImageOps

    raw = samples.picture((400, 300))
    inverse = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
               5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_90, 7: Image.Transpose.TRANSVERSE,
               8: Image.Transpose.ROTATE_270}
    stored = raw.transpose(inverse[orientation]) if orientation in inverse else raw
    path = tmp_path / f"o{orientation}.jpg"
    stored.save(path, "JPEG", exif=samples.exif_block(orientation))
    done = ingest(str(path), str(tmp_path / "store"))
    assert isinstance(done, Ingested)
    with Image.open(PhotoStore(tmp_path / "store").display_path(done.sha256)) as shown:
        assert shown.size == (400, 300)
        assert _is_marker(shown.getpixel((10, 10)))
        assert ImageOps.exif_transpose(shown).size == (400, 300)


@pytest.mark.parametrize(
    ("make", "expected_mime"),
    [(samples.png, "image/png"), (samples.png16, "image/png"), (samples.tiff, "image/tiff"),
     (samples.heif, "image/heic")],
)
def test_png_16bit_png_tiff_and_heif_are_accepted(tmp_path, make, expected_mime):
    source = make(tmp_path / f"photo{make.__name__}")
    done = ingest(str(source), str(tmp_path / "store"))
    assert isinstance(done, Ingested) and done.mime == expected_mime
    store = PhotoStore(tmp_path / "store")
    assert store.original_path(done.sha256, done.mime).read_bytes() == source.read_bytes()
    with Image.open(store.display_path(done.sha256)) as shown:
        assert shown.mode == "RGB"
        if make is samples.png16:  # scaled to 8 bits, not clipped to white
            assert shown.getpixel((0, 0))[0] < 30 and shown.getpixel((0, shown.height - 1))[0] > 200
    if make is samples.heif:
        assert done.exif.gps_lat == pytest.approx(36.67, abs=1e-4)


def test_progressive_and_cmyk_jpegs_are_accepted(tmp_path):
    progressive = samples.jpeg(tmp_path / "p.jpg", (2000, 1500), progressive=True)
    cmyk = tmp_path / "cmyk.jpg"
    samples.picture((800, 600)).convert("CMYK").save(cmyk, "JPEG")
    for source in (progressive, cmyk):
        done = ingest(str(source), str(tmp_path / "store"))
        assert isinstance(done, Ingested)
        with Image.open(PhotoStore(tmp_path / "store").display_path(done.sha256)) as shown:
            assert shown.mode == "RGB"


def _text_as_jpg(path: Path) -> Path:
    path.write_text("这不是照片", encoding="utf-8")
    return path


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_empty, "photo.empty"),
        (_text_as_jpg, "photo.not_an_image"),
        (samples.truncated_jpeg, "photo.truncated"),
        (samples.png_bomb, "photo.too_many_pixels"),  # 900 MP: Pillow's DecompressionBombError
        (lambda p: samples.png_bomb(p, 12000, 10000), "photo.too_many_pixels"),  # 120 MP: only a warning
        (samples.broken_heif, "photo.heif_unreadable"),
    ],
)
def test_bad_files_are_rejected_with_a_reason_and_leave_nothing(tmp_path, make, reason):
    source = make(tmp_path / "bad.jpg")
    result = ingest(str(source), str(tmp_path / "store"))
    assert isinstance(result, Rejection) and result.reason == reason
    assert _files(tmp_path / "store") == []


def test_the_same_photo_twice_is_stored_once(tmp_path):
    first = samples.jpeg(tmp_path / "a.jpg", (1200, 900))
    second = tmp_path / "copy of a.jpg"
    second.write_bytes(first.read_bytes())
    one, two = ingest(str(first), str(tmp_path / "s")), ingest(str(second), str(tmp_path / "s"))
    assert isinstance(one, Ingested) and isinstance(two, Ingested) and one.sha256 == two.sha256
    assert len(_files(tmp_path / "s")) == 3  # original, display copy, thumbnail


def test_unwritable_store_rejects_and_cleans_up(tmp_path):
    source = samples.jpeg(tmp_path / "a.jpg", (1200, 900))
    blocker = tmp_path / "store"
    blocker.mkdir()
    (blocker / "originals").write_text("a file where a folder should be")
    result = ingest(str(source), str(blocker))
    assert isinstance(result, Rejection) and result.reason == "photo.write_failed"
    assert [p.name for p in _files(blocker)] == ["originals"]

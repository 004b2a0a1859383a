"""import_photos through the service: rows per photo, duplicates, rejections, cancel, evidence, annotations."""

from __future__ import annotations

import io
import uuid

import pytest
import sqlalchemy as sa
from PIL import Image

from acceptance_app.domain.photos import ImportOutcome, PhotoTarget
from acceptance_app.domain.problems import KnownError, ValidationFailed
from acceptance_app.services.common import NotFound
from acceptance_app.services.photos import library as photos
from acceptance_app.storage.models import Photo, PhotoLink
from acceptance_app.text import describe_error
from tests import photo_samples as samples


def _store_files(data_folder):
    return sorted(p for p in data_folder.photos.rglob("*") if p.is_file())


def _batch(tmp_path):
    tmp_path.mkdir(exist_ok=True)
    good = [samples.jpeg(tmp_path / "IMG_1.jpg", (2000, 1500), orientation=6), samples.png(tmp_path / "p.png"),
            samples.tiff(tmp_path / "t.tif"), samples.heif(tmp_path / "h.heic")]
    bad = [samples.truncated_jpeg(tmp_path / "half.jpg"), samples.png_bomb(tmp_path / "bomb.png"),
           samples.broken_heif(tmp_path / "broken.heic")]
    (tmp_path / "empty.jpg").write_bytes(b"")
    (tmp_path / "notes.jpg").write_text("hello")
    return good, [*bad, tmp_path / "empty.jpg", tmp_path / "notes.jpg"]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_mixed_batch_imports_the_good_rejects_the_bad_and_keeps_nothing_of_them(
    tmp_path, database, data_folder, unit_id, workers
):
    good, bad = _batch(tmp_path / "in")
    with database.session() as s:
        results = photos.import_photos(s, data_folder, [*good, *bad], PhotoTarget.unit(unit_id), workers=workers)
    assert [r.outcome for r in results] == [ImportOutcome.IMPORTED] * 4 + [ImportOutcome.REJECTED] * 5
    assert [r.reason for r in results[4:]] == [
        "photo.truncated", "photo.too_many_pixels", "photo.heif_unreadable", "photo.empty", "photo.not_an_image"]
    messages = [describe_error(photos.rejection(r)) for r in results[4:]]
    assert messages[0].startswith("half.jpg") and "不完整" in messages[0]
    assert all(r.name in m for r, m in zip(results[4:], messages, strict=True))
    assert len(_store_files(data_folder)) == 4 * 3  # original + display + thumbnail per good photo, no orphans
    with database.session() as s:
        rows = photos.list_photos(s, PhotoTarget.unit(unit_id))
        assert [r.original_name for r in rows] == [p.name for p in good]
        assert s.scalar(sa.select(sa.func.count()).select_from(Photo)) == 4
        detail = photos.get_photo(s, results[0].photo_id)
    assert detail.taken_at is not None and detail.camera == "Apple iPhone 13" and (detail.width, detail.height) == (1500, 2000)


def test_same_photo_again_is_a_duplicate_and_is_linked_to_the_new_target(
    tmp_path, database, data_folder, unit_id, inspection_id
):
    source = samples.jpeg(tmp_path / "a.jpg", (1200, 900))
    with database.session() as s:
        first = photos.import_photos(s, data_folder, [source], PhotoTarget.unit(unit_id))
        again = photos.import_photos(s, data_folder, [source], PhotoTarget.unit(unit_id))
        other = photos.import_photos(s, data_folder, [source], PhotoTarget.inspection(inspection_id, "XF-3.2"))
    assert first[0].outcome is ImportOutcome.IMPORTED
    assert again[0].outcome is other[0].outcome is ImportOutcome.DUPLICATE
    assert first[0].photo_id == again[0].photo_id == other[0].photo_id
    assert len(_store_files(data_folder)) == 3
    with database.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(PhotoLink)) == 2
        assert photos.photo_evidence(s, inspection_id) == {"XF-3.2": 1}
        assert len(photos.list_photos(s, PhotoTarget.unit(unit_id))) == 1  # the unit shows it once


def test_photos_are_committed_one_by_one_and_cancel_keeps_what_was_imported(tmp_path, database, data_folder, unit_id):
    files = [samples.jpeg(tmp_path / f"{n}.jpg", (800, 600)) for n in range(4)]

    class CancelAfterTwo:
        def __init__(self):
            self.done = 0

        def progress(self, done, total, label=""):
            self.done = done
            # Another connection sees each photo as soon as it is reported: it was committed.
            with database.session() as other:
                assert other.scalar(sa.select(sa.func.count()).select_from(Photo)) == done

        def cancelled(self):
            return self.done >= 2

    with database.session() as s:
        results = photos.import_photos(s, data_folder, files, PhotoTarget.unit(unit_id), CancelAfterTwo(), workers=1)
    assert [r.outcome for r in results] == [ImportOutcome.IMPORTED] * 2 + [ImportOutcome.CANCELLED] * 2
    assert len(_store_files(data_folder)) == 2 * 3


def test_cancel_with_the_pool_leaves_no_orphan_files(tmp_path, database, data_folder, unit_id):
    files = [samples.jpeg(tmp_path / f"{n}.jpg", (800, 600)) for n in range(6)]

    class CancelAtOnce:
        def progress(self, done, total, label=""):
            pass

        def cancelled(self):
            return True

    with database.session() as s:
        results = photos.import_photos(s, data_folder, files, PhotoTarget.unit(unit_id), CancelAtOnce(), workers=2)
        imported = {r.photo_id for r in results if r.outcome is ImportOutcome.IMPORTED}
        assert s.scalar(sa.select(sa.func.count()).select_from(Photo)) == len(imported) >= 1
    assert len(_store_files(data_folder)) == 3 * len(imported)


def test_a_folder_is_searched_for_photos_like_a_camera_card(tmp_path, database, data_folder, unit_id):
    card = tmp_path / "DCIM" / "100APPLE"
    card.mkdir(parents=True)
    samples.jpeg(card / "IMG_0001.JPG", (800, 600))
    samples.png(card / "IMG_0002.PNG", (640, 480))
    (card / "readme.txt").write_text("not a photo")
    with database.session() as s:
        results = photos.import_photos(s, data_folder, [tmp_path], PhotoTarget.unit(unit_id))
    assert [(r.name, r.outcome) for r in results] == [("IMG_0001.JPG", "imported"), ("IMG_0002.PNG", "imported")]


def test_unknown_target_is_refused_before_anything_is_stored(tmp_path, database, data_folder):
    source = samples.jpeg(tmp_path / "a.jpg", (800, 600))
    with database.session() as s, pytest.raises(NotFound):
        photos.import_photos(s, data_folder, [source], PhotoTarget.unit(uuid.uuid4()))
    assert _store_files(data_folder) == []


def test_linked_photos_are_never_deleted(tmp_path, database, data_folder, unit_id):
    source = samples.jpeg(tmp_path / "a.jpg", (800, 600))
    with database.session() as s:
        [result] = photos.import_photos(s, data_folder, [source], PhotoTarget.unit(unit_id))
    with database.session() as s, s.begin(), pytest.raises(KnownError) as info:
        photos.delete_photo(s, data_folder, result.photo_id)
    assert info.value.code == "photo.linked"
    with database.session() as s, pytest.raises(sa.exc.IntegrityError):  # the database refuses it too
        s.execute(sa.delete(Photo).where(Photo.id == result.photo_id))
        s.commit()
    assert len(_store_files(data_folder)) == 3
    with database.session() as s, s.begin():
        [row] = photos.list_photos(s, PhotoTarget.unit(unit_id))
        photos.unlink_photo(s, row.link_id)
    with database.session() as s, s.begin():
        photos.delete_photo(s, data_folder, result.photo_id)
    assert _store_files(data_folder) == []


def test_annotations_are_a_separate_layer_drawn_on_the_rendering(tmp_path, database, data_folder, unit_id):
    source = samples.jpeg(tmp_path / "a.jpg", (1600, 1200), orientation=1)
    original = source.read_bytes()
    with database.session() as s:
        [result] = photos.import_photos(s, data_folder, [source], PhotoTarget.unit(unit_id))
    shapes = [
        {"kind": "rectangle", "x": 0.5, "y": 0.5, "w": 0.3, "h": 0.3, "color": "#00ff00", "width": 0.01},
        {"kind": "arrow", "x1": 0.1, "y1": 0.9, "x2": 0.4, "y2": 0.6},
        {"kind": "ellipse", "x": 0.6, "y": 0.1, "w": 0.2, "h": 0.2},
        {"kind": "text", "x": 0.3, "y": 0.3, "text": "裂缝"},
    ]
    with database.session() as s, s.begin():
        with pytest.raises(ValidationFailed):
            photos.save_annotations(s, result.photo_id, [{"kind": "star", "x": 0.1, "y": 0.1}])
        photos.save_annotations(s, result.photo_id, shapes)
    with database.session() as s:
        assert [x["kind"] for x in photos.get_annotations(s, result.photo_id)] == [x["kind"] for x in shapes]
        assert photos.list_photos(s, PhotoTarget.unit(unit_id))[0].annotated
        plain = Image.open(photos.photo_paths(s, data_folder, result.photo_id).display)
        drawn = Image.open(io.BytesIO(photos.annotated_rendering(s, data_folder, result.photo_id)))
        marked = Image.open(io.BytesIO(photos.annotated_rendering(s, data_folder, result.photo_id, watermark=True)))
        assert photos.photo_paths(s, data_folder, result.photo_id).original.read_bytes() == original
    # The rectangle's left edge (x = 0.5) is green in the rendering, not in the display copy.
    edge = (round(0.5 * drawn.width) + 3, round(0.65 * drawn.height))
    assert drawn.getpixel(edge)[1] > 200 and drawn.getpixel(edge)[0] < 80
    assert plain.getpixel(edge)[1] < 200 or plain.getpixel(edge)[0] > 80
    # The watermark darkens the bottom band.
    bottom = (drawn.width // 2, drawn.height - 5)
    assert sum(marked.getpixel(bottom)) < sum(drawn.getpixel(bottom))


def test_a_unit_with_photos_cannot_be_removed(tmp_path, database, data_folder, unit_id):
    from acceptance_app.services.projects import remove_unit

    source = samples.jpeg(tmp_path / "a.jpg", (800, 600))
    with database.session() as s:
        photos.import_photos(s, data_folder, [source], PhotoTarget.unit(unit_id))
    with database.session() as s, s.begin(), pytest.raises(KnownError) as info:
        remove_unit(s, unit_id)
    assert info.value.code == "unit.has_photos"
    assert "照片" in describe_error(info.value)


def test_hidden_files_on_a_camera_card_are_skipped(tmp_path):
    card = tmp_path / "card"
    (card / "DCIM").mkdir(parents=True)
    (card / ".Trashes").mkdir()
    for path in (card / "DCIM" / "IMG_1.JPG", card / "DCIM" / "._IMG_1.JPG", card / ".Trashes" / "IMG_0.JPG"):
        path.write_bytes(b"x")
    assert photos.collect_files([card]) == [card / "DCIM" / "IMG_1.JPG"]


def test_document_photos_are_annotated_files_with_caption_facts(tmp_path, database, data_folder, unit_id,
                                                                inspection_id):
    from acceptance_app.domain.enums import InspectionKind

    upright = samples.jpeg(tmp_path / "a.jpg", (1600, 1200), orientation=6)
    with database.session() as s:
        [result] = photos.import_photos(s, data_folder, [upright], PhotoTarget.inspection(inspection_id, "XF-1"))
    with database.session() as s, s.begin():
        photos.save_annotations(s, result.photo_id, [{"kind": "arrow", "x1": 0.1, "y1": 0.1, "x2": 0.5, "y2": 0.5}])
    with database.session() as s:
        [photo] = photos.document_photos(s, data_folder, [unit_id], InspectionKind.FORMAL, watermark=True)
        assert photos.document_photos(s, data_folder, [unit_id], InspectionKind.SERVICE) == []
        again = photos.document_photos(s, data_folder, [unit_id], InspectionKind.FORMAL, watermark=True)
    assert photo.item == "XF-1" and photo.taken_at == "2026-11-20 10:30" and photo.gps.startswith("北纬36.67")
    assert photo.inspector == "测试员" and again[0].path == photo.path  # cached: made once
    with Image.open(photo.path) as image:
        assert image.format == "JPEG" and image.height > image.width  # upright for ReportLab's passthrough

"""The demo project comes with site photos: EXIF time and GPS near 济南, a camera, one annotated."""

import sqlalchemy as sa

from acceptance_app.demo.data import PHOTO_OF_KIND, SCENES
from acceptance_app.demo.photos import UNIT_SCENES
from acceptance_app.domain.photos import PhotoTarget
from acceptance_app.services.photos import library as photos
from acceptance_app.storage.models import Unit


def test_demo_units_have_photos_with_exif_near_jinan(database, data_folder, demo_project):
    with database.session() as s:
        units = s.scalars(sa.select(Unit.id).where(Unit.project_id == demo_project).order_by(Unit.sort_order)).all()
        rows = [row for unit in units[:2] for row in photos.list_photos(s, PhotoTarget.unit(unit))]
        # The three unit photos, one also on checklist items (shown once per link), and, since a unit's photos
        # include its findings' photos, the door-force gauge of 2#'s XF-06-4a finding (the other findings are on
        # later units).
        distinct = {row.id: row for row in rows}
        expected = {scene.name for scene in SCENES[:UNIT_SCENES]} | {PHOTO_OF_KIND["door_gauge"]}
        assert sorted(row.original_name for row in distinct.values()) == sorted(expected)
        assert sum(row.annotated for row in distinct.values()) == 1
        for row in rows:
            detail = photos.get_photo(s, row.id)
            assert 36.6 < detail.gps_lat < 36.7 and 117.0 < detail.gps_lon < 117.1
            assert detail.taken_at is not None and detail.camera == "HUAWEI Mate 60"
            assert photos.photo_paths(s, data_folder, row.id).original.exists()
    assert not (data_folder.root / ".demo-photos").exists()

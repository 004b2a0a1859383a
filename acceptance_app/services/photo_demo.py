"""Photos for the demo project: a few site pictures drawn here, with EXIF time, GPS near 济南 and a camera,
imported through the real store and attached to the first units; one carries an annotation layer.

Kept small (800×600) because every test that builds the demo project pays for it. The demo runs inside the
caller's transaction, so rows are flushed, not committed; the data folder is the one holding the database.
"""

from __future__ import annotations

import io
import uuid

from PIL import Image, ImageDraw
from sqlalchemy.orm import Session

from acceptance_app.domain.photos import TargetKind
from acceptance_app.services.changes import NO_CHANGES, Changes
from acceptance_app.storage.db import data_folder_of
from acceptance_app.storage.models import Photo, PhotoAnnotation, PhotoLink, Unit, utcnow
from acceptance_app.storage.photo_layout import Ingested
from acceptance_app.storage.photo_store import ingest

SIZE = (800, 600)
# (file name, capture time, seconds east of 117°01'30", drawing)
SCENES = (
    ("IMG_2301.JPG", "2026:11:20 09:12:41", 0.0, "wall"),
    ("IMG_2302.JPG", "2026:11:20 09:15:03", 2.5, "hydrant"),
    ("IMG_2303.JPG", "2026:11:20 09:21:37", 4.0, "exit"),
    ("IMG_2304.JPG", "2026:11:20 09:30:12", 6.5, "door"),
)


def _draw(kind: str) -> Image.Image:
    image = Image.new("RGB", SIZE, (196, 190, 178))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 470, 800, 600), fill=(120, 116, 110))  # floor
    if kind == "wall":
        draw.line([(420, 40), (400, 150), (445, 260), (410, 380), (430, 470)], fill=(60, 55, 50), width=5)
    elif kind == "hydrant":
        draw.rectangle((300, 150, 520, 430), fill=(200, 30, 30), outline=(90, 10, 10), width=6)
        draw.rectangle((330, 190, 490, 300), fill=(235, 235, 235))
    elif kind == "exit":
        draw.rectangle((250, 60, 550, 160), fill=(20, 140, 70))
        draw.polygon([(300, 110), (340, 80), (340, 140)], fill="white")
        draw.rectangle((300, 200, 500, 470), fill=(150, 120, 80), outline=(70, 50, 30), width=6)
    else:
        draw.rectangle((280, 90, 520, 470), fill=(140, 60, 40), outline=(60, 30, 20), width=8)
        draw.ellipse((480, 270, 500, 290), fill=(220, 200, 80))
    return image


def _jpeg(kind: str, taken: str, east: float) -> bytes:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112], exif[0x0132] = "HUAWEI", "HUAWEI Mate 60", 1, taken
    exif.get_ifd(0x8769)[0x9003] = taken
    exif.get_ifd(0x8825).update({1: "N", 2: (36.0, 40.0, 12.0), 3: "E", 4: (117.0, 1.0, 30.0 + east)})
    buffer = io.BytesIO()
    _draw(kind).save(buffer, "JPEG", quality=85, exif=exif)
    return buffer.getvalue()


def add_demo_photos(session: Session, project_id: uuid.UUID) -> Changes:
    folder = data_folder_of(session)
    if folder is None:
        return NO_CHANGES
    units = session.query(Unit.id).filter(Unit.project_id == project_id).order_by(Unit.sort_order).limit(2).all()
    incoming = folder.root / ".demo-photos"
    incoming.mkdir(parents=True, exist_ok=True)
    try:
        for n, (name, taken, east, kind) in enumerate(SCENES):
            path = incoming / name
            path.write_bytes(_jpeg(kind, taken, east))
            done = ingest(str(path), str(folder.photos))
            assert isinstance(done, Ingested), done  # the demo's own photos are always valid
            photo = Photo(id=uuid.uuid4(), sha256=done.sha256, original_name=name, size=done.size, width=done.width,
                          height=done.height, mime=done.mime, taken_at=done.exif.taken_at, gps_lat=done.exif.gps_lat,
                          gps_lon=done.exif.gps_lon, camera_make=done.exif.camera_make,
                          camera_model=done.exif.camera_model, orientation=1, imported_by="演示",
                          imported_at=utcnow())
            session.add(photo)
            unit_id = units[n % len(units)][0]
            session.add(PhotoLink(id=uuid.uuid4(), photo_id=photo.id, target_kind=TargetKind.UNIT, unit_id=unit_id,
                                  position=n + 1, caption=""))
            if kind == "wall":
                session.add(PhotoAnnotation(id=uuid.uuid4(), photo_id=photo.id, shapes=[
                    {"kind": "ellipse", "x": 0.43, "y": 0.03, "w": 0.2, "h": 0.78, "color": "#e53935", "width": 0.006},
                    {"kind": "text", "x": 0.62, "y": 0.3, "text": "墙面裂缝", "color": "#e53935", "size": 0.06},
                ]))
    finally:
        for path in incoming.iterdir():
            path.unlink()
        incoming.rmdir()
    session.flush()
    return Changes(photo=True)

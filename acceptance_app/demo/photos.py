"""Photos for the demo project: site pictures drawn here, one per kind of finding the demo records (a door
without its closer, a shutter stopped above the floor, a test valve without its gauge ...), with the EXIF time
of the visit in local working hours, GPS near 济南 and a camera, imported through the real store in the name
of the inspector who took them. The first three show the units; the others are linked by the findings.

Kept small (800×600) because every test that builds the demo project pays for it. The demo runs inside the
caller's transaction, so rows are flushed, not committed; the data folder is the one holding the database.
"""

from __future__ import annotations

import io
import uuid
from datetime import datetime, time, timedelta

from PIL import Image, ImageDraw
from sqlalchemy.orm import Session

from acceptance_app.demo.data import INSPECTOR_OF, SCENES, Scene, days_ago_of_kind, site_day
from acceptance_app.domain.enums import Discipline
from acceptance_app.domain.photos import TargetKind
from acceptance_app.services.changes import NO_CHANGES, Changes
from acceptance_app.storage.db import data_folder_of
from acceptance_app.storage.models import Photo, PhotoAnnotation, PhotoLink, Unit, utcnow
from acceptance_app.storage.photo_layout import Ingested
from acceptance_app.storage.photo_store import ingest

SIZE = (800, 600)
WALL, FLOOR, DARK = (196, 190, 178), (120, 116, 110), (60, 55, 50)
UNIT_SCENES = 3  # the first scenes show units; the rest belong to findings


def _door(draw: ImageDraw.ImageDraw, closer: bool = False) -> None:
    draw.rectangle((280, 90, 520, 470), fill=(140, 60, 40), outline=(60, 30, 20), width=8)
    draw.ellipse((480, 270, 500, 290), fill=(220, 200, 80))
    draw.rectangle((300, 100, 420, 125), outline=(200, 200, 200), width=3)  # where the closer should be
    if closer:
        draw.rectangle((300, 100, 420, 125), fill=(90, 90, 90))


def _draw(kind: str) -> Image.Image:
    image = Image.new("RGB", SIZE, WALL)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 470, 800, 600), fill=FLOOR)
    if kind == "wall":
        draw.line([(420, 40), (400, 150), (445, 260), (410, 380), (430, 470)], fill=DARK, width=5)
    elif kind == "hydrant":
        draw.rectangle((300, 150, 520, 430), fill=(200, 30, 30), outline=(90, 10, 10), width=6)
        draw.rectangle((330, 190, 490, 300), fill=(235, 235, 235))
    elif kind == "exit":
        draw.rectangle((250, 60, 550, 160), fill=(20, 140, 70))
        draw.polygon([(300, 110), (340, 80), (340, 140)], fill="white")
        draw.rectangle((300, 200, 500, 470), fill=(150, 120, 80), outline=(70, 50, 30), width=6)
    elif kind == "door":  # a fire door with no closer on its frame
        _door(draw)
    elif kind == "door_gauge":  # a fire door pulled open with a push-pull gauge at the handle
        _door(draw, closer=True)
        draw.line([(500, 280), (640, 280)], fill=(40, 40, 40), width=6)
        draw.rectangle((640, 255, 720, 305), fill=(240, 200, 40), outline=(60, 60, 60), width=3)
    elif kind == "valve":  # a sprinkler test valve: riser, valve, an empty gauge port
        draw.rectangle((360, 80, 390, 470), fill=(200, 30, 30))
        draw.rectangle((330, 250, 420, 300), fill=(150, 20, 20))
        draw.ellipse((420, 255, 450, 295), outline=(40, 40, 40), width=4)
    elif kind == "shutter":  # a fire shutter stopped above the floor
        draw.rectangle((120, 60, 680, 410), fill=(170, 170, 175), outline=(90, 90, 95), width=6)
        for y in range(80, 410, 22):
            draw.line([(125, y), (675, y)], fill=(130, 130, 135), width=3)
        draw.line([(700, 410), (700, 470)], fill=(229, 57, 53), width=4)
    elif kind == "corridor":  # a corridor with a tape measure across it
        draw.polygon([(100, 600), (320, 200), (480, 200), (700, 600)], fill=(210, 205, 195))
        draw.line([(180, 470), (620, 470)], fill=(240, 200, 40), width=8)
    elif kind == "fence":
        for x in range(60, 760, 40):
            draw.rectangle((x, 250, x + 12, 470), fill=(60, 60, 60))
        draw.rectangle((40, 250, 760, 262), fill=(60, 60, 60))
    elif kind == "stair":
        for n in range(7):
            draw.rectangle((120 + n * 70, 470 - n * 55, 800, 470 - n * 55 + 12), fill=(150, 145, 135))
        draw.line([(140, 380), (620, 60)], fill=(40, 40, 40), width=8)  # the handrail
    elif kind == "tank":  # a roof tank with its outlet valve
        draw.rectangle((160, 120, 640, 430), fill=(215, 215, 220), outline=(120, 120, 125), width=6)
        draw.rectangle((600, 380, 760, 400), fill=(90, 90, 95))
        draw.ellipse((660, 360, 700, 420), fill=(200, 30, 30))
    elif kind == "extinguisher":  # hung high on a wall hook
        draw.rectangle((360, 60, 430, 230), fill=(210, 30, 30))
        draw.rectangle((380, 40, 410, 62), fill=(40, 40, 40))
        draw.line([(300, 470), (300, 60)], fill=(240, 200, 40), width=5)  # the tape measure
    elif kind == "fan":  # a pressurisation grille in a stair
        draw.rectangle((280, 150, 520, 330), fill=(230, 230, 230), outline=(120, 120, 120), width=6)
        for x in range(295, 515, 16):
            draw.line([(x, 160), (x, 320)], fill=(160, 160, 160), width=3)
    return image


def _jpeg(scene: Scene, taken: str, east: float) -> bytes:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112], exif[0x0132] = "HUAWEI", "HUAWEI Mate 60", 1, taken
    exif.get_ifd(0x8769)[0x9003] = taken
    exif.get_ifd(0x8825).update({1: "N", 2: (36.0, 40.0, 12.0), 3: "E", 4: (117.0, 1.0, 30.0 + east)})
    buffer = io.BytesIO()
    _draw(scene.kind).save(buffer, "JPEG", quality=85, exif=exif)
    return buffer.getvalue()


def taken_at(scene: Scene) -> datetime:
    """Local time on the day of the visit, between 09:00 and the end of the working day."""
    return datetime.combine(site_day(days_ago_of_kind(scene.kind)), time(9, 0)) + timedelta(
        minutes=scene.minutes, seconds=17 * scene.minutes % 60)


def add_demo_photos(session: Session, project_id: uuid.UUID) -> Changes:
    folder = data_folder_of(session)
    if folder is None:
        return NO_CHANGES
    units = session.query(Unit.id).filter(Unit.project_id == project_id).order_by(Unit.sort_order).limit(2).all()
    incoming = folder.root / ".demo-photos"
    incoming.mkdir(parents=True, exist_ok=True)
    try:
        for n, scene in enumerate(SCENES):
            path = incoming / scene.name
            path.write_bytes(_jpeg(scene, f"{taken_at(scene):%Y:%m:%d %H:%M:%S}", n * 1.5))
            done = ingest(str(path), str(folder.photos))
            assert isinstance(done, Ingested), done  # the demo's own photos are always valid
            photo = Photo(id=uuid.uuid4(), sha256=done.sha256, original_name=scene.name, size=done.size,
                          width=done.width, height=done.height, mime=done.mime, taken_at=done.exif.taken_at,
                          gps_lat=done.exif.gps_lat, gps_lon=done.exif.gps_lon, camera_make=done.exif.camera_make,
                          camera_model=done.exif.camera_model, orientation=1,
                          imported_by=INSPECTOR_OF[Discipline.FIRE], imported_at=utcnow())
            session.add(photo)
            if n < UNIT_SCENES:
                session.add(PhotoLink(id=uuid.uuid4(), photo_id=photo.id, target_kind=TargetKind.UNIT,
                                      unit_id=units[n % len(units)][0], position=n + 1, caption=scene.caption))
            if scene.kind == "wall":
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

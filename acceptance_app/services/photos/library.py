"""Photos as evidence: import (files, folders, camera cards), listing, details, annotations, evidence counts.

``import_photos`` commits one photo at a time, the moment it lands, so a crash or a cancel loses nothing
already imported (silent photo loss is the failure field data apps are known for: ODK Collect deleted forms
after a failed send, getodk/getodk#1017). That is why it takes
a session that is NOT inside ``session.begin()``: it calls ``session.commit()`` itself after each photo.
The heavy work (read, sha256, decode, derived copies) runs in a process pool, one worker per core, so the
GUI process (and its GIL) stays free; the database row is written by the calling thread only.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import InspectionKind
from acceptance_app.domain.photos import (
    ImportOutcome,
    ImportResult,
    PhotoDetail,
    PhotoRow,
    PhotoTarget,
    TargetKind,
    normalized_shapes,
    validate_shapes,
)
from acceptance_app.domain.problems import KnownError, ValidationFailed, errors_only
from acceptance_app.domain.progress import Progress
from acceptance_app.services.changes import Changes
from acceptance_app.services.common import NotFound
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.models import (
    Base,
    Finding,
    Inspection,
    Photo,
    PhotoAnnotation,
    PhotoLink,
    Project,
    Unit,
    utcnow,
)
from acceptance_app.storage.photo_layout import Ingested, PhotoStore, Rejection

if TYPE_CHECKING:
    from acceptance_app.services.photos.rendering import DocumentPhoto

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".jpe", ".png", ".tif", ".tiff", ".heic", ".heif", ".hif"})


def rejection(result: ImportResult) -> KnownError:
    """Why a file was refused, as the code and params the UI and the CLI turn into one line of text."""
    from acceptance_app.storage.photo_store import PIXEL_LIMIT

    return KnownError(result.reason, name=result.name, detail=result.detail, limit=PIXEL_LIMIT // 1_000_000)


# Which files -------------------------------------------------------------------------------------------------
def collect_files(paths: Iterable[Path | str]) -> list[Path]:
    """Files given by name are taken as they are (a wrong one is rejected with a reason); folders (and camera
    cards: DCIM/…) are searched for photo files by extension, in name order, hidden files skipped."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in found.relative_to(path).parts)  # ._IMG, .Trashes
                if found.is_file() and found.suffix.lower() in PHOTO_SUFFIXES and not hidden:
                    files.append(found)
        else:
            files.append(path)
    return files


def _check_target(session: Session, target: PhotoTarget) -> None:
    model = {TargetKind.PROJECT: Project, TargetKind.UNIT: Unit, TargetKind.INSPECTION: Inspection}.get(target.kind)
    if model is not None:
        if session.get(model, target.id) is None:
            raise NotFound(model.__tablename__, target.id)
        return
    # Findings live in another module: check the row only when that table exists in this build.
    findings = Base.metadata.tables.get("findings")
    if findings is not None and session.execute(sa.select(findings.c.id).where(findings.c.id == target.id)).first() is None:
        raise NotFound("findings", target.id)


def _target_filter(target: PhotoTarget) -> sa.ColumnElement[bool]:
    column = {
        TargetKind.PROJECT: PhotoLink.project_id,
        TargetKind.UNIT: PhotoLink.unit_id,
        TargetKind.INSPECTION: PhotoLink.inspection_id,
        TargetKind.FINDING: PhotoLink.finding_id,
    }[target.kind]
    condition = sa.and_(PhotoLink.target_kind == target.kind, column == target.id)
    if target.kind is TargetKind.INSPECTION and target.item_id:
        condition = sa.and_(condition, PhotoLink.item_id == target.item_id)
    return condition


# Import ------------------------------------------------------------------------------------------------------
def _link(session: Session, photo: Photo, target: PhotoTarget, position: int) -> bool:
    """Attach ``photo`` to ``target`` unless it already is; True if a link was added."""
    exists = session.scalar(
        sa.select(PhotoLink.id).where(_target_filter(target), PhotoLink.photo_id == photo.id,
                                      PhotoLink.item_id == target.item_id)
    )
    if exists is not None:
        return False
    columns = {TargetKind.PROJECT: "project_id", TargetKind.UNIT: "unit_id", TargetKind.INSPECTION: "inspection_id",
               TargetKind.FINDING: "finding_id"}
    session.add(PhotoLink(id=uuid.uuid4(), photo_id=photo.id, target_kind=target.kind, item_id=target.item_id,
                          position=position, **{columns[target.kind]: target.id}))
    return True


def _record(session: Session, store: PhotoStore, done: Ingested, target: PhotoTarget, position: int) -> ImportResult:
    """One photo's database rows, committed now. On a database failure the files of a new photo go too."""
    photo = session.scalar(sa.select(Photo).where(Photo.sha256 == done.sha256))
    is_new = photo is None
    try:
        if photo is None:
            exif = done.exif
            photo = Photo(
                id=uuid.uuid4(), sha256=done.sha256, original_name=Path(done.source).name[:255], size=done.size,
                width=done.width, height=done.height, mime=done.mime, taken_at=exif.taken_at, gps_lat=exif.gps_lat,
                gps_lon=exif.gps_lon, camera_make=exif.camera_make, camera_model=exif.camera_model,
                orientation=exif.orientation, imported_by=session.info.get("actor", ""), imported_at=utcnow(),
            )
            session.add(photo)
            session.flush()
        _link(session, photo, target, position)
        session.commit()
    except BaseException:
        session.rollback()
        if is_new and session.scalar(sa.select(Photo.id).where(Photo.sha256 == done.sha256)) is None:
            store.remove(done.sha256, done.mime)  # never leave an original no row points to
        raise
    outcome = ImportOutcome.IMPORTED if is_new else ImportOutcome.DUPLICATE
    return ImportResult(done.source, outcome, photo.id)


def _results_in_pool(ingest: Callable[[str, str], Ingested | Rejection], files: Sequence[Path], store_root: str,
                     workers: int, task: Progress | None,
                     on_result: Callable[[int, Ingested | Rejection], None]) -> set[int]:
    """Run ``ingest`` on a spawn pool (fork is unsafe in a process with Qt and runner threads); return the
    indexes that were never started because of a cancel. Files already being decoded are finished and
    recorded, so a cancel never leaves their copies in the store without a row."""
    skipped: set[int] = set()
    from acceptance_app.process_guard import die_with_parent

    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=die_with_parent) as pool:
        futures: dict[Future[Ingested | Rejection], int] = {
            pool.submit(ingest, str(path), store_root): index for index, path in enumerate(files)
        }
        for future in as_completed(futures):
            if future.cancelled():
                skipped.add(futures[future])
                continue
            on_result(futures[future], future.result())
            if task is not None and task.cancelled():
                for pending in futures:
                    if pending.cancel():
                        skipped.add(futures[pending])
    return skipped


def import_photos(session: Session, folder: DataFolder, files: Iterable[Path | str], target: PhotoTarget,
                  task: Progress | None = None, workers: int | None = None) -> list[ImportResult]:
    """Import files and folders into the store and attach them to ``target``; one result per file, in order.

    Bad files are rejected one by one (with a reason code) and the rest go on. The session must not be in a
    ``begin()`` block: each photo is committed as it lands.
    """
    # Pillow and pillow-heif load when photos are decoded, not for every reader of this module (documents)
    from acceptance_app.storage.photo_store import ingest

    _check_target(session, target)
    paths = collect_files(files)
    store_root = str(folder.photos)
    store = PhotoStore(store_root)
    sweep_orphans(session, store)
    results: list[ImportResult | None] = [None] * len(paths)
    # Positions follow the order the files were given, whichever worker finishes first.
    first_position = (session.scalar(sa.select(sa.func.max(PhotoLink.position)).where(_target_filter(target))) or 0) + 1
    session.commit()  # end the read transaction: nothing of it may be held while workers run
    done_count = 0

    def on_result(index: int, outcome: Ingested | Rejection) -> None:
        nonlocal done_count
        if isinstance(outcome, Rejection):
            results[index] = ImportResult(outcome.source, ImportOutcome.REJECTED, reason=outcome.reason,
                                          detail=outcome.detail)
        else:
            results[index] = _record(session, store, outcome, target, first_position + index)
        done_count += 1
        if task is not None:
            task.progress(done_count, len(paths), paths[index].name)

    workers = min(workers or os.cpu_count() or 1, len(paths))
    if workers <= 1:
        for index, path in enumerate(paths):
            if task is not None and task.cancelled():
                break
            on_result(index, ingest(str(path), store_root))
    else:
        _results_in_pool(ingest, paths, store_root, workers, task, on_result)
    return [r or ImportResult(str(p), ImportOutcome.CANCELLED) for r, p in zip(results, paths, strict=True)]


ORPHAN_AGE_SECONDS = 600


def sweep_orphans(session: Session, store: PhotoStore, older_than: float = ORPHAN_AGE_SECONDS) -> int:
    """Remove store files no photo row names (left by an import that was killed between writing a photo's
    files and committing its row); returns how many. Only files older than ``older_than`` seconds: another
    process may be importing right now, and its newest files wait for their row for a second or two."""
    import time

    known = set(session.scalars(sa.select(Photo.sha256)))
    session.commit()  # the read transaction ends here: imports commit photo by photo
    limit = time.time() - older_than
    removed = 0
    for kind in ("originals", "display", "thumbs"):
        for path in (store.root / kind).glob("??/??/*"):
            if path.stem in known or not path.is_file():
                continue
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    removed += 1
            except FileNotFoundError:
                continue
    return removed


# Reading -----------------------------------------------------------------------------------------------------
def attach_photo(session: Session, photo_id: uuid.UUID, target: PhotoTarget) -> Changes:
    """Attach a photo already in the store to another record (the same defect shown on its item and its
    finding), after the photos it already has; nothing changes when it is attached there already."""
    _check_target(session, target)
    position = (session.scalar(sa.select(sa.func.max(PhotoLink.position)).where(_target_filter(target))) or 0) + 1
    added = _link(session, _photo(session, photo_id), target, position)
    session.flush()
    return Changes(photo=added)


def _photo(session: Session, photo_id: uuid.UUID) -> Photo:
    photo = session.get(Photo, photo_id)
    if photo is None:
        raise NotFound("photos", photo_id)
    return photo


def list_photos(session: Session, target: PhotoTarget) -> list[PhotoRow]:
    """The photos attached to ``target`` in their order; for a unit also those of its inspections."""
    condition = _target_filter(target)
    if target.kind is TargetKind.UNIT:
        # A unit's photos: its own, its inspections' and its findings' (the defect is photographed once, on
        # the finding; the unit's 照片 tab counted none of them before).
        inspections = sa.select(Inspection.id).where(Inspection.unit_id == target.id)
        unit_findings = sa.select(Finding.id).where(Finding.unit_id == target.id)
        condition = sa.or_(condition, PhotoLink.inspection_id.in_(inspections), PhotoLink.finding_id.in_(unit_findings))
    elif target.kind is TargetKind.INSPECTION and target.item_id:
        # An item's photos: its own and those of its findings in the inspection (as the evidence rule counts them).
        item_findings = sa.select(Finding.id).where(Finding.inspection_id == target.id,
                                                    Finding.item_id == target.item_id)
        condition = sa.or_(condition, PhotoLink.finding_id.in_(item_findings))
    annotated = sa.select(PhotoAnnotation.photo_id).where(sa.cast(PhotoAnnotation.shapes, sa.String) != "[]")
    # Plain columns, not ORM entities: a unit can hold thousands of photos and the grid waits for this.
    query = (
        sa.select(Photo.id.label("id"), PhotoLink.id.label("link_id"), Photo.sha256.label("sha256"),
                  Photo.original_name.label("original_name"), Photo.width.label("width"),
                  Photo.height.label("height"), Photo.taken_at.label("taken_at"), PhotoLink.caption.label("caption"),
                  PhotoLink.position.label("position"), PhotoLink.item_id.label("item_id"),
                  Photo.id.in_(annotated).label("annotated"))
        .join(PhotoLink, PhotoLink.photo_id == Photo.id)
        .where(condition)
        .order_by(PhotoLink.target_kind, PhotoLink.position, Photo.imported_at)
    )
    rows: dict[uuid.UUID, PhotoRow] = {}
    for result in session.execute(query):  # labelled columns: the row is built by name, never by position
        values = result._mapping
        if values["id"] not in rows:
            rows[values["id"]] = PhotoRow(**{**values, "annotated": bool(values["annotated"])})
    return list(rows.values())


def get_photo(session: Session, photo_id: uuid.UUID) -> PhotoDetail:
    photo = _photo(session, photo_id)
    links = session.execute(sa.select(PhotoLink).where(PhotoLink.photo_id == photo_id)).scalars()
    return PhotoDetail(
        photo.id, photo.sha256, photo.original_name, photo.size, photo.width, photo.height, photo.mime,
        photo.taken_at, photo.gps_lat, photo.gps_lon, photo.camera_make, photo.camera_model, photo.orientation,
        photo.imported_by, photo.imported_at,
        tuple((link.target_kind, _link_target_id(link), link.item_id) for link in links),
    )


def _link_target_id(link: PhotoLink) -> uuid.UUID:
    value = {TargetKind.PROJECT: link.project_id, TargetKind.UNIT: link.unit_id,
             TargetKind.INSPECTION: link.inspection_id, TargetKind.FINDING: link.finding_id}[link.target_kind]
    assert value is not None
    return value


@dataclass(frozen=True)
class PhotoPaths:
    original: Path
    display: Path
    thumbnail: Path


def photo_paths(session: Session, folder: DataFolder, photo_id: uuid.UUID) -> PhotoPaths:
    photo = _photo(session, photo_id)
    return PhotoPaths(*PhotoStore(folder.photos).paths(photo.sha256, photo.mime))


def thumbnail_path(folder: DataFolder, sha256: str) -> Path:
    """For the grid, which already has the sha256 from list_photos (no database round trip per thumbnail)."""
    return PhotoStore(folder.photos).thumbnail_path(sha256)


def photo_evidence(session: Session, inspection_id: uuid.UUID) -> dict[str, int]:
    """How many distinct photos each checklist item of an inspection has (items without photos are absent)."""
    query = (
        sa.select(PhotoLink.item_id, sa.func.count(sa.distinct(PhotoLink.photo_id)))
        .where(PhotoLink.inspection_id == inspection_id, PhotoLink.item_id != "")
        .group_by(PhotoLink.item_id)
    )
    return {item_id: count for item_id, count in session.execute(query)}


# Links and annotations ---------------------------------------------------------------------------------------
def unlink_photo(session: Session, link_id: uuid.UUID) -> Changes:
    """Detach a photo from one record. The photo itself stays in the store."""
    link = session.get(PhotoLink, link_id)
    if link is None:
        raise NotFound("photo_links", link_id)
    session.delete(link)
    return Changes(photo=True)


def set_caption(session: Session, link_id: uuid.UUID, caption: str) -> Changes:
    link = session.get(PhotoLink, link_id)
    if link is None:
        raise NotFound("photo_links", link_id)
    link.caption = caption.strip()[:500]
    return Changes(photo=True)


def delete_photo(session: Session, folder: DataFolder, photo_id: uuid.UUID) -> Changes:
    """Remove a photo nothing refers to. A linked photo is evidence and is refused (the database's RESTRICT
    foreign key would refuse it too). Files are removed after the row, inside the caller's transaction."""
    photo = _photo(session, photo_id)
    count = session.scalar(sa.select(sa.func.count()).where(PhotoLink.photo_id == photo_id)) or 0
    if count:
        raise KnownError("photo.linked", count=count)
    layer = session.scalar(sa.select(PhotoAnnotation).where(PhotoAnnotation.photo_id == photo_id))
    if layer is not None:
        session.delete(layer)
    session.delete(photo)
    session.flush()
    PhotoStore(folder.photos).remove(photo.sha256, photo.mime)
    return Changes(photo=True)


def get_annotations(session: Session, photo_id: uuid.UUID) -> list[dict[str, Any]]:
    layer = session.scalar(sa.select(PhotoAnnotation).where(PhotoAnnotation.photo_id == photo_id))
    return list(layer.shapes) if layer is not None else []


def save_annotations(session: Session, photo_id: uuid.UUID, shapes: list[dict[str, Any]]) -> Changes:
    """Replace the photo's annotation layer (the original and its copies never change)."""
    problems = errors_only(validate_shapes(shapes))
    if problems:
        raise ValidationFailed(problems)
    _photo(session, photo_id)
    clean = normalized_shapes(shapes)
    layer = session.scalar(sa.select(PhotoAnnotation).where(PhotoAnnotation.photo_id == photo_id))
    if layer is None:
        session.add(PhotoAnnotation(id=uuid.uuid4(), photo_id=photo_id, shapes=clean))
    else:
        layer.shapes = clean
    return Changes(photo=True)


def document_photos(session: Session, folder: DataFolder, unit_ids: list[uuid.UUID],
                    kind: InspectionKind | None = None, watermark: bool = False) -> list[DocumentPhoto]:
    """Photos of units for a document's appendix, as files of their annotated renderings (see
    photo_rendering.document_photos); documents' photos_source maps these onto reports.inputs.PhotoInput."""
    from acceptance_app.services.photos import rendering as photo_rendering

    return photo_rendering.document_photos(session, folder, unit_ids, kind, watermark)


def annotated_rendering(session: Session, folder: DataFolder, photo_id: uuid.UUID, watermark: bool = False) -> bytes:
    """The JPEG documents embed: the upright display copy with the annotation layer drawn on it, and, when the
    setting asks for it, the watermark (time, project, unit, discipline, inspector)."""
    from acceptance_app.services.photos import (
        rendering as photo_rendering,  # Pillow drawing and the font: only when rendering
    )

    return photo_rendering.render(session, folder, _photo(session, photo_id), watermark)

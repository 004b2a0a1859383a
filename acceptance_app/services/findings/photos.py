"""A finding's photos, split into before and after the rectification, and as document inputs.

Photos attach to a finding through the photo link table (branch `photos`). A photo counts as "after" when it
was attached after the finding was first reported rectified: that is when the party's evidence comes in, and
it does not depend on the camera clock being right.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.findings import FindingAction
from acceptance_app.domain.photos import PhotoRow, PhotoTarget
from acceptance_app.reports.inputs import PhotoInput
from acceptance_app.services.photos import library as photos
from acceptance_app.services.photos import rendering as photo_rendering
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.models import FindingEvent, Photo, PhotoLink


@dataclass(frozen=True)
class BeforeAfter:
    before: tuple[PhotoRow, ...]
    after: tuple[PhotoRow, ...]


def finding_photos(session: Session, finding_id: uuid.UUID) -> list[PhotoRow]:
    """Every photo attached to the finding, in their order."""
    return photos.list_photos(session, PhotoTarget.finding(finding_id))


def before_after(session: Session, finding_id: uuid.UUID) -> BeforeAfter:
    rows = finding_photos(session, finding_id)
    rectified_at = session.scalar(sa.select(sa.func.min(FindingEvent.at)).where(
        FindingEvent.finding_id == finding_id, FindingEvent.action == FindingAction.RECTIFY))
    if rectified_at is None:
        return BeforeAfter(tuple(rows), ())
    attached = dict(session.execute(sa.select(PhotoLink.id, PhotoLink.created_at).where(
        PhotoLink.id.in_([r.link_id for r in rows]))).all())
    after = [r for r in rows if attached[r.link_id] >= rectified_at]
    return BeforeAfter(tuple(r for r in rows if r not in after), tuple(after))


def document_inputs(session: Session, folder: DataFolder, finding_id: uuid.UUID) -> tuple[PhotoInput, ...]:
    """The finding's photos for the rectification notice: annotated renderings, captioned 整改前 / 整改后."""
    split = before_after(session, finding_id)
    result = []
    for caption, rows in (("整改前", split.before), ("整改后", split.after)):
        for row in rows:
            photo = session.get(Photo, row.id)
            assert photo is not None
            when = f"{row.taken_at:%Y-%m-%d %H:%M}" if row.taken_at else ""
            made = photo_rendering.rendering(session, folder, photo, watermark=False)
            result.append(PhotoInput(made.path, caption, when, "", photo.imported_by, made.content_key))
    return tuple(result)

"""The demo's second project, 泉华苑住宅小区（二期）: the site visit is over, every applicable discipline of every
unit is concluded in the formal acceptance, so that the opinion, the rectification list, the technical-service
report and the record sheets all render from it at once. The first project (一期) stays work in progress.

6#: every discipline 合格 (after an advisory technical-service session that found its stair pressure too high);
7#: 消防 整改后复验 with an open finding (a fire extinguisher hung too high); the garage holds the 人防 work and
passes all four. The facts are in demo_data."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy.orm import Session

from acceptance_app.demo.checklists import defect_for, demo_forms_folder, run_demo_inspection
from acceptance_app.demo.data import PARTIES, PHOTO_OF_KIND, READY_COMMITMENTS, READY_PROJECT, READY_UNITS
from acceptance_app.demo.findings import demo_photo
from acceptance_app.demo.photos import add_demo_photos
from acceptance_app.demo.timeline import add_concluded_timeline, date_demo_visits
from acceptance_app.domain.enums import DISCIPLINES, Discipline, InspectionKind
from acceptance_app.domain.findings import CommitmentData, CommitmentKind
from acceptance_app.domain.matrix import discipline_applies
from acceptance_app.services import projects
from acceptance_app.services.changes import Changes
from acceptance_app.services.documents.numbers import grant_demo_blocks
from acceptance_app.services.findings import commitments
from acceptance_app.storage.models import Unit


def create_ready_project(session: Session) -> tuple[uuid.UUID, Changes]:
    project_id, changes = projects.create_project(session, READY_PROJECT)
    for party in PARTIES:
        changes |= projects.add_party(session, project_id, party)[1]
    units = [projects.add_unit(session, project_id, data)[0] for data in READY_UNITS]
    if demo_photo(session, PHOTO_OF_KIND["hydrant"]) is None:
        # Made alone (not after 一期), the project needs the demo photos its passed items' evidence links to;
        # without them 6#'s 规划 stayed open and its opinion could not be issued.
        changes |= add_demo_photos(session, project_id)
    folder = demo_forms_folder()
    sixth, seventh, garage = (session.get(Unit, unit_id) for unit_id in units)
    assert sixth is not None and seventh is not None and garage is not None
    run_demo_inspection(session, sixth, Discipline.FIRE, folder, kind=InspectionKind.SERVICE,
                        defect=defect_for(sixth, Discipline.FIRE, InspectionKind.SERVICE))
    for unit, data in zip((sixth, seventh, garage), READY_UNITS, strict=True):
        for discipline in DISCIPLINES:
            if discipline_applies(data, discipline):
                run_demo_inspection(session, unit, discipline, folder,
                                    defect=defect_for(unit, discipline, InspectionKind.FORMAL))
    today = date.today()
    for promise in READY_COMMITMENTS:
        changes |= commitments.add_commitment(session, project_id, CommitmentData(
            CommitmentKind(promise.kind), promise.subject, promise.promise, promise.party,
            today + timedelta(days=promise.due_in_days)), today=today)[1]
    grant_demo_blocks(session, "济", today.year)  # the city's 住建局 issues (the project's organ "")
    add_concluded_timeline(session, project_id, sixth.id)  # 6# is accepted on its own
    date_demo_visits(session, project_id)
    return project_id, changes | Changes(inspection=True, checklist=True, finding=True)

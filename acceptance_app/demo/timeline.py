"""The demo's procedure clocks: 一期 paused in rectification (notice signed for, report not back), 二期 back from
rectification and re-checked, its 6# accepted on its own with a clock of its own. Dates count back from today."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy.orm import Session

from acceptance_app.domain.procedure import Stage
from acceptance_app.services.timeline import record_stage

REASON = "现场验收发现问题，已出具一次性整改通知书，整改期间暂停计时"


def _record(session: Session, project_id: uuid.UUID, steps: list[tuple[Stage, int, str, str]],
            unit_id: uuid.UUID | None = None) -> None:
    today = date.today()
    for stage, days_ago, reference, reason in steps:
        record_stage(session, project_id, stage, today - timedelta(days=days_ago), unit_id=unit_id,
                     reference=reference, reason=reason, recorded_by="王建华")


def add_in_progress_timeline(session: Session, project_id: uuid.UUID) -> None:
    _record(session, project_id, [
        (Stage.APPLIED, 24, "", ""), (Stage.ACCEPTED, 23, "370100-LHYS-2026-0412", ""), (Stage.SITE, 16, "", ""),
        (Stage.RECTIFICATION, 15, "", REASON), (Stage.RECEIPT, 14, "", ""),
    ])


def add_concluded_timeline(session: Session, project_id: uuid.UUID, alone: uuid.UUID | None) -> None:
    _record(session, project_id, [
        (Stage.APPLIED, 30, "", ""), (Stage.ACCEPTED, 29, "370100-LHYS-2026-0388", ""), (Stage.SITE, 22, "", ""),
        (Stage.RECTIFICATION, 21, "", REASON), (Stage.RECEIPT, 20, "", ""), (Stage.REPORTED, 8, "", ""),
        (Stage.RECHECK, 6, "", ""),
    ])
    if alone is not None:
        _record(session, project_id, [
            (Stage.APPLIED, 30, "", ""), (Stage.ACCEPTED, 29, "370100-LHYS-2026-0389", ""), (Stage.SITE, 22, "", ""),
        ], alone)

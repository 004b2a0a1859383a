"""Columns of the findings and commitments tables, with the status colours and the overdue mark."""

from __future__ import annotations

from acceptance_app.domain.enums import DISCIPLINES, FindingStatus
from acceptance_app.domain.findings import CommitmentRow, CommitmentStatus, FindingOrigin, FindingRow
from acceptance_app.domain.natural_order import natural_key
from acceptance_app.i18n import _
from acceptance_app.text.labels import label

from acceptance_app.ui.models.rows_model import Column

STATUS_COLORS = {
    FindingStatus.OPEN: "#f8c9c4",  # red-ish, as 不合格 in the matrix
    FindingStatus.RECTIFIED: "#fde5b8",  # amber, as 整改中
    FindingStatus.CLOSED: "#cdeccf",  # green, as 合格
}
OVERDUE_COLOR = "#e53935"
DUE_SOON_COLOR = "#ffcc80"
DUE_SOON_DAYS = 3


def days_left_text(row: FindingRow) -> str:
    if row.left is None:
        return "—"
    days = row.left.days
    unit = _(" (provisional: weekends only)") if row.left.provisional else ""
    if days < 0:
        return _("{days} days overdue").format(days=-days) + unit
    return _("{days} days left").format(days=days) + unit


def _days_color(row: FindingRow) -> str | None:
    if row.overdue:
        return OVERDUE_COLOR
    if row.left is not None and row.left.days <= DUE_SOON_DAYS:
        return DUE_SOON_COLOR
    return None


def _item(row: FindingRow) -> str:
    text = row.item_id or "—"
    if row.origin is FindingOrigin.SERVICE:
        return _("{item} (from technical service)").format(item=text)
    return text


# Sort keys (field trial item 28): the loop's order for statuses, the forms' order for disciplines, dates as
# dates, unit names and item ids in natural order (1#, 2#, 10#); a closed finding has no days left: last.
STATUS_ORDER = {status: n for n, status in enumerate(FindingStatus)}
DISCIPLINE_ORDER = {discipline: n for n, discipline in enumerate(DISCIPLINES)}


def _days_key(row: FindingRow) -> tuple[int, int]:
    return (0, row.left.days) if row.left is not None else (1, 0)


FINDING_COLUMNS: list[Column[FindingRow]] = [
    Column(lambda: _("Status"), lambda r: label(r.status), background=lambda r: STATUS_COLORS[r.status],
           sort_key=lambda r: STATUS_ORDER[r.status]),
    Column(lambda: _("Days left"), days_left_text, background=_days_color, sort_key=_days_key),
    Column(lambda: _("Discipline"), lambda r: label(r.discipline), sort_key=lambda r: DISCIPLINE_ORDER[r.discipline]),
    Column(lambda: _("Unit"), lambda r: r.unit_name, sort_key=lambda r: natural_key(r.unit_name)),
    Column(lambda: _("Item"), _item, sort_key=lambda r: natural_key(r.item_id or "")),
    Column(lambda: _("Class"), lambda r: r.item_class.value, tooltip=lambda r: label(r.item_class)),
    Column(lambda: _("Description"), lambda r: r.description, tooltip=lambda r: r.description),
    Column(lambda: _("Responsible party"), lambda r: f"{label(r.party_role)} · {r.party_name}"),
    Column(lambda: _("Deadline"), lambda r: f"{r.deadline:%Y-%m-%d}" + (_(" (provisional: weekends only)")
                                                                         if r.deadline_provisional else ""),
           tooltip=lambda r: _("The holiday table of a year on the way is not here yet: counted on weekends "
                               "only, recomputed when it arrives.") if r.deadline_provisional else "",
           sort_key=lambda r: r.deadline),
    Column(lambda: _("Round"), lambda r: str(r.round), align_right=True, sort_key=lambda r: r.round),
    Column(lambda: _("Last note"), lambda r: r.last_note, tooltip=lambda r: r.last_note),
]

COMMITMENT_COLORS = {
    CommitmentStatus.OPEN: "#fde5b8",
    CommitmentStatus.FULFILLED: "#cdeccf",
    CommitmentStatus.BROKEN: "#f8c9c4",
}

COMMITMENT_ORDER = {status: n for n, status in enumerate(CommitmentStatus)}

COMMITMENT_COLUMNS: list[Column[CommitmentRow]] = [
    Column(lambda: _("Status"), lambda r: label(r.status), background=lambda r: COMMITMENT_COLORS[r.status],
           sort_key=lambda r: COMMITMENT_ORDER[r.status]),
    Column(lambda: _("Kind"), lambda r: label(r.kind)),
    Column(lambda: _("Subject"), lambda r: r.subject),
    Column(lambda: _("Promise"), lambda r: r.promise, tooltip=lambda r: r.promise),
    Column(lambda: _("Responsible party"), lambda r: r.party_name),
    Column(lambda: _("Promised date"), lambda r: f"{r.due_on:%Y-%m-%d}",
           background=lambda r: OVERDUE_COLOR if r.overdue else None, sort_key=lambda r: r.due_on),
    Column(lambda: _("Blocks the opinion"), lambda r: _("Yes") if r.blocking else ""),
    Column(lambda: _("Check"), lambda r: r.check_note),
]

"""Text for the finding codes: findings, re-inspections, commitments, the working-day calendar."""

from __future__ import annotations

from acceptance_app.domain.enums import FindingStatus
from acceptance_app.domain.findings import FindingAction
from acceptance_app.i18n import N_, _

FIELD_LABELS = {
    "class_reason": N_("Reason for a lower class"),
    "description": N_("Description"),
    "deadline_days": N_("Deadline (working days)"),
    "item_id": N_("Checklist item"),
    "subject": N_("Subject"),
    "promise": N_("Promised material or condition"),
    "due_on": N_("Promised date"),
}

RULES = {
    "finding.class_reason": N_("item {item} is class {item_class}: give the reason for a lower class"),
    "commitment.due_in_past": N_("{date} is already past"),
    "date.format": N_("must be a date like 2027-02-28, not \u201c{value}\u201d"),
}

ERRORS = {
    "calendar.out_of_range": N_(
        "The working-day calendar knows the years {first} to {last} only; {date} is beyond it. Choose a "
        "shorter deadline, or update the chinese-calendar package when the State Council has published "
        "the next year's holidays."
    ),
    "finding.step_not_allowed": N_("This finding is \u201c{status}\u201d; the step \u201c{action}\u201d is not possible now."),
    "finding.no_party": N_("The project has no {role}; add the responsible party first."),
    "finding.closed": N_("This finding is closed (re-check passed) and can no longer be edited."),
    "finding.date_out_of_range": N_("The date {value} is outside the working-day calendar ({first} to {last})."),
    "finding.no_such_item": N_("Checklist item {item} is not an item of this inspection's form ({form})."),
    "finding.class_lowered": N_(
        "Item {item} is class {item_class}; a class {finding_class} finding on it needs a reason for the lower "
        "class. Nothing was saved."
    ),
    "finding.no_inspection": N_(
        "This unit has no {discipline} inspection yet; start the inspection before recording findings."
    ),
    "recheck.no_inspection": N_("There is no earlier inspection of this unit and discipline to re-inspect."),
    "recheck.not_completed": N_(
        "Round {round} is not completed yet; a re-inspection round starts only from a completed one."
    ),
    "recheck.nothing_to_check": N_("Every finding of this unit and discipline is closed; nothing to re-inspect."),
    "commitment.already_checked": N_("This commitment was already checked; its result cannot change."),
    "commitment.blocks_opinion": N_(
        "The opinion cannot be issued while these commitments are open (they must be fulfilled first):\n{items}"
    ),
    "calendar.bad_json": N_("{file}: not a UTF-8 JSON file ({detail})."),
    "calendar.bad_format": N_("{file}: not a holiday table (\u201cformat\u201d must be \u201c{format}\u201d and "
                              "\u201cversion\u201d {version})."),
    "calendar.bad_field": N_("{file}: \u201c{field}\u201d is missing or has the wrong form (see docs/CALENDAR.md)."),
    "calendar.bad_date": N_("{file}: {field}: \u201c{value}\u201d is not a date like 2027-01-01."),
    "calendar.wrong_year": N_("{file}: {field}: {date} is not in {year}."),
    "calendar.not_weekend": N_("{file}: {field}: {date} is not a Saturday or Sunday, so it needs no make-up "
                               "working day."),
    "calendar.off_and_on": N_("{file}: {date} is listed both as a day off and as a make-up working day."),
    "calendar.file_name": N_("{file}: the file of this year must be named {expected}."),
}

STATUS_NAMES = {
    FindingStatus.OPEN: N_("to rectify"),
    FindingStatus.RECTIFIED: N_("rectified, awaiting re-check"),
    FindingStatus.CLOSED: N_("re-check passed"),
}
ACTION_NAMES = {
    FindingAction.OPEN: N_("Opened"),
    FindingAction.RECTIFY: N_("Rectified"),
    FindingAction.RECHECK_PASS: N_("Re-check passed"),
    FindingAction.RECHECK_FAIL: N_("Re-check failed"),
    FindingAction.DEADLINE_RECOMPUTED: N_("Deadline recomputed"),
}


def action_name(action: FindingAction) -> str:
    return _(ACTION_NAMES[action])


def status_name(status: FindingStatus) -> str:
    return _(STATUS_NAMES[status])


def _step_names(params: dict) -> dict:
    """``finding.step_not_allowed`` carries the status and the step as codes; the text names them."""
    return {**params, "status": _(STATUS_NAMES[FindingStatus(params["status"])]),
            "action": action_name(FindingAction(params["action"]))}


PARAMS = {"finding.step_not_allowed": _step_names}

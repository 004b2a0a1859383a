"""Text for the document codes (issuing opinions, notices, service reports, record sheets)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from acceptance_app.domain.enums import Discipline
from acceptance_app.i18n import N_, _
from acceptance_app.text.labels import label_of

ERRORS = {
    "documents.missing_data": N_("The document cannot be made; missing or inconsistent data:\n{items}"),
    "numbers.block_overlap": N_("The block {series} {year} {first}-{last} overlaps a block already held ({held}); "
                                "nothing was added."),
    "numbers.bad_block": N_("A block needs a series, a year and serials first <= last, all at least 1 "
                            "(given: {series} {year} {first}-{last})."),
    "timeline.needs_stage": N_("The stage {stage} needs the stage {needs} recorded first; nothing was recorded."),
    "timeline.earlier_date": N_("The stage {stage} cannot be dated before the last recorded stage ({earlier})."),
    "timeline.still_paused": N_("The opinion cannot be issued while the rectification is open: record the day the "
                                "rectification report came back first."),
    "timeline.not_this_project": N_("The unit {unit} is not part of this project."),
}
ERRORS.update({
    "documents.unit_not_ready": N_("The unit {unit} cannot be accepted on its own yet: {reasons}."),
    "documents.opinion_already_issued": N_("The opinion of {scope} is already issued as {number} and nothing in it "
                                           "has changed; it is not issued a second time. A corrected opinion is "
                                           "issued as a new version once its content changed."),
})

# Why an opinion's scope is not ready (services/documents/scope.py): per discipline, or the unit's application.
SCOPE_BLOCKERS = {
    "scope.not_started": N_("{discipline} not inspected yet"),
    "scope.in_progress": N_("{discipline} not concluded yet"),
    "scope.rectifying": N_("{discipline} in rectification (re-inspection after rectification)"),
    "scope.failed": N_("{discipline} failed"),
    "scope.not_applied_alone": N_("not applied for on its own (the unit's “accepted on its own” is No)"),
}
def describe_blocker(code: str, discipline: str = "", unit: str = "") -> str:
    """One reason, e.g. "消防正在整改（整改后复验）"; prefixed by the unit for the whole project's reasons."""
    text = _(SCOPE_BLOCKERS[code]).format(discipline=label_of(Discipline, discipline) if discipline else "")
    return _("{unit}: {reason}").format(unit=unit, reason=text) if unit else text


def describe_blockers(reasons: Iterable[Sequence[str]]) -> str:
    return _("; ").join(describe_blocker(*reason) for reason in reasons)


def _reasons(params: dict[str, Any]) -> dict[str, Any]:
    return {**params, "reasons": describe_blockers(params["reasons"])}


PARAMS = {"documents.unit_not_ready": _reasons}

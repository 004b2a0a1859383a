"""Text for the checklist codes: form-file problems (RULES), answer and inspection errors, evidence kinds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from acceptance_app.domain.enums import Discipline, DocumentType, ItemVerdict, Verdict
from acceptance_app.i18n import N_, _
from acceptance_app.text.labels import label_of

if TYPE_CHECKING:  # the checklist model loads on first use, not with every error text (start-up time)
    from acceptance_app.domain.checklists.answers import AnswerInput
    from acceptance_app.domain.checklists.form import Item

RULES = {
    "yaml.syntax": N_("not valid YAML: {detail}"),
    "yaml.duplicate_key": N_("key \u201c{key}\u201d appears twice"),
    "yaml.encoding": N_("the file is not UTF-8 text"),
    "yaml.not_a_mapping": N_("the file must hold a mapping (form: ... or jurisdiction: ...)"),
    "file.unreadable": N_("cannot read the file: {reason}"),
    "schema.unknown_field": N_("unknown field \u201c{field}\u201d in {where}"),
    "schema.missing_field": N_("{where}: required field \u201c{field}\u201d is missing"),
    "schema.missing_source": N_("item {item} has no source (standard, clause, tag)"),
    "schema.not_allowed": N_("{where}: \u201c{value}\u201d is not allowed (allowed: {allowed})"),
    "schema.wrong_type": N_("{where}: \u201c{value}\u201d has the wrong type (expected {type})"),
    "schema.empty": N_("{where}: must not be empty"),
    "schema.repeated": N_("{where}: contains a repeated value"),
    "schema.pattern": N_("{where}: \u201c{value}\u201d has the wrong format"),
    "schema.minimum": N_("{where}: {value} is below the minimum {limit}"),
    "schema.maximum": N_("{where}: {value} is above the maximum {limit}"),
    "schema.exclusiveMinimum": N_("{where}: {value} must be greater than {limit}"),
    "schema.exclusiveMaximum": N_("{where}: {value} must be less than {limit}"),
    "schema.invalid": N_("{where}: {value} does not fit the format ({detail})"),
    "form.duplicate_group": N_("group id {id} is used twice"),
    "form.duplicate_item": N_("item id {id} is already defined at {first}"),
    "form.item_prefix": N_("item id {id} must start with {prefix}"),
    "form.bad_tolerance": N_("item {item}: tolerance \u201c{text}\u201d does not parse"),
    "form.unknown_jurisdiction_key": N_("item {item}: unknown jurisdiction key \u201c{key}\u201d"),
    "form.unknown_option": N_("item {item}: passing value \u201c{option}\u201d is not one of the options"),
    "form.min_above_max": N_("item {item}: min is greater than max"),
    "form.advisory_fail_rule": N_(
        "item {item} is advisory (宜/不宜) and can never fail, but it has a fail rule \u201c{key}\u201d"
    ),
    "form.unknown_fact": N_("item {item}: applies_to names an unknown fact \u201c{fact}\u201d (known: {known})"),
    "form.bad_fact_value": N_("item {item}: fact {fact} cannot be \u201c{value}\u201d (allowed: {allowed})"),
    "form.duplicate_discipline": N_("a second form for {form} (the first is {first})"),
    "jurisdiction.file_name": N_("table {code} must be in a file named {code}.yaml, not {stem}"),
    "jurisdiction.unknown_parent": N_("inherits from unknown jurisdiction {code}"),
    "jurisdiction.no_verdict_scheme": N_(
        "{key} names no verdict scheme: add scheme: any-failure (细则 2020) or by-class (XF 836)"
    ),
    "jurisdiction.open_band": N_("{key}: the last band must have upto: null"),
    "jurisdiction.band_order": N_("{key}: bands must go up in order"),
}

ERRORS = {
    "tolerance.syntax": N_("Tolerance \u201c{text}\u201d does not parse"),
    "tolerance.empty_range": N_("Tolerance \u201c{text}\u201d is an empty range"),
    "tolerance.design_missing": N_("This tolerance compares with the design value: enter the design value"),
    "tolerance.unresolved": N_("Tolerance rule {key} is not in the jurisdiction table"),
    "tolerance.reference_loop": N_("Tolerance \u201c{text}\u201d refers to itself"),
    "jurisdiction.unknown_key": N_("The jurisdiction table {jurisdiction} has no value {key}"),
    "jurisdiction.unknown": N_("Unknown jurisdiction {jurisdiction}"),
    "jurisdiction.loop": N_("The jurisdiction tables of {jurisdiction} inherit in a loop"),
    "jurisdiction.no_band": N_("{key} has no band for the design value {design}"),
    "jurisdiction.not_a_tolerance": N_("{key} is not a tolerance rule"),
    "jurisdiction.not_a_number": N_("{key} is not a number"),
    "answer.unknown_option": N_("Item {item}: \u201c{value}\u201d is not an option ({options})"),
    "answer.not_whole": N_("Item {item}: {value} is not a whole number"),
    "answer.not_a_number": N_("Item {item}: \u201c{value}\u201d is not a number"),
    "answer.unknown_item": N_("Item {item} is not in the form {form} {version}"),
    "answer.not_applicable_item": N_("Item {item} does not apply to this unit"),
    "answer.na_reason_required": N_("Item {item}: give a reason for \u201cnot applicable\u201d"),
    "answer.bad_value": N_("Item {item}: \u201c{value}\u201d is not a valid answer ({expected})"),
    "answer.nothing_to_undo": N_("Nothing to undo in this inspection"),
    "answer.value_and_reason": N_(
        "Item {item}: a reason for \u201cnot applicable\u201d is filled in, and a value was typed. Press 3 (or Enter "
        "in the reason box) for not applicable, or clear the reason to record the value; nothing was saved"
    ),
    "copy.same_unit": N_("A unit cannot copy answers from itself"),
    "copy.no_source": N_("{unit} has no inspection of this discipline to copy answers from"),
    "copy.not_offered": N_("These items cannot be copied (not answered in the source unit, or not applicable here): "
                           "{items}; nothing was copied"),
    "copy.unknown_group": N_("The form has no group {group}"),
    "answer.na_with_value": N_("Item {item}: \u201cnot applicable\u201d cannot also carry a value; nothing was saved"),
    "inspection.completed": N_("This inspection is concluded: an answer changed now needs a reason (a correction), "
                               "or reopen the conclusion with a reason"),
    "inspection.not_concluded": N_("This inspection is not concluded: answer the item as usual"),
    "answer.correction_reason_required": N_(
        "Item {item}: the discipline is concluded; say why this answer is corrected (at least {minimum} "
        "characters). Nothing was saved"),
    "answer.correction_changes_verdict": N_(
        "Item {item}: with this answer the {discipline} verdict of {unit} would be \u201c{after}\u201d instead of "
        "the concluded \u201c{concluded}\u201d. Reopen the conclusion (with a reason), answer, and conclude again; nothing was saved"),
    "answer.shared_item_concluded": N_(
        "Item {item} is a project-level answer (\u27f2) that also counts for {units}, whose {discipline} is concluded: "
        "change it there as a correction, with its reason; nothing was saved"),
    "inspection.reopen_reason_required": N_(
        "Say why the conclusion is reopened (at least {minimum} characters); nothing was changed"),
    "inspection.later_round": N_(
        "Round {round} is followed by round {later}: change the answers in round {later}; nothing was changed"),
    "inspection.document_issued": N_(
        "{unit}: the {document} {number} has been issued on this conclusion, so it can no longer be changed; "
        "nothing was changed"),
    "inspection.already_passed": N_("This unit already passed in this discipline; no new round is needed"),
    "inspection.exists": N_("An inspection of this kind is already open for this unit and discipline"),
    "inspection.incomplete": N_("Cannot conclude: {count} item(s) still need an answer or evidence: {items}"),
    "inspection.discipline_not_applicable": N_("{discipline} does not apply to this unit"),
    "forms.missing": N_("No valid form for {discipline} in {folder} (run \u201cforms check\u201d to see why)"),
    "forms.snapshot_invalid": N_("The stored form {path} can no longer be read"),
    "forms.problems": N_("{count} problem(s) in the form files"),
}

def _number(value: float) -> str:
    return f"{value:g}"


def answer_words(item: Item, values: AnswerInput) -> str:
    """An answer as the runner and the history show it: the readings with their unit, the option, the text, or
    the reason for 不适用 (the verdict is shown beside it)."""
    from acceptance_app.domain.checklists.form import AnswerType

    kind = item.answer.type
    if values.verdict is ItemVerdict.NOT_APPLICABLE:
        return values.na_reason
    if kind is AnswerType.MEASURE and values.samples:
        text = " / ".join(_number(v) for v in values.samples) + f" {item.answer.unit}"
        if values.design is not None:
            text += "  " + _("(design {value})").format(value=_number(values.design))
        return text
    if kind is AnswerType.COUNT and values.samples:
        return _number(values.samples[0])
    if kind is AnswerType.CHOICE:
        return values.choice
    return values.text


def _labelled(params: dict) -> dict:
    """Codes in the params of the correction errors, in words."""
    named = dict(params)
    for key, enum in (("discipline", Discipline), ("after", Verdict), ("concluded", Verdict),
                      ("document", DocumentType)):
        if key in named:
            named[key] = label_of(enum, named[key])
    return named


PARAMS = {code: _labelled for code in ("answer.correction_changes_verdict", "inspection.document_issued",
                                       "inspection.discipline_not_applicable", "answer.shared_item_concluded")}


def describe_form_problem(code: str, params: dict) -> str:
    template = RULES.get(code)
    return _(template).format(**params) if template else code


EVIDENCE_LABELS = {"photo": N_("photo"), "finding": N_("finding"), "reason": N_("reason")}


def evidence_label(kind: str) -> str:
    return _(EVIDENCE_LABELS.get(kind, kind))


UNANSWERED = N_("{item} unanswered")
NEEDS = N_("{item} needs {what}")


def describe_missing(item_id: str, kinds: list[str] | None) -> str:
    """ "XF-06-5 unanswered" (kinds None) or "XF-06-5 needs photo、finding"."""
    if kinds is None:
        return _(UNANSWERED).format(item=item_id)
    return _(NEEDS).format(item=item_id, what="、".join(evidence_label(k) for k in kinds))

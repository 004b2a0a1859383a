"""How checklist values read on screen: verdict words, answers, the outcome and its reasons."""

from __future__ import annotations

from acceptance_app.domain.checklists.answers import Rule
from acceptance_app.domain.checklists.form import AnswerType, VerdictScheme
from acceptance_app.domain.checklists.jurisdiction import EMPTY_JURISDICTION, Jurisdiction
from acceptance_app.domain.checklists.sheet import ItemRow
from acceptance_app.domain.checklists.tolerance_shown import shown_tolerance
from acceptance_app.domain.checklists.verdicts import DisciplineOutcome, Reason
from acceptance_app.domain.enums import ItemVerdict
from acceptance_app.i18n import N_, _
from acceptance_app.text import evidence_label
from acceptance_app.text.checklists import answer_words
from acceptance_app.text.labels import label
from acceptance_app.text.unit_facts import describe_applicability

ITEM_VERDICTS = {
    ItemVerdict.PENDING: N_("Unanswered"),
    ItemVerdict.PASS: N_("Pass"),
    ItemVerdict.FAIL: N_("Fail"),
    ItemVerdict.NOT_APPLICABLE: N_("N/A"),
    ItemVerdict.ADVICE: N_("Advice"),
}
VERDICT_COLORS = {
    ItemVerdict.PENDING: None,
    ItemVerdict.PASS: "#d8f0d8",
    ItemVerdict.FAIL: "#f6d0d0",
    ItemVerdict.NOT_APPLICABLE: "#e6e6e6",
    ItemVerdict.ADVICE: "#fff2cc",
}
RULES = {
    Rule.DESIGN: N_("design value"),
    Rule.LIMIT: N_("code limit"),
    Rule.ADVICE: N_("advisory value"),
}
SCHEMES = {
    VerdictScheme.ANY_FAILURE: N_("2020 rules: any non-conforming item fails"),
    VerdictScheme.BY_CLASS: N_("XF 836 A/B/C classes"),
}
REASONS = {
    Reason.NOT_APPLICABLE: N_("nothing applies"),
    Reason.INCOMPLETE: N_("{count} item(s) unanswered"),
    Reason.ANY_FAILURE: N_("not conforming until rectified and rechecked: {items}"),
    Reason.FAIL_IF_ANY: N_("veto item(s) failed: {items}"),
    Reason.MAX_FAILURES: N_("more than {limit} class {cls} item(s) failed: {items}"),
    Reason.RECHECK: N_("item(s) to rectify and re-inspect: {items}"),
    Reason.ALL_PASSED: N_("every applicable item passed"),
}


def item_verdict_text(verdict: ItemVerdict) -> str:
    return _(ITEM_VERDICTS[verdict])


def row_verdict_text(row: ItemRow) -> str:
    if row.by_rule:
        return _("N/A by rule")
    return item_verdict_text(row.verdict)


def answer_text(row: ItemRow) -> str:
    return answer_words(row.item, row.answer.values) if row.answer is not None else ""


def rule_text(row: ItemRow, jurisdiction: Jurisdiction = EMPTY_JURISDICTION) -> str:
    """The measured item's rule with looked-up values resolved and their source named, never "@planning.…"."""
    shown = shown_tolerance(row.item.answer.tolerance, jurisdiction)
    text = shown.text
    if shown.unresolved:
        missing = "、".join(shown.unresolved)
        text = (text + " and " if text else "") + _("(not set for this jurisdiction: {keys})").format(keys=missing)
    if shown.sources:
        text += "  " + _("[per {source}]").format(source="；".join(shown.sources))
    return text


def expectation(row: ItemRow, jurisdiction: Jurisdiction = EMPTY_JURISDICTION) -> str:
    spec = row.item.answer
    if spec.type is AnswerType.MEASURE:
        text = f"{shown_tolerance(spec.tolerance, jurisdiction).text} {spec.unit}"
        if spec.limit:
            text += "；" + _("code {rule}").format(rule=shown_tolerance(spec.limit, jurisdiction).text)
        if spec.advice:
            text += "；" + _("advised {rule}").format(rule=shown_tolerance(spec.advice, jurisdiction).text)
        return (_("advisory") + " " if row.item.advisory else "") + text
    if spec.type is AnswerType.COUNT:
        parts = [
            f">= {spec.min}" if spec.min is not None else "",
            f"<= {spec.max}" if spec.max is not None else "",
        ]
        return " ".join(p for p in parts if p)
    if spec.type is AnswerType.CHOICE:
        return "、".join(spec.passing)
    return ""


def evidence_text(row: ItemRow) -> str:
    if row.by_rule:
        return describe_applicability(row.applicability)
    notes = []
    if row.applicability is not None and row.applicability.reasons:
        notes.append(describe_applicability(row.applicability))  # a fact the rule needs is unknown
    if row.outcome is not None and row.outcome.decided_by is not None and row.verdict is not ItemVerdict.PENDING:
        notes.append(_("decided by the {rule}").format(rule=_(RULES[row.outcome.decided_by])))
    if row.missing:
        notes.append(_("needs {what}").format(what="、".join(evidence_label(k) for k in row.missing)))
    if row.samples_needed:
        notes.append(_("{count} more sample(s)").format(count=row.samples_needed))
    if row.recheck:
        notes.append(_("check again"))
    return "；".join(notes)


def outcome_text(outcome: DisciplineOutcome) -> str:
    verdict = label(outcome.verdict) if outcome.verdict else _("Undecided")
    items = "、".join(outcome.deciding[:8]) + ("…" if len(outcome.deciding) > 8 else "")
    cls = next(
        (c.value for c, n in outcome.failed_by_class if outcome.limit is not None and n > outcome.limit), ""
    )
    reason = _(REASONS[outcome.reason]).format(
        count=len(outcome.deciding), items=items, limit=outcome.limit, cls=cls
    )
    text = f"{verdict}：{reason}"
    if outcome.advice:
        text += "；" + _("{count} advisory item(s) not met (not a failure)").format(count=len(outcome.advice))
    return text + "（" + _(SCHEMES[outcome.scheme]) + "）"

"""The verification report in plain words: 已签 n / 应签 m, one line per field named as its department.

A document being signed in turn is not a failed document: a field nobody signed yet is 待签, and red is kept
for what a reader must not rely on: a signature whose bytes were changed, a document altered after signing, a
signature the record holds but the file has lost (field trial item 14). A training certificate is valid as a
signature and says so with its limit: 有效（培训证书，不具法律效力）. A real certificate that does not chain to
the configured trust roots, or has expired, is a warning (amber), not an alteration.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from acceptance_app.i18n import N_, _
from acceptance_app.reports.signing.fields import FieldState
from acceptance_app.reports.signing.verify import Issue, SignatureReport, VerificationReport
from acceptance_app.text import describe_issue

# What makes a signature unusable: the bytes, the coverage or the changes after it (verify.py's codes).
BROKEN_CODES = {"not_intact", "invalid", "not_whole", "modified", "docmdp"}
# File-level codes from the record (services/signing/signatures.py) and from reading the file.
BROKEN_FILE_CODES = {"record_file_changed", "record_removed", "unreadable"}


class FieldStatus(Enum):
    VALID = "valid"
    TRAINING = "training"  # valid, with a training certificate: no legal effect
    UNTRUSTED = "untrusted"  # intact, but the certificate does not chain to a trust root (or expired)
    BROKEN = "broken"
    PENDING = "pending"  # 待签

    @property
    def label(self) -> str:
        return _(STATUS_LABELS[self])


STATUS_LABELS = {
    FieldStatus.VALID: N_("Valid"),
    FieldStatus.TRAINING: N_("Valid (training certificate, no legal effect)"),
    FieldStatus.UNTRUSTED: N_("Not trusted"),
    FieldStatus.BROKEN: N_("Broken or altered"),
    FieldStatus.PENDING: N_("To be signed"),
}


class Verdict(Enum):
    VALID = "valid"  # every field signed, every signature valid (training ones included, with their note)
    SIGNING = "signing"  # some fields still 待签, nothing broken
    WARNING = "warning"  # nothing broken, but a signature is not trusted
    BROKEN = "broken"  # red


@dataclass(frozen=True)
class FieldLine:
    field: str  # the field's internal name (sig_1 …), for the JSON and the tests, never shown
    department: str
    status: FieldStatus
    signer: str
    signing_time: str
    details: str  # the reasons, in words; "" when there is nothing to say


@dataclass(frozen=True)
class VerificationSummary:
    signed: int
    expected: int
    verdict: Verdict
    lines: tuple[FieldLine, ...]
    notes: tuple[str, ...]  # about the file as a whole

    @property
    def broken(self) -> bool:
        return self.verdict is Verdict.BROKEN

    @property
    def counts(self) -> str:
        return _("Signed {signed} / to sign {expected}").format(signed=self.signed, expected=self.expected)

    @property
    def headline(self) -> str:
        training = any(line.status is FieldStatus.TRAINING for line in self.lines)
        if self.verdict is Verdict.BROKEN:
            text = _("Verification failed: a signature is broken or the document was altered after signing.")
        elif self.verdict is Verdict.WARNING:
            text = _("The signatures are intact, but not every certificate is trusted.")
        elif self.verdict is Verdict.SIGNING:
            text = _("Signing in progress: the signatures made so far are valid.")
        elif training:
            text = _("All signatures are valid (training certificates, no legal effect).")
        else:
            text = _("All signatures are valid.")
        return f"{self.counts}　{text}"


def _status(report: SignatureReport) -> tuple[FieldStatus, list[Issue]]:
    codes = {issue.code for issue in report.issues}
    if codes & BROKEN_CODES:
        return FieldStatus.BROKEN, [i for i in report.issues if i.code in BROKEN_CODES]
    if report.training:  # never trusted, and says so in its label
        return FieldStatus.TRAINING, []
    if codes & {"untrusted", "expired"}:
        return FieldStatus.UNTRUSTED, [i for i in report.issues if i.code in {"untrusted", "expired"}]
    return FieldStatus.VALID, []


def summarize(report: VerificationReport, record_issues: list[Issue], fields: list[FieldState]) -> VerificationSummary:
    """``fields``: the file's signature fields in page order (their /TU is the department's name)."""
    by_name = {s.field: s for s in report.signatures}
    removed = {i.params.get("field") for i in record_issues if i.code == "record_removed"}
    order = [f.name for f in fields] or [*by_name, *report.unsigned_fields]
    # The lead department signs twice (its own discipline and, last, the lead's locking field): say which.
    department = {f.name: _("{department} (lead, signs last)").format(department=f.department)
                  if f.locks_document else f.department for f in fields}
    lines = []
    for name in order:
        signature = by_name.get(name)
        label = department.get(name) or _("Signature field")
        if signature is not None:
            status, issues = _status(signature)
            lines.append(FieldLine(name, label, status, signature.signer, signature.signing_time[:19].replace("T", " "),
                                   "；".join(describe_issue(i) for i in issues)))
        elif name in removed:
            lines.append(FieldLine(name, label, FieldStatus.BROKEN, "", "",
                                   _("the record shows this field signed, but the signature is missing from the file")))
        else:
            lines.append(FieldLine(name, label, FieldStatus.PENDING, "", "", ""))
    notes = [describe_issue(i) for i in [*report.issues, *record_issues]
             if i.code in BROKEN_FILE_CODES and i.code != "record_removed"]
    statuses = {line.status for line in lines}
    if notes or FieldStatus.BROKEN in statuses:
        verdict = Verdict.BROKEN
    elif FieldStatus.UNTRUSTED in statuses:
        verdict = Verdict.WARNING
    elif FieldStatus.PENDING in statuses or not lines:
        verdict = Verdict.SIGNING
    else:
        verdict = Verdict.VALID
    signed = sum(1 for line in lines if line.field in by_name)
    return VerificationSummary(signed, len(lines), verdict, tuple(lines), tuple(notes))

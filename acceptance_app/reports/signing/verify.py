"""Verification: per signature, what a reader must know before relying on it.

Checks use pyHanko's validator with its difference analysis; ``bottom_line`` alone is not enough (an
appended unsigned page edit keeps ``intact`` true), so integrity, coverage, modification level and trust are reported separately, each with its
own message. Unsigned fields are reported too: a removed last revision leaves the lead's field empty.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from acceptance_app.reports.signing import coverage
from acceptance_app.reports.signing.certificates import TRAINING_MARK, describe


@dataclass(frozen=True)
class Issue:
    """What a reader must know, as a code and params; the text is in acceptance_app/text/signing.py (ISSUES)."""

    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SignatureReport:
    field: str
    signer: str
    signer_subject: str
    fingerprint: str
    signing_time: str  # as the signer's computer claims
    timestamp: str  # from the timestamp authority, "" when there is none
    intact: bool
    valid: bool
    whole_document: bool
    modification_level: str  # NONE, LTA_UPDATES, FORM_FILLING, ANNOTATIONS, OTHER
    trusted: bool
    training: bool
    issues: tuple[Issue, ...]

    @property
    def ok(self) -> bool:
        # A training certificate passes only when its CA was explicitly trusted (--trust); the note stays.
        return all(i.code == "training" for i in self.issues)


@dataclass(frozen=True)
class VerificationReport:
    signatures: tuple[SignatureReport, ...]
    unsigned_fields: tuple[str, ...]
    issues: tuple[Issue, ...]  # about the file as a whole

    def ok(self, allow_unsigned: bool = False) -> bool:
        file_issues = [i for i in self.issues if not (allow_unsigned and i.code == "unsigned")]
        return not file_issues and all(s.ok for s in self.signatures)

    def as_json(self, describe: Callable[[Issue], str]) -> dict:
        """The report for programs; ``describe`` gives each issue's message (the CLI passes the text catalog's)."""

        def issues(items: tuple[Issue, ...]) -> list[dict]:
            return [{"code": i.code, "message": describe(i), **i.params} for i in items]

        return {
            "signatures": [{**{k: v for k, v in asdict(s).items() if k != "issues"}, "issues": issues(s.issues)}
                           for s in self.signatures],
            "unsigned_fields": list(self.unsigned_fields),
            "issues": issues(self.issues),
        }


def verify_pdf(data: bytes, trust_roots: list | None = None, at: datetime | None = None) -> VerificationReport:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko_certvalidator import ValidationContext

    try:
        # The revisions that end with a proper marker; anything after them is counted by unsigned_tail below.
        reader = PdfFileReader(io.BytesIO(coverage.readable_prefix(data)), strict=False)
        embedded = reader.embedded_signatures
        unsigned = tuple(name for name, value, _ref in enumerate_sig_fields(reader, filled_status=False))
        fields = coverage.field_problems(reader)
        tail = coverage.unsigned_tail(data, [coverage.signed_end(sig) for sig in embedded])
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError) as error:
        return VerificationReport((), (), (Issue("unreadable", {"reason": str(error)}),))
    context_args: dict[str, Any] = {"trust_roots": list(trust_roots or []), "allow_fetching": False, "revocation_mode": "soft-fail"}
    if at is not None:
        context_args["moment"] = at
    reports = []
    for sig in embedded:
        # pyHanko logs modification analysis failures at ERROR level; the report carries them instead.
        logger = logging.getLogger("pyhanko")
        previous = logger.level
        logger.setLevel(logging.CRITICAL)
        try:
            reports.append(_check(sig, ValidationContext(**context_args), len(data), tail))
        except (PdfReadError, ValueError, KeyError, TypeError, IndexError) as error:
            # A damaged file can fail while pyHanko walks its revisions: that is a failed check, not a crash.
            return VerificationReport(tuple(reports), unsigned, (Issue("unreadable", {"reason": str(error)}),))
        finally:
            logger.setLevel(previous)
    file_issues = [Issue(p.code, {"field": p.field}) for p in fields]
    if tail:
        file_issues.append(Issue("appended", {"after": tail}))
    file_issues += [Issue("unsigned", {"field": name}) for name in unsigned]
    if not embedded:
        file_issues.insert(0, Issue("no_signatures"))
    return VerificationReport(tuple(reports), unsigned, tuple(file_issues))


def _check(sig, context, file_length: int, tail: int) -> SignatureReport:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    info = describe(sig.signer_cert)
    issues: list[Issue] = []
    try:
        status = validate_pdf_signature(sig, context)
    except SignatureValidationError as error:
        # pyHanko refuses to evaluate a signature whose CMS structure or digest is broken.
        codes = (Issue("not_intact"), Issue("invalid")) if "digest" in str(error).lower() else (Issue("invalid"),)
        return SignatureReport(sig.field_name, info.common_name, info.subject, info.fingerprint, "", "", False,
                               False, False, "OTHER", False, info.training, codes)
    # Bytes after every signed range are a change pyHanko may not see (see coverage): OTHER, never covered.
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE and not tail
    level = status.modification_level.name if status.modification_level is not None and not tail else "OTHER"
    if not status.intact:
        issues.append(Issue("not_intact"))
    elif not status.valid:
        issues.append(Issue("invalid"))
    if status.coverage is None or status.coverage < SignatureCoverageLevel.ENTIRE_REVISION:
        issues.append(Issue("not_whole", {"after": file_length - coverage.signed_end(sig)}))
    if level not in ("NONE", "LTA_UPDATES", "FORM_FILLING") or not status.docmdp_ok:
        issues.append(Issue("modified", {"level": level}) if level not in ("NONE", "LTA_UPDATES", "FORM_FILLING")
                      else Issue("docmdp"))
    if info.training:
        issues.append(Issue("training"))
    if not status.trusted:
        indic = str(getattr(status, "trust_problem_indic", "") or "")
        if "EXPIRED" in indic or "NOT_YET_VALID" in indic or info.expired():
            issues.append(Issue("expired", {"not_before": info.not_before.date().isoformat(),
                                            "not_after": info.not_after.date().isoformat()}))
        else:
            issues.append(Issue("untrusted", {"issuer": info.issuer}))
    timestamp = status.timestamp_validity
    return SignatureReport(
        sig.field_name, info.common_name, info.subject, info.fingerprint,
        status.signer_reported_dt.isoformat() if status.signer_reported_dt else "",
        timestamp.timestamp.isoformat() if timestamp is not None else "",
        status.intact, status.valid, whole, level, status.trusted, info.training, tuple(issues))


__all__ = ["TRAINING_MARK", "Issue", "SignatureReport", "VerificationReport", "verify_pdf"]

"""``sign``, ``verify`` and ``identities``: signing PDFs from the command line and checking them.

``sign`` works on any PDF with prepared fields; when the file is a document of the data folder (same bytes
as its issued or latest signed file) the signature is also recorded on that document.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.domain.beijing_time import beijing_iso_text, beijing_text
from acceptance_app.domain.enums import Department
from acceptance_app.domain.problems import KnownError
from acceptance_app.fileio import atomic_write_bytes
from acceptance_app.i18n import _
from acceptance_app.reports.signing.certificates import describe, load_trust_roots
from acceptance_app.reports.signing.fields import list_fields
from acceptance_app.reports.signing.pades import SignRequest, check_field
from acceptance_app.reports.signing.providers import Pkcs11Provider, Pkcs12Provider, SigningProvider
from acceptance_app.reports.signing.verify import VerificationReport, verify_pdf
from acceptance_app.text import describe_issue, modification_text

EXIT_VERIFY_FAILED = 3



def register(subparsers: argparse._SubParsersAction) -> None:
    sign = subparsers.add_parser("sign", help=_("sign a signature field of a PDF (PAdES, incremental)"))
    sign.add_argument("file", type=Path)
    sign.add_argument("--list-fields", action="store_true", help=_("list the signature fields and who signed"))
    sign.add_argument("--json", action="store_true")
    sign.add_argument("--field", help=_("the signature field to sign, e.g. sig_1 or sig_lead"))
    sign.add_argument("--pkcs12", type=Path, help=_("PKCS#12 (.p12/.pfx) file"))
    sign.add_argument("--password-file", type=Path, help=_("file holding the PKCS#12 password"))
    sign.add_argument("--pkcs11-module", help=_("PKCS#11 module (.so) of the token"))
    sign.add_argument("--token-label")
    sign.add_argument("--key-label")
    sign.add_argument("--pin-file", type=Path, help=_("file holding the token PIN"))
    sign.add_argument("--handwriting", type=Path, help=_("PNG of the handwritten signature"))
    sign.add_argument("--seal", type=Path, help=_("PNG of the department seal"))
    sign.add_argument("--name", help=_("signer name shown in the stamp (default: the certificate's name)"))
    sign.add_argument("--department", help=_("department shown in the stamp (default: the field's department)"))
    sign.add_argument("--timestamp-url", help=_("RFC 3161 timestamp server (default: the setting)"))
    sign.add_argument("--training", action="store_true", help=_("mark the stamp as training (培训用)"))
    sign.add_argument("--out", type=Path, help=_("where to write the signed PDF"))
    sign.set_defaults(handler=_sign)

    verify = subparsers.add_parser("verify", help=_("verify every signature of a PDF"))
    verify.add_argument("file", type=Path)
    verify.add_argument("--json", action="store_true")
    verify.add_argument("--trust", type=Path, nargs="*", default=[],
                        help=_("extra trusted CA certificates (besides the jurisdiction's trust folder)"))
    verify.add_argument("--allow-unsigned", action="store_true",
                        help=_("do not fail on fields not signed yet (a document still being signed)"))
    verify.set_defaults(handler=_verify)


    identities = subparsers.add_parser("identities", help=_("signing identities (certificates; keys stay outside)"))
    sub = identities.add_subparsers(dest="action", required=True)
    sub.add_parser("list", help=_("list the identities")).set_defaults(handler=_identities_list)
    for name, help_text in (("import-pkcs12", _("remember a PKCS#12 file (the password is asked each time)")),
                            ("add-pkcs11", _("remember a key on a PKCS#11 token")),
                            ("training", _("create a training identity (培训用, never trusted)"))):
        parser = sub.add_parser(name, help=help_text)
        parser.add_argument("--person", required=True)
        parser.add_argument("--department", required=True, choices=[d.value for d in Department])
        if name == "import-pkcs12":
            parser.add_argument("file", type=Path)
        if name == "add-pkcs11":
            parser.add_argument("--pkcs11-module", required=True)
            parser.add_argument("--token-label", required=True)
            parser.add_argument("--key-label", required=True)
        parser.add_argument("--password-file", "--pin-file", dest="secret_file", type=Path, required=True)
        parser.set_defaults(handler=_identities_add, kind=name)


def _identities_list(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.signing import identities

    with context.database().session() as session:
        for row in identities.list_identities(session):
            trust = _("training, not trusted") if row.training else ""
            expired = _("expired") if row.expired else ""
            print(f"{row.id}\t{row.kind}\t{row.person}\t{row.department_label}\t{row.not_after.date()}\t"
                  f"{row.fingerprint[:16]}\t{trust}{expired}")
    return 0


def _identities_add(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.signing import identities

    secret = _secret(args.secret_file, "--password-file")
    department = Department(args.department)
    with context.database().session() as session, session.begin():
        if args.kind == "import-pkcs12":
            row, _changes = identities.import_pkcs12(session, args.file, secret, args.person, department)
        elif args.kind == "add-pkcs11":
            row, _changes = identities.register_pkcs11(session, args.pkcs11_module, args.token_label, args.key_label,
                                                       secret, args.person, department)
        else:
            row, _changes = identities.create_training_identity(session, args.person, department, secret)
    print(f"{row.id}\t{row.subject}\t{row.fingerprint}")
    return 0


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise KnownError("cli.file_unreadable", path=str(path), reason=error.strerror or str(error)) from error


def _secret(path: Path | None, what: str) -> str:
    if path is None:
        raise KnownError("cli.sign_needs", what=what)
    return _read(path).decode("utf-8").strip("\r\n")


def provider_from_args(args: argparse.Namespace) -> SigningProvider:
    if args.pkcs12:
        return Pkcs12Provider(args.pkcs12, _secret(args.password_file, "--password-file"))
    if args.pkcs11_module:
        for option in ("token_label", "key_label"):
            if not getattr(args, option):
                raise KnownError("cli.sign_needs", what="--" + option.replace("_", "-"))
        return Pkcs11Provider(args.pkcs11_module, args.token_label, args.key_label, _secret(args.pin_file, "--pin-file"))
    raise KnownError("cli.sign_needs_key")


def _list_fields(args: argparse.Namespace) -> int:
    states = list_fields(_read(args.file))
    if args.json:
        print_json([s.__dict__ for s in states])
        return 0
    for s in states:
        who = (_("signed by {signer} at {when}").format(signer=s.signer, when=beijing_iso_text(s.signing_time)) if s.signed
               else _("not signed"))
        lock = "  " + _("(locks the document)") if s.locks_document else ""
        page = _("page {number}").format(number=s.page)
        print(f"{s.name}\t{s.department}\t{page}\t{who}{lock}")
    return 0


def _sign(args: argparse.Namespace, context: AppContext) -> int:
    if args.list_fields:
        return _list_fields(args)
    if not args.field or not args.out:
        raise KnownError("cli.sign_needs", what="--field / --out")
    source = _read(args.file)
    check_field(source, args.field)  # before asking the token for anything
    provider = provider_from_args(args)
    info = describe(provider.certificate())
    if info.expired():
        raise KnownError("cli.cert_expired", subject=info.subject, not_before=info.not_before.date().isoformat(),
                         not_after=info.not_after.date().isoformat())
    department = args.department or next((f.department for f in list_fields(source) if f.name == args.field), "")
    request = SignRequest(
        args.field, args.name or info.common_name, department,
        _read(args.handwriting) if args.handwriting else None, _read(args.seal) if args.seal else None,
        context.settings.timestamp_url if args.timestamp_url is None else args.timestamp_url,
        training=args.training or info.training)
    result = provider.sign_pdf(request, source)
    atomic_write_bytes(args.out, result.data)
    recorded = _record(context, source, result, request)
    print(f"{result.field}\t{request.signer_name}\t{beijing_text(result.signed_at, seconds=True)}")
    print(_("Timestamp: {value}").format(value=result.timestamp) if result.timestamp
          else _("No timestamp: {reason}").format(reason=result.timestamp_note))
    if result.locked:
        print(_("The document is now locked against further changes."))
    if recorded:
        print(_("Recorded on document {number}.").format(number=recorded))
    return 0


def _record(context: AppContext, source: bytes, result, request) -> str:
    from acceptance_app.services.signing import signatures as signing

    with context.database().session() as session, session.begin():
        document = signing.document_for_file(session, signing.sha256_bytes(source))
        if document is None:
            return ""
        signing.record_signature(session, document, signing.sha256_bytes(source), result, request)
        return document.number or ""


def trust_paths(context: AppContext, extra: list[Path]) -> list[Path]:
    folder = Path(context.settings.trust_dir) if context.settings.trust_dir else context.folder.root / "trust"
    return [p for p in [folder, *extra] if p.exists()]


def _verify(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.signing import signatures as signing

    data = _read(args.file)
    report = verify_pdf(data, load_trust_roots(trust_paths(context, args.trust)))
    record_issues = []
    if context.folder.database.exists():
        with context.database().session() as session:
            record_issues = signing.record_issues(session, data, report)
    ok = report.ok(allow_unsigned=args.allow_unsigned) and not record_issues
    if args.json:
        print_json({**report.as_json(describe_issue), "record_issues": [{"code": i.code, "message": describe_issue(i), **i.params}
                                                          for i in record_issues], "ok": ok})
    else:
        print_report(report, record_issues, ok)
    return 0 if ok else EXIT_VERIFY_FAILED


def print_report(report: VerificationReport, record_issues: list, ok: bool) -> None:
    for s in report.signatures:
        verdict = _("OK") if s.ok else _("FAILED")
        print(f"[{verdict}] {s.field}  {s.signer}  {beijing_iso_text(s.signing_time)}")
        print("    " + (_("Timestamp: {value}").format(value=s.timestamp) if s.timestamp else _("No timestamp")))
        print("    " + (_("Covers the whole document") if s.whole_document else _("Does not cover the whole document")))
        print("    " + _("Changes after it: {level}").format(level=modification_text(s.modification_level)))
        for issue in s.issues:
            print(f"    - {describe_issue(issue)}")
    for issue in [*report.issues, *record_issues]:
        print(f"- {describe_issue(issue)}")
    print(_("All signatures are valid.") if ok else _("Verification FAILED."))

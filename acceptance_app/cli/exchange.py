"""``exchange export|import|key|conflicts``: exchange packages between laptops as files (USB stick, chat tool)."""

from __future__ import annotations

import argparse
import uuid
from dataclasses import asdict
from pathlib import Path

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.domain.enums import Department, Discipline
from acceptance_app.i18n import N_, _

COUNT_LABELS = {
    "inserted": N_("inserted"), "updated": N_("updated"), "unchanged": N_("unchanged"), "conflicts": N_("conflicts"),
    "skipped_not_owner": N_("skipped (not the sender's department)"),
    "skipped_dependent": N_("skipped (depends on a skipped record)"),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("exchange", help=_("exchange packages with other laptops"))
    sub = parser.add_subparsers(dest="action", required=True)

    export = sub.add_parser("export", help=_("write a project, or one discipline's results, to a package file"))
    export.add_argument("--project", required=True, type=uuid.UUID)
    export.add_argument("--discipline", choices=[d.value for d in Discipline])
    export.add_argument("--department", choices=[d.value for d in Department],
                        help=_("the sender's department (default: from the settings, or the discipline's)"))
    export.add_argument("--out", required=True, type=Path, help=_("the package file to write (.acpkg)"))
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=run_export)

    imp = sub.add_parser("import", help=_("check a package file and merge it into this data folder"))
    imp.add_argument("file", type=Path)
    imp.add_argument("--trust-new-key", action="store_true",
                     help=_("accept a sender key seen for the first time (check its fingerprint first)"))
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=run_import)

    key = sub.add_parser("key", help=_("this device's signing key, and trusted senders"))
    key_sub = key.add_subparsers(dest="key_action", required=True)
    show = key_sub.add_parser("show", help=_("show this device's public key and fingerprint"))
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_key_show)
    trust = key_sub.add_parser("trust", help=_("trust a sender's key (public key or fingerprint)"))
    trust.add_argument("key")
    trust.add_argument("--revoke", action="store_true", help=_("stop trusting it"))
    trust.set_defaults(handler=run_key_trust)

    conflicts = sub.add_parser("conflicts", help=_("records changed on two laptops"))
    conflicts_sub = conflicts.add_subparsers(dest="conflict_action", required=True)
    listing = conflicts_sub.add_parser("list", help=_("list the open conflicts"))
    listing.add_argument("--project", type=uuid.UUID)
    listing.add_argument("--all", action="store_true", help=_("include resolved ones"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_conflicts_list)
    resolve = conflicts_sub.add_parser("resolve", help=_("keep the local or the remote version"))
    resolve.add_argument("conflict", type=uuid.UUID)
    resolve.add_argument("--keep", required=True, choices=("local", "remote"))
    resolve.set_defaults(handler=run_conflicts_resolve)


def _department(args: argparse.Namespace, context: AppContext) -> Department | None:
    value = args.department or (None if args.discipline else context.settings.inspector_department)
    return Department(value) if value else None


def run_export(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.exchange import packages as exchange

    database = context.database()
    with database.session() as session, session.begin():
        result, _changes = exchange.export_package(
            session, context.folder, args.project, discipline=Discipline(args.discipline) if args.discipline else None,
            out_path=args.out, department=_department(args, context))
    if args.json:
        print_json({"path": str(result.path), "package_id": result.package_id,
                    "manifest_sha256": result.manifest_sha256, "counts": result.counts})
    else:
        print(_("Package {path} written ({rows} records, {files} files).").format(
            path=result.path, rows=sum(v for k, v in result.counts.items() if k != "files"),
            files=result.counts.get("files", 0)))
        print(_("Package id: {id}").format(id=result.package_id))
    return 0


def run_import(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.exchange import packages as exchange

    database = context.database()
    with database.session() as session, session.begin():
        report, _changes = exchange.import_package(session, context.folder, args.file,
                                                   trust_new_key=args.trust_new_key)
    if args.json:
        print_json(asdict(report))
        return 0
    if report.already_imported:
        print(_("Package {id} was imported before; nothing changed.").format(id=report.package_id))
        return 0
    print(_("Package {id} from {inspector} imported.").format(id=report.package_id,
                                                                inspector=report.sender["inspector"]))
    for key, label in COUNT_LABELS.items():
        print(f"  {_(label)}: {report.counts.get(key, 0)}")
    photos, documents = _("photos added"), _("documents added")
    print(f"  {photos}: {report.photos_added}")
    print(f"  {documents}: {report.documents_added}")
    return 0


def run_key_show(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.exchange import packages as exchange

    info = exchange.device_key_info(context.folder)
    if args.json:
        print_json({"public_key": info.public_key, "fingerprint": info.fingerprint, "path": str(info.path)})
    else:
        print(_("Public key: {key}").format(key=info.public_key))
        print(_("Fingerprint: {fingerprint}").format(fingerprint=info.fingerprint))
    return 0


def run_key_trust(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.exchange import packages as exchange

    with context.database().session() as session, session.begin():
        fingerprint, _changes = exchange.trust_key(session, args.key, trusted=not args.revoke)
    text = _("Key {fingerprint} is no longer trusted.") if args.revoke else _("Key {fingerprint} is trusted.")
    print(text.format(fingerprint=fingerprint))
    return 0


def run_conflicts_list(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.exchange import packages as exchange

    with context.database().session() as session:
        rows = exchange.list_conflicts(session, args.project, include_resolved=args.all)
    if args.json:
        print_json([asdict(r) for r in rows])
        return 0
    if not rows:
        print(_("No conflicts."))
    for row in rows:
        state = row.resolution or _("open")
        print(f"{row.id}  {row.entity} {row.entity_id}  {row.remote_inspector} ({row.remote_department})  {state}")
        for column, (local, remote) in row.differences.items():
            print("    " + _("{column}: local {local} / remote {remote}").format(column=column, local=local,
                                                                               remote=remote))
    return 0


def run_conflicts_resolve(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.exchange import packages as exchange

    database = context.database()
    with database.session() as session, session.begin():
        row, _changes = exchange.resolve_conflict(session, args.conflict, args.keep, by=database.actor)
    print(_("Conflict {id} resolved: {keep} version kept.").format(id=row.id, keep=args.keep))
    return 0

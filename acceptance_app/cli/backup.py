"""``backup create|verify|restore``: the data folder into one folder with a manifest, checked, and back."""

from __future__ import annotations

import argparse
from pathlib import Path

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("backup", help=_("back up the data folder, check a backup, restore it"))
    sub = parser.add_subparsers(dest="action", required=True)
    create = sub.add_parser("create", help=_("write a backup folder (database, photos, documents, keys, manifest)"))
    create.add_argument("--to", required=True, type=Path, help=_("the folder the backup folder is written into"))
    create.set_defaults(handler=_create)
    verify = sub.add_parser("verify", help=_("recompute every hash of a backup and check its database"))
    verify.add_argument("backup", type=Path)
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=_verify)
    restore = sub.add_parser("restore", help=_("restore a backup into an empty data folder (--data-dir)"))
    restore.add_argument("backup", type=Path)
    restore.set_defaults(handler=_restore)


def _create(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.storage.backup import create_backup

    result = create_backup(context.folder, args.to)
    print(f"{result.folder}\t{result.files}\t{result.bytes}")
    return 0


def _verify(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.storage.backup import verify_backup

    result = verify_backup(args.backup)
    if args.json:
        print_json({"ok": result.ok, "files": result.files, "problems": list(result.problems)})
    else:
        print(_("backup intact: {files} files").format(files=result.files) if result.ok
              else "\n".join(result.problems))
    return 0 if result.ok else 1


def _restore(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.storage.backup import restore_backup

    result = restore_backup(args.backup, context.folder.root)
    print(_("restored {files} files into {folder}").format(files=result.files, folder=context.folder.root))
    return 0

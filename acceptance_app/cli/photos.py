"""``photos import|list|show``: the photo evidence without the GUI (one line per file when importing)."""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path

from acceptance_app.actor_text import actor_text
from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.domain.beijing_time import beijing_text
from acceptance_app.domain.photos import ImportOutcome, PhotoTarget
from acceptance_app.i18n import _
from acceptance_app.services.photos import library as photos
from acceptance_app.text import describe_error


def _add_target(parser: argparse.ArgumentParser, with_project: bool = False) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--inspection", type=uuid.UUID, help=_("an inspection id"))
    group.add_argument("--finding", type=uuid.UUID, help=_("a finding id"))
    group.add_argument("--unit", type=uuid.UUID, help=_("a unit id"))
    if with_project:
        group.add_argument("--project", type=uuid.UUID, help=_("a project id"))


def _target(args: argparse.Namespace) -> PhotoTarget:
    if args.inspection:
        return PhotoTarget.inspection(args.inspection, getattr(args, "item", None) or "")
    if args.finding:
        return PhotoTarget.finding(args.finding)
    if args.unit:
        return PhotoTarget.unit(args.unit)
    return PhotoTarget.project(args.project)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("photos", help=_("photo evidence: import, list, show"))
    sub = parser.add_subparsers(dest="action", required=True)
    imp = sub.add_parser("import", help=_("import photo files or folders (a camera card too)"))
    _add_target(imp, with_project=True)
    imp.add_argument("--item", default="", help=_("a checklist item id (with --inspection)"))
    imp.add_argument("files", nargs="+", metavar="FILE_OR_FOLDER")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=run_import)
    listing = sub.add_parser("list", help=_("list the photos of a unit, inspection or finding"))
    _add_target(listing, with_project=True)
    listing.add_argument("--item", default="", help=_("only this checklist item (with --inspection)"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    show = sub.add_parser("show", help=_("show a photo's EXIF data, files and links"))
    show.add_argument("photo", type=uuid.UUID)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)
    render = sub.add_parser("render", help=_("write the annotated rendering documents use, as JPEG"))
    render.add_argument("photo", type=uuid.UUID)
    render.add_argument("output", type=Path)
    render.add_argument("--watermark", action="store_true", default=None, help=_("burn in the watermark"))
    render.set_defaults(handler=run_render)


def run_import(args: argparse.Namespace, context: AppContext) -> int:
    database = context.database()
    with database.session() as session:  # no begin(): each photo is committed as it lands
        results = photos.import_photos(session, database.folder, args.files, _target(args))
    if args.json:
        print_json([
            {"file": r.path, "outcome": r.outcome.value, "photo_id": r.photo_id, "reason": r.reason,
             "message": describe_error(photos.rejection(r)) if r.reason else ""}
            for r in results
        ])
    else:
        words = {ImportOutcome.IMPORTED: _("imported"), ImportOutcome.DUPLICATE: _("duplicate"),
                 ImportOutcome.CANCELLED: _("cancelled")}
        rejected = _("rejected")
        for r in results:
            if r.outcome is ImportOutcome.REJECTED:
                print(f"{r.path}\t{rejected}\t{describe_error(photos.rejection(r))}")
            else:
                print(f"{r.path}\t{words[r.outcome]}\t{r.photo_id or ''}")
    if not results:
        print(_("No photo files were found."))
    return 1 if any(r.outcome is ImportOutcome.REJECTED for r in results) or not results else 0


def run_list(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session:
        rows = photos.list_photos(session, _target(args))
    if args.json:
        print_json([{"id": r.id, "link_id": r.link_id, "sha256": r.sha256, "name": r.original_name,
                     "width": r.width, "height": r.height, "taken_at": r.taken_at, "caption": r.caption,
                     "item_id": r.item_id, "annotated": r.annotated} for r in rows])
    else:
        for r in rows:
            taken = beijing_text(r.taken_at, seconds=True, empty="—")
            print(f"{r.id}\t{r.original_name}\t{r.width}×{r.height}\t{taken}\t{r.item_id}")
    return 0


def run_show(args: argparse.Namespace, context: AppContext) -> int:
    database = context.database()
    with database.session() as session:
        detail = photos.get_photo(session, args.photo)
        paths = photos.photo_paths(session, database.folder, args.photo)
    gps = f"{detail.gps_lat:.6f}, {detail.gps_lon:.6f}" if detail.gps_lat is not None else "—"
    fields = [
        (_("File name"), detail.original_name),
        ("SHA-256", detail.sha256),
        (_("Size"), f"{detail.size:,} B  {detail.width}×{detail.height}  {detail.mime}"),
        (_("Taken at"), beijing_text(detail.taken_at, seconds=True, empty="—")),
        (_("GPS position"), gps),
        (_("Camera"), detail.camera or "—"),
        (_("EXIF orientation"), str(detail.orientation)),
        (_("Imported"), f"{beijing_text(detail.imported_at, seconds=True)} {actor_text(detail.imported_by)}"),
        (_("Original"), str(paths.original)),
        (_("Display copy"), str(paths.display)),
    ]
    if args.json:
        print_json({"id": detail.id, "sha256": detail.sha256, "name": detail.original_name, "size": detail.size,
                    "width": detail.width, "height": detail.height, "mime": detail.mime,
                    "taken_at": detail.taken_at, "gps": [detail.gps_lat, detail.gps_lon],
                    "camera_make": detail.camera_make, "camera_model": detail.camera_model,
                    "orientation": detail.orientation, "imported_by": detail.imported_by,
                    "imported_at": detail.imported_at, "original": paths.original, "display": paths.display,
                    "links": [{"kind": k.value, "id": i, "item_id": item} for k, i, item in detail.links]})
    else:
        for title, value in fields:
            print(f"{title}: {value}")
        attached = _("Attached to")
        for kind, target_id, item in detail.links:
            print(f"{attached}: {kind.value} {target_id} {item}".rstrip())
    return 0


def run_render(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.fileio import atomic_write_bytes

    database = context.database()
    watermark = context.settings.photo_watermark if args.watermark is None else args.watermark
    with database.session() as session:
        data = photos.annotated_rendering(session, database.folder, args.photo, watermark)
    atomic_write_bytes(args.output, data)
    print(args.output)
    return 0

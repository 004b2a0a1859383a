"""``commitments list|add|update``: 告知承诺 / 容缺 promises and their later check."""

from __future__ import annotations

import argparse
import uuid
from dataclasses import asdict
from datetime import date

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.domain.enums import PartyRole
from acceptance_app.domain.findings import CommitmentData, CommitmentKind, CommitmentStatus
from acceptance_app.i18n import _
from acceptance_app.services.findings import commitments
from acceptance_app.services.projects import require_project


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("commitments", help=_("promises accepted in place of a material or condition"))
    sub = parser.add_subparsers(dest="action", required=True)
    listing = sub.add_parser("list", help=_("list the commitments of a project"))
    listing.add_argument("--project", required=True, type=uuid.UUID)
    listing.add_argument("--open", action="store_true", help=_("only commitments not checked yet"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    add = sub.add_parser("add", help=_("record a commitment"))
    add.add_argument("--project", required=True, type=uuid.UUID)
    add.add_argument("--kind", required=True, choices=[k.value for k in CommitmentKind])
    add.add_argument("--subject", required=True)
    add.add_argument("--promise", required=True)
    add.add_argument("--party", choices=[r.value for r in PartyRole], default=PartyRole.BUILDER.value)
    add.add_argument("--due", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    blocks = add.add_mutually_exclusive_group()
    blocks.add_argument("--blocks", dest="blocks", action="store_true", default=None,
                        help=_("blocks the opinion while open (default: by kind)"))
    blocks.add_argument("--no-blocks", dest="blocks", action="store_false")
    add.set_defaults(handler=run_add)
    update = sub.add_parser("update", help=_("record the check of a commitment"))
    update.add_argument("commitment", type=uuid.UUID)
    result = update.add_mutually_exclusive_group(required=True)
    result.add_argument("--fulfilled", action="store_true")
    result.add_argument("--broken", action="store_true")
    update.add_argument("--note", default="")
    update.set_defaults(handler=run_update)


def run_list(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session:
        require_project(session, args.project)
        rows = commitments.list_commitments(session, args.project, open_only=args.open)
    if args.json:
        print_json([{**asdict(r), "overdue": r.overdue, "blocking": r.blocking} for r in rows])
    else:
        for r in rows:
            print(f"{r.id}\t{r.kind.value}\t{r.status.value}\t{r.due_on}\t{'BLOCKS' if r.blocking else ''}\t"
                  f"{r.subject}\t{r.party_name}")
    return 0


def run_add(args: argparse.Namespace, context: AppContext) -> int:
    data = CommitmentData(CommitmentKind(args.kind), args.subject, args.promise, PartyRole(args.party), args.due,
                          args.blocks)
    with context.database().session() as session, session.begin():
        commitment_id, _changes = commitments.add_commitment(session, args.project, data)
    print(commitment_id)
    return 0


def run_update(args: argparse.Namespace, context: AppContext) -> int:
    result = CommitmentStatus.FULFILLED if args.fulfilled else CommitmentStatus.BROKEN
    with context.database().session() as session, session.begin():
        commitments.record_check(session, args.commitment, result, args.note)
    print(f"{args.commitment}\t{result.value}")
    return 0

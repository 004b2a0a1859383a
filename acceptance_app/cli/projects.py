"""``projects list|show|add`` and ``parties list|add``."""

from __future__ import annotations

import argparse
import uuid
from dataclasses import asdict

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.domain.entities import PartyData, ProjectData
from acceptance_app.domain.enums import PartyRole
from acceptance_app.i18n import _
from acceptance_app.services import projects


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("projects", help=_("list, show and add projects"))
    sub = parser.add_subparsers(dest="action", required=True)
    listing = sub.add_parser("list", help=_("list projects"))
    listing.add_argument("--search", default="", help=_("match name, project code or builder"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    show = sub.add_parser("show", help=_("show one project with its parties and units"))
    show.add_argument("--project", required=True, type=uuid.UUID)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)
    add = sub.add_parser("add", help=_("add a project"))
    add.add_argument("--name", required=True)
    add.add_argument("--code", required=True, help=_("project code"))
    add.add_argument("--location", default="")
    add.add_argument("--engineering-code", default="")
    add.add_argument("--region-code", default="")
    add.add_argument("--planning-permit", default="")
    add.add_argument("--construction-permit", default="")
    add.add_argument("--issuing-organ", default="",
                     help=_("region code of the housing bureau that issues the opinion (default: the city's)"))
    add.add_argument("--survey-report", default="", help=_("number of the completion survey report (实测 areas)"))
    add.set_defaults(handler=run_add)

    parties = subparsers.add_parser("parties", help=_("the responsible parties of a project"))
    psub = parties.add_subparsers(dest="action", required=True)
    padd = psub.add_parser("add", help=_("add a responsible party"))
    padd.add_argument("--project", required=True, type=uuid.UUID)
    padd.add_argument("--role", required=True, choices=[r.value for r in PartyRole])
    padd.add_argument("--name", required=True)
    padd.add_argument("--uscc", required=True, help=_("unified social credit code"))
    padd.add_argument("--contact", default="")
    padd.add_argument("--phone", default="")
    padd.set_defaults(handler=run_add_party)


def run_list(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session:
        rows = projects.list_projects(session, args.search)
    if args.json:
        print_json([asdict(r) for r in rows])
    else:
        for r in rows:
            print(f"{r.id}\t{r.project_code}\t{r.name}\t{r.builder_name}\t{r.unit_count}")
    return 0


def run_show(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session:
        detail = projects.get_project(session, args.project)
    if args.json:
        print_json(asdict(detail))
    else:
        print(f"{detail.data.name}\t{detail.data.project_code}\t{detail.data.location}")
        for party in detail.parties:
            print(f"  {party.data.role.value}\t{party.data.name}\t{party.data.uscc}")
        for unit in detail.units:
            print(f"  {unit.id}\t{unit.data.name}")
    return 0


def run_add(args: argparse.Namespace, context: AppContext) -> int:
    data = ProjectData(
        name=args.name,
        project_code=args.code,
        location=args.location,
        engineering_code=args.engineering_code,
        region_code=args.region_code,
        planning_permit_no=args.planning_permit,
        construction_permit_no=args.construction_permit,
        issuing_organ=args.issuing_organ,
        survey_report_no=args.survey_report,
    )
    with context.database().session() as session, session.begin():
        project_id, _changes = projects.create_project(session, data)
    print(project_id)
    return 0


def run_add_party(args: argparse.Namespace, context: AppContext) -> int:
    data = PartyData(PartyRole(args.role), args.name, args.uscc, args.contact, args.phone)
    with context.database().session() as session, session.begin():
        party_id, _changes = projects.add_party(session, args.project, data)
    print(party_id)
    return 0

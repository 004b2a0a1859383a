"""``units list|add``."""

from __future__ import annotations

import argparse
import uuid
from dataclasses import asdict

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.domain.entities import UnitData
from acceptance_app.domain.enums import BuildingUse, Structure
from acceptance_app.i18n import _
from acceptance_app.services import projects


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("units", help=_("the units of a project"))
    sub = parser.add_subparsers(dest="action", required=True)
    listing = sub.add_parser("list", help=_("list the units of a project with their status per discipline"))
    listing.add_argument("--project", required=True, type=uuid.UUID)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    add = sub.add_parser("add", help=_("add a unit to a project"))
    add.add_argument("--project", required=True, type=uuid.UUID)
    add.add_argument("--name", required=True)
    add.add_argument("--building-no", default="")
    add.add_argument("--unit-code", default="")
    add.add_argument("--real-estate-code", default="")
    add.add_argument("--area-above", type=float)
    add.add_argument("--area-below", type=float)
    add.add_argument("--storeys-above", type=int)
    add.add_argument("--storeys-below", type=int)
    add.add_argument("--height", type=float)
    add.add_argument(
        "--structure", choices=[s.value for s in Structure], default=Structure.FRAME_SHEAR_WALL.value
    )
    add.add_argument("--use", choices=[u.value for u in BuildingUse], default=BuildingUse.RESIDENTIAL.value)
    add.add_argument("--civil-air-defense", action="store_true")
    add.add_argument("--accepted-alone", action="store_true")
    add.set_defaults(handler=run_add)


def run_list(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session:
        projects.get_or_raise(session, projects.Project, args.project)
        rows = projects.list_units(session, args.project)
    if args.json:
        print_json([{**asdict(r), "cells": {d.value: s.value for d, s in r.cells.items()}} for r in rows])
    else:
        for r in rows:
            cells = " ".join(f"{d.short_code}:{s.value}" for d, s in r.cells.items())
            print(f"{r.id}\t{r.data.name}\t{cells}")
    return 0


def run_add(args: argparse.Namespace, context: AppContext) -> int:
    data = UnitData(
        name=args.name,
        building_no=args.building_no,
        unit_code=args.unit_code,
        real_estate_unit_code=args.real_estate_code,
        area_above=args.area_above,
        area_below=args.area_below,
        storeys_above=args.storeys_above,
        storeys_below=args.storeys_below,
        height=args.height,
        structure=Structure(args.structure),
        use=BuildingUse(args.use),
        has_civil_air_defense=args.civil_air_defense,
        accepted_alone=args.accepted_alone,
    )
    with context.database().session() as session, session.begin():
        unit_id, _changes = projects.add_unit(session, args.project, data)
    print(unit_id)
    return 0

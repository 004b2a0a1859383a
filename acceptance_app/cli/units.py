"""``units list|add|update|facts``: a unit's size and use, the facts the checklist rules need, and the derived
facts (高层, 一类/二类, fire regime, 消防电梯) with their reasons and the inspector's overrides."""

from __future__ import annotations

import argparse
import dataclasses
import uuid
from dataclasses import asdict
from typing import Any

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.domain.entities import UnitData
from acceptance_app.domain.enums import BuildingUse, Structure
from acceptance_app.domain.problems import KnownError
from acceptance_app.domain.unit_facts import Override, Sprinkler, UnitFacts, derive_all
from acceptance_app.i18n import _
from acceptance_app.services import projects
from acceptance_app.text.unit_facts import describe_derived, describe_value, fact_name

_YES_NO = {"yes": True, "no": False, "unknown": None}
# option -> UnitFacts field, for the yes/no/unknown facts
_BOOL_FACTS = {
    "crowded": "crowded",
    "fire_lift": "fire_lift",
    "ev_charging": "ev_charging",
    "shared_stair": "shared_stair",
    "scissor_stair": "scissor_stair",
    "kitchen": "kitchen",
    "elderly_care": "elderly_care",
    "curtain_wall": "curtain_wall",
    "smoke_curtain": "smoke_curtain",
    "class_one_use": "class_one_use",
}
_FACT_HELP = {
    "crowded": _("人员密集场所 (yes/no/unknown; unknown: derived from the use)"),
    "fire_lift": _("a 消防电梯 is installed"),
    "ev_charging": _("the garage has an EV charging area"),
    "shared_stair": _("a stair shared by the basement and the floors above (地下与地上共用楼梯间)"),
    "scissor_stair": _("scissor stairs (剪刀楼梯)"),
    "kitchen": _("a catering kitchen (not a dwelling's own)"),
    "elderly_care": _("an elderly care facility (老年人照料设施)"),
    "curtain_wall": _("a curtain wall (建筑幕墙)"),
    "smoke_curtain": _("movable smoke curtains (活动挡烟垂壁)"),
    "class_one_use": _("a use GB 50016 5.1.1 lists as class 1 (医疗, 重要公共建筑...)"),
}


def _add_size_options(parser: argparse.ArgumentParser, defaults: bool) -> None:
    parser.add_argument("--building-no", default="" if defaults else None)
    parser.add_argument("--unit-code", default="" if defaults else None)
    parser.add_argument("--real-estate-code", default="" if defaults else None)
    parser.add_argument("--area-above", type=float)
    parser.add_argument("--area-below", type=float)
    parser.add_argument("--storeys-above", type=int)
    parser.add_argument("--storeys-below", type=int)
    parser.add_argument("--height", type=float)
    parser.add_argument(
        "--structure",
        choices=[s.value for s in Structure],
        default=Structure.FRAME_SHEAR_WALL.value if defaults else None,
    )
    parser.add_argument(
        "--use", choices=[u.value for u in BuildingUse], default=BuildingUse.RESIDENTIAL.value if defaults else None
    )


def _add_fact_options(parser: argparse.ArgumentParser) -> None:
    for option, help_text in _FACT_HELP.items():
        parser.add_argument("--" + option.replace("_", "-"), choices=list(_YES_NO), help=help_text)
    parser.add_argument(
        "--sprinklers",
        help=_("sprinkler systems present, comma separated: wet, dry, pre-action; or none / unknown"),
    )
    parser.add_argument("--parking-spaces", type=int)
    parser.add_argument("--underground-depth", type=float, help=_("basement depth in m"))
    parser.add_argument(
        "--override",
        action="append",
        default=[],
        metavar="FACT=VALUE",
        help=_("override a derived fact (high_rise, fire_class, fire_regime, crowded, fire_lift_required); "
               "needs --reason; VALUE 'derived' removes the override"),
    )
    parser.add_argument("--reason", default="", help=_("why the derived fact is overridden"))


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
    _add_size_options(add, defaults=True)
    add.add_argument("--civil-air-defense", action="store_true")
    add.add_argument("--accepted-alone", action="store_true")
    _add_fact_options(add)
    add.set_defaults(handler=run_add)
    update = sub.add_parser("update", help=_("change a unit: size, use, facts, overrides of derived facts"))
    update.add_argument("unit", type=uuid.UUID)
    update.add_argument("--name")
    _add_size_options(update, defaults=False)
    update.add_argument("--civil-air-defense", choices=["yes", "no"])
    update.add_argument("--accepted-alone", choices=["yes", "no"])
    _add_fact_options(update)
    update.set_defaults(handler=run_update)
    facts = sub.add_parser("facts", help=_("the unit's facts and derived facts with their reasons"))
    facts.add_argument("unit", type=uuid.UUID)
    facts.add_argument("--json", action="store_true")
    facts.set_defaults(handler=run_facts)


def _row_json(row: Any) -> dict[str, Any]:
    data = {**asdict(row.data), "facts": row.data.facts.as_dict()}
    data["overrides"] = {k: asdict(v) for k, v in row.data.overrides.items()}
    return {**asdict(row), "data": data, "cells": {d.value: s.value for d, s in row.cells.items()}}


def run_list(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session:
        projects.get_or_raise(session, projects.Project, args.project)
        rows = projects.list_units(session, args.project)
    if args.json:
        print_json([_row_json(r) for r in rows])
    else:
        for r in rows:
            cells = " ".join(f"{d.short_code}:{s.value}" for d, s in r.cells.items())
            print(f"{r.id}\t{r.data.name}\t{cells}")
    return 0


def _sprinklers(text: str | None, current: frozenset[Sprinkler] | None) -> frozenset[Sprinkler] | None:
    if text is None:
        return current
    words = [w.strip() for w in text.replace("，", ",").split(",") if w.strip()]
    if words == ["unknown"]:
        return None
    if words == ["none"]:
        return frozenset()
    try:
        return frozenset(Sprinkler(w) for w in words)
    except ValueError:
        raise KnownError("facts.bad_value", fact="sprinklers", value=text) from None


def _facts(args: argparse.Namespace, current: UnitFacts) -> UnitFacts:
    changes: dict[str, Any] = {}
    for option, name in _BOOL_FACTS.items():
        value = getattr(args, option)
        if value is not None:
            changes[name] = _YES_NO[value]
    changes["sprinklers"] = _sprinklers(args.sprinklers, current.sprinklers)
    if args.parking_spaces is not None:
        changes["parking_spaces"] = args.parking_spaces
    if args.underground_depth is not None:
        changes["underground_depth"] = args.underground_depth
    # Through the dict form so the same checks apply as to stored facts.
    return UnitFacts.from_dict({**current.as_dict(), **{k: _plain(v) for k, v in changes.items()}})


def _plain(value: Any) -> Any:
    return sorted(s.value for s in value) if isinstance(value, frozenset) else value


def _overrides(args: argparse.Namespace, current: dict[str, Override]) -> dict[str, Override]:
    result = dict(current)
    for text in args.override:
        name, sep, value = text.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise KnownError("facts.bad_value", fact=text, value=text)
        name, value = name.strip(), value.strip()
        if value == "derived":
            result.pop(name, None)
            continue
        if not args.reason.strip():
            raise KnownError("facts.override_without_reason", fact=name)
        result[name] = Override(value, args.reason)
    return result


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
        facts=_facts(args, UnitFacts()),
        overrides=_overrides(args, {}),
    )
    with context.database().session() as session, session.begin():
        unit_id, _changes = projects.add_unit(session, args.project, data)
    print(unit_id)
    return 0


_SIZE = {
    "name": "name",
    "building_no": "building_no",
    "unit_code": "unit_code",
    "real_estate_code": "real_estate_unit_code",
    "area_above": "area_above",
    "area_below": "area_below",
    "storeys_above": "storeys_above",
    "storeys_below": "storeys_below",
    "height": "height",
}


def run_update(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session, session.begin():
        current = projects.get_unit(session, args.unit).data
        changes: dict[str, Any] = {
            field: getattr(args, option) for option, field in _SIZE.items() if getattr(args, option) is not None
        }
        if args.structure is not None:
            changes["structure"] = Structure(args.structure)
        if args.use is not None:
            changes["use"] = BuildingUse(args.use)
        if args.civil_air_defense is not None:
            changes["has_civil_air_defense"] = args.civil_air_defense == "yes"
        if args.accepted_alone is not None:
            changes["accepted_alone"] = args.accepted_alone == "yes"
        changes["facts"] = _facts(args, current.facts)
        changes["overrides"] = _overrides(args, dict(current.overrides))
        projects.update_unit(session, args.unit, dataclasses.replace(current, **changes))
    print(args.unit)
    return 0


def run_facts(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session:
        data = projects.get_unit(session, args.unit).data
    derived = derive_all(data)
    if args.json:
        print_json(
            {
                "facts": data.facts.as_dict(),
                "derived": {
                    name: {
                        "value": _plain(d.value.value if hasattr(d.value, "value") else d.value),
                        "reason": d.reason,
                        "text": describe_derived(d),
                        "overridden": asdict(d.overridden) if d.overridden else None,
                    }
                    for name, d in derived.items()
                },
            }
        )
        return 0
    for name, d in derived.items():
        mark = " *" if d.overridden else ""
        print(f"{fact_name(name)}\t{describe_value(d.value)}{mark}\t{describe_derived(d)}")
    return 0

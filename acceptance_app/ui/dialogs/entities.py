"""The project, party and unit dialogs: field lists over the shared FormDialog."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from PySide6.QtWidgets import QWidget

from acceptance_app.domain.entities import PartyData, ProjectData, UnitData
from acceptance_app.domain.enums import BuildingUse, PartyRole, Structure
from acceptance_app.domain.validation import validate_party, validate_project, validate_unit
from acceptance_app.i18n import _

from acceptance_app.ui.dialogs.form import Field, FormDialog


def project_dialog(data: ProjectData | None = None, parent: QWidget | None = None) -> FormDialog:
    fields = [
        Field("name", _("Project name")),
        Field("project_code", _("Project code"), placeholder="2023-370112-47-01-258316"),
        Field("engineering_code", _("Engineering code")),
        Field("location", _("Location")),
        Field("region_code", _("Region code"), placeholder="370112"),
        Field("planning_permit_no", _("Planning permit no.")),
        Field("construction_permit_no", _("Construction permit no.")),
        Field("land_use_area", _("Land area (m²)"), kind="float"),
        Field("issuing_organ", _("Issuing bureau (region code)"), placeholder="370100"),
        Field("survey_report_no", _("Completion survey report no.")),
    ]
    title = _("Edit project") if data else _("New project")
    return FormDialog(
        title, fields, lambda v: ProjectData(**v), validate_project, asdict(data) if data else None, parent
    )


def party_dialog(data: PartyData | None = None, parent: QWidget | None = None) -> FormDialog:
    fields = [
        Field("role", _("Role"), kind="choice", choices=list(PartyRole)),
        Field("name", _("Name")),
        Field("uscc", _("Unified social credit code"), placeholder="91370112MA3NCK2L8K"),
        Field("contact_person", _("Contact")),
        Field("phone", _("Phone")),
    ]
    title = _("Edit responsible party") if data else _("New responsible party")
    return FormDialog(title, fields, lambda v: PartyData(**v), validate_party, asdict(data) if data else None, parent)


def unit_dialog(data: UnitData | None = None, parent: QWidget | None = None) -> FormDialog:
    # The facts and overrides have their own dialog (ui.dialogs.unit_facts); editing size or use keeps them.
    kept: dict[str, Any] = {"facts": data.facts, "overrides": data.overrides} if data else {}

    def _unit(values: dict[str, Any]) -> UnitData:
        return UnitData(**values, **kept)

    fields = [
        Field("name", _("Unit name"), placeholder=_("e.g. 1# residential building")),
        Field("building_no", _("Building no.")),
        Field("unit_code", _("Building code")),
        Field("real_estate_unit_code", _("Real estate unit code"), placeholder="370112005003GB00126F00010000"),
        Field("area_above", _("Area above ground (m²)"), kind="float"),
        Field("area_below", _("Area below ground (m²)"), kind="float"),
        Field("storeys_above", _("Storeys above ground"), kind="int"),
        Field("storeys_below", _("Storeys below ground"), kind="int"),
        Field("height", _("Building height (m)"), kind="float"),
        Field("structure", _("Structure"), kind="choice", choices=list(Structure)),
        Field("use", _("Use"), kind="choice", choices=list(BuildingUse)),
        Field("has_civil_air_defense", _("Contains civil air defense works"), kind="bool"),
        Field("accepted_alone", _("Accepted on its own"), kind="bool"),
    ]
    title = _("Edit unit") if data else _("New unit")
    initial = {k: v for k, v in asdict(data).items() if k not in kept} if data else None
    return FormDialog(title, fields, _unit, validate_unit, initial, parent)

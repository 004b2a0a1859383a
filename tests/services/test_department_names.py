"""services.documents.organs.department_names: the departments as the configured jurisdiction's table names them."""

from __future__ import annotations

from acceptance_app.domain.enums import Department
from acceptance_app.reports import labels
from acceptance_app.services.documents.organs import department_names, department_of_field
from acceptance_app.settings import Settings


def test_jinan_names_its_organs() -> None:
    names = department_names(Settings(jurisdiction="370100"))
    assert names[Department.CIVIL_AIR_DEFENSE] == "济南市国防动员办公室（人防）"
    assert names[Department.ARCHIVE] == "济南市城建档案馆"
    assert Department.APPROVAL not in names  # not in the table: the caller names it
    assert department_names(Settings(jurisdiction="370112")) == names  # a district reads its city's table


def test_a_field_name_maps_back_to_its_department() -> None:
    for department, text in labels.DEPARTMENT.items():
        assert department_of_field(text) is department
    assert department_of_field("某市某局") is None

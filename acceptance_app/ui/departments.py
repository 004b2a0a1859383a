"""How the window names departments: as the configured jurisdiction's table names them, so that the settings,
the sign and verify dialogs and the sync tab say what the documents print (field trial item 31).

The table's names are the organs' official Chinese names; an English window keeps its English labels.
"""

from __future__ import annotations

from acceptance_app.domain.enums import Department
from acceptance_app.i18n import current_language
from acceptance_app.services.documents.organs import department_names as table_names
from acceptance_app.services.documents.organs import department_of_field
from acceptance_app.settings import Settings
from acceptance_app.text.labels import label


def department_names(settings: Settings) -> dict[Department, str]:
    """Every department's name: the table's where it names one (in Chinese), else the window's label."""
    names = {d: label(d) for d in Department}
    if current_language() != "en":
        names.update(table_names(settings))
    return names


def department_text(value: str, settings: Settings) -> str:
    """A department code ("civil-air-defense") as the window names it; an unknown code as it is."""
    try:
        return department_names(settings)[Department(value)]
    except ValueError:
        return value


def field_department_text(field_label: str, names: dict[Department, str]) -> str:
    """A signature field's department (the generic name in its PDF) as the window names it."""
    department = department_of_field(field_label)
    return names[department] if department is not None else field_label

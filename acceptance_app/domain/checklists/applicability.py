"""Does an item (or a whole discipline) apply to a unit?"""

from __future__ import annotations

from acceptance_app.domain.checklists.form import Form, Item
from acceptance_app.domain.entities import UnitData


def item_applies(item: Item, unit: UnitData) -> bool:
    rule = item.applies_to
    if rule is None:
        return True
    if rule.uses and unit.use not in rule.uses:
        return False
    # min_height: the unit must be higher than this (a > 24 m rule); unknown height -> applies (check it).
    if rule.min_height is not None and unit.height is not None and not unit.height > rule.min_height:
        return False
    if rule.min_storeys_below is not None and (unit.storeys_below or 0) < rule.min_storeys_below:
        return False
    if rule.civil_air_defense is not None and unit.has_civil_air_defense != rule.civil_air_defense:
        return False
    return True


def applicable_items(form: Form, unit: UnitData) -> tuple[Item, ...]:
    return tuple(item for item in form.items if item_applies(item, unit))

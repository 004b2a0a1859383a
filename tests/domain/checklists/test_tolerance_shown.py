"""A looked-up tolerance is shown as its value and source, never as "@planning.…" (field trial item 6)."""

from acceptance_app.domain.checklists.jurisdiction import Band, Jurisdiction, JurisdictionValue
from acceptance_app.domain.checklists.tolerance_shown import shown_tolerance

JINAN = Jurisdiction("370100", "济南市", {
    "planning.position_tolerance": JurisdictionValue("planning.position_tolerance", tolerance="<= 0.10",
                                                     source="CJJ/T 8-2011", defined_in="370000"),
    "planning.area_tolerance": JurisdictionValue("planning.area_tolerance", bands=(
        Band(1000, "±3%"), Band(None, "±2%", max_abs=50)), source="鲁自然资规", defined_in="370000"),
})


def test_a_looked_up_rule_shows_its_value_and_source():
    shown = shown_tolerance("@planning.position_tolerance", JINAN)
    assert shown.text == "<= 0.10" and shown.sources == ("370000 CJJ/T 8-2011",) and not shown.unresolved


def test_bands_and_plain_rules():
    assert shown_tolerance("@planning.area_tolerance", JINAN).text == "≤ 1000: ±3%; > 1000: ±2% and ±50"
    assert shown_tolerance(">= 4.0", JINAN).text == ">= 4.0"
    assert shown_tolerance(">= 0 and @planning.position_tolerance", JINAN).text == ">= 0 and <= 0.10"


def test_a_rule_the_jurisdiction_does_not_set_is_named_as_missing():
    shown = shown_tolerance("@planning.unknown_rule", JINAN)
    assert shown.text == "" and shown.unresolved == ("planning.unknown_rule",)

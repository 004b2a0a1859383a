import pytest

from acceptance_app.domain.checklists.jurisdiction import Band, Jurisdiction, JurisdictionValue
from acceptance_app.domain.checklists.tolerance import ToleranceError, check_measure, parse_tolerance


def ok(text, measured, design=None, resolve=None):
    return check_measure(parse_tolerance(text), measured, design, resolve)


@pytest.mark.parametrize(
    ("text", "measured", "design", "expected"),
    [
        (">= 4.0", 4.0, None, True),
        (">= 4.0", 3.99, None, False),
        ("<= 0.5", 0.5, None, True),
        ("> 0", 0, None, False),
        ("< 75", 74.9, None, True),
        (">= design", 13.0, 13.0, True),
        (">= design", 12.9, 13.0, False),
        ("<= design", 99.0, 100.0, True),
        ("±0.05", 3.05, 3.0, True),
        ("±0.05", 3.06, 3.0, False),
        ("±5%", 105, 100, True),
        ("±5%", 94.9, 100, False),
        ("-5%..+0%", 95, 100, True),
        ("-5%..+0%", 100.1, 100, False),
        ("2.0..2.2", 2.2, None, True),
        ("2.0..2.2", 1.99, None, False),
        (">= 1.1 and <= 1.2", 1.15, None, True),
        (">= 1.1 and <= 1.2", 1.25, None, False),
    ],
)
def test_every_form_of_the_grammar(text, measured, design, expected):
    assert ok(text, measured, design) is expected


@pytest.mark.parametrize("text", ["", ">= four", "±", "5%", "2.2..2.0", ">= 1 or <= 2", "@Bad Key", "== 3"])
def test_bad_tolerances_name_the_text(text):
    with pytest.raises(ToleranceError) as caught:
        parse_tolerance(text)
    assert caught.value.code in {"tolerance.syntax", "tolerance.empty_range"}


def test_relative_rule_without_design_value_is_an_error():
    with pytest.raises(ToleranceError) as caught:
        ok("±5%", 3.0)
    assert caught.value.code == "tolerance.design_missing"
    assert parse_tolerance("±5%").needs_design and not parse_tolerance(">= 3").needs_design


def test_reference_resolves_through_band_table_by_design_value():
    bands = (Band(1000, "±3%"), Band(5000, "±2%", max_abs=500), Band(None, "±0.5%"))
    table = Jurisdiction(
        "370000",
        "山东省",
        {"planning.area_tolerance": JurisdictionValue("planning.area_tolerance", bands=bands)},
    )
    rule = "@planning.area_tolerance"
    assert ok(rule, 1029, 1000, table.tolerance_for)  # 3 % of 1000
    assert not ok(rule, 1031, 1000, table.tolerance_for)
    assert ok(rule, 4080, 4000, table.tolerance_for)  # 2 % of 4000 = 80
    assert not ok(rule, 4090, 4000, table.tolerance_for)
    assert ok(rule, 20_090, 20_000, table.tolerance_for)  # 0.5 % = 100
    assert parse_tolerance(rule).references == ("planning.area_tolerance",)

from datetime import date

import pytest

from acceptance_app.domain.identifiers import (
    check_project_code,
    check_real_estate_unit_code,
    check_unit_code,
    check_uscc,
    format_real_estate_unit_code,
    make_uscc,
    real_estate_building_number,
)
from acceptance_app.domain.problems import Severity

# Real codes of registered organisations (GB 32100-2015), both checks (GB 32100 and GB 11714) pass for each.
REAL_USCC = [
    "91110000600037341L",
    "91350200776049653A",
    "91440101MA5CJQ4N59",
    "913502000728319549",
    "123502001549897397",
    "9135021359498494XQ",
    "91350213678251743X",
]


def codes(problems):
    return [p.code for p in problems]


@pytest.mark.parametrize("code", REAL_USCC)
def test_real_uscc_pass(code):
    assert check_uscc(code) == []


def test_uscc_lowercase_and_spaces_are_normalised():
    assert check_uscc(" 91440101ma5cjq4n59 ") == []


def test_uscc_sample_with_bad_check_char_is_rejected_with_expected_char():
    # A sample seen in public code: it fails the check, and that code whitelists it as a special case.
    [problem] = check_uscc("91350203M0001QAY9B")
    assert problem.code == "uscc.check_char"
    assert problem.params == {"expected": "9", "actual": "B"}


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "uscc.empty"),
        ("91110000600037341", "uscc.length"),
        ("91110000600037341LX", "uscc.length"),
        ("9111000060003734IL", "uscc.charset"),  # I never occurs
        ("91AB0000600037341L", "uscc.region"),
        ("91110000600037341M", "uscc.check_char"),
    ],
)
def test_uscc_wrong(value, code):
    assert codes(check_uscc(value))[0] == code


def test_uscc_charset_names_position():
    [problem] = check_uscc("91110000600O37341L")
    assert problem.params == {"position": 12, "char": "O"}


def test_uscc_letters_allowed_in_first_two_positions():
    # python-stdnum's pitfall: it requires digits in positions 1-8. A (军队) and N (农业) codes are real.
    code = make_uscc("N2370100MA3XYK12"[:16])
    assert code.startswith("N2")
    assert check_uscc(code) == []


def test_uscc_inner_organization_code_is_checked():
    # A body whose USCC check char is recomputed but whose organization-code check char is wrong.
    good = make_uscc("91370112MA3NCK2L")
    wrong_org = good[:16] + ("0" if good[16] != "0" else "1")
    from acceptance_app.domain.identifiers import uscc_check_char

    forged = wrong_org + uscc_check_char(wrong_org)
    assert codes(check_uscc(forged)) == ["uscc.org_check"]


def test_uscc_unknown_registration_department_is_only_a_warning():
    code = make_uscc("B1370100MA3XYK12")
    [problem] = check_uscc(code)
    assert problem.code == "uscc.registration_department"
    assert problem.severity is Severity.WARNING


def test_real_estate_unit_code_valid_and_parts():
    code = "370102001002GB00001F00010001"
    assert check_real_estate_unit_code(code) == []
    assert real_estate_building_number(code) == "0001"
    assert format_real_estate_unit_code(code) == "370102 001002 GB00001 F00010001"


@pytest.mark.parametrize(
    ("value", "code", "position"),
    [
        ("370102001002GB00001F0001000", "bdc.length", None),
        ("37010A001002GB00001F00010001", "bdc.region", 1),
        ("3701020010X2GB00001F00010001", "bdc.cadastral_subzone", 10),
        ("370102001002XB00001F00010001", "bdc.parcel_feature", 13),
        ("370102001002GK00001F00010001", "bdc.parcel_feature", 13),
        ("370102001002GB00000F00010001", "bdc.parcel_number", 15),
        ("370102001002GB00001K00010001", "bdc.fixture_feature", 20),
        ("370102001002GB00001W00010001", "bdc.fixture_number", 21),
    ],
)
def test_real_estate_unit_code_wrong(value, code, position):
    [problem] = check_real_estate_unit_code(value)
    assert problem.code == code
    if position:
        assert problem.params["position"] == position


def test_project_code():
    today = date(2026, 11, 25)
    assert check_project_code("2023-370102-47-01-123456", today=today) == []
    assert codes(check_project_code("2023370102470112345", today=today)) == ["project_code.pattern"]
    assert codes(check_project_code("2015-370102-47-01-123456", today=today)) == ["project_code.year"]
    assert codes(check_project_code("2027-370102-47-01-123456", today=today)) == ["project_code.year"]
    assert codes(check_project_code("2023-990102-47-01-123456", today=today)) == ["project_code.region"]
    [warning] = check_project_code("2023-110105-47-01-123456", today=today)
    assert warning.code == "project_code.other_province" and warning.severity is Severity.WARNING


def test_unit_code_is_opaque_but_checked():
    assert check_unit_code("") == []
    assert check_unit_code("11010101020200109000003") == []
    assert codes(check_unit_code("12#楼")) == ["unit_code.pattern"]

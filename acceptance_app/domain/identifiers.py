"""Identifier checks by the national standards named below, each returning a list of Problems (empty = valid).

- 统一社会信用代码 (GB 32100-2015): charset, layout, check character, and the inner 组织机构代码 check
  (GB 11714). Letters are allowed in positions 1-2 (python-stdnum wrongly requires digits there).
- 不动产单元代码 (GB/T 37346-2019): 28 characters in six segments; no check digit exists.
- 项目代码 (GB/T 40058-2021 practical form): ``YYYY-RRRRRR-NN-NN-NNNNNN``; its check algorithm is not
  published, so only the pattern, a plausible year and the region are checked.
- 单体代码 (JGJ/T 496-2022): structure unknown; an opaque string with a charset and length check.
"""

from __future__ import annotations

import re
from datetime import date

from acceptance_app.domain.problems import Problem, Severity

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
_USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
_ORG_CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
# Position 1, 登记管理部门代码 [P]: 1 机构编制 ... 9 工商, A 中央军委改革和编制办公室, N 农业, Y 其他.
USCC_REGISTRATION_DEPARTMENTS = frozenset("123456789ANY")


def normalize(value: str) -> str:
    """Upper-case and strip spaces (codes are often pasted with spaces or in lower case)."""
    return re.sub(r"\s+", "", value or "").upper()


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def org_code_check_char(first8: str) -> str:
    total = sum(_ORG_CHARSET.index(c) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    r = 11 - total % 11
    return {10: "X", 11: "0"}.get(r, str(r))


def check_uscc(value: str, field: str = "uscc") -> list[Problem]:
    code = normalize(value)
    if not code:
        return [Problem(field, "uscc.empty")]
    if len(code) != 18:
        return [Problem(field, "uscc.length", params={"length": len(code)})]
    for pos, char in enumerate(code, start=1):
        if char not in USCC_CHARSET:
            return [Problem(field, "uscc.charset", params={"position": pos, "char": char})]
    if not code[2:8].isdigit():
        return [Problem(field, "uscc.region", params={"region": code[2:8]})]
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        return [Problem(field, "uscc.check_char", params={"expected": expected, "actual": code[17]})]
    problems: list[Problem] = []
    org_expected = org_code_check_char(code[8:16])
    if code[16] != org_expected:
        problems.append(Problem(field, "uscc.org_check", params={"expected": org_expected, "actual": code[16]}))
    if code[0] not in USCC_REGISTRATION_DEPARTMENTS:
        problems.append(
            Problem(field, "uscc.registration_department", Severity.WARNING, params={"char": code[0]})
        )
    return problems


def make_uscc(first16: str) -> str:
    """Complete a 16-character body with both check characters (used by the demo and tests)."""
    body = normalize(first16)
    with_org = body + org_code_check_char(body[8:16])
    return with_org + uscc_check_char(with_org)


# 不动产单元代码 ---------------------------------------------------------------------------------------
PARCEL_OWNERSHIP_LETTERS = frozenset("GJZ")  # 国家 / 集体 / 未确定
PARCEL_RIGHT_LETTERS = frozenset("ABSXCDEFHGWY")
FIXTURE_LETTERS = frozenset("FLQW")  # 房屋 / 林木 / 其他 / 无定着物


def check_real_estate_unit_code(value: str, field: str = "real_estate_unit_code") -> list[Problem]:
    code = normalize(value)
    if not code:
        return [Problem(field, "bdc.empty")]
    if len(code) != 28:
        return [Problem(field, "bdc.length", params={"length": len(code)})]
    segments = [
        (0, 6, "bdc.region", str.isdigit),
        (6, 9, "bdc.cadastral_zone", str.isdigit),
        (9, 12, "bdc.cadastral_subzone", str.isdigit),
        (14, 19, "bdc.parcel_number", str.isdigit),
        (20, 28, "bdc.fixture_number", str.isdigit),
    ]
    for start, end, rule, ok in segments:
        if not ok(code[start:end]):
            return [Problem(field, rule, params={"position": start + 1, "segment": code[start:end]})]
    if code[12] not in PARCEL_OWNERSHIP_LETTERS or code[13] not in PARCEL_RIGHT_LETTERS:
        return [Problem(field, "bdc.parcel_feature", params={"position": 13, "segment": code[12:14]})]
    if code[19] not in FIXTURE_LETTERS:
        return [Problem(field, "bdc.fixture_feature", params={"position": 20, "segment": code[19]})]
    if code[14:19] == "00000":
        return [Problem(field, "bdc.parcel_number", params={"position": 15, "segment": code[14:19]})]
    if code[19] == "W" and code[20:] != "00000000":
        return [Problem(field, "bdc.fixture_number", params={"position": 21, "segment": code[20:]})]
    return []


def real_estate_building_number(value: str) -> str | None:
    """The 4-digit 幢号 inside a house-type (F) 不动产单元代码, or None for other kinds."""
    code = normalize(value)
    if len(code) == 28 and code[19] == "F":
        return code[20:24]
    return None


def format_real_estate_unit_code(value: str) -> str:
    """The 6 6 7 9 display grouping used by registration systems."""
    code = normalize(value)
    return " ".join((code[:6], code[6:12], code[12:19], code[19:])) if len(code) == 28 else code


# 项目代码 ----------------------------------------------------------------------------------------------
PROJECT_CODE_PATTERN = re.compile(r"^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$")
FIRST_PROJECT_CODE_YEAR = 2016
# GB/T 2260 province prefixes (first two digits of a region code).
PROVINCE_PREFIXES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65".split()
)
HOME_PROVINCE = "37"  # 山东


def check_project_code(value: str, field: str = "project_code", today: date | None = None) -> list[Problem]:
    code = (value or "").strip()
    if not code:
        return [Problem(field, "project_code.empty")]
    match = PROJECT_CODE_PATTERN.match(code)
    if not match:
        return [Problem(field, "project_code.pattern", params={"value": code})]
    year = int(match.group(1))
    current_year = (today or date.today()).year
    if not FIRST_PROJECT_CODE_YEAR <= year <= current_year:
        return [
            Problem(
                field,
                "project_code.year",
                params={"year": year, "first": FIRST_PROJECT_CODE_YEAR, "last": current_year},
            )
        ]
    region = match.group(2)
    if region[:2] not in PROVINCE_PREFIXES:
        return [Problem(field, "project_code.region", params={"region": region})]
    if region[:2] != HOME_PROVINCE:
        return [Problem(field, "project_code.other_province", Severity.WARNING, params={"region": region})]
    return []


def project_region(value: str) -> str | None:
    match = PROJECT_CODE_PATTERN.match((value or "").strip())
    return match.group(2) if match else None


# 单体代码 ----------------------------------------------------------------------------------------------
UNIT_CODE_PATTERN = re.compile(r"^[0-9A-Z*\-]{4,40}$")


def check_unit_code(value: str, field: str = "unit_code") -> list[Problem]:
    """Optional; JGJ/T 496-2022's structure is not known, so only charset and length are checked."""
    code = normalize(value)
    if not code:
        return []
    if not UNIT_CODE_PATTERN.match(code):
        return [Problem(field, "unit_code.pattern", params={"value": code})]
    return []

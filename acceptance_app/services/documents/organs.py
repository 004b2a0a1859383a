"""Who issues a project's documents and how the organs are named, from the jurisdiction table's ``document.*``
keys (forms/jurisdictions: the city's table inherits the province's).

Read here with a plain YAML load of the jurisdiction files only, not through the forms library: issuing a
document must not load and check the checklist forms (a one-unit opinion from the CLI stays under a second).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from acceptance_app.domain.enums import Department
from acceptance_app.reports import labels
from acceptance_app.settings import Settings, forms_folder, load_settings

_lock = threading.Lock()
_cache: dict[Path, tuple[tuple, dict[str, dict[str, Any]]]] = {}

DEPARTMENT_KEYS = {
    Department.PLANNING: "document.department.planning",
    Department.CIVIL_AIR_DEFENSE: "document.department.civil-air-defense",
    Department.HOUSING: "document.department.housing",
    Department.ARCHIVE: "document.department.archive",
}


@dataclass(frozen=True)
class Issuer:
    code: str
    name: str  # 济南市历城区住房和城乡建设局
    short: str  # 机关代字: 历城
    reconsideration: str  # 复议机关
    court: str


@dataclass(frozen=True)
class DocumentOrgans:
    issuer: Issuer
    departments: dict[Department, str]
    legal_basis: tuple[str, ...]
    verify_url: str
    issuers: tuple[Issuer, ...] = ()
    missing: tuple[str, ...] = field(default=())


def _tables(folder: Path) -> dict[str, dict[str, Any]]:
    """code -> raw table of every jurisdiction file in ``folder``/jurisdictions (cached until a file changes)."""
    directory = folder / "jurisdictions"
    files = sorted(p for p in directory.glob("*.y*ml") if p.is_file()) if directory.is_dir() else []
    stamp = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)
    with _lock:
        cached = _cache.get(folder)
        if cached and cached[0] == stamp:
            return cached[1]
    import yaml  # only here: issuing a document without organs to look up loads no YAML

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    tables = {}
    for path in files:
        data = yaml.load(path.read_bytes(), Loader=loader)  # noqa: S506 (a safe loader)
        if isinstance(data, dict) and "jurisdiction" in data:
            tables[str(data["jurisdiction"])] = data
    with _lock:
        _cache[folder] = (stamp, tables)
    return tables


def _values(tables: dict[str, dict[str, Any]], code: str) -> dict[str, Any]:
    """The effective ``value`` of every key for ``code`` (its table, then what it inherits)."""
    chain, seen = [], set()
    current: str | None = code
    while current and current in tables and current not in seen:
        seen.add(current)
        chain.append(tables[current])
        current = tables[current].get("inherits")
    values: dict[str, Any] = {}
    for table in reversed(chain):
        for key, entry in (table.get("values") or {}).items():
            if isinstance(entry, dict) and "value" in entry:
                values[key] = entry["value"]
    return values


def _table_code(tables: dict[str, dict[str, Any]], region_code: str) -> str:
    for code in (region_code, region_code[:4] + "00", region_code[:2] + "0000"):
        if code in tables:
            return code
    return ""


def jurisdiction_values(data_root: Path, region_code: str) -> dict[str, Any]:
    """Every effective ``value`` of the jurisdiction table of ``region_code`` (its city's, its province's)."""
    tables = _tables(forms_folder(load_settings(data_root)))
    code = _table_code(tables, region_code)
    return _values(tables, code) if code else {}


def department_names(settings: Settings) -> dict[Department, str]:
    """The departments as the configured jurisdiction's table names them (``settings.jurisdiction``, read from
    the settings' forms folder): 济南市国防动员办公室（人防）, 济南市城建档案馆 ... A department the table does not name
    is left out, for the caller to name in its own words. The window names departments only through this, so
    that it says what the documents print (field trial item 31: 人民防空办公室 here, 人民防空部门 there)."""
    tables = _tables(forms_folder(settings))
    code = _table_code(tables, settings.jurisdiction)
    values = _values(tables, code) if code else {}
    return {d: str(values[k]) for d, k in DEPARTMENT_KEYS.items() if values.get(k)}


def department_of_field(department_label: str) -> Department | None:
    """The department of a signature field, from the generic name its PDF carries (reports.labels.DEPARTMENT,
    what the signing side matches); None for a name that is not one of them (a file from elsewhere)."""
    return next((d for d, text in labels.DEPARTMENT.items() if text == department_label), None)


def organs_for(data_root: Path, region_code: str, issuing_organ: str) -> DocumentOrgans:
    """The organs for a project in ``region_code`` issued by ``issuing_organ`` ("" = the city's organ)."""
    tables = _tables(forms_folder(load_settings(data_root)))
    code = _table_code(tables, region_code)
    values = _values(tables, code) if code else {}
    missing: list[str] = []
    if not code:
        missing.append(f"没有行政区划代码“{region_code or '（空）'}”所在地的辖区表（forms/jurisdictions）")
    issuers = tuple(Issuer(str(e.get("code", "")), str(e.get("name", "")), str(e.get("short", "")),
                           str(e.get("reconsideration", "")), str(e.get("court", "")))
                    for e in values.get("document.issuers") or () if isinstance(e, dict))
    wanted = issuing_organ or (region_code[:4] + "00")
    issuer = next((i for i in issuers if i.code == wanted), None)
    if issuer is None:
        if code:
            missing.append(f"辖区表 {code} 的 document.issuers 中没有出具机关“{wanted}”")
        issuer = Issuer(wanted, "", "", "", "")
    for label, value in (("出具机关名称", issuer.name), ("机关代字", issuer.short),
                         ("复议机关", issuer.reconsideration), ("人民法院", issuer.court)):
        if code and not value:
            missing.append(f"出具机关“{wanted}”缺少{label}")
    departments = {d: str(values.get(k) or "") for d, k in DEPARTMENT_KEYS.items()}
    for department, key in DEPARTMENT_KEYS.items():
        if code and not departments[department]:
            missing.append(f"辖区表缺少部门名称 {key}")
    return DocumentOrgans(issuer, departments, tuple(str(v) for v in values.get("document.legal_basis") or ()),
                          str(values.get("document.verify_url") or ""), issuers, tuple(missing))

"""A tolerance as the inspector reads it: a rule looked up in the jurisdiction table ("@planning.position_tolerance")
is replaced by its value there, with the table and the source that set it. The key itself is never shown."""

from __future__ import annotations

from dataclasses import dataclass

from acceptance_app.domain.checklists.jurisdiction import Jurisdiction, JurisdictionValue
from acceptance_app.domain.checklists.tolerance import parse_tolerance
from acceptance_app.domain.problems import KnownError


@dataclass(frozen=True)
class ShownTolerance:
    text: str  # "±0.05", "<= 60", or the bands "<= 10: ±0.05; > 10: ±0.1"
    sources: tuple[str, ...] = ()  # "370100 济南市 …" for each looked-up rule
    unresolved: tuple[str, ...] = ()  # keys the jurisdiction does not set (shown as such, never as "@key")


def _entry_text(entry: JurisdictionValue) -> str:
    if entry.tolerance:
        return entry.tolerance
    parts = []
    previous: float | None = None
    for band in entry.bands:
        limit = f"≤ {band.upto:g}" if band.upto is not None else (f"> {previous:g}" if previous is not None else "")
        text = band.tolerance + (f" and ±{band.max_abs:g}" if band.max_abs is not None else "")
        parts.append(f"{limit}: {text}" if limit else text)
        previous = band.upto
    return "; ".join(parts) if parts else str(entry.value)


def shown_tolerance(tolerance: str, jurisdiction: Jurisdiction) -> ShownTolerance:
    try:
        parsed = parse_tolerance(tolerance)
    except KnownError:
        return ShownTolerance(tolerance)
    if not parsed.references:
        return ShownTolerance(tolerance)
    texts, sources, unresolved = [], [], []
    for part in tolerance.split(" and "):
        part = part.strip()
        if not part.startswith("@"):
            texts.append(part)
            continue
        key = part[1:]
        entry = jurisdiction.values.get(key)
        if entry is None:
            unresolved.append(key)
            continue
        texts.append(_entry_text(entry))
        sources.append(" ".join(s for s in (entry.defined_in, entry.source) if s))
    return ShownTolerance(" and ".join(texts), tuple(sources), tuple(unresolved))

"""Which evidence an answered item still lacks. Existing evidence comes in as kinds per item, so photos and
findings (kept elsewhere) and the 不适用 reason can all be counted the same way."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from acceptance_app.domain.checklists.form import EvidenceKind, Item
from acceptance_app.domain.enums import ItemVerdict


def missing_evidence(
    item: Item, verdict: ItemVerdict, existing: Collection[EvidenceKind]
) -> tuple[EvidenceKind, ...]:
    return tuple(kind for kind in item.evidence.required_for(verdict) if kind not in existing)


def needs_evidence(item: Item) -> bool:
    """Does any verdict of this item ask for evidence beyond the 不适用 reason? (the "needs evidence" filter)"""
    ev = item.evidence
    return bool(ev.on_pass or ev.on_fail)


def missing_for_all(
    items: Mapping[str, Item],
    verdicts: Mapping[str, ItemVerdict],
    existing: Mapping[str, Collection[EvidenceKind]],
) -> dict[str, tuple[EvidenceKind, ...]]:
    """item id -> missing kinds, for the answered items that lack something."""
    result = {}
    for item_id, verdict in verdicts.items():
        missing = missing_evidence(items[item_id], verdict, existing.get(item_id, ()))
        if missing:
            result[item_id] = missing
    return result

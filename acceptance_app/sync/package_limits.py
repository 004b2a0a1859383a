"""How big a package may be before it is refused unread: a zip bomb must not fill the disk or the memory.

The figures leave room for a large project (thousands of photos of a few MB each) and stop a hostile file
long before harm: every entry is checked by its declared size first, and reading stops as soon as the
actual bytes pass what was declared.
"""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class PackageLimits:
    max_entries: int = 20_000
    max_entry_bytes: int = 100 * MIB  # one photo original or one PDF
    max_total_bytes: int = 8 * 1024 * MIB
    max_manifest_bytes: int = 8 * MIB
    max_records_bytes: int = 512 * MIB
    # Uncompressed / compressed. JSON of many similar rows deflates ~10-30x; photos and PDFs ~1x.
    max_ratio: float = 100.0
    ratio_floor_bytes: int = 1 * MIB  # small entries may compress as well as they like


DEFAULT_LIMITS = PackageLimits()

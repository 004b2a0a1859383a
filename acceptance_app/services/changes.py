"""What an operation changed, so that each view refreshes only when it must (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    project: bool = False
    party: bool = False
    unit: bool = False
    inspection: bool = False
    checklist: bool = False
    finding: bool = False
    photo: bool = False
    report: bool = False
    sync_state: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


NO_CHANGES = Changes()

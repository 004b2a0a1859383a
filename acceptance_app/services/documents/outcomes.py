"""Each discipline's outcome in its organ's own words, from the ``outcomes:`` of the form the inspection was
answered on (its pinned snapshot), or of the forms folder's form when it was concluded outside the runner.

Only that key is wanted, so the form is read as a stream of YAML events up to that key (the shipped forms put it
before their groups of items), not loaded, built and checked as the checklist runner does: reading fire.yaml whole
costs about 0.1 s, its head a few ms, and the one-unit opinion from the command line stays under a second.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from acceptance_app.domain.checklists.form import Outcomes
from acceptance_app.domain.enums import Discipline
from acceptance_app.settings import forms_folder, load_settings
from acceptance_app.storage.models import FormSnapshot, Inspection

_lock = threading.Lock()
_cache: dict[str, Outcomes] = {}


def _outcomes(content: bytes) -> Outcomes:
    key = hashlib.sha256(content).hexdigest()
    with _lock:
        if key in _cache:
            return _cache[key]
    raw = _top_level_value(content, "outcomes")
    outcomes = Outcomes.from_mapping(raw if isinstance(raw, dict) else None)
    with _lock:
        _cache[key] = outcomes
    return outcomes


def _top_level_value(content: bytes, wanted: str) -> Any:
    """The value of a top-level key as plain strings, dicts and lists, reading events only until it is read."""
    import yaml

    events = iter(yaml.parse(content, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    if not any(isinstance(event, yaml.MappingStartEvent) for event in events):  # up to the document's mapping
        return None
    for key in events:
        if not isinstance(key, yaml.ScalarEvent):  # the mapping's end (or a complex key: not a form)
            return None
        value = next(events)
        if key.value == wanted:
            return _build(value, events)
        _skip(value, events)
    return None


def _build(event: Any, events: Iterator[Any]) -> Any:
    import yaml

    if isinstance(event, yaml.ScalarEvent):
        return event.value
    if isinstance(event, yaml.MappingStartEvent):
        mapping: dict[str, Any] = {}
        for key in events:
            if isinstance(key, yaml.MappingEndEvent):
                return mapping
            mapping[str(getattr(key, "value", ""))] = _build(next(events), events)
    if isinstance(event, yaml.SequenceStartEvent):
        items: list[Any] = []
        for item in events:
            if isinstance(item, yaml.SequenceEndEvent):
                return items
            items.append(_build(item, events))
    return None


def _skip(event: Any, events: Iterator[Any]) -> None:
    import yaml

    depth = 1 if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent) else 0
    while depth:
        event = next(events)
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            depth += 1
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            depth -= 1


def _folder_form(data_root: Path, discipline: Discipline) -> bytes:
    folder = forms_folder(load_settings(data_root))
    for suffix in (".yaml", ".yml"):
        path = folder / f"{discipline.value}{suffix}"
        if path.is_file():
            return path.read_bytes()
    return b""


def outcomes_for(session: Session, data_root: Path, inspection: Inspection) -> Outcomes:
    snapshot = session.get(FormSnapshot, inspection.form_hash) if inspection.form_hash else None
    return _outcomes(snapshot.content if snapshot is not None else _folder_form(data_root, inspection.discipline))

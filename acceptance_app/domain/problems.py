"""Validation results as codes with parameters; ui/ and cli/ turn them into Chinese messages."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"  # blocks saving
    WARNING = "warning"  # shown, does not block


@dataclass(frozen=True)
class Problem:
    field: str  # the entity field it concerns, e.g. "uscc", "project_code"
    code: str  # a stable rule code, e.g. "uscc.check_char"; its text is in acceptance_app/text/
    severity: Severity = Severity.ERROR
    # dataclasses.field by its module: the attribute ``field`` above shadows the name inside the class body
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class KnownError(Exception):
    """An expected failure (bad input, refused operation) shown to the user as a message, not a crash."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class ValidationFailed(KnownError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("validation.failed", count=len(problems))
        self.problems = problems


def errors_only(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]

"""A problem in a form or jurisdiction file: where (file, line) and what (a code with parameters)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FormProblem:
    path: str
    line: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)

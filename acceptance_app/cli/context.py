"""What every command is given: the application context (``acceptance_app/context.py``: data folder, settings,
database opened on first use), and the JSON printer the ``--json`` options share."""

from __future__ import annotations

import json
import sys
from typing import Any


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")

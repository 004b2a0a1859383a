"""The application's log: a rotating file in the data folder (logs/acceptance_app.log, 5 x 1 MB), so what went
wrong on an inspector's laptop can be read afterwards. Times in the file are Beijing time, like everything else
people read."""

from __future__ import annotations

import logging
import logging.handlers
import time
from pathlib import Path

from acceptance_app.domain.beijing_time import BEIJING

LOG_NAME = "acceptance_app.log"
MAX_BYTES = 1_000_000
BACKUPS = 4


class _BeijingFormatter(logging.Formatter):
    def converter(self, timestamp: float | None) -> time.struct_time:
        from datetime import datetime

        return datetime.fromtimestamp(timestamp or time.time(), BEIJING).timetuple()


def install_log_file(logs: Path, level: int = logging.INFO) -> Path:
    """Send the application's log records to the rotating file; idempotent (one handler per file)."""
    logs.mkdir(parents=True, exist_ok=True)
    path = logs / LOG_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(_BeijingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%Y-%m-%d %H:%M:%S"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path

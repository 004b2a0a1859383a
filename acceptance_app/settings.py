"""Typed settings, declared once, stored as JSON in the data folder and upgraded by version.

Never pickled. The data folder itself is chosen before settings can be read: ``--data-dir``, then the
ACCEPTANCE_APP_DATA_DIR environment variable, then the platform's user data folder.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from acceptance_app import APP_NAME
from acceptance_app.fileio import atomic_write_text

DATA_DIR_ENV = "ACCEPTANCE_APP_DATA_DIR"
SETTINGS_VERSION = 2


def default_data_dir() -> Path:
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir  # imported late: only needed without an explicit folder

    return Path(user_data_dir(APP_NAME, appauthor=False))


@dataclass
class Settings:
    """Every user-tunable option with its default. Titles for the settings dialog live in ui/."""

    version: int = SETTINGS_VERSION
    language: str = "zh_CN"
    device_id: str = field(default_factory=lambda: uuid.uuid4().hex[:8].upper())
    inspector_name: str = ""
    inspector_department: str = ""
    inspector_id: str = ""  # 检查员编号 / 执法证号: two inspectors may share a name, never an id
    forms_dir: str = ""  # a jurisdiction's own forms folder; empty = the shipped forms
    jurisdiction: str = "370100"  # GB/T 2260 region code; 济南 by default
    hub_url: str = ""
    timestamp_url: str = ""
    trust_dir: str = ""  # folder of the jurisdiction's trusted CA certificates; empty = <data folder>/trust
    offer_demo_on_empty: bool = True
    photo_watermark: bool = False  # burn time/project/unit/discipline/inspector into photos in documents


def _upgrade_1_to_2(raw: dict) -> dict:
    # Version 1 kept the language as "zh"/"en"; catalogs are named by locale since version 2.
    if raw.get("language") == "zh":
        raw["language"] = "zh_CN"
    return raw


UPGRADES: dict[int, Callable[[dict], dict]] = {1: _upgrade_1_to_2}


def upgrade(raw: dict) -> dict:
    version = int(raw.get("version", 1))
    while version < SETTINGS_VERSION:
        raw = UPGRADES[version](raw)
        version += 1
        raw["version"] = version
    return raw


ACTOR_ENV = "ACCEPTANCE_APP_ACTOR"


def inspector_actor(settings: Settings) -> str:
    """How records name the configured inspector: "张三 J-017" (the id tells two 张三 apart); "" when unset."""
    name = settings.inspector_name.strip()
    if not name:
        return ""
    return f"{name} {settings.inspector_id.strip()}".strip()


def cli_actor(given: str | None, settings: Settings) -> str:
    """The CLI's actor: ``--actor``, else $ACCEPTANCE_APP_ACTOR (for scripts), else the configured inspector."""
    for candidate in (given, os.environ.get(ACTOR_ENV)):
        if candidate and candidate.strip():
            return candidate.strip()
    return inspector_actor(settings)


def forms_folder(settings: Settings) -> Path:
    """The jurisdiction's own forms folder when set, else the forms shipped with the program."""
    if settings.forms_dir:
        return Path(settings.forms_dir).expanduser()
    from acceptance_app.locator import forms_dir

    return forms_dir()


def settings_path(data_dir: Path) -> Path:
    return data_dir / "settings.json"


def load_settings(data_dir: Path) -> Settings:
    path = settings_path(data_dir)
    known = {f.name for f in fields(Settings)}
    if not path.exists():
        settings = Settings()
        save_settings(data_dir, settings)
        return settings
    try:
        raw = json.loads(path.read_text("utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not an object")
    except (OSError, ValueError):
        # A damaged settings file must not keep the app from starting; keep it aside for inspection.
        path.replace(path.with_suffix(".json.damaged"))
        settings = Settings()
        save_settings(data_dir, settings)
        return settings
    raw = upgrade(raw)
    return Settings(**{k: v for k, v in raw.items() if k in known})


def save_settings(data_dir: Path, settings: Settings) -> None:
    atomic_write_text(settings_path(data_dir), json.dumps(asdict(settings), ensure_ascii=False, indent=2))

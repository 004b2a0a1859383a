"""The hub token lives in <data folder>/keys/hub-token (mode 0600), never in the database or the settings:
a copied database or a settings file sent for support must not carry the power to push as this inspector."""

from __future__ import annotations

import os
from pathlib import Path

from acceptance_app.domain.problems import KnownError
from acceptance_app.fileio import atomic_write_text
from acceptance_app.storage.data_folder import DataFolder

TOKEN_FILE = Path("keys", "hub-token")


def token_path(folder: DataFolder) -> Path:
    return folder.root / TOKEN_FILE


def save_token(folder: DataFolder, token: str) -> Path:
    path = token_path(folder)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    atomic_write_text(path, token.strip() + "\n")  # mkstemp makes the temp file 0600; the rename keeps it
    os.chmod(path, 0o600)
    return path


def load_token(folder: DataFolder) -> str:
    path = token_path(folder)
    try:
        token = path.read_text("utf-8").strip()
    except FileNotFoundError:
        token = ""
    if not token:
        raise KnownError("sync.no_token", path=str(path))
    return token

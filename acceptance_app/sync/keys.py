"""The device's Ed25519 key that signs the manifests of the packages it sends.

The private key lives in the data folder (``keys/device.ed25519``, PEM, mode 0600), never in the database:
a database copied to another laptop must not carry the power to sign as this one. It is made on first use
and written atomically, so a crash leaves either no key or a whole one.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from acceptance_app.domain.problems import KnownError
from acceptance_app.fileio import atomic_write_bytes
from acceptance_app.storage.data_folder import DataFolder

KEY_FILE = Path("keys", "device.ed25519")


@dataclass(frozen=True)
class DeviceKey:
    private: Ed25519PrivateKey
    public_b64: str
    fingerprint: str
    path: Path


def public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint_of(public_b64: str) -> str:
    """Short enough to read out on the phone: 16 hex digits of the key's SHA-256, in groups of four."""
    digest = hashlib.sha256(base64.b64decode(public_b64)).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def _describe(private: Ed25519PrivateKey, path: Path) -> DeviceKey:
    public_b64 = base64.b64encode(public_bytes(private.public_key())).decode("ascii")
    return DeviceKey(private, public_b64, fingerprint_of(public_b64), path)


def device_key(folder: DataFolder) -> DeviceKey:
    """The device key, made on first use."""
    path = folder.root / KEY_FILE
    if path.exists():
        try:
            private = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (ValueError, TypeError, OSError) as error:
            raise KnownError("exchange.device_key_unreadable", path=str(path), detail=str(error)) from error
        if not isinstance(private, Ed25519PrivateKey):
            raise KnownError("exchange.device_key_unreadable", path=str(path), detail="not an Ed25519 key")
        return _describe(private, path)
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    atomic_write_bytes(path, pem)  # the temp file is made 0600 by mkstemp; the rename keeps the mode
    os.chmod(path, 0o600)
    return _describe(private, path)


def public_key_from_b64(public_b64: str) -> Ed25519PublicKey | None:
    """The key a manifest names, or None when it is not 32 bytes of base64."""
    try:
        raw = base64.b64decode(public_b64, validate=True)
        return Ed25519PublicKey.from_public_bytes(raw) if len(raw) == 32 else None
    except (ValueError, TypeError):
        return None

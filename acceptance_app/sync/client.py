"""The hub client (httpx): resumable chunked upload with a checked receipt, pull, the registration feed.

Every request is retried on network errors and 5xx/429 with bounded, jittered backoff (retry.Backoff).
A refusal by the hub (4xx with a code) is raised as KnownError(code) with ``permanent=True`` in its params'
sibling attribute, so the outbox can tell "try later" from "this package will never be accepted".
"""

from __future__ import annotations

import hashlib
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from acceptance_app.domain.problems import KnownError
from acceptance_app.fileio import atomic_writer
from acceptance_app.sync.retry import Backoff

CHUNK_SIZE = 4 * 1024 * 1024  # a cut costs at most one chunk; fewer, larger requests are ~20% faster than 1 MiB
TRANSIENT_STATUS = {408, 425, 429, 500, 502, 503, 504}


class HubRefused(KnownError):
    """The hub answered a 4xx with a code: retrying the same request cannot help."""

    def __init__(self, code: str, status: int, **params: Any) -> None:
        super().__init__(code, **params)
        self.status = status


class Unreachable(KnownError):
    def __init__(self, url: str, detail: str) -> None:
        super().__init__("sync.unreachable", url=url, detail=detail)


@dataclass(frozen=True)
class LocalPackage:
    """What the client knows of a package it sends, to check the receipt against."""

    package_id: str
    path: Path
    size: int
    sha256: str
    manifest_sha256: str
    files: tuple[tuple[str, str], ...]  # (path, sha256) from the local manifest


class HubClient:
    def __init__(self, base_url: str, token: str, *, backoff: Backoff | None = None, chunk_size: int = CHUNK_SIZE,
                 transport: httpx.BaseTransport | None = None, verify: bool | ssl.SSLContext = True,
                 timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.backoff = backoff or Backoff()
        self.chunk_size = chunk_size
        self.http = httpx.Client(base_url=self.base_url, headers={"Authorization": f"Bearer {token}"},
                                 transport=transport, verify=verify, timeout=timeout)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing ---------------------------------------------------------------------------------------------
    def request(self, method: str, url: str, *, accept: Iterable[int] = (), **kwargs: Any) -> httpx.Response:
        """One call, retried on network errors and transient statuses; a 4xx not in ``accept`` raises."""
        last = ""
        for attempt in range(self.backoff.max_attempts):
            try:
                response = self.http.request(method, url, **kwargs)
            except httpx.TransportError as error:  # refused, reset, cut mid-body, timed out
                last = f"{type(error).__name__}: {error}"
            else:
                if response.status_code < 400 or response.status_code in accept:
                    return response
                if response.status_code not in TRANSIENT_STATUS:
                    raise refusal(response, f"{method} {url}")
                last = f"HTTP {response.status_code}"
            if attempt + 1 < self.backoff.max_attempts:
                self.backoff.wait(attempt)
        raise Unreachable(self.base_url, last)

    def json(self, method: str, url: str, **kwargs: Any) -> Any:
        return self.request(method, url, **kwargs).json()

    # -- document numbers -------------------------------------------------------------------------------------
    def number_block(self, series: str, year: int, count: int, device: str) -> dict[str, Any]:
        """A block of serials of ``series`` for this laptop (services/document_numbers.request_blocks)."""
        return self.json("POST", "/numbers/blocks",
                         json={"series": series, "year": year, "count": count, "device": device})

    # -- account ----------------------------------------------------------------------------------------------
    def whoami(self) -> dict[str, Any]:
        return self.json("GET", "/account")

    def register_key(self, public_key: str) -> dict[str, Any]:
        return self.json("PUT", "/account/key", json={"public_key": public_key})

    # -- upload -----------------------------------------------------------------------------------------------
    def upload(self, package: LocalPackage, *, confirmed: Callable[[int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> dict[str, Any]:
        """Send the package from where the hub has it, commit it, and answer the receipt once it is checked.

        ``confirmed(offset)`` is called with every offset the hub confirmed (the outbox stores it)."""
        url = f"/packages/{package.package_id}"
        for _restart in range(3):  # a damaged partial upload is discarded by the hub: start again from 0
            state = self.json("GET", url)
            offset = int(state["offset"])
            if not state["committed"]:
                offset = self._send_chunks(package, url, offset, confirmed, cancelled)
            try:
                receipt = self.json("POST", f"{url}/commit", json={"size": package.size, "sha256": package.sha256})
            except HubRefused as error:
                if error.code == "hub.upload_mismatch":
                    continue
                raise
            check_receipt(package, receipt)
            return receipt
        raise KnownError("hub.upload_mismatch", package_id=package.package_id, size=0, expected=package.size)

    def _send_chunks(self, package: LocalPackage, url: str, offset: int,
                     confirmed: Callable[[int], None] | None, cancelled: Callable[[], bool] | None) -> int:
        with package.path.open("rb") as handle:
            while offset < package.size:
                if cancelled is not None and cancelled():
                    raise KnownError("sync.cancelled")
                handle.seek(offset)
                chunk = handle.read(self.chunk_size)
                response = self.request("PUT", url, params={"offset": offset}, content=chunk,
                                        headers={"Content-Type": "application/octet-stream"}, accept=(409,))
                body = response.json()
                if response.status_code == 409:
                    code = body.get("code")
                    if code == "hub.already_committed":  # another connection of ours finished it: commit
                        return package.size
                    if code == "hub.upload_mismatch":  # the chunk arrived short: ask where the hub stands
                        offset = int(self.json("GET", url)["offset"])
                    elif code == "hub.offset_mismatch":
                        offset = int(body["params"]["offset"])  # the hub has more (a lost answer) or less
                    else:
                        raise refusal(response, f"PUT {url}")
                else:
                    offset = int(body["offset"])
                if confirmed is not None:
                    confirmed(offset)
        return offset

    # -- pull -------------------------------------------------------------------------------------------------
    def list_packages(self, after: int = 0) -> dict[str, Any]:
        return self.json("GET", "/packages", params={"after": after})

    def download(self, package_id: str, sha256: str, target: Path) -> Path:
        """The package file, checked against the hash the listing gave; written atomically."""
        for attempt in range(self.backoff.max_attempts):
            try:
                return self._download_once(package_id, sha256, target)
            except httpx.TransportError:
                if attempt + 1 == self.backoff.max_attempts:
                    raise Unreachable(self.base_url, "download interrupted") from None
                self.backoff.wait(attempt)
        raise AssertionError("unreachable")

    def _download_once(self, package_id: str, sha256: str, target: Path) -> Path:
        digest = hashlib.sha256()
        url = f"/packages/{package_id}/file"
        with self.http.stream("GET", url) as response:
            if response.status_code >= 400:
                response.read()
                raise refusal(response, f"GET {url}")
            with atomic_writer(target) as out:
                for block in response.iter_bytes():
                    digest.update(block)
                    out.write(block)
                if digest.hexdigest() != sha256:
                    raise KnownError("sync.download_mismatch", package_id=package_id)
        return target

    # -- registration feed (the registry's side, used by its adapter and the tests) -----------------------------
    def registration_feed(self) -> list[dict[str, Any]]:
        return self.json("GET", "/registration/feed")["records"]

    def acknowledge(self, record_ids: list[str]) -> dict[str, Any]:
        return self.json("POST", "/registration/ack", json={"record_ids": record_ids})

    def registration_document(self, url: str) -> bytes:
        return self.request("GET", url).content


def refusal(response: httpx.Response, what: str) -> KnownError:
    try:
        body = response.json()
        return HubRefused(str(body["code"]), response.status_code, **dict(body.get("params") or {}))
    except (ValueError, KeyError, TypeError):
        return KnownError("sync.hub_error", status=response.status_code, what=what, detail=response.text[:200])


def check_receipt(package: LocalPackage, receipt: dict[str, Any]) -> None:
    """Nothing counts as sent unless the hub echoes this very package: id, manifest hash, every file's hash."""
    def mismatch(what: str) -> KnownError:
        return KnownError("sync.receipt_mismatch", package_id=package.package_id, what=what)

    if receipt.get("package_id") != package.package_id:
        raise mismatch("package_id")
    if receipt.get("manifest_sha256") != package.manifest_sha256:
        raise mismatch("manifest_sha256")
    if "package_sha256" in receipt and receipt["package_sha256"] != package.sha256:
        raise mismatch("package_sha256")
    echoed = sorted((str(f.get("path")), str(f.get("sha256"))) for f in receipt.get("files") or [])
    if echoed != sorted(package.files):
        raise mismatch("files")

"""Sync failures in the window's words (field trial item 16): what happened and what to do, never a CLI command,
an English exception or, for a sign-in, the outbox.

``explain`` maps the client's errors to codes whose text is written for the 同步 tab; ``retryable`` says whether
the window should try again by itself (the network, not a refusal); ``needs_sign_in`` whether to offer the
sign-in button instead.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from acceptance_app.domain.problems import KnownError

TLS_MARKERS = ("SSL", "CERTIFICATE", "TLS", "HANDSHAKE")
SIGN_IN_CODES = {"sync.no_hub", "sync.no_token", "sync_ui.sign_in", "hub.unauthorized", "sync_ui.token_refused"}


def _host(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc or url


def explain(error: BaseException, *, login: bool = False) -> BaseException:
    """The error to show: a sync_ui.* KnownError for what the window can say better, else ``error`` itself."""
    if not isinstance(error, KnownError):
        return error
    params = error.params
    if error.code in ("sync.no_hub", "sync.no_token"):
        return KnownError("sync_ui.sign_in")
    if error.code == "hub.unauthorized":
        return KnownError("sync_ui.token_refused")
    if error.code == "sync.unreachable":
        host, detail = _host(str(params.get("url", ""))), str(params.get("detail", "")).upper()
        if any(marker in detail for marker in TLS_MARKERS):
            return KnownError("sync_ui.tls", host=host)
        return KnownError("sync_ui.login_network" if login else "sync_ui.network_kept", host=host)
    return error


def retryable(error: BaseException) -> bool:
    """Worth trying again by itself: the network was down (a TLS mismatch or a refusal will not heal)."""
    return isinstance(error, KnownError) and error.code in ("sync_ui.network_kept", "sync.unreachable") and not any(
        marker in str(error.params.get("detail", "")).upper() for marker in TLS_MARKERS)


def needs_sign_in(error: BaseException) -> bool:
    return isinstance(error, KnownError) and error.code in SIGN_IN_CODES


def is_plain_http(url: str) -> bool:
    """A token sent over plain http can be read by anyone on the network: the window asks first."""
    return urlsplit(url.strip()).scheme.lower() == "http"

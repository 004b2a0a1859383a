"""Running the hub: uvicorn on the given address, with TLS when a certificate and key are given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from acceptance_app.domain.problems import KnownError


def serve(db_url: str, *, host: str = "127.0.0.1", port: int = 8765, files: Path | None = None,
          tls_cert: Path | None = None, tls_key: Path | None = None, opinion_reader: Any = None) -> None:
    import uvicorn

    from acceptance_app.hub.app import create_app

    if (tls_cert is None) != (tls_key is None):
        raise KnownError("hub.tls_pair")
    for path in (tls_cert, tls_key):
        if path is not None and not path.is_file():
            raise KnownError("hub.tls_missing", path=str(path))
    app = create_app(db_url, files, opinion_reader)  # migrates the database before the first request
    uvicorn.run(app, host=host, port=port, log_level="info",
                ssl_certfile=str(tls_cert) if tls_cert else None, ssl_keyfile=str(tls_key) if tls_key else None)

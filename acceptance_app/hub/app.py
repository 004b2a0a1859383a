"""The hub application: ``create_app(db_url, files)`` migrates the database and mounts the routes."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.responses import JSONResponse

from acceptance_app.domain.problems import KnownError
from acceptance_app.hub import account_api, numbers_api, packages_api, registration_api
from acceptance_app.hub.db import open_hub_database
from acceptance_app.hub.registration_check import OpinionReader
from acceptance_app.hub.store import PackageStore
from acceptance_app.hub.web import known_error_response

API_VERSION = "1"


def default_files_dir(db_url: str) -> Path:
    """Package files next to a SQLite database; for a server database, ./hub-files unless told otherwise."""
    from sqlalchemy.engine import make_url

    from acceptance_app.hub.db import normalise_url

    url = make_url(normalise_url(db_url))
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).with_name(Path(url.database).name + ".files")
    return Path.cwd() / "hub-files"


def create_app(db_url: str, files: Path | None = None, opinion_reader: OpinionReader | None = None) -> FastAPI:
    """``opinion_reader`` verifies the signed opinions behind registration records (services.hub_opinions);
    without it the hub accepts no registration record."""
    engine, sessions = open_hub_database(db_url)
    app = FastAPI(
        title="acceptance_app hub", version=API_VERSION, docs_url=None, redoc_url=None,
        description="Exchange packages between inspectors' laptops; the registration feed (验登合一). "
                    "See docs/HUB-API.md.",
    )
    app.state.engine = engine
    app.state.sessions = sessions
    app.state.opinion_reader = opinion_reader
    app.state.partial_quota = packages_api.MAX_PARTIAL_PER_ACCOUNT
    app.state.store = PackageStore(files or default_files_dir(db_url))
    app.state.store.sweep_partials()
    app.add_exception_handler(KnownError, known_error_response)
    for module in (account_api, packages_api, registration_api, numbers_api):
        app.include_router(module.router)

    @app.get("/health", tags=["meta"], summary="Liveness: the database answers (503 when it does not)")
    def health() -> JSONResponse:
        try:
            with sessions() as session:
                session.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError as error:
            return JSONResponse({"status": "database_unavailable", "api": API_VERSION,
                                 "detail": type(error).__name__}, status_code=503)
        return JSONResponse({"status": "ok", "api": API_VERSION})

    return app

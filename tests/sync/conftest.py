"""Fixtures of the sync tests: the hub's database on SQLite and on PostgreSQL (one throwaway cluster per test
session), and a live hub over a real socket."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.hub_support import LiveHub
from tests.sync.postgres_cluster import Cluster


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    cluster = Cluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def hub_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    return request.getfixturevalue("postgres_cluster").new_database()


@pytest.fixture
def hub(hub_db_url: str, tmp_path: Path) -> Iterator[LiveHub]:
    live = LiveHub(hub_db_url, tmp_path / "hub-files")
    yield live
    live.close()

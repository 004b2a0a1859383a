"""The application context: built once, handed to the CLI and the window, and the source of what services read
(data folder, settings) through their session."""

from __future__ import annotations

import threading

from acceptance_app.context import AppContext
from acceptance_app.settings import Settings, load_settings
from acceptance_app.storage.db import data_folder_of, settings_of


def test_the_database_is_opened_once_even_when_asked_from_two_threads(tmp_path):
    context = AppContext.open(tmp_path / "data", "en")
    try:
        assert not context.database_open  # nothing opened until asked: the window paints first
        seen = []
        threads = [threading.Thread(target=lambda: seen.append(context.database())) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len({id(database) for database in seen}) == 1
    finally:
        context.close()


def test_sessions_carry_the_folder_and_the_settings_of_the_context(tmp_path):
    context = AppContext.open(tmp_path / "data", "zh_CN")
    try:
        database = context.database()
        with database.session() as session:
            assert data_folder_of(session) == context.folder
            assert settings_of(session) is context.settings
        context.update_settings(Settings(photo_watermark=True, inspector_name="张检查"))
        with database.session() as session:  # a setting changed in the window reaches the next use case
            assert settings_of(session).photo_watermark
        assert load_settings(context.folder.root).photo_watermark  # and the file
    finally:
        context.close()

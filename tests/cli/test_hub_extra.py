"""The hub's server stack is the [hub] extra: without it, `hub` commands say what to install."""

from __future__ import annotations

from acceptance_app.cli import main


def test_hub_serve_without_the_hub_extra_names_what_to_install(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "fastapi", None)  # as on a laptop install: not importable
    code = main(["--data-dir", str(tmp_path), "hub", "serve", "--db", f"sqlite:///{tmp_path / 'hub.sqlite3'}"])
    assert code == 2
    err = capsys.readouterr().err
    assert "fastapi" in err and 'pip install "acceptance_app[hub]"' in err
    assert not (tmp_path / "hub.sqlite3").exists()

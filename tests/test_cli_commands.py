"""The command table the CLI uses to import only the module a command needs matches what the modules register."""

from __future__ import annotations

import argparse
import importlib

from acceptance_app.cli import COMMANDS, _modules_for


def test_each_module_registers_exactly_its_listed_commands() -> None:
    for module, commands in COMMANDS.items():
        parser = argparse.ArgumentParser()
        subparsers = parser.add_subparsers()
        importlib.import_module(f"acceptance_app.cli.{module}").register(subparsers)
        assert set(subparsers.choices) == set(commands), module


def test_the_command_word_picks_one_module() -> None:
    assert _modules_for(["--data-dir", "projects", "opinion", "render"]) == ("documents",)  # a folder named so
    assert _modules_for([]) == ("gui",)
    assert _modules_for(["--lang", "en", "--help"]) == tuple(COMMANDS)
    assert _modules_for(["no-such-command"]) == tuple(COMMANDS)  # argparse then names the valid choices

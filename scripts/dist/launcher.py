"""The frozen build's entry script (PyInstaller needs a script, not a package's __main__)."""

import multiprocessing
import os
import sys

if __name__ == "__main__":
    # First thing: in a spawned pool worker of the frozen build this runs the worker and exits, before the app
    # imports anything (without it each worker would start the whole command line again: BrokenProcessPool).
    multiprocessing.freeze_support()
    # The Windows GUI executable (console=False) starts with sys.stdout and sys.stderr set to None (PyInstaller's
    # windowed mode, as pythonw): give them a sink so nothing that writes a line (a library's warning) fails.
    for stream in ("stdout", "stderr"):
        if getattr(sys, stream) is None:
            setattr(sys, stream, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (for the process's life)
    from acceptance_app.cli import run

    run()

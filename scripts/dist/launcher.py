"""The frozen build's entry script (PyInstaller needs a script, not a package's __main__)."""

import multiprocessing

if __name__ == "__main__":
    # First thing: in a spawned pool worker of the frozen build this runs the worker and exits, before the app
    # imports anything (without it each worker would start the whole command line again: BrokenProcessPool).
    multiprocessing.freeze_support()
    from acceptance_app.cli import run

    run()

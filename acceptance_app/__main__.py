import multiprocessing

if __name__ == "__main__":  # not when a spawned helper process imports the parent's main module
    # A no-op in a plain interpreter; in a frozen build a spawned pool worker runs here and exits (the frozen
    # entry script, scripts/dist/launcher.py, does the same).
    multiprocessing.freeze_support()
    from acceptance_app.cli import run

    run()

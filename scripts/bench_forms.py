#!/usr/bin/env python3
"""Issue 3 figure for the shipped checklist data: `forms check` of all shipped forms (goal: at most 1 s).

    python scripts/bench_forms.py [--runs 5]

1. In process: `check_paths([forms/])` (YAML with line numbers, schema, semantic checks) and `load_library`,
   median of N runs, each as a ratio to a plain baseline measured in the same run: loading the same files with
   PyYAML's C loader (no line numbers, no checks).
2. As the user runs it: `python -m acceptance_app forms check` wall time, median of N, as a ratio to the start of
   a bare `python -c "import yaml"` process.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchtime import median_seconds  # noqa: E402

from acceptance_app.storage.forms.loader import check_paths, load_library  # noqa: E402

FORMS = ROOT / "forms"



def _plain_load() -> None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted(FORMS.rglob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def _process(args: list[str]) -> None:
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    library = load_library(FORMS)
    items = sum(len(form.items) for form in library.forms.values())
    print(f"shipped forms: {len(library.forms)} disciplines, {items} items")
    problems = check_paths([FORMS])
    assert not problems, problems
    baseline = median_seconds(_plain_load, runs)
    check = median_seconds(lambda: check_paths([FORMS]), runs)
    load = median_seconds(lambda: load_library(FORMS), runs)
    print(f"baseline: plain C-YAML load of the same files: {baseline * 1000:.0f} ms")
    print(f"forms check (in process): {check * 1000:.0f} ms  ratio {check / baseline:.1f}x")
    print(f"load_library (in process): {load * 1000:.0f} ms  ratio {load / baseline:.1f}x")
    bare = median_seconds(lambda: _process(["-c", "import yaml"]), runs)
    cli = median_seconds(lambda: _process(["-m", "acceptance_app", "forms", "check"]), runs)
    print(f"baseline: bare python process importing yaml: {bare * 1000:.0f} ms")
    print(
        f"python -m acceptance_app forms check: {cli * 1000:.0f} ms  ratio {cli / bare:.1f}x  (goal <= 1000 ms)"
    )


if __name__ == "__main__":
    main()

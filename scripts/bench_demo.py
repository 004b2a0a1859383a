"""How long `demo` takes (issue 15: under 10 s), as a user runs it: a new process on an empty data folder.

Baseline in the same run: `projects list` on an empty data folder (process start, imports, an empty database),
so the ratio says what the demo itself costs on this machine, whatever its load.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from benchtime import median_seconds

RUNS = 3


def _cli(*args: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        # Every record names its maker: the CLI refuses to write without an actor.
        subprocess.run([sys.executable, "-m", "acceptance_app", "--data-dir", str(Path(folder) / "d"),
                        "--actor", "基准测试", *args], check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    plain = median_seconds(lambda: _cli("projects", "list"), RUNS)
    demo = median_seconds(lambda: _cli("demo"), RUNS)
    print(f"demo (median of {RUNS}): {demo:.2f} s; baseline `projects list` on an empty folder: {plain:.2f} s; "
          f"ratio {demo / plain:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Issue 18 figures: the frozen build's size, and its first and later starts against `python -m acceptance_app`.

    python scripts/bench_dist.py [--runs 5] [--first-runs 3]      (after `make dist`)

1. Sizes: the bundle unpacked (dist/acceptance-app), the tarball and the .deb (compressed), the installed size
   (the .deb's Installed-Size).
2. Starts, `gui --smoke-test` (spawn -> first paint of the main window, and -> ready: database open, runner
   attached), interleaved so machine load falls on both alike:
   - first start after install: frozen = the tarball unpacked into a new folder, run with a new HOME (no font
     cache, no fontconfig user cache, no data folder: the database is created); python = the checkout's
     `python -m acceptance_app` with a new HOME and a new PYTHONPYCACHEPREFIX (nothing byte-compiled yet, as
     after an install that did not compile);
   - later starts: the same HOME (and pycache) again.
   Ratio: frozen / python, medians. The platform is the environment's QT_QPA_PLATFORM (offscreen under
   `make bench`; run under xvfb-run without it for a real X11 window and the splash time).
The page cache is warm (the files were just written); nothing here can drop it on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from acceptance_app import __version__  # noqa: E402

BUNDLE = ROOT / "dist" / "acceptance-app"
TARBALL = ROOT / "dist" / f"acceptance-app-{__version__}-linux-x86_64.tar.gz"
DEB = ROOT / "dist" / f"acceptance-app_{__version__}_amd64.deb"


def mb(size: float) -> str:
    return f"{size / 1e6:.1f} MB"


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def sizes() -> None:
    print(f"bundle unpacked (dist/acceptance-app): {mb(tree_size(BUNDLE))}")
    print(f"tarball (gzip): {mb(TARBALL.stat().st_size)}   .deb (xz): {mb(DEB.stat().st_size)}")
    installed = subprocess.run(["dpkg-deb", "-f", str(DEB), "Installed-Size"], capture_output=True, text=True,
                               check=True).stdout.strip()
    print(f"installed size (.deb Installed-Size): {mb(int(installed) * 1024)}")


def start(cmd: list[str], home: Path, extra: dict[str, str] | None = None) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "DISPLAY", "XAUTHORITY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(home), ACCEPTANCE_APP_SPAWN_TIME=repr(time.time()), **(extra or {}))
    out = subprocess.run([*cmd, "gui", "--smoke-test"], env=env, capture_output=True, text=True, check=True,
                         cwd=home).stdout
    return {k: float(v) for k, v in (line.split(": ") for line in out.splitlines() if line.endswith(tuple("0123456789")))
            if k.endswith("-seconds")}


def report(label: str, samples: list[dict[str, float]]) -> dict[str, float]:
    medians = {k: statistics.median(s[k] for s in samples) for k in samples[0]}
    shown = "  ".join(f"{k.replace('-seconds', '')} {v:.2f} s" for k, v in sorted(medians.items()))
    print(f"  {label:<34} {shown}   (n={len(samples)})")
    return medians


def starts(runs: int, first_runs: int) -> None:
    frozen_first, python_first, frozen_later, python_later = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="bench-dist-") as tmp:
        root = Path(tmp)
        for n in range(first_runs):
            install = root / f"install-{n}"
            with tarfile.open(TARBALL) as tar:
                tar.extractall(install, filter="tar")
            exe = next(install.glob("acceptance-app-*/acceptance-app"))
            for variant, cmd, pycache in (("frozen", [str(exe)], None),
                                          ("python", [sys.executable, "-m", "acceptance_app"], root / f"pyc-{n}")):
                home = root / f"home-{variant}-{n}"
                home.mkdir()
                extra = {"PYTHONPYCACHEPREFIX": str(pycache), "PYTHONPATH": str(ROOT)} if pycache else None
                (frozen_first if variant == "frozen" else python_first).append(start(cmd, home, extra))
                if n == 0:  # later starts: the first install's HOME again
                    for _ in range(runs):
                        (frozen_later if variant == "frozen" else python_later).append(start(cmd, home, extra))
    print(f"starts ({os.environ.get('QT_QPA_PLATFORM') or 'xcb'}; medians; machine shared with other work):")
    ff = report("frozen, first start after install", frozen_first)
    pf = report("python -m, first start (no .pyc)", python_first)
    fl = report("frozen, later starts", frozen_later)
    pl = report("python -m, later starts", python_later)
    for what, frozen, python in (("first start", ff, pf), ("later starts", fl, pl)):
        ratios = "  ".join(f"{k.replace('-seconds', '')} {frozen[k] / python[k]:.2f}x" for k in sorted(frozen)
                           if k in python)
        print(f"  frozen / python, {what}: {ratios}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--first-runs", type=int, default=3)
    args = parser.parse_args()
    if not (BUNDLE.is_dir() and TARBALL.is_file() and DEB.is_file()):
        print("bench_dist: skipped, no frozen build here (run `make dist` first)")
        return 0
    if not shutil.which("dpkg-deb"):
        print("bench_dist: skipped, needs dpkg-deb")
        return 0
    sizes()
    starts(args.runs, args.first_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())

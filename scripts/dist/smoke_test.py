"""The frozen build's smoke test: run a built executable as an inspector would, far from the repository.

    python scripts/dist/smoke_test.py dist/acceptance-app/acceptance-app     # the bundle
    python scripts/dist/smoke_test.py /usr/bin/acceptance-app                # the installed .deb

Each run gets a new folder outside the repository as its working directory and HOME (so the data folder is the
default one a new user gets), and an environment without the developer's Python (no PYTHONPATH, no venv). Steps:
``--version``, ``demo``, ``forms check``, ``photos import`` of three camera-like JPEGs (EXIF, GPS, rotated: the
import decodes them on a spawn pool, which dies with BrokenProcessPool in a frozen build without
``freeze_support``), ``opinion render`` (ReportLab, its QR encoder and the bundled font), ``identities training``
+ ``sign`` + ``verify`` (pyHanko; and a tampered copy must fail), ``gui --smoke-test`` (Qt, the xcb platform
under Xvfb when there is one). Prints each step's seconds; exits 1 at the first failure with the command's
output. Driven by the development venv's Python (it makes the photos with Pillow); the app runs frozen.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from acceptance_app import __version__  # noqa: E402
from tests.photo_samples import jpeg  # noqa: E402

KEEP_ENV = ("PATH", "LANG", "LC_ALL", "TZ", "DISPLAY", "XAUTHORITY", "TMPDIR",
            "SYSTEMROOT", "WINDIR", "TEMP", "TMP", "COMSPEC", "PATHEXT")  # the last ones: Windows needs them
WINDOWS = sys.platform == "win32"


def default_data_folder(home: Path) -> Path:
    """Where a new user's data folder is (platformdirs' user data folder under the fresh home)."""
    if WINDOWS:
        return home / "AppData" / "Local" / "acceptance_app"
    return home / ".local" / "share" / "acceptance_app"


class SmokeFailure(Exception):
    pass


class Runner:
    def __init__(self, exe: Path, work: Path, gui_wrapper: list[str]) -> None:
        self.exe, self.work, self.gui_wrapper = exe, work, gui_wrapper
        self.env = {k: v for k, v in os.environ.items() if k in KEEP_ENV}
        self.env["HOME"] = str(work / "home")
        if WINDOWS:  # platformdirs reads these there, not HOME
            self.env["USERPROFILE"] = str(work / "home")
            self.env["LOCALAPPDATA"] = str(work / "home" / "AppData" / "Local")
            self.env["APPDATA"] = str(work / "home" / "AppData" / "Roaming")
        self.env.setdefault("PATH", "/usr/bin:/bin")
        # Every record names the person who made it: the CLI refuses to write for nobody.
        self.env["ACCEPTANCE_APP_ACTOR"] = "冒烟测试 S-001"
        (work / "home").mkdir()
        self.timings: list[tuple[str, float]] = []

    def run(self, label: str, *args: str, expect: int = 0, wrapper: list[str] | None = None,
            env: dict[str, str] | None = None) -> str:
        command = [*(wrapper or []), str(self.exe), *args]
        started = time.perf_counter()
        done = subprocess.run(command, cwd=self.work, env={**self.env, **(env or {})}, capture_output=True,
                              text=True, timeout=300, check=False)
        seconds = time.perf_counter() - started
        self.timings.append((label, seconds))
        print(f"  {label:<28} {seconds:6.2f} s  exit {done.returncode}", flush=True)
        if done.returncode != expect:
            raise SmokeFailure(f"{label}: exit {done.returncode}, expected {expect}\n$ {' '.join(command)}\n"
                               f"--- stdout\n{done.stdout[-4000:]}\n--- stderr\n{done.stderr[-4000:]}")
        return done.stdout


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def check_contents(exe: Path) -> None:
    """What the bundle must carry and must not: modules loaded by name, and the hub's server stack."""
    internal = exe.resolve().parent / "_internal"
    have = {p.name.split(".")[0] for p in internal.iterdir()}
    _check("_rl_accel" in have, "ReportLab's C accelerator (_rl_accel) is missing from the bundle")
    # ReportLab's barcode modules are in the archive, not on disk: `opinion render` (its QR code) checks them.
    unwanted = sorted({"fastapi", "uvicorn", "starlette", "psycopg", "qrcode", "pytest"} & have)
    _check(not unwanted, f"the laptop bundle carries {unwanted}")
    qt = internal / "PySide6" / "Qt" / "lib"
    unused_qt = sorted(p.name for p in qt.glob("libQt6*") if any(m in p.name for m in ("Qml", "Quick", "Pdf")))
    _check(not unused_qt, f"Qt modules the app does not use are in the bundle: {unused_qt}")


def smoke(exe: Path, work: Path) -> list[tuple[str, float]]:
    check_contents(exe)
    xvfb = None if WINDOWS else shutil.which("xvfb-run")
    gui = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24"] if xvfb else []
    r = Runner(exe, work, gui)
    data = default_data_folder(work / "home")

    version = r.run("--version", "--version").strip()
    _check(version == __version__, f"--version printed {version!r}, expected {__version__!r}")

    ids = r.run("demo", "demo").split()
    _check(len(ids) == 2 and (data / "acceptance.sqlite3").is_file(),
           f"demo: expected two project ids and the database in the default data folder {data}, got {ids}")
    first, concluded = ids

    out = r.run("forms check", "forms", "check")
    _check("没有问题" in out, f"forms check: {out!r}")

    units = json.loads(r.run("units list", "units", "list", "--project", first, "--json"))
    photos = work / "photos"
    photos.mkdir()
    for n, orientation in enumerate((1, 6, 3)):
        jpeg(photos / f"IMG_{n:04d}.JPG", orientation=orientation)
    imported = json.loads(r.run("photos import (pool)", "photos", "import", "--unit", units[0]["id"],
                                str(photos), "--json"))
    _check([p["outcome"] for p in imported] == ["imported"] * 3, f"photos import: {imported}")
    shown = r.run("photos list", "photos", "list", "--unit", units[0]["id"])
    _check(shown.count("IMG_") >= 3, f"photos list does not show the imported photos: {shown!r}")

    # 二期's 7# is still in rectification, so the whole project has no opinion yet; 6# is accepted on its own.
    ready_units = json.loads(r.run("units list (二期)", "units", "list", "--project", concluded, "--json"))
    alone = next(u["id"] for u in ready_units if u["data"]["accepted_alone"])
    opinion = work / "opinion.pdf"
    out = r.run("opinion render", "opinion", "render", "--project", concluded, "--unit", alone, "--out", str(opinion))
    _check(opinion.read_bytes()[:5] == b"%PDF-" and "济联验" in out, f"opinion render: {out!r}")
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(opinion)], capture_output=True, text=True, check=True).stdout
        _check("NotoSansSC" in fonts and " yes yes " in fonts, f"opinion fonts not embedded:\n{fonts}")

    secret = work / "secret.txt"
    secret.write_text("smoke-test-secret\n", encoding="utf-8")
    before = set((data / "identities").glob("*.p12"))
    r.run("identities training", "identities", "training", "--person", "冒烟测试", "--department", "housing",
          "--password-file", str(secret))
    made = set((data / "identities").glob("*.p12")) - before
    _check(len(made) == 1, f"identities training made {made}")
    signed = work / "signed.pdf"
    r.run("sign", "sign", str(opinion), "--field", "sig_1", "--pkcs12", str(made.pop()),
          "--password-file", str(secret), "--out", str(signed))
    ca = data / "identities" / "training-ca.pem"
    report = json.loads(r.run("verify", "verify", str(signed), "--json", "--allow-unsigned", "--trust", str(ca)))
    sig = report["signatures"][0]
    _check(sig["field"] == "sig_1" and sig["intact"] and sig["valid"] and sig["signer"].startswith("冒烟测试"),
           f"verify: {sig}")
    tampered = work / "tampered.pdf"
    body = bytearray(signed.read_bytes())
    at = body.index(b"/Producer") if b"/Producer" in body else len(body) // 3
    body[at + 1] ^= 0x01
    tampered.write_bytes(bytes(body))
    r.run("verify (tampered: exit 3)", "verify", str(tampered), "--allow-unsigned", "--trust", str(ca), expect=3)

    out = r.run("gui --smoke-test", "gui", "--smoke-test", wrapper=gui,
                env=None if xvfb else {"QT_QPA_PLATFORM": "offscreen"})
    _check("first-paint-seconds:" in out and "ready-seconds:" in out, f"gui --smoke-test printed {out!r}")
    return r.timings


def main() -> int:
    parser = argparse.ArgumentParser(description="smoke test of a frozen acceptance_app executable")
    parser.add_argument("exe", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the work folder (printed)")
    args = parser.parse_args()
    exe = args.exe if args.exe.is_absolute() else (Path.cwd() / args.exe)
    work = Path(tempfile.mkdtemp(prefix="acceptance-smoke-"))  # outside the repository: /tmp
    print(f"smoke test of {exe} in {work}", flush=True)
    try:
        timings = smoke(exe, work)
    except SmokeFailure as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"smoke test passed: {len(timings)} steps, {sum(t for _, t in timings):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

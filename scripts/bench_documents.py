"""Benchmark of the documents (issue 5). Prints each figure and its ratio to a plain baseline run the same way.

1. A rectification notice with 400 photos in its annex (the opinion carries none since issue 14) vs a plain
   ReportLab script placing the same 400 display JPEGs 4 a page (goal <= 1.3x), and the peak memory of each
   (goal <= 400 MB); each run is a fresh subprocess that reports resource.getrusage's ru_maxrss.
2. A one-unit opinion without photos through the CLI, process start included (goal <= 1 s), vs a process that
   renders a one-page plain ReportLab PDF with the same font. The CLI renders in its helper process
   (reports/rendering.py), so this is the wall time a user waits for, on both cores.

The photos carry a content key, as the app's do (the original's sha256 and the rendering's key, known from the
database), so the manifest does not hash their files. The VM this was tuned on is noisy (the same command varies
by up to 40 % between runs): use --runs 9 or more and read the medians.

    python scripts/bench_documents.py [--photos 400] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

CHILD_OPINION = r"""
import json, resource, sys, time
from datetime import date
from pathlib import Path
sys.path.insert(0, {root!r})
from acceptance_app.reports.inputs import *
from acceptance_app.reports.notices import RectificationRenderer
photos = [Path(p) for p in json.load(open({listing!r}))]
project = ProjectFacts("基准项目", "2023-370112-47-01-258316", "", "济南市", "", "")
# 4 photos a finding, as a site inspector takes them; content_key: the app names each photo by its original's
# sha256 and rendering key, known from the database
findings = tuple(
    FindingLine("XF-05-2 消防验收", f"{{n}}#住宅楼B1层防火卷帘下降不到底，距地面0.35 m，不符合GB 50877-2014第5.2.2条",
                "B 关键项", "施工单位 山东鲁建第三建设集团有限公司", "2026年12月20日", f"{{n}}#住宅楼",
                tuple(PhotoInput(p, "XF-05-2 防火卷帘", "2026-11-20 10:12", "N36.68 E117.06", "张伟", f"sha256:{{p.stem}}")
                      for p in photos[n * 4:(n + 1) * 4]))
    for n in range(len(photos) // 4))
data = RectificationInput("济联验整〔2026〕12号", date(2026, 11, 25), "济南市住房和城乡建设局", project,
    "济南泉华置业有限公司", findings, (Signer("济南市住房和城乡建设局", "王建华", True),), "2026年12月20日")
start = time.perf_counter()
result = RectificationRenderer(data).render(Path({out!r}))
print(json.dumps({{"seconds": time.perf_counter() - start, "pages": result.pages,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""

CHILD_PLAIN = r"""
import json, resource, time
from reportlab import rl_config
rl_config.useA85 = 0
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
photos = json.load(open({listing!r}))
start = time.perf_counter()
canvas = Canvas({out!r}, pagesize=A4)
w, h = 80 * mm, 60 * mm
for i, path in enumerate(photos):
    slot = i % 4
    canvas.drawImage(path, 25 * mm + (slot % 2) * 85 * mm, A4[1] - 90 * mm - (slot // 2) * 110 * mm, w, h,
                     preserveAspectRatio=True)
    if slot == 3:
        canvas.showPage()
canvas.save()
print(json.dumps({{"seconds": time.perf_counter() - start,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""

CHILD_ONE_PAGE = r"""
import sys
sys.path.insert(0, {root!r})
from acceptance_app import locator
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Paragraph
from reportlab.lib.styles import ParagraphStyle
pdfmetrics.registerFont(TTFont("F", str(locator.font_path())))
SimpleDocTemplate({out!r}).build([Paragraph("联合验收意见书 泉华苑住宅小区", ParagraphStyle("s", fontName="F"))])
"""


def make_photos(folder: Path, count: int) -> list[str]:
    """Distinct 1600x1200 display JPEGs (q85), as the photos feature stores them."""
    from PIL import Image, ImageDraw, ImageFilter

    # Smoothed noise compresses like a site photo (about 0.3 MB at q85), unlike raw noise (1 MB).
    base = Image.effect_noise((1600, 1200), 60).convert("RGB").filter(ImageFilter.GaussianBlur(2))
    paths = []
    for n in range(count):
        image = base.copy()
        ImageDraw.Draw(image).rectangle((n, n, 400 + n, 300 + n), outline=(n % 255, 90, 200), width=9)
        path = folder / f"photo{n:04d}.jpg"
        image.save(path, quality=85)
        paths.append(str(path))
    return paths


def run_child(code: str) -> dict:
    output = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def timed_process(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, capture_output=True, check=True)
    return time.perf_counter() - start


def one_unit_folder(folder: Path) -> str:
    """A data folder with a one-unit project whose four disciplines are concluded."""
    code = f"""
import sys, uuid
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from acceptance_app.domain.entities import PartyData, UnitData
from acceptance_app.domain.enums import *
from acceptance_app.services import projects
from acceptance_app.demo.project import DEMO_PARTIES, DEMO_PROJECT
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.db import open_database
from acceptance_app.storage.models import Inspection
from datetime import date
from acceptance_app.domain.procedure import Stage
from acceptance_app.services import timeline
from acceptance_app.services.documents import numbers as document_numbers
db = open_database(DataFolder(Path({str(folder)!r})))
with db.session() as s, s.begin():
    pid, _ = projects.create_project(s, DEMO_PROJECT)
    for party in DEMO_PARTIES:
        projects.add_party(s, pid, party)
    uid, _ = projects.add_unit(s, pid, UnitData("1#住宅楼", "1", area_above=12876.42, area_below=1320.56,
                               storeys_above=18, storeys_below=2, height=54.9))
    s.flush()
    for d in (Discipline.PLANNING, Discipline.FIRE, Discipline.ARCHIVE):
        s.add(Inspection(unit_id=uid, discipline=d, kind=InspectionKind.FORMAL, status=InspectionStatus.COMPLETED,
                         verdict=Verdict.PASSED))
    document_numbers.grant_block(s, "济联验", date.today().year, document_numbers.device_of(s), 500)
    for stage, day, ref in ((Stage.APPLIED, date(2026, 11, 2), ""), (Stage.ACCEPTED, date(2026, 11, 3), "SL-1"),
                            (Stage.SITE, date(2026, 11, 20), "")):
        timeline.record_stage(s, pid, stage, day, reference=ref)
print(pid)
"""
    return subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=400)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        photos = make_photos(tmp, args.photos)
        listing = tmp / "photos.json"
        listing.write_text(json.dumps(photos))
        opinion, plain = [], []
        for run in range(args.runs):
            opinion.append(run_child(CHILD_OPINION.format(root=str(ROOT), listing=str(listing),
                                                          out=str(tmp / f"opinion{run}.pdf"))))
            plain.append(run_child(CHILD_PLAIN.format(listing=str(listing), out=str(tmp / f"plain{run}.pdf"))))
        o_time = statistics.median(r["seconds"] for r in opinion)
        p_time = statistics.median(r["seconds"] for r in plain)
        o_mem, p_mem = max(r["maxrss_mb"] for r in opinion), max(r["maxrss_mb"] for r in plain)
        print(f"rectification notice, {args.photos} photos ({opinion[0]['pages']} pages): {o_time:.2f} s "
              f"(median of {args.runs})")
        print(f"plain ReportLab, the same {args.photos} JPEGs 4 a page:          {p_time:.2f} s")
        print(f"  ratio {o_time / p_time:.2f}x (goal <= 1.3x)")
        print(f"peak memory: notice {o_mem:.0f} MB, plain {p_mem:.0f} MB, ratio {o_mem / p_mem:.2f}x (goal <= 400 MB)")
        print(f"  PDF sizes: notice {(tmp / 'opinion0.pdf').stat().st_size / 1e6:.1f} MB, "
              f"plain {(tmp / 'plain0.pdf').stat().st_size / 1e6:.1f} MB")

        data = tmp / "data"
        project = one_unit_folder(data)
        database = data / "acceptance.sqlite3"
        cli, base = [], []
        for run in range(args.runs):
            with sqlite3.connect(database) as conn:  # a content change, so every run renders a new version
                conn.execute("UPDATE projects SET location = ?", (f"济南市历城区 第{run}次",))
            cli.append(timed_process([PY, "-m", "acceptance_app", "--data-dir", str(data), "--actor", "基准", "opinion", "render",
                                      "--project", project, "--out", str(tmp / "one.pdf")]))
            base.append(timed_process([PY, "-c", CHILD_ONE_PAGE.format(root=str(ROOT), out=str(tmp / "b.pdf"))]))
        c_time, b_time = statistics.median(cli), statistics.median(base)
        print(f"one-unit opinion via CLI, process start included: {c_time:.2f} s (goal <= 1 s); "
              f"{min(cli):.2f}-{max(cli):.2f} s over {args.runs} runs")
        print(f"plain ReportLab one-page process with the same font: {b_time:.2f} s, ratio {c_time / b_time:.2f}x")


if __name__ == "__main__":
    main()

"""Benchmark of issuing beside field work (issue 14): how long an answer takes to commit while a 400-photo
rectification notice renders, as in the window (the render in the helper process, asked from a pool thread; the
answer on the writer thread), against the same answers with nothing rendering (the baseline, same run) and with
the render in a thread of the same process (what the window did before). Goal: the answers commit within 50 ms
while the notice renders.

    python scripts/bench_issuing.py [--photos 400] [--answers 40]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_documents import make_photos  # noqa: E402


def notice(photos: list[str]):  # type: ignore[no-untyped-def]
    from acceptance_app.reports.inputs import (
        FindingLine,
        PhotoInput,
        ProjectFacts,
        RectificationInput,
        Signer,
    )

    paths = [Path(p) for p in photos]
    findings = tuple(
        FindingLine("XF-05-2 消防验收", f"{n}#住宅楼B1层防火卷帘下降不到底，距地面0.35 m，不符合GB 50877-2014第5.2.2条",
                    "B 关键项", "施工单位 山东鲁建第三建设集团有限公司", "2026年12月20日", f"{n}#住宅楼",
                    tuple(PhotoInput(p, "XF-05-2 防火卷帘", "2026-11-20 10:12", "N36.68 E117.06", "张伟",
                                     f"sha256:{p.stem}") for p in paths[n * 4:(n + 1) * 4]))
        for n in range(len(paths) // 4))
    return RectificationInput("济联验整〔2026〕12号", date(2026, 11, 25), "济南市住房和城乡建设局",
                              ProjectFacts("基准项目", "2023-370112-47-01-258316", "", "济南市", "", ""),
                              "济南泉华置业有限公司", findings, (Signer("济南市住房和城乡建设局", "王建华", True),),
                              "2026年12月20日")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=400)
    parser.add_argument("--answers", type=int, default=40)
    args = parser.parse_args()
    import sqlalchemy as sa

    from acceptance_app.demo.project import create_demo_project
    from acceptance_app.domain.checklists.answers import AnswerInput
    from acceptance_app.domain.enums import DocumentType, InspectionStatus, ItemVerdict
    from acceptance_app.reports.rendering import RenderHelper, render_file
    from acceptance_app.services.checklists import inspections as checklists
    from acceptance_app.storage.data_folder import DataFolder
    from acceptance_app.storage.db import open_database
    from acceptance_app.storage.models import Inspection

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        data = notice(make_photos(tmp, args.photos))
        database = open_database(DataFolder(tmp / "data").ensure())
        with database.session() as s, s.begin():
            create_demo_project(s)
        with database.session() as s:
            inspection = s.scalars(sa.select(Inspection).where(Inspection.status == InspectionStatus.IN_PROGRESS)).first()
            assert inspection is not None
            inspection_id = inspection.id
            # the unit's own item: a project-level one may no longer change a unit already concluded
            item = next(r.item.id for r in checklists.inspection_sheet(s, inspection_id).sheet.rows
                        if r.item.answer.type.value == "verdict" and not r.shared)

        def answer_once() -> float:
            start = time.perf_counter()
            with database.session() as s, s.begin():
                checklists.answer_item(s, inspection_id, item, AnswerInput(verdict=ItemVerdict.PASS), answered_by="张伟")
            return time.perf_counter() - start

        answer_once()  # warm: the form pinned, caches filled
        idle = [answer_once() for _ in range(args.answers)]

        def while_rendering(render: Callable[[Path], object]) -> tuple[list[float], list[float]]:
            """Answers committed while ``render`` runs in a loop on a pool thread, and the render times."""
            renders: list[float] = []
            stop = threading.Event()

            def render_loop() -> None:
                n = 0
                while not stop.is_set():
                    start = time.perf_counter()
                    render(tmp / f"notice{n % 2}.pdf")
                    renders.append(time.perf_counter() - start)
                    n += 1

            renderer = threading.Thread(target=render_loop, name="slow")
            renderer.start()
            time.sleep(0.05)
            busy = []
            for _ in range(args.answers):
                busy.append(answer_once())
                time.sleep(0.01)  # an inspector's answers come apart, not back to back
            stop.set()
            renderer.join()
            return busy, renders

        # The window renders in a helper process (ui/documents/panel.py); a render in a thread of this process
        # is the plain way, and the one the window had.
        in_thread, thread_renders = while_rendering(lambda path: render_file(DocumentType.RECTIFICATION, data, path))
        with RenderHelper() as helper:
            helper.render(DocumentType.RECTIFICATION, data, tmp / "warm.pdf")  # ReportLab and fonts loaded
            busy, renders = while_rendering(lambda path: helper.render(DocumentType.RECTIFICATION, data, path))
        database.close()
    ms = lambda xs: f"median {statistics.median(xs) * 1000:.1f} ms, max {max(xs) * 1000:.1f} ms"  # noqa: E731
    print(f"answer commit, nothing rendering (baseline): {ms(idle)} over {len(idle)}")
    print(f"answer commit while a {args.photos}-photo notice renders in a thread of the same process: "
          f"{ms(in_thread)} ({len(thread_renders)} renders of {statistics.median(thread_renders):.2f} s)")
    print(f"answer commit while it renders in the helper process, as the window does: {ms(busy)} over {len(busy)} "
          f"({len(renders)} renders of {statistics.median(renders):.2f} s meanwhile)")
    print(f"  ratio of medians {statistics.median(busy) / statistics.median(idle):.2f}x; goal: max <= 50 ms")


if __name__ == "__main__":
    main()

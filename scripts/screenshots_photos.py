#!/usr/bin/env python3
"""Screenshots of the photo evidence UI (run under Xvfb), for a human to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/screenshots_photos.py OUT_DIR

The unit page's 照片 tab after importing generated photos (one is rejected), the viewer with annotations of
every kind, and the annotated, watermarked rendering that documents embed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from acceptance_app.services.photos import library as photos  # noqa: E402
from scripts.shots import open_window, settle  # noqa: E402
from tests import photo_samples  # noqa: E402


def main() -> int:
    shots = open_window(sys.argv, actor="张检查", size=(1580, 980), prefix="shots-photos-")
    out, window, database, project_id = shots.out, shots.window, shots.database, shots.made
    folder = database.folder
    work = folder.root.parent
    window.open_project(project_id)
    settle(600)
    unit = window.project_page.unit_model.rows[0]
    files = []
    for n in range(10):
        size = (4000, 3000) if n % 3 == 0 else (1600, 1200)
        files.append(photo_samples.jpeg(work / f"IMG_{n:04d}.JPG", size, orientation=(1, 6, 3, 8)[n % 4]))
    files.append(photo_samples.heif(work / "IMG_0100.HEIC"))
    files.append(photo_samples.truncated_jpeg(work / "IMG_0101.JPG"))
    window.open_unit(unit.id)
    page = window.unit_page
    page.tabs.setCurrentWidget(page.photos_panel)
    settle(600)
    page.photos_panel.import_files(files)
    for _n in range(60):
        settle(250)
        if page.photos_panel.result_label.text():
            break
    settle(800)
    window.grab().save(str(out / "photos-1-grid.png"))

    row = page.photos_panel.model.rows[1]
    viewer = page.photos_panel.open_viewer(row)
    settle(800)
    for shape in (
        {"kind": "rectangle", "x": 0.55, "y": 0.15, "w": 0.3, "h": 0.25},
        {"kind": "ellipse", "x": 0.1, "y": 0.55, "w": 0.3, "h": 0.2},
        {"kind": "arrow", "x1": 0.15, "y1": 0.2, "x2": 0.5, "y2": 0.45},
        {"kind": "text", "x": 0.58, "y": 0.42, "text": "防火门闭门器缺失"},
    ):
        viewer.add_shape(shape)
    viewer.save()
    settle(800)
    viewer.grab().save(str(out / "photos-2-viewer.png"))
    with database.session() as session:
        data = photos.annotated_rendering(session, folder, row.id, watermark=True)
    (out / "photos-3-rendering.jpg").write_bytes(data)
    viewer.close()
    return shots.finish()


if __name__ == "__main__":
    sys.exit(main())

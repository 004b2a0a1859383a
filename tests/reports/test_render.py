"""The renderers: byte-stable output, embedded fonts, extractable text, metadata, signature slots, and
golden pages compared as images within a tolerance (UPDATE_GOLDEN=1 rewrites the references)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageStat

from acceptance_app.reports.base import BaseRenderer
from acceptance_app.reports.notices import RecordSheetRenderer, RectificationRenderer, ServiceReportRenderer
from acceptance_app.reports.opinion import OpinionRenderer
from tests.reports import sample

GOLDEN = Path(__file__).parent / "golden"
DOCUMENTS: dict[str, tuple[type[BaseRenderer], object]] = {
    "opinion": (OpinionRenderer, sample.opinion),
    "rectification": (RectificationRenderer, sample.rectification),
    "service-report": (ServiceReportRenderer, sample.service_report),
    "record-sheet": (RecordSheetRenderer, sample.record_sheet),
}


def _render(tmp_path: Path, name: str, filename: str = "") -> tuple[Path, object]:
    renderer_class, make = DOCUMENTS[name]
    target = tmp_path / (filename or f"{name}.pdf")
    result = renderer_class(make()).render(target, invariant=True)  # type: ignore[operator]
    return target, result


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_same_data_gives_the_same_bytes(tmp_path: Path, name: str) -> None:
    first, _ = _render(tmp_path, name, "a.pdf")
    second, _ = _render(tmp_path, name, "b.pdf")
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_every_font_is_embedded(tmp_path: Path, name: str) -> None:
    pdf, _ = _render(tmp_path, name)
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        emb, sub, uni = line.split()[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), line


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_opinion_text_has_the_project_units_and_conclusions(tmp_path: Path) -> None:
    pdf, result = _render(tmp_path, "opinion")
    text = _text(pdf)
    for expected in ("联合验收意见书", "济联验〔2026〕37号", "泉华苑住宅小区（一期）", "1#住宅楼", "3#住宅楼",
                     "91370112MA3NCK2L5X", "规划条件核实合格", "消防验收不合格", "备案抽查合格", "特殊建设工程",
                     "GB 50974—2014", "㎡", "≥ 0.35MPa", "总监理工程师：冯志远", "申请日期", "受理编号", "现场验收日期",
                     "办结日期", "用地面积", "济南市人民政府", "济南铁路运输法院", "验证码", "建设单位签收",
                     "济南市住房和城乡建设局（牵头；消防验收）", "刘海涛、赵磊", "不合格的具体内容"):
        assert expected in text, expected
    assert "附件：现场照片" not in text and "SHA-256" not in text  # no photos, no raw hash in the body
    assert result.pages >= 2  # type: ignore[attr-defined]


def test_rectification_has_one_chinese_deadline_route_receipt_and_reply_form(tmp_path: Path) -> None:
    text = _text(_render(tmp_path, "rectification")[0]).replace(" ", "")
    for expected in ("于2026年12月20日前完成整改", "整改时间不计入联合验收办理时限", "按规划程序处理", "建设单位签收",
                     "整改回复单", "附件：问题照片"):
        assert expected in text, expected
    assert "最早期限" not in text and "2026-12" not in text


def test_service_report_is_advisory(tmp_path: Path) -> None:
    text = _text(_render(tmp_path, "service-report")[0])
    assert "不构成行政许可、验收结论" in text
    assert "验收结论" not in text.replace("不构成行政许可、验收结论", "")


def test_metadata_carries_title_and_project_code(tmp_path: Path) -> None:
    pdf, _ = _render(tmp_path, "opinion")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "联合验收意见书 济联验〔2026〕37号" in info
    assert "sha256:" in info  # the content digest is in the metadata (and the footer), not in the body
    assert "2023-370112-47-01-258316" in info  # keywords
    assert "济南市住房和城乡建设局" in info  # author


def test_signature_slots_are_boxes_on_the_signature_page(tmp_path: Path) -> None:
    pdf, result = _render(tmp_path, "opinion")
    slots = result.signature_slots  # type: ignore[attr-defined]
    assert [s.name for s in slots] == ["sig_1", "sig_2", "sig_3", "sig_lead"]
    assert [s.department for s in slots][-1] == "住房城乡建设部门"
    document = pdfium.PdfDocument(pdf)
    for slot in slots:
        width, height = document[slot.page - 1].get_size()
        assert 0 < slot.x1 < slot.x2 <= width and 0 < slot.y1 < slot.y2 <= height
        text = document[slot.page - 1].get_textpage().get_text_bounded(slot.x1, slot.y1, slot.x2, slot.y2)
        assert "（签章）" in text
    document.close()


def test_photos_are_embedded_as_jpeg(tmp_path: Path) -> None:
    pdf, _ = _render(tmp_path, "rectification")
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    kinds = [line.split()[8] for line in listing.splitlines()[2:]]
    assert kinds and set(kinds) == {"jpeg"}


def _pages(pdf: Path) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    images = [page.render(scale=60 / 72).to_pil().convert("L") for page in document]
    document.close()
    return images


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_golden_pages(tmp_path: Path, name: str) -> None:
    pdf, _ = _render(tmp_path, name)
    for number, page in enumerate(_pages(pdf), 1):
        reference = GOLDEN / f"{name}-{number}.png"
        if os.environ.get("UPDATE_GOLDEN"):
            page.save(reference)
            continue
        assert reference.exists(), f"no reference {reference.name}; run with UPDATE_GOLDEN=1 and look at it"
        expected = Image.open(reference)
        assert expected.size == page.size
        difference = ImageStat.Stat(ImageChops.difference(expected, page)).mean[0]
        assert difference < 1.5, f"{reference.name} differs by {difference:.2f} grey levels on average"

"""Document numbers in the 文号 style (no official Shandong pattern was found; real ones look like
``东住建消验字(YYYY)第N号``): ``{机关简称}{字}〔{YYYY}〕第{设备}-{NNNN}号``.

The device part makes numbers unique across laptops that issue documents offline; the serial is per
(series, year, device) and reserved in the database before rendering (storage: NumberSeries).
"""

from __future__ import annotations

from dataclasses import dataclass

from acceptance_app.domain.enums import DocumentType

# 字 of each document type, after the city abbreviation: 济联验 = 济南 联合验收.
TYPE_WORD: dict[DocumentType, str] = {
    DocumentType.OPINION: "联验",
    DocumentType.RECTIFICATION: "联验整",
    DocumentType.SERVICE_REPORT: "技服",
    DocumentType.RECORD_SHEET: "联验记",
}

# Shandong prefectures by the first four digits of the region code (GB/T 2260): name and abbreviation.
SHANDONG_CITIES: dict[str, tuple[str, str]] = {
    "3701": ("济南市", "济"), "3702": ("青岛市", "青"), "3703": ("淄博市", "淄"), "3704": ("枣庄市", "枣"),
    "3705": ("东营市", "东"), "3706": ("烟台市", "烟"), "3707": ("潍坊市", "潍"), "3708": ("济宁市", "济宁"),
    "3709": ("泰安市", "泰"), "3710": ("威海市", "威"), "3711": ("日照市", "日"), "3713": ("临沂市", "临"),
    "3714": ("德州市", "德"), "3715": ("聊城市", "聊"), "3716": ("滨州市", "滨"), "3717": ("菏泽市", "菏"),
}


@dataclass(frozen=True)
class DocumentNumber:
    series: str  # 济联验
    year: int
    device: str
    serial: int

    @property
    def text(self) -> str:
        return f"{self.series}〔{self.year}〕第{self.device}-{self.serial:04d}号"

    @property
    def file_stem(self) -> str:
        """An ASCII name for the file (the number itself has CJK brackets)."""
        return f"{self.year}-{self.device}-{self.serial:04d}"


def city_of(region_code: str) -> tuple[str, str]:
    return SHANDONG_CITIES.get(region_code[:4], ("山东省", "鲁"))


def series_for(document_type: DocumentType, region_code: str) -> str:
    return city_of(region_code)[1] + TYPE_WORD[document_type]

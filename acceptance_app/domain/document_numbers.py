"""Document numbers as the issuing organ prints them.

A 文号 is 机关代字〔年〕+ one plain annual serial per issuing organ (济联验〔2026〕37号; GB/T 9704-2012 7.2.4:
年份用六角括号〔〕, 序号不编虚位、不加"第"字). The opinion and the rectification notice carry one. The advisory
service report and the record sheets are not official decisions: they carry a plain internal 编号
(济技服-2026-0003), still drawn from the same blocks so that no two laptops print the same one.

Numbers stay unique across laptops that work offline because serials are handed out in blocks: the lead's
office (or the hub) grants each laptop a range of serials of a series; the laptop takes the next free serial of
one of its own blocks, and a serial once taken is never handed out again, not even after a crash (the taking is
committed before anything is rendered). Which laptop issued a document is metadata (the record's origin
device), never part of the printed number. A laptop with no free serial issues a draft marked 待编号, which
cannot be signed and is numbered when a block arrives.
"""

from __future__ import annotations

from dataclasses import dataclass

from acceptance_app.domain.enums import DocumentType

PENDING_NUMBER = "（待编号）"

# 字 of each document type, after the issuing organ's 机关代字 (济 for the city, 历城 for 历城区): 济联验 =
# 济南 联合验收. Configurable per organ in the jurisdiction table (document.issuers, 机关代字).
TYPE_WORD: dict[DocumentType, str] = {
    DocumentType.OPINION: "联验",
    DocumentType.RECTIFICATION: "联验整",
    DocumentType.SERVICE_REPORT: "技服",
    DocumentType.RECORD_SHEET: "联验记",
}

# Types whose number is a 文号 (an official decision or notice); the others get a plain internal 编号.
OFFICIAL: frozenset[DocumentType] = frozenset({DocumentType.OPINION, DocumentType.RECTIFICATION})


@dataclass(frozen=True)
class DocumentNumber:
    series: str  # 济联验
    year: int
    serial: int
    official: bool = True  # 文号; False: a plain internal 编号

    @property
    def text(self) -> str:
        if self.official:
            return f"{self.series}〔{self.year}〕{self.serial}号"
        return f"{self.series}-{self.year}-{self.serial:04d}"

    @property
    def file_stem(self) -> str:
        """An ASCII name for the file (the number itself has CJK characters)."""
        return f"{self.year}-{self.serial:04d}"


def series_for(document_type: DocumentType, organ_code: str) -> str:
    """The series of a document type for an issuing organ's 机关代字 (济 -> 济联验)."""
    return organ_code + TYPE_WORD[document_type]


def number_for(document_type: DocumentType, organ_code: str, year: int, serial: int) -> DocumentNumber:
    return DocumentNumber(series_for(document_type, organ_code), year, serial, document_type in OFFICIAL)


@dataclass(frozen=True)
class Block:
    """A range of serials of one series and year granted to one laptop; ``next`` is the next free one."""

    series: str
    year: int
    first: int
    last: int
    next: int

    @property
    def free(self) -> int:
        return max(0, self.last - self.next + 1)


class BlockOverlap(ValueError):
    pass


def check_new_block(existing: list[Block], new: Block) -> None:
    """A block granted twice, or overlapping one already held, would print a number twice: refuse it."""
    if new.first < 1 or new.last < new.first:
        raise BlockOverlap(f"{new.first}-{new.last}")
    for block in existing:
        if block.series == new.series and block.year == new.year and not (
                new.last < block.first or new.first > block.last):
            raise BlockOverlap(f"{block.first}-{block.last}")

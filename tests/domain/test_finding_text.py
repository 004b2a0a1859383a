"""Finding text an official would sign: where, measured against what, the clause; never 现场与要求不符."""

from __future__ import annotations

from acceptance_app.domain.finding_text import FindingFacts, finding_text


def test_a_measured_failure_names_place_values_and_clause() -> None:
    text = finding_text(FindingFacts("7#住宅楼", "防火门开启力", "GB 50877-2014 第5.3.1条", "3层东侧前室",
                                     (92.0, 85.0), 80.0, "N", "≤ 80 N"))
    assert text == ("7#住宅楼3层东侧前室：防火门开启力实测85～92N（抽查2处），设计值80N，要求≤ 80 N，"
                    "不符合GB 50877-2014第5.3.1条")


def test_a_seen_failure_says_what_was_seen() -> None:
    text = finding_text(FindingFacts("7#住宅楼", "配电箱", "GB 50016-2014（2018年版） 第10.2.4条", "B1层配电间",
                                     seen="背板为木质板"))
    assert text == "7#住宅楼B1层配电间：配电箱：背板为木质板，不符合GB 50016-2014（2018年版）第10.2.4条"


def test_without_a_value_it_names_the_requirement_not_a_bare_mismatch() -> None:
    text = finding_text(FindingFacts("幼儿园", "生活用房走廊净宽", "JGJ 39-2016 第4.1.14条",
                                     requirement="单面布置房间时不应小于1.8 m"))
    assert "不满足“单面布置房间时不应小于1.8 m”" in text and "现场与要求不符" not in text

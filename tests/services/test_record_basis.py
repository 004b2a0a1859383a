"""The record sheets print a clean 依据: research notes in brackets stay in the form, off the official page."""

from acceptance_app.services.checklists.records import clean_basis


def test_research_notes_are_left_off_and_editions_kept() -> None:
    assert clean_basis("工程测量通用规范（推定为GB 55018-2021，原页未显示标准号）") == "工程测量通用规范"
    assert clean_basis("省级城乡规划条例（省份未识别） 第五十三条") == "省级城乡规划条例 第五十三条"
    assert clean_basis("GB 50016-2014（2018年版）") == "GB 50016-2014（2018年版）"

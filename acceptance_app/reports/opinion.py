"""联合验收意见书: project facts and procedure dates, parties with their persons in charge, units with their 消防
regime, each discipline's outcome in its organ's words, the joint conclusion (a 不合格 names what failed and
the appeal route), open commitments, signatures, the 验证码 and QR code, the builder's receipt line. No photos:
they belong to the record sheets and the rectification notice."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from acceptance_app.domain.enums import Discipline
from acceptance_app.reports.base import BaseRenderer, _chinese_date, _esc
from acceptance_app.reports.flowables import CheckBoxes
from acceptance_app.reports.inputs import DisciplineConclusion, OpinionInput, ProjectFacts, UnitLine
from acceptance_app.reports.labels import DISCIPLINE


def project_pairs(project: ProjectFacts) -> list[tuple[str, str]]:
    return [
        ("项目名称", project.name), ("项目代码", project.project_code),
        ("工程代码", project.engineering_code), ("建设地点", project.location),
        ("规划许可证号", project.planning_permit_no), ("施工许可证号", project.construction_permit_no),
    ]


def _number(value: float) -> str:
    return f"{value:,.2f}"


def _height(unit: UnitLine) -> str:
    """An underground-only unit has no height above grade: "—" rather than 0.00."""
    return "—" if unit.storeys_above == 0 and not unit.height else f"{unit.height:.2f}"


REGIME = {"special": "特殊建设工程", "other": "其他建设工程"}
# How the opening sentence names the departments that inspected ("经规划、人防、消防、城建档案等部门联合现场查验").
SHORT_NAME = {DISCIPLINE[Discipline.PLANNING]: "规划", DISCIPLINE[Discipline.CIVIL_AIR_DEFENSE]: "人防",
              DISCIPLINE[Discipline.FIRE]: "消防", DISCIPLINE[Discipline.ARCHIVE]: "城建档案"}


def inspected_by(conclusions: tuple[DisciplineConclusion, ...]) -> str:
    """The disciplines that inspected: one 不涉及 (人防 of a unit without 人防 works, e.g. a unit accepted alone) did
    not take part and is not named; all of them when none is known."""
    names = [SHORT_NAME.get(c.discipline_label, c.discipline_label) for c in conclusions if c.verdict_label != "不涉及"]
    return "、".join(names or SHORT_NAME.values())


class UnitsTableMixin(BaseRenderer):
    show_regime = False  # the opinion prints each unit's 消防 regime (it decides the words of the outcome)

    def _units_table(self, units: tuple[UnitLine, ...]) -> Flowable:
        # Two-line headers broken where a reader expects (field trial item 34: "层数（地 / 上/地下）", "高度（ / m）").
        header = ["序号", "单体名称", "幢号", "单体代码", "地上面积\n（㎡）", "地下面积\n（㎡）",
                  "层数\n地上/地下", "高度\n（m）", "结构", "使用\n性质"]
        rows = [
            [str(i), u.name, u.building_no, u.unit_code or "—", _number(u.area_above), _number(u.area_below),
             f"{u.storeys_above}/{u.storeys_below}", _height(u), u.structure_label, u.use_label]
            for i, u in enumerate(units, 1)
        ]
        total = ["", "合计", "", "", _number(sum(u.area_above for u in units)),
                 _number(sum(u.area_below for u in units)), "", "", "", ""]
        w = self._frame_width()
        widths = [w * f for f in (0.05, 0.15, 0.05, 0.17, 0.1, 0.1, 0.1, 0.07, 0.11, 0.1)]
        if self.show_regime:
            header.append("消防\n类别")
            rows = [[*r, REGIME.get(u.fire_regime or "", "未定")] for r, u in zip(rows, units, strict=True)]
            total.append("")
            # 单体代码 wide enough for a code of 15-16 digits on one line (a longer one wraps)
            widths = [w * f for f in (0.04, 0.11, 0.05, 0.18, 0.1, 0.1, 0.1, 0.07, 0.1, 0.08, 0.07)]
        return self._table(header, [*rows, total], widths)


class OpinionRenderer(UnitsTableMixin):
    title = "联合验收意见书"
    subject = "房屋建筑和市政基础设施工程竣工联合验收意见"
    show_regime = True

    def _get_story(self, data: OpinionInput) -> list[Flowable]:
        st = self.styles
        builder = next((p.name for p in data.parties if p.role_label == "建设单位"), "")
        basis = "".join(data.legal_basis) or "有关法律法规"
        story: list[Flowable] = [
            *self._title_block(self.title),
            Paragraph(f"{_esc(builder)}：", st["Normal"]),
            Paragraph(
                f"你单位申请的{_esc(data.project.name)}（{_esc(data.scope_label)}）竣工联合验收，经"
                f"{_esc(inspected_by(data.conclusions))}等部门联合现场查验，依据{_esc(basis)}等规定，形成联合验收意见如下。",
                st["Body"]),
            Paragraph("一、项目基本情况", st["Heading"]),
            self._facts_table(project_pairs(data.project) + list(data.dates)
                              + ([("办结日期", _chinese_date(data.issue_date))] if data.dates else []) + list(data.areas)),
            Paragraph("二、参建单位", st["Heading"]),
            self._table(["单位类别", "单位名称", "统一社会信用代码", "项目负责人"],
                        [[p.role_label, p.name, p.uscc, f"{p.leader_title}：{p.leader}" if p.leader else "—"]
                         for p in data.parties],
                        [self._frame_width() * f for f in (0.14, 0.4, 0.24, 0.22)]),
            Paragraph("三、验收范围（单体工程）", st["Heading"]),
            self._units_table(data.units),
        ]
        if data.prerequisites:
            story.append(Paragraph("单体单独验收的前提条件：", st["Normal"]))
            story += [Paragraph(f"{i}. {_esc(t)}", st["Normal"]) for i, t in enumerate(data.prerequisites, 1)]
        story.append(Paragraph("四、各专项验收（备案）结论", st["Heading"]))
        for n, c in enumerate(data.conclusions, 1):
            story.append(Paragraph(f"（{'一二三四五六'[n - 1]}）{_esc(c.discipline_label)}（{_esc(c.department_label)}）",
                                   st["Normal"]))
            if not c.outcomes:
                story.append(Paragraph("　　不涉及。", st["Normal"]))
            for outcome in c.outcomes:
                story.append(Paragraph(f"　　{_esc(outcome.units_label)}：<b>{_esc(outcome.words)}</b>", st["Normal"]))
            if c.deciding_items:
                story.append(self._table(
                    ["编号", "不合格检查项", "结论", "依据条款"],
                    [[i.item_id, i.text, i.verdict_label, i.clause] for i in c.deciding_items],
                    [self._frame_width() * f for f in (0.1, 0.5, 0.1, 0.3)]))
            story.append(Spacer(1, 2 * mm))
        story += [
            Paragraph("五、联合验收结论", st["Heading"]),
            CheckBoxes([(o, o == data.joint_conclusion) for o in ("合格", "不合格")], "NotoSansSC"),
            Paragraph(_joint_text(data), st["Body"]),
        ]
        if data.failures:
            story.append(Paragraph("不合格的具体内容：", st["Normal"]))
            story += [Paragraph(f"{i}. {_esc(t)}", st["Normal"]) for i, t in enumerate(data.failures, 1)]
        story.append(Paragraph("六、待履行的承诺事项", st["Heading"]))
        commitments = data.open_commitments or ("无。",)
        story += [Paragraph(f"{i}. {_esc(t)}" if data.open_commitments else t, st["Normal"])
                  for i, t in enumerate(commitments, 1)]
        story += self._signature_block(data.signers)
        story += self._closing(receipt=True)
        return story


def _joint_text(data: OpinionInput) -> str:
    if data.joint_conclusion == "合格":
        return "经联合验收，本工程各专项验收（备案）均合格或不涉及，同意通过竣工联合验收。本意见书可作为办理竣工验收备案及不动产登记的依据。"
    authority = _esc(data.reconsideration) or "本级人民政府"
    court = _esc(data.court) or "有管辖权的人民法院"
    return ("经联合验收，本工程经整改复验后仍有专项不合格，不同意通过竣工联合验收。"
            f"如不服本意见，可以自收到本意见书之日起六十日内向{authority}申请行政复议，"
            f"或者自收到之日起六个月内向{court}提起行政诉讼。")

"""联合验收意见书: project facts, parties, units, each discipline's conclusion with its deciding items, the
joint conclusion, open commitments, signatures, QR code and the photo appendix."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from acceptance_app.reports.base import BaseRenderer, _esc
from acceptance_app.reports.flowables import CheckBoxes
from acceptance_app.reports.inputs import OpinionInput, ProjectFacts, UnitLine

VERDICT_OPTIONS = ("合格", "不合格", "不涉及")


def project_pairs(project: ProjectFacts) -> list[tuple[str, str]]:
    return [
        ("项目名称", project.name), ("项目代码", project.project_code),
        ("工程代码", project.engineering_code), ("建设地点", project.location),
        ("规划许可证号", project.planning_permit_no), ("施工许可证号", project.construction_permit_no),
    ]


def _number(value: float) -> str:
    return f"{value:,.2f}"


class UnitsTableMixin(BaseRenderer):
    def _units_table(self, units: tuple[UnitLine, ...]) -> Flowable:
        header = ["序号", "单体名称", "幢号", "单体代码 / 不动产单元代码", "地上面积（㎡）", "地下面积（㎡）",
                  "层数（地上/地下）", "高度（m）", "结构", "使用性质"]
        rows = [
            [str(i), u.name, u.building_no, f"{u.unit_code or '—'}\n{u.real_estate_unit_code or '—'}",
             _number(u.area_above), _number(u.area_below), f"{u.storeys_above}/{u.storeys_below}",
             f"{u.height:.2f}", u.structure_label, u.use_label]
            for i, u in enumerate(units, 1)
        ]
        total = ["", "合计", "", "", _number(sum(u.area_above for u in units)),
                 _number(sum(u.area_below for u in units)), "", "", "", ""]
        w = self._frame_width()
        widths = [w * f for f in (0.05, 0.14, 0.05, 0.25, 0.1, 0.1, 0.08, 0.07, 0.08, 0.08)]
        return self._table(header, [*rows, total], widths)


class OpinionRenderer(UnitsTableMixin):
    title = "联合验收意见书"
    subject = "房屋建筑和市政基础设施工程竣工联合验收意见"

    def _get_story(self, data: OpinionInput) -> list[Flowable]:
        st = self.styles
        builder = next((p.name for p in data.parties if p.role_label == "建设单位"), "")
        story: list[Flowable] = [
            *self._title_block(self.title),
            Paragraph(f"{_esc(builder)}：", st["Normal"]),
            Paragraph(
                f"你单位申请的{_esc(data.project.name)}（{_esc(data.scope_label)}）竣工联合验收，经规划、人防、消防、"
                "城建档案等部门联合现场查验，依据《中华人民共和国建筑法》《建设工程质量管理条例》《建设工程消防设计审查验收"
                "管理暂行规定》等规定，形成联合验收意见如下。", st["Body"]),
            Paragraph("一、项目基本情况", st["Heading"]),
            self._facts_table(project_pairs(data.project)),
            Paragraph("二、参建单位", st["Heading"]),
            self._table(["单位类别", "单位名称", "统一社会信用代码"],
                        [[p.role_label, p.name, p.uscc] for p in data.parties],
                        [self._frame_width() * f for f in (0.16, 0.52, 0.32)]),
            Paragraph("三、验收范围（单体工程）", st["Heading"]),
            self._units_table(data.units),
            Paragraph("四、专项验收结论", st["Heading"]),
        ]
        for n, c in enumerate(data.conclusions, 1):
            story += [
                Paragraph(f"（{'一二三四五六'[n - 1]}）{_esc(c.discipline_label)}（{_esc(c.department_label)}）"
                          f"　范围：{_esc(c.units_label)}", st["Normal"]),
                CheckBoxes([(o, o == c.verdict_label) for o in VERDICT_OPTIONS], "NotoSansSC"),
            ]
            if c.deciding_items:
                story.append(self._table(
                    ["编号", "决定性检查项", "结论", "依据条款"],
                    [[i.item_id, i.text, i.verdict_label, i.clause] for i in c.deciding_items],
                    [self._frame_width() * f for f in (0.1, 0.5, 0.1, 0.3)]))
            story.append(Spacer(1, 2 * mm))
        story += [
            Paragraph("五、联合验收结论", st["Heading"]),
            CheckBoxes([(o, o == data.joint_conclusion) for o in ("合格", "不合格")], "NotoSansSC"),
            Paragraph(_joint_text(data.joint_conclusion), st["Body"]),
            Paragraph("六、待履行的承诺事项", st["Heading"]),
        ]
        commitments = data.open_commitments or ("无。",)
        story += [Paragraph(f"{i}. {_esc(t)}" if data.open_commitments else t, st["Normal"])
                  for i, t in enumerate(commitments, 1)]
        story += self._signature_block(data.signers)
        story += self._closing()
        story += self._photo_appendix("附件：现场照片", list(data.photos))
        return story


def _joint_text(conclusion: str) -> str:
    if conclusion == "合格":
        return "经联合验收，本工程各专项验收均合格或不涉及，同意通过竣工联合验收。本意见书可作为办理竣工验收备案及不动产登记的依据。"
    return ("经联合验收，本工程存在不合格专项，暂不同意通过竣工联合验收。请建设单位按整改通知书一次性完成整改后申请复验。"
            "如不服本意见，可以在收到本意见书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。")

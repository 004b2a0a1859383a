"""整改通知书（问题清单）, 验收前技术服务意见 and the per-discipline 专项检查记录表."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from acceptance_app.reports.base import BaseRenderer, _chinese_date, _esc
from acceptance_app.reports.inputs import (
    FindingLine,
    PhotoInput,
    RecordSheetInput,
    RectificationInput,
    ServiceReportInput,
)
from acceptance_app.reports.opinion import UnitsTableMixin, project_pairs


def _finding_photos(findings: tuple[FindingLine, ...]) -> list[PhotoInput]:
    return [photo for finding in findings for photo in finding.photos]


class RectificationRenderer(BaseRenderer):
    title = "整改通知书"
    subject = "联合验收问题清单（一次性书面告知）"

    def _get_story(self, data: RectificationInput) -> list[Flowable]:
        st = self.styles
        by = f"于{_esc(data.deadline)}前" if data.deadline else "在规定期限内"
        story: list[Flowable] = [
            *self._title_block(f"{self.title}（问题清单）"),
            Paragraph(f"{_esc(data.addressee)}：", st["Normal"]),
            Paragraph(
                f"经对{_esc(data.project.name)}进行竣工联合验收现场查验，发现下列问题共{len(data.findings)}项，现一次性书面告知。"
                f"请你单位组织相关责任单位{by}完成整改，整改完成后填写整改回复单、提交整改报告并申请复验。"
                "不属于施工整改的问题，按所列途径办理。整改时间不计入联合验收办理时限。", st["Body"]),
            Paragraph("一、项目基本情况", st["Heading"]),
            self._facts_table(project_pairs(data.project)[:4]),
            Paragraph("二、问题清单", st["Heading"]),
        ]
        if not data.findings:
            story.append(Paragraph("经现场查验，未发现需要整改的问题。", st["Normal"]))
        else:
            story.append(self._table(
                ["序号", "单体", "检查项", "问题描述（部位、实测与要求、依据）", "类别", "责任单位及办理途径", "整改期限"],
                [[str(i), f.unit, f.item, f.description, f.item_class,
                  f"{f.party}\n{f.route}" if f.route else f.party, f.deadline]
                 for i, f in enumerate(data.findings, 1)],
                [self._frame_width() * w for w in (0.06, 0.11, 0.14, 0.33, 0.08, 0.16, 0.12)]))
        story += self._signature_block(data.signers)
        story += self._closing(receipt=True)
        story += self._reply_form(data)
        story += self._photo_appendix("附件：问题照片", _finding_photos(data.findings))
        return story

    def _reply_form(self, data: RectificationInput) -> list[Flowable]:
        """整改回复单: the builder fills it in, one row per finding, and signs it with the parties."""
        st = self.styles
        rows = [[str(i), f.unit, f.description, "", ""] for i, f in enumerate(data.findings, 1)]
        return [
            PageBreak(),
            Paragraph("整改回复单", st["Title"]),
            Paragraph(f"通知书编号：{_esc(data.number)}　　项目：{_esc(data.project.name)}", st["Normal"]),
            self._table(["序号", "单体", "问题", "整改情况（措施、完成日期）", "附件（照片/报告编号）"],
                        rows or [["", "", "", "", ""]],
                        [self._frame_width() * w for w in (0.06, 0.12, 0.36, 0.3, 0.16)]),
            Spacer(1, 6 * mm),
            Paragraph("建设单位（盖章）：＿＿＿＿＿＿＿＿　项目负责人：＿＿＿＿＿＿　施工单位项目经理：＿＿＿＿＿＿　"
                      "总监理工程师：＿＿＿＿＿＿　回复日期：＿＿＿＿年＿＿月＿＿日", st["Normal"]),
        ]


class ServiceReportRenderer(UnitsTableMixin):
    """Advisory: it never states 合格/不合格 as a conclusion (验收前技术服务 gives guidance, not a legal verdict;
    no Shandong text defines it, docs/DOCUMENTS.md)."""

    title = "验收前技术服务意见"
    subject = "验收前技术服务（咨询性意见，不作为验收结论）"

    def _get_story(self, data: ServiceReportInput) -> list[Flowable]:
        st = self.styles
        day = _esc(data.visit_date) or _chinese_date(data.issue_date)
        disciplines = "、".join(dict.fromkeys(s.department_label for s in data.signers))
        story: list[Flowable] = [
            *self._title_block(self.title),
            Paragraph(
                f"应建设单位{_esc(data.applicant)}申请，按照“自愿申请、无偿服务、规范实施”的原则，{_esc(disciplines)}"
                f"的技术人员于{day}对{_esc(data.project.name)}开展了验收前技术服务（方式：{_esc(data.mode)}）。"
                "以下为发现的问题和改进建议，供建设单位在申请联合验收前参考。", st["Body"]),
            Paragraph("本意见为技术服务性质的咨询建议，不构成行政许可、验收结论或备案依据，正式结论以联合验收意见书为准。",
                      st["Body"]),
            Paragraph("一、项目基本情况", st["Heading"]),
            self._facts_table(project_pairs(data.project)[:4]),
            Paragraph("二、服务范围", st["Heading"]),
            self._units_table(data.units),
        ]
        if data.materials:
            story += [Spacer(1, 2 * mm), Paragraph("资料预审：", st["Normal"])]
            story += [Paragraph(_esc(line), st["Normal"]) for line in data.materials]
        story.append(Paragraph("三、发现的问题及建议", st["Heading"]))
        if data.observations:
            story.append(self._table(
                ["序号", "单体", "检查项", "现场情况及建议", "建议整改单位", "建议完成时间"],
                [[str(i), f.unit, f.item, f.description, f.party, f.deadline]
                 for i, f in enumerate(data.observations, 1)],
                [self._frame_width() * w for w in (0.06, 0.13, 0.18, 0.37, 0.14, 0.12)]))
        else:
            story.append(Paragraph("本次技术服务未发现需要提示的问题。", st["Normal"]))
        story.append(Paragraph("四、联合验收常见问题提示", st["Heading"]))
        story += [Paragraph(f"{i}. {_esc(t)}", st["Normal"]) for i, t in enumerate(COMMON_PROBLEMS, 1)]
        story += self._signature_block(data.signers, heading="参加人员签字", mark="（签字）")
        story += self._closing()
        story += self._photo_appendix("附件：现场照片", _finding_photos(data.observations))
        return story


# 山东省2023年工程建设项目审批制度改革措施第9条: "针对联合验收常见问题指导建设单位加强施工过程管控".
COMMON_PROBLEMS = (
    "防火门未装闭门器或顺序器、无膨胀密封条，户门加装猫眼；请逐樘自查。",
    "防火卷帘降落不到底、到底信号不回显，座板与地面间隙大于20 mm。",
    "排烟口距安全出口不足1.5 m，自然排烟窗有效面积不足或设置位置偏低。",
    "人防门框垂直度超差、密封胶条脱落、锈蚀或漆膜不足；请附防护设备检测报告。",
    "竣工图未逐张加盖竣工图章、案卷题名与封面不一致、页数与备考表不符。",
    "竣工规划核实测量成果经“多测合一”共享，不属容缺补交材料。",
)


class RecordSheetRenderer(BaseRenderer):
    """The 现场评定记录 in the national record-table structure: 子项, 抽查部位和数量, 结论, 依据; an advisory
    (宜) item is shown as 建议, never as a failure. Internally numbered, not a 文号."""

    title = "专项检查记录表"
    subject = "联合验收专项检查记录"

    def _get_story(self, data: RecordSheetInput) -> list[Flowable]:
        st = self.styles
        story: list[Flowable] = [
            Paragraph(f"{data.discipline_label}{self.title}", st["Title"]),
            Paragraph(f"记录编号：{_esc(data.number)}", st["Number"]),
            self._facts_table([("项目名称", data.project.name), ("项目代码", data.project.project_code),
                               ("单体", data.unit_label), ("检查表", data.form_label)]),
            Paragraph("检查记录", st["Heading"]),
            self._table(
                ["编号", "子项（检查内容）", "抽查部位和数量", "检查情况 / 实测值", "结论", "依据（标准及条款）"],
                [[i.item_id, i.text, i.samples or "—", _seen(i.answer, i.measurement), i.verdict_label, i.clause]
                 for i in data.items],
                [self._frame_width() * w for w in (0.08, 0.3, 0.13, 0.17, 0.08, 0.24)]),
        ]
        story += self._signature_block(data.signers, heading="检查人员签字", mark="（签字）")
        story += self._closing()
        return story


def _seen(answer: str, measurement: str) -> str:
    if answer and measurement and measurement not in answer:
        return f"{answer}\n{measurement}"
    return answer or measurement or "—"

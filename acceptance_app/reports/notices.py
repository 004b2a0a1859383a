"""整改通知书（问题清单）, 验收前技术服务意见 and the per-discipline 专项检查记录表."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

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
        deadline = min((f.deadline for f in data.findings), default="")
        story: list[Flowable] = [
            *self._title_block(f"{self.title}（问题清单）"),
            Paragraph(f"{_esc(data.addressee)}：", st["Normal"]),
            Paragraph(
                f"经对{_esc(data.project.name)}进行竣工联合验收现场查验，发现下列问题，现一次性书面告知。请你单位组织"
                f"相关责任单位在规定期限内完成整改（最早期限：{_esc(deadline) or '—'}），整改完成后提交整改报告并申请复验。"
                f"共 {len(data.findings)} 项。", st["Body"]),
            Paragraph("一、项目基本情况", st["Heading"]),
            self._facts_table(project_pairs(data.project)[:4]),
            Paragraph("二、问题清单", st["Heading"]),
        ]
        if not data.findings:
            story.append(Paragraph("经现场查验，未发现需要整改的问题。", st["Normal"]))
        else:
            story.append(self._table(
                ["序号", "单体", "检查项", "问题描述", "类别", "责任单位", "整改期限"],
                [[str(i), f.unit, f.item, f.description, f.item_class, f.party, f.deadline]
                 for i, f in enumerate(data.findings, 1)],
                [self._frame_width() * w for w in (0.06, 0.12, 0.16, 0.3, 0.09, 0.15, 0.12)]))
        story += self._signature_block(data.signers)
        story += self._closing()
        story += self._photo_appendix("附件：问题照片", _finding_photos(data.findings))
        return story


class ServiceReportRenderer(UnitsTableMixin):
    """Advisory: it never states 合格/不合格 as a conclusion (验收前技术服务 gives guidance, not a legal verdict;
    no Shandong text defines it, docs/DOCUMENTS.md)."""

    title = "验收前技术服务意见"
    subject = "验收前技术服务（咨询性意见，不作为验收结论）"

    def _get_story(self, data: ServiceReportInput) -> list[Flowable]:
        st = self.styles
        story: list[Flowable] = [
            *self._title_block(self.title),
            Paragraph(
                f"应建设单位申请，我方于{_chinese_date(data.issue_date)}对{_esc(data.project.name)}开展了验收前技术服务。"
                "以下为现场发现的问题和改进建议，供建设单位在申请联合验收前参考。", st["Body"]),
            Paragraph("本意见为技术服务性质的咨询建议，不构成行政许可、验收结论或备案依据，正式结论以联合验收意见书为准。",
                      st["Body"]),
            Paragraph("一、项目基本情况", st["Heading"]),
            self._facts_table(project_pairs(data.project)[:4]),
            Paragraph("二、服务范围", st["Heading"]),
            self._units_table(data.units),
            Paragraph("三、发现的问题及建议", st["Heading"]),
        ]
        if data.observations:
            story.append(self._table(
                ["序号", "单体", "检查项", "现场情况及建议", "建议整改单位", "建议完成时间"],
                [[str(i), f.unit, f.item, f.description, f.party, f.deadline]
                 for i, f in enumerate(data.observations, 1)],
                [self._frame_width() * w for w in (0.06, 0.13, 0.18, 0.37, 0.14, 0.12)]))
        else:
            story.append(Paragraph("本次技术服务未发现需要提示的问题。", st["Normal"]))
        story += self._signature_block(data.signers)
        story += self._closing()
        story += self._photo_appendix("附件：现场照片", _finding_photos(data.observations))
        return story


class RecordSheetRenderer(BaseRenderer):
    title = "专项检查记录表"
    subject = "联合验收专项检查记录"

    def _get_story(self, data: RecordSheetInput) -> list[Flowable]:
        st = self.styles
        story: list[Flowable] = [
            *self._title_block(f"{data.discipline_label}{self.title}"),
            self._facts_table([("项目名称", data.project.name), ("项目代码", data.project.project_code),
                               ("单体", data.unit_label), ("检查表版本", data.form_label)]),
            Paragraph("检查记录", st["Heading"]),
            self._table(
                ["编号", "检查内容", "检查情况", "实测值", "抽样", "结论", "依据条款"],
                [[i.item_id, i.text, i.answer, i.measurement, i.samples, i.verdict_label, i.clause]
                 for i in data.items],
                [self._frame_width() * w for w in (0.08, 0.28, 0.15, 0.11, 0.1, 0.08, 0.2)]),
        ]
        story += self._signature_block(data.signers)
        story += self._closing()
        return story

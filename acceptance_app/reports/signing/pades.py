"""One PAdES baseline signature (B-B, or B-T with a reachable timestamp server) as an incremental update."""

from __future__ import annotations

import dataclasses
import io
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from acceptance_app.domain.beijing_time import ZONE_LABEL, beijing_text
from acceptance_app.domain.problems import KnownError
from acceptance_app.reports.signing.fields import LOCKING_FIELD, list_fields
from acceptance_app.reports.signing.stamp import stamp_style

log = logging.getLogger(__name__)


NO_TIMESTAMP = "no timestamp"


@dataclass(frozen=True)
class SignRequest:
    field: str
    signer_name: str  # shown in the stamp (the person's name, which may differ from the certificate CN)
    department: str
    handwriting_png: bytes | None = None
    seal_png: bytes | None = None
    timestamp_url: str = ""
    training: bool = False  # a training identity: the stamp says so
    reason: str = "联合竣工验收意见签署"
    location: str = ""


@dataclass(frozen=True)
class SignResult:
    data: bytes
    field: str
    signer_subject: str
    fingerprint: str
    signed_at: datetime
    timestamp: str  # "" = no timestamp
    timestamp_note: str  # why there is none, or the server used
    locked: bool
    extra: dict = dataclasses.field(default_factory=dict)  # by its module: the attribute ``field`` shadows it


def check_field(source: bytes, field_name: str) -> None:
    """Refuse before the key is opened (a PIN prompt for nothing is a bad experience)."""
    states = {f.name: f for f in list_fields(source)}
    if field_name not in states:
        raise KnownError("signing.no_such_field", field=field_name, fields=", ".join(states) or "—")
    if any(f.signed and f.locks_document for f in states.values()):
        raise KnownError("signing.locked")
    if states[field_name].signed:
        raise KnownError("signing.field_signed", field=field_name, signer=states[field_name].signer)
    if states[field_name].locks_document:
        open_fields = [f.name for f in states.values() if not f.signed and f.name != field_name]
        if open_fields:
            raise KnownError("signing.lead_not_last", fields=", ".join(open_fields))


def _timestamper(url: str):
    """A pyHanko timestamper when the server answers, else None and the reason (signing goes on offline)."""
    if not url:
        return None, "未配置时间戳服务器"
    import httpx
    from pyhanko.sign.timestamps import HTTPTimeStamper

    try:
        httpx.head(url, timeout=3.0)
    except httpx.HTTPError as error:
        return None, f"时间戳服务器不可达（{url}：{type(error).__name__}）"
    return HTTPTimeStamper(url, timeout=10), url


def sign_with(signer, request: SignRequest, source: bytes, timestamper=None,
              offline_note: str = "") -> SignResult:
    """Sign ``request.field`` of ``source`` with a pyHanko signer. ``timestamper`` overrides the URL (tests);
    ``offline_note`` says why a retry goes without a timestamp."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields as pyhanko_fields
    from pyhanko.sign import signers

    check_field(source, request.field)
    if offline_note:
        note = offline_note
    elif timestamper is None:
        timestamper, note = _timestamper(request.timestamp_url)
    else:
        note = "test timestamper"
    meta = signers.PdfSignatureMetadata(
        field_name=request.field, md_algorithm="sha256", subfilter=pyhanko_fields.SigSeedSubFilter.PADES,
        reason=request.reason, location=request.location or None, name=request.signer_name,
        # The lead's field asks for "no changes" in its /Lock; say the same so pyHanko needn't override it.
        docmdp_permissions=pyhanko_fields.MDPPerm.NO_CHANGES if request.field == LOCKING_FIELD
        else pyhanko_fields.MDPPerm.FILL_FORMS,
    )
    pdf_signer = signers.PdfSigner(meta, signer=signer, timestamper=timestamper,
                                   stamp_style=stamp_style(request.handwriting_png, request.seal_png))
    writer = IncrementalPdfFileWriter(io.BytesIO(source), strict=False)
    out = io.BytesIO()
    signed_at = datetime.now(UTC)
    params = {"signer_name": request.signer_name, "department": request.department,
              "when": f"{beijing_text(signed_at, seconds=True)}（{ZONE_LABEL}）",
              "note": "【培训用，不具法律效力】" if request.training else ("" if timestamper else "（无可信时间戳）")}
    try:
        pdf_signer.sign_pdf(writer, existing_fields_only=True, appearance_text_params=params, output=out)
    except Exception as error:
        if timestamper is None or "timestamp" not in repr(error).lower():
            raise
        log.warning("timestamp failed, signing without: %s", error)  # the server answered HEAD but not the request
        return sign_with(signer, request, source,
                         offline_note=f"时间戳服务器出错（{request.timestamp_url}：{error}），已离线签署")
    data = out.getvalue()
    from acceptance_app.reports.signing.certificates import fingerprint, subject_text

    cert = signer.signing_cert
    return SignResult(
        data=data, field=request.field, signer_subject=subject_text(cert), fingerprint=fingerprint(cert),
        signed_at=signed_at, timestamp=_embedded_timestamp(data, request.field) if timestamper else "",
        timestamp_note=note, locked=request.field == LOCKING_FIELD,
    )


def _embedded_timestamp(data: bytes, field_name: str) -> str:
    """The time in the RFC 3161 token pyHanko embedded (an unsigned attribute of the CMS signer info)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    for sig in PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures:
        if sig.field_name != field_name:
            continue
        for attribute in sig.signer_info["unsigned_attrs"] or ():
            if attribute["type"].native == "signature_time_stamp_token":
                token = attribute["values"][0]["content"]
                return token["encap_content_info"]["content"].parsed["gen_time"].native.isoformat()
    return ""

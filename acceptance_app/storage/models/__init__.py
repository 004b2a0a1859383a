"""All mapped classes; importing this package registers every table on ``Base.metadata``."""

from acceptance_app.storage.models.audit import AuditEvent, LocalMeta
from acceptance_app.storage.models.base import Base, SyncedMixin, utcnow
from acceptance_app.storage.models.calendar import CalendarTable
from acceptance_app.storage.models.checklists import Answer, FormSnapshot
from acceptance_app.storage.models.core import Inspector, Party, Project, Unit
from acceptance_app.storage.models.document import Document, NumberBlock
from acceptance_app.storage.models.exchange import ExchangeImport, ExchangePeer, SyncConflict, SyncRowVersion
from acceptance_app.storage.models.finding import Commitment, Finding, FindingEvent
from acceptance_app.storage.models.inspection import Inspection
from acceptance_app.storage.models.outbox import HubPull, OutboxItem, OutboxState
from acceptance_app.storage.models.photos import Photo, PhotoAnnotation, PhotoLink
from acceptance_app.storage.models.procedure import ProcedureEvent
from acceptance_app.storage.models.signing import DocumentSignature, SignatureImage, SigningIdentity

__all__ = [
    "Answer",
    "CalendarTable",
    "FormSnapshot",
    "AuditEvent",
    "Base",
    "Commitment",
    "Document",
    "DocumentSignature",
    "ExchangeImport",
    "ExchangePeer",
    "Finding",
    "FindingEvent",
    "Inspection",
    "HubPull",
    "Inspector",
    "LocalMeta",
    "NumberBlock",
    "OutboxItem",
    "OutboxState",
    "Party",
    "Photo",
    "PhotoAnnotation",
    "PhotoLink",
    "ProcedureEvent",
    "Project",
    "SignatureImage",
    "SigningIdentity",
    "SyncConflict",
    "SyncRowVersion",
    "SyncedMixin",
    "Unit",
    "utcnow",
]

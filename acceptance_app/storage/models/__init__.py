"""All mapped classes; importing this package registers every table on ``Base.metadata``."""

from acceptance_app.storage.models.audit import AuditEvent, LocalMeta
from acceptance_app.storage.models.base import Base, SyncedMixin, utcnow
from acceptance_app.storage.models.core import Inspector, Party, Project, Unit
from acceptance_app.storage.models.document import Document, NumberSeries
from acceptance_app.storage.models.inspection import Inspection
from acceptance_app.storage.models.signing import DocumentSignature, SignatureImage, SigningIdentity

__all__ = [
    "AuditEvent",
    "Base",
    "Document",
    "DocumentSignature",
    "Inspection",
    "Inspector",
    "LocalMeta",
    "NumberSeries",
    "Party",
    "Project",
    "SignatureImage",
    "SigningIdentity",
    "SyncedMixin",
    "Unit",
    "utcnow",
]

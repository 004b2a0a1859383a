"""Text for the document codes (issuing opinions, notices, service reports, record sheets)."""

from __future__ import annotations

from acceptance_app.i18n import N_

ERRORS = {
    "documents.missing_data": N_("The document cannot be made; missing or inconsistent data:\n{items}"),
}

"""Text for the document codes (issuing opinions, notices, service reports, record sheets)."""

from __future__ import annotations

from acceptance_app.i18n import N_

ERRORS = {
    "documents.missing_data": N_("The document cannot be made; missing or inconsistent data:\n{items}"),
    "numbers.block_overlap": N_("The block {series} {year} {first}-{last} overlaps a block already held ({held}); "
                                "nothing was added."),
    "numbers.bad_block": N_("A block needs a series, a year and serials first <= last, all at least 1 "
                            "(given: {series} {year} {first}-{last})."),
    "timeline.needs_stage": N_("The stage {stage} needs the stage {needs} recorded first; nothing was recorded."),
    "timeline.earlier_date": N_("The stage {stage} cannot be dated before the last recorded stage ({earlier})."),
    "timeline.still_paused": N_("The opinion cannot be issued while the rectification is open: record the day the "
                                "rectification report came back first."),
    "timeline.not_this_project": N_("The unit {unit} is not part of this project."),
}

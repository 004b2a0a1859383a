"""Text for backup and restore (``backup.*``)."""

from __future__ import annotations

from acceptance_app.i18n import N_

ERRORS = {
    "backup.no_database": N_("There is nothing to back up: the data folder {folder} has no database."),
    "backup.exists": N_("A backup already exists at {path}; nothing was written."),
    "backup.cancelled": N_("The backup or restore was cancelled; nothing was kept of it."),
    "backup.no_manifest": N_("{path} is not a backup of this program (its manifest.json is missing or unreadable)."),
    "backup.damaged": N_("The backup {path} is damaged; nothing was restored. What differs from its manifest:\n"
                         "{problems}"),
    "backup.target_not_empty": N_("The data folder {path} already holds data; a backup is restored only into an "
                                  "empty data folder. Choose an empty folder (--data-dir) and restore again."),
}

"""The checklist runner: one tab per discipline on the unit page."""

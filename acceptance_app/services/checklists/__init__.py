"""Checklists: starting inspections, answering items, the forms they are answered on, verdicts, evidence."""

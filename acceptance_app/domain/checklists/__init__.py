"""Checklist forms and the rules that turn answers into verdicts. Pure Python: no Qt, no SQLAlchemy, no I/O."""

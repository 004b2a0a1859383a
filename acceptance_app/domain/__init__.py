"""Pure domain: dataclasses, enums and rules. No Qt, no SQLAlchemy, no I/O; returns codes, not UI text."""

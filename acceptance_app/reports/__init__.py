"""PDF documents: ReportLab renderers over plain input dataclasses (no Qt, no SQLAlchemy)."""

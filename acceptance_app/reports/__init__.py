"""PDF documents: ReportLab renderers over plain input data, and signing. No Qt."""

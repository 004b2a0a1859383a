"""Rendering a document into a file, here or in a helper process that loads ReportLab while the caller works.

Importing this module imports no ReportLab: the renderers are named, and loaded where they run. A one-unit
opinion from the command line spends most of its second on imports: SQLAlchemy and the models on one side,
ReportLab and the two font faces (reports/fontcache.py) on the other. ``RenderHelper`` starts a process that
loads the second while the caller loads the first and reads the database, on the other core; the document's
inputs (plain dataclasses) go over as a pickle, the helper writes the PDF into the file the caller names and
sends back the result and the file's sha256. If the helper cannot start or dies, the document is rendered in
the caller's process: slower, never missing.
"""

from __future__ import annotations

import importlib
import multiprocessing
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO, cast

from acceptance_app.domain.enums import DocumentType
from acceptance_app.fileio import HashingWriter
from acceptance_app.reports.inputs import DocumentInput
from acceptance_app.reports.results import RenderedFile

if TYPE_CHECKING:
    from acceptance_app.reports.base import BaseRenderer

RENDERERS: dict[DocumentType, str] = {
    DocumentType.OPINION: "acceptance_app.reports.opinion:OpinionRenderer",
    DocumentType.RECTIFICATION: "acceptance_app.reports.notices:RectificationRenderer",
    DocumentType.SERVICE_REPORT: "acceptance_app.reports.notices:ServiceReportRenderer",
    DocumentType.RECORD_SHEET: "acceptance_app.reports.notices:RecordSheetRenderer",
}


def renderer_for(doc_type: DocumentType) -> type[BaseRenderer]:
    module, name = RENDERERS[doc_type].split(":")
    renderer: type[BaseRenderer] = getattr(importlib.import_module(module), name)
    return renderer


def render_file(doc_type: DocumentType, data: DocumentInput, path: Path) -> RenderedFile:
    """Render into ``path`` (created or truncated), hashing the bytes as they are written."""
    with path.open("wb") as handle:
        written = HashingWriter(handle)
        result = renderer_for(doc_type)(data).render(cast(BinaryIO, written))  # write() is all it calls
    return RenderedFile(result, written.hexdigest())


def _serve(connection: Connection) -> None:
    """The helper: load every renderer and the fonts, then render what arrives until told to stop (None)."""
    from acceptance_app.reports.base import register_fonts

    for doc_type in RENDERERS:
        renderer_for(doc_type)
    register_fonts()
    while True:
        try:
            task = connection.recv()
        except EOFError:  # the caller is gone
            return
        if task is None:
            return
        try:
            connection.send((True, render_file(*task)))
        except Exception as error:  # noqa: BLE001 (the caller raises it)
            connection.send((False, portable(error)))


def portable(error: Exception) -> Exception:
    """``error`` if the caller can rebuild it (the pipe rebuilds an exception as ``type(error)(*error.args)``),
    else a RuntimeError with its type and text: an exception whose constructor wants other arguments than its
    ``args`` would fail in the caller with a confusing error of its own."""
    try:
        type(error)(*error.args)
    except Exception:  # noqa: BLE001 (any failure means: send the text)
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


class RenderHelper:
    """A helper process for ``render_file``, started at once; use as a context manager, or ``close()``."""

    def __init__(self) -> None:
        # One document at a time over the pipe: the window may ask from two pool threads at once.
        self._lock = threading.Lock()
        context = multiprocessing.get_context("spawn")  # the same on every system; a fork would copy threads
        self._connection, theirs = context.Pipe()
        self._process: BaseProcess | None = context.Process(target=_serve, args=(theirs,), daemon=True,
                                                           name="render-helper")
        try:
            self._process.start()
        except OSError:  # no process to be had: render here
            self._process = None
        theirs.close()

    def render(self, doc_type: DocumentType, data: DocumentInput, path: Path) -> RenderedFile:
        with self._lock:
            if self._process is not None:
                try:
                    self._connection.send((doc_type, data, path))
                    done, value = self._connection.recv()
                except (EOFError, OSError):  # the helper died or could not load: here, then
                    self._stop()
                else:
                    if not done:
                        raise value
                    rendered: RenderedFile = value
                    return rendered
        return render_file(doc_type, data, path)

    def close(self) -> None:
        """Tell the helper to stop; it is not waited for (a daemon process: ended at exit if still there)."""
        with self._lock:
            self._stop()

    def _stop(self) -> None:
        if self._process is not None:
            self._process = None
            try:
                self._connection.send(None)
            except OSError:
                pass
        self._connection.close()

    def __enter__(self) -> RenderHelper:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

import sys

from acceptance_app.ui import errors


def test_crash_handler_logs_and_reports_previous_hard_crash(tmp_path, monkeypatch, qapp):
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "faulthandler.log").write_text("Fatal Python error: Segmentation fault", "utf-8")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr("threading.excepthook", __import__("threading").excepthook)
    handler = errors.CrashHandler(logs)
    previous = handler.install()
    assert previous == "Fatal Python error: Segmentation fault"
    shown = []
    monkeypatch.setattr(errors.QMessageBox, "exec", lambda box: shown.append(box.text()))
    try:
        raise RuntimeError("意外")
    except RuntimeError as exc:
        errors.report_crash(type(exc), exc, exc.__traceback__)
    log = (logs / "crash.log").read_text("utf-8")
    assert "RuntimeError: 意外" in log
    assert shown and str(logs / "crash.log") in shown[0]
    errors._fault_file.close()  # type: ignore[union-attr]
    errors._handler = None
    import faulthandler

    faulthandler.disable()

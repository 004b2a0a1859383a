"""The runner with real threads: results arrive on the GUI thread, failures are reported, cancel works."""

import threading

import pytest

from acceptance_app.domain.entities import ProjectData
from acceptance_app.services import projects
from acceptance_app.services.changes import Changes

from acceptance_app.ui.tasks import Cancelled, TaskRunner


@pytest.fixture
def threaded(database, qapp):  # type: ignore[no-untyped-def]
    runner = TaskRunner(database)
    yield runner
    runner.shutdown()


def test_write_runs_off_the_gui_thread_and_emits_changes(threaded, qtbot):
    seen = {}

    def op(session, task):
        seen["thread"] = threading.current_thread().name
        return projects.create_project(session, ProjectData("线程项目", "2024-370102-47-01-000020"))

    with qtbot.waitSignal(threaded.changes_applied, timeout=5000) as blocker:
        threaded.write(op).success(lambda value: seen.setdefault("value", value)).run()
    assert seen["thread"].startswith("db-writer")
    assert isinstance(blocker.args[0], Changes) and blocker.args[0].project
    assert seen["value"] is not None


def test_failure_reaches_the_failure_callback_and_nothing_is_written(threaded, qtbot, database):
    errors = []

    def op(session, task):
        projects.create_project(session, ProjectData("半途而废", "2024-370102-47-01-000021"))
        raise OSError("磁盘已满")

    with qtbot.waitSignal(threaded.busy_changed, timeout=5000, check_params_cb=lambda busy: not busy):
        threaded.write(op).failure(errors.append).run()
    assert isinstance(errors[0], OSError)
    with database.session() as s:
        assert projects.list_projects(s) == []


def test_cancel_stops_a_slow_operation_quietly(threaded, qtbot):
    started = threading.Event()
    done = []

    def op(task):
        started.set()
        for n in range(1000):
            task.progress(n, 1000)
            task.check()
            threading.Event().wait(0.005)
        return "finished"

    operation = threaded.slow(op).success(done.append).failure(done.append)
    with qtbot.waitSignal(threaded.busy_changed, timeout=10000, check_params_cb=lambda busy: not busy):
        operation.run()
        started.wait(5)
        operation.cancel()
    assert done == []  # neither success nor an error dialog: a cancel is not a failure
    assert operation.state.cancelled() and operation.state.done < 999
    assert Cancelled.__name__ == "Cancelled"

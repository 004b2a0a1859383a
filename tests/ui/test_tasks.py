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


def test_a_write_commits_while_a_split_operation_works_on_the_pool(threaded, qtbot, database):
    """Signing's shape: reserve (short write) -> slow work on the pool -> record (short write). While the slow
    part runs (a key, a timestamp server), the writer is free: an answer given meanwhile commits at once."""
    slow_started, release = threading.Event(), threading.Event()
    order: list[str] = []

    def reserve(session, task):
        order.append("reserve")
        return "reserved"

    def work(reserved, task):
        slow_started.set()
        assert release.wait(10)
        order.append("work")
        return reserved + "+worked"

    def record(session, reserved, worked, task):
        order.append("record")
        project_id, changes = projects.create_project(session, ProjectData("签署后", "2024-370102-47-01-000023"))
        return worked, changes

    results: list = []
    split = threaded.split(reserve, work, record).success(results.append)
    split.run()
    assert slow_started.wait(5)
    with qtbot.waitSignal(threaded.changes_applied, timeout=5000):  # the answer's write, not blocked
        threaded.write(lambda s, t: projects.create_project(
            s, ProjectData("签署期间", "2024-370102-47-01-000022"))).run()
    order.append("answer committed")
    release.set()
    qtbot.waitUntil(lambda: results == ["reserved+worked"], timeout=5000)
    assert order == ["reserve", "answer committed", "work", "record"]
    with database.session() as s:
        assert {p.name for p in projects.list_projects(s)} == {"签署期间", "签署后"}


def test_a_step_operation_announces_its_changes_even_when_it_fails(threaded, qtbot, database):
    """Photo import and push/pull commit step by step; what was committed before a failure must be shown."""
    announced: list[Changes] = []
    errors: list[BaseException] = []
    threaded.changes_applied.connect(announced.append)

    def steps(session, task):
        assert threading.current_thread().name.startswith("slow")  # the pool, not the writer
        projects.create_project(session, ProjectData("第一步", "2024-370102-47-01-000024"))
        session.commit()  # the first step is kept
        raise OSError("网络中断")

    with qtbot.waitSignal(threaded.busy_changed, timeout=5000, check_params_cb=lambda busy: not busy):
        threaded.steps(steps, may_change=Changes(project=True)).failure(errors.append).run()
    assert isinstance(errors[0], OSError)
    assert announced == [Changes(project=True)]
    with database.session() as s:
        assert [p.name for p in projects.list_projects(s)] == ["第一步"]

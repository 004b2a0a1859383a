"""One window per data folder: a second start hands its request to the first (ui/single_instance.py)."""

from __future__ import annotations

import subprocess
import sys
import uuid

from acceptance_app.ui.single_instance import SingleInstance, forward_to_running, server_name


def test_a_second_start_reaches_the_first_and_hands_over_its_package(qtbot, tmp_path):
    name = server_name(tmp_path / str(uuid.uuid4()))
    first = SingleInstance(name)
    try:
        with qtbot.wait_signal(first.request_received, timeout=3000) as received:
            assert forward_to_running(name, {"package": "/media/usb/一期.acpkg"})
        assert received.args == [{"package": "/media/usb/一期.acpkg"}]
    finally:
        first.close()


def test_with_no_window_running_the_start_is_the_first(qtbot, tmp_path):
    assert not forward_to_running(server_name(tmp_path / "nobody"), {})


def test_the_name_separates_data_folders_and_is_stable(tmp_path):
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a")
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")


def test_a_socket_left_by_a_crashed_start_is_taken_over(qtbot, tmp_path):
    name = server_name(tmp_path / "crashed")
    # A process that listens and dies without closing leaves the socket file behind (Linux).
    code = ("import os,sys; from PySide6.QtCore import QCoreApplication; from PySide6.QtNetwork import QLocalServer;"
            f"app=QCoreApplication([]); s=QLocalServer(); assert s.listen({name!r}); os._exit(0)")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert not forward_to_running(name, {})
    second = SingleInstance(name)
    try:
        assert second.server.isListening()
        with qtbot.wait_signal(second.request_received, timeout=3000):
            assert forward_to_running(name, {})
    finally:
        second.close()

"""One window per data folder: a second start hands its request to the first and exits.

The first start listens on a local socket (QLocalServer: a named pipe on Windows, a socket file on Linux)
whose name is made from the user and the data folder, so two users, or one user with two data folders (a
trial copy), never meet. A second start connects, sends its request as one JSON line ({"package": path} when
it was started to open an exchange package, else {}), and exits; the first brings its window forward and
opens the package. If nothing answers, a socket left by a crashed start is removed and this start listens.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 500  # a running window answers within a few ms; a dead socket fails at once
READ_MS = 200


def server_name(data_dir: Path) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in a container's passwd: the folder alone still separates
        user = ""
    key = f"{user}|{Path(data_dir).resolve()}".encode()
    return "acceptance_app-" + hashlib.sha256(key).hexdigest()[:16]


def forward_to_running(name: str, request: dict[str, Any]) -> bool:
    """Send ``request`` to the window already running on this data folder; False if there is none."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    if sys.platform == "win32":  # let the running window take the foreground (Windows' focus-stealing rule)
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # type: ignore[attr-defined]  # ASFW_ANY
    socket.write(json.dumps(request).encode() + b"\n")
    socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """The first start's listener; ``request_received`` carries each later start's request."""

    request_received = Signal(dict)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # left by a start that crashed: nobody answered on it
            self.server.listen(name)
        self._sockets: list[QLocalSocket] = []
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        # A second start writes its one line right after connecting, so it is read here at once (a few ms at
        # most, READ_MS at worst). The sockets stay referenced and are never deleteLater()'d: the server is
        # their parent and deletes them with itself (a deleteLater besides crashed the tests' teardown).
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._sockets.append(socket)
            if socket.canReadLine() or socket.waitForReadyRead(READ_MS):
                line = bytes(socket.readLine().data())
                socket.disconnectFromServer()
                self._handle(line)

    def _handle(self, line: bytes) -> None:
        try:
            request = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return  # not one of ours
        if isinstance(request, dict):
            self.request_received.emit(request)

    def close(self) -> None:
        self.server.close()
        self._sockets.clear()

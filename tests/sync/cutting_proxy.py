"""A TCP proxy on 127.0.0.1 that cuts connections at random points, for the interrupted-upload test and the
sync benchmark: a request cut mid-body, an answer lost after the hub acted, a connection reset.

Each connection gets a random point in each direction: a byte offset up to ``max_offset`` (a kept-alive
connection carries many requests, so a point may fall in any of them; uploads meet the "up" one, downloads
the "down" one). When the point is reached and cuts
remain, both sockets are closed, half of the time with a reset. Seeded; ``cuts_done`` counts real cuts.
"""

from __future__ import annotations

import random
import socket
import struct
import threading


class CuttingProxy:
    def __init__(self, upstream_port: int, *, cuts: int, max_offset: int = 200_000, seed: int = 7) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.cuts_left = cuts
        self.cuts_done = 0
        self.connections = 0
        self.max_offset = max_offset
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._closing = False
        self._sockets: set[socket.socket] = set()
        self._thread = threading.Thread(target=self._accept, name="cutting-proxy", daemon=True)
        self._thread.start()

    def _plan(self) -> dict[str, int]:
        """The byte offset in each direction at which to cut this connection, if cuts remain by then."""
        with self.lock:
            return {"up": self.rng.randint(0, self.max_offset), "down": self.rng.randint(0, self.max_offset)}

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream)
            except OSError:
                client.close()
                continue
            for sock in (client, server):  # forward at once: Nagle + delayed ACKs would add 40 ms a request
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self.lock:
                self._sockets |= {client, server}
            self.connections += 1
            plan = self._plan()
            done = threading.Event()
            for source, target, direction in ((client, server, "up"), (server, client, "down")):
                limit = plan[direction]
                threading.Thread(target=self._pump, args=(source, target, limit, (client, server), done),
                                 daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, limit: int | None,
              pair: tuple[socket.socket, socket.socket], done: threading.Event) -> None:
        sent = 0
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if limit is not None and sent + len(data) > limit and self._take_cut():
                    target.sendall(data[: limit - sent])
                    self._cut(pair, done)
                    return
                target.sendall(data)
                sent += len(data)
        except OSError:
            pass
        self._close(pair, done)

    def allow(self, cuts: int) -> None:
        """Grant ``cuts`` more cuts (a test's next phase)."""
        with self.lock:
            self.cuts_left += cuts

    def _take_cut(self) -> bool:
        with self.lock:
            if self.cuts_left <= 0:
                return False
            self.cuts_left -= 1
            self.cuts_done += 1
            return True

    def _cut(self, pair: tuple[socket.socket, socket.socket], done: threading.Event) -> None:
        with self.lock:
            reset = self.rng.random() < 0.5
        for sock in pair:
            try:
                if reset:  # RST instead of FIN at close: the peer sees "connection reset"
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    sock.shutdown(socket.SHUT_RD)  # wakes the other pump's recv without sending a FIN
                else:
                    sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._close(pair, done)

    def _close(self, pair: tuple[socket.socket, socket.socket], done: threading.Event) -> None:
        # close() alone does not end a connection another thread is blocked in recv() on: shutdown first.
        if done.is_set():
            return
        done.set()
        for sock in pair:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            try:
                sock.close()
            except OSError:
                pass
        with self.lock:
            self._sockets -= set(pair)

    def close(self) -> None:
        self._closing = True
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() of the other thread (close does not)
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            sockets = list(self._sockets)
        for sock in sockets:
            try:
                sock.close()
            except OSError:
                pass
        self._thread.join(5)

"""One window per data folder: a second start hands its request to the window already open.

Two windows on one notes database would be two writers, each undoing over the other's
changes. The first window listens on a local socket (a Unix domain socket or a Windows
named pipe: nothing leaves the computer) named after the data folder; a later start
connects to it, asks it to come to the front (and to open the chapter it was asked for),
and exits. The headless commands (import, sync, screenshot, ...) never look at it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCryptographicHash, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

CONNECT_TIMEOUT_MS = 1000
REPLY_TIMEOUT_MS = 3000
# A request is one short JSON line; anything longer is not from Field Reader.
MAX_REQUEST_BYTES = 4096
REPLY = b"ok\n"

HANDED_OFF = (
    "field-reader: Field Reader is already open on this data folder; its window was "
    "brought to the front."
)
BUSY = (
    "field-reader: Field Reader is already open on this data folder but did not answer "
    "in time; its window comes to the front as soon as it can."
)


def server_name(data_dir: Path) -> str:
    """The socket name for a data folder: the same for every spelling of its path.

    The user is part of it, so that two accounts using the same folder path (a USB stick
    mounted at the same place) never reach each other's window.
    """
    path = os.path.normcase(str(data_dir.resolve()))
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    key = f"{user}\0{path}".encode("utf-8", "surrogateescape")
    # QtCore's hash: hashlib would load OpenSSL (3 ms) on the start-up path.
    digest = QCryptographicHash.hash(key, QCryptographicHash.Algorithm.Sha256)
    return "field-reader-" + bytes(digest.toHex().data()).decode("ascii")[:32]


def _request(chapter: str | None) -> bytes:
    return json.dumps({"chapter": chapter}).encode("utf-8") + b"\n"


def _chapter_of(line: bytes) -> str | None:
    """The chapter a request asks for; None for none, or for a request that makes no sense."""
    try:
        chapter = json.loads(line.decode("utf-8")).get("chapter")
    except (ValueError, AttributeError):
        return None
    return chapter if isinstance(chapter, str) and chapter else None


class SingleInstance(QObject):
    """The data folder's claim: hand a start to the running window, or become that window."""

    requested = Signal(object)  # the chapter slug asked for by a later start, or None

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        """Prepare the claim on `data_dir` (nothing is connected or listened to yet)."""
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._server: QLocalServer | None = None

    def hand_off(self, chapter: str | None) -> str | None:
        """Ask a running window to come to the front; the line to print, or None if none runs."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            # No window, or only the socket file a crashed one left behind.
            return None
        socket.write(_request(chapter))
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        answered = socket.waitForReadyRead(REPLY_TIMEOUT_MS)
        socket.disconnectFromServer()
        # Even when it is busy (a long render) the request waits in the socket for it:
        # starting a second writer would be worse than waiting.
        return HANDED_OFF if answered else BUSY

    def listen(self) -> bool:
        """Become the data folder's window; False if the socket could not be made.

        A socket file left by a window that crashed is removed, but only after a second
        try to reach it has failed: a window that has just started keeps its socket.
        """
        # No socket options on purpose: with them Qt (on Unix) renames its new socket over
        # any existing one, even a live window's, instead of reporting it in use. Without
        # them the socket file gets the user's umask (others cannot connect), and the
        # user id in the name keeps accounts apart.
        server = QLocalServer(self)
        if not server.listen(self.name):
            if self.hand_off(None) is not None:
                return False
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return False
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    @property
    def listening(self) -> bool:
        """Whether this process is the data folder's window."""
        return self._server is not None and self._server.isListening()

    def close(self) -> None:
        """Stop answering (the socket file is removed)."""
        if self._server is not None:
            self._server.close()

    @Slot()
    def _accept(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.canReadLine():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_REQUEST_BYTES:
                socket.abort()
            return
        line = bytes(socket.readLine(MAX_REQUEST_BYTES).data())
        socket.write(REPLY)
        socket.flush()
        socket.disconnectFromServer()
        self.requested.emit(_chapter_of(line))

    def serve(self, window: MainWindow) -> None:
        """Bring `window` to the front (opening the chapter asked for) at every request."""
        self.requested.connect(lambda chapter: bring_to_front(window, chapter))


def bring_to_front(window: MainWindow, chapter: str | None) -> None:
    """Raise and activate `window`; open `chapter` when it is given and in the library."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    # Where the desktop refuses to hand the focus over, the window at least asks for it.
    QApplication.alert(window)
    if not chapter:
        return
    current = window.current_document()
    if current is not None and current.chapter.slug == chapter:
        return
    if window.library.by_slug(chapter) is None:
        window.statusBar().showMessage(f"There is no chapter {chapter!r} in this library.", 8000)
        return
    window.leave_place()
    window.open_chapter(chapter)

"""One window per data folder: a second start hands its request to the window already open.

Two windows on one notes database would be two writers, each undoing over the other's
changes. The first window listens on a local channel named after the data folder: a
Unix-domain socket in a folder only the user can enter (Linux, macOS) or a named pipe
(Windows); nothing leaves the computer. A later start connects, asks it to come to the
front (and to open the chapter it was asked for), and exits. The headless commands
(import, sync, screenshot, ...) never look at it.

Python's standard library does the talking, not QtNetwork: that module would bring
libQt6Network and its Kerberos, brotli and resolver libraries into the standalone build.
The listening side runs on a Python thread; requests reach the window's thread through a
queued Qt signal. When sockets cannot be made at all, every start counts as the only one.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCryptographicHash, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

from reader.core.i18n import translate
from reader.ui.local_channel import Channel, Listening, channel_for

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

CONNECT_TIMEOUT_S = 1.0
REPLY_TIMEOUT_S = 3.0
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
    """The channel name for a data folder: the same for every spelling of its path.

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
    # Emitted on the listening thread; the connection to _deliver is queued because this
    # object lives on the window's thread.
    _arrived = Signal(object)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        """Prepare the claim on `data_dir` (nothing is connected or listened to yet)."""
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.channel: Channel | None = channel_for(self.name)
        self._listening: Listening | None = None
        self._thread: threading.Thread | None = None
        self._arrived.connect(self._deliver)

    def hand_off(self, chapter: str | None) -> str | None:
        """Ask a running window to come to the front; the line to print, or None if none runs."""
        if self.channel is None:
            return None
        try:
            connection = self.channel.connect(CONNECT_TIMEOUT_S)
        except OSError:
            # No window, the socket file a crashed one left behind, or no sockets at all.
            return None
        with connection:
            try:
                connection.send(_request(chapter))
                reply = connection.receive(MAX_REQUEST_BYTES, REPLY_TIMEOUT_S)
            except OSError:
                reply = b""
        # Even when it did not answer the request waits in the channel for it: starting a
        # second writer would be worse than waiting.
        return HANDED_OFF if reply == REPLY else BUSY

    def listen(self) -> bool:
        """Become the data folder's window; False if another one is, or no channel can be made.

        A socket file left by a window that crashed is replaced, but only after a try to
        reach it has failed: a window that has just started keeps its socket.
        """
        if self.channel is None or self._listening is not None:
            return self._listening is not None
        try:
            listening = self.channel.listen()
        except OSError:
            return False
        if listening is None:
            return False
        self._listening = listening
        self._thread = threading.Thread(
            target=self._serve_requests, name="field-reader-single-instance", daemon=True
        )
        self._thread.start()
        return True

    @property
    def listening(self) -> bool:
        """Whether this process is the data folder's window."""
        return self._listening is not None

    def close(self) -> None:
        """Stop answering (the socket file is removed); safe to call more than once."""
        listening, thread = self._listening, self._thread
        self._listening = self._thread = None
        if listening is not None:
            listening.close()
        if thread is not None:
            thread.join(CONNECT_TIMEOUT_S)

    def _serve_requests(self) -> None:
        """The listening thread: answer each start at once, pass its request on, repeat."""
        listening = self._listening
        while listening is not None:
            try:
                connection = listening.accept()
            except OSError:
                return
            if connection is None:  # closed
                return
            with connection:
                try:
                    line = connection.receive(MAX_REQUEST_BYTES, CONNECT_TIMEOUT_S)
                    if not line.endswith(b"\n"):
                        continue  # cut short, too long, or only a probe: not a request
                    connection.send(REPLY)
                except OSError:
                    continue
            self._arrived.emit(_chapter_of(line))

    @Slot(object)
    def _deliver(self, chapter: str | None) -> None:
        self.requested.emit(chapter)

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
        window.statusBar().showMessage(
            translate("SingleInstance", "There is no chapter {slug} in this library.").format(
                slug=repr(chapter)
            ),
            8000,
        )
        return
    window.leave_place()
    window.open_chapter(chapter)

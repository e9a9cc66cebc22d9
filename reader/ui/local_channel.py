"""A private local channel between two Field Reader processes of one user, without Qt.

On Linux and macOS it is a Unix-domain socket in a folder only the user can enter
(`$XDG_RUNTIME_DIR`, else `/tmp/field-reader-<uid>/`, created 0700); on Windows a named
pipe. Messages are short lines of bytes. reader/ui/single_instance.py builds on it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import socket
import stat
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self

if TYPE_CHECKING:
    from multiprocessing.connection import Listener
    from multiprocessing.connection import _ConnectionBase as PipeEnd

# sun_path holds 108 bytes on Linux and 104 on macOS, the closing NUL included.
MAX_SOCKET_PATH_BYTES = 103 if sys.platform == "darwin" else 107
# How long a start waits for another one that is claiming the same socket right now.
CLAIM_WAIT_S = 1.0
_LISTEN_BACKLOG = 8


class Connection(Protocol):
    """One conversation: bytes out, a line in; closed on leaving a `with` block."""

    def send(self, data: bytes) -> None:
        """Send all of `data` (OSError if the other side is gone)."""

    def receive(self, limit: int, timeout: float) -> bytes:
        """Bytes up to and including the first newline; fewer at the end or past `limit`."""

    def close(self) -> None:
        """End the conversation."""

    def __enter__(self) -> Connection:
        """The connection itself."""

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Close the connection."""


class Listening(Protocol):
    """The listening end: conversations one at a time until closed."""

    def accept(self) -> Connection | None:
        """Wait for the next conversation; None once `close` was called."""

    def close(self) -> None:
        """Stop listening (from any thread): `accept` returns None, the socket file goes."""


class Channel(Protocol):
    """A named place to listen on or to connect to."""

    @property
    def address(self) -> str:
        """The socket path or pipe name."""

    def connect(self, timeout: float) -> Connection:
        """Reach whoever listens; OSError (FileNotFoundError, ConnectionRefusedError) if none."""

    def listen(self) -> Listening | None:
        """Listen here; None when someone else already does."""


# -- Unix-domain sockets ---------------------------------------------------------------


def _is_private_folder(path: Path) -> bool:
    """Whether `path` is a real folder (not a link) of this user that nobody else can enter."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    )


def _own_temporary_folder() -> Path | None:
    """`/tmp/field-reader-<uid>/`, made 0700 when missing; None if someone else holds it."""
    folder = Path("/tmp") / f"field-reader-{os.getuid()}"
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        info = os.lstat(folder)
        ours = stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
        if ours and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            # Ours but opened up (by hand, or by a umask when it was made): close it again.
            os.chmod(folder, 0o700)
    except OSError:
        return None
    return folder if _is_private_folder(folder) else None


def socket_path(name: str) -> Path | None:
    """Where the socket called `name` lives; None when no private folder can be had.

    `$XDG_RUNTIME_DIR` is used when it is the user's own 0700 folder and the path fits in
    a socket address; else `/tmp/field-reader-<uid>/`.
    """
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    file_name = f"{name}.sock"
    if runtime and os.path.isabs(runtime) and _is_private_folder(Path(runtime)):
        path = Path(runtime) / file_name
        if len(os.fsencode(path)) <= MAX_SOCKET_PATH_BYTES:
            return path
    folder = _own_temporary_folder()
    if folder is None:
        return None
    path = folder / file_name
    return path if len(os.fsencode(path)) <= MAX_SOCKET_PATH_BYTES else None


class _ClosedOnExit:
    """A connection closed on leaving a `with` block (its `close` does the work)."""

    def close(self) -> None:
        """End the conversation."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        """The connection itself."""
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Close the connection."""
        self.close()


class SocketConnection(_ClosedOnExit):
    """A conversation over a connected stream socket."""

    def __init__(self, sock: socket.socket) -> None:
        """Wrap a connected socket (closed with this object)."""
        self._sock = sock

    def send(self, data: bytes) -> None:
        """Send all of `data`."""
        self._sock.sendall(data)

    def receive(self, limit: int, timeout: float) -> bytes:
        """Bytes up to and including the first newline; fewer at the end or past `limit`."""
        self._sock.settimeout(timeout)
        data = b""
        while b"\n" not in data and len(data) <= limit:
            chunk = self._sock.recv(limit + 1 - len(data))
            if not chunk:
                break
            data += chunk
        end = data.find(b"\n")
        return data[: end + 1] if end >= 0 else data

    def close(self) -> None:
        """Close the socket."""
        self._sock.close()


class UnixListening:
    """A listening Unix socket, woken through a socket pair when it is closed."""

    def __init__(self, server: socket.socket, path: Path) -> None:
        """Take over a bound, listening `server` socket whose file is `path`."""
        self._server = server
        self._path = path
        info = os.stat(path)
        # Only this socket's file is removed at the end, never one a successor made.
        self._identity = (info.st_dev, info.st_ino)
        self._wake_in, self._wake_out = socket.socketpair()
        self._closed = False
        server.setblocking(False)

    def accept(self) -> Connection | None:
        """Wait for the next conversation; None once closed (its sockets are closed then)."""
        while not self._closed:
            try:
                ready, _, _ = select.select([self._server, self._wake_in], [], [])
            except OSError:
                break
            if self._wake_in in ready:
                break
            try:
                sock, _ = self._server.accept()
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                continue
            sock.setblocking(True)
            return SocketConnection(sock)
        for end in (self._server, self._wake_in, self._wake_out):
            end.close()
        return None

    def close(self) -> None:
        """Stop listening: remove this socket's file and wake `accept`."""
        if self._closed:
            return
        self._closed = True
        try:
            info = os.stat(self._path)
            if (info.st_dev, info.st_ino) == self._identity:
                os.unlink(self._path)
        except OSError:
            pass
        with contextlib.suppress(OSError):
            self._wake_out.send(b"x")


class UnixChannel:
    """A Unix-domain socket at a path in a private folder."""

    def __init__(self, path: Path) -> None:
        """The channel whose socket file is `path`."""
        self._path = path

    @property
    def address(self) -> str:
        """The socket file's path."""
        return str(self._path)

    def connect(self, timeout: float) -> Connection:
        """Reach whoever listens; FileNotFoundError or ConnectionRefusedError if none."""
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.settimeout(timeout)
            sock.connect(str(self._path))
        except BaseException:
            sock.close()
            raise
        return SocketConnection(sock)

    def listen(self) -> Listening | None:
        """Listen here; None when a live window already does.

        Starts that claim a socket at the same moment take turns on a lock of its folder,
        so that one cannot remove the socket another has just made. (The folder, not a
        lock file: nothing is left behind, and a claim takes about a millisecond.)
        """
        import fcntl

        lock = os.open(self._path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            deadline = time.monotonic() + CLAIM_WAIT_S
            while True:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        return None  # another start is stuck claiming it: let it have it
                    time.sleep(0.01)
            return self._claim()
        finally:
            os.close(lock)  # releases the lock

    def _claim(self) -> Listening | None:
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            try:
                server.bind(str(self._path))
            except OSError as error:
                if error.errno != errno.EADDRINUSE:
                    raise
                if self._answers():
                    server.close()
                    return None
                # Nobody answers: the file a crashed window left behind.
                self._path.unlink(missing_ok=True)
                server.bind(str(self._path))
            server.listen(_LISTEN_BACKLOG)
            return UnixListening(server, self._path)
        except BaseException:
            server.close()
            raise

    def _answers(self) -> bool:
        """Whether a window listens on the socket file (a bare connection, then closed)."""
        try:
            self.connect(CLAIM_WAIT_S).close()
        except (ConnectionRefusedError, FileNotFoundError):
            return False
        except OSError:
            return True  # slow or odd, but maybe alive: never take a live window's socket
        return True


# -- Windows named pipes ---------------------------------------------------------------


class NamedPipeConnection(_ClosedOnExit):
    """A conversation over one end of a named pipe (multiprocessing's message framing)."""

    def __init__(self, end: PipeEnd) -> None:
        """Wrap a connected pipe end."""
        self._end = end

    def send(self, data: bytes) -> None:
        """Send `data` as one message."""
        self._end.send_bytes(data)

    def receive(self, limit: int, timeout: float) -> bytes:
        """The next message (at most `limit` bytes), b"" if the other side left."""
        if not self._end.poll(timeout):
            raise TimeoutError("no answer in time")
        try:
            return self._end.recv_bytes(limit)
        except EOFError:
            return b""

    def close(self) -> None:
        """Close this end."""
        self._end.close()


class PipeListening:
    """A listening named pipe, woken by a connection of its own when closed."""

    def __init__(self, listener: Listener, address: str) -> None:
        """Take over a listening pipe."""
        self._listener = listener
        self._address = address
        self._closed = False

    def accept(self) -> Connection | None:
        """Wait for the next conversation; None once closed."""
        try:
            end = self._listener.accept()
        except OSError:
            end = None
        if self._closed or end is None:
            if end is not None:
                end.close()
            self._listener.close()
            return None
        return NamedPipeConnection(end)

    def close(self) -> None:
        """Stop listening: `accept` is woken by a connection that says nothing."""
        if self._closed:
            return
        self._closed = True
        from multiprocessing.connection import Client

        with contextlib.suppress(OSError):
            Client(self._address, family="AF_PIPE").close()


class PipeChannel:
    """A Windows named pipe `\\\\.\\pipe\\<name>`."""

    def __init__(self, name: str) -> None:
        """The pipe called `name`."""
        self._address = rf"\\.\pipe\{name}"

    @property
    def address(self) -> str:
        """The pipe's name."""
        return self._address

    def connect(self, timeout: float) -> Connection:
        """Reach whoever listens; FileNotFoundError if none."""
        from multiprocessing.connection import Client

        return NamedPipeConnection(Client(self._address, family="AF_PIPE"))

    def listen(self) -> Listening | None:
        """Listen here; None when a window already does (the first instance owns the name)."""
        from multiprocessing.connection import Listener

        try:
            listener = Listener(self._address, family="AF_PIPE")
        except PermissionError:
            return None
        return PipeListening(listener, self._address)


def channel_for(name: str) -> Channel | None:
    """The channel called `name` for this user; None where no private place can be had."""
    if sys.platform == "win32":
        return PipeChannel(name)
    path = socket_path(name)
    return UnixChannel(path) if path is not None else None

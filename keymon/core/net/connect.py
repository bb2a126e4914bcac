"""Deadlines, cancellation, name resolution, TCP connection and the HTTP CONNECT tunnel.

Every wait is a ``poll`` on a non-blocking socket bounded by the probe's overall
deadline and cut into short slices, so that a cancel token (or a socket closed by
another thread) stops the probe within a fraction of a second.
"""

from __future__ import annotations

import base64
import errno
import ipaddress
import os
import select
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from keymon.core.errors import UsageError
from keymon.core.net.result import CancelToken, ProbeErrorKind
from keymon.core.text import QT_TRANSLATE_NOOP, Text

SLICE = 0.1
"""Longest single wait: how soon a cancel token without a socket hook is noticed."""
MAX_PROXY_RESPONSE = 16 * 1024
_IN_PROGRESS = {errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY, 10035}  # 10035: Windows
_Address = tuple[int, tuple[str, int] | tuple[str, int, int, int]]


def _t(template: str, **values: object) -> Text:
    return Text.of("Probe", template, **values)


class StepFailed(Exception):
    """A step failed; ``kind`` and ``message`` become the probe's error."""

    def __init__(self, kind: ProbeErrorKind, message: str | Text, alert: str | None = None) -> None:
        super().__init__(str(message))
        self.kind = kind
        self.message = str(message)
        self.text = message if isinstance(message, Text) else None
        self.alert = alert


class Deadline:
    def __init__(self, timeout: float, cancel: CancelToken | None) -> None:
        self.timeout = timeout
        self.end = time.monotonic() + timeout
        self.cancel = cancel

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def check(self, what: str) -> None:
        if self.cancel is not None and self.cancel.cancelled:
            raise StepFailed(
                ProbeErrorKind.CANCELLED, _t(QT_TRANSLATE_NOOP("Probe", "The probe was cancelled."))
            )
        if self.remaining() <= 0:
            raise StepFailed(
                ProbeErrorKind.TIMED_OUT,
                _t(
                    QT_TRANSLATE_NOOP("Probe", "No answer within {seconds} s ({step})."),
                    seconds=f"{self.timeout:g}",
                    step=what,
                ),
            )

    def wait(
        self, sock: socket.socket, *, write: bool, what: str, until: float | None = None
    ) -> bool:
        """True when ``sock`` is readable (or writable); False when ``until`` (monotonic) passed.

        Raises :class:`StepFailed` when the deadline passes or the probe is cancelled.
        """
        while True:
            self.check(what)
            fd = sock.fileno()
            if fd < 0:
                raise StepFailed(
                    ProbeErrorKind.CANCELLED,
                    _t(QT_TRANSLATE_NOOP("Probe", "The connection was closed.")),
                )
            limit = self.remaining()
            if until is not None:
                limit = min(limit, until - time.monotonic())
                if limit <= 0:
                    return False
            if _ready(fd, write, min(limit, SLICE)):
                return True


if hasattr(select, "poll"):

    def _ready(fd: int, write: bool, timeout: float) -> bool:
        poller = select.poll()
        poller.register(fd, select.POLLOUT if write else select.POLLIN)
        return bool(poller.poll(max(timeout, 0.0) * 1000))

else:  # pragma: no cover - Windows

    def _ready(fd: int, write: bool, timeout: float) -> bool:
        try:
            r, w, x = select.select([] if write else [fd], [fd] if write else [], [fd], timeout)
        except (OSError, ValueError):
            return True  # the next socket call reports the problem
        return bool(r or w or x)


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _reserved(host: str) -> bool:
    """Names that never resolve (RFC 6761 ``.invalid``): answered without asking DNS."""
    return host.rstrip(".").lower().rsplit(".", 1)[-1] == "invalid"


def resolve(host: str, port: int, deadline: Deadline) -> list[_Address]:
    """(family, address) pairs for ``host``; IP literals are not looked up."""
    if is_ip(host):
        ip = ipaddress.ip_address(host)
        if ip.version == 6:
            return [(socket.AF_INET6, (host, port, 0, 0))]
        return [(socket.AF_INET, (host, port))]
    if _reserved(host):
        raise StepFailed(
            ProbeErrorKind.NAME_NOT_FOUND,
            _t(QT_TRANSLATE_NOOP("Probe", "The name “{host}” does not exist."), host=host),
        )
    outcome: list[object] = []
    done = threading.Event()

    def lookup() -> None:  # getaddrinfo has no timeout: run it aside and stop waiting
        try:
            outcome.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except (OSError, UnicodeError) as exc:
            outcome.append(exc)
        done.set()

    threading.Thread(target=lookup, name=f"resolve {host}", daemon=True).start()
    while not done.wait(min(max(deadline.remaining(), 0.0), SLICE)):
        deadline.check("name resolution")
    result = outcome[0]
    if isinstance(result, BaseException):
        detail = result.args[-1] if isinstance(result, OSError) and result.args else result
        raise StepFailed(
            ProbeErrorKind.NAME_NOT_FOUND,
            _t(
                QT_TRANSLATE_NOOP("Probe", "The name “{host}” was not found ({detail})."),
                host=host,
                detail=detail,
            ),
        )
    addresses: list[_Address] = []
    for family, _type, _proto, _canon, sockaddr in result:  # type: ignore[attr-defined]
        if family in (socket.AF_INET, socket.AF_INET6) and (family, sockaddr) not in addresses:
            addresses.append((family, sockaddr))
    if not addresses:
        raise StepFailed(
            ProbeErrorKind.NAME_NOT_FOUND,
            _t(QT_TRANSLATE_NOOP("Probe", "The name “{host}” has no address."), host=host),
        )
    return addresses


def connect(addresses: list[_Address], deadline: Deadline, what: str) -> socket.socket:
    """A connected non-blocking socket to the first address that answers."""
    errors: list[OSError] = []
    for family, address in addresses:
        sock = socket.socket(family, socket.SOCK_STREAM)
        connected = False
        try:
            connected = _connect_one(sock, address, deadline, what, errors)
        finally:
            if not connected:
                release(sock, deadline)
        if connected:
            return sock
        deadline.check(what)
    where = _where(addresses)
    if errors and all(e.errno == errno.ECONNREFUSED for e in errors):
        raise StepFailed(
            ProbeErrorKind.CONNECTION_REFUSED,
            _t(
                QT_TRANSLATE_NOOP("Probe", "{peer} refused the connection (nothing listens)."),
                peer=where,
            ),
        )
    detail = errors[-1].strerror if errors else "no address"
    raise StepFailed(
        ProbeErrorKind.CONNECTION_FAILED,
        _t(
            QT_TRANSLATE_NOOP("Probe", "{peer} cannot be reached ({detail})."),
            peer=where,
            detail=detail,
        ),
    )


def _connect_one(
    sock: socket.socket,
    address: tuple[object, ...],
    deadline: Deadline,
    what: str,
    errors: list[OSError],
) -> bool:
    try:
        sock.setblocking(False)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        attach = getattr(deadline.cancel, "attach", None)
        if attach is not None:
            attach(sock)
        code = sock.connect_ex(address)
        if code in _IN_PROGRESS:
            deadline.wait(sock, write=True, what=what)
            code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    except OSError as exc:
        deadline.check(what)
        if sock.fileno() < 0:  # closed by another thread
            raise StepFailed(
                ProbeErrorKind.CANCELLED,
                _t(QT_TRANSLATE_NOOP("Probe", "The connection was closed.")),
            ) from None
        errors.append(exc)
        return False
    if code in (0, errno.EISCONN):
        return True
    errors.append(OSError(code, _strerror(code)))
    return False


def release(sock: socket.socket, deadline: Deadline) -> None:
    detach = getattr(deadline.cancel, "detach", None)
    if detach is not None:
        detach(sock)
    sock.close()


def _strerror(code: int) -> str:
    try:
        return os.strerror(code)
    except ValueError:  # pragma: no cover
        return f"error {code}"


def _where(addresses: list[_Address]) -> str:
    host, port = addresses[0][1][0], addresses[0][1][1]
    shown = f"[{host}]" if ":" in host else host
    return f"{shown}:{port}"


def send_all(sock: socket.socket, data: bytes, deadline: Deadline, what: str) -> None:
    view = memoryview(data)
    while view:
        try:
            sent = sock.send(view)
        except BlockingIOError:
            deadline.wait(sock, write=True, what=what)
            continue
        except OSError as exc:
            raise _closed(exc, deadline, what) from exc
        view = view[sent:]


def recv_some(sock: socket.socket, deadline: Deadline, what: str, size: int = 65536) -> bytes:
    """The next bytes from ``sock``; b"" at the end of the stream."""
    while True:
        deadline.wait(sock, write=False, what=what)
        try:
            return sock.recv(size)
        except BlockingIOError:
            continue
        except OSError as exc:
            raise _closed(exc, deadline, what) from exc


def _closed(exc: OSError, deadline: Deadline, what: str) -> StepFailed:
    deadline.check(what)  # a cancel shuts the socket down: report the cancel
    if exc.errno == errno.EBADF:
        return StepFailed(
            ProbeErrorKind.CANCELLED, _t(QT_TRANSLATE_NOOP("Probe", "The connection was closed."))
        )
    return StepFailed(
        ProbeErrorKind.CONNECTION_CLOSED,
        _t(
            QT_TRANSLATE_NOOP("Probe", "The connection failed during the {step} ({detail})."),
            step=what,
            detail=exc.strerror or exc,
        ),
    )


# -- HTTP CONNECT proxy ------------------------------------------------------------
@dataclass(frozen=True)
class Proxy:
    host: str
    port: int
    authorization: str | None = None

    @classmethod
    def parse(cls, url: str) -> Proxy:
        parts = urlsplit(url if "://" in url else f"http://{url}")
        if parts.scheme != "http" or not parts.hostname:
            raise UsageError(f"The proxy {url!r} is not of the form http://HOST:PORT.")
        try:
            port = parts.port or 80
        except ValueError as exc:
            raise UsageError(f"The proxy {url!r} has a bad port.") from exc
        auth = None
        if parts.username is not None:
            pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
            auth = "Basic " + base64.b64encode(pair.encode("utf-8")).decode("ascii")
        return cls(parts.hostname, port, auth)


def tunnel(sock: socket.socket, proxy: Proxy, host: str, port: int, deadline: Deadline) -> bytes:
    """Ask the proxy for a tunnel to host:port; returns bytes that came after its answer."""
    target = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    lines = [f"CONNECT {target} HTTP/1.1", f"Host: {target}", "User-Agent: keymon"]
    if proxy.authorization:
        lines.append(f"Proxy-Authorization: {proxy.authorization}")
    send_all(sock, ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8"), deadline, "proxy tunnel")
    buffer = b""
    while b"\r\n\r\n" not in buffer:
        chunk = recv_some(sock, deadline, "proxy tunnel")
        if not chunk:
            raise StepFailed(
                ProbeErrorKind.PROXY_FAILED,
                _t(
                    QT_TRANSLATE_NOOP("Probe", "The proxy closed the connection without an answer.")
                ),
            )
        buffer += chunk
        if len(buffer) > MAX_PROXY_RESPONSE and b"\r\n\r\n" not in buffer:
            raise StepFailed(
                ProbeErrorKind.PROXY_FAILED,
                _t(QT_TRANSLATE_NOOP("Probe", "The proxy's answer is too long.")),
            )
    head, _, rest = buffer.partition(b"\r\n\r\n")
    status = head.split(b"\r\n", 1)[0].decode("latin-1").strip()
    fields = status.split(None, 2)
    if len(fields) < 2 or not fields[0].startswith("HTTP/") or not fields[1].isdigit():
        raise StepFailed(
            ProbeErrorKind.PROXY_FAILED,
            _t(
                QT_TRANSLATE_NOOP("Probe", "The proxy did not answer HTTP ({status})."),
                status=repr(status),
            ),
        )
    if not 200 <= int(fields[1]) < 300:
        raise StepFailed(
            ProbeErrorKind.PROXY_FAILED,
            _t(
                QT_TRANSLATE_NOOP("Probe", "The proxy refused the tunnel to {target}: {status}."),
                target=target,
                status=status,
            ),
        )
    return rest

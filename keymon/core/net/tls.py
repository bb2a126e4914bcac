"""The TLS client side of a probe: pyOpenSSL over memory BIOs on our own socket.

OpenSSL never touches the socket: we move the bytes, so every wait honours the
probe's deadline and cancel token, we can cap what a server makes us read, and
we see the first bytes it sent (to say "this is plain HTTP" instead of "wrong
version number"). OpenSSL never verifies either (``VERIFY_NONE``): the chain is
captured as sent and judged by :mod:`keymon.core.x509.chain`. The context's info
callback (:mod:`keymon.core.net.context`) tells whether the server asked for a
client certificate and which alert it sent.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from OpenSSL import SSL

from keymon.core.entries import CertInfo
from keymon.core.errors import UsageError
from keymon.core.net.connect import Deadline, StepFailed, recv_some, release, send_all
from keymon.core.net.context import CERT_ALERTS, HINTS, HandshakeState, alert_name, reasons
from keymon.core.net.result import ProbeErrorKind

T = TypeVar("T")
MAX_HANDSHAKE_BYTES = 1024 * 1024
"""What a server may send us before we give up (OpenSSL also caps a certificate list at 100 KiB)."""
MAX_CHAIN = 100
"""Certificates of the server's chain we look at."""


# -- certificates seen on the wire -----------------------------------------------------
class SeenCert(CertInfo):
    """A server's certificate, kept in a small process-wide cache by DER.

    Servers send the same chain every time: probing a server again costs no parsing,
    and no signature check either (each CertInfo remembers the issuers it checked).
    """


_SEEN: OrderedDict[bytes, SeenCert] = OrderedDict()
_SEEN_LOCK = threading.Lock()
_SEEN_MAX = 512


def seen_cert(cert: x509.Certificate) -> SeenCert:
    der = cert.public_bytes(Encoding.DER)
    with _SEEN_LOCK:
        found = _SEEN.get(der)
        if found is not None:
            _SEEN.move_to_end(der)
            return found
        found = _SEEN[der] = SeenCert(der, cert)
        if len(_SEEN) > _SEEN_MAX:
            _SEEN.popitem(last=False)
        return found


# -- the connection ------------------------------------------------------------------
@dataclass(frozen=True)
class TlsDetails:
    protocol: str | None
    cipher: str | None
    alpn: str | None
    chain: tuple[CertInfo, ...]
    chain_length: int
    """How many certificates the server sent (``chain`` stops at MAX_CHAIN)."""
    ca_names: tuple[x509.Name, ...]
    cert_requested: bool


class TlsChannel:
    def __init__(
        self,
        sock: socket.socket,
        ctx: SSL.Context,
        server_name: str | None,
        deadline: Deadline,
        initial: bytes = b"",
    ) -> None:
        self.sock = sock
        self.deadline = deadline
        self.state = HandshakeState()
        self.conn = SSL.Connection(ctx, None)
        self.conn.set_app_data(self.state)
        self.conn.set_connect_state()
        if server_name:
            try:
                self.conn.set_tlsext_host_name(server_name.encode("idna"))
            except UnicodeError as exc:
                raise UsageError(f"{server_name!r} is not a valid server name.") from exc
        self.head = b""
        self.received = 0
        self.handshake_done = False
        self.pending = b""
        self.reset = False
        self.records_after_handshake = 0
        self._frame = b""
        self._body_left: int | None = None
        self._details: TlsDetails | None = None
        self._details_final = False
        if initial:
            self._feed(initial)

    # -- moving bytes ----------------------------------------------------------------
    def _feed(self, data: bytes) -> None:
        if len(self.head) < 64:
            self.head += data[: 64 - len(self.head)]
        self.received += len(data)
        if self.received > MAX_HANDSHAKE_BYTES and not self.handshake_done:
            raise StepFailed(
                ProbeErrorKind.TLS_FAILED,
                f"The server sent more than {MAX_HANDSHAKE_BYTES // 1024} KiB "
                "without finishing the handshake.",
            )
        if self.handshake_done:
            self._count_records(data)
        self.conn.bio_write(data)

    def _count_records(self, data: bytes) -> None:
        """Count the complete TLS records received after the handshake (5-byte headers)."""
        buf, i = self._frame + data, 0
        while True:
            if self._body_left is None:
                if len(buf) - i < 5:
                    break
                self._body_left = int.from_bytes(buf[i + 3 : i + 5], "big")
                i += 5
            take = min(self._body_left, len(buf) - i)
            self._body_left -= take
            i += take
            if self._body_left:
                break
            self._body_left = None
            self.records_after_handshake += 1
        self._frame = buf[i:]

    def _flush(self, what: str) -> None:
        while True:
            try:
                data = self.conn.bio_read(65536)
            except SSL.WantReadError:
                return
            send_all(self.sock, data, self.deadline, what)

    def _fill(self, what: str, until: float | None = None) -> bool:
        """Feed OpenSSL the next bytes; False when ``until`` passed first."""
        if not self.deadline.wait(self.sock, write=False, what=what, until=until):
            return False
        try:
            data = recv_some(self.sock, self.deadline, what)
        except StepFailed as failed:
            if failed.kind is not ProbeErrorKind.CONNECTION_CLOSED:
                raise
            self.reset = True
            data = b""  # a reset: let OpenSSL report the end with what it already has
        if data:
            self._feed(data)
        else:
            self.conn.bio_shutdown()  # OpenSSL then reports the end of the stream
        return True

    def _run(self, op: Callable[[], T], what: str) -> T:
        while True:
            self.deadline.check(what)
            try:
                result = op()
            except SSL.WantReadError:
                self._flush(what)
                self._fill(what)
                continue
            except SSL.Error:
                self._flush_quietly()  # let the server see our alert
                raise
            self._flush(what)
            return result

    def _flush_quietly(self) -> None:
        try:
            data = self.conn.bio_read(65536)
            self.sock.send(data)
        except (SSL.Error, OSError):
            pass

    # -- steps -----------------------------------------------------------------------
    def handshake(self, client_given: bool) -> None:
        try:
            self._run(self.conn.do_handshake, "TLS handshake")
        except SSL.Error as exc:
            raise self.failure(exc, client_given, after_handshake=False) from None
        self.handshake_done = True

    def await_verdict(self, window: float, client_given: bool) -> bool:
        """TLS 1.3: the server judges our certificate after the handshake.

        True when the server sent a whole record (session tickets, data) that was no
        alert, False when it stayed silent for ``window`` seconds. Raises on an alert or
        a close.
        """
        until = time.monotonic() + window
        while True:
            self.deadline.check("client certificate check")
            try:
                self.pending += self.conn.recv(1)
                return True
            except SSL.WantReadError:
                self._flush("client certificate check")
                if self.records_after_handshake:
                    return True
                if not self._fill("client certificate check", until):
                    return False
            except SSL.Error as exc:
                raise self.failure(exc, client_given, after_handshake=True) from None

    def send(self, data: bytes, what: str) -> None:
        self._run(lambda: self.conn.sendall(data), what)

    def recv(self, size: int, what: str, client_given: bool) -> bytes:
        """Application data; b"" at the end of the stream."""
        if self.pending:
            data, self.pending = self.pending, b""
            return data
        try:
            return self._run(lambda: self.conn.recv(size), what)
        except (SSL.ZeroReturnError, SSL.SysCallError):
            if self.state.alert_received not in (None, 0):
                raise self.failure(SSL.Error(), client_given, after_handshake=True) from None
            return b""
        except SSL.Error as exc:
            raise self.failure(exc, client_given, after_handshake=True) from None

    def details(self) -> TlsDetails:
        """What the server showed; taken once the handshake is over (or failed)."""
        if self._details is None or not self._details_final:
            self._details = self._take_details()
            self._details_final = self.handshake_done
        return self._details

    def _take_details(self) -> TlsDetails:
        conn = self.conn
        certs = conn.get_peer_cert_chain(as_cryptography=True) or []
        chain: tuple[CertInfo, ...] = tuple(seen_cert(c) for c in certs[:MAX_CHAIN])
        started = self.handshake_done or bool(chain)
        alpn = conn.get_alpn_proto_negotiated() if self.handshake_done else b""
        return TlsDetails(
            protocol=conn.get_protocol_version_name() if started else None,
            cipher=conn.get_cipher_name() if started else None,
            alpn=alpn.decode("ascii", "replace") or None,
            chain=chain,
            chain_length=len(certs),
            ca_names=tuple(conn.get_client_ca_list(as_cryptography=True)),
            cert_requested=self.state.cert_requested,
        )

    def close(self) -> None:
        if self.handshake_done:
            try:
                self.conn.shutdown()
                self.sock.send(self.conn.bio_read(65536))
            except (SSL.Error, OSError):
                pass
        release(self.sock, self.deadline)

    # -- what went wrong ---------------------------------------------------------------
    def failure(self, exc: SSL.Error, client_given: bool, *, after_handshake: bool) -> StepFailed:
        state = self.state
        if self.head and not _looks_like_tls(self.head):
            return StepFailed(
                ProbeErrorKind.NOT_TLS,
                f"The server does not speak TLS: it answered {describe_bytes(self.head)}.",
            )
        if state.alert_received not in (None, 0):
            return self._alert_failure(state.alert_received or 0, client_given)
        if isinstance(exc, (SSL.SysCallError, SSL.ZeroReturnError)):
            if after_handshake:
                text = "The server closed the connection right after the handshake"
                if state.cert_requested:
                    text += " (perhaps because of the client certificate)"
            elif not self.received:
                text = "The server closed the connection without answering the TLS hello"
            else:
                text = "The server closed the connection during the TLS handshake"
            if self.reset:
                text = text.replace("closed", "reset")
            return StepFailed(ProbeErrorKind.CONNECTION_CLOSED, text + ".")
        detail = reasons(exc) or "unknown error"
        return StepFailed(ProbeErrorKind.TLS_FAILED, f"The TLS handshake failed ({detail}).")

    def _alert_failure(self, code: int, client_given: bool) -> StepFailed:
        name = alert_name(code)
        hint = HINTS.get(name)
        detail = f"TLS alert {name}" + (f": {hint}" if hint else "")
        state = self.state
        if state.cert_requested and state.client_flight and code in CERT_ALERTS:
            if client_given:
                return StepFailed(
                    ProbeErrorKind.CLIENT_CERTIFICATE_REJECTED,
                    f"The server rejected our client certificate ({detail}).",
                    alert=name,
                )
            return StepFailed(
                ProbeErrorKind.CLIENT_CERTIFICATE_REQUIRED,
                f"The server requires a client certificate and none was sent (TLS alert {name}).",
                alert=name,
            )
        return StepFailed(
            ProbeErrorKind.TLS_ALERT, f"The server ended the connection ({detail}).", alert=name
        )


def _looks_like_tls(head: bytes) -> bool:
    """A TLS record starts with a content type 20-24 and major version 3."""
    return len(head) < 2 or (20 <= head[0] <= 24 and head[1] == 3)


def describe_bytes(head: bytes) -> str:
    line = head.split(b"\n", 1)[0].rstrip(b"\r")
    if head.startswith(b"HTTP/"):
        return f"in plain HTTP (“{line.decode('latin-1')}”)"
    printable = sum(32 <= b < 127 for b in line)
    if line and printable >= 0.9 * len(line):
        return f"“{line[:60].decode('latin-1')}”"
    return f"with the bytes {head[:16].hex(' ')}"

"""Servers for the probe tests, all on 127.0.0.1 with ephemeral ports.

- :class:`OpenSSLServer`: ``openssl s_server``, ready when it prints its ACCEPT line;
- :class:`PyServer`: a thread that hands each connection to a behaviour (silent,
  close at once, plain HTTP, garbage, a Python ``ssl`` TLS server, a CONNECT proxy);
- :class:`HttpFiles`: serves bytes by path (AIA downloads).

Every server stops (and closes its connections) when its ``with`` block ends.
Nothing waits with ``sleep``: readiness is a printed line or a bound socket.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import queue
import re
import select
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import AuthorityInformationAccessOID

from keymon.core.entries import CertInfo, KeyPairEntry
from tests import factory

READY_TIMEOUT = 10.0


# -- certificates ----------------------------------------------------------------------
def key(index: int) -> ec.EllipticCurvePrivateKey:
    return factory.ec_key(1000 + index)


def leaf(
    subject_key: ec.EllipticCurvePrivateKey,
    cn: str,
    issuer_key: ec.EllipticCurvePrivateKey,
    issuer: x509.Certificate,
    *,
    san: Sequence[str] = ("localhost",),
    aia: str | None = None,
    not_before: dt.datetime | None = None,
    days: int = 365,
) -> x509.Certificate:
    """An end-entity certificate, optionally with an AIA CA Issuers URL."""
    start = not_before or factory.NOW - dt.timedelta(days=1)
    builder = (
        x509.CertificateBuilder()
        .subject_name(factory.name(cn))
        .issuer_name(issuer.subject)
        .public_key(subject_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(subject_key.public_key()), critical=False
        )
    )
    if san:
        names = [x509.DNSName(s) for s in san]
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    if aia:
        desc = x509.AccessDescription(
            AuthorityInformationAccessOID.CA_ISSUERS, x509.UniformResourceIdentifier(aia)
        )
        builder = builder.add_extension(x509.AuthorityInformationAccess([desc]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def key_pem(k: ec.EllipticCurvePrivateKey) -> bytes:
    return k.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def info(*certs: x509.Certificate) -> tuple[CertInfo, ...]:
    return tuple(CertInfo.from_cert(c) for c in certs)


@dataclass(frozen=True)
class Identity:
    """A key and the chain a server sends (leaf first), written to files."""

    key: ec.EllipticCurvePrivateKey
    chain: tuple[x509.Certificate, ...]
    cert_file: Path
    chain_file: Path
    rest_file: Path
    """The chain without the leaf (``s_server -cert_chain``)."""
    key_file: Path

    @classmethod
    def write(
        cls, folder: Path, name: str, k: ec.EllipticCurvePrivateKey, *chain: x509.Certificate
    ) -> Identity:
        folder.mkdir(parents=True, exist_ok=True)
        files = [folder / f"{name}{s}" for s in (".crt", "-chain.pem", "-rest.pem", ".key")]
        files[0].write_bytes(pem(chain[0]))
        files[1].write_bytes(pem(*chain))
        files[2].write_bytes(pem(*chain[1:]))
        files[3].write_bytes(key_pem(k))
        return cls(k, tuple(chain), *files)

    def entry(self, alias: str) -> KeyPairEntry:
        return KeyPairEntry(alias, self.key, info(*self.chain))


# -- openssl s_server --------------------------------------------------------------------
class OpenSSLServer:
    """``openssl s_server -accept 127.0.0.1:0 ARGS``; ``port`` is known once it is ready."""

    def __init__(self, openssl: str, *args: str | Path) -> None:
        self.command = [openssl, "s_server", "-accept", "127.0.0.1:0", *map(str, args)]
        self.lines: queue.Queue[bytes] = queue.Queue()
        self.output: list[bytes] = []
        self.port = 0

    def __enter__(self) -> Self:
        self.proc = subprocess.Popen(
            self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        deadline = time.monotonic() + READY_TIMEOUT
        while not self.port:
            try:
                line = self.lines.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                self.__exit__(None, None, None)
                raise RuntimeError(f"s_server did not start: {b''.join(self.output)!r}") from None
            match = re.match(rb"ACCEPT 127\.0\.0\.1:(\d+)", line)
            if match:
                self.port = int(match[1])
            elif self.proc.poll() is not None and self.lines.empty():
                raise RuntimeError(f"s_server exited: {b''.join(self.output)!r}")
        return self

    def _read(self) -> None:  # keeps draining so that s_server never blocks on its output
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.output.append(line)
            self.lines.put(line)
        self.lines.put(b"")

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
        # The reader ends at EOF once the process is gone; closing stdout under a
        # running reader raised "PyMemoryView_FromBuffer(): info->buf must not be NULL".
        self.reader.join(5)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()


# -- Python servers -------------------------------------------------------------------------
Behaviour = Callable[[socket.socket, threading.Event], None]


class PyServer:
    """Accepts on 127.0.0.1 and runs ``behaviour(conn, stopping)`` per connection in a thread."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.stopping = threading.Event()
        self.accepted = threading.Event()
        self.connections: list[socket.socket] = []
        self.threads: list[threading.Thread] = []
        self.errors: list[BaseException] = []

    def __enter__(self) -> Self:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._accept_loop, daemon=True)
        self.thread.start()
        return self

    def _accept_loop(self) -> None:
        while not self.stopping.is_set():
            ready, _, _ = select.select([self.listener], [], [], 0.05)
            if not ready:
                continue
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(conn)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self.threads.append(thread)
            thread.start()
            self.accepted.set()

    def _serve(self, conn: socket.socket) -> None:
        try:
            self.behaviour(conn, self.stopping)
        except (OSError, ssl.SSLError, ValueError) as exc:
            self.errors.append(exc)  # the client went away: expected in these tests
        finally:
            conn.close()

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stopping.set()
        for conn in list(self.connections):
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self.thread.join(5)
        self.listener.close()
        for thread in self.threads:
            thread.join(5)


def _drain(conn: socket.socket, stopping: threading.Event) -> None:
    """Read until the peer closes or the server stops."""
    conn.settimeout(0.05)
    while not stopping.is_set():
        try:
            if not conn.recv(65536):
                return
        except TimeoutError:
            continue


def silent(conn: socket.socket, stopping: threading.Event) -> None:
    _drain(conn, stopping)


def close_at_once(conn: socket.socket, stopping: threading.Event) -> None:
    conn.close()


def plain_http(conn: socket.socket, stopping: threading.Event) -> None:
    conn.recv(65536)
    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


def garbage(conn: socket.socket, stopping: threading.Event) -> None:
    conn.recv(65536)
    conn.sendall(bytes(range(256)) * 8)
    _drain(conn, stopping)


def tls_like_garbage(conn: socket.socket, stopping: threading.Event) -> None:
    """A TLS record header announcing 64 KiB, then junk."""
    conn.recv(65536)
    conn.sendall(b"\x16\x03\x03\xff\xff" + b"\x00" * 65535)
    _drain(conn, stopping)


def tls(
    identity: Identity, *, http: bool = False, client_ca: Path | None = None, tickets: int = 2
) -> Behaviour:
    """A Python ``ssl`` server sending ``identity``'s chain.

    With ``client_ca`` it asks for an optional client certificate from that CA.
    """
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(identity.chain_file, identity.key_file)
    ctx.num_tickets = tickets
    if client_ca is not None:
        ctx.load_verify_locations(client_ca)
        ctx.verify_mode = ssl.CERT_OPTIONAL

    def behaviour(conn: socket.socket, stopping: threading.Event) -> None:
        conn.settimeout(5)
        with ctx.wrap_socket(conn, server_side=True) as tls_conn:
            if http:
                tls_conn.recv(65536)
                tls_conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
            _drain(tls_conn, stopping)

    return behaviour


def connect_proxy(allowed: Callable[[str], bool]) -> Behaviour:
    """An HTTP CONNECT proxy: 200 and a relay for targets ``allowed``, else 403."""

    def behaviour(conn: socket.socket, stopping: threading.Event) -> None:
        conn.settimeout(5)
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = conn.recv(4096)
            if not chunk:
                return
            request += chunk
        target = request.split(b"\r\n", 1)[0].split()[1].decode()
        if not allowed(target):
            conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
            return
        host, _, port = target.rpartition(":")
        with socket.create_connection((host.strip("[]"), int(port)), timeout=5) as upstream:
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            _relay(conn, upstream, stopping)

    return behaviour


def _relay(a: socket.socket, b: socket.socket, stopping: threading.Event) -> None:
    peers = {a: b, b: a}
    while not stopping.is_set():
        ready, _, _ = select.select(list(peers), [], [], 0.05)
        for sock in ready:
            data = sock.recv(65536)
            if not data:
                return
            peers[sock].sendall(data)


class HttpFiles:
    """A plain HTTP server answering GET /NAME with ``files[NAME]`` (404 otherwise)."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files

    def __enter__(self) -> Self:
        files = self.files

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = files.get(self.path.lstrip("/"))
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()
        return self

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


def closed_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])

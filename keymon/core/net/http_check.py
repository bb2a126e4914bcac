"""The HTTP check: one ``GET`` over the probe's own TLS connection.

Why not httpx: the request must travel over the very connection that was probed
(same proxy tunnel, SNI, client certificate and server chain), the HTTP answer is
what reveals a TLS 1.3 rejection of the client certificate, and it has to honour
the probe's deadline and cancel token. A second connection through httpx would
need the private key written to a temporary file for ``load_cert_chain`` (httpx
0.28 ignores ``cert=``), a second handshake, and could reach another server behind
a load balancer. All we need is the status line, which HTTP/1.1 makes simple.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from keymon import __version__
from keymon.core.net.connect import StepFailed
from keymon.core.net.result import ProbeErrorKind
from keymon.core.net.tls import TlsChannel, describe_bytes

MAX_STATUS_LINE = 8192
_STATUS = re.compile(rb"^HTTP/(\d(?:\.\d)?) (\d{3})(?: ([^\r\n]*))?\r?$")


@dataclass(frozen=True)
class HttpStatus:
    line: str
    code: int

    @property
    def ok(self) -> bool:
        return self.code < 400


def host_header(name: str, port: int) -> str:
    shown = f"[{name}]" if ":" in name else name
    return shown if port == 443 else f"{shown}:{port}"


def request_bytes(host: str, path: str) -> bytes:
    lines = [
        f"GET {path} HTTP/1.1",
        f"Host: {host}",
        f"User-Agent: keymon/{__version__}",
        "Accept: */*",
        "Connection: close",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")


def http_check(channel: TlsChannel, host: str, path: str, *, client_given: bool) -> HttpStatus:
    """Send ``GET path`` and read the status line (raises StepFailed without one)."""
    if any(c in path for c in "\r\n ") or any(c in host for c in "\r\n "):
        raise StepFailed(ProbeErrorKind.HTTP_ERROR, "The HTTP path or host has invalid characters.")
    channel.send(request_bytes(host, path), "HTTP request")
    buffer = b""
    while b"\n" not in buffer and len(buffer) < MAX_STATUS_LINE:
        chunk = channel.recv(4096, "HTTP request", client_given)
        if not chunk:
            break
        buffer += chunk
    line = buffer.split(b"\n", 1)[0]
    match = _STATUS.match(line)
    if match is None:
        what = describe_bytes(buffer) if buffer else "nothing"
        raise StepFailed(
            ProbeErrorKind.HTTP_ERROR, f"The server did not answer the HTTP request ({what})."
        )
    status = HttpStatus(line.rstrip(b"\r").decode("latin-1"), int(match[2]))
    return status

"""The typed request and result of a connectivity probe, and its cancellation token.

Everything here is a frozen value: the GUI shows a :class:`ProbeResult` as it is,
the command line prints it, and nothing in it refers to a live connection.
"""

from __future__ import annotations

import contextlib
import enum
import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Literal

from keymon.core.cancel import Cancelled
from keymon.core.cancel import CancelToken as BaseCancelToken
from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.errors import UsageError
from keymon.core.text import Text
from keymon.core.x509.chain import ChainReport

if TYPE_CHECKING:
    from keymon.core.keystore import Keystore
    from keymon.core.net.target import Target

TrustSource = Literal["keystore", "system"]


class StepName(enum.StrEnum):
    RESOLVE = "resolve"
    CONNECT = "connect"
    PROXY = "proxy"
    TLS = "tls"
    CLIENT_CERTIFICATE = "client_certificate"
    HTTP = "http"
    ISSUERS = "issuers"

    @property
    def label(self) -> str:
        return _STEP_LABELS[self]


_STEP_LABELS = {
    StepName.RESOLVE: "Name resolution",
    StepName.CONNECT: "TCP connection",
    StepName.PROXY: "Proxy tunnel",
    StepName.TLS: "TLS handshake",
    StepName.CLIENT_CERTIFICATE: "Client certificate",
    StepName.HTTP: "HTTP request",
    StepName.ISSUERS: "Missing issuers (AIA)",
}


class ProbeErrorKind(enum.StrEnum):
    NAME_NOT_FOUND = "name_not_found"
    CONNECTION_REFUSED = "connection_refused"
    CONNECTION_FAILED = "connection_failed"
    """Any other failure to connect (network unreachable, no route, ...)."""
    CONNECTION_CLOSED = "connection_closed"
    """The server closed or reset the connection without a TLS alert."""
    TIMED_OUT = "timed_out"
    NOT_TLS = "not_tls"
    TLS_ALERT = "tls_alert"
    TLS_FAILED = "tls_failed"
    """The handshake failed on our side (no common protocol, oversized messages, ...)."""
    CLIENT_CERTIFICATE_REQUIRED = "client_certificate_required"
    CLIENT_CERTIFICATE_REJECTED = "client_certificate_rejected"
    SERVER_UNTRUSTED = "server_untrusted"
    HOSTNAME_MISMATCH = "hostname_mismatch"
    EXPIRED = "expired"
    """A certificate of the server's chain is expired (or not yet valid)."""
    PROXY_FAILED = "proxy_failed"
    HTTP_ERROR = "http_error"
    """The HTTP check got no HTTP answer, or a status of 400 or more."""
    CANCELLED = "cancelled"

    @property
    def connected(self) -> bool:
        """True for the kinds that happen after a TLS session with the server was set up."""
        return self in _AFTER_CONNECTING


_AFTER_CONNECTING = {
    ProbeErrorKind.CLIENT_CERTIFICATE_REQUIRED,
    ProbeErrorKind.CLIENT_CERTIFICATE_REJECTED,
    ProbeErrorKind.SERVER_UNTRUSTED,
    ProbeErrorKind.HOSTNAME_MISMATCH,
    ProbeErrorKind.EXPIRED,
    ProbeErrorKind.HTTP_ERROR,
}


@dataclass(frozen=True)
class ProbeError:
    kind: ProbeErrorKind
    message: str
    step: StepName | None = None
    alert: str | None = None
    """The TLS alert the server sent, by its RFC name (``unknown_ca``), if any."""
    text: Text | None = None
    """``message`` as a translatable template with its values (for the GUI)."""


@dataclass(frozen=True)
class Step:
    name: StepName
    ok: bool
    ms: float
    message: str
    text: Text | None = None
    """``message`` as a translatable template with its values (for the GUI)."""


@dataclass(frozen=True)
class FetchedIssuer:
    """A certificate fetched from an AIA "CA Issuers" URL: a hint, never trusted."""

    cert: CertInfo
    url: str


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class ProbeRequest:
    host: str
    port: int = 443
    sni: str | None = None
    """Server name to send; by default ``host`` unless it is an IP address."""
    timeout: float = 10.0
    """Overall deadline in seconds for the whole probe."""
    proxy: str | None = None
    """``http://[user:password@]HOST:PORT``: tunnel with HTTP CONNECT."""
    client: KeyPairEntry | None = None
    verify: bool = True
    """False: report trust but do not count an untrusted server as a failure."""
    http_path: str | None = None
    trusted: Sequence[CertInfo] = ()
    """The keystore's trusted certificates."""
    key_pairs: Sequence[KeyPairEntry] = ()
    """Key pairs to match against the server's acceptable client CA names."""
    trust: TrustSource | None = None
    """Which report decides trust; by default the keystore when ``trusted`` is not empty."""
    fetch_issuers: bool = True
    """Fetch missing issuers from the chain's AIA URLs (never trusted automatically)."""

    def __post_init__(self) -> None:
        host = self.host.strip().removeprefix("[").removesuffix("]")
        if not host:
            raise UsageError("A host name is needed.")
        object.__setattr__(self, "host", host)
        if not 0 < self.port < 65536:
            raise UsageError(f"The port {self.port} is not between 1 and 65535.")
        if not self.timeout > 0:
            raise UsageError("The timeout must be more than 0 seconds.")
        if self.http_path is not None and not self.http_path.startswith("/"):
            raise UsageError(f"The HTTP path {self.http_path!r} must start with '/'.")
        object.__setattr__(self, "trusted", tuple(self.trusted))
        object.__setattr__(self, "key_pairs", tuple(self.key_pairs))

    @classmethod
    def for_keystore(
        cls,
        target: Target,
        store: Keystore | None,
        *,
        client: KeyPairEntry | None = None,
        default_port: int = 443,
        sni: str | None = None,
        timeout: float = 10.0,
        proxy: str | None = None,
        verify: bool = True,
        http_path: str | None = None,
    ) -> ProbeRequest:
        """The probe of ``target`` judged by ``store`` (its trusted certificates and key
        pairs; the system's trust without one), presenting ``client`` if given."""
        key_pairs = [e for e in store if isinstance(e, KeyPairEntry)] if store is not None else []
        return cls(
            target.host,
            target.port_or(default_port),
            sni=sni,
            timeout=timeout,
            proxy=proxy,
            client=client,
            verify=verify,
            http_path=http_path,
            trusted=store.trusted_certificates() if store is not None else (),
            key_pairs=key_pairs,
            trust="keystore" if store is not None else "system",
        )

    @property
    def server_name(self) -> str | None:
        """The SNI name actually sent."""
        if self.sni:
            return self.sni
        return None if _is_ip(self.host) else self.host

    @property
    def check_name(self) -> str:
        """The name the server certificate must match."""
        return self.sni or self.host

    @property
    def trust_source(self) -> TrustSource:
        if self.trust is not None:
            return self.trust
        return "keystore" if self.trusted else "system"


@dataclass(frozen=True)
class ProbeResult:
    host: str
    port: int
    server_name: str | None
    proxy: str | None
    steps: tuple[Step, ...]
    protocol: str | None = None
    cipher: str | None = None
    alpn: str | None = None
    chain: tuple[CertInfo, ...] = ()
    """The server's certificates as sent, in the order sent."""
    chain_problems: tuple[str, ...] = ()
    """Order problems of the chain as sent, e.g. "certificate 2 does not issue certificate 1"."""
    keystore_report: ChainReport | None = None
    system_report: ChainReport | None = None
    trust_source: TrustSource | None = None
    """Which report is the trust verdict (``trusted``)."""
    verify: bool = True
    """Whether an untrusted server counted as a failure (``error``)."""
    hostname_matches: bool | None = None
    client_certificate_requested: bool = False
    client_ca_names: tuple[str, ...] = ()
    """RFC 4514 names of the CAs the server accepts client certificates from."""
    matching_key_pairs: tuple[str, ...] = ()
    client_certificate_sent: bool = False
    client_certificate_accepted: bool | None = None
    """None when no client certificate was sent (or none was asked for)."""
    http_status: str | None = None
    """The status line of the HTTP check, e.g. ``HTTP/1.1 200 OK``."""
    http_status_code: int | None = None
    fetched_issuers: tuple[FetchedIssuer, ...] = ()
    error: ProbeError | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def handshake_done(self) -> bool:
        return any(s.name is StepName.TLS and s.ok for s in self.steps)

    @property
    def trusted(self) -> bool | None:
        """The deciding report's verdict (None when there is no chain or no source)."""
        report = self.keystore_report if self.trust_source == "keystore" else self.system_report
        return None if report is None else report.trusted

    @property
    def timings(self) -> dict[str, float]:
        return {s.name.value: s.ms for s in self.steps}

    def step(self, name: StepName) -> Step | None:
        return next((s for s in self.steps if s.name is name), None)


class ProbeCancelled(Cancelled):
    """The probe was cancelled (a :class:`~keymon.core.cancel.Cancelled`, exit code 130)."""


#: What :func:`probe` takes: the core's token (a :class:`Cancellation` also wakes sockets).
CancelToken = BaseCancelToken


class Cancellation(BaseCancelToken):
    """A cancel token for :func:`probe`: ``cancel()`` from any thread aborts promptly.

    The probe attaches its socket; cancelling shuts it down, which wakes a probe
    waiting for the network at once. ``parent`` (e.g. the task runner's token)
    cancels it too.
    """

    def __init__(self, parent: BaseCancelToken | None = None) -> None:
        super().__init__(parent)
        self._shutters: dict[int, Callable[[], None]] = {}

    def error(self) -> Cancelled:
        return ProbeCancelled("The probe was cancelled.")

    def attach(self, sock: socket.socket) -> None:
        shut = partial(_shut_down, sock)
        self._shutters[id(sock)] = shut
        self.on_cancel(shut)

    def detach(self, sock: socket.socket) -> None:
        shut = self._shutters.pop(id(sock), None)
        if shut is not None:
            self.forget(shut)


def _shut_down(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # not connected yet, or closed already
        sock.shutdown(socket.SHUT_RDWR)

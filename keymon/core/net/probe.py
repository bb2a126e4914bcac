"""The connectivity probe: resolve, connect (through a proxy), TLS handshake, judge.

``probe(request, cancel)`` never raises for anything the network or the server
does: every outcome is in the returned :class:`ProbeResult` (it raises
:class:`~keymon.core.errors.UsageError` only for a request it cannot run, such
as a key pair whose key does not fit its certificate). It never runs past
``request.timeout`` and stops promptly when ``cancel`` says so.
"""

from __future__ import annotations

import datetime as dt
import socket
import time
from collections.abc import Callable
from typing import TypeVar

from keymon.core.entries import CertInfo
from keymon.core.net.aia import ca_issuers_urls, fetch_missing_issuers
from keymon.core.net.connect import Deadline, Proxy, StepFailed, connect, release, resolve, tunnel
from keymon.core.net.context import client_context
from keymon.core.net.http_check import HttpStatus, host_header, http_check
from keymon.core.net.judge import judge, matching_key_pairs, order_problems, relevant
from keymon.core.net.result import (
    CancelToken,
    FetchedIssuer,
    ProbeError,
    ProbeErrorKind,
    ProbeRequest,
    ProbeResult,
    Step,
    StepName,
)
from keymon.core.net.system_store import system_store
from keymon.core.net.tls import TlsChannel, TlsDetails
from keymon.core.text import QT_TRANSLATE_NOOP, Text
from keymon.core.x509.chain import ChainReport, Verdict, complete_chain
from keymon.core.x509.chain import hostname_matches as _hostname_matches
from keymon.core.x509.issuers import IssuerIndex

T = TypeVar("T")
POST_HANDSHAKE_WINDOW = 1.0
"""TLS 1.3: how long to wait for the server's verdict on our client certificate."""
_CLIENT_KINDS = {
    ProbeErrorKind.CLIENT_CERTIFICATE_REQUIRED,
    ProbeErrorKind.CLIENT_CERTIFICATE_REJECTED,
}


class _Stop(Exception):
    def __init__(self, failed: StepFailed, step: StepName) -> None:
        super().__init__(failed.message)
        self.error = ProbeError(failed.kind, failed.message, step, failed.alert, failed.text)


def probe(request: ProbeRequest, cancel: CancelToken | None = None) -> ProbeResult:
    """Run the probe described by ``request``; see the module docstring."""
    return _Probe(request, cancel).run()


class _Probe:
    def __init__(self, request: ProbeRequest, cancel: CancelToken | None) -> None:
        self.request = request
        self.deadline = Deadline(request.timeout, cancel)
        self.steps: list[Step] = []
        self.notes: list[str] = []
        self.http: HttpStatus | None = None
        self.proxy = Proxy.parse(request.proxy) if request.proxy else None

    def _step(
        self, name: StepName, action: Callable[[], T], message: Callable[[T], str | Text]
    ) -> T:
        start = time.perf_counter()
        try:
            self.deadline.check(name.label)
            value = action()
        except StepFailed as failed:
            if name is StepName.HTTP and failed.kind in _CLIENT_KINDS:  # a TLS 1.3 verdict
                name = StepName.CLIENT_CERTIFICATE
            self.steps.append(Step(name, False, _ms(start), failed.message, failed.text))
            raise _Stop(failed, name) from None
        said = message(value)
        text = said if isinstance(said, Text) else None
        self.steps.append(Step(name, True, _ms(start), str(said), text))
        return value

    # -- the network part ------------------------------------------------------------
    def run(self) -> ProbeResult:
        req = self.request
        error: ProbeError | None = None
        details: TlsDetails | None = None
        channel: TlsChannel | None = None
        sock = None
        ctx = client_context(req.client)  # a bad key pair is a usage error, raised now
        try:
            sock = self._connect()
            initial = b""
            proxy = self.proxy
            if proxy is not None:
                connected = sock
                initial = self._step(
                    StepName.PROXY,
                    lambda: tunnel(connected, proxy, req.host, req.port, self.deadline),
                    lambda _: _t(
                        QT_TRANSLATE_NOOP("Probe", "Tunnel to {target} is open."),
                        target=f"{host_header(req.host, 0)}:{req.port}",
                    ),
                )
            channel = TlsChannel(sock, ctx, req.server_name, self.deadline, initial)
            self._talk(channel)
        except _Stop as stop:
            error = stop.error
        finally:
            if channel is not None:
                details = channel.details()
                channel.close()
            elif sock is not None:
                release(sock, self.deadline)
        return self._judge(details, error)

    def _connect(self) -> socket.socket:
        req, proxy = self.request, self.proxy
        host, port = (proxy.host, proxy.port) if proxy else (req.host, req.port)
        addresses = self._step(
            StepName.RESOLVE,
            lambda: resolve(host, port, self.deadline),
            lambda found: _resolved(host, [a[1][0] for a in found], proxy is not None),
        )
        what = "TCP connection to the proxy" if proxy else "TCP connection"
        return self._step(
            StepName.CONNECT,
            lambda: connect(addresses, self.deadline, what),
            lambda s: _t(
                QT_TRANSLATE_NOOP("Probe", "Connected to the proxy at {peer}.")
                if proxy
                else QT_TRANSLATE_NOOP("Probe", "Connected to {peer}."),
                peer=_peer(s),
            ),
        )

    def _talk(self, channel: TlsChannel) -> None:
        req = self.request
        given = req.client is not None
        self._step(StepName.TLS, lambda: channel.handshake(given), lambda _: _session(channel))
        requested = channel.state.cert_requested
        tls13 = channel.details().protocol == "TLSv1.3"
        if requested and tls13 and req.http_path is None:
            window = min(POST_HANDSHAKE_WINDOW, max(self.deadline.remaining(), 0.0))
            self._step(
                StepName.CLIENT_CERTIFICATE,
                lambda: channel.await_verdict(window, given),
                lambda spoke: _verdict_message(given, spoke, window),
            )
        elif requested and not tls13:
            self._step(StepName.CLIENT_CERTIFICATE, lambda: True, lambda _: _verdict(given))
        if req.http_path is not None:
            path = req.http_path
            host = host_header(req.check_name, req.port)
            verdict = requested and tls13  # the answer (or an alert) is the TLS 1.3 verdict
            self._step(
                StepName.HTTP, lambda: self._http(channel, host, path, verdict), lambda s: s.line
            )

    def _http(self, channel: TlsChannel, host: str, path: str, verdict: bool) -> HttpStatus:
        given = self.request.client is not None
        self.http = http_check(channel, host, path, client_given=given)
        if verdict:
            text = _t(
                QT_TRANSLATE_NOOP(
                    "Probe",
                    "The server accepted our client certificate (it answered the HTTP request).",
                )
                if given
                else QT_TRANSLATE_NOOP(
                    "Probe",
                    "The server asked for a client certificate but did not require one "
                    "(it answered the HTTP request).",
                )
            )
            self.steps.append(Step(StepName.CLIENT_CERTIFICATE, True, 0.0, str(text), text))
        if not self.http.ok:
            raise StepFailed(
                ProbeErrorKind.HTTP_ERROR,
                _t(
                    QT_TRANSLATE_NOOP("Probe", "The server answered “{status}”."),
                    status=self.http.line,
                ),
            )
        return self.http

    # -- judging what was captured -----------------------------------------------------
    def _judge(self, details: TlsDetails | None, error: ProbeError | None) -> ProbeResult:
        req = self.request
        if details is None:
            return self._result({}, error)
        chain = details.chain
        sent = details.cert_requested and req.client is not None
        names = tuple(n.rfc4514_string() for n in details.ca_names)
        fields: dict[str, object] = {
            "protocol": details.protocol,
            "cipher": details.cipher,
            "alpn": details.alpn,
            "chain": chain,
            "chain_problems": order_problems(chain, details.chain_length),
            "client_certificate_requested": details.cert_requested,
            "client_ca_names": names,
            "matching_key_pairs": matching_key_pairs(details.ca_names, req.key_pairs, req.trusted),
            "client_certificate_sent": sent,
            "client_certificate_accepted": self._accepted(sent, error),
        }
        if self.http is not None:
            fields.update(http_status=self.http.line, http_status_code=self.http.code)
        if details.cert_requested and not names:
            self.notes.append("The server asks for a client certificate but names no CA.")
        if req.client is not None and not details.cert_requested and details.protocol:
            self.notes.append("The server did not ask for a client certificate.")
        if chain:
            fields.update(self._trust(chain, error))
            error = error or self._trust_error(fields)
        return self._result(fields, error)

    def _result(self, fields: dict[str, object], error: ProbeError | None) -> ProbeResult:
        req = self.request
        return ProbeResult(
            host=req.host,
            port=req.port,
            server_name=req.server_name,
            proxy=req.proxy,
            steps=tuple(self.steps),
            verify=req.verify,
            notes=tuple(self.notes),
            error=error,
            **fields,  # type: ignore[arg-type]
        )

    def _accepted(self, sent: bool, error: ProbeError | None) -> bool | None:
        if not sent:
            return None
        if error is not None and error.kind is ProbeErrorKind.CLIENT_CERTIFICATE_REJECTED:
            return False
        decided = {StepName.CLIENT_CERTIFICATE, StepName.HTTP}
        if any(s.ok and s.name in decided for s in self.steps) or self.http is not None:
            return True
        return None

    def _trust(self, chain: tuple[CertInfo, ...], error: ProbeError | None) -> dict[str, object]:
        req = self.request
        now = dt.datetime.now(dt.UTC)
        name = req.check_name
        system_certs = system_store().relevant(chain)
        keystore_certs = relevant(req.trusted, chain)
        out: dict[str, object] = {
            "hostname_matches": _hostname_matches(chain[0], name)[0],
            "system_report": judge(chain, system_certs, name, now),
            "trust_source": req.trust_source,
        }
        if req.trusted or req.trust_source == "keystore":
            out["keystore_report"] = judge(chain, keystore_certs, name, now)
        cancelled = error is not None and error.kind is ProbeErrorKind.CANCELLED
        if req.fetch_issuers and not cancelled:
            fetched = self._fetch_issuers(chain, [*keystore_certs, *system_certs])
            if fetched:
                out["fetched_issuers"] = fetched
        return out

    def _fetch_issuers(
        self, chain: tuple[CertInfo, ...], known: list[CertInfo]
    ) -> tuple[FetchedIssuer, ...]:
        top = complete_chain(chain[:1], chain[1:]).certificates[-1]
        if top.summary.self_signed or IssuerIndex(known).find(top).issuer is not None:
            return ()
        if not ca_issuers_urls(top):
            self.notes.append(
                f"The chain stops at “{top.summary.subject_cn}”, which names no URL "
                f"to fetch its issuer “{top.summary.issuer}” from."
            )
            return ()
        start = time.perf_counter()
        anchors = [*self.request.trusted, *system_store().certificates]  # any level
        outcome = fetch_missing_issuers(top, anchors, self.deadline, self.request.proxy)
        if outcome.fetched:
            urls = ", ".join(dict.fromkeys(f.url for f in outcome.fetched))
            count = len(outcome.fetched)
            message = (
                f"Fetched {count} missing issuer{'s' if count > 1 else ''} from {urls} "
                "(not trusted automatically)."
            )
        else:
            message = " ".join(outcome.problems) or "No missing issuer could be fetched."
        self.steps.append(Step(StepName.ISSUERS, bool(outcome.fetched), _ms(start), message))
        return outcome.fetched

    def _trust_error(self, fields: dict[str, object]) -> ProbeError | None:
        req = self.request
        key = "keystore_report" if req.trust_source == "keystore" else "system_report"
        report = fields.get(key)
        if not req.verify or not isinstance(report, ChainReport):
            return None
        return report_error(report, req.trust_source)


def trust_error(result: ProbeResult) -> ProbeError | None:
    """The error ``result``'s deciding trust report causes (None when verify is off)."""
    report = result.keystore_report if result.trust_source == "keystore" else result.system_report
    if not result.verify or report is None or result.trust_source is None:
        return None
    return report_error(report, result.trust_source)


def report_error(report: ChainReport, source: str) -> ProbeError | None:
    """The error of an untrusted server (None when ``report`` trusts it)."""
    if report.trusted:
        return None
    if report.verdict in (Verdict.EXPIRED, Verdict.NOT_YET_VALID):
        kind = ProbeErrorKind.EXPIRED
    elif report.verdict is Verdict.HOSTNAME_MISMATCH:
        kind = ProbeErrorKind.HOSTNAME_MISMATCH
    else:
        kind = ProbeErrorKind.SERVER_UNTRUSTED
    message, text = report.message, report.text
    if kind is ProbeErrorKind.SERVER_UNTRUSTED:
        where = "the keystore" if source == "keystore" else "this system"
        message = f"The server is not trusted by {where}: {message[0].lower()}{message[1:]}"
        reason = report.text or report.message
        text = (
            _t(
                QT_TRANSLATE_NOOP("Probe", "The server is not trusted by the keystore. {reason}"),
                reason=reason,
            )
            if source == "keystore"
            else _t(
                QT_TRANSLATE_NOOP("Probe", "The server is not trusted by this system. {reason}"),
                reason=reason,
            )
        )
    return ProbeError(kind, message, text=text)


# -- small helpers ---------------------------------------------------------------------
def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 2)


def _t(template: str, **values: object) -> Text:
    return Text.of("Probe", template, **values)


def _resolved(host: str, found: list[str], proxy: bool) -> Text:
    shown = ", ".join(dict.fromkeys(found[:4]))
    if found == [host]:
        if proxy:
            return _t(QT_TRANSLATE_NOOP("Probe", "{host} is an IP address (the proxy)."), host=host)
        return _t(QT_TRANSLATE_NOOP("Probe", "{host} is an IP address."), host=host)
    if proxy:
        return _t(
            QT_TRANSLATE_NOOP("Probe", "The proxy {host} → {addresses}."),
            host=host,
            addresses=shown,
        )
    return _t(QT_TRANSLATE_NOOP("Probe", "{host} → {addresses}."), host=host, addresses=shown)


def _peer(sock: socket.socket) -> str:
    try:
        host, port = sock.getpeername()[:2]
    except OSError:
        return "the server"
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _session(channel: TlsChannel) -> str:
    d = channel.details()
    plural = "s" if d.chain_length != 1 else ""
    return f"{d.protocol}, {d.cipher}, {d.chain_length} certificate{plural}"


def _verdict(given: bool) -> Text:
    if given:
        return _t(QT_TRANSLATE_NOOP("Probe", "The server accepted our client certificate."))
    return _t(
        QT_TRANSLATE_NOOP(
            "Probe", "The server asked for a client certificate but did not require one."
        )
    )


def _verdict_message(given: bool, spoke: bool, window: float) -> Text:
    if spoke:
        return _verdict(given)
    if given:
        template = QT_TRANSLATE_NOOP(
            "Probe",
            "No alert within {seconds} s: the server seems to accept the client certificate.",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "Probe",
            "No alert within {seconds} s: the server seems to accept the missing "
            "client certificate.",
        )
    return _t(template, seconds=f"{window:g}")

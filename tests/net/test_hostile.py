"""Servers that misbehave, wrong chains, timeouts and cancellation."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

import keymon.core.net.probe as probe_module
from keymon.core.errors import UsageError
from keymon.core.net import (
    Cancellation,
    ProbeErrorKind,
    ProbeRequest,
    ProbeResult,
    StepName,
    system_store,
)
from keymon.core.net.aia import parse_certificates
from keymon.core.net.probe import probe
from keymon.core.x509.chain import Verdict
from tests import factory
from tests.net.conftest import Pki
from tests.net.servers import (
    HttpFiles,
    Identity,
    PyServer,
    close_at_once,
    closed_port,
    connect_proxy,
    garbage,
    key,
    leaf,
    pem,
    plain_http,
    silent,
    tls,
    tls_like_garbage,
)


def request(port: int, **kw: Any) -> ProbeRequest:
    kw.setdefault("timeout", 5.0)
    return ProbeRequest("127.0.0.1", port, sni="localhost", **kw)


def kind(result: ProbeResult) -> ProbeErrorKind | None:
    return result.error.kind if result.error else None


# -- the network and the protocol ------------------------------------------------------------
def test_silent_server_times_out_at_the_handshake_within_the_timeout() -> None:
    with PyServer(silent) as srv:
        start = time.monotonic()
        result = probe(request(srv.port, timeout=1.0))
        elapsed = time.monotonic() - start
    assert kind(result) is ProbeErrorKind.TIMED_OUT
    assert result.error is not None and result.error.step is StepName.TLS
    assert "TLS handshake" in result.error.message
    assert 1.0 <= elapsed < 1.5


def test_server_closing_at_once() -> None:
    with PyServer(close_at_once) as srv:
        result = probe(request(srv.port))
    assert kind(result) is ProbeErrorKind.CONNECTION_CLOSED
    assert result.error is not None and result.error.step is StepName.TLS


def test_plain_http_answer_is_not_tls() -> None:
    with PyServer(plain_http) as srv:
        result = probe(request(srv.port))
    assert kind(result) is ProbeErrorKind.NOT_TLS
    assert result.error is not None and "HTTP/1.1 400 Bad Request" in result.error.message


def test_garbage_is_not_tls() -> None:
    with PyServer(garbage) as srv:
        result = probe(request(srv.port))
    assert kind(result) is ProbeErrorKind.NOT_TLS
    assert result.chain == ()


def test_oversized_tls_record_fails_fast() -> None:
    with PyServer(tls_like_garbage) as srv:
        result = probe(request(srv.port))
    assert kind(result) is ProbeErrorKind.TLS_FAILED
    assert result.error is not None and "handshake failed" in result.error.message


def test_connection_refused() -> None:
    result = probe(request(closed_port()))
    assert kind(result) is ProbeErrorKind.CONNECTION_REFUSED
    assert [s.ok for s in result.steps] == [True, False]


def test_name_not_found_without_asking_the_network() -> None:
    result = probe(ProbeRequest("no-such-host.invalid", 443, timeout=2.0))
    assert kind(result) is ProbeErrorKind.NAME_NOT_FOUND
    assert result.error is not None and result.error.step is StepName.RESOLVE


def test_localhost_is_resolved(pki: Pki) -> None:
    with PyServer(tls(pki.server)) as srv:
        result = probe(ProbeRequest("localhost", srv.port, trusted=[pki.root_info], timeout=5))
    assert result.error is None, result.error
    resolve = result.step(StepName.RESOLVE)
    assert resolve is not None and "127.0.0.1" in resolve.message


def test_bad_requests_are_usage_errors(pki: Pki) -> None:
    with pytest.raises(UsageError):
        ProbeRequest("host", 0)
    with pytest.raises(UsageError):
        ProbeRequest("host", 443, http_path="no-slash")
    with pytest.raises(UsageError):
        probe(ProbeRequest("host.invalid", proxy="socks5://proxy:1080"))
    mismatched = pki.client.entry("x")
    mismatched = type(mismatched)("x", pki.stranger.key, mismatched.chain)
    with pytest.raises(UsageError, match="cannot be used"):
        probe(ProbeRequest("host.invalid", client=mismatched))


# -- chains -----------------------------------------------------------------------------------
def serve(tmp_path: Path, name: str, chain_key: Any, *chain: Any) -> Identity:
    """Files for a server sending ``chain`` (leaf first) with ``chain_key``."""
    return Identity.write(tmp_path, name, chain_key, *chain)


def test_expired_chain(pki: Pki, tmp_path: Path) -> None:
    k = key(20)
    old = leaf(k, "localhost", pki.inter_key, pki.inter, not_before=factory.NOW - dt.timedelta(400))
    with PyServer(tls(serve(tmp_path, "old", k, old, pki.inter))) as srv:
        result = probe(request(srv.port, trusted=[pki.root_info]))
    assert kind(result) is ProbeErrorKind.EXPIRED
    assert result.error is not None and "expired" in result.error.message


def test_wrong_host(pki: Pki, tmp_path: Path) -> None:
    k = key(21)
    other = leaf(k, "elsewhere", pki.inter_key, pki.inter, san=["elsewhere.example"])
    with PyServer(tls(serve(tmp_path, "other", k, other, pki.inter))) as srv:
        result = probe(request(srv.port, trusted=[pki.root_info]))
    assert kind(result) is ProbeErrorKind.HOSTNAME_MISMATCH
    assert result.hostname_matches is False


def test_self_signed_leaf_is_untrusted(pki: Pki, tmp_path: Path) -> None:
    k = key(22)
    cert = factory.make_cert(k, "localhost", san=["localhost"])
    with PyServer(tls(serve(tmp_path, "self", k, cert))) as srv:
        result = probe(request(srv.port, trusted=[pki.root_info]))
        unverified = probe(request(srv.port, trusted=[pki.root_info], verify=False))
    assert kind(result) is ProbeErrorKind.SERVER_UNTRUSTED
    assert result.keystore_report is not None
    assert result.keystore_report.verdict is Verdict.ROOT_NOT_TRUSTED
    assert unverified.error is None and unverified.trusted is False


@pytest.fixture(scope="module")
def long_chain(pki: Pki) -> list[Any]:
    """leaf ← 48 intermediates ← root: 50 certificates."""
    root_key = key(100)
    certs = [factory.make_cert(root_key, "Long Root", ca=True, days=3650)]
    issuer_key = root_key
    for i in range(1, 49):
        k = key(100 + i)
        certs.append(
            factory.make_cert(k, f"Long CA {i}", issuer_key=issuer_key, issuer=certs[-1], ca=True)
        )
        issuer_key = k
    leaf_key = key(149)
    certs.append(leaf(leaf_key, "localhost", issuer_key, certs[-1]))
    return [leaf_key, *reversed(certs)]


def test_fifty_certificate_chain(pki: Pki, tmp_path: Path, long_chain: list[Any]) -> None:
    leaf_key, *chain = long_chain
    swapped = [chain[0], chain[2], chain[1], *chain[3:]]
    root = parse_certificates(chain[-1].public_bytes(Encoding.DER))
    with PyServer(tls(serve(tmp_path, "long", leaf_key, *chain))) as srv:
        result = probe(request(srv.port, trusted=root))
    with PyServer(tls(serve(tmp_path, "swapped", leaf_key, *swapped))) as srv:
        shuffled = probe(request(srv.port, trusted=root))
    assert result.error is None, result.error
    assert len(result.chain) == 50 and result.chain_problems == ()
    assert result.keystore_report is not None and len(result.keystore_report.path) == 50
    assert shuffled.error is None  # the path is still found
    assert "certificate 2 does not issue certificate 1" in shuffled.chain_problems
    assert "certificate 3 does not issue certificate 2" in shuffled.chain_problems


# -- missing issuers (AIA) -------------------------------------------------------------------
def test_missing_intermediate_is_fetched_but_not_trusted(pki: Pki, tmp_path: Path) -> None:
    der = pki.inter.public_bytes(Encoding.DER)
    with HttpFiles({"inter.der": der, "big": b"x" * 100_000}) as files:
        k = key(23)
        cert = leaf(k, "localhost", pki.inter_key, pki.inter, aia=files.url("inter.der"))
        with PyServer(tls(serve(tmp_path, "aia", k, cert))) as srv:
            result = probe(request(srv.port, trusted=[pki.root_info]))
        big = leaf(k, "localhost", pki.inter_key, pki.inter, aia=files.url("big"))
        with PyServer(tls(serve(tmp_path, "big", k, big))) as srv:
            too_big = probe(request(srv.port, trusted=[pki.root_info]))
    assert kind(result) is ProbeErrorKind.SERVER_UNTRUSTED  # fetched issuers are hints only
    assert [f.cert.summary.subject_cn for f in result.fetched_issuers] == [
        "Probe Test Intermediate"
    ]
    assert result.fetched_issuers[0].url.endswith("/inter.der")
    step = result.step(StepName.ISSUERS)
    assert step is not None and step.ok
    assert too_big.fetched_issuers == ()
    step = too_big.step(StepName.ISSUERS)
    assert step is not None and not step.ok and "KiB" in step.message


# -- proxy ------------------------------------------------------------------------------------
def test_through_a_connect_proxy(pki: Pki) -> None:
    with PyServer(tls(pki.server, http=True)) as srv:
        target = f"127.0.0.1:{srv.port}"
        with PyServer(connect_proxy(lambda t: t == target)) as proxy:
            url = f"http://127.0.0.1:{proxy.port}"
            ok = probe(request(srv.port, proxy=url, trusted=[pki.root_info], http_path="/"))
            refused = probe(request(srv.port + 1 if srv.port < 65535 else 1, proxy=url))
    assert ok.error is None, ok.error
    assert ok.http_status == "HTTP/1.1 200 OK"
    assert [s.name for s in ok.steps][:4] == [
        StepName.RESOLVE, StepName.CONNECT, StepName.PROXY, StepName.TLS
    ]  # fmt: skip
    assert kind(refused) is ProbeErrorKind.PROXY_FAILED
    assert refused.error is not None and "403" in refused.error.message


def test_proxy_not_listening() -> None:
    result = probe(request(443, proxy=f"http://127.0.0.1:{closed_port()}"))
    assert kind(result) is ProbeErrorKind.CONNECTION_REFUSED


# -- cancellation -----------------------------------------------------------------------------
def run_in_thread(req: ProbeRequest, cancel: Any) -> tuple[threading.Thread, list[ProbeResult]]:
    out: list[ProbeResult] = []
    thread = threading.Thread(target=lambda: out.append(probe(req, cancel)))
    thread.start()
    return thread, out


def test_cancel_from_another_thread_aborts_at_once() -> None:
    cancel = Cancellation()
    with PyServer(silent) as srv:
        thread, out = run_in_thread(request(srv.port, timeout=30), cancel)
        assert srv.accepted.wait(5)
        start = time.monotonic()
        cancel.cancel()
        thread.join(5)
        elapsed = time.monotonic() - start
    assert out and kind(out[0]) is ProbeErrorKind.CANCELLED
    assert out[0].error is not None and out[0].error.step is StepName.TLS
    assert elapsed < 0.3


class FlagOnly:
    """A token that only answers ``cancelled`` (like a GUI worker's)."""

    def __init__(self) -> None:
        self.flag = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self.flag.is_set()

    def raise_if_cancelled(self) -> None:
        if self.flag.is_set():
            raise RuntimeError("cancelled")


def test_a_plain_cancel_flag_is_noticed_within_a_slice() -> None:
    token = FlagOnly()
    with PyServer(silent) as srv:
        thread, out = run_in_thread(request(srv.port, timeout=30), token)
        assert srv.accepted.wait(5)
        start = time.monotonic()
        token.flag.set()
        thread.join(5)
        elapsed = time.monotonic() - start
    assert out and kind(out[0]) is ProbeErrorKind.CANCELLED
    assert elapsed < 0.5


class Grabber(FlagOnly):
    """A token that is handed the probe's socket, so that the test can close it."""

    def __init__(self) -> None:
        super().__init__()
        self.sockets: list[socket.socket] = []
        self.attached = threading.Event()

    def attach(self, sock: socket.socket) -> None:
        self.sockets.append(sock)
        self.attached.set()

    def detach(self, sock: socket.socket) -> None:
        pass


def test_closing_the_socket_from_another_thread_aborts() -> None:
    token = Grabber()
    with PyServer(silent) as srv:
        thread, out = run_in_thread(request(srv.port, timeout=30), token)
        assert srv.accepted.wait(5) and token.attached.wait(5)
        start = time.monotonic()
        token.sockets[0].close()
        thread.join(5)
        elapsed = time.monotonic() - start
    assert out and kind(out[0]) is ProbeErrorKind.CANCELLED
    assert elapsed < 0.5


def test_cancelled_before_it_starts() -> None:
    cancel = Cancellation()
    cancel.cancel()
    result = probe(request(closed_port()), cancel)
    assert kind(result) is ProbeErrorKind.CANCELLED
    with pytest.raises(Exception, match="cancelled"):
        cancel.raise_if_cancelled()


# -- TLS 1.3 verdict on the client certificate -------------------------------------------------
def test_tls13_server_that_stays_silent_after_the_handshake(
    pki: Pki, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(probe_module, "POST_HANDSHAKE_WINDOW", 0.2)
    behaviour = tls(pki.server, client_ca=pki.client_ca_file, tickets=0)
    with PyServer(behaviour) as srv:
        result = probe(request(srv.port, client=pki.client.entry("c"), trusted=[pki.root_info]))
    assert result.error is None, result.error
    assert result.client_certificate_accepted is True
    step = result.step(StepName.CLIENT_CERTIFICATE)
    assert step is not None and step.ok and "No alert within 0.2 s" in step.message
    assert 180 <= step.ms < 1000


def test_optional_client_certificate_not_sent(pki: Pki) -> None:
    with PyServer(tls(pki.server, client_ca=pki.client_ca_file)) as srv:
        result = probe(request(srv.port, trusted=[pki.root_info]))
    assert result.error is None, result.error
    assert result.client_certificate_requested and result.client_certificate_accepted is None
    assert result.client_ca_names == ()  # Python's ssl asks without naming CAs
    assert any("names no CA" in note for note in result.notes)
    step = result.step(StepName.CLIENT_CERTIFICATE)
    assert step is not None and "did not require" in step.message


# -- the system trust store -------------------------------------------------------------------
def test_system_store_is_the_os_bundle(
    pki: Pki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = system_store.system_store()
    assert real.certificates and real.source != "none found"
    bundle = tmp_path / "bundle.pem"
    bundle.write_bytes(b"junk\n" + pem(pki.root) + b"-----BEGIN CERTIFICATE-----\nbad\n-----END")
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    monkeypatch.setattr(system_store, "_CACHE", [])
    with PyServer(tls(pki.server)) as srv:
        result = probe(request(srv.port))
    assert system_store.system_store().source == str(bundle)
    assert result.error is None, result.error
    assert result.trust_source == "system" and result.trusted is True
    assert result.keystore_report is None

"""The probe against a real `openssl s_server` on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from keymon.core.net import ProbeErrorKind, ProbeRequest, StepName
from keymon.core.net.probe import probe
from keymon.core.x509.chain import Verdict
from tests.net.conftest import Pki
from tests.net.servers import OpenSSLServer

pytestmark = pytest.mark.interop


def server_args(pki: Pki, *extra: str | Path) -> list[str | Path]:
    s = pki.server
    return ["-cert", s.cert_file, "-cert_chain", s.rest_file, "-key", s.key_file, *extra]


def client_auth(pki: Pki, version: str) -> list[str | Path]:
    """Require a client certificate issued under the client root."""
    return server_args(
        pki, "-Verify", "1", "-verify_return_error", "-CAfile", pki.client_ca_file, version
    )


def request(port: int, **kw: Any) -> ProbeRequest:
    return ProbeRequest("127.0.0.1", port, sni="localhost", timeout=5.0, **kw)


def test_untrusted_without_the_root_in_the_keystore(openssl: str, pki: Pki) -> None:
    with OpenSSLServer(openssl, *server_args(pki, "-www")) as srv:
        result = probe(request(srv.port, trust="keystore"))
    assert result.handshake_done
    assert result.error is not None and result.error.kind is ProbeErrorKind.SERVER_UNTRUSTED
    assert result.keystore_report is not None
    assert result.keystore_report.verdict is Verdict.INCOMPLETE
    assert "Probe Test Root" in result.error.message
    assert result.system_report is not None and not result.system_report.trusted
    assert [c.summary.subject_cn for c in result.chain] == ["localhost", "Probe Test Intermediate"]


def test_trusted_with_the_root(openssl: str, pki: Pki) -> None:
    with OpenSSLServer(openssl, *server_args(pki, "-www")) as srv:
        result = probe(request(srv.port, trusted=[pki.root_info]))
    assert result.error is None, result.error
    assert result.trusted and result.trust_source == "keystore"
    assert result.keystore_report is not None and result.keystore_report.trusted
    assert result.hostname_matches is True
    assert result.protocol == "TLSv1.3" and result.cipher
    assert result.chain_problems == ()
    assert not result.client_certificate_requested
    assert result.client_certificate_accepted is None
    assert [s.name for s in result.steps] == [StepName.RESOLVE, StepName.CONNECT, StepName.TLS]
    assert all(s.ok and s.ms >= 0 for s in result.steps)


@pytest.mark.parametrize("version", ["-tls1_2", "-tls1_3"])
def test_client_certificate_accepted_and_ca_names_matched(
    openssl: str, pki: Pki, version: str
) -> None:
    client = pki.client.entry("client-one")
    leaf_only = pki.client.entry("leaf-only")
    leaf_only = type(leaf_only)(leaf_only.alias, leaf_only.private_key, leaf_only.chain[:1])
    others = [pki.stranger.entry("stranger"), leaf_only, client]
    with OpenSSLServer(openssl, *client_auth(pki, version)) as srv:
        result = probe(request(srv.port, client=client, key_pairs=others, trusted=[pki.root_info]))
    assert result.error is None, result.error
    assert result.protocol == ("TLSv1.2" if version == "-tls1_2" else "TLSv1.3")
    assert result.client_certificate_requested and result.client_certificate_sent
    assert result.client_ca_names == ("O=keymon tests,CN=Probe Client Root",)
    assert result.matching_key_pairs == ("leaf-only", "client-one")
    assert result.client_certificate_accepted is True
    step = result.step(StepName.CLIENT_CERTIFICATE)
    assert step is not None and step.ok


@pytest.mark.parametrize("version", ["-tls1_2", "-tls1_3"])
def test_client_certificate_from_an_unknown_ca_is_rejected(
    openssl: str, pki: Pki, version: str
) -> None:
    with OpenSSLServer(openssl, *client_auth(pki, version)) as srv:
        result = probe(request(srv.port, client=pki.stranger.entry("stranger")))
    assert result.error is not None
    assert result.error.kind is ProbeErrorKind.CLIENT_CERTIFICATE_REJECTED
    assert result.error.alert == "unknown_ca" and "unknown_ca" in result.error.message
    assert result.client_certificate_accepted is False
    assert result.chain  # captured although the handshake (or the session) failed
    failed = [s for s in result.steps if not s.ok]
    expected = StepName.TLS if version == "-tls1_2" else StepName.CLIENT_CERTIFICATE
    assert failed[0].name is expected


@pytest.mark.parametrize("version", ["-tls1_2", "-tls1_3"])
def test_missing_client_certificate(openssl: str, pki: Pki, version: str) -> None:
    with OpenSSLServer(openssl, *client_auth(pki, version)) as srv:
        result = probe(request(srv.port))
    assert result.error is not None
    assert result.error.kind is ProbeErrorKind.CLIENT_CERTIFICATE_REQUIRED, result.error
    assert result.client_certificate_requested and not result.client_certificate_sent
    assert result.client_certificate_accepted is None
    assert result.client_ca_names == ("O=keymon tests,CN=Probe Client Root",)


def test_http_check_with_the_client_certificate(openssl: str, pki: Pki) -> None:
    client = pki.client.entry("client-one")
    args = client_auth(pki, "-tls1_3")
    with OpenSSLServer(openssl, *args, "-www") as srv:
        result = probe(request(srv.port, client=client, http_path="/", trusted=[pki.root_info]))
    assert result.error is None, result.error
    assert result.http_status_code == 200 and result.http_status is not None
    assert result.http_status.startswith("HTTP/1.0 200")
    assert result.client_certificate_accepted is True
    assert [s.name for s in result.steps][-2:] == [StepName.CLIENT_CERTIFICATE, StepName.HTTP]


def test_http_check_rejected_client_certificate_in_tls13(openssl: str, pki: Pki) -> None:
    args = client_auth(pki, "-tls1_3")
    with OpenSSLServer(openssl, *args, "-www") as srv:
        result = probe(request(srv.port, client=pki.stranger.entry("s"), http_path="/x"))
    assert result.error is not None
    assert result.error.kind is ProbeErrorKind.CLIENT_CERTIFICATE_REJECTED
    assert result.error.step is StepName.CLIENT_CERTIFICATE
    assert result.http_status is None and result.client_certificate_accepted is False

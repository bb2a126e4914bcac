"""The probe's overall outcome, judging trust again after the keystore changed, and how
a chain whose server omits its root is worded (real servers on 127.0.0.1)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from keymon.core.net import ProbeErrorKind, ProbeRequest
from keymon.core.net.outcome import ProbeOutcome, outcome, rejudge, warning
from keymon.core.net.probe import probe
from keymon.core.x509.chain import Verdict, validate_chain
from tests.net.conftest import Pki
from tests.net.servers import OpenSSLServer, PyServer, info, tls

pytestmark = pytest.mark.interop

UNTESTED = (
    "Connected and trusted, but the server did not ask for a client certificate, "
    "so the key pair was not tested."
)
NOW = dt.datetime.now(dt.UTC)


def request(port: int, **kw: object) -> ProbeRequest:
    return ProbeRequest("127.0.0.1", port, sni="localhost", timeout=5.0, **kw)  # type: ignore[arg-type]


def test_a_key_pair_the_server_never_asked_for_is_a_warning_not_a_pass(pki: Pki) -> None:
    client = pki.client.entry("client-one")
    with PyServer(tls(pki.server)) as srv:  # asks for no client certificate
        result = probe(request(srv.port, client=client, trusted=[pki.root_info]))
    assert result.error is None and result.trusted
    assert not result.client_certificate_requested
    assert outcome(result, client_given=True) is ProbeOutcome.WARNING
    said = warning(result, client_given=True)
    assert said is not None and str(said) == UNTESTED
    # without a key pair chosen the same result is a plain pass
    assert outcome(result, client_given=False) is ProbeOutcome.PASSED
    assert warning(result, client_given=False) is None


def test_a_key_pair_the_server_checked_is_a_pass(openssl: str, pki: Pki) -> None:
    s = pki.server
    args = ["-cert", s.cert_file, "-cert_chain", s.rest_file, "-key", s.key_file]
    args += ["-Verify", "1", "-verify_return_error", "-CAfile", pki.client_ca_file]
    client = pki.client.entry("client-one")
    with OpenSSLServer(openssl, *args) as srv:
        result = probe(request(srv.port, client=client, trusted=[pki.root_info]))
    assert result.error is None, result.error
    assert outcome(result, client_given=True) is ProbeOutcome.PASSED


def test_rejudge_after_importing_the_root_needs_no_network(pki: Pki) -> None:
    with PyServer(tls(pki.server)) as srv:
        first = probe(request(srv.port, trust="keystore"))
    assert first.error is not None and first.error.kind is ProbeErrorKind.SERVER_UNTRUSTED
    # the server is gone: judging again only looks at the captured chain
    trusted = rejudge(first, [pki.root_info], NOW)
    assert trusted.error is None and trusted.trusted is True
    assert trusted.steps == first.steps and trusted.chain == first.chain
    again = rejudge(trusted, [], NOW)
    assert again.error is not None and again.error.kind is ProbeErrorKind.SERVER_UNTRUSTED
    assert again.trusted is False
    # an error that is not about trust stays what it was
    http_error = dataclasses.replace(
        first, error=dataclasses.replace(first.error, kind=ProbeErrorKind.HTTP_ERROR)
    )
    assert rejudge(http_error, [pki.root_info], NOW).error == http_error.error


def test_a_server_that_omits_its_root_reads_as_normal(pki: Pki) -> None:
    chain = info(*pki.server.chain)  # leaf + intermediate, no root
    report = validate_chain(chain, [], NOW, purpose="server", hostname="localhost")
    assert report.verdict is Verdict.INCOMPLETE
    assert report.message.startswith("The server does not send its root CA “")
    assert "Probe Test Root" in report.message
    assert report.message.endswith("(normal). Import the root CA to trust it.")
    assert report.text is not None and str(report.text) == report.message
    # a keystore's own chain keeps the plain wording
    plain = validate_chain(chain, [], NOW)
    assert plain.message.startswith("The chain is incomplete")

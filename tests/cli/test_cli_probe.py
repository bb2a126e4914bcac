"""`keymon probe`: the JSON contract and the exit codes 0 / 2 / 6 / 7."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from keymon.cli import main
from keymon.core.entries import CertificateEntry, Entry
from keymon.core.errors import UsageError
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.core.net.target import Target
from tests.net.conftest import Pki, make_pki
from tests.net.servers import OpenSSLServer, PyServer, closed_port, tls

PW = ["--password-env", "KM_PW"]
KEYS = {
    "host", "port", "protocol", "cipher", "chain", "fetched_issuers", "trusted_by_keystore",
    "trusted_by_system", "hostname_matches", "client_ca_names", "matching_key_pairs",
    "client_certificate_accepted", "http_status", "error", "timings",
}  # fmt: skip


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KM_PW", "storepass")


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("cli-probe-pki"))


def keystore(path: Path, pki: Pki, *, with_root: bool) -> Path:
    entries: list[Entry] = [pki.client.entry("client-one")]
    if with_root:
        entries.append(CertificateEntry("probe-root", pki.root_info))
    Keystore(entries, password="storepass").save_as(path, Format.PKCS12, "storepass")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def server(pki: Pki) -> object:
    with PyServer(tls(pki.server)) as srv:
        yield srv


def test_json_contract_and_exit_0_when_the_keystore_trusts_the_server(
    server: PyServer, pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = keystore(tmp_path / "k.p12", pki, with_root=True)
    target = f"127.0.0.1:{server.port}"
    code, out, _ = run(
        capsys, "probe", target, "--sni", "localhost", "--keystore", store, *PW, "--json"
    )
    data = json.loads(out)
    assert code == 0, data["error"]
    assert set(data) >= KEYS
    assert data["host"] == "127.0.0.1" and data["port"] == server.port
    assert data["protocol"] == "TLSv1.3" and data["cipher"]
    assert [c["subject"] for c in data["chain"]] == [
        "O=keymon tests,CN=localhost",
        "O=keymon tests,CN=Probe Test Intermediate",
    ]
    first = data["chain"][0]
    assert set(first) >= {"subject", "issuer", "sha256", "not_after"}
    assert len(first["sha256"]) == 64 and first["not_after"].endswith("Z")
    assert data["trusted_by_keystore"] is True and data["trusted_by_system"] is False
    assert data["hostname_matches"] is True
    assert data["client_certificate_accepted"] is None and data["http_status"] is None
    assert data["error"] is None and data["fetched_issuers"] == []
    assert set(data["timings"]) == {"resolve", "connect", "tls"}
    assert all(isinstance(v, float) for v in data["timings"].values())


def test_exit_7_when_untrusted(
    server: PyServer, pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = keystore(tmp_path / "k.p12", pki, with_root=False)
    target = f"127.0.0.1:{server.port}"
    code, out, _ = run(
        capsys, "probe", target, "--sni", "localhost", "--keystore", store, *PW, "--json"
    )
    data = json.loads(out)
    assert code == 7
    assert data["error"]["kind"] == "server_untrusted" and data["trusted_by_keystore"] is False
    code, out, _ = run(capsys, "probe", target, "--sni", "localhost", "--json")
    data = json.loads(out)
    assert code == 7 and data["trusted_by_keystore"] is None  # judged by the system store
    code, out, _ = run(capsys, "probe", target, "--sni", "localhost", "--no-verify")
    assert code == 0
    assert "✓ TLS handshake" in out and "Trusted by this system:  no" in out
    assert "Result: OK" in out


def test_exit_6_when_nothing_listens(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "probe", f"127.0.0.1:{closed_port()}", "--timeout", "3", "--json")
    assert code == 6
    data = json.loads(out)
    assert data["error"]["kind"] == "connection_refused"
    assert data["chain"] == [] and data["protocol"] is None
    code, out, _ = run(capsys, "probe", "nowhere.invalid")
    assert code == 6 and "✗ Name resolution" in out and "name_not_found" in out


def test_exit_2_for_usage_errors(
    capsys: pytest.CaptureFixture[str], pki: Pki, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "probe", "example.invalid", "--client-alias", "x")
    assert code == 2 and "--keystore" in err
    code, _, err = run(capsys, "probe", "example.invalid:http")
    assert code == 2 and "HOST[:PORT]" in err
    store = keystore(tmp_path / "k.p12", pki, with_root=True)
    code, _, err = run(
        capsys, "probe", "x.invalid", "--keystore", store, *PW, "--client-alias", "probe-root"
    )
    assert code == 2 and "not a key pair" in err
    with pytest.raises(SystemExit) as exc:
        main(["probe"])
    assert exc.value.code == 2
    capsys.readouterr()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("host", ("host", 443)),
        ("host:8443", ("host", 8443)),
        ("[::1]:8443", ("::1", 8443)),
        ("[::1]", ("::1", 443)),
        ("::1", ("::1", 443)),
    ],
)
def test_parse_target(text: str, expected: tuple[str, int]) -> None:
    target = Target.parse(text)
    assert (target.host, target.port_or(443)) == expected


@pytest.mark.parametrize(
    "text", ["host:0", "host:70000", "[::1]x", ":443", "host:", "[::1]:", "h:x"]
)
def test_parse_target_rejects(text: str) -> None:
    with pytest.raises(UsageError, match=r"HOST\[:PORT\]"):
        Target.parse(text)


@pytest.mark.interop
def test_client_certificate_and_http_check(
    openssl: str, pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = keystore(tmp_path / "k.p12", pki, with_root=True)
    s = pki.server
    args: list[str | Path] = [
        "-cert",
        s.cert_file,
        "-cert_chain",
        s.rest_file,
        "-key",
        s.key_file,
        "-www",
    ]
    args += ["-Verify", "1", "-verify_return_error", "-CAfile", pki.client_ca_file]
    with OpenSSLServer(openssl, *args) as srv:
        target = f"127.0.0.1:{srv.port}"
        common: list[str | Path] = ["probe", target, "--sni", "localhost", "--keystore", store, *PW]
        code, out, _ = run(capsys, *common, "--client-alias", "client-one", "--http-path", "/")
        assert code == 0, out
        assert "✓ HTTP request" in out and "Matching key pairs: client-one" in out
        code, out, _ = run(capsys, *common, "--json")
    data = json.loads(out)
    assert code == 7 and data["error"]["kind"] == "client_certificate_required"
    assert data["client_ca_names"] == ["O=keymon tests,CN=Probe Client Root"]
    assert data["matching_key_pairs"] == ["client-one"]
    assert data["client_certificate_accepted"] is None

"""SHA-1 roots with the real peers: the JDK's cacerts, openssl's PKCS#12 and a TLS server."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from keymon.cli import main
from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.formats import pkcs12
from keymon.core.net.probe import probe
from keymon.core.net.result import ProbeRequest
from keymon.core.x509.chain import complete_chain
from tests.core.test_sha1_chains import weak_pki
from tests.factory import ec_key, rsa_key
from tests.net.servers import Identity, OpenSSLServer
from tests.net.servers import leaf as server_leaf

pytestmark = pytest.mark.interop

CACERTS = sorted(Path("/usr/lib/jvm").glob("java-17-*/lib/security/cacerts"))


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.skipif(not CACERTS, reason="no JDK 17 cacerts")
def test_every_jdk_root_is_self_signed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KM_PW", "changeit")
    home = tmp_path / "home"
    code, out, err = run(
        capsys, "--home", home, "list", "--json", CACERTS[0], "--password-env", "KM_PW"
    )
    assert code == 0, err
    rows = json.loads(out)
    roots = [r for r in rows if r["subject"] == r["issuer"]]
    sha1 = [r for r in roots if r["signature_algorithm"] == "sha1WithRSAEncryption"]
    assert len(roots) == len(rows) == 144
    assert len(sha1) >= 20  # 30 in Debian's JDK 17 today
    assert all(r["self_signed"] for r in roots)
    digicert = next(r for r in rows if "CN=DigiCert Global Root CA," in r["subject"])
    assert digicert["signature_algorithm"] == "sha1WithRSAEncryption"
    code, out, err = run(
        capsys, "--home", home, "show", "--json", CACERTS[0], digicert["alias"],
        "--password-env", "KM_PW",
    )  # fmt: skip
    assert code == 0, err
    shown = json.loads(out)
    assert shown["self_signed"] is True and shown["chain_length"] == 1
    root = CertInfo.from_der(bytes.fromhex(_der_hex(CACERTS[0], digicert["alias"])))
    completed = complete_chain([root], [])
    assert completed.complete and completed.missing_issuer is None


def _der_hex(store: Path, alias: str) -> str:
    keytool = shutil.which("keytool")
    assert keytool is not None
    pem = subprocess.run(
        [keytool, "-exportcert", "-rfc", "-keystore", store, "-storepass", "changeit",
         "-alias", alias],
        capture_output=True, check=True, text=True,
    ).stdout  # fmt: skip
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    return x509.load_pem_x509_certificate(pem.encode()).public_bytes(Encoding.DER).hex()


def test_openssl_pkcs12_with_a_sha1_ca_chain_keeps_its_chain(openssl: str, tmp_path: Path) -> None:
    def sh(*args: str) -> None:
        subprocess.run([openssl, *args], cwd=tmp_path, check=True, capture_output=True)

    sh("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha1", "-keyout", "root.key",
       "-out", "root.crt", "-subj", "/CN=SHA1 Root", "-days", "30",
       "-addext", "basicConstraints=critical,CA:TRUE")  # fmt: skip
    (tmp_path / "ca.ext").write_text("basicConstraints=critical,CA:TRUE\n")
    sh("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "inter.key", "-out", "inter.csr",
       "-subj", "/CN=SHA1 Intermediate")  # fmt: skip
    sh("x509", "-req", "-sha1", "-in", "inter.csr", "-CA", "root.crt", "-CAkey", "root.key",
       "-CAcreateserial", "-out", "inter.crt", "-days", "30", "-extfile", "ca.ext")  # fmt: skip
    sh("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr",
       "-subj", "/CN=leaf.example")  # fmt: skip
    sh("x509", "-req", "-sha256", "-in", "leaf.csr", "-CA", "inter.crt", "-CAkey", "inter.key",
       "-CAcreateserial", "-out", "leaf.crt", "-days", "30")  # fmt: skip
    chain = (tmp_path / "root.crt").read_bytes() + (tmp_path / "inter.crt").read_bytes()
    (tmp_path / "cas.pem").write_bytes(chain)
    sh("pkcs12", "-export", "-inkey", "leaf.key", "-in", "leaf.crt", "-certfile", "cas.pem",
       "-name", "leaf", "-passout", "pass:pw", "-out", "leaf.p12")  # fmt: skip
    entries = pkcs12.load((tmp_path / "leaf.p12").read_bytes(), "pw")
    pairs = [e for e in entries if isinstance(e, KeyPairEntry)]
    assert len(pairs) == 1 and len(entries) == 1
    names = [c.summary.subject_cn for c in pairs[0].chain]
    assert names == ["leaf.example", "SHA1 Intermediate", "SHA1 Root"]
    assert pairs[0].chain[-1].summary.self_signed


def test_probe_of_a_server_whose_chain_ends_in_a_sha1_root(openssl: str, tmp_path: Path) -> None:
    """leaf (SHA-256) ← intermediate (SHA-1) ← root (SHA-1), all sent, root in the keystore."""
    _, inter, root = weak_pki()
    server_key = ec_key(39)
    cert = server_leaf(server_key, "localhost", rsa_key(2048, 32), inter.cert)  # type: ignore[arg-type]
    identity = Identity.write(tmp_path, "sha1", server_key, cert, inter.cert, root.cert)
    weak_ok = ("-cipher", "DEFAULT:@SECLEVEL=0")  # OpenSSL refuses a SHA-1 CA at level 1
    files = ("-cert", identity.cert_file, "-cert_chain", identity.rest_file)
    with OpenSSLServer(openssl, *files, "-key", identity.key_file, *weak_ok, "-www") as srv:
        result = probe(
            ProbeRequest("127.0.0.1", srv.port, sni="localhost", timeout=5.0, trusted=[root])
        )
    assert result.error is None, result.error
    report = result.keystore_report
    assert report is not None and report.trusted, report
    assert report.anchor == root
    assert any("“Weak Intermediate” is signed with SHA-1" in f for f in report.policy_findings)
    text = " ".join([report.message, *report.policy_findings, *result.chain_problems])
    assert "does not verify" not in text

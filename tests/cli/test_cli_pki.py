"""The command line of genkey, csr, ca-reply and sign-csr: output, exit codes, files."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs7

from keymon.cli import main
from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.core.x509.csr import CsrInfo
from keymon.core.x509.reply import MISMATCH

PW = ["--password-env", "KM_PW"]


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KM_PW", "storepass")


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _key_pair(path: Path, alias: str) -> KeyPairEntry:
    entry = Keystore.open(path, "storepass").get(alias)
    assert isinstance(entry, KeyPairEntry)
    return entry


@pytest.fixture
def ca_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "ca.p12"
    code, _, err = run(
        capsys,
        "genkey",
        path,
        "--alias",
        "ca",
        "--key-type",
        "ec",
        "--curve",
        "P-384",
        "--subject",
        "CN=CLI CA,O=keymon,C=DE",
        "--template",
        "ca",
        "--days",
        "100",
        *PW,
    )
    assert code == 0, err
    return path


def test_genkey_creates_the_keystore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new.jks"
    code, out, err = run(
        capsys,
        "genkey",
        path,
        "--alias",
        "client",
        "--key-type",
        "ec",
        "--subject",
        r"CN=client,O=Example\, Inc.,C=de",
        "--san",
        "DNS:client.example",
        "--san",
        "IP:10.0.0.1",
        "--days",
        "30",
        *PW,
    )
    assert code == 0, err
    assert "Generated EC P-256 key pair 'client'" in out
    store = Keystore.open(path, "storepass")
    assert store.format is Format.JKS
    entry = store.get("client")
    assert isinstance(entry, KeyPairEntry) and entry.certificate.summary.self_signed
    cert = entry.certificate.cert
    assert cert.subject.rfc4514_string() == r"CN=client,O=Example\, Inc.,C=DE"
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert [str(n) for n in san.get_values_for_type(x509.IPAddress)] == ["10.0.0.1"]
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert [o.dotted_string for o in eku] == ["1.3.6.1.5.5.7.3.2"]  # tls-client by default
    # a second key pair goes into the same keystore; the same alias is refused
    code, _, _ = run(
        capsys,
        "genkey",
        path,
        "--alias",
        "server",
        "--key-type",
        "ed25519",
        "--subject",
        "CN=server",
        "--template",
        "tls-server",
        *PW,
    )
    assert code == 0
    before = path.read_bytes()
    code, _, err = run(
        capsys, "genkey", path, "--alias", "CLIENT", "--key-type", "ec", "--subject", "CN=x", *PW
    )
    assert code == 2 and "already exists" in err and path.read_bytes() == before


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        (["--key-type", "ec", "--subject", "CN=x,C=Germany"], "two-letter code"),
        (["--key-type", "rsa", "--key-size", "1024", "--subject", "CN=x"], "2048, 3072"),
        (["--key-type", "ec", "--key-size", "256", "--subject", "CN=x"], "curve, not a size"),
        (["--key-type", "ed25519", "--subject", "CN=x", "--signature", "rsa-sha256"], "Ed25519"),
        (["--key-type", "ec", "--subject", "CN=x", "--signature", "rsa-pss-sha256"], "RSA key"),
        (["--key-type", "ec", "--subject", "CN=x", "--san", "host.example"], "DNS:"),
        (["--key-type", "ec", "--subject", "CN=x", "--days", "0"], "at least one day"),
    ],
)
def test_genkey_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], fragment: str
) -> None:
    path = tmp_path / "k.p12"
    code, _, err = run(capsys, "genkey", path, "--alias", "a", *options, *PW)
    assert code == 2 and fragment in err
    assert err.startswith("keymon: ") and err.count("\n") == 1
    assert not path.exists()


def test_csr_sign_csr_and_ca_reply(
    tmp_path: Path, ca_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "tenant.p12"
    code, _, _ = run(
        capsys,
        "genkey",
        store,
        "--alias",
        "tenant",
        "--key-type",
        "rsa",
        "--key-size",
        "2048",
        "--subject",
        "CN=tenant",
        "--san",
        "DNS:tenant.example",
        *PW,
    )
    assert code == 0
    csr_path = tmp_path / "tenant.csr"
    code, out, err = run(
        capsys,
        "csr",
        store,
        "tenant",
        "--san",
        "DNS:tenant.example",
        "--san",
        "DNS:alt.example",
        "-o",
        csr_path,
        *PW,
    )
    assert code == 0, err
    assert "tenant.csr" in out
    info = CsrInfo.load(csr_path.read_bytes())
    assert info.signature_valid and info.sans == ("DNS:tenant.example", "DNS:alt.example")

    cert_path = tmp_path / "tenant.p7b"
    code, out, err = run(
        capsys,
        "sign-csr",
        ca_store,
        "ca",
        csr_path,
        "--days",
        "365",
        "--with-chain",
        "--format",
        "p7b",
        "-o",
        cert_path,
        *PW,
    )
    assert code == 0, err
    assert "shortened to end with the CA certificate" in err  # 365 > the CA's 100 days
    certs = [
        CertInfo.from_cert(c) for c in pkcs7.load_der_pkcs7_certificates(cert_path.read_bytes())
    ]
    assert len(certs) == 2

    # the reply needs the CA: import it as trusted, then install the reply
    ca_pem = tmp_path / "ca.pem"
    assert run(capsys, "export", ca_store, "ca", "--what", "certificate", "-o", ca_pem, *PW)[0] == 0
    assert run(capsys, "import", store, ca_pem, "--alias", "cli-ca", *PW)[0] == 0
    code, out, err = run(capsys, "ca-reply", store, "tenant", cert_path, *PW)
    assert code == 0, err
    assert "a chain of 2 certificates (2 from the reply, 0 from the keystore)" in out
    assert err == ""  # trusted: no note
    entry = _key_pair(store, "tenant")
    assert entry.chain[1] == _key_pair(ca_store, "ca").certificate
    sans = entry.certificate.cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    assert sans.value.get_values_for_type(x509.DNSName) == ["tenant.example", "alt.example"]


def test_refused_ca_reply_exits_4_and_changes_nothing(
    tmp_path: Path, ca_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reply = tmp_path / "ca.pem"
    assert run(capsys, "export", ca_store, "ca", "--what", "certificate", "-o", reply, *PW)[0] == 0
    store = tmp_path / "t.p12"
    args = ["--key-type", "ec", "--subject", "CN=t"]
    assert run(capsys, "genkey", store, "--alias", "t", *args, *PW)[0] == 0
    before = store.read_bytes()
    code, out, err = run(capsys, "ca-reply", store, "t", reply, *PW)
    assert code == 4 and out == ""
    assert err == f"keymon: {MISMATCH}\n"
    assert store.read_bytes() == before
    code, _, err = run(capsys, "ca-reply", store, "t", tmp_path / "missing.pem", *PW)
    assert code == 4 and "does not exist" in err and store.read_bytes() == before


def test_incomplete_reply_is_installed_with_a_note(
    tmp_path: Path, ca_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "t.p12"
    assert (
        run(capsys, "genkey", store, "--alias", "t", "--key-type", "ec", "--subject", "CN=t", *PW)[
            0
        ]
        == 0
    )
    csr_path, cert_path = tmp_path / "t.csr", tmp_path / "t.pem"
    assert run(capsys, "csr", store, "t", "-o", csr_path, *PW)[0] == 0
    assert (
        run(capsys, "sign-csr", ca_store, "ca", csr_path, "--days", "10", "-o", cert_path, *PW)[0]
        == 0
    )
    code, out, err = run(capsys, "ca-reply", store, "t", cert_path, *PW)
    assert code == 0 and "a chain of 1 certificate " in out
    assert "keymon: note: The chain is incomplete" in err


def test_sign_csr_refusals(
    tmp_path: Path, ca_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    leaf_store = tmp_path / "leaf.p12"
    assert (
        run(
            capsys,
            "genkey",
            leaf_store,
            "--alias",
            "leaf",
            "--key-type",
            "ec",
            "--subject",
            "CN=leaf",
            *PW,
        )[0]
        == 0
    )
    csr_path, out_path = tmp_path / "leaf.csr", tmp_path / "out.pem"
    assert run(capsys, "csr", leaf_store, "leaf", "-o", csr_path, *PW)[0] == 0
    code, _, err = run(capsys, "sign-csr", leaf_store, "leaf", csr_path, "-o", out_path, *PW)
    assert code == 2
    assert err == (
        "keymon: The entry 'leaf' is not a certificate authority "
        "(its certificate has no CA basic constraint).\n"
    )
    tampered = bytearray(CsrInfo.load(csr_path.read_bytes()).der)
    tampered[-3] ^= 0x40
    bad = tmp_path / "bad.csr"
    bad.write_bytes(bytes(tampered))
    code, _, err = run(capsys, "sign-csr", ca_store, "ca", bad, "-o", out_path, *PW)
    assert code == 4 and "does not verify" in err
    code, _, err = run(capsys, "sign-csr", ca_store, "ca", ca_store, "-o", out_path, *PW)
    assert code == 4 and "not a certificate signing request" in err
    code, _, err = run(capsys, "csr", leaf_store, "leaf", "-o", leaf_store, *PW)
    assert code == 2 and "keystore itself" in err
    assert not out_path.exists()


def test_pki_commands_appear_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in ("genkey", "csr", "ca-reply", "sign-csr"):
        assert name in out


def test_cli_accepts_every_signature_and_template_of_the_core() -> None:
    from keymon.cli import build_parser
    from keymon.core.x509.keygen import SignatureChoice
    from keymon.core.x509.templates import Template

    parser = build_parser()
    base = ["sign-csr", "ks.p12", "ca", "r.csr", "-o", "out.pem"]
    for choice in SignatureChoice:
        assert parser.parse_args([*base, "--signature", choice.value]).signature == choice.value
    for template in Template:
        assert parser.parse_args([*base, "--template", template.value]).template == template.value

"""Key pairs, CSRs, CA replies and signing against the real openssl and keytool.

Every keymon step goes through the command line (``keymon.cli.main``), every
check through the real tool: ``openssl req -verify``, ``openssl verify
-x509_strict``, ``keytool -gencert``, ``keytool -list`` and ``keytool -certreq``.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from pathlib import Path

import pytest

from keymon.cli import main
from keymon.core.entries import KeyPairEntry
from keymon.core.keystore import Keystore
from keymon.core.x509.csr import CsrInfo
from keymon.core.x509.reply import MISMATCH

pytestmark = pytest.mark.interop

PW = "storepass"
KM = ["--password-env", "KM_PW"]

EXTFILE = """\
[v3_ca]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[v3_leaf]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
"""


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KM_PW", PW)


def tool(*args: str | Path) -> str:
    """Run openssl or keytool in English; fail the test with its output on error."""
    env = {**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"}
    command = [str(a) for a in args]
    if Path(command[0]).name == "keytool":
        command[1:1] = ["-J-XX:TieredStopAtLevel=1", "-J-Duser.language=en"]
    proc = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    if proc.returncode != 0:
        pytest.fail(f"{' '.join(command)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout + proc.stderr


def keymon(*args: str | Path) -> str:
    """Run a keymon subcommand in-process; fail the test on a non-zero exit."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    if code != 0:
        pytest.fail(f"keymon {args[0]} exited {code}: {err.getvalue()}")
    return out.getvalue() + err.getvalue()


def keymon_code(*args: str | Path) -> tuple[int, str]:
    """(exit code, stderr) of a keymon subcommand run in-process."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, err.getvalue()


def key_pair(store: Path, alias: str) -> KeyPairEntry:
    entry = Keystore.open(store, PW).get(alias)
    assert isinstance(entry, KeyPairEntry)
    return entry


@pytest.fixture(scope="session")
def openssl_ca(openssl: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """root.pem/key and inter.pem/key made by openssl, with a proper v3_ca profile."""
    work = tmp_path_factory.mktemp("openssl-ca")
    (work / "ext.cnf").write_text(EXTFILE)
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
    tool(openssl, "req", "-x509", *ec, "-keyout", work / "root.key", "-out", work / "root.pem",
         "-subj", "/O=keymon interop/CN=OpenSSL Test Root", "-days", "3650",
         "-addext", "basicConstraints=critical,CA:true",
         "-addext", "keyUsage=critical,keyCertSign,cRLSign")  # fmt: skip
    tool(openssl, "req", "-new", *ec, "-keyout", work / "inter.key", "-out", work / "inter.csr",
         "-subj", "/O=keymon interop/CN=OpenSSL Test Intermediate")  # fmt: skip
    tool(openssl, "x509", "-req", "-in", work / "inter.csr", "-CA", work / "root.pem",
         "-CAkey", work / "root.key", "-set_serial", "4096", "-days", "1825",
         "-extfile", work / "ext.cnf", "-extensions", "v3_ca",
         "-out", work / "inter.pem")  # fmt: skip
    return work


def openssl_sign(openssl: str, ca: Path, csr: Path, out: Path) -> Path:
    """The intermediate signs ``csr`` with the leaf profile, copying the requested SANs."""
    tool(openssl, "x509", "-req", "-in", csr, "-CA", ca / "inter.pem", "-CAkey", ca / "inter.key",
         "-set_serial", "0x2a2b2c", "-days", "90", "-extfile", ca / "ext.cnf",
         "-extensions", "v3_leaf", "-copy_extensions", "copy", "-out", out)  # fmt: skip
    return out


def new_key_pair(store: Path, alias: str, *options: str) -> None:
    keymon("genkey", store, "--alias", alias, "--subject", f"CN={alias},O=keymon,C=DE",
           "--san", f"DNS:{alias}.example", "--san", "IP:192.0.2.10", *options, *KM)  # fmt: skip


# -- CSRs -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [["--key-type", "rsa", "--key-size", "2048"], ["--key-type", "ec"], ["--key-type", "ed25519"]],
)
def test_openssl_verifies_our_csrs(openssl: str, tmp_path: Path, key: list[str]) -> None:
    store, csr = tmp_path / "k.p12", tmp_path / "k.csr"
    new_key_pair(store, "client", *key)
    keymon("csr", store, "client", "-o", csr, *KM)
    out = tool(openssl, "req", "-verify", "-in", csr, "-noout", "-subject")
    assert "verify OK" in out
    assert "subject=C = DE, O = keymon, CN = client" in out
    text = tool(openssl, "req", "-in", csr, "-noout", "-text")
    assert "DNS:client.example, IP Address:192.0.2.10" in text
    assert "TLS Web Client Authentication" in text


# -- CA replies -------------------------------------------------------------------------------


def test_leaf_reply_is_completed_from_trusted_certificates(
    openssl: str, openssl_ca: Path, tmp_path: Path
) -> None:
    store, csr = tmp_path / "tenant.p12", tmp_path / "tenant.csr"
    new_key_pair(store, "tenant", "--key-type", "ec")
    keymon("csr", store, "tenant", "-o", csr, *KM)
    leaf = openssl_sign(openssl, openssl_ca, csr, tmp_path / "leaf.pem")
    keymon("import", store, openssl_ca / "root.pem", "--alias", "root", *KM)
    keymon("import", store, openssl_ca / "inter.pem", "--alias", "inter", *KM)
    out = keymon("ca-reply", store, "tenant", leaf, *KM)
    assert "a chain of 3 certificates (1 from the reply, 2 from the keystore)" in out
    assert "note" not in out  # trusted through the imported root
    entry = key_pair(store, "tenant")
    subjects = [c.summary.subject_cn for c in entry.chain]
    assert subjects == ["tenant", "OpenSSL Test Intermediate", "OpenSSL Test Root"]
    exported = tmp_path / "exported-leaf.pem"
    keymon("export", store, "tenant", "--what", "certificate", "-o", exported, *KM)
    out = tool(openssl, "verify", "-x509_strict", "-CAfile", openssl_ca / "root.pem",
               "-untrusted", openssl_ca / "inter.pem", exported)  # fmt: skip
    assert out.strip().endswith("OK")
    san = tool(openssl, "x509", "-in", exported, "-noout", "-ext", "subjectAltName")
    assert "DNS:tenant.example" in san


@pytest.mark.parametrize("form", ["DER", "PEM"])
def test_full_chain_as_p7b(openssl: str, openssl_ca: Path, tmp_path: Path, form: str) -> None:
    store, csr = tmp_path / "t.jks", tmp_path / "t.csr"
    new_key_pair(store, "t", "--key-type", "rsa", "--key-size", "2048")
    keymon("csr", store, "t", "-o", csr, *KM)
    leaf = openssl_sign(openssl, openssl_ca, csr, tmp_path / "leaf.pem")
    p7b = tmp_path / "reply.p7b"
    tool(openssl, "crl2pkcs7", "-nocrl", "-certfile", leaf, "-certfile", openssl_ca / "inter.pem",
         "-certfile", openssl_ca / "root.pem", "-outform", form, "-out", p7b)  # fmt: skip
    out = keymon("ca-reply", store, "t", p7b, *KM)
    assert "a chain of 3 certificates (3 from the reply, 0 from the keystore)" in out
    assert "is not among the trusted certificates" in out  # a note: nothing trusted yet
    chain = key_pair(store, "t").chain
    assert [c.summary.subject_cn for c in chain][1:] == [
        "OpenSSL Test Intermediate",
        "OpenSSL Test Root",
    ]


def test_wrong_reply_is_refused_and_changes_nothing(
    openssl: str, openssl_ca: Path, tmp_path: Path
) -> None:
    store = tmp_path / "t.p12"
    new_key_pair(store, "t", "--key-type", "ec")
    before = store.read_bytes()
    code, err = keymon_code("ca-reply", store, "t", openssl_ca / "inter.pem", *KM)
    assert code == 4 and err == f"keymon: {MISMATCH}\n"
    assert store.read_bytes() == before


def test_keytool_gencert_reply(keytool: str, tmp_path: Path) -> None:
    ca_store = tmp_path / "kt-ca.p12"
    base: list[str | Path] = [keytool, "-storetype", "PKCS12", "-keystore", ca_store]
    base += ["-storepass", PW]
    tool(*base, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp384r1",
         "-dname", "CN=keytool CA, O=keymon interop", "-ext", "bc:c",
         "-validity", "365")  # fmt: skip
    tool(*base, "-exportcert", "-alias", "ca", "-rfc", "-file", tmp_path / "ca.pem")
    store, csr, reply = tmp_path / "t.p12", tmp_path / "t.csr", tmp_path / "reply.pem"
    new_key_pair(store, "t", "--key-type", "rsa", "--key-size", "2048")
    keymon("csr", store, "t", "-o", csr, *KM)
    tool(*base, "-gencert", "-alias", "ca", "-infile", csr, "-outfile", reply, "-rfc",
         "-ext", "ku:c=digitalSignature,keyEncipherment", "-ext", "eku=clientAuth",
         "-ext", "san=dns:t.example", "-validity", "30")  # fmt: skip
    keymon("import", store, tmp_path / "ca.pem", "--alias", "keytool-ca", *KM)
    out = keymon("ca-reply", store, "t", reply, *KM)
    assert "a chain of 2 certificates (1 from the reply, 1 from the keystore)" in out
    chain = key_pair(store, "t").chain
    assert [c.summary.subject_cn for c in chain] == ["t", "keytool CA"]
    listing = tool(keytool, "-list", "-v", "-keystore", store, "-storepass", PW, "-alias", "t")
    assert "Certificate chain length: 2" in listing


# -- signing CSRs with a keymon CA ------------------------------------------------------------


def test_sign_csr_with_a_keymon_ca(openssl: str, tmp_path: Path) -> None:
    ca_store = tmp_path / "ca.p12"
    keymon("genkey", ca_store, "--alias", "root", "--key-type", "ec", "--curve", "P-384",
           "--subject", "CN=keymon Root,O=keymon", "--template", "ca",
           "--days", "3650", *KM)  # fmt: skip
    root_pem = tmp_path / "root.pem"
    keymon("export", ca_store, "root", "--what", "certificate", "-o", root_pem, *KM)
    # an intermediate CA issued by keymon, installed with its reply
    keymon("genkey", ca_store, "--alias", "inter", "--key-type", "ec",
           "--subject", "CN=keymon Intermediate", "--template", "ca", *KM)  # fmt: skip
    keymon("csr", ca_store, "inter", "-o", tmp_path / "inter.csr", *KM)
    keymon("sign-csr", ca_store, "root", tmp_path / "inter.csr", "--template", "ca",
           "-o", tmp_path / "inter.pem", *KM)  # fmt: skip
    keymon("ca-reply", ca_store, "inter", tmp_path / "inter.pem", *KM)
    # openssl's own CSR with SANs, signed by the intermediate for a TLS server
    csr = tmp_path / "server.csr"
    tool(openssl, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", tmp_path / "s.key",
         "-subj", "/CN=server.example", "-out", csr,
         "-addext", "subjectAltName=DNS:server.example,IP:192.0.2.1")  # fmt: skip
    bundle = tmp_path / "server-chain.pem"
    keymon("sign-csr", ca_store, "inter", csr, "--template", "tls-server", "--with-chain",
           "--days", "30", "-o", bundle, *KM)  # fmt: skip
    assert bundle.read_bytes().count(b"BEGIN CERTIFICATE") == 3
    leaf, inter = tmp_path / "leaf.pem", tmp_path / "inter-only.pem"
    blocks = bundle.read_bytes().split(b"-----END CERTIFICATE-----\n")
    leaf.write_bytes(blocks[0] + b"-----END CERTIFICATE-----\n")
    inter.write_bytes(blocks[1] + b"-----END CERTIFICATE-----\n")
    out = tool(openssl, "verify", "-x509_strict", "-purpose", "sslserver",
               "-verify_hostname", "server.example", "-CAfile", root_pem,
               "-untrusted", inter, leaf)  # fmt: skip
    assert out.strip().endswith("OK")
    san = tool(openssl, "x509", "-in", leaf, "-noout", "-ext", "subjectAltName")
    assert "DNS:server.example, IP Address:192.0.2.1" in san
    p7b = tmp_path / "server.p7b"
    keymon("sign-csr", ca_store, "inter", csr, "--with-chain", "--format", "p7b", "-o", p7b, *KM)
    printed = tool(openssl, "pkcs7", "-inform", "DER", "-in", p7b, "-print_certs", "-noout")
    assert printed.count("subject=") == 3


# -- keytool uses keymon's key pairs ----------------------------------------------------------


def test_keytool_uses_generated_key_pairs(keytool: str, openssl: str, tmp_path: Path) -> None:
    store = tmp_path / "gen.p12"
    new_key_pair(store, "rsa", "--key-type", "rsa", "--key-size", "2048",
                 "--signature", "rsa-pss-sha256")  # fmt: skip
    new_key_pair(store, "ec", "--key-type", "ec", "--curve", "P-521")
    new_key_pair(store, "ed", "--key-type", "ed25519")
    for alias in ("rsa", "ec", "ed"):
        exported = tmp_path / f"{alias}.p12"
        keymon("export", store, alias, "--what", "key-pair", "-o", exported, *KM)
        base: list[str | Path] = [keytool, "-storetype", "PKCS12", "-keystore", exported]
        base += ["-storepass", PW]
        listing = tool(*base, "-list")
        assert f"{alias}, " in listing and "PrivateKeyEntry" in listing
        csr = tmp_path / f"{alias}.csr"
        tool(*base, "-certreq", "-alias", alias, "-file", csr)
        assert "verify OK" in tool(openssl, "req", "-verify", "-in", csr, "-noout")
        info = CsrInfo.load(csr.read_bytes())  # keytool's NEW CERTIFICATE REQUEST
        assert info.signature_valid and info.subject == f"CN={alias},O=keymon,C=DE"

"""keytool key entries whose key password (-keypass) differs from the store password.

keytool lists such entries with their chains; so must keymon. Only commands that use
the private key need its password (--key-password-env / --key-password-file), and a
save keeps the sealed key as it was, which keytool then still opens with -keypass.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from keymon.cli import main
from tests.interop.test_jks_keytool import PASS, kt, listing, store_args

pytestmark = pytest.mark.interop

KEY_PASS = "key-secret"
STORE_PW = ["--password-env", "KM_PW"]
KEY_PW = ["--key-password-env", "KM_KEY_PW"]
MISSING = (
    "keymon: The key of entry 'rsa-key' has its own password; "
    "give it with --key-password-env or --key-password-file.\n"
)
STORETYPES = {"jks": "JKS", "jceks": "JCEKS"}


@pytest.fixture(autouse=True)
def _passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KM_PW", PASS)
    monkeypatch.setenv("KM_KEY_PW", KEY_PASS)
    monkeypatch.setenv("KM_OUT_PW", "out-secret")
    monkeypatch.setenv("KM_WRONG", "not-the-key-password")


def _make_store(keytool: str, folder: Path, storetype: str) -> Path:
    """RSA and EC key pairs sealed with KEY_PASS, and a trusted root, made by keytool."""
    store = folder / f"own-key-passwords.{storetype.lower()}"
    common = [*store_args(store, storetype), "-keypass", KEY_PASS]
    rsa = ["-alias", "rsa-key", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=rsa-key"]
    kt(keytool, "-genkeypair", *rsa, *common)
    ec = [
        "-alias",
        "ec-key",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=ec-key",
        "-signer",
        "rsa-key",
    ]
    kt(keytool, "-genkeypair", *ec, "-signerkeypass", KEY_PASS, *common)
    side = [*store_args(folder / f"side-{storetype}.jks", "JKS"), "-keypass", PASS]
    root = folder / "root.der"
    kt(
        keytool,
        "-genkeypair",
        *["-alias", "root", "-keyalg", "EC", "-dname", "CN=root", "-ext", "bc:c"],
        *side,
    )
    kt(keytool, "-exportcert", "-alias", "root", "-file", str(root), *side)
    kt(
        keytool,
        "-importcert",
        "-noprompt",
        *("-alias", "root", "-file", str(root)),
        *(store_args(store, storetype)),
    )
    return store


@pytest.fixture(scope="module")
def made_jks(keytool: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make_store(keytool, tmp_path_factory.mktemp("own-jks"), "JKS")


@pytest.fixture(scope="module", params=["jks", "jceks"])
def made(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if request.param == "jks":
        made_jks: Path = request.getfixturevalue("made_jks")
        return made_jks
    keytool = request.getfixturevalue("keytool")
    return _make_store(keytool, tmp_path_factory.mktemp("own-jceks"), "JCEKS")


@pytest.fixture
def store(made: Path, tmp_path: Path) -> Path:
    """A fresh copy of the keytool-made store for each test."""
    copy = tmp_path / made.name
    copy.write_bytes(made.read_bytes())
    return copy


@pytest.fixture
def jks_store(made_jks: Path, tmp_path: Path) -> Path:
    copy = tmp_path / made_jks.name
    copy.write_bytes(made_jks.read_bytes())
    return copy


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def storetype(path: Path) -> str:
    return STORETYPES[path.suffix.lstrip(".")]


# -- listing needs no key password ------------------------------------------------------
def test_list_and_show_every_entry_with_its_chain(
    keytool: str, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = listing(keytool, store, storetype(store))
    code, out, err = run(capsys, "list", store, "--json", *STORE_PW)
    assert (code, err) == (0, "")
    items = {item["alias"]: item for item in json.loads(out)}
    assert {a: (i["type"], i["chain_length"]) for a, i in items.items()} == {
        alias: (kind, len(chain)) for alias, (kind, chain) in expected.items()
    }
    code, out, _ = run(capsys, "list", store, *STORE_PW)
    assert code == 0 and all(alias in out for alias in expected)
    for alias, (_, chain) in expected.items():
        code, out, _ = run(capsys, "show", store, alias, "--json", *STORE_PW)
        details = json.loads(out)
        assert code == 0 and [c["sha256"] for c in details["chain"]] == chain
    code, out, _ = run(capsys, "show", store, "ec-key", "--json", *STORE_PW)
    assert json.loads(out)["private_key"] == {
        "algorithm": "EC",
        "size": 256,
        "curve": "P-256",
        "own_password": True,
    }
    code, out, _ = run(capsys, "show", store, "rsa-key", *STORE_PW)
    assert code == 0 and "Certificate [1/1]" in out and "password of its own" in out


# -- commands that need the key ------------------------------------------------------------
def test_export_key_pair_needs_the_key_password(
    store: Path, tmp_path: Path, openssl: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "rsa.p12"
    export = ["export", store, "rsa-key", "--what", "key-pair", "-o", out_file, *STORE_PW]
    export += ["--out-password-env", "KM_OUT_PW"]
    assert run(capsys, *export) == (3, "", MISSING)
    code, _, err = run(capsys, *export, "--key-password-env", "KM_WRONG")
    assert code == 3 and err == (
        "keymon: The key password given for entry 'rsa-key' is wrong; "
        "give it with --key-password-env or --key-password-file.\n"
    )
    assert not out_file.exists()
    key_file = tmp_path / "key-password.txt"
    key_file.write_text(KEY_PASS + "\n")
    code, _, err = run(capsys, *export, "--key-password-file", key_file)
    assert (code, err) == (0, "")
    # openssl reads the exported PKCS#12: its key belongs to the certificate.
    pem = subprocess.run(
        [openssl, "pkcs12", "-in", str(out_file), "-nodes", "-passin", "pass:out-secret"],
        capture_output=True,
        check=True,
    ).stdout
    key = serialization.load_pem_private_key(_block(pem, b"PRIVATE KEY"), None)
    cert_pem = _block(pem, b"CERTIFICATE")
    assert key.public_key() == x509.load_pem_x509_certificate(cert_pem).public_key()
    # A certificate export needs no key password.
    cert_out = tmp_path / "rsa.pem"
    code, _, _ = run(
        capsys, "export", store, "rsa-key", "--what", "chain", "-o", cert_out, *STORE_PW
    )
    assert code == 0 and cert_out.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")


def _block(pem: bytes, label: bytes) -> bytes:
    start = pem.index(b"-----BEGIN " + label)
    end = pem.index(b"-----END " + label, start)
    return pem[start : pem.index(b"\n", end) + 1]


def test_csr_needs_the_key_password(
    store: Path, tmp_path: Path, openssl: str, capsys: pytest.CaptureFixture[str]
) -> None:
    csr = tmp_path / "rsa.csr"
    assert run(capsys, "csr", store, "rsa-key", "-o", csr, *STORE_PW) == (3, "", MISSING)
    assert not csr.exists()
    code, _, _ = run(capsys, "csr", store, "rsa-key", "-o", csr, *STORE_PW, *KEY_PW)
    assert code == 0
    subprocess.run([openssl, "req", "-in", str(csr), "-verify", "-noout"], check=True)


def test_convert_to_pkcs12_with_the_key_password(
    keytool: str, store: Path, tmp_path: Path, openssl: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "converted.p12"
    convert = ["convert", store, target, "--to", "pkcs12", *STORE_PW]
    code, _, err = run(capsys, *convert)
    assert code == 3 and "has its own password; give it with --key-password-env" in err
    assert not target.exists()
    assert run(capsys, *convert, *KEY_PW)[0] == 0
    keys = subprocess.run(
        [openssl, "pkcs12", "-in", str(target), "-nodes", "-passin", f"pass:{PASS}"],
        capture_output=True,
        check=True,
    ).stdout
    assert keys.count(b"-----BEGIN PRIVATE KEY-----") == 2
    expected = listing(keytool, store, storetype(store))
    assert listing(keytool, target, "PKCS12") == expected


# -- saving keeps the sealed key ----------------------------------------------------------
def test_saving_keeps_the_key_sealed_with_its_own_password(
    keytool: str, jks_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = jks_store
    before = listing(keytool, store, "JKS")
    assert run(capsys, "rename", store, "root", "other-root", *STORE_PW)[0] == 0
    assert run(capsys, "delete", store, "ec-key", *STORE_PW)[0] == 0
    cert = tmp_path / "root.pem"
    export = ["export", store, "other-root", "--what", "certificate", "-o", cert]
    assert run(capsys, *export, *STORE_PW)[0] == 0
    assert run(capsys, "import", store, cert, "--alias", "root-again", *STORE_PW)[0] == 0
    after = listing(keytool, store, "JKS")
    assert after["rsa-key"] == before["rsa-key"]
    assert set(after) == {"rsa-key", "other-root", "root-again"}
    # keytool still opens the key with its own password, and only with that one.
    copied = keytool_copy_key(keytool, store, PASS, "rsa-key", tmp_path / "by-keytool.p12")
    assert copied == {"rsa-key": before["rsa-key"]}


def keytool_copy_key(
    keytool: str, store: Path, storepass: str, alias: str, dest: Path
) -> dict[str, tuple[str, list[str]]]:
    """keytool opens the key of ``alias`` with KEY_PASS and copies it to a PKCS#12 ``dest``."""
    source = ["-srckeystore", str(store), "-srcstoretype", "JKS", "-srcstorepass", storepass]
    target = ["-destkeystore", str(dest), "-deststoretype", "PKCS12", "-deststorepass", PASS]
    kt(keytool, "-importkeystore", *source, "-srcalias", alias, "-srckeypass", KEY_PASS, *target)
    return listing(keytool, dest, "PKCS12")


def test_passwd_keeps_the_key_password(
    keytool: str,
    jks_store: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Like keytool -storepasswd: the keys keep their own password."""
    monkeypatch.setenv("KM_NEW", "new-store-pass")
    assert run(capsys, "passwd", jks_store, *STORE_PW, "--new-password-env", "KM_NEW")[0] == 0
    dest = tmp_path / "after-passwd.p12"
    assert "ec-key" in keytool_copy_key(keytool, jks_store, "new-store-pass", "ec-key", dest)


def test_convert_to_jks_carries_jks_sealed_keys(
    keytool: str, store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "converted.jks"
    convert = ["convert", store, target, "--to", "jks", *STORE_PW]
    if storetype(store) == "JCEKS":  # JKS cannot hold the JCEKS protector: re-seal the keys
        assert run(capsys, *convert) == (3, "", MISSING)
        convert += KEY_PW
    assert run(capsys, *convert)[0] == 0
    assert listing(keytool, target, "JKS") == listing(keytool, store, storetype(store))
    code, out, _ = run(capsys, "show", target, "ec-key", "--json", *STORE_PW)
    assert code == 0 and json.loads(out)["private_key"]["own_password"] is (
        storetype(store) == "JKS"
    )


def test_ca_reply_keeps_the_key_password(
    keytool: str, jks_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    common = [*store_args(jks_store, "JKS"), "-keypass", KEY_PASS]
    csr, reply = tmp_path / "ec.csr", tmp_path / "reply.pem"
    kt(keytool, "-certreq", "-alias", "ec-key", "-file", str(csr), *common)
    kt(keytool, "-gencert", "-rfc", "-alias", "rsa-key", "-infile", str(csr), "-outfile",
       str(reply), *common)  # fmt: skip
    code, _, err = run(capsys, "ca-reply", jks_store, "ec-key", reply, *STORE_PW)
    assert code == 3 and "'ec-key' has its own password; give it with" in err
    assert run(capsys, "ca-reply", jks_store, "ec-key", reply, *STORE_PW, *KEY_PW)[0] == 0
    copied = keytool_copy_key(keytool, jks_store, PASS, "ec-key", tmp_path / "after-reply.p12")
    assert copied["ec-key"] == listing(keytool, jks_store, "JKS")["ec-key"]

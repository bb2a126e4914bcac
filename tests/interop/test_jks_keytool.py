"""The JKS / JCEKS codec against the real keytool (Java 17) on this machine."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pytest
from cryptography import x509

from keymon.core.entries import CertificateEntry, Entry, KeyPairEntry, SecretKeyEntry
from keymon.core.errors import PasswordRequired, WrongPassword
from keymon.core.formats import jks
from tests import factory

pytestmark = pytest.mark.interop

PASS = "changeit"
KINDS = {"PrivateKeyEntry": "key_pair", "trustedCertEntry": "certificate"}
KINDS["SecretKeyEntry"] = "secret_key"
Listing = dict[str, tuple[str, list[str]]]  # alias -> (entry type, SHA-256 of each certificate)


def kt(keytool: str, *args: str) -> str:
    """Run keytool in English with UTF-8 arguments; fail the test with its output on error."""
    env = {**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"}
    command = [keytool, "-J-XX:TieredStopAtLevel=1", "-J-Duser.language=en", *args]
    proc = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
    )
    if proc.returncode != 0:
        pytest.fail(f"keytool {args[0]} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


def store_args(path: Path, storetype: str) -> list[str]:
    return ["-keystore", str(path), "-storetype", storetype, "-storepass", PASS]


def listing(keytool: str, path: Path, storetype: str) -> Listing:
    """Aliases, entry types and fingerprints as ``keytool -list -v`` reports them."""
    result: Listing = {}
    alias = ""
    for line in kt(keytool, "-list", "-v", *store_args(path, storetype)).splitlines():
        if m := re.match(r"Alias name: (.*)$", line):
            alias = m[1]
        elif m := re.match(r"Entry type: (\w+)$", line):
            result[alias] = (KINDS[m[1]], [])
        elif m := re.match(r"\s+SHA256: ([0-9A-F:]+)$", line):
            result[alias][1].append(m[1].replace(":", "").lower())
    return result


def ours(entries: list[Entry]) -> Listing:
    return {e.alias: (e.kind, [c.sha256 for c in e.certificates]) for e in entries}


@pytest.fixture(scope="session")
def keytool_jks(keytool: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Listing]:
    """RSA CA, an EC leaf it signed, a key under a non-ASCII alias and a trusted certificate."""
    folder = tmp_path_factory.mktemp("keytool-jks")
    store = folder / "made.jks"
    common = [*store_args(store, "JKS"), "-keypass", PASS]
    kt(
        keytool,
        "-genkeypair",
        "-alias",
        "rsa-ca",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=keymon RSA CA",
        "-ext",
        "bc:c",
        *common,
    )
    kt(
        keytool,
        "-genkeypair",
        "-alias",
        "ec-leaf",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=keymon EC leaf",
        "-signer",
        "rsa-ca",
        "-signerkeypass",
        PASS,
        *common,
    )
    kt(
        keytool,
        "-genkeypair",
        "-alias",
        "zertifikat-müller",
        "-keyalg",
        "EC",
        "-dname",
        "CN=Müller",
        *common,
    )
    kt(keytool, "-exportcert", "-alias", "rsa-ca", "-file", str(folder / "ca.der"), *common)
    kt(
        keytool,
        "-importcert",
        "-noprompt",
        "-alias",
        "証明書",
        "-file",
        str(folder / "ca.der"),
        *store_args(store, "JKS"),
    )
    return store, listing(keytool, store, "JKS")


@pytest.fixture(scope="session")
def keytool_jceks(keytool: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Listing]:
    store = tmp_path_factory.mktemp("keytool-jceks") / "made.jceks"
    common = [*store_args(store, "JCEKS"), "-keypass", PASS]
    kt(keytool, "-genseckey", "-alias", "aes-key", "-keyalg", "AES", "-keysize", "256", *common)
    kt(keytool, "-genseckey", "-alias", "des-key", "-keyalg", "DESede", *common)
    kt(keytool, "-genkeypair", "-alias", "kp", "-keyalg", "EC", "-dname", "CN=kp", *common)
    return store, listing(keytool, store, "JCEKS")


def test_reads_keytool_jks(keytool_jks: tuple[Path, Listing]) -> None:
    store, expected = keytool_jks
    entries = jks.load(store.read_bytes(), PASS)
    assert ours(entries) == expected
    assert {"zertifikat-müller", "証明書"} <= expected.keys()
    by_alias = {e.alias: e for e in entries}
    for entry in entries:
        if isinstance(entry, KeyPairEntry):
            assert entry.private_key.public_key() == entry.certificate.public_key
    leaf = by_alias["ec-leaf"]
    ca = by_alias["rsa-ca"]
    assert len(leaf.certificates) == 2 and leaf.certificates[1] == ca.certificate
    assert leaf.certificate.signed_by(ca.certificate)
    assert by_alias["証明書"].certificate == ca.certificate
    today = dt.datetime.now(dt.UTC)
    assert all(e.modified and abs(e.modified - today) < dt.timedelta(hours=1) for e in entries)


def test_keytool_jks_wrong_or_missing_password(keytool_jks: tuple[Path, Listing]) -> None:
    data = keytool_jks[0].read_bytes()
    with pytest.raises(WrongPassword, match=r"^The keystore password is wrong\.$"):
        jks.load(data, "not-the-password")
    with pytest.raises(PasswordRequired):
        jks.load(data, None)


def test_key_password_differs(keytool: str, tmp_path: Path) -> None:
    store = tmp_path / "two-passwords.jks"
    kt(
        keytool,
        "-genkeypair",
        "-alias",
        "lonely",
        "-keyalg",
        "EC",
        "-dname",
        "CN=lonely",
        "-keypass",
        "another-password",
        *store_args(store, "JKS"),
    )
    (entry,) = jks.load(store.read_bytes(), PASS)  # listed, its key still sealed
    assert isinstance(entry, KeyPairEntry) and entry.locked
    assert entry.unlocked("another-password").private_key.public_key() == (
        entry.certificate.public_key
    )


def test_reads_keytool_jceks(keytool_jceks: tuple[Path, Listing]) -> None:
    store, expected = keytool_jceks
    entries = jks.load(store.read_bytes(), PASS)
    assert ours(entries) == expected
    secrets = {e.alias: e for e in entries if isinstance(e, SecretKeyEntry)}
    assert (secrets["aes-key"].algorithm, len(secrets["aes-key"].key)) == ("AES", 32)
    assert (secrets["des-key"].algorithm, len(secrets["des-key"].key)) == ("DESede", 24)
    (pair,) = (e for e in entries if isinstance(e, KeyPairEntry))
    assert pair.private_key.public_key() == pair.certificate.public_key
    with pytest.raises(WrongPassword):
        jks.load(store.read_bytes(), "not-the-password")


# Nine of Debian's 144 roots (Go Daddy, Starfield, ...) have serial number 0, which
# cryptography parses with a deprecation warning (CertInfo.from_der does not silence it).
@pytest.mark.filterwarnings(
    "ignore:Parsed a serial number:cryptography.utils.CryptographyDeprecationWarning"
)
def test_java_cacerts(keytool: str, java_cacerts: Path) -> None:
    expected = listing(keytool, java_cacerts, "JKS")
    data = java_cacerts.read_bytes()
    entries = jks.load(data, PASS)
    assert len(entries) == len(expected) > 50
    assert ours(entries) == expected
    assert all(isinstance(e, CertificateEntry) for e in entries)
    assert ours(jks.load(data, None)) == expected


def _written_entries() -> list[Entry]:
    when = dt.datetime(2001, 2, 3, 12, 0, tzinfo=dt.UTC)
    entries: list[Entry] = [
        factory.key_pair_entry("Leaf-Chain"),
        factory.self_signed_entry("ec-key"),
        factory.trusted_entry("root-ca", "keymon trusted root"),
        factory.trusted_entry("証明書"),
    ]
    return [e.replace(modified=when) for e in entries]


@pytest.fixture(scope="session")
def written_jks(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Entry]]:
    entries = _written_entries()
    path = tmp_path_factory.mktemp("written") / "written.jks"
    path.write_bytes(jks.dump(entries, PASS))
    return path, entries


def test_keytool_lists_written_jks(keytool: str, written_jks: tuple[Path, list[Entry]]) -> None:
    path, entries = written_jks
    expected = {e.alias.lower(): (e.kind, [c.sha256 for c in e.certificates]) for e in entries}
    assert listing(keytool, path, "JKS") == expected
    plain = kt(keytool, "-list", *store_args(path, "JKS"))
    assert "leaf-chain, Feb 3, 2001, PrivateKeyEntry," in plain
    assert "証明書, Feb 3, 2001, trustedCertEntry," in plain


@pytest.mark.parametrize("alias", ["leaf-chain", "ec-key"])
def test_java_uses_written_private_key(
    keytool: str, written_jks: tuple[Path, list[Entry]], alias: str
) -> None:
    path, entries = written_jks
    (entry,) = (e for e in entries if e.alias.lower() == alias)
    assert isinstance(entry, KeyPairEntry)
    pem = kt(keytool, "-certreq", "-alias", alias, *store_args(path, "JKS"))
    csr = x509.load_pem_x509_csr(pem.encode("ascii"))
    assert csr.is_signature_valid
    assert csr.public_key() == entry.private_key.public_key()


def test_java_reads_written_jceks(keytool: str, tmp_path: Path) -> None:
    """keytool unseals our keys and seals them again; we read its copy back."""
    entries = [*_written_entries(), SecretKeyEntry("Sec", "AES", bytes(range(32)))]
    ours_path, java_path = tmp_path / "ours.jceks", tmp_path / "java.jceks"
    ours_path.write_bytes(jks.dump(entries, PASS, jceks=True, iterations=1000))
    kt(
        keytool,
        "-importkeystore",
        "-noprompt",
        "-srckeystore",
        str(ours_path),
        "-srcstoretype",
        "JCEKS",
        "-srcstorepass",
        PASS,
        "-destkeystore",
        str(java_path),
        "-deststoretype",
        "JCEKS",
        "-deststorepass",
        PASS,
    )
    back = {e.alias: e for e in jks.load(java_path.read_bytes(), PASS)}
    assert back.keys() == {e.alias.lower() for e in entries}
    secret = back["sec"]
    assert isinstance(secret, SecretKeyEntry)
    assert (secret.algorithm, secret.key) == ("AES", bytes(range(32)))
    pair = back["leaf-chain"]
    assert isinstance(pair, KeyPairEntry)
    assert pair.private_key.public_key() == entries[0].certificate.public_key
    assert pair.certificates == entries[0].certificates


def test_rewrite_of_keytool_store_round_trips(keytool_jks: tuple[Path, Listing]) -> None:
    store, expected = keytool_jks
    again = jks.load(jks.dump(jks.load(store.read_bytes(), PASS), PASS), PASS)
    assert ours(again) == expected

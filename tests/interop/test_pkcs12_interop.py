"""PKCS#12 against the real keytool (Java 17) and openssl 3.0 on this machine."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry, SecretKeyEntry
from keymon.core.errors import IntegrityError, PasswordRequired, WrongPassword
from keymon.core.formats import der, pbe, pkcs12
from tests import factory

pytestmark = pytest.mark.interop

PW = "changeit"
KINDS = {"key_pair": "PrivateKeyEntry", "certificate": "trustedCertEntry"}
KINDS["secret_key"] = "SecretKeyEntry"
UTF8_ENV = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}


def run(*args: object, cwd: Path | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        env=UTF8_ENV,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"{args[:2]} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def fingerprint(pem: str) -> str:
    cert = x509.load_pem_x509_certificate(pem.encode())
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


@dataclass(frozen=True)
class Listed:
    kind: str
    chain: tuple[str, ...]  # SHA-256 fingerprints, leaf first
    created: dt.date


def keytool_list(keytool: str, path: Path, password: str = PW) -> dict[str, Listed]:
    """What ``keytool -list -rfc`` says about a PKCS#12 file."""
    out = run(
        keytool, "-list", "-rfc", "-storetype", "PKCS12", "-keystore", path, "-storepass", password
    )
    listed = {}
    for block in out.split("Alias name: ")[1:]:
        alias = block.split("\n", 1)[0]
        kind = re.search(r"Entry type: (\w+)", block)
        created = re.search(r"Creation date: (.+)", block)
        assert kind and created, block
        pems = re.findall(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", block, re.S)
        date = dt.datetime.strptime(created.group(1).strip(), "%b %d, %Y").date()
        listed[alias] = Listed(kind.group(1), tuple(fingerprint(p) for p in pems), date)
    return listed


def ours(entries: list[Entry], listed: dict[str, Listed]) -> dict[str, Listed]:
    """Our view in keytool's terms; keytool shows the load date when no date is stored."""
    out = {}
    for e in entries:
        shown = listed.get(e.alias.lower())
        created = e.modified.astimezone().date() if e.modified else None
        if created is None and shown is not None:
            created = shown.created
        out[e.alias.lower()] = Listed(
            KINDS[e.kind], tuple(c.sha256 for c in e.certificates), created or dt.date.min
        )
    return out


def flip_mac(data: bytes) -> bytes:
    """The file with one bit of its MAC digest flipped."""
    digest = der.parse(data, "pfx").children()[2].children()[0].children()[1]
    buf = bytearray(data)
    buf[digest.start + 3] ^= 0x01
    return bytes(buf)


def write_pem(path: Path, *items: object) -> Path:
    parts = []
    for item in items:
        if isinstance(item, CertInfo):
            parts.append(item.cert.public_bytes(serialization.Encoding.PEM))
        else:
            parts.append(
                item.private_bytes(  # type: ignore[attr-defined]
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )
    path.write_bytes(b"".join(parts))
    return path


# ---------------------------------------------------------------------------- keytool → us


@pytest.fixture(scope="session")
def keytool_store(keytool: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """RSA + EC key pairs, a -gencert chain, trusted certs, a non-ASCII alias, a secret key."""
    work = tmp_path_factory.mktemp("keytool-p12")
    store = work / "store.p12"
    base = [keytool, "-storetype", "PKCS12", "-keystore", store, "-storepass", PW]
    days = ["-validity", "30"]
    run(*base, "-genkeypair", "-alias", "rsa-key", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=RSA Key, O=keymon", *days)  # fmt: skip
    run(*base, "-genkeypair", "-alias", "ec-ca", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=EC CA", "-ext", "bc:c", *days)  # fmt: skip
    alias = "Schlüssel ключ"
    run(*base, "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=Chained Leaf", *days)  # fmt: skip
    run(*base, "-certreq", "-alias", alias, "-file", work / "leaf.csr")
    run(*base, "-gencert", "-alias", "ec-ca", "-infile", work / "leaf.csr",
        "-outfile", work / "leaf.pem", "-rfc")  # fmt: skip
    run(*base, "-importcert", "-noprompt", "-alias", alias, "-file", work / "leaf.pem")
    root = write_pem(work / "root.pem", CertInfo.from_cert(factory.ca_chain()[0][1]))
    run(*base, "-importcert", "-noprompt", "-alias", "trusted root", "-file", root)
    run(*base, "-exportcert", "-alias", "ec-ca", "-rfc", "-file", work / "ca.pem")
    run(*base, "-importcert", "-noprompt", "-alias", "ec ca trusted", "-file", work / "ca.pem")
    run(*base, "-genseckey", "-alias", "sym", "-keyalg", "AES", "-keysize", "128")
    return store


def test_keytool_store_loads_every_entry(keytool: str, keytool_store: Path) -> None:
    entries = pkcs12.load(keytool_store.read_bytes(), PW)
    expected = keytool_list(keytool, keytool_store)
    assert ours(entries, expected) == expected
    assert all(e.modified is not None for e in entries if e.kind != "certificate")
    assert "schlüssel ключ" in expected  # keytool lowercases aliases; the chain is 2 long
    assert len(expected["schlüssel ключ"].chain) == 2
    kinds = {e.alias: type(e) for e in entries}
    assert kinds["rsa-key"] is KeyPairEntry and kinds["trusted root"] is CertificateEntry
    secret = next(e for e in entries if isinstance(e, SecretKeyEntry))
    assert (secret.alias, secret.algorithm, len(secret.key)) == ("sym", "AES", 16)
    rsa_entry = next(e for e in entries if e.alias == "rsa-key")
    assert isinstance(rsa_entry, KeyPairEntry)
    assert rsa_entry.private_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    ) == rsa_entry.certificate.cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def test_keytool_store_wrong_password_and_tampering(keytool_store: Path) -> None:
    data = keytool_store.read_bytes()
    with pytest.raises(WrongPassword):
        pkcs12.load(data, "not the password")
    with pytest.raises(PasswordRequired):
        pkcs12.load(data, None)
    with pytest.raises(IntegrityError):
        pkcs12.load(flip_mac(data), PW)


# ---------------------------------------------------------------------------- openssl → us


@pytest.fixture(scope="session")
def pem_material(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("openssl-p12")
    entry = factory.key_pair_entry("openssl leaf", key=factory.ec_key(200))
    unrelated = CertInfo.from_cert(factory.make_cert(factory.ec_key(201), "Unrelated CA", ca=True))
    return {
        "key": write_pem(work / "key.pem", entry.private_key),
        "cert": write_pem(work / "cert.pem", entry.chain[0]),
        "cas": write_pem(work / "cas.pem", *entry.chain[1:], unrelated),
        "dir": work,
    }


def expected_openssl(material: dict[str, Path]) -> list[tuple[str, str, tuple[str, ...]]]:
    leaf = fingerprint(material["cert"].read_text())
    cas = re.findall(
        r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----",
        material["cas"].read_text(),
        re.S,
    )
    inter, root, unrelated = (fingerprint(p) for p in cas)
    return [
        ("openssl leaf", "key_pair", (leaf, inter, root)),
        ("unrelated-ca", "certificate", (unrelated,)),
    ]


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["-legacy"],
        ["-macalg", "sha512", "-keypbe", "AES-128-CBC", "-certpbe", "DES-EDE3-CBC"],
        ["-macalg", "sha384", "-iter", "1"],
        ["-keypbe", "NONE", "-certpbe", "NONE"],
        ["-nomac"],
    ],
    ids=["modern", "legacy", "mixed", "sha384", "unencrypted", "nomac"],
)
def test_openssl_export_loads(
    openssl: str, pem_material: dict[str, Path], options: list[str]
) -> None:
    out = pem_material["dir"] / f"export{'_'.join(options)}.p12"
    run(openssl, "pkcs12", "-export", *options, "-inkey", pem_material["key"],
        "-in", pem_material["cert"], "-certfile", pem_material["cas"],
        "-name", "openssl leaf", "-passout", f"pass:{PW}", "-out", out)  # fmt: skip
    entries = pkcs12.load(out.read_bytes(), PW)
    got = [(e.alias, e.kind, tuple(c.sha256 for c in e.certificates)) for e in entries]
    assert got == expected_openssl(pem_material)
    if "-nomac" not in options and "NONE" not in options:
        with pytest.raises(WrongPassword):
            pkcs12.load(out.read_bytes(), "wrong")
        with pytest.raises(IntegrityError):
            pkcs12.load(flip_mac(out.read_bytes()), PW)


def test_openssl_empty_password_and_truststore(openssl: str, pem_material: dict[str, Path]) -> None:
    empty = pem_material["dir"] / "empty.p12"
    run(openssl, "pkcs12", "-export", "-inkey", pem_material["key"], "-in", pem_material["cert"],
        "-passout", "pass:", "-out", empty)  # fmt: skip
    assert [e.alias for e in pkcs12.load(empty.read_bytes(), None)] == ["openssl-leaf"]
    trust = pem_material["dir"] / "trust.p12"
    run(openssl, "pkcs12", "-export", "-nokeys", "-in", pem_material["cas"],
        "-passout", f"pass:{PW}", "-out", trust)  # fmt: skip
    entries = pkcs12.load(trust.read_bytes(), PW)
    assert [(e.alias, e.kind) for e in entries] == [
        ("keymon-test-intermediate", "certificate"),
        ("keymon-test-root", "certificate"),
        ("unrelated-ca", "certificate"),
    ]


@pytest.mark.parametrize(
    "options",
    [
        ["-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1"],
        ["-v2", "aes-192-cbc", "-v2prf", "hmacWithSHA384"],
        ["-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA512"],
        ["-v2", "des3", "-v2prf", "hmacWithSHA224"],
        ["-v1", "PBE-SHA1-3DES"],
        ["-v1", "PBE-SHA1-2DES"],
        ["-v1", "PBE-SHA1-RC2-40"],
        ["-v1", "PBE-SHA1-RC2-128"],
        ["-v1", "PBE-SHA1-RC4-128"],
        ["-v1", "PBE-SHA1-RC4-40"],
    ],
    ids=lambda o: "-".join(o[1::2]),
)
def test_every_pbe_scheme_decrypts_openssl_pkcs8(
    openssl: str, pem_material: dict[str, Path], options: list[str]
) -> None:
    out = pem_material["dir"] / f"key-{'-'.join(options)}.der"
    providers = ["-provider", "legacy", "-provider", "default"]
    run(openssl, "pkcs8", "-topk8", *providers, *options, "-in", pem_material["key"],
        "-outform", "DER", "-passout", f"pass:{PW}", "-out", out)  # fmt: skip
    algorithm, ciphertext = der.parse(out.read_bytes(), "key").children()
    scheme = pbe.parse_scheme(algorithm)
    plain = scheme.decrypt(ciphertext.string("key"), PW)
    expected = serialization.load_pem_private_key(pem_material["key"].read_bytes(), None)
    assert plain == expected.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    try:
        wrong: bytes | None = scheme.decrypt(ciphertext.string("key"), "not the password")
    except pbe.DecryptError:
        wrong = None
    assert wrong is None or not der.is_sequence(wrong)  # RC4 has no padding to fail


# ---------------------------------------------------------------------------- us → keytool, openssl


WHEN = dt.datetime(2024, 1, 2, 12, 0, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="session")
def our_entries() -> list[Entry]:
    rsa_pair = factory.key_pair_entry("rsa pair", key=factory.rsa_key(2048, 7))
    return [
        KeyPairEntry(rsa_pair.alias, rsa_pair.private_key, rsa_pair.chain, WHEN),
        factory.key_pair_entry("Ключ-Äpfel", key=factory.ec_key(210)),
        factory.self_signed_entry("self signed", key=factory.ec_key(211)),
        factory.trusted_entry("trusted one", cn="Trusted One"),
        CertificateEntry("trusted root", CertInfo.from_cert(factory.ca_chain()[0][1])),
        SecretKeyEntry("secret", "AES", bytes(range(32)), WHEN),
    ]


@pytest.fixture(scope="session", params=list(pkcs12.Pkcs12Protection), ids=["modern", "legacy"])
def our_file(
    request: pytest.FixtureRequest,
    our_entries: list[Entry],
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    path = tmp_path_factory.mktemp("ours") / "ours.p12"
    path.write_bytes(pkcs12.dump(our_entries, PW, protection=request.param))
    return path


def test_keytool_lists_our_file(keytool: str, our_file: Path, our_entries: list[Entry]) -> None:
    listed = keytool_list(keytool, our_file)
    assert listed == ours(our_entries, listed)  # keytool shows aliases lowercased
    assert listed["rsa pair"].created == listed["secret"].created == WHEN.astimezone().date()


def test_openssl_reads_our_file(openssl: str, our_file: Path, our_entries: list[Entry]) -> None:
    info = run(openssl, "pkcs12", "-info", "-nokeys", "-in", our_file, "-passin", f"pass:{PW}")
    assert info.count("friendlyName:") == 6  # 3 leaves, 2 trusted certificates, the secret
    assert info.count("-----BEGIN CERTIFICATE-----") == 7  # 3 leaves, intermediate, root, 2 trusted
    keys = run(openssl, "pkcs12", "-info", "-nodes", "-nocerts", "-in", our_file,
               "-passin", f"pass:{PW}")  # fmt: skip
    assert keys.count("-----BEGIN PRIVATE KEY-----") == 3


def test_java_uses_our_private_keys(keytool: str, our_file: Path, our_entries: list[Entry]) -> None:
    for entry in our_entries:
        if not isinstance(entry, KeyPairEntry):
            continue
        csr_pem = run(keytool, "-certreq", "-alias", entry.alias, "-storetype", "PKCS12",
                      "-keystore", our_file, "-storepass", PW)  # fmt: skip
        csr = x509.load_pem_x509_csr(csr_pem.encode())
        assert csr.is_signature_valid
        spki = serialization.PublicFormat.SubjectPublicKeyInfo
        assert csr.public_key().public_bytes(serialization.Encoding.DER, spki) == (
            entry.private_key.public_key().public_bytes(serialization.Encoding.DER, spki)
        )

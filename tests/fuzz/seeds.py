"""Seed corpus for the fuzz harness, built at run time (no binary blobs are committed).

Keymon's own writers make most seeds (PKCS#12 modern and legacy, JKS, JCEKS, PEM bundles
with Bag Attributes and encrypted keys, DER, PKCS#7, PkiPath, CSRs, serialized Java
objects); :func:`tool_seeds` adds files written by keytool and openssl, :func:`cacerts_seed`
the JDK's real cacerts. Every keystore uses the password :data:`PASSWORD` and tiny
iteration counts, so each mutated input is cheap to open.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime as dt
import glob
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.types import (
    CertificateIssuerPrivateKeyTypes,
    PrivateKeyTypes,
)
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry, SecretKeyEntry
from keymon.core.formats import jks, jks_keys, pbe, pem, pkcs12_write, pkipath
from keymon.core.formats.der import octet_string, seq
from keymon.core.formats.protection import Pkcs12Protection
from keymon.core.x509 import encoding
from keymon.core.x509.csr import create_csr

PASSWORD = "changeit"  # also the JDK cacerts password, so one password opens every seed
WRONG_PASSWORD = "not-the-password"
START = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
END = dt.datetime(2045, 1, 1, tzinfo=dt.UTC)
_ITERATIONS = 3  # PBE/MAC iteration count of every seed: opening one costs microseconds


@dataclass(frozen=True)
class Seed:
    name: str
    data: bytes


@dataclass(frozen=True)
class Pki:
    """A root CA, an intermediate, an RSA leaf under it, an Ed25519 self-signed pair.

    The RSA key is 1,024 bits: PEM loading checks RSA keys (15 ms at 2,048 bits).
    """

    root: KeyPairEntry
    intermediate: KeyPairEntry
    leaf: KeyPairEntry
    ed: KeyPairEntry
    pending: KeyPairEntry
    """The leaf's key with a self-signed certificate: what a CA reply is installed into."""
    trusted: CertificateEntry
    secret: SecretKeyEntry


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "keymon fuzz"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "DE"),
        ]
    )


def _cert(
    key: PrivateKeyTypes,
    cn: str,
    serial: int,
    issuer: tuple[CertificateIssuerPrivateKeyTypes, x509.Name] | None = None,
    *,
    ca: bool = False,
) -> CertInfo:
    signer, issuer_name = issuer or (key, _name(cn))  # type: ignore[assignment]
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(issuer_name)
        .public_key(key.public_key())  # type: ignore[arg-type]
        .serial_number(serial)
        .not_valid_before(START)
        .not_valid_after(END)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(key.public_key()),  # type: ignore[arg-type]
            critical=False,
        )
    )
    if not ca:
        builder = builder.add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(f"{cn}.example"), x509.RFC822Name("ops@example.org")]
            ),
            critical=False,
        ).add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
    hash_ = None if isinstance(signer, ed25519.Ed25519PrivateKey) else hashes.SHA256()
    return CertInfo.from_cert(builder.sign(signer, hash_))


@cache
def pki() -> Pki:
    root_key = ec.derive_private_key(0xC0FFEE, ec.SECP256R1())
    inter_key = ec.derive_private_key(0xBEEF, ec.SECP384R1())
    leaf_key = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505
    ed_key = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    root = _cert(root_key, "Fuzz Root CA", 1, ca=True)
    inter = _cert(inter_key, "Fuzz Issuing CA", 2, (root_key, root.cert.subject), ca=True)
    leaf = _cert(leaf_key, "client-1", 3, (inter_key, inter.cert.subject))
    ed = _cert(ed_key, "ed-client", 4)
    when = START + dt.timedelta(days=3)
    return Pki(
        root=KeyPairEntry("fuzz-root", root_key, (root,), when),
        intermediate=KeyPairEntry("fuzz-issuing", inter_key, (inter, root), when),
        leaf=KeyPairEntry("client-1", leaf_key, (leaf, inter, root), when),
        ed=KeyPairEntry("Ed Client", ed_key, (ed,), when),
        pending=KeyPairEntry("client-1", leaf_key, (_cert(leaf_key, "client-1", 5),), when),
        trusted=CertificateEntry("trusted root", root, when),
        secret=SecretKeyEntry("aes key", "AES", bytes(range(16)), when),
    )


@contextlib.contextmanager
def cheap_pkcs12() -> Iterator[None]:
    """Let keymon's PKCS#12 writer use tiny iteration counts while the block runs."""
    modern, legacy = pkcs12_write._MODERN, pkcs12_write._LEGACY
    pkcs12_write._MODERN = dataclasses.replace(modern, iterations=_ITERATIONS)
    pkcs12_write._LEGACY = dataclasses.replace(legacy, iterations=_ITERATIONS)
    try:
        yield
    finally:
        pkcs12_write._MODERN, pkcs12_write._LEGACY = modern, legacy


def _encrypted_pkcs8_pem(key: PrivateKeyTypes) -> bytes:
    """ENCRYPTED PRIVATE KEY (PBES2, AES-256) at a tiny PBKDF2 count (cryptography: 2,048+)."""
    der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    algorithm, ciphertext = pbe.encrypt_pbes2(der, PASSWORD, _ITERATIONS)
    body = base64.encodebytes(seq(algorithm, octet_string(ciphertext)))
    return (
        b"-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + body + b"-----END ENCRYPTED PRIVATE KEY-----\n"
    )


def _pem_bundle(entries: list[Entry]) -> bytes:
    """keymon's PEM writer (Bag Attributes, encrypted keys), keys re-sealed cheaply."""
    out, pos = pem.dump(entries, PASSWORD), 0
    for entry in entries:
        if isinstance(entry, KeyPairEntry):
            start = out.index(b"-----BEGIN ENCRYPTED PRIVATE KEY-----", pos)
            end = out.index(b"-----END ENCRYPTED PRIVATE KEY-----\n", start) + 36
            cheap = _encrypted_pkcs8_pem(entry.private_key)
            out, pos = out[:start] + cheap + out[end:], start + len(cheap)
    return out


def keystore_seeds() -> list[Seed]:
    """Whole keystores and certificate files written by keymon."""
    p = pki()
    pairs: list[Entry] = [p.leaf, p.ed, p.trusted]
    chain = list(p.leaf.chain)
    with cheap_pkcs12():
        seeds = [
            Seed("pkcs12-modern", pkcs12_write.dump([*pairs, p.secret], PASSWORD)),
            Seed(
                "pkcs12-legacy",
                pkcs12_write.dump(pairs, PASSWORD, protection=Pkcs12Protection.LEGACY_3DES),
            ),
            Seed("pkcs12-one-ec", pkcs12_write.dump([p.intermediate], PASSWORD)),
        ]
    seeds += [
        Seed("jks", jks.dump(pairs, PASSWORD, iterations=_ITERATIONS)),
        Seed("jceks", jks.dump([*pairs, p.secret], PASSWORD, jceks=True, iterations=_ITERATIONS)),
        Seed("pem-bundle", _pem_bundle([p.leaf, p.trusted])),
        Seed("pem-ec-bundle", _pem_bundle([p.intermediate])),
        Seed("pem-certs", encoding.chain_pem(chain)),
        Seed("der-cert", chain[0].der),
        Seed("der-root", p.root.chain[0].der),
        Seed("pkcs7-der", encoding.chain_pkcs7(chain, "der")),
        Seed("pkcs7-pem", encoding.chain_pkcs7(chain, "pem")),
        Seed("pkipath", pkipath.dump(chain)),
    ]
    return seeds


def csr_seeds() -> list[Seed]:
    p = pki()
    seeds = [Seed(f"csr-{e.alias}", create_csr(e)) for e in (p.leaf, p.ed, p.intermediate)]
    der = x509.load_pem_x509_csr(seeds[0].data).public_bytes(serialization.Encoding.DER)
    return [*seeds, Seed("csr-der", der)]


def reply_seeds() -> list[Seed]:
    """CA replies for :data:`Pki.leaf`: its certificate alone or with its issuers."""
    chain = list(pki().leaf.chain)
    return [
        Seed("reply-pem-chain", encoding.chain_pem(chain)),
        Seed("reply-der-leaf", chain[0].der),
        Seed("reply-pkcs7", encoding.chain_pkcs7(chain, "der")),
        Seed("reply-pkcs7-pem", encoding.chain_pkcs7(chain[:2], "pem")),
    ]


def javaser_seeds() -> list[Seed]:
    """Serialized Java objects as JCEKS holds them: a SecretKeySpec and its sealed form."""
    key = pki().secret
    return [
        Seed("secret-key-spec", jks_keys.serialize_secret_key(key.algorithm, key.key)),
        Seed("sealed-object", jks_keys.seal(key.algorithm, key.key, PASSWORD, _ITERATIONS)),
    ]


def cacerts_seed() -> Seed | None:
    """The JDK's real cacerts (a JKS of ~144 roots), or None when no JDK is installed."""
    found = sorted(glob.glob("/usr/lib/jvm/*/lib/security/cacerts"))
    for path in found:
        data = Path(path).read_bytes()
        if data[:4] == b"\xfe\xed\xfe\xed":
            return Seed("jdk-cacerts", data)
    return None


def _run(*argv: str, cwd: Path) -> None:
    subprocess.run(argv, cwd=cwd, check=True, capture_output=True, timeout=120)


def tool_seeds(keytool: str, openssl: str) -> list[Seed]:
    """Keystores and PEM files written by the real keytool and openssl (about a second)."""
    p = pki()
    cheap = [f"-J-Dkeystore.pkcs12.{k}IterationCount=1" for k in ("certPbe", "keyPbe", "mac")]
    with tempfile.TemporaryDirectory(prefix="keymon-fuzz-") as tmp:
        d = Path(tmp)
        common = ["-storepass", PASSWORD, "-keyalg", "EC", "-groupname", "secp256r1"]
        p12 = ["-keystore", "kt.p12", "-storetype", "PKCS12", "-validity", "400"]
        _run(
            keytool, "-genkeypair", "-alias", "kt", "-dname", "CN=kt", *p12, *common, *cheap, cwd=d
        )
        _run(keytool, "-genkeypair", "-alias", "kt", "-dname", "CN=kt, O=keytool", "-keystore",
             "kt.jks", "-storetype", "JKS", "-keypass", "other-pw", *common, cwd=d)  # fmt: skip
        # (keytool's JCEKS seals secret keys at 200,000 iterations: too slow per input, and
        # keymon's own JCEKS seed holds the same structure.)
        key = p.intermediate.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(PASSWORD.encode()),
        )
        (d / "key.pem").write_bytes(key)
        (d / "chain.pem").write_bytes(encoding.chain_pem(list(p.intermediate.chain)))
        pw = f"pass:{PASSWORD}"
        _run(openssl, "pkcs12", "-export", "-in", "chain.pem", "-inkey", "key.pem", "-passin",
             pw, "-passout", pw, "-name", "ossl", "-iter", "1", "-out", "o.p12", cwd=d)  # fmt: skip
        _run(openssl, "pkcs12", "-in", "o.p12", "-passin", pw, "-passout", pw,
             "-out", "bag-attributes.pem", cwd=d)  # fmt: skip
        _run(openssl, "ec", "-in", "key.pem", "-passin", pw, "-aes128", "-passout", pw,
             "-out", "traditional.pem", cwd=d)  # fmt: skip
        traditional = (d / "traditional.pem").read_bytes() + (d / "chain.pem").read_bytes()
        return [
            Seed("keytool-pkcs12", (d / "kt.p12").read_bytes()),
            Seed("keytool-jks-keypass", (d / "kt.jks").read_bytes()),
            Seed("openssl-pkcs12", (d / "o.p12").read_bytes()),
            Seed("openssl-bag-attributes", (d / "bag-attributes.pem").read_bytes()),
            Seed("openssl-traditional-key", traditional),
        ]

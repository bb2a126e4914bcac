"""Keystores shaped like real ones, for the benchmarks.

One fixture flatters: a single signing key and one short name per certificate hide
the cost of signature checks, name decoding and key parsing. Each shape here is
built once (cached in a folder) and written by **keytool** (``-importkeystore``
from a PKCS#12 that only carries the certificates), so the files are laid out as
Java lays them out, not as keymon's own writer does:

- ``ec-self``: distinct EC P-256 key per certificate, self-signed (the issue's shape)
- ``rsa-ca``: RSA certificates issued by one RSA CA (CA-issued, verify costs RSA)
- ``long-dn``: distinct EC keys, long DNs with many RDNs and non-ASCII text
- ``cacerts``: the JDK's cacerts repeated to the count, each copy with a distinct
  serial, re-keyed (one fresh key per original root, same type and size) so that
  names, extensions, key types and validity keep the real mix

Every shape has five RSA key pairs among the trusted entries.

    .venv/bin/python bench/shapes.py --out DIR [--entries 10000]   (builds them)
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import shutil
import subprocess
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPrivateKeyTypes
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.oid import NameOID

from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry
from keymon.core.formats import pkcs12

PASSWORD = "changeit"
SHAPES = ("ec-self", "rsa-ca", "long-dn", "cacerts")
START = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def _name(cn: str, extra: tuple[tuple[x509.ObjectIdentifier, str], ...] = ()) -> x509.Name:
    attrs = [x509.NameAttribute(oid, value) for oid, value in extra]
    return x509.Name([*attrs, x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _build(
    subject: x509.Name,
    issuer: x509.Name,
    public_key: object,
    signer: CertificateIssuerPrivateKeyTypes,
    serial: int,
    ca: bool,
    days: int,
    extensions: list[x509.Extension[x509.ExtensionType]] | None = None,
) -> CertInfo:
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)  # type: ignore[arg-type]
        .serial_number(serial)
        .not_valid_before(START)
        .not_valid_after(START + dt.timedelta(days=days))
    )
    if extensions is None:
        builder = builder.add_extension(x509.BasicConstraints(ca=ca, path_length=None), True)
    else:
        for ext in extensions:
            builder = builder.add_extension(ext.value, ext.critical)
    return CertInfo.from_cert(builder.sign(signer, hashes.SHA256()))


def _key_pairs() -> list[Entry]:
    out: list[Entry] = []
    for i in range(5):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = _name(f"Client Key {i}", ((NameOID.ORGANIZATION_NAME, "Bench Tenant"),))
        cert = _build(name, name, key.public_key(), key, 10 + i, False, 400 + i)
        out.append(KeyPairEntry(f"keypair-{i}", key, (cert,)))
    return out


def ec_self(count: int) -> list[Entry]:
    out = _key_pairs()
    for i in range(count - len(out)):
        key = ec.generate_private_key(ec.SECP256R1())
        name = _name(f"Partner Root {i:05d}", ((NameOID.ORGANIZATION_NAME, f"Partner {i}"),))
        out.append(
            CertificateEntry(
                f"ec-{i:05d}", _build(name, name, key.public_key(), key, 1000 + i, True, 90 + i)
            )
        )
    return out


def rsa_ca(count: int) -> list[Entry]:
    out = _key_pairs()
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = _name("Bench Issuing CA", ((NameOID.ORGANIZATION_NAME, "Bench PKI"),))
    out.append(
        CertificateEntry(
            "issuing-ca", _build(ca_name, ca_name, ca_key.public_key(), ca_key, 2, True, 3650)
        )
    )
    pool = [rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(32)]
    for i in range(count - len(out)):
        name = _name(f"server{i:05d}.partner.example", ((NameOID.ORGANIZATION_NAME, "Partner"),))
        pub = pool[i % len(pool)].public_key()
        out.append(
            CertificateEntry(f"rsa-{i:05d}", _build(name, ca_name, pub, ca_key, 5000 + i, False, i))
        )
    return out


def long_dn(count: int) -> list[Entry]:
    out = _key_pairs()
    for i in range(count - len(out)):
        key = ec.generate_private_key(ec.SECP256R1())
        extra = (
            (NameOID.COUNTRY_NAME, "DE"),
            (NameOID.STATE_OR_PROVINCE_NAME, "Baden-Württemberg"),
            (NameOID.LOCALITY_NAME, "Walldorf"),
            (NameOID.ORGANIZATION_NAME, f"Müller & Söhne Großhandel GmbH {i}"),
            (NameOID.ORGANIZATIONAL_UNIT_NAME, "Integration – Büro 東京"),
            (NameOID.ORGANIZATIONAL_UNIT_NAME, f"Abteilung {i % 97}"),
            (NameOID.EMAIL_ADDRESS, f"pki{i}@example.org"),
            (NameOID.SERIAL_NUMBER, f"{i:08d}"),
        )
        name = _name(f"Empfänger Zertifikat {i:05d} – Köln", extra)
        out.append(
            CertificateEntry(
                f"dn-{i:05d}", _build(name, name, key.public_key(), key, 1000 + i, True, i % 900)
            )
        )
    return out


def _cacerts_path() -> Path:
    found = sorted(glob.glob("/usr/lib/jvm/*/lib/security/cacerts"))
    if not found:
        raise SystemExit("the JDK's cacerts is needed for the 'cacerts' shape")
    return Path(found[0])


def cacerts(count: int) -> list[Entry]:
    from keymon.core.formats import jks

    with warnings.catch_warnings():  # nine real roots have serial 0
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        loaded = jks.load(_cacerts_path().read_bytes(), "changeit")
        roots = [e.certificates[0] for e in loaded]
        extensions = [list(r.cert.extensions) for r in roots]
    keys: list[CertificateIssuerPrivateKeyTypes] = []
    for root in roots:
        pub = root.cert.public_key()
        if isinstance(pub, ec.EllipticCurvePublicKey):
            keys.append(ec.generate_private_key(pub.curve))
        else:
            size = getattr(pub, "key_size", 2048)
            keys.append(rsa.generate_private_key(public_exponent=65537, key_size=size))
    out = _key_pairs()
    for i in range(count - len(out)):
        root, key = roots[i % len(roots)], keys[i % len(roots)]
        c = root.cert
        days = max((c.not_valid_after_utc - START).days, 1)
        cert = _build(
            c.subject,
            c.issuer,
            key.public_key(),
            key,
            100_000 + i,
            True,
            days,
            extensions[i % len(roots)],
        )
        out.append(CertificateEntry(f"root-{i:05d}", cert))
    return out


BUILDERS: dict[str, Callable[[int], list[Entry]]] = {
    "ec-self": ec_self,
    "rsa-ca": rsa_ca,
    "long-dn": long_dn,
    "cacerts": cacerts,
}


def keytool_write(entries: list[Entry], dest: Path, storetype: str) -> None:
    """Let keytool write ``dest`` from a PKCS#12 holding ``entries``."""
    keytool = shutil.which("keytool")
    if keytool is None:
        raise SystemExit("keytool is needed to write the benchmark keystores")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src.p12"
        src.write_bytes(pkcs12.dump(entries, PASSWORD))
        subprocess.run(
            [
                keytool, "-importkeystore", "-noprompt",
                "-srckeystore", str(src), "-srcstoretype", "PKCS12", "-srcstorepass", PASSWORD,
                "-destkeystore", str(dest), "-deststoretype", storetype,
                "-deststorepass", PASSWORD,
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip
    # keytool skips trusted entries silently with -destkeypass ("not password-protected"):
    # a file far smaller than its certificates is such a half-written keystore.
    if dest.stat().st_size < 300 * len(entries):
        raise SystemExit(f"keytool wrote only part of {dest}")


def _complete(path: Path, count: int) -> bool:
    """The cached file exists and is big enough to hold ``count`` certificates."""
    return path.exists() and path.stat().st_size >= 300 * count


def ensure(out: Path, shape: str, count: int) -> dict[str, Path]:
    """The shape's keytool-written JKS and PKCS#12 files in ``out`` (built when missing)."""
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "JKS": out / f"{shape}-{count}.jks",
        "PKCS12": out / f"{shape}-{count}.p12",
    }
    if all(_complete(p, count) for p in files.values()):
        return files
    t0 = time.perf_counter()
    entries = BUILDERS[shape](count)
    for storetype, path in files.items():
        keytool_write(entries, path, storetype)
    print(f"built {shape} ({len(entries)} entries) in {time.perf_counter() - t0:.1f} s")
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--shape", choices=SHAPES, action="append")
    args = parser.parse_args()
    for shape in args.shape or SHAPES:
        for path in ensure(args.out, shape, args.entries).values():
            print(path)


if __name__ == "__main__":
    main()

"""Writing PKCS#12 keystores, and the identifiers of the PFX layout that reading shares.

Writing follows keytool 17 (PBES2 AES-256, PBKDF2-HMAC-SHA256, HMAC-SHA256 MAC, 10,000
iterations) or, with :attr:`Pkcs12Protection.LEGACY_3DES`, 3DES with the PKCS#12 KDF and
a SHA-1 MAC, 2,048 iterations. A key and its certificate share a localKeyId: Java's
``"Time <ms>"`` when the entry has a date (so keytool shows it), else the SHA-1 of the
certificate (as OpenSSL does).
Key pairs and secret keys go to an unencrypted safe as shrouded keys, certificates to an
encrypted safe, as keytool does. Reading lives in :mod:`.pkcs12`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from keymon.core.aliases import alias_key
from keymon.core.entries import CertificateEntry, Entry, KeyPairEntry, SecretKeyEntry
from keymon.core.errors import AliasExists, UnsupportedFormat
from keymon.core.formats.der import (
    NULL,
    explicit,
    integer,
    octet_string,
    oid_tlv,
    seq,
    set_of,
    tlv,
)
from keymon.core.formats.pbe import Secret, encrypt_3des, encrypt_pbes2, mac_data
from keymon.core.formats.protection import Pkcs12Protection

__all__ = ["Pkcs12Protection", "dump"]

DATA, ENCRYPTED_DATA = "1.2.840.113549.1.7.1", "1.2.840.113549.1.7.6"
BAG = "1.2.840.113549.1.12.10.1."  # + the kind below
KEY_BAG, SHROUDED_KEY_BAG, CERT_BAG, CRL_BAG, SECRET_BAG, SAFE_CONTENTS_BAG = range(1, 7)
X509_CERT = "1.2.840.113549.1.9.22.1"
FRIENDLY_NAME, LOCAL_KEY_ID = "1.2.840.113549.1.9.20", "1.2.840.113549.1.9.21"
JAVA_TRUSTED = "2.16.840.1.113894.746875.1.1"
_ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # Java's localKeyId "Time <ms>" counts from it

# Java's names for secret-key algorithms (what keytool -genseckey writes, NULL parameters).
SECRET_OIDS = {
    "AES": "2.16.840.1.101.3.4.1",
    "DESede": "1.3.14.3.2.17",
    "DES": "1.3.14.3.2.7",
    "ARCFOUR": "1.2.840.113549.3.4",
    "RC2": "1.2.840.113549.3.2",
    **{f"HmacSHA{n}": f"1.2.840.113549.2.{arc}" for n, arc in ((1, 7), (224, 8), (256, 9))},
    **{f"HmacSHA{n}": f"1.2.840.113549.2.{arc}" for n, arc in ((384, 10), (512, 11))},
    "HmacSHA512/224": "1.2.840.113549.2.12",
    "HmacSHA512/256": "1.2.840.113549.2.13",
    **{f"HmacSHA3-{n}": f"2.16.840.1.101.3.4.2.{arc}" for n, arc in ((224, 13), (256, 14))},
    **{f"HmacSHA3-{n}": f"2.16.840.1.101.3.4.2.{arc}" for n, arc in ((384, 15), (512, 16))},
}
_SECRET_BY_LOWER = {k.lower(): v for k, v in SECRET_OIDS.items()}


@dataclass(frozen=True)
class _Profile:
    encrypt: Callable[[bytes, Secret, int], tuple[bytes, bytes]]
    iterations: int
    mac_hash: str
    mac_salt: int


# Java's trusted-certificate attribute, valued as keytool writes it: SET { anyExtendedKeyUsage }
TRUSTED_ATTRIBUTE = seq(oid_tlv(JAVA_TRUSTED), set_of(oid_tlv(_ANY_EXTENDED_KEY_USAGE)))
_MODERN = _Profile(encrypt_pbes2, 10_000, "sha256", 16)
_LEGACY = _Profile(encrypt_3des, 2048, "sha1", 8)


def dump(
    entries: Sequence[Entry],
    password: str,
    *,
    protection: Pkcs12Protection = Pkcs12Protection.AES_256,
) -> bytes:
    """A PKCS#12 keystore holding ``entries`` (keytool 17 style, or legacy 3DES/SHA-1)."""
    profile = _LEGACY if protection is Pkcs12Protection.LEGACY_3DES else _MODERN
    seen: set[str] = set()
    for entry in entries:
        if alias_key(entry.alias) in seen:
            raise AliasExists(entry.alias)
        seen.add(alias_key(entry.alias))
    key_bags, cert_bags = _Writer(password, profile).bags(entries)
    safes = []
    if key_bags:
        safes.append(seq(oid_tlv(DATA), explicit(0, octet_string(seq(*key_bags)))))
    if cert_bags:
        algorithm, ciphertext = profile.encrypt(seq(*cert_bags), password, profile.iterations)
        content = seq(oid_tlv(DATA), algorithm, tlv(0x80, ciphertext))
        safes.append(seq(oid_tlv(ENCRYPTED_DATA), explicit(0, seq(integer(0), content))))
    auth = seq(*safes)
    mac = mac_data(
        auth,
        password,
        hash_name=profile.mac_hash,
        iterations=profile.iterations,
        salt_length=profile.mac_salt,
    )
    return seq(integer(3), seq(oid_tlv(DATA), explicit(0, octet_string(auth))), mac)


class _Writer:
    def __init__(self, password: str, profile: _Profile) -> None:
        self.password = password
        self.profile = profile
        self.key_ids: set[bytes] = set()

    def bags(self, entries: Sequence[Entry]) -> tuple[list[bytes], list[bytes]]:
        key_bags: list[bytes] = []
        cert_bags: list[bytes] = []
        written: set[bytes] = set()
        for entry in entries:
            if isinstance(entry, KeyPairEntry):
                key_id = self._key_id(entry.modified, entry.certificate.der)
                attrs = _attrs(entry.alias, key_id)
                pkcs8 = entry.private_key.private_bytes(
                    Encoding.DER, PrivateFormat.PKCS8, NoEncryption()
                )
                key_bags.append(_bag(SHROUDED_KEY_BAG, self._seal(pkcs8), attrs))
                cert_bags.append(_cert_bag(entry.certificate.der, attrs))
                written.add(entry.certificate.der)
                for cert in entry.chain[1:]:
                    if cert.der not in written:
                        written.add(cert.der)
                        cert_bags.append(_cert_bag(cert.der, b""))
            elif isinstance(entry, CertificateEntry):
                attrs = set_of(_friendly(entry.alias), TRUSTED_ATTRIBUTE)
                cert_bags.append(_cert_bag(entry.cert.der, attrs))
            else:
                key_bags.append(self._secret_bag(entry))
        return key_bags, cert_bags

    def _seal(self, plain: bytes) -> bytes:
        algorithm, ciphertext = self.profile.encrypt(plain, self.password, self.profile.iterations)
        return seq(algorithm, octet_string(ciphertext))

    def _secret_bag(self, entry: SecretKeyEntry) -> bytes:
        algorithm = _SECRET_BY_LOWER.get(entry.algorithm.lower(), entry.algorithm)
        if not all(part.isdigit() for part in algorithm.split(".")) or algorithm.count(".") < 2:
            raise UnsupportedFormat(
                f"A PKCS#12 keystore cannot hold the {entry.algorithm} secret key {entry.alias!r}:"
                " Java has no identifier for that algorithm (JCEKS can hold it)."
            )
        pkcs8 = seq(integer(0), seq(oid_tlv(algorithm), NULL), octet_string(entry.key))
        inner = seq(
            oid_tlv(BAG + str(SHROUDED_KEY_BAG)), explicit(0, octet_string(self._seal(pkcs8)))
        )
        key_id = self._key_id(entry.modified, None)
        return _bag(SECRET_BAG, inner, _attrs(entry.alias, key_id))

    def _key_id(self, modified: dt.datetime | None, leaf: bytes | None) -> bytes:
        """Java's ``Time <ms>`` when the date is known, else the leaf's SHA-1 (OpenSSL's way)."""
        if modified is not None:
            if modified.tzinfo is None:
                modified = modified.replace(tzinfo=dt.UTC)
            ms = (modified - EPOCH) // dt.timedelta(milliseconds=1)
            while f"Time {ms}".encode() in self.key_ids:
                ms += 1
            key_id = f"Time {ms}".encode()
        elif leaf is not None and hashlib.sha1(leaf).digest() not in self.key_ids:  # noqa: S324
            key_id = hashlib.sha1(leaf).digest()  # noqa: S324 - an identifier, not security
        else:
            key_id = os.urandom(20)
        self.key_ids.add(key_id)
        return key_id


def _friendly(alias: str) -> bytes:
    return seq(oid_tlv(FRIENDLY_NAME), set_of(tlv(0x1E, alias.encode("utf-16-be"))))


def _attrs(alias: str, key_id: bytes) -> bytes:
    return set_of(_friendly(alias), seq(oid_tlv(LOCAL_KEY_ID), set_of(octet_string(key_id))))


def _bag(kind: int, value: bytes, attrs: bytes) -> bytes:
    return seq(oid_tlv(BAG + str(kind)), explicit(0, value), attrs)


def _cert_bag(der: bytes, attrs: bytes) -> bytes:
    return _bag(CERT_BAG, seq(oid_tlv(X509_CERT), explicit(0, octet_string(der))), attrs)

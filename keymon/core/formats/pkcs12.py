"""PKCS#12 (RFC 7292) keystores with every entry: key pairs, trusted certificates, secret keys.

``cryptography``'s loader keeps only the first key and ignores Java's trusted-certificate
attribute, so this codec reads the PFX structure itself (:mod:`.der` is the BER codec,
:mod:`.pbe` the password-based crypto) and :mod:`.pkcs12_write` writes it (``dump``).

Reading: every key bag becomes a :class:`KeyPairEntry` whose leaf is found by localKeyId, then
friendlyName, then public key, and whose chain is built from all certificates in the file.
Certificates with Java's trusted attribute, and certificates no key uses, become
:class:`CertificateEntry`. Java secret-key bags become :class:`SecretKeyEntry`. Java's entry
date lives in the localKeyId (``"Time <ms>"``) and is read back as ``modified``.

Entries come back keys first (key pairs and secret keys, in file order), then certificates.
A failed MAC is told apart from a wrong password by decrypting something with the same
password: if that gives well-formed DER the password is right and the file was altered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_der_private_key,
)
from cryptography.x509.oid import NameOID

from keymon.core.aliases import AliasAllocator, alias_key
from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry, SecretKeyEntry
from keymon.core.errors import CorruptData, KeymonError, UnsupportedFormat
from keymon.core.formats.der import content_start, oid, oid_text, parse, to_der
from keymon.core.formats.kdf import CancelCheck
from keymon.core.formats.keycheck import check_private_key
from keymon.core.formats.pkcs12_bags import BAG_KINDS as _BAG_KINDS
from keymon.core.formats.pkcs12_bags import Bag as _Bag
from keymon.core.formats.pkcs12_bags import Sealed as _Sealed
from keymon.core.formats.pkcs12_bags import cert_der as _cert_der
from keymon.core.formats.pkcs12_bags import clean_name
from keymon.core.formats.pkcs12_bags import key_id_time as _key_id_time
from keymon.core.formats.pkcs12_bags import read_bags as _bags
from keymon.core.formats.pkcs12_bags import sealed_key as _sealed_key
from keymon.core.formats.pkcs12_open import Opened, bag_costs
from keymon.core.formats.pkcs12_write import (
    CERT_BAG,
    KEY_BAG,
    SECRET_BAG,
    SECRET_OIDS,
    SHROUDED_KEY_BAG,
    Pkcs12Protection,
    dump,
)
from keymon.core.x509.issuers import IssuerIndex, build_path

__all__ = ["CancelCheck", "Pkcs12File", "Pkcs12Protection", "decode", "dump", "load", "sniff"]
__test_api__ = (_BAG_KINDS, _Sealed, _cert_der)  # read by tests as pkcs12._<name>

_PKCS7_PREFIX = b"\x06\x09" + oid("1.2.840.113549.1.7")
_SECRET_NAMES = {v: k for k, v in SECRET_OIDS.items()} | {"1.2.840.113549.3.7": "DESede"}


def sniff(data: bytes) -> bool:
    """Cheap check: a SEQUENCE whose first element is INTEGER 3, then a PKCS#7 ContentInfo."""
    pos = content_start(data, 0, 0x30)
    if pos is None or data[pos : pos + 3] != b"\x02\x01\x03":
        return False
    inner = content_start(data, pos + 3, 0x30)
    return inner is not None and data[inner : inner + len(_PKCS7_PREFIX)] == _PKCS7_PREFIX


# ---------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Pkcs12File:
    """What reading a PKCS#12 file gives: its entries, and notes for the user about it."""

    entries: list[Entry]
    notes: tuple[str, ...] = ()


def load(data: bytes, password: str | None) -> list[Entry]:
    """Every entry of a PKCS#12 keystore: keys in file order, then certificates in file order."""
    return decode(data, password).entries


def decode(data: bytes, password: str | None, cancel: CancelCheck | None = None) -> Pkcs12File:
    """:func:`load` with the notes; ``cancel`` is checked between key derivations."""
    if not sniff(data):
        raise UnsupportedFormat("The file is not a PKCS#12 keystore.")
    try:
        reader = _Reader(data, password, cancel)
        return Pkcs12File(reader.entries(), tuple(reader.notes))
    except KeymonError:
        raise
    except Exception as exc:  # BER/crypto libraries raise many types on hostile input
        if cancel is not None:
            cancel.raise_if_cancelled()  # a cancel is reported as itself, not as damage
        raise CorruptData(f"The keystore is damaged and cannot be read ({exc}).") from exc


@dataclass
class _Pending:
    """An entry waiting for its alias."""

    order: tuple[int, int, int]  # key pairs and secret keys first, then certificates
    name: str | None
    cert: CertInfo | None  # the CN suggests an alias when there is no friendlyName
    make: Callable[[str], Entry]


class _Reader(Opened):
    """An opened PFX (:class:`~.pkcs12_open.Opened`) turned into entries."""

    def entries(self) -> list[Entry]:
        bags = list(self.plain_bags)
        for number, safe in enumerate(self.safes):
            if isinstance(safe, _Sealed):
                inner = _bags(self._decrypt(safe, "the keystore's contents"), number)
                self.kdf.plan(bag_costs(inner))
                bags += inner
        keys = [b for b in bags if b.kind in (KEY_BAG, SHROUDED_KEY_BAG)]
        certs = [(b, CertInfo.from_der(_cert_der(b))) for b in bags if b.kind == CERT_BAG]
        pending = [self._secret_entry(b) for b in bags if b.kind == SECRET_BAG]
        pending += _key_and_cert_entries([(b, self._private_key(b)) for b in keys], certs)
        return _name(pending)

    def _private_key(self, bag: _Bag) -> PrivateKeyTypes:
        if bag.kind == KEY_BAG:
            pkcs8 = bag.value.element()
        else:
            pkcs8 = self._decrypt(_sealed_key(bag), f"the private key {bag.name or ''}".strip())
        label = f"The private key {bag.name!r}" if bag.name else "A private key"
        try:
            # cryptography's RSA check tests p and q for primality (~36 ms per 2048-bit
            # key); check_private_key checks the arithmetic instead (microseconds).
            key = load_der_private_key(pkcs8, None, unsafe_skip_rsa_key_validation=True)
        except UnsupportedAlgorithm as exc:
            raise UnsupportedFormat(
                f"The keystore holds an unsupported private key ({exc})."
            ) from exc
        except (ValueError, TypeError) as exc:
            der = to_der(pkcs8)  # Java and Bouncy Castle may write the key in BER
            if der == pkcs8:
                raise CorruptData(f"{label} in the keystore cannot be decoded ({exc}).") from exc
            key = load_der_private_key(der, None, unsafe_skip_rsa_key_validation=True)
        check_private_key(key, label)
        return key

    def _secret_entry(self, bag: _Bag) -> _Pending:
        plain = self._decrypt(_sealed_key(bag), "a secret key")
        _version, algorithm, value = parse(plain, "A secret key").children()[:3]
        oid_str = oid_text(algorithm.expect(0x30, "A secret key").children()[0].oid())
        name = _SECRET_NAMES.get(oid_str, oid_str)
        key = value.string("A secret key")
        modified = _key_id_time(bag.key_id)

        def make(alias: str) -> Entry:
            return SecretKeyEntry(alias, name, key, modified)

        return _Pending((0, *bag.index), bag.name, None, make)


def _key_and_cert_entries(
    keys: list[tuple[_Bag, PrivateKeyTypes]], certs: list[tuple[_Bag, CertInfo]]
) -> list[_Pending]:
    chains, leaves = IssuerIndex(c for _, c in certs), _Leaves(certs)
    pending: list[_Pending] = []
    used: set[bytes] = set()
    for bag, private_key in keys:
        leaf_bag, leaf = leaves.find(bag, private_key)
        chain = build_path(leaf, chains).certs
        used.update(c.der for c in chain)
        pending.append(_key_pending(bag, leaf_bag, private_key, chain))
    emitted = {cert.der for bag, cert in certs if bag.trusted} | used
    for bag, cert in certs:
        if bag.trusted or cert.der not in emitted:  # trusted, or used by no key: keep it
            emitted.add(cert.der)
            pending.append(_cert_pending(bag, cert))
    return pending


def _key_pending(
    bag: _Bag, leaf_bag: _Bag, private_key: PrivateKeyTypes, chain: tuple[CertInfo, ...]
) -> _Pending:
    modified = _key_id_time(bag.key_id)

    def make(alias: str) -> Entry:
        return KeyPairEntry(alias, private_key, chain, modified)

    return _Pending((0, *bag.index), bag.name or leaf_bag.name, chain[0], make)


def _cert_pending(bag: _Bag, cert: CertInfo) -> _Pending:
    def make(alias: str) -> Entry:
        return CertificateEntry(alias, cert)

    return _Pending((1, *bag.index), bag.name, cert, make)


class _Leaves:
    """Finds a key's certificate: by localKeyId (and name), then friendlyName, then public key.

    Like Java, trusted-certificate bags are never a key's certificate.
    """

    def __init__(self, certs: list[tuple[_Bag, CertInfo]]) -> None:
        self.mine = [(b, c) for b, c in certs if not b.trusted]
        self.by_id: dict[bytes, list[tuple[_Bag, CertInfo]]] = {}
        self.by_name: dict[str, list[tuple[_Bag, CertInfo]]] = {}
        for b, c in self.mine:
            if b.key_id:
                self.by_id.setdefault(b.key_id, []).append((b, c))
            if b.name:
                self.by_name.setdefault(alias_key(b.name), []).append((b, c))

    def find(self, key_bag: _Bag, private_key: PrivateKeyTypes) -> tuple[_Bag, CertInfo]:
        name = alias_key(key_bag.name) if key_bag.name else None
        same_id = self.by_id.get(key_bag.key_id, []) if key_bag.key_id else []
        named = [(b, c) for b, c in same_id if b.name and alias_key(b.name) == name]
        found = named or same_id or (self.by_name.get(name, []) if name else [])
        if found:
            return found[0]
        spki = private_key.public_key().public_bytes(
            Encoding.DER, PublicFormat.SubjectPublicKeyInfo
        )
        for b, c in self.mine:
            if _spki(c) == spki:
                return b, c
        label = f"The private key {key_bag.name!r}" if key_bag.name else "A private key"
        raise UnsupportedFormat(
            f"{label} has no certificate in the keystore; keymon needs one for every key."
        )


def _spki(cert: CertInfo) -> bytes | None:
    try:
        return cert.public_key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    except (CorruptData, ValueError):
        return None


def _common_name(cert: CertInfo) -> str:
    subject = cert.subject_name
    if subject is None:
        return "certificate"
    names = subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    if names and isinstance(names[0].value, str) and names[0].value.strip():
        return names[0].value
    return subject.rfc4514_string() or "certificate"


def _name(pending: list[_Pending]) -> list[Entry]:
    """Aliases: friendlyNames first (kept, -2 on clash), then names derived from the CN."""
    pending.sort(key=lambda p: p.order)
    for p in pending:
        p.name = clean_name(p.name) if p.name else None
    taken = AliasAllocator()
    aliases: dict[int, str] = {}
    for p in pending:
        if p.name:
            aliases[id(p)] = taken.numbered(p.name)
    for p in pending:
        if not p.name:
            base = _common_name(p.cert) if p.cert else "secret-key"
            aliases[id(p)] = taken.suggest(base)
    return [p.make(aliases[id(p)]) for p in pending]

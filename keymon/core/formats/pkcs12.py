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

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import NoReturn

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_der_private_key,
)
from cryptography.x509.oid import NameOID

from keymon.core.aliases import alias_key, suggest_alias
from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry, SecretKeyEntry
from keymon.core.errors import (
    CorruptData,
    IntegrityError,
    KeymonError,
    PasswordRequired,
    UnsupportedFormat,
    WrongPassword,
)
from keymon.core.formats.der import (
    Der,
    Item,
    content_start,
    damaged,
    is_sequence,
    items,
    oid,
    oid_text,
    parse,
)
from keymon.core.formats.pbe import DecryptError, Mac, Scheme, Secret, parse_scheme
from keymon.core.formats.pkcs12_write import (
    BAG,
    CERT_BAG,
    CRL_BAG,
    DATA,
    ENCRYPTED_DATA,
    EPOCH,
    FRIENDLY_NAME,
    JAVA_TRUSTED,
    KEY_BAG,
    LOCAL_KEY_ID,
    SAFE_CONTENTS_BAG,
    SECRET_BAG,
    SECRET_OIDS,
    SHROUDED_KEY_BAG,
    TRUSTED_ATTRIBUTE,
    X509_CERT,
    dump,
)
from keymon.core.x509.issuers import IssuerIndex, build_path

__all__ = ["dump", "load", "sniff"]

_BAG_KINDS = {oid(BAG + str(n)): n for n in range(1, 7)}
_OID_DATA, _OID_ENCRYPTED_DATA, _OID_X509_CERT = oid(DATA), oid(ENCRYPTED_DATA), oid(X509_CERT)
_OID_FRIENDLY_NAME, _OID_LOCAL_KEY_ID = oid(FRIENDLY_NAME), oid(LOCAL_KEY_ID)
_OID_JAVA_TRUSTED, _OID_SHROUDED = oid(JAVA_TRUSTED), oid(BAG + str(SHROUDED_KEY_BAG))
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


def load(data: bytes, password: str | None) -> list[Entry]:
    """Every entry of a PKCS#12 keystore: keys in file order, then certificates in file order."""
    if not sniff(data):
        raise UnsupportedFormat("The file is not a PKCS#12 keystore.")
    try:
        return _Reader(data, password).entries()
    except KeymonError:
        raise
    except Exception as exc:  # BER/crypto libraries raise many types on hostile input
        raise CorruptData(f"The keystore is damaged and cannot be read ({exc}).") from exc


@dataclass(slots=True)  # not frozen: that would make 10,000 of them slow to build
class _Bag:
    index: tuple[int, int]  # (safe, bag): file order
    kind: int
    buf: bytes
    item: Item  # the value, in buf
    name: str | None
    key_id: bytes | None
    trusted: bool

    @property
    def value(self) -> Der:
        return Der(self.buf, *self.item)


@dataclass(frozen=True)
class _Sealed:
    """Something encrypted with the keystore password: an encrypted safe or a shrouded key."""

    scheme: Scheme
    ciphertext: bytes


@dataclass
class _Pending:
    """An entry waiting for its alias."""

    order: tuple[int, int, int]  # key pairs and secret keys first, then certificates
    name: str | None
    cert: CertInfo | None  # the CN suggests an alias when there is no friendlyName
    make: Callable[[str], Entry]


class _Reader:
    def __init__(self, data: bytes, password: str | None) -> None:
        self.password = password
        parts = parse(data, "The keystore").expect(0x30, "The keystore").children()
        if len(parts) < 2 or parts[0].integer() != 3:
            raise UnsupportedFormat("The keystore is not a version 3 PKCS#12 file.")
        self.auth = _data_content(parts[1])
        self.mac = Mac.parse(parts[2]) if len(parts) > 2 else None
        self._opened: dict[tuple[_Sealed, Secret], bytes | None] = {}
        self._safes: list[bytes | _Sealed] | None = None
        self._plain_bags: list[_Bag] | None = None
        self.secret = self._unlock()

    @property
    def safes(self) -> list[bytes | _Sealed]:
        if self._safes is None:
            infos = parse(self.auth, "The contents").expect(0x30, "The contents").children()
            self._safes = [_safe(info) for info in infos]
        return self._safes

    @property
    def plain_bags(self) -> list[_Bag]:
        """The bags of the unencrypted safes (keytool keeps its shrouded keys there)."""
        if self._plain_bags is None:
            self._plain_bags = []
            for number, safe in enumerate(self.safes):
                if isinstance(safe, bytes):
                    self._plain_bags += _bags(safe, number)
        return self._plain_bags

    # -- password and integrity

    def _candidates(self) -> list[Secret]:
        """The password, or for none (or ""): the empty and OpenSSL's absent password."""
        return [self.password] if self.password else ["", None]

    def _probes(self) -> list[_Sealed]:
        """A few things encrypted with the password, to test a password without the MAC."""
        sealed = [s for s in self.safes if isinstance(s, _Sealed)]
        for bag in self.plain_bags:
            if bag.kind in (SHROUDED_KEY_BAG, SECRET_BAG) and len(sealed) < 4:
                sealed.append(_sealed_key(bag))
        return sealed[:4]

    def _open(self, sealed: _Sealed, secret: Secret) -> bytes | None:
        """The plaintext when it decrypts and parses as DER, else None (memoised).

        CBC padding is right by chance for about one wrong password in 256, so the
        plaintext must also be exactly one DER SEQUENCE.
        """
        memo = (sealed, secret)
        if memo not in self._opened:
            try:
                plain: bytes | None = sealed.scheme.decrypt(sealed.ciphertext, secret)
            except DecryptError:
                plain = None
            self._opened[memo] = plain if plain is not None and is_sequence(plain) else None
        return self._opened[memo]

    def _unlock(self) -> Secret:
        """The password form that works; tells a wrong password from an altered file."""
        candidates = self._candidates()
        if self.mac is not None:
            for secret in candidates:
                if self.mac.verifies(self.auth, secret):
                    return secret
            probes = self._probes()
            if any(self._open(p, s) is not None for s in candidates for p in probes):
                raise IntegrityError(
                    "The keystore's integrity check failed: the file was altered or damaged."
                )
            if not probes and self.password:
                raise IntegrityError(
                    "The keystore's integrity check failed: the password is wrong"
                    " or the file was altered."
                )
            return self._refuse()
        probes = self._probes()
        if not probes:
            return candidates[0]
        for secret in candidates:
            if self._open(probes[0], secret) is not None:
                return secret
        return self._refuse()

    def _refuse(self) -> Secret:
        if self.password is None:
            raise PasswordRequired("This keystore needs a password.")
        raise WrongPassword("The keystore password is wrong.")

    def _decrypt(self, sealed: _Sealed, what: str) -> bytes:
        """Decrypt with the password that opened the keystore (or its other empty form)."""
        others = [s for s in self._candidates() if s != self.secret]
        for secret in [self.secret, *others]:
            plain = self._open(sealed, secret)
            if plain is not None:
                return plain
        raise WrongPassword(f"The keystore password does not decrypt {what}.")

    # -- entries

    def entries(self) -> list[Entry]:
        bags = list(self.plain_bags)
        for number, safe in enumerate(self.safes):
            if isinstance(safe, _Sealed):
                bags += _bags(self._decrypt(safe, "the keystore's contents"), number)
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
        try:
            # A verified MAC (keyed with the password) vouches for the key's bytes, so the
            # expensive RSA consistency check (~36 ms per 2048-bit key) can be skipped.
            return load_der_private_key(
                pkcs8, None, unsafe_skip_rsa_key_validation=self.mac is not None
            )
        except UnsupportedAlgorithm as exc:
            raise UnsupportedFormat(
                f"The keystore holds an unsupported private key ({exc})."
            ) from exc
        except (ValueError, TypeError) as exc:
            raise CorruptData(f"A private key in the keystore cannot be decoded ({exc}).") from exc

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


def _data_content(info: Der) -> bytes:
    parts = info.expect(0x30, "A content block").children()
    kind = parts[0].oid()
    if kind != _OID_DATA:
        raise UnsupportedFormat(
            f"The keystore uses public-key protection ({oid_text(kind)}), which keymon cannot open."
        )
    return parts[1].expect(0xA0, "A content block").children()[0].string("Data")


def _safe(info: Der) -> bytes | _Sealed:
    parts = info.expect(0x30, "A content block").children()
    kind = parts[0].oid()
    if kind == _OID_DATA:
        return _data_content(info)
    if kind != _OID_ENCRYPTED_DATA:
        raise UnsupportedFormat(
            f"The keystore uses public-key encryption ({oid_text(kind)}), which keymon cannot open."
        )
    encrypted = parts[1].expect(0xA0, "Encrypted data").children()[0].children()
    content = encrypted[1].expect(0x30, "Encrypted data").children()
    if len(content) < 3:
        raise CorruptData("The keystore is damaged: an encrypted block has no content.")
    return _Sealed(parse_scheme(content[1]), content[2].octets())


def _sealed_key(bag: _Bag) -> _Sealed:
    """The EncryptedPrivateKeyInfo of a shrouded key bag or of a Java secret bag."""
    value = bag.value
    if bag.kind == SECRET_BAG:
        kind, inner = value.expect(0x30, "A secret bag").children()[:2]
        if kind.oid() != _OID_SHROUDED:
            raise UnsupportedFormat(
                f"The keystore holds a secret of an unsupported type ({oid_text(kind.oid())})."
            )
        value = inner.expect(0xA0, "A secret bag").children()[0]
        if value.tag & 0xDF == 0x04:  # Java wraps the EncryptedPrivateKeyInfo
            value = parse(value.octets(), "A secret key")
    algorithm, data = value.expect(0x30, "An encrypted key").children()[:2]
    return _Sealed(parse_scheme(algorithm), data.string("An encrypted key"))


def _bags(safe_contents: bytes, safe: int, depth: int = 0, first: int = 0) -> list[_Bag]:
    """The SafeBags of one SafeContents, numbered from ``first``.

    The hot path (10,000 certificates are 160,000 elements): :data:`Item` tuples rather than
    :class:`Der` objects, and few calls.
    """
    buf, out = safe_contents, list[_Bag]()
    root = parse(buf, "A safe").expect(0x30, "A safe")
    for tag, _, start, end, _ in items(buf, root.start, root.end):
        parts = items(buf, start, end) if tag & 0x20 else _primitive()
        if len(parts) < 2:
            raise damaged("a bag is incomplete")
        (tag, _, oid_start, oid_end, _), (box, _, start, end, _) = parts[0], parts[1]
        if tag != 0x06 or box != 0xA0:
            raise damaged("a bag is malformed")
        value = items(buf, start, end)
        if not value:
            raise damaged("a bag is empty")
        bag_oid = buf[oid_start:oid_end]
        kind = _BAG_KINDS.get(bag_oid)
        if kind == SAFE_CONTENTS_BAG and depth < 4:
            out += _bags(Der(buf, *value[0]).element(), safe, depth + 1, first + len(out))
            continue
        if kind not in _KEPT:
            what = "a CRL" if kind == CRL_BAG else f"a bag of type {oid_text(bag_oid)}"
            raise UnsupportedFormat(f"The keystore holds {what}, which keymon cannot keep.")
        name, key_id, trusted = _attributes(buf, parts[2]) if len(parts) > 2 else _NONE
        out.append(_Bag((safe, first + len(out)), kind, buf, value[0], name, key_id, trusted))
    return out


_NONE = None, None, False
_KEPT = frozenset((KEY_BAG, SHROUDED_KEY_BAG, CERT_BAG, SECRET_BAG))
_TRUSTED_SIZE = len(TRUSTED_ATTRIBUTE)
_NAME_OID = b"\x06\x09" + _OID_FRIENDLY_NAME


def _primitive() -> NoReturn:
    raise damaged("a primitive element was found where a structure belongs")


def _attributes(buf: bytes, attributes: Item) -> tuple[str | None, bytes | None, bool]:
    """friendlyName, localKeyId and Java's trusted mark from a bag's attributes (a SET).

    The two that every certificate of a truststore has, in the DER that keytool and keymon
    write, are told by their bytes: the whole trusted mark, a short friendlyName's layout.
    """
    name, key_id, trusted = _NONE
    if attributes[0] != 0x31:
        raise damaged("Bag attributes has the wrong type")
    for tag, head, start, end, after in items(buf, attributes[2], attributes[3]):
        if after - head == _TRUSTED_SIZE and buf.startswith(TRUSTED_ATTRIBUTE, head):
            trusted = True
            continue
        if tag == 0x30 and (short := _short_name(buf, start, end)) is not None:
            name = short or None
            continue
        kind, values = Der(buf, tag, head, start, end, after).children()[:2]
        found = values.children()
        attr_oid = kind.oid()
        if attr_oid == _OID_FRIENDLY_NAME and found:
            raw = found[0].octets()
            name = raw.decode("utf-16-be" if found[0].tag == 0x1E else "utf-8", "replace") or None
        elif attr_oid == _OID_LOCAL_KEY_ID and found:
            key_id = found[0].octets()
        elif attr_oid == _OID_JAVA_TRUSTED:
            trusted = True
    return name, key_id, trusted


def _short_name(buf: bytes, start: int, end: int) -> str | None:
    """A friendlyName attribute's value when its content ``buf[start:end]`` is exactly
    OID, SET { BMPString } with short lengths; else None (read it in full)."""
    at = start + len(_NAME_OID)  # the SET
    if not 4 <= end - at < 0x82 or not buf.startswith(_NAME_OID, start) or buf[at] != 0x31:
        return None
    if buf[at + 1] != end - at - 2 or buf[at + 2] != 0x1E or buf[at + 3] != end - at - 4:
        return None  # a length is long-form or does not fill its container, or not a BMPString
    return buf[at + 4 : end].decode("utf-16-be", "replace")


def _cert_der(bag: _Bag) -> bytes:
    buf, (tag, _, start, end, _) = bag.buf, bag.item
    if tag != 0x30:
        raise damaged("A certificate bag has the wrong type")
    parts = items(buf, start, end)
    if len(parts) < 2 or parts[0][0] != 0x06:
        raise damaged("A certificate bag is malformed")
    (_, _, kind_start, kind_end, _), (tag, _, start, end, _) = parts[0], parts[1]
    if buf[kind_start:kind_end] != _OID_X509_CERT:
        raise UnsupportedFormat(
            "The keystore holds a certificate of an unsupported type"
            f" ({oid_text(buf[kind_start:kind_end])})."
        )
    if tag != 0xA0:
        raise damaged("A certificate bag has the wrong type")
    cert = items(buf, start, end)
    if not cert:
        raise damaged("A certificate bag is empty")
    tag, _, start, end, _ = cert[0]
    return buf[start:end] if tag == 0x04 else Der(buf, *cert[0]).string("A cert")


def _key_id_time(key_id: bytes | None) -> dt.datetime | None:
    """Java stores an entry's date as localKeyId ``"Time <milliseconds>"``."""
    if not key_id or len(key_id) > 24 or not key_id.startswith(b"Time "):
        return None
    if not key_id[5:].isdigit():
        return None
    try:
        return EPOCH + dt.timedelta(milliseconds=int(key_id[5:]))
    except OverflowError:
        return None


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
    try:
        names = cert.cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        if names and isinstance(names[0].value, str) and names[0].value.strip():
            return names[0].value
        return cert.cert.subject.rfc4514_string() or "certificate"
    except ValueError:
        return "certificate"


def _name(pending: list[_Pending]) -> list[Entry]:
    """Aliases: friendlyNames first (kept, -2 on clash), then names derived from the CN."""
    pending.sort(key=lambda p: p.order)
    taken: set[str] = set()
    aliases: dict[int, str] = {}
    for p in pending:
        if p.name:
            alias, n = p.name, 1
            while alias_key(alias) in taken:
                n += 1
                alias = f"{p.name}-{n}"
            aliases[id(p)] = alias
            taken.add(alias_key(alias))
    for p in pending:
        if not p.name:
            base = _common_name(p.cert) if p.cert else "secret-key"
            aliases[id(p)] = alias = suggest_alias(base, taken)
            taken.add(alias_key(alias))
    return [p.make(aliases[id(p)]) for p in pending]

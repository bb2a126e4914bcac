"""The bags of a PKCS#12 file: the safes of the authenticated safe, their bags, attributes.

Reading only; :mod:`.pkcs12` turns the bags into entries. The hot path (a truststore of
10,000 certificates is 160,000 elements) reads :data:`~.der.Item` tuples, not objects.
Names are read as stored; :func:`clean_name` makes an alias of one (a trailing NUL, which
Windows and old OpenSSL exports write, is dropped as OpenSSL drops it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NoReturn

from keymon.core.errors import CorruptData, UnsupportedFormat
from keymon.core.formats.der import Der, Item, damaged, items, oid, oid_text, parse
from keymon.core.formats.pbe import Scheme, parse_scheme
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
    SHROUDED_KEY_BAG,
    TRUSTED_ATTRIBUTE,
    X509_CERT,
)

BAG_KINDS = {oid(BAG + str(n)): n for n in range(1, 7)}
_OID_DATA, _OID_ENCRYPTED_DATA, _OID_X509_CERT = oid(DATA), oid(ENCRYPTED_DATA), oid(X509_CERT)
_OID_FRIENDLY_NAME, _OID_LOCAL_KEY_ID = oid(FRIENDLY_NAME), oid(LOCAL_KEY_ID)
_OID_JAVA_TRUSTED, _OID_SHROUDED = oid(JAVA_TRUSTED), oid(BAG + str(SHROUDED_KEY_BAG))
_MAX_NAME = 240  # room for a "-2" suffix within the 255 characters an alias may have


@dataclass(slots=True)  # not frozen: that would make 10,000 of them slow to build
class Bag:
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
class Sealed:
    """Something encrypted with the keystore password: an encrypted safe or a shrouded key."""

    scheme: Scheme
    ciphertext: bytes


def data_content(info: Der) -> bytes:
    parts = info.expect(0x30, "A content block").children()
    kind = parts[0].oid()
    if kind != _OID_DATA:
        raise UnsupportedFormat(
            f"The keystore uses public-key protection ({oid_text(kind)}), which keymon cannot open."
        )
    return parts[1].expect(0xA0, "A content block").children()[0].string("Data")


def safe_of(info: Der) -> bytes | Sealed:
    parts = info.expect(0x30, "A content block").children()
    kind = parts[0].oid()
    if kind == _OID_DATA:
        return data_content(info)
    if kind != _OID_ENCRYPTED_DATA:
        raise UnsupportedFormat(
            f"The keystore uses public-key encryption ({oid_text(kind)}), which keymon cannot open."
        )
    encrypted = parts[1].expect(0xA0, "Encrypted data").children()[0].children()
    content = encrypted[1].expect(0x30, "Encrypted data").children()
    if len(content) < 3:
        raise CorruptData("The keystore is damaged: an encrypted block has no content.")
    return Sealed(parse_scheme(content[1]), content[2].octets())


def sealed_key(bag: Bag) -> Sealed:
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
    return Sealed(parse_scheme(algorithm), data.string("An encrypted key"))


def read_bags(safe_contents: bytes, safe: int, depth: int = 0, first: int = 0) -> list[Bag]:
    """The SafeBags of one SafeContents, numbered from ``first``.

    The hot path (10,000 certificates are 160,000 elements): :data:`Item` tuples rather than
    :class:`Der` objects, and few calls.
    """
    buf, out = safe_contents, list[Bag]()
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
        kind = BAG_KINDS.get(bag_oid)
        if kind == SAFE_CONTENTS_BAG and depth < 4:
            out += read_bags(Der(buf, *value[0]).element(), safe, depth + 1, first + len(out))
            continue
        if kind not in _KEPT:
            what = "a CRL" if kind == CRL_BAG else f"a bag of type {oid_text(bag_oid)}"
            raise UnsupportedFormat(f"The keystore holds {what}, which keymon cannot keep.")
        name, key_id, trusted = _attributes(buf, parts[2]) if len(parts) > 2 else _NONE
        out.append(Bag((safe, first + len(out)), kind, buf, value[0], name, key_id, trusted))
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


def cert_der(bag: Bag) -> bytes:
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


def key_id_time(key_id: bytes | None) -> dt.datetime | None:
    """Java stores an entry's date as localKeyId ``"Time <milliseconds>"``."""
    if not key_id or len(key_id) > 24 or not key_id.startswith(b"Time "):
        return None
    if not key_id[5:].isdigit():
        return None
    try:
        return EPOCH + dt.timedelta(milliseconds=int(key_id[5:]))
    except OverflowError:
        return None


def clean_name(name: str) -> str | None:
    """A friendlyName as an alias: trailing NULs dropped (as OpenSSL does), other control
    characters shown as U+FFFD, blanks trimmed, cut to a length an alias may have."""
    name = name.rstrip("\x00")
    if not name.isprintable():
        name = "".join(ch if ord(ch) >= 32 else "\ufffd" for ch in name)
    return name.strip()[:_MAX_NAME] or None

"""Keystores keymon recognises but does not read, so that it can name them when it refuses.

* Bouncy Castle BKS and UBER (``BcKeyStoreSpi``): a big-endian version (1 or 2), a salt
  length, the salt and an iteration count; BKS then lists its entries in the clear and ends
  with a 20-byte HMAC-SHA1, UBER encrypts the rest with Twofish.
* Bouncy Castle BCFKS: a DER ObjectStore, ``SEQUENCE { EncryptedObjectStoreData (PBES2),
  ObjectStoreIntegrityCheck (HMAC-SHA-512 or SHA3-512 over PBKDF2/scrypt, or a signature) }``.
* PKCS#12 files whose encryption or MAC uses the Russian GOST algorithms (OIDs 1.2.643...).

Every check is structural, bounded by the size of the data, and never raises: it answers
"this is X" or nothing, and :func:`refuse` turns a match into one UnsupportedFormat sentence.
"""

from __future__ import annotations

import struct

from keymon.core.errors import KeymonError, UnsupportedFormat
from keymon.core.formats import der

_U16 = struct.Struct(">H")
_U32 = struct.Struct(">I")
_BKS_MAC = 20  # HMAC-SHA1


class _Reader:
    def __init__(self, data: bytes, pos: int) -> None:
        self.data, self.pos = data, pos

    def take(self, count: int) -> bytes:
        if count < 0 or self.pos + count > len(self.data):
            raise ValueError("short")
        self.pos += count
        return self.data[self.pos - count : self.pos]

    def u8(self) -> int:
        return self.take(1)[0]

    def u32(self) -> int:
        return int(_U32.unpack(self.take(4))[0])

    def utf(self) -> bytes:
        return self.take(int(_U16.unpack(self.take(2))[0]))

    def blob(self) -> bytes:
        return self.take(self.u32())


def _bks_header(data: bytes) -> int | None:
    """Where the body starts, when ``data`` starts like a BKS or UBER keystore."""
    reader = _Reader(data, 0)
    try:
        if reader.u32() not in (1, 2):
            return None
        salt = reader.u32()
        if not 1 <= salt <= 1024:
            return None
        reader.take(salt)
        if not 1 <= reader.u32() <= 10_000_000:
            return None
    except ValueError:
        return None
    return reader.pos


def _bks_entries(data: bytes, pos: int) -> bool:
    """True when the entries from ``pos`` parse as BKS and exactly the HMAC follows them."""
    reader = _Reader(data, pos)
    try:
        while (kind := reader.u8()) != 0:
            if kind not in (1, 2, 3, 4):  # certificate, key, secret, sealed
                return False
            reader.utf()  # alias
            reader.take(8)  # date
            for _ in range(reader.u32()):  # chain: each certificate takes 6 bytes or more
                reader.utf()
                reader.blob()
            if kind == 1:
                reader.utf()
                reader.blob()
            elif kind == 2:
                reader.take(1)  # private, public or secret
                reader.utf()  # format
                reader.utf()  # algorithm
                reader.blob()
            else:
                reader.blob()
    except ValueError:
        return False
    return len(data) - reader.pos == _BKS_MAC


def bouncy_castle_kind(data: bytes) -> str | None:
    """``"BKS"`` or ``"UBER"`` for a Bouncy Castle keystore of that type, else None."""
    body = _bks_header(data)
    if body is None:
        return None
    if _bks_entries(data, body):
        return "BKS"
    rest = len(data) - body
    return "UBER" if rest >= 32 and rest % 16 == 0 else None  # Twofish-CBC blocks


_PBES2 = der.oid("1.2.840.113549.1.5.13")
_BCFKS_MACS = {
    der.oid("1.2.840.113549.2.11"),  # hmacWithSHA512
    der.oid("2.16.840.1.101.3.4.2.16"),  # hmacWithSHA3-512
}


def _first_oid(element: der.Der) -> bytes | None:
    if element.tag != 0x30:
        return None
    inner = element.children()
    return inner[0].oid() if inner and inner[0].tag == 0x06 else None


def is_bcfks(data: bytes) -> bool:
    """True for a Bouncy Castle FIPS keystore (BCFKS) ObjectStore."""
    try:
        parts = der.read(data).expect(0x30, "store").children()
        if len(parts) != 2 or parts[0].tag != 0x30:
            return False
        encrypted = parts[0].children()
        if len(encrypted) != 2 or _first_oid(encrypted[0]) != _PBES2 or encrypted[1].tag != 0x04:
            return False
        check = parts[1]
        if check.tag == 0xA0:  # SignatureCheck
            return True
        fields = check.children() if check.tag == 0x30 else []
        return len(fields) == 3 and _first_oid(fields[0]) in _BCFKS_MACS
    except KeymonError:
        return False


_GOST = bytes.fromhex("2a8503")  # 1.2.643: the Russian national algorithms
_DATA = der.oid("1.2.840.113549.1.7.1")
_ENCRYPTED_DATA = der.oid("1.2.840.113549.1.7.6")
_SHROUDED_KEY_BAG = der.oid("1.2.840.113549.1.12.10.1.2")


def _names_gost(algorithm: der.Der) -> bool:
    """True when an AlgorithmIdentifier (parameters included) holds a GOST OID."""
    blob = algorithm.element()
    found = blob.find(_GOST)
    while found >= 2:
        if blob[found - 2] == 0x06:
            return True
        found = blob.find(_GOST, found + 1)
    return False


def _at(element: der.Der | None, *path: int) -> der.Der | None:
    """The element at ``path`` (child indices) inside ``element``; None where it is missing."""
    for index in path:
        if element is None or element.tag & 0x20 == 0:  # a primitive holds no children
            return None
        inner = element.children()
        element = inner[index] if index < len(inner) else None
    return element


def _oid(element: der.Der | None) -> bytes | None:
    return element.oid() if element is not None and element.tag == 0x06 else None


def _octets(element: der.Der | None) -> bytes | None:
    if element is None or element.tag & 0xDF != 0x04:  # OCTET STRING, primitive or BER
        return None
    return element.octets()


def _pkcs12_algorithms(data: bytes) -> list[der.Der]:
    """The MAC and encryption AlgorithmIdentifiers of a PFX (the outer layers only).

    Total on any structure: a part that is missing or of another shape is skipped.
    """
    pfx = der.read(data)
    found: list[der.Der | None] = [_at(pfx, 2, 0, 0)]  # macData's digest algorithm
    if _oid(_at(pfx, 1, 0)) != _DATA:
        return [a for a in found if a is not None]
    octets = _octets(_at(pfx, 1, 1, 0))
    for info in der.read(octets).children() if octets else []:
        kind, content = _oid(_at(info, 0)), _at(info, 1)
        if kind == _ENCRYPTED_DATA:  # EncryptedData { version, EncryptedContentInfo }
            found.append(_at(content, 0, 1, 1))
        elif kind == _DATA and (safe := _octets(_at(content, 0))) is not None:
            for bag in der.read(safe).children():
                if _oid(_at(bag, 0)) == _SHROUDED_KEY_BAG:
                    found.append(_at(bag, 1, 0, 0))
    return [a for a in found if a is not None]


def uses_gost(data: bytes) -> bool:
    """True for a PKCS#12 file whose encryption or MAC uses GOST algorithms."""
    try:
        return any(_names_gost(algorithm) for algorithm in _pkcs12_algorithms(data))
    except KeymonError:  # damaged DER: not a GOST file; the PKCS#12 reader says what is wrong
        return False


def refuse(data: bytes, *, pkcs12: bool = False) -> None:
    """Raise UnsupportedFormat naming the format when ``data`` is one keymon does not read."""
    kind = bouncy_castle_kind(data)
    if kind is not None:
        raise UnsupportedFormat(
            f"This is a Bouncy Castle {kind} keystore; keymon does not read {kind} keystores "
            "(convert it to PKCS#12 with keytool and the Bouncy Castle provider)."
        )
    if pkcs12 and uses_gost(data):
        raise UnsupportedFormat(
            "This PKCS#12 file uses GOST algorithms, which keymon does not support."
        )
    if not pkcs12 and data[:1] == b"\x30" and is_bcfks(data):
        raise UnsupportedFormat(
            "This is a Bouncy Castle BCFKS keystore; keymon does not read BCFKS keystores "
            "(convert it to PKCS#12 with keytool and the Bouncy Castle FIPS provider)."
        )

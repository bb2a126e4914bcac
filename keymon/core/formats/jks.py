"""JKS and JCEKS keystores (Sun's proprietary formats), read and written natively.

Layout: magic, version, count, entries (1 = protected private key and chain,
2 = trusted certificate, 3 = JCEKS sealed secret key), then
SHA-1(UTF-16BE(password) + b"Mighty Aphrodite" + everything before).

JCEKS keys carry their own PBEWithMD5AndTripleDES iteration counts: :func:`load` announces
every entry's cost to one :class:`~.kdf.Derivations` before deriving anything, so a file
asking for more than :data:`~.kdf.SUN_PBE_BUDGET` MD5 rounds in all is refused up front.
Everything about keys is in :mod:`~.jks_keys`, loaded only for a keystore that holds some.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import struct
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cryptography import x509

from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry
from keymon.core.errors import (
    CorruptData,
    PasswordRequired,
    UnsupportedFormat,
    UsageError,
    WrongPassword,
)
from keymon.core.formats.mutf8 import decode_modified_utf8, write_utf

if TYPE_CHECKING:
    from keymon.core.cancel import CancelCheck
    from keymon.core.formats.jks_keys import Locked

JKS_MAGIC = 0xFEEDFEED
JCEKS_MAGIC = 0xCECECECE

_WHITENER = b"Mighty Aphrodite"
_DIGEST = 20
_TAG_KEY, _TAG_CERT, _TAG_SECRET = 1, 2, 3
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MS = dt.timedelta(milliseconds=1)
_HEADER = struct.Struct(">III")
_U32 = struct.Struct(">I")
_U16 = struct.Struct(">H")
_S64 = struct.Struct(">q")
_TRUNCATED = "The keystore file is truncated or damaged."


def sniff(data: bytes) -> str | None:
    """``"jks"``, ``"jceks"`` or None, by the magic number."""
    if len(data) < 4:
        return None
    magic = _U32.unpack_from(data)[0]
    return {JKS_MAGIC: "jks", JCEKS_MAGIC: "jceks"}.get(magic)


class _Cursor:
    __slots__ = ("buf", "end", "pos")

    def __init__(self, buf: memoryview, pos: int) -> None:
        self.buf, self.pos, self.end = buf, pos, len(buf)

    def take(self, n: int) -> memoryview:
        start = self.pos
        stop = start + n
        if stop > self.end:
            raise CorruptData(_TRUNCATED)
        self.pos = stop
        return self.buf[start:stop]

    def u32(self) -> int:
        value: int = _U32.unpack(self.take(4))[0]
        return value

    def utf(self) -> str:
        n: int = _U16.unpack(self.take(2))[0]
        return decode_modified_utf8(bytes(self.take(n)))

    def timestamp(self) -> dt.datetime | None:
        ms: int = _S64.unpack(self.take(8))[0]
        try:
            return _EPOCH + ms * _MS
        except OverflowError:
            return None

    def cert(self, version: int) -> CertInfo:
        if version == 2:
            kind = self.utf()
            if kind != "X.509":
                raise CorruptData(f"The keystore holds a certificate of type {kind!r}.")
        der = bytes(self.take(self.u32()))
        try:
            return CertInfo.from_der(der)
        except x509.InvalidVersion as exc:  # not a ValueError, so CertInfo lets it through
            raise CorruptData(f"A certificate in the file cannot be decoded ({exc}).") from exc


def _store_digest(body: bytes | bytearray | memoryview, password: str) -> bytes:
    digest = hashlib.sha1(password.encode("utf-16-be", "surrogatepass"))  # noqa: S324
    digest.update(_WHITENER)
    digest.update(body)
    return digest.digest()


def _parse(data: bytes) -> tuple[list[Entry | Locked], memoryview]:
    """Entries (keys still locked) and the body the store digest covers."""
    if len(data) < _HEADER.size + _DIGEST:
        raise CorruptData(_TRUNCATED if sniff(data) else "The file is not a JKS or JCEKS keystore.")
    magic, version, count = _HEADER.unpack_from(data)
    if magic not in (JKS_MAGIC, JCEKS_MAGIC):
        raise CorruptData("The file is not a JKS or JCEKS keystore.")
    if version not in (1, 2):
        raise CorruptData(f"The keystore has an unknown format version ({version}).")
    body = memoryview(data)[: len(data) - _DIGEST]
    cur = _Cursor(body, _HEADER.size)
    entries: list[Entry | Locked] = []
    for _ in range(count):
        tag = cur.u32()
        alias = cur.utf()
        modified = cur.timestamp()
        if tag == _TAG_CERT:
            entries.append(CertificateEntry(alias, cur.cert(version), modified))
        elif tag == _TAG_KEY:
            from keymon.core.formats import jks_keys  # a store of certificates needs none

            blob = bytes(cur.take(cur.u32()))
            chain = tuple(cur.cert(version) for _ in range(cur.u32()))
            if not chain:
                raise CorruptData(f"The key entry {alias!r} has no certificate.")
            entries.append(jks_keys.Locked(tag, alias, modified, blob, chain))
        elif tag == _TAG_SECRET and magic == JCEKS_MAGIC:
            from keymon.core.formats import jks_keys

            blob, salt, iterations, cur.pos = jks_keys.sealed_key(cur.buf, cur.pos)
            entries.append(jks_keys.Locked(tag, alias, modified, blob, (), salt, iterations))
        else:
            raise CorruptData(f"The keystore holds an entry of unknown type ({tag}).")
    if cur.pos != len(body):
        raise CorruptData(_TRUNCATED)
    return entries, body


def load(data: bytes, password: str | None, cancel: CancelCheck | None = None) -> list[Entry]:
    """Read a JKS or JCEKS keystore. ``password=None`` reads trusted certificates only.

    TooMuchWork when its keys' derivations go over the budget; ``cancel`` is checked
    between them (and within long ones).
    """
    entries, body = _parse(data)
    certificates: list[Entry] = [e for e in entries if isinstance(e, CertificateEntry)]
    keys = len(certificates) != len(entries)
    if password is None:
        if keys:
            raise PasswordRequired(
                "The keystore holds private or secret keys, so its password is needed."
            )
        return certificates
    stored = bytes(data[len(body) :])
    digest_ok = hmac.compare_digest(_store_digest(body, password), stored)
    if keys:
        from keymon.core.formats import jks_keys

        return _unique(jks_keys.unlock_all(entries, digest_ok, password, cancel))
    if not digest_ok:
        raise WrongPassword("The keystore password is wrong, or the file was altered.")
    return _unique(certificates)


def _unique(entries: list[Entry]) -> list[Entry]:
    """Like Java: a later entry with the same alias replaces an earlier one."""
    by_alias: dict[str, Entry] = {}
    for entry in entries:
        by_alias[entry.alias] = entry
    return list(by_alias.values()) if len(by_alias) != len(entries) else entries


def _millis(modified: dt.datetime | None) -> int:
    when = modified or dt.datetime.now(dt.UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return (when - _EPOCH) // _MS


def _cert_bytes(cert: CertInfo) -> bytes:
    return write_utf("X.509") + _U32.pack(len(cert.der)) + cert.der


def dump(
    entries: Sequence[Entry],
    password: str,
    *,
    jceks: bool = False,
    iterations: int | None = None,
) -> bytes:
    """Write a JKS keystore (or JCEKS with ``jceks=True``); aliases are stored lowercased.

    ``iterations``: of JCEKS keys (default :data:`~.sun_pbe.DEFAULT_ITERATIONS`).
    """
    from keymon.core.formats import jks_keys, sun_pbe

    if iterations is None:
        iterations = sun_pbe.DEFAULT_ITERATIONS
    if jceks and sun_pbe.pbe_password(password) is None:
        raise UsageError("A JCEKS password may contain printable ASCII characters only.")
    if not 1 <= iterations <= sun_pbe.MAX_ITERATIONS:
        raise UsageError(f"The iteration count must be 1 to {sun_pbe.MAX_ITERATIONS:,}.")
    out = bytearray(_HEADER.pack(JCEKS_MAGIC if jceks else JKS_MAGIC, 2, len(entries)))
    seen: dict[str, str] = {}
    for entry in entries:
        alias = entry.alias.lower()  # what keytool does (Locale.ENGLISH)
        if alias in seen:
            raise UsageError(
                f"The aliases {seen[alias]!r} and {entry.alias!r} differ only in case, "
                "which a Java keystore cannot hold."
            )
        seen[alias] = entry.alias
        head = write_utf(alias) + _S64.pack(_millis(entry.modified))
        if isinstance(entry, KeyPairEntry):
            if not entry.chain:
                raise UsageError(f"The key {entry.alias!r} has no certificate to store with it.")
            blob = jks_keys.protected_key(entry, password, jceks, iterations)
            out += _U32.pack(_TAG_KEY) + head + _U32.pack(len(blob)) + blob
            out += _U32.pack(len(entry.chain))
            out += b"".join(_cert_bytes(c) for c in entry.chain)
        elif isinstance(entry, CertificateEntry):
            out += _U32.pack(_TAG_CERT) + head + _cert_bytes(entry.cert)
        elif jceks:
            sealed = jks_keys.seal(entry.algorithm, entry.key, password, iterations)
            out += _U32.pack(_TAG_SECRET) + head + sealed
        else:
            raise UnsupportedFormat("JKS cannot hold secret keys; save as PKCS#12 or JCEKS.")
    out += _store_digest(out, password)
    return bytes(out)

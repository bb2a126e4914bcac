"""JKS and JCEKS keystores (Sun's proprietary formats), read and written natively.

Layout: magic, version, count, entries (1 = protected private key and chain,
2 = trusted certificate, 3 = JCEKS sealed secret key), then
SHA-1(UTF-16BE(password) + b"Mighty Aphrodite" + everything before).

JCEKS keys carry their own PBEWithMD5AndTripleDES iteration counts: :func:`load` announces
every entry's cost to one :class:`~.kdf.Derivations` before deriving anything, so a file
asking for more than :data:`~.kdf.SUN_PBE_BUDGET` MD5 rounds in all is refused up front.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization

from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry, SecretKeyEntry
from keymon.core.errors import (
    CorruptData,
    IntegrityError,
    PasswordRequired,
    UnsupportedFormat,
    UsageError,
    WrongPassword,
)
from keymon.core.formats import javaser, sun_pbe
from keymon.core.formats.javaser import ClassDesc, JavaEnum, JavaObject
from keymon.core.formats.kdf import CancelCheck, Cost, Derivations
from keymon.core.locked import LockedKey

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
_MAX_KEY_CHECKS = 3  # keys tried to tell a wrong password from a damaged file

_SEALED_OBJECT = "javax.crypto.SealedObject"
_SECRET_KEY_SPEC = "javax.crypto.spec.SecretKeySpec"  # noqa: S105 - a class name
_KEY_REP = "java.security.KeyRep"
_STRING_T, _BYTES_T = "Ljava/lang/String;", "[B"


def _suid(hex_digits: str) -> int:
    return int.from_bytes(bytes.fromhex(hex_digits), "big", signed=True)


_BYTES = javaser.byte_array_desc()
_SEALED_DESC = ClassDesc(
    _SEALED_OBJECT,
    _suid("3e363da6c3b75470"),
    javaser.SC_SERIALIZABLE,
    [
        ("[", "encodedParams", _BYTES_T),
        ("[", "encryptedContent", _BYTES_T),
        ("L", "paramsAlg", _STRING_T),
        ("L", "sealAlg", _STRING_T),
    ],
)
_FOR_KEY_PROTECTOR = ClassDesc(
    "com.sun.crypto.provider.SealedObjectForKeyProtector",
    _suid("cd57ca59e730bb53"),
    javaser.SC_SERIALIZABLE,
    [],
    _SEALED_DESC,
)
_SPEC_DESC = ClassDesc(
    _SECRET_KEY_SPEC,
    _suid("5b470b66e230614d"),
    javaser.SC_SERIALIZABLE,
    [("L", "algorithm", _STRING_T), ("[", "key", _BYTES_T)],
)


def sniff(data: bytes) -> str | None:
    """``"jks"``, ``"jceks"`` or None, by the magic number."""
    if len(data) < 4:
        return None
    magic = _U32.unpack_from(data)[0]
    return {JKS_MAGIC: "jks", JCEKS_MAGIC: "jceks"}.get(magic)


@dataclass(slots=True)
class _Locked:
    """A key entry whose key still needs the password."""

    tag: int
    alias: str
    modified: dt.datetime | None
    blob: bytes  # EncryptedPrivateKeyInfo, or a sealed object's encryptedContent
    chain: tuple[CertInfo, ...] = ()
    salt: bytes = b""
    iterations: int = 0

    def cost(self) -> Cost | None:
        """The key derivation unlocking this entry takes (None: next to nothing)."""
        if self.tag == _TAG_SECRET:
            return Cost.sun_pbe(self.salt, self.iterations)
        return sun_pbe.key_cost(self.blob)


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
        return javaser.decode_modified_utf8(bytes(self.take(n)))

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


def _sealed_key(cur: _Cursor) -> tuple[bytes, bytes, int]:
    """A JCEKS tag-3 SealedObject → (encrypted content, salt, iterations)."""
    sealed, cur.pos = javaser.read_stream(cur.buf, cur.pos)
    params, content, params_alg, seal_alg = javaser.object_fields(
        sealed, _SEALED_OBJECT, ["encodedParams", "encryptedContent", "paramsAlg", "sealAlg"]
    )
    if seal_alg != sun_pbe.PBE_MD5_3DES or params_alg != sun_pbe.PBE_MD5_3DES:
        raise CorruptData(f"A secret key in the keystore is sealed with {seal_alg!r}.")
    if not isinstance(params, bytes) or not isinstance(content, bytes):
        raise CorruptData("A secret key in the keystore is malformed.")
    return (content, *sun_pbe.parse_pbe_params(params, wrapped=True))


def _parse(data: bytes) -> tuple[list[Entry | _Locked], memoryview]:
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
    entries: list[Entry | _Locked] = []
    for _ in range(count):
        tag = cur.u32()
        alias = cur.utf()
        modified = cur.timestamp()
        if tag == _TAG_CERT:
            entries.append(CertificateEntry(alias, cur.cert(version), modified))
        elif tag == _TAG_KEY:
            blob = bytes(cur.take(cur.u32()))
            chain = tuple(cur.cert(version) for _ in range(cur.u32()))
            if not chain:
                raise CorruptData(f"The key entry {alias!r} has no certificate.")
            entries.append(_Locked(tag, alias, modified, blob, chain))
        elif tag == _TAG_SECRET and magic == JCEKS_MAGIC:
            blob, salt, iterations = _sealed_key(cur)
            entries.append(_Locked(tag, alias, modified, blob, (), salt, iterations))
        else:
            raise CorruptData(f"The keystore holds an entry of unknown type ({tag}).")
    if cur.pos != len(body):
        raise CorruptData(_TRUNCATED)
    return entries, body


def _secret_key(value: javaser.JavaValue) -> tuple[str, bytes]:
    """SecretKeySpec or KeyRep(SECRET, RAW) → (algorithm, key bytes)."""
    names = value.class_names if isinstance(value, JavaObject) else []
    if _SECRET_KEY_SPEC in names:
        algorithm, key = javaser.object_fields(value, _SECRET_KEY_SPEC, ["algorithm", "key"])
    elif _KEY_REP in names:
        kind, algorithm, fmt, key = javaser.object_fields(
            value, _KEY_REP, ["type", "algorithm", "format", "encoded"]
        )
        if not isinstance(kind, JavaEnum) or kind.constant != "SECRET" or fmt != "RAW":
            raise UnsupportedFormat("A secret key in the keystore has an unsupported encoding.")
    else:
        raise UnsupportedFormat("A secret key in the keystore has an unsupported encoding.")
    if not isinstance(algorithm, str) or not isinstance(key, bytes):
        raise CorruptData("A secret key in the keystore is malformed.")
    return algorithm, key


def _unseal(item: _Locked, password: str, kdf: Derivations) -> javaser.JavaValue | None:
    """The sealed Java key object, or None when ``password`` does not open it."""
    plain = sun_pbe.pbe_decrypt(item.blob, password, item.salt, item.iterations, kdf)
    if plain is None:
        return None
    try:
        return javaser.loads(plain)
    except CorruptData:
        return None  # valid padding by chance under a wrong password


def _opens(item: _Locked, password: str, kdf: Derivations) -> bool:
    """Whether ``password`` passes the entry's own check (used when the store digest fails)."""
    if item.tag == _TAG_SECRET:
        return _unseal(item, password, kdf) is not None
    return sun_pbe.recover_private_key(item.blob, password, kdf) is not None


def _locked_key_pair(item: _Locked) -> KeyPairEntry:
    sealed = LockedKey.from_sealed(item.blob)
    return KeyPairEntry(item.alias, None, item.chain, item.modified, sealed=sealed)


def _unlock(item: _Locked, password: str, kdf: Derivations) -> Entry | None:
    """The unlocked entry, or None when ``password`` does not open it."""
    if item.tag == _TAG_SECRET:
        value = _unseal(item, password, kdf)
        if value is None:
            return None
        algorithm, secret = _secret_key(value)
        return SecretKeyEntry(item.alias, algorithm, secret, item.modified)
    pkcs8 = sun_pbe.recover_private_key(item.blob, password, kdf)
    if pkcs8 is None:  # the key has its own password: list it locked
        return _locked_key_pair(item)
    try:
        # The store digest (keyed with the password) has vouched for these bytes, so
        # the expensive RSA consistency check (~36 ms per 2048-bit key) is skipped.
        key = serialization.load_der_private_key(
            pkcs8, password=None, unsafe_skip_rsa_key_validation=True
        )
    except UnsupportedAlgorithm as exc:
        raise UnsupportedFormat(f"The key {item.alias!r} uses an unsupported algorithm.") from exc
    except (ValueError, TypeError) as exc:
        locked = _locked_key_pair(item)
        if locked.sealed and not locked.sealed.jks_protected:  # 3DES padding passed by chance
            return locked
        raise CorruptData(f"The private key {item.alias!r} cannot be decoded.") from exc
    return KeyPairEntry(item.alias, key, item.chain, item.modified)


def load(data: bytes, password: str | None, cancel: CancelCheck | None = None) -> list[Entry]:
    """Read a JKS or JCEKS keystore. ``password=None`` reads trusted certificates only.

    TooMuchWork when its keys' derivations go over the budget; ``cancel`` is checked
    between them (and within long ones).
    """
    entries, body = _parse(data)
    locked = [e for e in entries if isinstance(e, _Locked)]
    if password is None:
        if locked:
            raise PasswordRequired(
                "The keystore holds private or secret keys, so its password is needed."
            )
        return [e for e in entries if not isinstance(e, _Locked)]
    kdf = Derivations(cancel)
    sun_pbe.plan(kdf, (item.cost() for item in locked))
    stored = bytes(data[len(body) :])
    if not hmac.compare_digest(_store_digest(body, password), stored):
        if any(_opens(item, password, kdf) for item in locked[:_MAX_KEY_CHECKS]):
            raise IntegrityError(
                "The keystore's integrity check failed: the file was altered or damaged."
            )
        if locked:
            raise WrongPassword("The keystore password is wrong.")
        raise WrongPassword("The keystore password is wrong, or the file was altered.")
    result: list[Entry] = []
    for entry in entries:
        if isinstance(entry, _Locked):
            unlocked = _unlock(entry, password, kdf)
            if unlocked is None:
                raise WrongPassword(
                    f"The secret key {entry.alias!r} has a password of its own, "
                    "which keymon cannot open yet."
                )
            entry = unlocked
        result.append(entry)
    return _unique(result)


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
    return javaser.write_utf("X.509") + _U32.pack(len(cert.der)) + cert.der


def _serialize_secret_key(algorithm: str, key: bytes) -> bytes:
    """A javax.crypto.spec.SecretKeySpec, serialized as Java does."""
    inner = javaser.Writer()
    inner.begin_object(_SPEC_DESC)
    inner.string(algorithm)
    inner.byte_array(_BYTES, key)
    return bytes(inner.out)


def _seal(algorithm: str, key: bytes, password: str, iterations: int) -> bytes:
    salt = os.urandom(8)
    plain = _serialize_secret_key(algorithm, key)
    encrypted = sun_pbe.pbe_encrypt(plain, password, salt, iterations)
    outer = javaser.Writer()
    outer.begin_object(_FOR_KEY_PROTECTOR)
    outer.byte_array(_BYTES, sun_pbe.pbe_params_der(salt, iterations))
    outer.byte_array(_BYTES, encrypted)
    outer.string(sun_pbe.PBE_MD5_3DES)
    outer.string(sun_pbe.PBE_MD5_3DES)
    return bytes(outer.out)


def _protected_key(entry: KeyPairEntry, password: str, jceks: bool, iterations: int) -> bytes:
    """The key as stored: sealed bytes of its own password as they were, else protected anew."""
    if entry.sealed is not None and (jceks or entry.sealed.jks_protected):
        return entry.sealed.sealed  # JCEKS also reads the JKS protector, as Java does
    pkcs8 = entry.private_key.private_bytes(  # KeyLocked when still sealed
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    if jceks:
        return sun_pbe.jceks_protect(pkcs8, password, iterations)
    return sun_pbe.jks_protect(pkcs8, password)


def dump(
    entries: Sequence[Entry],
    password: str,
    *,
    jceks: bool = False,
    iterations: int = sun_pbe.DEFAULT_ITERATIONS,
) -> bytes:
    """Write a JKS keystore (or JCEKS with ``jceks=True``); aliases are stored lowercased."""
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
        head = javaser.write_utf(alias) + _S64.pack(_millis(entry.modified))
        if isinstance(entry, KeyPairEntry):
            if not entry.chain:
                raise UsageError(f"The key {entry.alias!r} has no certificate to store with it.")
            blob = _protected_key(entry, password, jceks, iterations)
            out += _U32.pack(_TAG_KEY) + head + _U32.pack(len(blob)) + blob
            out += _U32.pack(len(entry.chain))
            out += b"".join(_cert_bytes(c) for c in entry.chain)
        elif isinstance(entry, CertificateEntry):
            out += _U32.pack(_TAG_CERT) + head + _cert_bytes(entry.cert)
        elif jceks:
            sealed = _seal(entry.algorithm, entry.key, password, iterations)
            out += _U32.pack(_TAG_SECRET) + head + sealed
        else:
            raise UnsupportedFormat("JKS cannot hold secret keys; save as PKCS#12 or JCEKS.")
    out += _store_digest(out, password)
    return bytes(out)

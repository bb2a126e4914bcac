"""JKS and JCEKS keys: key entries still sealed, JCEKS secret keys, and sealing them anew.

:mod:`keymon.core.formats.jks` reads and writes the file and loads this module only for a
keystore that holds keys: a store of trusted certificates (such as Java's cacerts) needs
no key derivation, no Java serialization and no private-key decoding.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization

from keymon.core.entries import CertInfo, Entry, KeyPairEntry, SecretKeyEntry
from keymon.core.errors import CorruptData, IntegrityError, UnsupportedFormat, WrongPassword
from keymon.core.formats import javaser, sun_pbe
from keymon.core.formats.javaser import ClassDesc, JavaEnum, JavaObject
from keymon.core.formats.kdf import CancelCheck, Cost, Derivations
from keymon.core.locked import LockedKey

TAG_KEY, TAG_SECRET = 1, 3
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


@dataclass(slots=True)
class Locked:
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
        if self.tag == TAG_SECRET:
            return Cost.sun_pbe(self.salt, self.iterations)
        return sun_pbe.key_cost(self.blob)


def sealed_key(buf: memoryview, pos: int) -> tuple[bytes, bytes, int, int]:
    """A JCEKS tag-3 SealedObject at ``pos`` → (encrypted content, salt, iterations, end)."""
    sealed, pos = javaser.read_stream(buf, pos)
    params, content, params_alg, seal_alg = javaser.object_fields(
        sealed, _SEALED_OBJECT, ["encodedParams", "encryptedContent", "paramsAlg", "sealAlg"]
    )
    if seal_alg != sun_pbe.PBE_MD5_3DES or params_alg != sun_pbe.PBE_MD5_3DES:
        raise CorruptData(f"A secret key in the keystore is sealed with {seal_alg!r}.")
    if not isinstance(params, bytes) or not isinstance(content, bytes):
        raise CorruptData("A secret key in the keystore is malformed.")
    return (content, *sun_pbe.parse_pbe_params(params, wrapped=True), pos)


def secret_key(value: javaser.JavaValue) -> tuple[str, bytes]:
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


def _unseal(item: Locked, password: str, kdf: Derivations) -> javaser.JavaValue | None:
    """The sealed Java key object, or None when ``password`` does not open it."""
    plain = sun_pbe.pbe_decrypt(item.blob, password, item.salt, item.iterations, kdf)
    if plain is None:
        return None
    try:
        return javaser.loads(plain)
    except CorruptData:
        return None  # valid padding by chance under a wrong password


def _opens(item: Locked, password: str, kdf: Derivations) -> bool:
    """Whether ``password`` passes the entry's own check (used when the store digest fails)."""
    if item.tag == TAG_SECRET:
        return _unseal(item, password, kdf) is not None
    return sun_pbe.recover_private_key(item.blob, password, kdf) is not None


def _locked_key_pair(item: Locked) -> KeyPairEntry:
    sealed = LockedKey.from_sealed(item.blob)
    return KeyPairEntry(item.alias, None, item.chain, item.modified, sealed=sealed)


def _unlock(item: Locked, password: str, kdf: Derivations) -> Entry | None:
    """The unlocked entry, or None when ``password`` does not open it."""
    if item.tag == TAG_SECRET:
        value = _unseal(item, password, kdf)
        if value is None:
            return None
        algorithm, secret = secret_key(value)
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


def serialize_secret_key(algorithm: str, key: bytes) -> bytes:
    """A javax.crypto.spec.SecretKeySpec, serialized as Java does."""
    inner = javaser.Writer()
    inner.begin_object(_SPEC_DESC)
    inner.string(algorithm)
    inner.byte_array(_BYTES, key)
    return bytes(inner.out)


def seal(algorithm: str, key: bytes, password: str, iterations: int) -> bytes:
    salt = os.urandom(8)
    plain = serialize_secret_key(algorithm, key)
    encrypted = sun_pbe.pbe_encrypt(plain, password, salt, iterations)
    outer = javaser.Writer()
    outer.begin_object(_FOR_KEY_PROTECTOR)
    outer.byte_array(_BYTES, sun_pbe.pbe_params_der(salt, iterations))
    outer.byte_array(_BYTES, encrypted)
    outer.string(sun_pbe.PBE_MD5_3DES)
    outer.string(sun_pbe.PBE_MD5_3DES)
    return bytes(outer.out)


def protected_key(entry: KeyPairEntry, password: str, jceks: bool, iterations: int) -> bytes:
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


def unlock_all(
    entries: list[Entry | Locked],
    digest_ok: bool,
    password: str,
    cancel: CancelCheck | None,
) -> list[Entry]:
    """Every entry with its key opened by ``password``; ``digest_ok``: the store digest
    matched. TooMuchWork when the keys' derivations go over the budget (checked first)."""
    locked = [e for e in entries if isinstance(e, Locked)]
    kdf = Derivations(cancel)
    sun_pbe.plan(kdf, (item.cost() for item in locked))
    if not digest_ok:
        if any(_opens(item, password, kdf) for item in locked[:_MAX_KEY_CHECKS]):
            raise IntegrityError(
                "The keystore's integrity check failed: the file was altered or damaged."
            )
        raise WrongPassword("The keystore password is wrong.")
    result: list[Entry] = []
    for entry in entries:
        if isinstance(entry, Locked):
            unlocked = _unlock(entry, password, kdf)
            if unlocked is None:
                raise WrongPassword(
                    f"The secret key {entry.alias!r} has a password of its own, "
                    "which keymon cannot open yet."
                )
            entry = unlocked
        result.append(entry)
    return result

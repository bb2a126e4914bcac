"""Sun's proprietary key protectors: the JKS XOR/SHA-1 one and PBEWithMD5AndTripleDES.

Both wrap a PKCS#8 private key in an EncryptedPrivateKeyInfo, read and written with
:mod:`keymon.core.formats.der`. Recovery functions return ``None`` when the password
does not fit and raise CorruptData on bad structure. The MD5 chains of
PBEWithMD5AndTripleDES run through a per-open :class:`~.kdf.Derivations` (a file's total
is bounded by its budget; see :func:`key_cost`), a fresh one when none is given.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Iterable

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, modes

from keymon.core.errors import CorruptData, UsageError
from keymon.core.formats.der import (
    NULL,
    Der,
    integer,
    is_sequence,
    octet_string,
    oid_text,
    oid_tlv,
    parse,
    seq,
)
from keymon.core.formats.kdf import Cost, Derivations

JKS_PROTECTOR_OID = "1.3.6.1.4.1.42.2.17.1.1"
PBE_MD5_3DES_OID = "1.3.6.1.4.1.42.2.19.1"
PBE_MD5_3DES = "PBEWithMD5AndTripleDES"
MAX_ITERATIONS = 5_000_000  # the JDK's own limit for JCEKS
DEFAULT_ITERATIONS = 200_000  # what keytool 17 writes

_DIGEST = 20


# --- DER (through keymon.core.formats.der) --------------------------------------------

encode_oid = oid_tlv  # the whole OBJECT IDENTIFIER element of a dotted OID
_UNEXPECTED = "A key in the file has an unexpected structure."


def decode_oid(raw: bytes) -> str:
    """Dotted form of OBJECT IDENTIFIER content (CorruptData when malformed)."""
    return oid_text(raw, strict=True)


def _fields(element: bytes, *tags: int) -> list[Der]:
    """The elements of the SEQUENCE that is all of ``element``, which must have ``tags``."""
    sequence = parse(element, "A protected key")
    fields = sequence.children() if sequence.tag == 0x30 else []
    if [field.tag for field in fields] != list(tags):
        raise CorruptData(_UNEXPECTED)
    return fields


def _epki(algorithm: bytes, encrypted: bytes) -> bytes:
    return seq(seq(algorithm), octet_string(encrypted))


def parse_epki(blob: bytes | memoryview) -> tuple[str, bytes | None, bytes]:
    """EncryptedPrivateKeyInfo → (algorithm OID, parameters SEQUENCE or None, data)."""
    algorithm, data = _fields(bytes(blob), 0x30, 0x04)
    parts = algorithm.children()
    if not parts or parts[0].tag != 0x06:
        raise CorruptData(_UNEXPECTED)
    params = parts[1].element() if len(parts) > 1 and parts[1].tag == 0x30 else None
    return decode_oid(parts[0].oid()), params, data.octets()


# --- JKS key protector ----------------------------------------------------------------


def _utf16(password: str) -> bytes:
    return password.encode("utf-16-be", "surrogatepass")


def _keystream(pwd: bytes, salt: bytes, length: int) -> bytes:
    blocks, digest = [], salt
    for _ in range((length + _DIGEST - 1) // _DIGEST):
        digest = hashlib.sha1(pwd + digest).digest()  # noqa: S324 - the JKS format
        blocks.append(digest)
    return b"".join(blocks)[:length]


def _xor(a: bytes, b: bytes) -> bytes:
    return (int.from_bytes(a, "big") ^ int.from_bytes(b, "big")).to_bytes(len(a), "big")


def jks_protect(pkcs8: bytes, password: str) -> bytes:
    """Encrypt a PKCS#8 key with the JKS protector; returns EncryptedPrivateKeyInfo DER."""
    pwd, salt = _utf16(password), os.urandom(_DIGEST)
    check = hashlib.sha1(pwd + pkcs8).digest()  # noqa: S324 - the JKS format
    encrypted = salt + _xor(pkcs8, _keystream(pwd, salt, len(pkcs8))) + check
    return _epki(oid_tlv(JKS_PROTECTOR_OID) + NULL, encrypted)


def jks_recover(encrypted: bytes, password: str) -> bytes | None:
    """The PKCS#8 key, or None when the check digest fails (another password)."""
    if len(encrypted) < 2 * _DIGEST:
        raise CorruptData("A protected key in the file is too short.")
    pwd, salt = _utf16(password), encrypted[:_DIGEST]
    body, check = encrypted[_DIGEST:-_DIGEST], encrypted[-_DIGEST:]
    plain = _xor(body, _keystream(pwd, salt, len(body)))
    ok = hmac.compare_digest(hashlib.sha1(pwd + plain).digest(), check)  # noqa: S324
    return plain if ok else None


# --- PBEWithMD5AndTripleDES ------------------------------------------------------------


def pbe_password(password: str) -> bytes | None:
    """The bytes SunJCE uses: printable ASCII only (otherwise Java refuses the password)."""
    if all(" " <= c <= "~" for c in password):
        return password.encode("ascii")
    return None


def pbe_derive(
    pwd: bytes, salt: bytes, iterations: int, kdf: Derivations | None = None
) -> tuple[bytes, bytes]:
    """SunJCE's PBES1 variant for 3DES: MD5 chains over each salt half → key (24), IV (8)."""
    out = (kdf or Derivations()).derive(Cost.sun_pbe(salt, iterations), pwd)
    return out[:24], out[24:]


def parse_pbe_params(
    params: memoryview | bytes | None, *, wrapped: bool = False
) -> tuple[bytes, int]:
    """PBEParameter (SEQUENCE {salt, iterations}, its content unless ``wrapped``) → values."""
    if params is None:
        raise CorruptData("A protected key in the file lacks its parameters.")
    element = bytes(params) if wrapped else seq(bytes(params))
    salt, count = (field.octets() for field in _fields(element, 0x04, 0x02))
    iterations = int.from_bytes(count, "big", signed=True) if len(count) <= 8 else -1
    if len(salt) != 8 or not 1 <= iterations <= MAX_ITERATIONS:
        raise CorruptData("A protected key in the file has invalid parameters.")
    return salt, iterations


def pbe_params_der(salt: bytes, iterations: int) -> bytes:
    return seq(octet_string(salt), integer(iterations))


def _cipher(
    pwd: bytes, salt: bytes, iterations: int, kdf: Derivations | None = None
) -> Cipher[modes.CBC]:
    key, iv = pbe_derive(pwd, salt, iterations, kdf)
    return Cipher(TripleDES(key), modes.CBC(iv))


def pbe_decrypt(
    data: bytes, password: str, salt: bytes, iterations: int, kdf: Derivations | None = None
) -> bytes | None:
    """Decrypt; None when the padding shows the password is wrong."""
    pwd = pbe_password(password)
    if pwd is None or not data or len(data) % 8:
        return None
    decryptor = _cipher(pwd, salt, iterations, kdf).decryptor()
    unpadder = padding.PKCS7(64).unpadder()
    try:
        plain = decryptor.update(data) + decryptor.finalize()
        return unpadder.update(plain) + unpadder.finalize()
    except ValueError:
        return None


def pbe_encrypt(plain: bytes, password: str, salt: bytes, iterations: int) -> bytes:
    pwd = pbe_password(password)
    if pwd is None:
        raise UsageError("A JCEKS password may contain printable ASCII characters only.")
    padder = padding.PKCS7(64).padder()
    encryptor = _cipher(pwd, salt, iterations).encryptor()
    padded = padder.update(plain) + padder.finalize()
    return encryptor.update(padded) + encryptor.finalize()


def jceks_protect(pkcs8: bytes, password: str, iterations: int = DEFAULT_ITERATIONS) -> bytes:
    """Encrypt a PKCS#8 key the JCEKS way; returns EncryptedPrivateKeyInfo DER."""
    salt = os.urandom(8)
    encrypted = pbe_encrypt(pkcs8, password, salt, iterations)
    return _epki(oid_tlv(PBE_MD5_3DES_OID) + pbe_params_der(salt, iterations), encrypted)


def key_cost(blob: bytes | memoryview) -> Cost | None:
    """What recovering a protected key costs (None: the cheap JKS protector, or malformed)."""
    try:
        oid, params, _ = parse_epki(blob)
        if oid != PBE_MD5_3DES_OID:
            return None
        return Cost.sun_pbe(*parse_pbe_params(params, wrapped=True))
    except CorruptData:
        return None  # recovering it raises the same error, at no cost


def plan(kdf: Derivations, costs: Iterable[Cost | None]) -> None:
    """Announce a file's PBEWithMD5AndTripleDES derivations (TooMuchWork over the budget)."""
    kdf.plan(c for c in costs if c is not None)


def recover_private_key(
    blob: bytes | memoryview, password: str, kdf: Derivations | None = None
) -> bytes | None:
    """PKCS#8 DER from either protector, or None when the password does not fit."""
    oid, params, data = parse_epki(blob)
    if oid == JKS_PROTECTOR_OID:
        return jks_recover(data, password)
    if oid == PBE_MD5_3DES_OID:
        salt, iterations = parse_pbe_params(params, wrapped=True)
        plain = pbe_decrypt(data, password, salt, iterations, kdf)
        return plain if plain is not None and is_sequence(plain) else None
    raise CorruptData(f"A key in the file is protected with an unknown algorithm ({oid}).")

"""Sun's proprietary key protectors: the JKS XOR/SHA-1 one and PBEWithMD5AndTripleDES.

Both wrap a PKCS#8 private key in an EncryptedPrivateKeyInfo. This module also
holds the few DER helpers those structures need. Recovery functions return
``None`` when the password does not fit and raise CorruptData on bad structure.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Iterator

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, modes

from keymon.core.errors import CorruptData, UsageError

JKS_PROTECTOR_OID = "1.3.6.1.4.1.42.2.17.1.1"
PBE_MD5_3DES_OID = "1.3.6.1.4.1.42.2.19.1"
PBE_MD5_3DES = "PBEWithMD5AndTripleDES"
MAX_ITERATIONS = 5_000_000  # the JDK's own limit for JCEKS
DEFAULT_ITERATIONS = 200_000  # what keytool 17 writes

_SEQUENCE, _OCTETS, _INTEGER, _OID, _NULL = 0x30, 0x04, 0x02, 0x06, 0x05
_DIGEST = 20


# --- DER -------------------------------------------------------------------------------


def der(tag: int, content: bytes) -> bytes:
    """One DER TLV."""
    n = len(content)
    if n < 0x80:
        return bytes([tag, n]) + content
    size = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(size)]) + size + content


def der_items(buf: memoryview) -> Iterator[tuple[int, memoryview]]:
    """The TLVs that fill ``buf`` exactly (single-byte tags, definite lengths)."""
    pos, end = 0, len(buf)
    while pos < end:
        if pos + 2 > end:
            raise CorruptData("A key in the file has a truncated structure.")
        tag, n = buf[pos], buf[pos + 1]
        pos += 2
        if n & 0x80:
            count = n & 0x7F
            if not 1 <= count <= 4 or pos + count > end:
                raise CorruptData("A key in the file has a malformed structure.")
            n = int.from_bytes(buf[pos : pos + count], "big")
            pos += count
        if pos + n > end:
            raise CorruptData("A key in the file has a truncated structure.")
        yield tag, buf[pos : pos + n]
        pos += n


def _expect(buf: memoryview, *tags: int) -> list[memoryview]:
    items = list(der_items(buf))
    if [tag for tag, _ in items] != list(tags):
        raise CorruptData("A key in the file has an unexpected structure.")
    return [value for _, value in items]


def _is_sequence(data: bytes) -> bool:
    """True when ``data`` is exactly one DER SEQUENCE (tells a real key from padding luck)."""
    try:
        items = list(der_items(memoryview(data)))
    except CorruptData:
        return False
    return len(items) == 1 and items[0][0] == _SEQUENCE


def encode_oid(dotted: str) -> bytes:
    parts = [int(p) for p in dotted.split(".")]
    out = bytearray()
    for arc in [parts[0] * 40 + parts[1], *parts[2:]]:
        chunk = [arc & 0x7F]
        while arc := arc >> 7:
            chunk.append(0x80 | (arc & 0x7F))
        out += bytes(reversed(chunk))
    return der(_OID, bytes(out))


def decode_oid(raw: bytes) -> str:
    arcs: list[int] = []
    value = 0
    for byte in raw:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            arcs.append(value)
            value = 0
    if not arcs or value:
        raise CorruptData("A key in the file names a malformed algorithm.")
    first = min(arcs[0] // 40, 2)
    return ".".join(str(a) for a in [first, arcs[0] - 40 * first, *arcs[1:]])


def _epki(algorithm: bytes, encrypted: bytes) -> bytes:
    return der(_SEQUENCE, der(_SEQUENCE, algorithm) + der(_OCTETS, encrypted))


def parse_epki(blob: bytes | memoryview) -> tuple[str, memoryview | None, bytes]:
    """EncryptedPrivateKeyInfo → (algorithm OID, parameters TLV content or None, data)."""
    (outer,) = _expect(memoryview(blob), _SEQUENCE)
    algorithm, data = _expect(outer, _SEQUENCE, _OCTETS)
    items = list(der_items(algorithm))
    if not items or items[0][0] != _OID:
        raise CorruptData("A key in the file has an unexpected structure.")
    params = items[1][1] if len(items) > 1 and items[1][0] == _SEQUENCE else None
    return decode_oid(bytes(items[0][1])), params, bytes(data)


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
    return _epki(encode_oid(JKS_PROTECTOR_OID) + der(_NULL, b""), encrypted)


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


def pbe_derive(pwd: bytes, salt: bytes, iterations: int) -> tuple[bytes, bytes]:
    """SunJCE's PBES1 variant for 3DES: MD5 chains over each salt half → key (24), IV (8)."""
    halves = [salt[:4], salt[4:]]
    if halves[0] == halves[1]:
        halves[0] = halves[0][::-1]
    out = b""
    for half in halves:
        digest = half
        for _ in range(iterations):
            digest = hashlib.md5(digest + pwd).digest()  # noqa: S324 - the JCEKS format
        out += digest
    return out[:24], out[24:]


def parse_pbe_params(
    params: memoryview | bytes | None, *, wrapped: bool = False
) -> tuple[bytes, int]:
    """PBEParameter (SEQUENCE {salt, iterations}, its content unless ``wrapped``) → values."""
    if params is not None and wrapped:
        (params,) = _expect(memoryview(params), _SEQUENCE)
    if params is None:
        raise CorruptData("A protected key in the file lacks its parameters.")
    salt, count = _expect(memoryview(params), _OCTETS, _INTEGER)
    iterations = int.from_bytes(count, "big", signed=True) if len(count) <= 8 else -1
    if len(salt) != 8 or not 1 <= iterations <= MAX_ITERATIONS:
        raise CorruptData("A protected key in the file has invalid parameters.")
    return bytes(salt), iterations


def pbe_params_der(salt: bytes, iterations: int) -> bytes:
    count = iterations.to_bytes((iterations.bit_length() + 8) // 8, "big")
    return der(_SEQUENCE, der(_OCTETS, salt) + der(_INTEGER, count))


def _cipher(pwd: bytes, salt: bytes, iterations: int) -> Cipher[modes.CBC]:
    key, iv = pbe_derive(pwd, salt, iterations)
    return Cipher(TripleDES(key), modes.CBC(iv))


def pbe_decrypt(data: bytes, password: str, salt: bytes, iterations: int) -> bytes | None:
    """Decrypt; None when the padding shows the password is wrong."""
    pwd = pbe_password(password)
    if pwd is None or not data or len(data) % 8:
        return None
    decryptor = _cipher(pwd, salt, iterations).decryptor()
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
    return _epki(encode_oid(PBE_MD5_3DES_OID) + pbe_params_der(salt, iterations), encrypted)


def recover_private_key(blob: bytes | memoryview, password: str) -> bytes | None:
    """PKCS#8 DER from either protector, or None when the password does not fit."""
    oid, params, data = parse_epki(blob)
    if oid == JKS_PROTECTOR_OID:
        return jks_recover(data, password)
    if oid == PBE_MD5_3DES_OID:
        plain = pbe_decrypt(data, password, *parse_pbe_params(params))
        return plain if plain is not None and _is_sequence(plain) else None
    raise CorruptData(f"A key in the file is protected with an unknown algorithm ({oid}).")

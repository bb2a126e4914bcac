"""Password-based protection for PKCS#12 (RFC 7292); the BER/DER codec is :mod:`.der`.

The KDF of RFC 7292 appendix B (BMPString passwords), its ciphers (3DES, RC2, RC4),
PBES2 with PBKDF2 (RFC 8018) and the PKCS#12 MAC. RC2 with a 40-bit key is not offered
by ``cryptography``, so a small RC2 (RFC 2268) lives here.

Passwords are passed as a ``Secret``: the text, or ``None`` for OpenSSL's *absent*
password (an empty byte string for the KDF rather than the two zero bytes of "").
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4, RC2, TripleDES
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import BlockCipherAlgorithm, Cipher, modes
from cryptography.hazmat.primitives.ciphers.algorithms import AES
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from keymon.core.errors import UnsupportedFormat
from keymon.core.formats.der import (
    NULL,
    Der,
    damaged,
    integer,
    octet_string,
    oid,
    oid_text,
    oid_tlv,
    seq,
)

Secret = str | None
MAX_ITERATIONS = 10_000_000

# ---------------------------------------------------------------------------- OIDs

PBES2 = oid("1.2.840.113549.1.5.13")
PBKDF2 = oid("1.2.840.113549.1.5.12")
_PKCS12_PBE = "1.2.840.113549.1.12.1."
_PRFS = {oid(f"1.2.840.113549.2.{n}"): h for n, h in ((7, "sha1"), (8, "sha224"), (9, "sha256"))}
_PRFS |= {oid(f"1.2.840.113549.2.{n}"): h for n, h in ((10, "sha384"), (11, "sha512"))}
_DIGESTS = {oid("1.3.14.3.2.26"): "sha1"}
_DIGESTS |= {
    oid(f"2.16.840.1.101.3.4.2.{n}"): h
    for n, h in ((1, "sha256"), (2, "sha384"), (3, "sha512"), (4, "sha224"))
}
_DIGEST_OIDS = {"sha1": "1.3.14.3.2.26", "sha256": "2.16.840.1.101.3.4.2.1"}
_HASH_CLASSES: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "sha1": hashes.SHA1,
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}
# PBES2 ciphers: OID → (cipher, key length)
_PBES2_CIPHERS = {
    oid("2.16.840.1.101.3.4.1.2"): ("aes", 16),
    oid("2.16.840.1.101.3.4.1.22"): ("aes", 24),
    oid("2.16.840.1.101.3.4.1.42"): ("aes", 32),
    oid("1.2.840.113549.3.7"): ("3des", 24),
}
# PKCS#12 PBE: last arc → (cipher, key length)
_PKCS12_CIPHERS = {
    1: ("rc4", 16),
    2: ("rc4", 5),
    3: ("3des", 24),
    4: ("3des", 16),
    5: ("rc2", 16),
    6: ("rc2", 5),
}

# ---------------------------------------------------------------------------- passwords, KDF


def bmp_password(secret: Secret) -> bytes:
    """RFC 7292: BMPString with a two-byte terminator; an absent password is empty."""
    return b"" if secret is None else secret.encode("utf-16-be") + b"\x00\x00"


def utf8_password(secret: Secret) -> bytes:
    return (secret or "").encode("utf-8")


def _check_iterations(count: int) -> int:
    if count < 1 or count > MAX_ITERATIONS:
        raise damaged(f"an iteration count of {count} is out of range")
    return count


def pkcs12_kdf(
    hash_name: str, password: bytes, salt: bytes, purpose: int, iterations: int, length: int
) -> bytes:
    """RFC 7292 appendix B.2: purpose 1 = key, 2 = IV, 3 = MAC key."""
    _check_iterations(iterations)
    new = getattr(hashlib, hash_name)
    v: int = new().block_size
    u: int = new().digest_size

    def stretch(data: bytes) -> bytes:
        size = v * -(-len(data) // v)
        return (data * (size // max(len(data), 1) + 1))[:size]

    i_block = bytearray(stretch(salt) + stretch(password))
    d_block = bytes([purpose]) * v
    mask = (1 << (8 * v)) - 1
    out = b""
    while len(out) < length:
        a = new(d_block + i_block).digest()
        for _ in range(iterations - 1):
            a = new(a).digest()
        out += a
        b = int.from_bytes((a * (v // u + 1))[:v], "big") + 1
        for j in range(0, len(i_block), v):
            value = (int.from_bytes(i_block[j : j + v], "big") + b) & mask
            i_block[j : j + v] = value.to_bytes(v, "big")
    return out[:length]


# ---------------------------------------------------------------------------- ciphers


class DecryptError(Exception):
    """Decryption failed (bad padding or length): usually the wrong password."""


def _unpad(data: bytes, block: int) -> bytes:
    if not data or len(data) % block:
        raise DecryptError("length")
    n = data[-1]
    if not 1 <= n <= block or data[-n:] != bytes([n]) * n:
        raise DecryptError("padding")
    return data[:-n]


def _pad(data: bytes, block: int) -> bytes:
    n = block - len(data) % block
    return data + bytes([n]) * n


def _block_cipher(name: str, key: bytes) -> BlockCipherAlgorithm:
    if name == "aes":
        return AES(key)
    if name == "3des":
        return TripleDES(key + key[:8] if len(key) == 16 else key)  # 2-key: K3 = K1
    return RC2(key)


def _cbc(name: str, key: bytes, iv: bytes, data: bytes, *, decrypt: bool) -> bytes:
    if name == "rc2" and len(key) != 16:
        return _rc2_cbc(key, iv, data, decrypt=decrypt)
    cipher = Cipher(_block_cipher(name, key), modes.CBC(iv))
    op = cipher.decryptor() if decrypt else cipher.encryptor()
    return op.update(data) + op.finalize()


def _crypt(name: str, key: bytes, iv: bytes, data: bytes, *, decrypt: bool) -> bytes:
    if name == "rc4":
        op = Cipher(ARC4(key), mode=None).decryptor()
        return op.update(data) + op.finalize()
    block = len(iv)
    if not decrypt:
        return _cbc(name, key, iv, _pad(data, block), decrypt=False)
    if not data or len(data) % block:
        raise DecryptError("length")
    return _unpad(_cbc(name, key, iv, data, decrypt=True), block)


# RC2 (RFC 2268): PITABLE from section 2 of the RFC.
_PITABLE = bytes.fromhex(
    "d978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2"
    "179a59f587b34f1361456d8d09817d32bd8f40eb86b77b0bf09521225c6b4e82"
    "54d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626"
    "6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed7"
    "08e8eade8052eef784aa72ac354d6a2a961ad2715a1549744b9fd05e0418a4ec"
    "c2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731"
    "2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a9"
    "0d38341bab33ffb0bb480c5fb9b1cd2ec5f3db47e5a59c770aa62068fe7fc1ad"
)


_RC2_SHIFTS = (1, 2, 3, 5)


def _rc2_schedule(key: bytes, bits: int) -> list[int]:
    t = len(key)
    expanded = bytearray(key) + bytearray(128 - t)
    for i in range(t, 128):
        expanded[i] = _PITABLE[(expanded[i - 1] + expanded[i - t]) & 0xFF]
    t8 = (bits + 7) // 8
    tm = 0xFF >> (8 * t8 - bits)
    expanded[128 - t8] = _PITABLE[expanded[128 - t8] & tm]
    for i in range(127 - t8, -1, -1):
        expanded[i] = _PITABLE[expanded[i + 1] ^ expanded[i + t8]]
    return [expanded[2 * i] | expanded[2 * i + 1] << 8 for i in range(64)]


def _rc2_block(k: list[int], block: bytes, *, decrypt: bool) -> bytes:
    """One RC2 block: 5 mixing rounds, a mash, 6 mixing rounds, a mash, 5 mixing rounds."""
    r = [block[i] | block[i + 1] << 8 for i in (0, 2, 4, 6)]
    rounds = (5, 0, 6, 0, 5)  # 0 = mash
    if decrypt:
        j = 63
        for count in rounds:
            if not count:
                for i in (3, 2, 1, 0):
                    r[i] = (r[i] - k[r[i - 1] & 63]) & 0xFFFF
            for _ in range(count):
                for i in (3, 2, 1, 0):
                    s = _RC2_SHIFTS[i]
                    x = ((r[i] >> s) | (r[i] << (16 - s))) & 0xFFFF
                    r[i] = (x - k[j] - (r[i - 1] & r[i - 2]) - (~r[i - 1] & r[i - 3])) & 0xFFFF
                    j -= 1
    else:
        j = 0
        for count in rounds:
            if not count:
                for i in (0, 1, 2, 3):
                    r[i] = (r[i] + k[r[i - 1] & 63]) & 0xFFFF
            for _ in range(count):
                for i in (0, 1, 2, 3):
                    s = _RC2_SHIFTS[i]
                    x = (r[i] + k[j] + (r[i - 1] & r[i - 2]) + (~r[i - 1] & r[i - 3])) & 0xFFFF
                    r[i] = ((x << s) | (x >> (16 - s))) & 0xFFFF
                    j += 1
    return b"".join(w.to_bytes(2, "little") for w in r)


def _rc2_cbc(key: bytes, iv: bytes, data: bytes, *, decrypt: bool) -> bytes:
    """RC2-CBC with effective key bits = key length (PKCS#12's RC2-40), in pure Python."""
    k = _rc2_schedule(key, 8 * len(key))
    out, prev = bytearray(), iv
    for pos in range(0, len(data), 8):
        block = data[pos : pos + 8]
        if decrypt:
            plain = _rc2_block(k, block, decrypt=True)
            out += bytes(a ^ b for a, b in zip(plain, prev, strict=True))
            prev = block
        else:
            prev = _rc2_block(
                k, bytes(a ^ b for a, b in zip(block, prev, strict=True)), decrypt=False
            )
            out += prev
    return bytes(out)


# ---------------------------------------------------------------------------- schemes


def _pbkdf2(prf: str, password: bytes, salt: bytes, iterations: int, length: int) -> bytes:
    kdf = PBKDF2HMAC(_HASH_CLASSES[prf](), length, salt, _check_iterations(iterations))
    return kdf.derive(password)


@dataclass(frozen=True)
class Pbes2:
    """PBES2 with PBKDF2 (RFC 8018): password as UTF-8."""

    prf: str
    salt: bytes
    iterations: int
    cipher: str
    key_length: int
    iv: bytes

    def decrypt(self, data: bytes, secret: Secret) -> bytes:
        key = _pbkdf2(self.prf, utf8_password(secret), self.salt, self.iterations, self.key_length)
        return _crypt(self.cipher, key, self.iv, data, decrypt=True)


@dataclass(frozen=True)
class Pkcs12Pbe:
    """The PKCS#12 PBE ciphers: SHA-1 KDF of appendix B, password as BMPString."""

    cipher: str
    key_length: int
    salt: bytes
    iterations: int

    def _key_iv(self, secret: Secret) -> tuple[bytes, bytes]:
        pw = bmp_password(secret)
        key = pkcs12_kdf("sha1", pw, self.salt, 1, self.iterations, self.key_length)
        iv = (
            b""
            if self.cipher == "rc4"
            else pkcs12_kdf("sha1", pw, self.salt, 2, self.iterations, 8)
        )
        return key, iv

    def decrypt(self, data: bytes, secret: Secret) -> bytes:
        key, iv = self._key_iv(secret)
        return _crypt(self.cipher, key, iv, data, decrypt=True)

    def encrypt(self, data: bytes, secret: Secret) -> bytes:
        key, iv = self._key_iv(secret)
        return _crypt(self.cipher, key, iv, data, decrypt=False)


Scheme = Pbes2 | Pkcs12Pbe


def parse_scheme(algorithm: Der) -> Scheme:
    """The encryption scheme of an AlgorithmIdentifier (EncryptedPrivateKeyInfo, EncryptedData)."""
    parts = algorithm.expect(0x30, "an encryption algorithm").children()
    if not parts:
        raise damaged("an encryption algorithm is empty")
    algo = parts[0].oid()
    params = parts[1] if len(parts) > 1 else None
    if algo == PBES2 and params is not None:
        return _parse_pbes2(params)
    dotted = oid_text(algo)
    if dotted.startswith(_PKCS12_PBE) and params is not None:
        arc = int(dotted.rsplit(".", 1)[1])
        if arc in _PKCS12_CIPHERS:
            salt, count = params.expect(0x30, "PBE parameters").children()[:2]
            cipher, length = _PKCS12_CIPHERS[arc]
            return Pkcs12Pbe(cipher, length, salt.string("a salt"), count.integer())
    raise UnsupportedFormat(f"The keystore is encrypted with an unsupported scheme ({dotted}).")


def _parse_pbes2(params: Der) -> Pbes2:
    kdf, enc = params.expect(0x30, "PBES2 parameters").children()[:2]
    kdf_parts = kdf.expect(0x30, "a key derivation").children()
    if kdf_parts[0].oid() != PBKDF2:
        raise UnsupportedFormat(
            f"The keystore uses an unsupported key derivation ({oid_text(kdf_parts[0].oid())})."
        )
    fields = kdf_parts[1].expect(0x30, "PBKDF2 parameters").children()
    salt = fields[0].string("a PBKDF2 salt")
    count = fields[1].integer()
    key_length, prf = None, "sha1"
    for extra in fields[2:]:
        if extra.tag == 0x02:
            key_length = extra.integer()
        else:
            prf_oid = extra.expect(0x30, "a PBKDF2 PRF").children()[0].oid()
            if prf_oid not in _PRFS:
                raise UnsupportedFormat(
                    f"The keystore uses an unsupported PRF ({oid_text(prf_oid)})."
                )
            prf = _PRFS[prf_oid]
    enc_parts = enc.expect(0x30, "a cipher").children()
    cipher_oid = enc_parts[0].oid()
    if cipher_oid not in _PBES2_CIPHERS or len(enc_parts) < 2:
        raise UnsupportedFormat(
            f"The keystore uses an unsupported cipher ({oid_text(cipher_oid)})."
        )
    cipher, length = _PBES2_CIPHERS[cipher_oid]
    iv = enc_parts[1].string("an IV")
    if (key_length not in (None, length)) or len(iv) != (16 if cipher == "aes" else 8):
        raise damaged("the cipher parameters do not fit the cipher")
    return Pbes2(prf, salt, count, cipher, length, iv)


def encrypt_pbes2(data: bytes, secret: Secret, iterations: int) -> tuple[bytes, bytes]:
    """PBES2: PBKDF2-HMAC-SHA256, 16-byte salt, AES-256-CBC. Returns (AlgorithmIdentifier, ct)."""
    salt, iv = os.urandom(16), os.urandom(16)
    key = _pbkdf2("sha256", utf8_password(secret), salt, iterations, 32)
    kdf = seq(
        oid_tlv("1.2.840.113549.1.5.12"),
        seq(
            octet_string(salt),
            integer(iterations),
            integer(32),
            seq(oid_tlv("1.2.840.113549.2.9"), NULL),
        ),
    )
    algorithm = seq(
        oid_tlv("1.2.840.113549.1.5.13"),
        seq(kdf, seq(oid_tlv("2.16.840.1.101.3.4.1.42"), octet_string(iv))),
    )
    return algorithm, _crypt("aes", key, iv, data, decrypt=False)


def encrypt_3des(data: bytes, secret: Secret, iterations: int) -> tuple[bytes, bytes]:
    """pbeWithSHAAnd3-KeyTripleDES-CBC with an 8-byte salt. Returns (AlgorithmIdentifier, ct)."""
    scheme = Pkcs12Pbe("3des", 24, os.urandom(8), iterations)
    algorithm = seq(oid_tlv(_PKCS12_PBE + "3"), seq(octet_string(scheme.salt), integer(iterations)))
    return algorithm, scheme.encrypt(data, secret)


# ---------------------------------------------------------------------------- MAC


@dataclass(frozen=True)
class Mac:
    """MacData: HMAC over the authenticated safe with a key from the PKCS#12 KDF (ID 3)."""

    hash_name: str
    digest: bytes
    salt: bytes
    iterations: int

    @classmethod
    def parse(cls, mac_data: Der) -> Mac:
        parts = mac_data.expect(0x30, "the integrity data").children()
        digest_info = parts[0].expect(0x30, "the integrity digest").children()
        algo = digest_info[0].expect(0x30, "the integrity algorithm").children()[0].oid()
        if algo not in _DIGESTS:
            raise UnsupportedFormat(
                f"The keystore's integrity check uses an unsupported algorithm ({oid_text(algo)})."
            )
        digest = digest_info[1].string("the integrity digest")
        salt = parts[1].string("the integrity salt")
        count = parts[2].integer() if len(parts) > 2 else 1
        return cls(_DIGESTS[algo], digest, salt, _check_iterations(count))

    def verifies(self, content: bytes, secret: Secret) -> bool:
        expected = compute_mac(self.hash_name, content, secret, self.salt, self.iterations)
        return hmac.compare_digest(expected, self.digest)


def compute_mac(
    hash_name: str, content: bytes, secret: Secret, salt: bytes, iterations: int
) -> bytes:
    size = getattr(hashlib, hash_name)().digest_size
    key = pkcs12_kdf(hash_name, bmp_password(secret), salt, 3, iterations, size)
    return hmac.new(key, content, hash_name).digest()


def mac_data(
    content: bytes, secret: Secret, *, hash_name: str, iterations: int, salt_length: int
) -> bytes:
    """DER MacData for ``content`` (the authenticated safe's octets)."""
    salt = os.urandom(salt_length)
    digest = compute_mac(hash_name, content, secret, salt, iterations)
    algorithm = seq(oid_tlv(_DIGEST_OIDS[hash_name]), NULL)
    return seq(seq(algorithm, octet_string(digest)), octet_string(salt), integer(iterations))

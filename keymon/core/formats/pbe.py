"""Password-based protection for PKCS#12 (RFC 7292); the BER/DER codec is :mod:`.der`.

The ciphers of RFC 7292 (3DES, RC2, RC4, keys from the KDF of appendix B with BMPString
passwords), PBES2 with PBKDF2 (RFC 8018) and the PKCS#12 MAC. Every key comes from a
:class:`~.kdf.Derivations` (bounded, cached, cancellable); without one, a fresh one is used.
RC2 with a 40-bit key lives in :mod:`.rc2`; PBMAC1 (RFC 9579) in :mod:`.pbmac1`.

Passwords are passed as a ``Secret``: the text, or ``None`` for OpenSSL's *absent*
password (an empty byte string for the KDF rather than the two zero bytes of "").
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4, RC2, TripleDES
from cryptography.hazmat.primitives.ciphers import BlockCipherAlgorithm, Cipher, modes
from cryptography.hazmat.primitives.ciphers.algorithms import AES

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
from keymon.core.formats.kdf import MAX_ITERATIONS, Cost, Derivations, check_iterations
from keymon.core.formats.rc2 import rc2_block as _rc2_block
from keymon.core.formats.rc2 import rc2_cbc
from keymon.core.formats.rc2 import rc2_cbc as _rc2_cbc
from keymon.core.formats.rc2 import rc2_schedule as _rc2_schedule

__all__ = ["MAX_ITERATIONS", "Derivations"]
_RC2_FOR_TESTS = (_rc2_block, _rc2_cbc, _rc2_schedule)  # tests read them as pbe._rc2_*

Secret = str | None

# ---------------------------------------------------------------------------- OIDs

PBES2 = oid("1.2.840.113549.1.5.13")
PBKDF2 = oid("1.2.840.113549.1.5.12")
_PKCS12_PBE = "1.2.840.113549.1.12.1."
HMAC_OIDS = {
    oid(f"1.2.840.113549.2.{n}"): h for n, h in ((7, "sha1"), (8, "sha224"), (9, "sha256"))
}
HMAC_OIDS |= {oid(f"1.2.840.113549.2.{n}"): h for n, h in ((10, "sha384"), (11, "sha512"))}
_DIGESTS = {oid("1.3.14.3.2.26"): "sha1"}
_DIGESTS |= {
    oid(f"2.16.840.1.101.3.4.2.{n}"): h
    for n, h in ((1, "sha256"), (2, "sha384"), (3, "sha512"), (4, "sha224"))
}
_DIGEST_OIDS = {"sha1": "1.3.14.3.2.26", "sha256": "2.16.840.1.101.3.4.2.1"}
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


def latin1_password(secret: Secret) -> bytes | None:
    """The password as ISO-8859-1 bytes (JSafe's PBES2), or None when that is UTF-8 anyway."""
    text = secret or ""
    if text.isascii():
        return None
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None


def pkcs12_kdf(
    hash_name: str, password: bytes, salt: bytes, purpose: int, iterations: int, length: int
) -> bytes:
    """RFC 7292 appendix B.2: purpose 1 = key, 2 = IV, 3 = MAC key (one-off, unbounded)."""
    return Derivations().pkcs12(hash_name, password, salt, purpose, iterations, length)


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
        return rc2_cbc(key, iv, data, decrypt=decrypt)
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


# ---------------------------------------------------------------------------- schemes


@dataclass(frozen=True)
class Pbes2:
    """PBES2 with PBKDF2 (RFC 8018): password as UTF-8 (``password`` overrides the bytes)."""

    prf: str
    salt: bytes
    iterations: int
    cipher: str
    key_length: int
    iv: bytes

    @property
    def costs(self) -> tuple[Cost, ...]:
        return (Cost("pbkdf2", self.prf, self.salt, self.iterations, self.key_length),)

    def decrypt(
        self,
        data: bytes,
        secret: Secret,
        kdf: Derivations | None = None,
        *,
        password: bytes | None = None,
    ) -> bytes:
        raw = utf8_password(secret) if password is None else password
        (cost,) = self.costs
        key = (kdf or Derivations()).derive(cost, raw)
        return _crypt(self.cipher, key, self.iv, data, decrypt=True)


@dataclass(frozen=True)
class Pkcs12Pbe:
    """The PKCS#12 PBE ciphers: SHA-1 KDF of appendix B, password as BMPString."""

    cipher: str
    key_length: int
    salt: bytes
    iterations: int

    @property
    def costs(self) -> tuple[Cost, ...]:
        key = Cost("pkcs12", "sha1", self.salt, self.iterations, self.key_length, 1)
        if self.cipher == "rc4":
            return (key,)
        return key, Cost("pkcs12", "sha1", self.salt, self.iterations, 8, 2)

    def _key_iv(self, secret: Secret, kdf: Derivations | None) -> tuple[bytes, bytes]:
        kdf = kdf or Derivations()
        pw = bmp_password(secret)
        key, *iv = (kdf.derive(cost, pw) for cost in self.costs)
        return key, iv[0] if iv else b""

    def decrypt(
        self,
        data: bytes,
        secret: Secret,
        kdf: Derivations | None = None,
        *,
        password: bytes | None = None,
    ) -> bytes:
        key, iv = self._key_iv(secret, kdf)
        return _crypt(self.cipher, key, iv, data, decrypt=True)

    def encrypt(self, data: bytes, secret: Secret) -> bytes:
        key, iv = self._key_iv(secret, None)
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
            if prf_oid not in HMAC_OIDS:
                raise UnsupportedFormat(
                    f"The keystore uses an unsupported PRF ({oid_text(prf_oid)})."
                )
            prf = HMAC_OIDS[prf_oid]
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
    key = Derivations().pbkdf2("sha256", utf8_password(secret), salt, iterations, 32)
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
        return cls(_DIGESTS[algo], digest, salt, check_iterations(count))

    @property
    def costs(self) -> tuple[Cost, ...]:
        size = hashlib.new(self.hash_name).digest_size
        return (Cost("pkcs12", self.hash_name, self.salt, self.iterations, size, 3),)

    def verifies(self, content: bytes, secret: Secret, kdf: Derivations | None = None) -> bool:
        expected = compute_mac(self.hash_name, content, secret, self.salt, self.iterations, kdf)
        return hmac.compare_digest(expected, self.digest)


def compute_mac(
    hash_name: str,
    content: bytes,
    secret: Secret,
    salt: bytes,
    iterations: int,
    kdf: Derivations | None = None,
) -> bytes:
    size = hashlib.new(hash_name).digest_size
    key = (kdf or Derivations()).pkcs12(hash_name, bmp_password(secret), salt, 3, iterations, size)
    return hmac.new(key, content, hash_name).digest()


def mac_data(
    content: bytes, secret: Secret, *, hash_name: str, iterations: int, salt_length: int
) -> bytes:
    """DER MacData for ``content`` (the authenticated safe's octets)."""
    salt = os.urandom(salt_length)
    digest = compute_mac(hash_name, content, secret, salt, iterations)
    algorithm = seq(oid_tlv(_DIGEST_OIDS[hash_name]), NULL)
    return seq(seq(algorithm, octet_string(digest)), octet_string(salt), integer(iterations))

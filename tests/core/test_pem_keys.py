"""Private keys in PEM files: the cheap RSA check and the key-derivation budget (issue 10).

* cryptography's RSA check tests the primes (~36 ms per 2048-bit key); PEM keys now skip it
  like PKCS#12 keys do and get keycheck's arithmetic check instead. A key whose "prime" is
  composite but whose numbers agree shows which check ran without timing anything.
* Encrypted PKCS#8 keys name their own PBKDF2 counts: a file's total is planned against the
  PBKDF2 budget before cryptography decrypts any of them.
"""

from __future__ import annotations

import base64
import math
import os
import subprocess
from pathlib import Path

import pytest
from asn1crypto.keys import RSAPrivateKey
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from keymon.core.errors import CorruptData, UnsupportedFormat, WrongPassword
from keymon.core.formats import kdf, pem, pem_keys
from keymon.core.formats.der import NULL, integer, octet_string, oid_tlv, seq
from tests.factory import ec_key, rsa_key


def _pem(label: str, der: bytes) -> bytes:
    body = base64.encodebytes(der)
    return f"-----BEGIN {label}-----\n".encode() + body + f"-----END {label}-----\n".encode()


def _prime() -> int:
    """A 512-bit prime (a crafted key is made of them; its size does not matter)."""
    return rsa.generate_private_key(65537, 1024).private_numbers().p  # noqa: S505


def rsa_pem(*, composite: bool = False, damaged: bool = False) -> bytes:
    """A PKCS#1 RSA key: ``composite`` makes p a product of two primes (numbers agree),
    ``damaged`` makes its first CRT exponent wrong."""
    primes = [_prime() for _ in range(3)]
    p, q, e = (primes[0] * primes[1], primes[2], 65537) if composite else (*primes[:2], 65537)
    d = pow(e, -1, (p - 1) * (q - 1) // math.gcd(p - 1, q - 1))
    fields = {
        "version": 0,
        "modulus": p * q,
        "public_exponent": e,
        "private_exponent": d,
        "prime1": p,
        "prime2": q,
        "exponent1": d % (p - 1) + (2 if damaged else 0),
        "exponent2": d % (q - 1),
        "coefficient": pow(q, -1, p),
    }
    return _pem("RSA PRIVATE KEY", RSAPrivateKey(fields).dump())


def test_rsa_keys_skip_the_primality_test() -> None:
    data = rsa_pem(composite=True)
    with pytest.raises(ValueError, match="Invalid private key"):  # cryptography's full check
        serialization.load_pem_private_key(data, None)
    (key,), _ = pem.load_loose(data, None)
    assert isinstance(key.key, rsa.RSAPrivateKey)


def test_rsa_keys_whose_numbers_disagree_are_still_refused() -> None:
    with pytest.raises(CorruptData, match="its RSA numbers do not agree"):
        pem.load_loose(rsa_pem(damaged=True), None)


def test_a_real_rsa_key_signs_after_the_cheap_check() -> None:
    source = rsa_key(2048)
    data = source.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    (key,), _ = pem.load_loose(data, None)
    assert isinstance(key.key, rsa.RSAPrivateKey)
    assert key.key.private_numbers() == source.private_numbers()


PBES2, PBKDF2 = "1.2.840.113549.1.5.13", "1.2.840.113549.1.5.12"
HMAC_SHA256, AES256_CBC = "1.2.840.113549.2.9", "2.16.840.1.101.3.4.1.42"


def encrypted_pkcs8(iterations: int) -> bytes:
    """An ENCRYPTED PRIVATE KEY block asking for ``iterations`` (its ciphertext is noise:
    the budget refuses it before anything is decrypted)."""
    kdf_params = seq(
        octet_string(os.urandom(16)), integer(iterations), seq(oid_tlv(HMAC_SHA256), NULL)
    )
    scheme = seq(
        seq(oid_tlv(PBKDF2), kdf_params), seq(oid_tlv(AES256_CBC), octet_string(bytes(16)))
    )
    epki = seq(seq(oid_tlv(PBES2), scheme), octet_string(os.urandom(64)))
    return _pem("ENCRYPTED PRIVATE KEY", epki)


def test_encrypted_pkcs8_keys_share_the_pbkdf2_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"".join(encrypted_pkcs8(10_000_000) for _ in range(6))
    decrypted: list[bytes] = []
    real = serialization.load_pem_private_key

    def spy(block: bytes, *args: object, **kwargs: object) -> object:
        decrypted.append(block)
        return real(block, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pem_keys.serialization, "load_pem_private_key", spy)
    with pytest.raises(kdf.TooMuchWork) as caught:
        pem.load(data, "pw")
    assert str(caught.value) == (
        "This file asks for 60,000,000 key-derivation iterations; keymon stops at 50,000,000"
        " so a hostile file cannot hang it."
    )
    assert isinstance(caught.value, UnsupportedFormat)  # exit code 4
    assert decrypted == []


def test_encrypted_pkcs8_keys_within_the_budget_open() -> None:
    key = ec_key(5)
    data = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"pw"),
    )
    assert pem_keys.key_costs(data)[0].kind == "pbkdf2"
    (loaded,), _ = pem.load_loose(data, "pw")
    assert loaded.key.public_key() == key.public_key()


def test_costs_of_damaged_or_foreign_blocks_are_left_to_cryptography() -> None:
    assert pem_keys.key_costs(_pem("ENCRYPTED PRIVATE KEY", b"\x30\x00")) == []
    assert pem_keys.key_costs(_pem("ENCRYPTED PRIVATE KEY", b"not der")) == []
    assert pem_keys.key_costs(b"-----BEGIN ENCRYPTED PRIVATE KEY-----\n!!\n") == []
    assert pem_keys.key_costs(rsa_pem()) == []


SCRYPT = "1.3.6.1.4.1.11591.4.11"


def scrypt_pkcs8(n: int, r: int = 8, p: int = 1) -> bytes:
    """An ENCRYPTED PRIVATE KEY block with PBES2 + scrypt (noise for a ciphertext)."""
    params = seq(octet_string(os.urandom(16)), integer(n), integer(r), integer(p))
    scheme = seq(seq(oid_tlv(SCRYPT), params), seq(oid_tlv(AES256_CBC), octet_string(bytes(16))))
    epki = seq(seq(oid_tlv(PBES2), scheme), octet_string(os.urandom(64)))
    return _pem("ENCRYPTED PRIVATE KEY", epki)


def test_scrypt_asking_for_a_gigabyte_is_refused_before_cryptography_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """N = 2**20, r = 8: 1 GiB and ~6 s in cryptography per key (measured here)."""
    called: list[bytes] = []
    monkeypatch.setattr(pem_keys.serialization, "load_pem_private_key", called.append)
    with pytest.raises(kdf.TooMuchWork) as caught:
        pem.load(scrypt_pkcs8(2**20), "pw")
    assert str(caught.value) == (
        "A private key in this file asks scrypt for 1,024 MiB of memory; keymon allows 256 MiB"
        " so a hostile file cannot exhaust it."
    )
    with pytest.raises(kdf.TooMuchWork, match="asks for 26,214,400 units of scrypt work"):
        pem.load(b"".join(scrypt_pkcs8(2**14) for _ in range(200)), "pw")  # openssl's N, r
    assert called == []


def test_scrypt_keys_of_openssls_default_cost_are_left_to_cryptography() -> None:
    assert pem_keys.scrypt_cost(scrypt_pkcs8(2**14)) == (16 * 2**20, 2**17)
    with pytest.raises(WrongPassword):  # the noise does not decrypt: cryptography ran
        pem.load(scrypt_pkcs8(2**14), "pw")


@pytest.mark.interop
def test_an_openssl_scrypt_key_opens(openssl: str, tmp_path: Path) -> None:
    key = ec_key(6)
    plain = tmp_path / "plain.pem"
    plain.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    args = ["pkcs8", "-topk8", "-scrypt", "-in", str(plain), "-passout", "pass:pw"]
    data = subprocess.run([openssl, *args], check=True, capture_output=True).stdout
    assert pem_keys.scrypt_cost(data) is not None
    (loaded,), _ = pem.load_loose(data, "pw")
    assert loaded.key.public_key() == key.public_key()

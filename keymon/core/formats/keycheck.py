"""A cheap consistency check of a private key read from a file.

``cryptography`` checks an RSA key when it loads one, primality tests included: ~36 ms
for a 2048-bit key, 6 s for a file of 1,000 keys. Keys are loaded with that check skipped
(``unsafe_skip_rsa_key_validation``) and checked here instead: the CRT arithmetic that a
damaged key fails (p·q = n, d·e ≡ 1, the CRT exponents and coefficient), in microseconds.
A key that passes signs correctly; only a key crafted with composite factors could pass,
and whoever crafts the key can choose any key anyway.
"""

from __future__ import annotations

import math

from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from keymon.core.errors import CorruptData


def check_private_key(key: PrivateKeyTypes, label: str = "A private key") -> None:
    """Raise CorruptData when an RSA key's numbers do not fit together (other keys pass)."""
    if not isinstance(key, rsa.RSAPrivateKey):
        return  # EC and EdDSA keys: cryptography derives or checks the public point
    if not rsa_numbers_consistent(key.private_numbers()):
        raise CorruptData(f"{label} in the keystore is damaged: its RSA numbers do not agree.")


def rsa_numbers_consistent(numbers: rsa.RSAPrivateNumbers) -> bool:
    """True when the RSA private numbers are mutually consistent (no primality test)."""
    p, q, d = numbers.p, numbers.q, numbers.d
    n, e = numbers.public_numbers.n, numbers.public_numbers.e
    if min(p, q, d, e) < 2 or p * q != n or not 1 < e < n:
        return False
    lcm = (p - 1) * (q - 1) // math.gcd(p - 1, q - 1)
    return (
        d * e % lcm == 1
        and numbers.dmp1 == d % (p - 1)
        and numbers.dmq1 == d % (q - 1)
        and numbers.iqmp * q % p == 1
    )

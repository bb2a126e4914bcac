"""Private keys in PEM blocks, checked before cryptography sees them.

* Legacy OpenSSL encryption (``Proc-Type: 4,ENCRYPTED`` + ``DEK-Info: CIPHER,IV``): the
  cipher must be one cryptography decrypts and the IV hex of exactly its block size. An IV
  of the wrong size makes cryptography 50 panic (a Rust assertion, which Python sees as a
  BaseException) instead of raising ValueError.
* Encrypted PKCS#8 (``ENCRYPTED PRIVATE KEY``): the key derivations of all of a file's
  keys are announced to one :class:`~.kdf.Derivations` first, so a file asking for more
  PBKDF2 (or PKCS#12 KDF) work than the budget is refused before any is done; scrypt
  (which cryptography runs natively) has a memory cap per key and a work budget per file.
* RSA keys are loaded without cryptography's primality tests (~36 ms per 2048-bit key) and
  checked with :func:`~.keycheck.check_private_key` (microseconds) before they are used.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from keymon.core.errors import (
    CorruptData,
    KeymonError,
    PasswordRequired,
    UnsupportedFormat,
    WrongPassword,
)
from keymon.core.formats import der
from keymon.core.formats.kdf import Cost, Derivations, TooMuchWork
from keymon.core.formats.keycheck import check_private_key
from keymon.core.formats.pbe import PBES2, parse_scheme

LEGACY_CIPHERS = {"AES-128-CBC": 16, "AES-256-CBC": 16, "DES-EDE3-CBC": 8}
"""The legacy PEM ciphers cryptography decrypts, with their IV (block) sizes."""
_HEX = set(b"0123456789abcdefABCDEF")
_SCRYPT = der.oid("1.3.6.1.4.1.11591.4.11")
SCRYPT_MAX_MEMORY = 256 * 2**20
"""Most memory (128·r·N bytes) one scrypt derivation may ask for: openssl writes 16 MiB."""
SCRYPT_BUDGET = 2**24
"""Most scrypt work (N·r·p summed over a file's keys): ~12 s here; openssl's keys are 2**17."""


def _headers(block: bytes) -> list[tuple[bytes, bytes]]:
    """(lower-case name, value) of every ``Name: value`` line (base64 holds no colon)."""
    found = []
    for line in block.split(b"\n"):
        name, colon, value = line.partition(b":")
        if colon and not line.startswith(b"-----"):
            found.append((name.strip().lower(), value.strip()))
    return found


def check_legacy_headers(block: bytes) -> None:
    """Refuse, with a typed error, legacy encryption headers cryptography cannot take."""
    headers = _headers(block)
    encrypted = any(n == b"proc-type" and b"ENCRYPTED" in v.upper() for n, v in headers)
    infos = [value for name, value in headers if name == b"dek-info"]
    if encrypted and not infos:
        raise CorruptData("An encrypted private key in the PEM file lacks its DEK-Info header.")
    for info in infos:
        cipher, _, iv = (part.strip() for part in info.partition(b","))
        name = cipher.decode("ascii", "replace")
        if name not in LEGACY_CIPHERS:
            raise UnsupportedFormat(
                f"A private key in the PEM file is encrypted with {name[:40]!r}, which keymon"
                f" does not decrypt (it reads {', '.join(LEGACY_CIPHERS)})."
            )
        size = LEGACY_CIPHERS[name]
        if len(iv) != 2 * size or not set(iv) <= _HEX:
            raise CorruptData(
                f"A private key in the PEM file is damaged: its DEK-Info IV is not {size} bytes"
                " of hex."
            )


def _algorithm(block: bytes) -> der.Der | None:
    """The encryption AlgorithmIdentifier of an ``ENCRYPTED PRIVATE KEY`` block, else None."""
    if b"ENCRYPTED PRIVATE KEY" not in block[:40]:
        return None
    body = b"".join(ln for ln in block.split(b"\n") if ln and not ln.startswith(b"-----"))
    try:
        return der.read(base64.b64decode(body)).children()[0]
    except (KeymonError, IndexError, ValueError):  # binascii.Error is a ValueError
        return None  # damaged: cryptography says what is wrong


def key_costs(block: bytes) -> list[Cost]:
    """The PBKDF2 or PKCS#12-KDF derivations a key block needs (none for other blocks)."""
    algorithm = _algorithm(block)
    try:
        return list(parse_scheme(algorithm).costs) if algorithm is not None else []
    except (KeymonError, IndexError, ValueError):
        return []  # scrypt, an unknown scheme or damage: see scrypt_cost, or cryptography


def scrypt_cost(block: bytes) -> tuple[int, int] | None:
    """(memory in bytes, work in N·r·p) of a key block encrypted with PBES2 and scrypt."""
    algorithm = _algorithm(block)
    try:
        parts = algorithm.children() if algorithm is not None else []
        if len(parts) < 2 or parts[0].oid() != PBES2:
            return None
        kdf_id, kdf_params = parts[1].children()[0].children()[:2]
        if kdf_id.oid() != _SCRYPT:
            return None
        n, r, p = (field.integer() for field in kdf_params.children()[1:4])
    except (KeymonError, IndexError, ValueError):
        return None
    return 128 * max(r, 1) * max(n, 1), max(n, 1) * max(r, 1) * max(p, 1)


def plan(blocks: Iterable[bytes]) -> None:
    """Refuse (TooMuchWork) PEM keys whose derivations add up to more than the budgets."""
    costs: list[Cost] = []
    scrypt_work = 0
    for block in blocks:
        costs += key_costs(block)
        found = scrypt_cost(block)
        if found is None:
            continue
        memory, work = found
        if memory > SCRYPT_MAX_MEMORY:
            raise TooMuchWork(
                f"A private key in this file asks scrypt for {memory // 2**20:,} MiB of memory;"
                f" keymon allows {SCRYPT_MAX_MEMORY // 2**20} MiB so a hostile file cannot"
                " exhaust it."
            )
        scrypt_work += work
    if scrypt_work > SCRYPT_BUDGET:
        raise TooMuchWork(
            f"This file asks for {scrypt_work:,} units of scrypt work (N·r·p); keymon stops"
            f" at {SCRYPT_BUDGET:,} so a hostile file cannot hang it."
        )
    Derivations().plan(costs)


def load_key(block: bytes, password: str | None) -> PrivateKeyTypes:
    """The private key of a PEM block (see the module docstring)."""
    check_legacy_headers(block)
    key = _load(block, password.encode("utf-8") if password else None)
    check_private_key(key)
    return key


def _load(block: bytes, pw: bytes | None) -> PrivateKeyTypes:
    load = serialization.load_pem_private_key
    try:
        return load(block, pw, unsafe_skip_rsa_key_validation=True)
    except TypeError as exc:
        text = str(exc)
        if "not encrypted" in text:
            return load(block, None, unsafe_skip_rsa_key_validation=True)
        if "not given" in text or pw is None:
            raise PasswordRequired("A private key in this PEM file is encrypted.") from exc
        raise CorruptData(f"A private key in the PEM file cannot be read ({exc}).") from exc
    except ValueError as exc:
        # A wrong password usually fails the padding check ("bad decrypt"), but about one
        # time in 256 it decrypts to garbage that only the key parser rejects.
        encrypted = b"ENCRYPTED" in block
        wording = "decrypt" in str(exc).lower() or "password" in str(exc).lower()
        if pw is not None and (encrypted or wording):
            raise WrongPassword("The password of the private key is wrong.") from exc
        raise CorruptData(f"A private key in the PEM file cannot be read ({exc}).") from exc
    except Exception as exc:  # unsupported key types (e.g. exotic curves)
        raise UnsupportedFormat(f"A private key in the PEM file is not supported ({exc}).") from exc

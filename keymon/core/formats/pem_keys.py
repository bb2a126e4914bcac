"""Private keys in PEM blocks, checked before cryptography sees them.

* Legacy OpenSSL encryption (``Proc-Type: 4,ENCRYPTED`` + ``DEK-Info: CIPHER,IV``): the
  cipher must be one cryptography decrypts and the IV hex of exactly its block size. An IV
  of the wrong size makes cryptography 50 panic (a Rust assertion, which Python sees as a
  BaseException) instead of raising ValueError.
* Encrypted PKCS#8 (``ENCRYPTED PRIVATE KEY``): the key derivations of all of a file's
  keys are announced to one :class:`~.kdf.Derivations` first, so a file asking for more
  PBKDF2 (or PKCS#12 KDF) work than the budget is refused before any is done.
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
from keymon.core.formats.kdf import Cost, Derivations
from keymon.core.formats.keycheck import check_private_key
from keymon.core.formats.pbe import parse_scheme

LEGACY_CIPHERS = {"AES-128-CBC": 16, "AES-256-CBC": 16, "DES-EDE3-CBC": 8}
"""The legacy PEM ciphers cryptography decrypts, with their IV (block) sizes."""
_HEX = set(b"0123456789abcdefABCDEF")


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


def key_costs(block: bytes) -> list[Cost]:
    """The derivations an ``ENCRYPTED PRIVATE KEY`` block needs (none for other blocks)."""
    if b"ENCRYPTED PRIVATE KEY" not in block[:40]:
        return []
    body = b"".join(ln for ln in block.split(b"\n") if ln and not ln.startswith(b"-----"))
    try:
        algorithm = der.read(base64.b64decode(body)).children()[0]
        return list(parse_scheme(algorithm).costs)
    except (KeymonError, IndexError, ValueError):  # binascii.Error is a ValueError
        return []  # scrypt, an unknown scheme or damage: cryptography says what it is


def plan(blocks: Iterable[bytes]) -> None:
    """Refuse (TooMuchWork) PEM keys whose derivations add up to more than the budget."""
    Derivations().plan(cost for block in blocks for cost in key_costs(block))


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

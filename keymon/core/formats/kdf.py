"""Password-based key derivation for one open of a file: bounded, cached and cancellable.

A PKCS#12, JCEKS or PEM file chooses its own cost: up to :data:`MAX_ITERATIONS` per object,
and any number of objects. :class:`Derivations` is made once per open and

* refuses, before the work starts, a file whose derivations add up to more than a budget
  (:data:`PBKDF2_BUDGET` for the native PBKDF2, the smaller :data:`PKCS12_BUDGET` for the
  pure-Python KDF of RFC 7292 appendix B, :data:`SUN_PBE_BUDGET` for the MD5 chains of
  JCEKS's PBEWithMD5AndTripleDES), counted in hash iterations;
* derives each distinct (kdf, password, salt, iterations, length) once;
* calls the cancel check between derivations (and every 65,536 rounds of the Python KDF).

Costs are announced with :meth:`Derivations.plan` as soon as the objects are known (the MAC
and the encrypted safes before anything is derived, the bags of an encrypted safe when it
is decrypted); a derivation nobody planned (another form of the password) is charged when
it runs, and refused when it would go over the budget.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import repeat
from typing import Literal

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from keymon.core.cancel import CancelCheck as CancelCheck  # re-exported for the readers
from keymon.core.errors import UnsupportedFormat
from keymon.core.formats.der import damaged

MAX_ITERATIONS = 10_000_000
"""Most iterations one derivation may ask for."""
PBKDF2_BUDGET = 50_000_000
"""Most PBKDF2 iterations (hash-chain rounds) one open may spend: seconds of native work."""
PKCS12_BUDGET = 10_000_000
"""Most iterations of the pure-Python PKCS#12 KDF one open may spend (it is ~3x slower)."""
SUN_PBE_BUDGET = 20_000_000
"""Most MD5 rounds of JCEKS key derivation one open may spend (pure Python, ~0.4-0.9 µs
each): 50 keys at keytool's 200,000 iterations (two chains each), or 2 at the JDK's 5M."""

Kind = Literal["pbkdf2", "pkcs12", "sun-pbe"]
_KINDS: tuple[Kind, ...] = ("pbkdf2", "pkcs12", "sun-pbe")
_WHAT: dict[Kind, str] = {
    "pbkdf2": "key-derivation",
    "pkcs12": "PKCS#12 key-derivation",
    "sun-pbe": "JCEKS key-derivation (MD5)",
}
_HASHES: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "sha1": hashes.SHA1,
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}
_DIGEST_SIZES = {"md5": 16, "sha1": 20, "sha224": 28, "sha256": 32, "sha384": 48, "sha512": 64}
_CHUNK = 1 << 16


class TooMuchWork(UnsupportedFormat):
    """The file asks for more key derivation than keymon spends on one open (exit code 4)."""


def check_iterations(count: int) -> int:
    if count < 1 or count > MAX_ITERATIONS:
        raise damaged(f"an iteration count of {count} is out of range")
    return count


@dataclass(frozen=True)
class Cost:
    """One derivation a file needs, without the password: what :meth:`Derivations.plan` takes."""

    kind: Kind
    hash_name: str
    salt: bytes
    iterations: int
    length: int
    purpose: int = 0  # the PKCS#12 KDF's ID byte (1 key, 2 IV, 3 MAC)

    @classmethod
    def sun_pbe(cls, salt: bytes, iterations: int) -> Cost:
        """PBEWithMD5AndTripleDES: two MD5 chains of ``iterations`` → 3DES key and IV."""
        return cls("sun-pbe", "md5", salt, iterations, 32)

    @property
    def work(self) -> int:
        """Hash-chain rounds: iterations times the blocks of output."""
        return self.iterations * -(-self.length // _DIGEST_SIZES[self.hash_name])


@dataclass
class Derivations:
    """The key derivations of one open (see the module docstring)."""

    cancel: CancelCheck | None = None
    budgets: dict[Kind, int] = field(
        default_factory=lambda: {
            "pbkdf2": PBKDF2_BUDGET,
            "pkcs12": PKCS12_BUDGET,
            "sun-pbe": SUN_PBE_BUDGET,
        }
    )
    derived: int = 0  # derivations actually run (not served from the cache)
    _spent: dict[Kind, int] = field(default_factory=lambda: dict.fromkeys(_KINDS, 0))
    _planned: dict[Cost, bool] = field(default_factory=dict)  # → already run once
    _cache: dict[tuple[Cost, bytes], bytes] = field(default_factory=dict, repr=False)

    def plan(self, costs: Iterable[Cost]) -> None:
        """Announce derivations to come; refuses now when they would go over a budget."""
        new = [c for c in dict.fromkeys(costs) if c not in self._planned]
        for kind in _KINDS:
            extra = sum(c.work for c in new if c.kind == kind)
            if extra:
                self._check(kind, self._spent[kind] + extra)
        for cost in new:
            self._planned[cost] = False
            self._spent[cost.kind] += cost.work

    def _check(self, kind: Kind, total: int) -> None:
        budget = self.budgets[kind]
        if total > budget:
            raise TooMuchWork(
                f"This file asks for {total:,} {_WHAT[kind]} iterations; keymon stops at {budget:,}"
                " so a hostile file cannot hang it."
            )

    def derive(self, cost: Cost, password: bytes) -> bytes:
        """The key for ``cost`` and ``password``: cached, within budget, cancellable."""
        check_iterations(cost.iterations)
        memo = (cost, password)
        found = self._cache.get(memo)
        if found is not None:
            return found
        if self._planned.get(cost, True):  # unplanned, or planned for another password
            self._check(cost.kind, self._spent[cost.kind] + cost.work)
            self._spent[cost.kind] += cost.work
        self._planned[cost] = True
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()
        if cost.kind == "pbkdf2":
            key = PBKDF2HMAC(_HASHES[cost.hash_name](), cost.length, cost.salt, cost.iterations)
            out = key.derive(password)
        elif cost.kind == "sun-pbe":
            out = sun_pbe_kdf(cost, password, self.cancel)
        else:
            out = pkcs12_kdf(cost, password, self.cancel)
        self.derived += 1
        self._cache[memo] = out
        return out

    def pbkdf2(self, prf: str, password: bytes, salt: bytes, iterations: int, size: int) -> bytes:
        return self.derive(Cost("pbkdf2", prf, salt, iterations, size), password)

    def pkcs12(
        self, hash_name: str, password: bytes, salt: bytes, purpose: int, iterations: int, size: int
    ) -> bytes:
        return self.derive(Cost("pkcs12", hash_name, salt, iterations, size, purpose), password)


def pkcs12_kdf(cost: Cost, password: bytes, cancel: CancelCheck | None = None) -> bytes:
    """RFC 7292 appendix B.2 (``cost.purpose``: 1 = key, 2 = IV, 3 = MAC key)."""
    new = getattr(hashlib, cost.hash_name)
    v: int = new().block_size
    u: int = new().digest_size

    def stretch(data: bytes) -> bytes:
        size = v * -(-len(data) // v)
        return (data * (size // max(len(data), 1) + 1))[:size]

    i_block = bytearray(stretch(cost.salt) + stretch(password))
    d_block = bytes([cost.purpose]) * v
    mask = (1 << (8 * v)) - 1
    out = b""
    while len(out) < cost.length:
        a = new(d_block + i_block).digest()
        left = cost.iterations - 1
        while left:
            step = min(left, _CHUNK)
            for _ in repeat(None, step):  # the hot loop: ~0.3 µs a round
                a = new(a).digest()
            left -= step
            if cancel is not None and left:
                cancel.raise_if_cancelled()
        out += a
        b = int.from_bytes((a * (v // u + 1))[:v], "big") + 1
        for j in range(0, len(i_block), v):
            value = (int.from_bytes(i_block[j : j + v], "big") + b) & mask
            i_block[j : j + v] = value.to_bytes(v, "big")
    return out[: cost.length]


def sun_pbe_kdf(cost: Cost, password: bytes, cancel: CancelCheck | None = None) -> bytes:
    """SunJCE's PBES1 variant for 3DES: an MD5 chain over each salt half → key (24), IV (8)."""
    halves = [cost.salt[:4], cost.salt[4:]]
    if halves[0] == halves[1]:
        halves[0] = halves[0][::-1]
    md5 = hashlib.md5
    out = b""
    for digest in halves:
        left = cost.iterations
        while left:
            step = min(left, _CHUNK)
            for _ in repeat(None, step):  # the hot loop: ~0.4-0.9 µs a round
                digest = md5(digest + password).digest()  # the JCEKS format
            left -= step
            if cancel is not None and left:
                cancel.raise_if_cancelled()
        out += digest
    return out

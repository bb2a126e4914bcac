"""PBMAC1 integrity for PKCS#12 (RFC 9579), as newer OpenSSL and Java write it.

The MacData's DigestInfo names ``id-PBMAC1`` with PBMAC1-params: PBKDF2 (salt, iteration
count, a key length that must be present, a PRF) and the HMAC that makes the MAC over the
authenticated safe. The key comes from the password as UTF-8. The MacData's own salt and
iteration count are not used (RFC 9579 section 3: "NOT USED" and 1 by convention).

Parameters that make the MAC impossible to check (an iteration count out of range, no salt,
no key length) are kept as :attr:`Pbmac1.problem`: the reader reports them only after it has
told whether the password is right, so a wrong password is still called wrong.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field

from keymon.core.errors import CorruptData, KeymonError, UnsupportedFormat
from keymon.core.formats.der import Der, damaged, oid, oid_text
from keymon.core.formats.kdf import MAX_ITERATIONS, Cost, Derivations
from keymon.core.formats.pbe import HMAC_OIDS, PBKDF2, Mac, Secret, utf8_password

PBMAC1 = oid("1.2.840.113549.1.5.14")
MAX_KEY_LENGTH = 128


@dataclass(frozen=True, eq=False)
class Pbmac1:
    """A PBMAC1 MacData: PBKDF2 parameters, the HMAC's hash and the expected MAC."""

    prf: str
    salt: bytes
    iterations: int
    key_length: int
    mac_hash: str
    digest: bytes
    problem: KeymonError | None = field(default=None)

    @property
    def costs(self) -> tuple[Cost, ...]:
        if self.problem is not None:
            return ()
        return (Cost("pbkdf2", self.prf, self.salt, self.iterations, self.key_length),)

    def verifies(self, content: bytes, secret: Secret, kdf: Derivations | None = None) -> bool:
        if self.problem is not None:
            return False
        (cost,) = self.costs
        key = (kdf or Derivations()).derive(cost, utf8_password(secret))
        return hmac.compare_digest(hmac.new(key, content, self.mac_hash).digest(), self.digest)


def parse_mac(mac_data: Der) -> Mac | Pbmac1:
    """The MacData of a PFX: the classic PKCS#12 MAC or PBMAC1."""
    parts = mac_data.expect(0x30, "the integrity data").children()
    digest_info = parts[0].expect(0x30, "the integrity digest").children()
    algorithm = digest_info[0].expect(0x30, "the integrity algorithm").children()
    if algorithm[0].oid() != PBMAC1:
        return Mac.parse(mac_data)
    if len(algorithm) < 2 or len(digest_info) < 2:
        raise damaged("the PBMAC1 integrity check has no parameters")
    return _parse_params(algorithm[1], digest_info[1].string("the integrity digest"))


def _hash_of(algorithm: Der, what: str) -> str:
    algo = algorithm.expect(0x30, what).children()[0].oid()
    if algo not in HMAC_OIDS:
        raise UnsupportedFormat(
            f"The keystore's PBMAC1 integrity check uses an unsupported {what} ({oid_text(algo)})."
        )
    return HMAC_OIDS[algo]


def _parse_params(params: Der, digest: bytes) -> Pbmac1:
    kdf, scheme = params.expect(0x30, "the PBMAC1 parameters").children()[:2]
    kdf_parts = kdf.expect(0x30, "the PBMAC1 key derivation").children()
    if kdf_parts[0].oid() != PBKDF2 or len(kdf_parts) < 2:
        raise UnsupportedFormat(
            "The keystore's PBMAC1 integrity check uses an unsupported key derivation"
            f" ({oid_text(kdf_parts[0].oid())})."
        )
    fields = kdf_parts[1].expect(0x30, "the PBKDF2 parameters").children()
    if len(fields) < 2:
        raise damaged("the PBMAC1 key derivation has no salt or iteration count")
    salt, count = fields[0].string("the PBMAC1 salt"), fields[1].integer()
    key_length: int | None = None
    prf = "sha1"
    for extra in fields[2:]:
        if extra.tag == 0x02:
            key_length = extra.integer()
        else:
            prf = _hash_of(extra, "PRF")
    mac_hash = _hash_of(scheme, "MAC")
    problem: KeymonError | None = None
    if not 1 <= count <= MAX_ITERATIONS:
        problem = CorruptData(
            f"The keystore is damaged: its PBMAC1 integrity check has an iteration count of"
            f" {count:,} (keymon accepts 1 to {MAX_ITERATIONS:,})."
        )
    elif not salt:
        problem = CorruptData("The keystore is damaged: its PBMAC1 integrity check has no salt.")
    elif key_length is None:
        problem = CorruptData(
            "The keystore is damaged: its PBMAC1 integrity check gives no key length,"
            " which RFC 9579 requires."
        )
    elif not 1 <= key_length <= MAX_KEY_LENGTH:
        problem = CorruptData(
            f"The keystore is damaged: its PBMAC1 key length of {key_length} is out of range."
        )
    return Pbmac1(prf, salt, count, key_length or 0, mac_hash, digest, problem)

"""Private keys still sealed under a password of their own (Java key entries).

keytool lets a key entry's password (-keypass) differ from the store password.
The chain of such an entry is stored in clear, so the entry can be listed; only
its key stays sealed. A :class:`LockedKey` keeps the sealed bytes exactly as
they were read, so a JKS save can write them back without knowing the password.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from keymon.core.errors import CorruptData, KeyLocked, UnsupportedFormat
from keymon.core.formats import sun_pbe
from keymon.core.passwords import require_encodable


@dataclass(frozen=True)
class LockedKey:
    """A PKCS#8 key sealed by a Sun key protector: the EncryptedPrivateKeyInfo as stored."""

    sealed: bytes = field(repr=False)
    protector: str  # the protector's OID

    @classmethod
    def from_sealed(cls, sealed: bytes) -> LockedKey:
        """Wrap a stored EncryptedPrivateKeyInfo (CorruptData when malformed)."""
        oid, _, _ = sun_pbe.parse_epki(sealed)
        if oid not in (sun_pbe.JKS_PROTECTOR_OID, sun_pbe.PBE_MD5_3DES_OID):
            raise CorruptData(f"A key in the file is protected with an unknown algorithm ({oid}).")
        return cls(bytes(sealed), oid)

    @property
    def jks_protected(self) -> bool:
        """Sealed with the JKS protector, the only one a JKS file may hold."""
        return self.protector == sun_pbe.JKS_PROTECTOR_OID

    def unlock(self, password: str, alias: str) -> PrivateKeyTypes:
        """The private key; KeyLocked(wrong=True) when ``password`` does not open it."""
        require_encodable(password)
        pkcs8 = sun_pbe.recover_private_key(self.sealed, password)
        if pkcs8 is None:
            raise KeyLocked(alias, wrong=True)
        try:
            return serialization.load_der_private_key(pkcs8, password=None)
        except UnsupportedAlgorithm as exc:
            raise UnsupportedFormat(f"The key {alias!r} uses an unsupported algorithm.") from exc
        except (ValueError, TypeError) as exc:
            if self.jks_protected:  # its SHA-1 check passed: the password is right
                raise CorruptData(f"The private key {alias!r} cannot be decoded.") from exc
            raise KeyLocked(alias, wrong=True) from exc  # 3DES padding passed by chance

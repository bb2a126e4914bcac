"""How keymon encrypts a PKCS#12 file it writes: a setting, chosen before anything is written.

Its own module so that settings, dialogs and the keystore model can name it without
loading the PKCS#12 writer.
"""

from __future__ import annotations

import enum


class Pkcs12Protection(enum.Enum):
    """How a written PKCS#12 file is encrypted (as pyca's ``PBES`` names it)."""

    AES_256 = "aes-256"  # PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, HMAC-SHA256 MAC (keytool 17)
    LEGACY_3DES = "3des"  # PKCS#12 KDF 3DES, SHA-1 MAC: for importers that reject AES

    @classmethod
    def legacy_if(cls, legacy: bool) -> Pkcs12Protection:
        """The protection a "legacy" switch (``--legacy``, a check box) asks for."""
        return cls.LEGACY_3DES if legacy else cls.AES_256

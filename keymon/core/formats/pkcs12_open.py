"""Opening a PFX: its structure, the password, the integrity check and the notes to tell.

:class:`Opened` reads the outline of a PKCS#12 file (trailing bytes after the PFX, such as
the eight zero bytes .NET appends, are ignored as OpenSSL and Java ignore them), announces
every key derivation it can see to the per-open :class:`~.kdf.Derivations` before doing any,
then finds the form of the password that works:

* with a MAC (RFC 7292's, or PBMAC1 of RFC 9579), the one that verifies it. A failed MAC is
  told apart from a wrong password by decrypting something with the same password: if that
  gives well-formed DER the password is right and the file was altered (a PBMAC1 whose
  parameters are unusable, or that fails with the right password, is a damaged file);
* without one, the one that decrypts something; with nothing encrypted either, the file is
  not protected at all, and a note says so.

PBES2 content that only decrypts with the password as ISO-8859-1 bytes (old JSafe) opens,
with a note.
"""

from __future__ import annotations

from typing import Final

from keymon.core.errors import (
    CorruptData,
    IntegrityError,
    PasswordRequired,
    UnsupportedFormat,
    WrongPassword,
)
from keymon.core.formats.der import is_sequence, parse, read
from keymon.core.formats.kdf import CancelCheck, Cost, Derivations
from keymon.core.formats.pbe import DecryptError, Pbes2, Secret, latin1_password
from keymon.core.formats.pbmac1 import Pbmac1, parse_mac
from keymon.core.formats.pkcs12_bags import (
    Bag,
    Sealed,
    data_content,
    read_bags,
    safe_of,
    sealed_key,
)
from keymon.core.formats.pkcs12_write import SECRET_BAG, SHROUDED_KEY_BAG

UNPROTECTED: Final = "This file is not protected by a password: anyone can read it."
LATIN1: Final = (
    "The file's contents are encrypted with the password as ISO-8859-1 bytes, as old JSafe"
    " versions wrote them; keymon writes UTF-8 when it saves."
)
_SEALED_KINDS = (SHROUDED_KEY_BAG, SECRET_BAG)


class Opened:
    """A PFX whose password has been checked (see the module docstring)."""

    def __init__(self, data: bytes, password: str | None, cancel: CancelCheck | None = None):
        self.password = password
        self.kdf = Derivations(cancel)
        self.notes: list[str] = []
        pfx = read(data, 0).expect(0x30, "The keystore")  # trailing bytes are ignored
        parts = pfx.children()
        if len(parts) < 2 or parts[0].integer() != 3:
            raise UnsupportedFormat("The keystore is not a version 3 PKCS#12 file.")
        self.auth = data_content(parts[1])
        self.mac = parse_mac(parts[2]) if len(parts) > 2 else None
        self._opened: dict[tuple[Sealed, Secret], bytes | None] = {}
        self._safes: list[bytes | Sealed] | None = None
        self._plain_bags: list[Bag] | None = None
        costs = [*(self.mac.costs if self.mac else ())]
        costs += [c for s in self.safes if isinstance(s, Sealed) for c in s.scheme.costs]
        self.kdf.plan([*costs, *bag_costs(self.plain_bags)])
        self.secret = self._unlock()

    @property
    def safes(self) -> list[bytes | Sealed]:
        if self._safes is None:
            infos = parse(self.auth, "The contents").expect(0x30, "The contents").children()
            self._safes = [safe_of(info) for info in infos]
        return self._safes

    @property
    def plain_bags(self) -> list[Bag]:
        """The bags of the unencrypted safes (keytool keeps its shrouded keys there)."""
        if self._plain_bags is None:
            self._plain_bags = []
            for number, safe in enumerate(self.safes):
                if isinstance(safe, bytes):
                    self._plain_bags += read_bags(safe, number)
        return self._plain_bags

    def _candidates(self) -> list[Secret]:
        """The password, or for none (or ""): the empty and OpenSSL's absent password."""
        return [self.password] if self.password else ["", None]

    def _probes(self) -> list[Sealed]:
        """A few things encrypted with the password, to test a password without the MAC."""
        sealed = [s for s in self.safes if isinstance(s, Sealed)]
        for bag in self.plain_bags:
            if bag.kind in _SEALED_KINDS and len(sealed) < 4:
                sealed.append(sealed_key(bag))
        return sealed[:4]

    def _open(self, sealed: Sealed, secret: Secret) -> bytes | None:
        """The plaintext when it decrypts and parses as DER, else None (memoised).

        CBC padding is right by chance for about one wrong password in 256, so the
        plaintext must also be exactly one DER SEQUENCE. PBES2 also tries ISO-8859-1.
        """
        memo = (sealed, secret)
        if memo not in self._opened:
            plain = self._try(sealed, secret, None)
            latin1 = latin1_password(secret) if isinstance(sealed.scheme, Pbes2) else None
            if plain is None and latin1 is not None:
                plain = self._try(sealed, secret, latin1)
                if plain is not None and LATIN1 not in self.notes:
                    self.notes.append(LATIN1)
            self._opened[memo] = plain
        return self._opened[memo]

    def _try(self, sealed: Sealed, secret: Secret, raw: bytes | None) -> bytes | None:
        try:
            plain = sealed.scheme.decrypt(sealed.ciphertext, secret, self.kdf, password=raw)
        except DecryptError:
            return None
        return plain if is_sequence(plain) else None

    def _unlock(self) -> Secret:
        """The password form that works; tells a wrong password from an altered file."""
        candidates = self._candidates()
        if self.mac is not None:
            return self._check_mac(candidates)
        probes = self._probes()
        if not probes:
            self.notes.append(UNPROTECTED)
            return candidates[0]
        for secret in candidates:
            if self._open(probes[0], secret) is not None:
                return secret
        return self._refuse()

    def _check_mac(self, candidates: list[Secret]) -> Secret:
        assert self.mac is not None
        for secret in candidates:
            if self.mac.verifies(self.auth, secret, self.kdf):
                return secret
        probes = self._probes()
        right = any(self._open(p, s) is not None for s in candidates for p in probes)
        if isinstance(self.mac, Pbmac1) and (right or (not probes and self.password)):
            raise self.mac.problem or CorruptData(
                "The keystore is damaged: its PBMAC1 integrity check fails although the"
                " password is right (its parameters or its contents were altered)."
            )
        if right:
            raise IntegrityError(
                "The keystore's integrity check failed: the file was altered or damaged."
            )
        if not probes and self.password:
            raise IntegrityError(
                "The keystore's integrity check failed: the password is wrong"
                " or the file was altered."
            )
        return self._refuse()

    def _refuse(self) -> Secret:
        if self.password is None:
            raise PasswordRequired("This keystore needs a password.")
        raise WrongPassword("The keystore password is wrong.")

    def _decrypt(self, sealed: Sealed, what: str) -> bytes:
        """Decrypt with the password that opened the keystore (or its other empty form)."""
        others = [s for s in self._candidates() if s != self.secret]
        for secret in [self.secret, *others]:
            plain = self._open(sealed, secret)
            if plain is not None:
                return plain
        raise WrongPassword(f"The keystore password does not decrypt {what}.")


def bag_costs(bags: list[Bag]) -> list[Cost]:
    """The derivations the encrypted bags among ``bags`` need."""
    return [c for b in bags if b.kind in _SEALED_KINDS for c in sealed_key(b).scheme.costs]

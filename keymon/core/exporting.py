"""Exports of one entry: certificate, chain, root, public key, OpenSSH key, key pair.

An :class:`ExportRequest` names what to export (:class:`ExportKind`) and how
(:class:`ExportFormat`); :func:`export_entry` makes the bytes from the encoders in
:mod:`keymon.core.x509.encoding` and :func:`write_export` writes them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from keymon.core import storage
from keymon.core.entries import Entry, KeyPairEntry
from keymon.core.errors import UsageError
from keymon.core.formats.protection import Pkcs12Protection
from keymon.core.x509 import encoding


class ExportKind(enum.StrEnum):
    """What of an entry is exported (the values are the CLI's ``export`` choices)."""

    CERTIFICATE = "certificate"
    CHAIN = "chain"
    ROOT = "root"
    PUBLIC_KEY = "public-key"
    OPENSSH = "openssh"
    KEY_PAIR = "key-pair"

    @property
    def label(self) -> str:
        """In a sentence: "public key", "key pair"."""
        return self.value.replace("-", " ")


class ExportFormat(enum.StrEnum):
    """The encoding of an export (the values are the CLI's ``--format`` choices)."""

    PEM = "pem"
    DER = "der"
    P7B = "p7b"
    OPENSSH = "openssh"
    P12 = "p12"


ALLOWED_FORMATS: dict[ExportKind, tuple[ExportFormat, ...]] = {
    ExportKind.CERTIFICATE: (ExportFormat.PEM, ExportFormat.DER),
    ExportKind.CHAIN: (ExportFormat.PEM, ExportFormat.P7B),
    ExportKind.ROOT: (ExportFormat.PEM, ExportFormat.DER),
    ExportKind.PUBLIC_KEY: (ExportFormat.PEM, ExportFormat.DER),
    ExportKind.OPENSSH: (ExportFormat.OPENSSH,),
    ExportKind.KEY_PAIR: (ExportFormat.P12,),
}


@dataclass(frozen=True)
class ExportRequest:
    kind: ExportKind
    format: ExportFormat | None = None  # None: the first of ALLOWED_FORMATS[kind]
    password: str | None = field(default=None, repr=False)  # key pairs only
    protection: Pkcs12Protection = Pkcs12Protection.AES_256  # key pairs only


def _kind(value: str) -> ExportKind:
    try:
        return ExportKind(value)
    except ValueError:
        raise UsageError(f"keymon cannot export {value!r}.") from None


def export_entry(entry: Entry, request: ExportRequest) -> bytes:
    kind = _kind(request.kind)
    allowed = ALLOWED_FORMATS[kind]
    fmt = request.format or allowed[0]
    if fmt not in allowed:
        raise UsageError(f"A {kind.label} can be exported as {' or '.join(allowed)}, not {fmt}.")
    chain = entry.certificates
    if not chain:
        raise UsageError(f"The entry {entry.alias!r} holds no certificate to export.")
    form: encoding.Form = "der" if fmt == ExportFormat.DER else "pem"
    if kind is ExportKind.CERTIFICATE:
        return encoding.certificate_bytes(chain[0], form)
    if kind is ExportKind.CHAIN:
        return (
            encoding.chain_pkcs7(chain, "der")
            if fmt == ExportFormat.P7B
            else encoding.chain_pem(chain)
        )
    if kind is ExportKind.ROOT:
        return encoding.certificate_bytes(encoding.chain_top(chain).cert, form)
    if kind is ExportKind.PUBLIC_KEY:
        if fmt == ExportFormat.DER:
            return encoding.public_key_der(chain[0])
        return encoding.public_key_pem(chain[0])
    if kind is ExportKind.OPENSSH:
        return encoding.public_key_openssh(chain[0], entry.alias)
    return _key_pair(entry, request)


def _key_pair(entry: Entry, request: ExportRequest) -> bytes:
    from keymon.core.formats import pkcs12

    if not isinstance(entry, KeyPairEntry):
        raise UsageError(f"The entry {entry.alias!r} is not a key pair, so it has no private key.")
    if not request.password:
        raise UsageError("An exported key pair must be protected with a password.")
    return pkcs12.dump([entry], request.password, protection=request.protection)


def write_export(path: Path, data: bytes, kind: ExportKind) -> None:
    """Write an export atomically; a key pair is private (0600, even over an existing file)."""
    private = kind == ExportKind.KEY_PAIR
    storage.atomic_write(path, data, 0o600 if private else 0o644, private=private)


def default_file_name(alias: str, kind: ExportKind, fmt: ExportFormat | None = None) -> str:
    """File names that follow the alias (<alias>.cer, <alias>.p7b, <alias>_rootCA.cer, ...)."""
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in alias) or "entry"
    names = {
        ExportKind.CERTIFICATE: f"{safe}.cer",
        ExportKind.CHAIN: f"{safe}.p7b" if fmt == ExportFormat.P7B else f"{safe}_chain.pem",
        ExportKind.ROOT: f"{safe}_rootCA.cer",
        ExportKind.PUBLIC_KEY: f"{safe}_public.pem",
        ExportKind.OPENSSH: f"{safe}.pub",
    }
    return names.get(kind, f"{safe}.p12")

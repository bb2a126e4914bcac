"""Exports of one entry: certificate, chain, root, public key, OpenSSH key, key pair."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from keymon.core import storage
from keymon.core.entries import Entry, KeyPairEntry
from keymon.core.errors import UsageError
from keymon.core.x509 import export

What = Literal["certificate", "chain", "root", "public-key", "openssh", "key-pair"]

ALLOWED_FORMATS: dict[str, tuple[str, ...]] = {
    "certificate": ("pem", "der"),
    "chain": ("pem", "p7b"),
    "root": ("pem", "der"),
    "public-key": ("pem", "der"),
    "openssh": ("openssh",),
    "key-pair": ("p12",),
}


@dataclass(frozen=True)
class ExportRequest:
    what: str
    format: str | None = None  # None: the first of ALLOWED_FORMATS[what]
    password: str | None = None  # key pairs only
    legacy: bool = False  # key pairs only: PKCS#12 with 3DES and a SHA-1 MAC


def export_entry(entry: Entry, request: ExportRequest) -> bytes:
    allowed = ALLOWED_FORMATS.get(request.what)
    if allowed is None:
        raise UsageError(f"keymon cannot export {request.what!r}.")
    fmt = request.format or allowed[0]
    if fmt not in allowed:
        raise UsageError(
            f"A {request.what.replace('-', ' ')} can be exported as {' or '.join(allowed)}, "
            f"not {fmt}."
        )
    chain = entry.certificates
    if not chain:
        raise UsageError(f"The entry {entry.alias!r} holds no certificate to export.")
    if request.what == "certificate":
        return export.certificate_bytes(chain[0], "der" if fmt == "der" else "pem")
    if request.what == "chain":
        return export.chain_pkcs7(chain, "der") if fmt == "p7b" else export.chain_pem(chain)
    if request.what == "root":
        return export.certificate_bytes(
            export.chain_top(chain).cert, "der" if fmt == "der" else "pem"
        )
    if request.what == "public-key":
        if fmt == "der":
            return export.public_key_der(chain[0])
        return export.public_key_pem(chain[0])
    if request.what == "openssh":
        return export.public_key_openssh(chain[0], entry.alias)
    return _key_pair(entry, request)


def _key_pair(entry: Entry, request: ExportRequest) -> bytes:
    from keymon.core.formats import pkcs12

    if not isinstance(entry, KeyPairEntry):
        raise UsageError(f"The entry {entry.alias!r} is not a key pair, so it has no private key.")
    if not request.password:
        raise UsageError("An exported key pair must be protected with a password.")
    return pkcs12.dump([entry], request.password, legacy=request.legacy)


def write_export(path: Path, data: bytes, what: str) -> None:
    """Write an export atomically; a key pair is private (0600, even over an existing file)."""
    private = what == "key-pair"
    storage.atomic_write(path, data, 0o600 if private else 0o644, private=private)


def default_file_name(alias: str, what: str, fmt: str | None = None) -> str:
    """File names that follow the alias (<alias>.cer, <alias>.p7b, <alias>_rootCA.cer, ...)."""
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in alias) or "entry"
    if what == "certificate":
        return f"{safe}.cer"
    if what == "chain":
        return f"{safe}.p7b" if fmt == "p7b" else f"{safe}_chain.pem"
    if what == "root":
        return f"{safe}_rootCA.cer"
    if what == "public-key":
        return f"{safe}_public.pem"
    if what == "openssh":
        return f"{safe}.pub"
    return f"{safe}.p12"

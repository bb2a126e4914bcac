"""The state of a simulated SAP Cloud Integration tenant keystore (no HTTP here).

This is a *simulator built from public sources*, not SAP's server. Every quirk cites
the line of ``shared/SAP-SECURITY-CONTENT-API.md`` (``API.md`` below) it comes from.
The keystores live in real PKCS#12 files written with keymon's codec (API.md: the
tenant keeps a real keystore; we keep ``system``, ``backup_admin_system``,
``KeyRenewal`` and the history), and the tenant's metadata (owner, created/modified
by and at, status) in a JSON file beside them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa
from cryptography.hazmat.primitives.serialization import Encoding

from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry
from keymon.core.formats import pkcs12

STORE_PASSWORD = "double-internal"  # the double's own files; never a user's secret
KEYSTORES = ("system", "backup_admin_system", "KeyRenewal")
# API.md "Errors": 403 for reserved aliases (hcicertificate, hcicertificate1,
# hcimsgcertificate, anything starting sap_).
RESERVED = ("hcicertificate", "hcicertificate1", "hcimsgcertificate")
TENANT_ADMIN = "Tenant Administrator"  # API.md "Entity": Owner values


def reserved(alias: str) -> bool:
    return alias in RESERVED or alias.startswith("sap_")


class ApiError(Exception):
    """An OData error answer: status, the ``code`` text and the message value."""

    def __init__(self, status: int, message: str, body: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.body = body


def odata_date(when: dt.datetime, with_offset: bool) -> str:
    """API.md "Dates": ``/Date(ms)/`` in SAP's examples, ``/Date(ms+0000)/`` from tenants."""
    ms = int(when.timestamp() * 1000)
    return f"/Date({ms}+0000)/" if with_offset else f"/Date({ms})/"


def hexalias(alias: str) -> str:
    """API.md "Aliases": hex of the UTF-8 bytes, upper case in responses."""
    return alias.encode("utf-8").hex().upper()


def alias_of(hex_text: str) -> str:
    """Decode a Hexalias; odd length → 500 "hexBinary needs to be even-length" (API.md)."""
    if len(hex_text) % 2:
        raise ApiError(500, f"hexBinary needs to be even-length: {hex_text}")
    try:
        return bytes.fromhex(hex_text).decode("utf-8")
    except ValueError as exc:
        raise ApiError(400, f"Invalid hexadecimal alias: {hex_text}") from exc


def _colon(digest: bytes) -> str:
    return ":".join(f"{b:02X}" for b in digest)


def _java_dn(name: x509.Name) -> str:
    """Java's X500Principal text: most significant RDN last, ", " between (API.md IssuerDN)."""
    return ", ".join(rdn.rfc4514_string() for rdn in reversed(name.rdns))


def _java_sigalg(cert: x509.Certificate) -> str:
    """API.md "SignatureAlgorithm ("SHA256withRSA")"."""
    digest = cert.signature_hash_algorithm
    hash_name = digest.name.upper().replace("-", "") if digest else ""
    key = cert.public_key()
    kind = "ECDSA" if isinstance(key, ec.EllipticCurvePublicKey) else "RSA"
    if isinstance(key, dsa.DSAPublicKey):
        kind = "DSA"
    return f"{hash_name}with{kind}"


def _key_fields(cert: x509.Certificate) -> tuple[str, int, str | None]:
    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        return "RSA", key.key_size, None
    if isinstance(key, ec.EllipticCurvePublicKey):
        return "EC", key.curve.key_size, key.curve.name
    if isinstance(key, dsa.DSAPublicKey):
        return "DSA", key.key_size, None
    return type(key).__name__, 0, None


@dataclass
class Meta:
    """What the tenant records about an entry beside the keystore itself."""

    owner: str = TENANT_ADMIN
    created_by: str = "S0000000001"
    created_at: float = 0.0
    modified_by: str = "S0000000001"
    modified_at: float = 0.0
    status: str | None = None
    history: dict[str, Any] = field(default_factory=dict)


class TenantState:
    """Keystores by name (alias → entry) plus metadata, persisted in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.lock = threading.RLock()
        self.stores: dict[str, dict[str, Entry]] = {name: {} for name in KEYSTORES}
        self.meta: dict[str, dict[str, Meta]] = {name: {} for name in KEYSTORES}
        self.history: dict[str, tuple[Entry, Meta]] = {}
        self.user = "S0000000001"
        self.load()

    # -- persistence: real keystore files written with keymon's codec ----------------
    def _file(self, name: str) -> Path:
        return self.folder / f"{name}.p12"

    def load(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        meta_file = self.folder / "meta.json"
        raw = json.loads(meta_file.read_text("utf-8")) if meta_file.exists() else {}
        for name in KEYSTORES:
            path = self._file(name)
            if not path.exists():
                continue
            entries = pkcs12.load(path.read_bytes(), STORE_PASSWORD)
            self.stores[name] = {e.alias: e for e in entries}
            self.meta[name] = {
                alias: Meta(**raw.get(name, {}).get(alias, {})) for alias in self.stores[name]
            }

    def save(self) -> None:
        with self.lock:
            for name in KEYSTORES:
                entries = list(self.stores[name].values())
                self._file(name).write_bytes(pkcs12.dump(entries, STORE_PASSWORD))
            raw = {
                name: {alias: m.__dict__ for alias, m in metas.items()}
                for name, metas in self.meta.items()
            }
            (self.folder / "meta.json").write_text(json.dumps(raw), "utf-8")

    # -- edits -------------------------------------------------------------------------
    def store(self, name: str | None) -> dict[str, Entry]:
        name = name or "system"
        if name not in self.stores:
            raise ApiError(404, f"Keystore '{name}' not found")
        return self.stores[name]

    def entry(self, alias: str, keystore: str | None = None) -> Entry:
        found = self.store(keystore).get(alias)
        if found is None:
            # API.md endpoints: 404 "Alias '<a>' not found in the keystore"
            raise ApiError(404, f"Alias '{alias}' not found in the keystore")
        return found

    def put(self, entry: Entry, keystore: str = "system", owner: str = TENANT_ADMIN) -> None:
        now = dt.datetime.now(dt.UTC).timestamp()
        with self.lock:
            old = self.meta[keystore].get(entry.alias)
            created = (old.created_by, old.created_at) if old else (self.user, now)
            self.stores[keystore][entry.alias] = entry
            self.meta[keystore][entry.alias] = Meta(
                owner, created[0], created[1], self.user, now, None
            )

    def remove(self, alias: str, keystore: str = "system") -> Entry:
        with self.lock:
            entry = self.entry(alias, keystore)
            del self.stores[keystore][alias]
            meta = self.meta[keystore].pop(alias)
            if isinstance(entry, KeyPairEntry) and keystore == "system":
                number = 1 + sum(1 for k in self.history if k.endswith(f"_{alias}"))
                old = f"[{number}]_{alias}"  # API.md: history alias like [2]_sap_test
                self.history[old] = (entry, meta)
            return entry

    # -- the entity JSON -------------------------------------------------------------
    def entity(self, root: str, alias: str, keystore: str, offset_dates: bool) -> dict[str, Any]:
        entry = self.entry(alias, keystore)
        meta = self.meta[keystore].get(alias, Meta())
        return entity_json(root, entry, meta, offset_dates)


def cert_fields(cert: CertInfo, offset_dates: bool) -> dict[str, Any]:
    c = cert.cert
    key_type, key_size, curve = _key_fields(c)
    now = dt.datetime.now(dt.UTC)
    if c.not_valid_after_utc < now:
        validity = "Expired"  # (inferred) values of Validity
    elif c.not_valid_before_utc > now:
        validity = "NotYetValid"
    else:
        validity = "Valid"
    return {
        "KeyType": key_type,
        "KeySize": key_size,
        "EllipticCurve": curve,
        "ValidNotBefore": odata_date(c.not_valid_before_utc, offset_dates),
        "ValidNotAfter": odata_date(c.not_valid_after_utc, offset_dates),
        "SerialNumber": f"0x{c.serial_number:X}",
        "SignatureAlgorithm": _java_sigalg(c),
        "Validity": validity,
        "SubjectDN": _java_dn(c.subject),
        "IssuerDN": _java_dn(c.issuer),
        "Version": c.version.value + 1,
        "FingerprintSha1": _colon(c.fingerprint(hashes.SHA1())),  # noqa: S303 - a fingerprint
        "FingerprintSha256": _colon(hashlib.sha256(cert.der).digest()),
        "FingerprintSha512": _colon(hashlib.sha512(cert.der).digest()),
    }


def entity_json(root: str, entry: Entry, meta: Meta, offset_dates: bool) -> dict[str, Any]:
    """API.md "Entity: KeystoreEntry", OData v2 with __metadata and __deferred links."""
    h = hexalias(entry.alias)
    uri = f"{root}/KeystoreEntries('{h}')"
    cert = entry.certificate
    assert cert is not None
    body: dict[str, Any] = {
        "__metadata": {"id": uri, "uri": uri, "type": "com.sap.it.km.api.KeystoreEntry"},
        "Hexalias": h,
        "Alias": entry.alias,
        **cert_fields(cert, offset_dates),
        "Type": "Key Pair" if isinstance(entry, KeyPairEntry) else "Certificate",
        "Owner": meta.owner,
        "LastModifiedBy": meta.modified_by,
        "LastModifiedTime": odata_date(
            dt.datetime.fromtimestamp(meta.modified_at, dt.UTC), offset_dates
        ),
        "CreatedBy": meta.created_by,
        "CreatedTime": odata_date(dt.datetime.fromtimestamp(meta.created_at, dt.UTC), offset_dates),
        "Status": meta.status,
    }
    for nav in ("Certificate", "ChainCertificates", "ChainResource", "SigningRequest", "Sshkey"):
        body[nav] = {"__deferred": {"uri": f"{uri}/{nav}"}}
    return body


def pem_of(cert: CertInfo) -> bytes:
    return cert.cert.public_bytes(Encoding.PEM)


def certificate_entry(alias: str, cert: CertInfo) -> CertificateEntry:
    return CertificateEntry(alias, cert)

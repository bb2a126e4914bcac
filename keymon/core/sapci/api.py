"""The Security Content API of a tenant as typed functions (reads and writes).

Each function is one documented call (shared/SAP-SECURITY-CONTENT-API.md,
"Endpoints"). Listing with certificates is in :mod:`keymon.core.sapci.listing`.
"""

from __future__ import annotations

import base64
import secrets as _random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.serialization import pkcs7

from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.errors import CorruptData, UsageError
from keymon.core.formats import pkcs12
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.names import BACKUP as BACKUP
from keymon.core.sapci.names import HISTORY as HISTORY
from keymon.core.sapci.names import KEYSTORES as KEYSTORES
from keymon.core.sapci.names import RENEWAL as RENEWAL
from keymon.core.sapci.names import SYSTEM as SYSTEM
from keymon.core.sapci.odata import hexalias, odata_date, results, single

CERTIFICATE_LIMIT = 10 * 1024  # API.md: CertificateResources answers 413 over 10 kB
CHAIN_LIMIT = 30_072  # API.md: CertificateChainResources 413 over 30,072 bytes


def _entry_path(alias: str, sub: str = "") -> str:
    return f"/KeystoreEntries('{hexalias(alias)}'){sub}"


def _store(keystore: str) -> dict[str, str]:
    return {"keystoreName": keystore}


# -- reading ------------------------------------------------------------------------------
def list_entries(client: TenantClient, keystore: str = SYSTEM) -> list[dict[str, Any]]:
    """The entries of a keystore as the tenant describes them (no certificates)."""
    return results(client.get_json("/KeystoreEntries", _store(keystore)))


def get_entry(client: TenantClient, alias: str, keystore: str = SYSTEM) -> dict[str, Any]:
    return single(client.get_json(_entry_path(alias), _store(keystore)))


def certificate_pem(
    client: TenantClient, alias: str, *, root: bool = False, keystore: str = SYSTEM
) -> bytes:
    """The entry's certificate (``root``: the root of its chain) as PEM."""
    params = {**_store(keystore), "rootCA": "true" if root else "false"}
    return client.get_bytes(_entry_path(alias, "/Certificate/$value"), params)


def certificate(client: TenantClient, alias: str, keystore: str = SYSTEM) -> CertInfo:
    return _one_cert(certificate_pem(client, alias, keystore=keystore), alias)


def chain(
    client: TenantClient, alias: str, keystore: str = SYSTEM, *, leaf_sha256: str | None = None
) -> tuple[CertInfo, ...]:
    """A key pair's chain, leaf first, from its PKCS#7 ``ChainResource``.

    PKCS#7 holds a SET, so the order is rebuilt here (issuer links); ``leaf_sha256``
    (the list's FingerprintSha256) picks the leaf when it is given.
    """
    data = client.get_bytes(_entry_path(alias, "/ChainResource/$value"), _store(keystore))
    try:
        if b"-----BEGIN" in data:
            certs = pkcs7.load_pem_pkcs7_certificates(data)
        else:
            certs = pkcs7.load_der_pkcs7_certificates(data)
    except ValueError as exc:
        raise CorruptData(f"The chain of tenant entry {alias!r} cannot be read.") from exc
    if not certs:
        raise CorruptData(f"The tenant sent an empty chain for entry {alias!r}.")
    return _leaf_first([CertInfo.from_cert(c) for c in certs], leaf_sha256)


def _leaf_first(certs: list[CertInfo], leaf_sha256: str | None) -> tuple[CertInfo, ...]:
    from keymon.core.x509.chain import order_chain_report
    from keymon.core.x509.issuers import IssuerIndex, build_path

    wanted = (leaf_sha256 or "").replace(":", "").lower()
    leaf = next((c for c in certs if c.sha256 == wanted), None)
    if leaf is not None:
        path = build_path(leaf, IssuerIndex(certs)).certs
    else:
        path = order_chain_report(certs).chain
    return (*path, *(c for c in certs if c not in path))


def openssh_key(client: TenantClient, alias: str) -> str:
    """The OpenSSH public key line (RSA and DSA only; the tenant answers 400 for others)."""
    return client.get_bytes(_entry_path(alias, "/Sshkey/$value")).decode("ascii", "replace")


def signing_request(client: TenantClient, alias: str) -> bytes:
    """A PKCS#10 CSR (PEM) for a key pair on the tenant."""
    return client.get_bytes(_entry_path(alias, "/SigningRequest/$value"))


def download_public(client: TenantClient) -> bytes:
    """The keystore's public content as a JCEKS file (needs SecurityMaterialDownload)."""
    body = single(client.get_json("/KeystoreResources('system')"))
    resource = body.get("Resource")
    if not isinstance(resource, str):
        raise CorruptData("The tenant sent no keystore content.")
    return base64.b64decode(resource)


def _one_cert(pem_data: bytes, alias: str) -> CertInfo:
    from cryptography import x509

    try:
        return CertInfo.from_cert(x509.load_pem_x509_certificate(pem_data))
    except ValueError:
        try:
            return CertInfo.from_der(pem_data)
        except CorruptData as exc:
            raise CorruptData(f"The certificate of tenant entry {alias!r} cannot be read.") from exc


# -- writing ------------------------------------------------------------------------------
def add_trusted_certificate(
    client: TenantClient,
    alias: str,
    cert: CertInfo,
    *,
    fingerprint_verified: bool,
    update: bool = False,
) -> None:
    """Upload a trusted certificate; ``fingerprint_verified`` only after the user compared it."""
    from cryptography.hazmat.primitives.serialization import Encoding

    data = cert.cert.public_bytes(Encoding.PEM)
    if len(data) > CERTIFICATE_LIMIT:
        raise UsageError(
            f"The certificate is {len(data):,} bytes as PEM; a tenant accepts at most 10 kB."
        )
    params = {"update": "true" if update else "false"}
    if fingerprint_verified:
        params["fingerprintVerified"] = "true"
    client.request(
        "PUT",
        f"/CertificateResources('{hexalias(alias)}')/$value",
        params=params,
        content=data,
        headers={"Content-Type": "application/pkix-cert"},
    )


def upload_ca_response(
    client: TenantClient, alias: str, chain_certs: Sequence[CertInfo], *, fingerprint_verified: bool
) -> None:
    """Install a CA response (leaf first) in a tenant key pair.

    The caller checks locally first (keymon.core.x509.reply.plan_reply against the
    entry's chain) that the reply carries the entry's public key.
    """
    from cryptography.hazmat.primitives.serialization import Encoding

    data = b"".join(c.cert.public_bytes(Encoding.PEM) for c in chain_certs)
    if len(data) > CHAIN_LIMIT:
        raise UsageError(
            f"The CA response is {len(data):,} bytes; a tenant accepts at most 30,072 bytes."
        )
    params = {"fingerprintVerified": "true"} if fingerprint_verified else {}
    client.request(
        "PUT",
        f"/CertificateChainResources('{hexalias(alias)}')/$value",
        params=params,
        content=data,
        headers={"Content-Type": "application/pkix-cert"},
    )


@dataclass(frozen=True)
class KeyPairRequest:
    """What KeyPairGenerationRequests takes (API.md); RSA 4096 by default."""

    alias: str
    common_name: str
    country: str
    key_type: str = "RSA"  # RSA | EC | DSA
    key_size: int = 4096
    curve: str | None = None  # e.g. secp256r1 for EC
    signature_algorithm: str = "SHA-512/RSA"
    organization: str | None = None
    organization_unit: str | None = None
    locality: str | None = None
    state: str | None = None
    email: str | None = None
    valid_not_before: Any = None  # datetime or None
    valid_not_after: Any = None

    def body(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "Hexalias": hexalias(self.alias),
            "Alias": self.alias,
            "KeyType": self.key_type,
            "KeySize": self.key_size,
            "SignatureAlgorithm": self.signature_algorithm,
            "CommonName": self.common_name,
            "Country": self.country,
        }
        optional = {
            "KeyAlgorithmParameter": self.curve,
            "Organization": self.organization,
            "OrganizationUnit": self.organization_unit,
            "Locality": self.locality,
            "State": self.state,
            "Email": self.email,
            "ValidNotBefore": odata_date(self.valid_not_before) if self.valid_not_before else None,
            "ValidNotAfter": odata_date(self.valid_not_after) if self.valid_not_after else None,
        }
        out.update({k: v for k, v in optional.items() if v is not None})
        return out


def generate_key_pair(client: TenantClient, request: KeyPairRequest) -> None:
    client.request("POST", "/KeyPairGenerationRequests", json=request.body())


def upload_key_pairs(
    client: TenantClient, entries: Sequence[KeyPairEntry], *, update: bool = False
) -> list[str]:
    """Upload every key pair, one request each (the tenant takes one key per PKCS#12).

    Each goes as a PKCS#12 written by keymon under a random one-time password.
    Returns the aliases uploaded, in order; stops at the first refusal.
    """
    done = []
    for entry in entries:
        password = _random.token_urlsafe(18)
        data = pkcs12.dump([entry], password)
        body = {
            "Hexalias": hexalias(entry.alias),
            "Alias": entry.alias,
            "Password": password,
            "Resource": base64.b64encode(data).decode("ascii"),
        }
        params = {"update": "true" if update else "false", "fingerprintVerified": "true"}
        client.request("POST", "/KeyPairResources", params=params, json=body)
        done.append(entry.alias)
    return done


def rename(client: TenantClient, alias: str, new_alias: str) -> None:
    client.request(
        "PUT", _entry_path(alias), params={"renameAlias": new_alias}, json={"Status": None}
    )


def delete(client: TenantClient, alias: str, keystore: str = SYSTEM) -> None:
    client.request("DELETE", _entry_path(alias), params=_store(keystore))


def mass_delete(client: TenantClient, aliases: Sequence[str]) -> None:
    """Delete several entries in one request (``;`` and ``\\`` in aliases escaped)."""
    joined = ";".join(a.replace("\\", "\\\\").replace(";", "\\;") for a in aliases)
    client.request(
        "PUT",
        "/KeystoreResources('system')",
        params={"deleteEntries": "true"},
        json={"Aliases": joined},
    )


def backup(client: TenantClient) -> None:
    """Copy ``system`` to ``backup_admin_system`` (replacing the previous backup)."""
    client.request("POST", "/KeystoreResources", json={"Name": BACKUP})


def restore(client: TenantClient) -> None:
    """Make the backup the ``system`` keystore (replacing what is there now)."""
    client.request(
        "PUT",
        "/KeystoreResources('system')",
        params={"retrieveBackup": BACKUP},
        json={"Resource": None},
    )


def activate_renewal(client: TenantClient, alias: str) -> None:
    """Activate a KeyRenewal key pair: it replaces the system one (which goes to history)."""
    client.request(
        "DELETE", _entry_path(alias), params={"keystoreName": RENEWAL, "activate": "true"}
    )


def history(client: TenantClient) -> list[dict[str, Any]]:
    return results(client.get_json("/HistoryKeystoreEntries"))


def copy_from_history(client: TenantClient, history_alias: str, destination: str) -> None:
    """Copy a history entry (e.g. ``[1]_client``) into the KeyRenewal keystore."""
    client.request(
        "PUT",
        f"/HistoryKeystoreEntries('{hexalias(history_alias)}')",
        params={"copy": "true", "destinationAlias": destination},
        json={"Status": None},
    )

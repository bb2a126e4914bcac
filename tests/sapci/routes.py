"""The Security Content endpoints of the simulated tenant (API.md "Endpoints" table).

Each handler cites API.md; "(inferred)" marks behaviour no public source states.
``h`` is the handler (tests/sapci/double.py) with ``send``, ``error`` and ``require``.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12
from cryptography.x509.oid import NameOID

from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry
from keymon.core.formats import jks
from tests.sapci.tenant_model import (
    TENANT_ADMIN,
    ApiError,
    alias_of,
    cert_fields,
    entity_json,
    hexalias,
    pem_of,
    reserved,
)

if TYPE_CHECKING:
    from tests.sapci.double import _Handler

ENTITY_SETS = [
    "KeystoreEntries",
    "Keystores",
    "KeystoreResources",
    "CertificateResources",
    "CertificateChainResources",
    "KeyPairGenerationRequests",
    "KeyPairResources",
    "HistoryKeystoreEntries",
]
READ, EDIT, DOWNLOAD = "MonitoringDataRead", "SecurityMaterialEdit", "SecurityMaterialDownload"
CERT_LIMIT = 10 * 1024  # API.md: CertificateResources 413 over 10 kB
CHAIN_LIMIT = 30_072  # API.md: CertificateChainResources 413 over 30,072 bytes
ENTRY = re.compile(r"^/KeystoreEntries\('([^']*)'\)(/.*)?$")
RESOURCE = re.compile(r"^/(CertificateResources|CertificateChainResources)\('([^']*)'\)/\$value$")
HISTORY = re.compile(r"^/HistoryKeystoreEntries\('([^']*)'\)$")


def _root(h: _Handler) -> str:
    return f"{h.tenant.url}/api/v1"


def _results(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"d": {"results": items}}


def _select(item: dict[str, Any], select: str | None) -> dict[str, Any]:
    if not select:
        return item
    keep = {s.strip() for s in select.split(",")} | {"__metadata"}
    return {k: v for k, v in item.items() if k in keep}


def handle(h: _Handler, method: str, path: str, q: dict[str, str], body: bytes) -> None:
    tenant = h.tenant
    state = tenant.state
    offset = tenant.offset_dates
    store = q.get("keystoreName") or "system"
    if "$top" in q:  # API.md: "$top not supported" (the answer's wording is inferred)
        raise ApiError(501, "The system query option '$top' is not supported")
    if method == "GET" and path == "/KeystoreEntries":
        h.require(READ)
        if store == "KeyHistory":  # API.md: KeyHistory for certificates
            items = _history(h, None)
        else:
            with state.lock:
                aliases = list(state.store(store))
            items = [state.entity(_root(h), a, store, offset) for a in aliases]
        h.send(200, _results([_select(i, q.get("$select")) for i in items]))
        return
    match = ENTRY.match(path)
    if match:
        _entry(h, method, alias_of(match[1]), match[2] or "", q, store)
        return
    match = re.match(
        r"^/(CertificateResources|CertificateChainResources)\('([^']*)'\)/\$value$", path
    )
    if match and method == "PUT":
        h.require(EDIT)
        alias = alias_of(match[2])
        if match[1] == "CertificateResources":
            _put_certificate(h, alias, q, body)
        else:
            _put_chain(h, alias, q, body)
        return
    if method == "POST" and path == "/KeyPairGenerationRequests":
        h.require(EDIT)
        _generate(h, json.loads(body or b"{}"))
        return
    if method == "POST" and path == "/KeyPairResources":
        h.require(EDIT)
        _upload_key_pair(h, q, json.loads(body or b"{}"))
        return
    if path.startswith("/Keystores('"):
        _keystores(h, method, path)
        return
    if path.startswith("/KeystoreResources"):
        _resources(h, method, path, q, json.loads(body or b"{}"))
        return
    if path == "/HistoryKeystoreEntries" and method == "GET":
        h.require(READ)
        h.send(200, _results(_history(h, None)))
        return
    match = HISTORY.match(path)
    if match:
        _history_entry(h, method, alias_of(match[1]), q)
        return
    raise ApiError(404, f"Resource not found for the segment '{path.strip('/')}'")


# -- one entry ----------------------------------------------------------------------
def _entry(h: _Handler, method: str, alias: str, sub: str, q: dict[str, str], store: str) -> None:
    state = h.tenant.state
    if method == "GET" and not sub:
        h.require(READ)
        h.send(200, {"d": state.entity(_root(h), alias, store, h.tenant.offset_dates)})
        return
    if method == "GET":
        h.require(READ)
        entry = state.entry(alias, store)
        _entry_value(h, entry, sub, q)
        return
    h.require(EDIT)
    if reserved(alias):  # API.md "Errors": 403 for reserved aliases
        raise ApiError(403, f"The alias '{alias}' is reserved for SAP and cannot be changed")
    if method == "PUT" and "renameAlias" in q:
        new = q["renameAlias"]
        with state.lock:
            if new in state.store(store):
                # API.md: PUT renameAlias → 400 if the new alias exists
                raise ApiError(400, f'Keystore entry with alias "{new}" already exists')
            if reserved(new):
                raise ApiError(403, f"The alias '{new}' is reserved for SAP")
            entry = state.remove(alias, store)
            state.put(_renamed(entry, new), store)
            state.save()
        h.send(204)
        return
    if method == "DELETE":
        with state.lock:
            if store == "KeyRenewal" and q.get("activate") == "true":
                _activate(h, alias)
            else:
                state.remove(alias, store)
            state.save()
        h.send(204)
        return
    raise ApiError(405, "Method not allowed")


def _renamed(entry: Entry, alias: str) -> Entry:
    if isinstance(entry, KeyPairEntry):
        return KeyPairEntry(alias, entry.private_key, entry.chain)
    assert isinstance(entry, CertificateEntry)
    return CertificateEntry(alias, entry.cert)


def _activate(h: _Handler, alias: str) -> None:
    """API.md: DELETE ...?keystoreName=KeyRenewal&activate=true activates a renewal key."""
    state = h.tenant.state
    renewal = state.remove(alias, "KeyRenewal")
    if alias in state.store("system"):
        state.remove(alias, "system")  # the old key pair goes to the history
    state.put(renewal, "system")


def _entry_value(h: _Handler, entry: Entry, sub: str, q: dict[str, str]) -> None:
    chain = entry.certificates
    if sub == "/Certificate/$value":
        # API.md: PEM certificate (application/pkix-cert); rootCA=true gives the root
        cert = chain[-1] if q.get("rootCA") == "true" else chain[0]
        h.send(200, pem_of(cert), "application/pkix-cert")
    elif sub == "/ChainCertificates":
        if not isinstance(entry, KeyPairEntry):  # API.md: key pairs only
            raise ApiError(400, "The entry does not represent a Key Pair")
        items = [{"Index": i, **cert_fields(c, h.tenant.offset_dates)} for i, c in enumerate(chain)]
        h.send(200, _results(items))
    elif sub == "/ChainResource/$value":
        # API.md: PKCS#7 chain (seen PEM-wrapped)
        data = pkcs7.serialize_certificates([c.cert for c in chain], serialization.Encoding.PEM)
        h.send(200, data, "application/pkcs7-mime")
    elif sub == "/SigningRequest/$value":
        if not isinstance(entry, KeyPairEntry):
            raise ApiError(400, "The entry does not represent a Key Pair")
        csr = (
            x509.CertificateSigningRequestBuilder()
            .subject_name(chain[0].cert.subject)
            .sign(entry.private_key, _hash_for(entry.private_key))  # type: ignore[arg-type]
        )
        h.send(200, csr.public_bytes(serialization.Encoding.PEM), "application/pkcs10")
    elif sub == "/Sshkey/$value":
        key = chain[0].cert.public_key()
        if not isinstance(key, rsa.RSAPublicKey | dsa.DSAPublicKey):  # API.md: RSA/DSA only
            raise ApiError(400, "Only RSA and DSA keys can be exported in OpenSSH format")
        line = key.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
        h.send(200, line + b" " + entry.alias.encode() + b"\n", "text/plain")
    else:
        raise ApiError(404, f"Resource not found for the segment '{sub.strip('/')}'")


def _hash_for(key: object) -> hashes.HashAlgorithm:
    return hashes.SHA256()


# -- certificates and CA responses ---------------------------------------------------
def _load_certs(body: bytes) -> list[x509.Certificate]:
    """PEM, DER, base64 DER (API.md CertificateResources), PKCS#7 or PkiPath."""
    text = body.strip()
    try:
        if b"-----BEGIN PKCS7" in text or b"-----BEGIN CMS" in text:
            return pkcs7.load_pem_pkcs7_certificates(text)
        if b"-----BEGIN" in text:
            return x509.load_pem_x509_certificates(text)
        try:
            return [x509.load_der_x509_certificate(text)]
        except ValueError:
            pass
        try:
            return pkcs7.load_der_pkcs7_certificates(text)
        except ValueError:
            pass
        from asn1crypto import x509 as ax

        try:  # PkiPath: SEQUENCE OF Certificate, root first
            path = ax.Certificates.load(text)
            return [x509.load_der_x509_certificate(c.dump()) for c in reversed(list(path))]
        except ValueError:
            pass
        return [x509.load_der_x509_certificate(base64.b64decode(text, validate=True))]
    except ValueError as exc:
        raise ApiError(400, "The certificate could not be parsed") from exc


def _not_imported(h: _Handler, alias: str, cert: x509.Certificate, status: str) -> ApiError:
    """API.md: 409, body the entry with Validity/Status "notTrusted"/"notImported"."""
    info = CertInfo.from_cert(cert)
    body = {"Hexalias": hexalias(alias), "Alias": alias, **cert_fields(info, True)}
    body["Status"] = status
    return ApiError(409, status, {"d": body})


def _put_certificate(h: _Handler, alias: str, q: dict[str, str], body: bytes) -> None:
    state = h.tenant.state
    if len(body) > CERT_LIMIT:
        raise ApiError(413, "The certificate is larger than 10 kB")
    if reserved(alias):
        raise ApiError(403, f"The alias '{alias}' is reserved for SAP")
    certs = _load_certs(body)
    if q.get("fingerprintVerified") != "true":
        # API.md: 409 without fingerprintVerified=true
        raise _not_imported(h, alias, certs[0], "notImported: fingerprint not verified")
    with state.lock:
        if alias in state.store("system") and q.get("update") != "true":
            raise ApiError(400, f'Keystore entry with alias "{alias}" already exists')
        state.put(CertificateEntry(alias, CertInfo.from_cert(certs[0])))
        state.save()
    h.send(204)


def _put_chain(h: _Handler, alias: str, q: dict[str, str], body: bytes) -> None:
    state = h.tenant.state
    if len(body) > CHAIN_LIMIT:
        raise ApiError(413, "The CA response is larger than 30072 bytes")
    entry = state.entry(alias)
    if not isinstance(entry, KeyPairEntry):
        raise ApiError(400, f"The keystore entry '{alias}' does not represent a Key Pair")
    certs = [CertInfo.from_cert(c) for c in _load_certs(body)]
    own = entry.certificate.cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    leaf = next(
        (
            c
            for c in certs
            if c.cert.public_key().public_bytes(
                serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            == own
        ),
        None,
    )
    if leaf is None:
        raise ApiError(
            400,
            "The public key of the CA Reply is different from the public key of the keystore entry",
        )
    if q.get("fingerprintVerified") != "true":
        raise _not_imported(h, alias, leaf.cert, "notImported: fingerprint not verified")
    chain = [leaf, *(c for c in certs if c is not leaf)]
    with state.lock:
        state.remove(alias)
        state.put(KeyPairEntry(alias, entry.private_key, tuple(chain)))
        state.save()
    h.send(204)


# -- key pairs ---------------------------------------------------------------------------
def _date(value: str | None, default: dt.datetime) -> dt.datetime:
    match = re.fullmatch(r"/Date\((-?\d+)([+-]\d{4})?\)/", value or "")
    if not match:
        return default
    return dt.datetime.fromtimestamp(int(match[1]) / 1000, dt.UTC)


def _generate(h: _Handler, req: dict[str, Any]) -> None:
    """API.md: KeyPairGenerationRequests; defaults RSA 4096, SHA-512/RSA, 3 years."""
    state = h.tenant.state
    alias = req.get("Alias") or alias_of(req.get("Hexalias", ""))
    if reserved(alias):
        raise ApiError(403, f"The alias '{alias}' is reserved for SAP")
    if not req.get("CommonName") or not req.get("Country"):
        raise ApiError(400, "CommonName and Country are required")
    kind = (req.get("KeyType") or "RSA").upper()
    key: Any
    if kind == "RSA":
        key = rsa.generate_private_key(65537, int(req.get("KeySize") or 4096))
    elif kind == "EC":
        curves = {"secp256r1": ec.SECP256R1(), "secp384r1": ec.SECP384R1()}
        curves["secp521r1"] = ec.SECP521R1()
        curve = curves.get(str(req.get("KeyAlgorithmParameter") or "secp256r1").lower())
        if curve is None:
            raise ApiError(400, "Unsupported elliptic curve")
        key = ec.generate_private_key(curve)
    elif kind == "DSA":
        key = dsa.generate_private_key(int(req.get("KeySize") or 2048))
    else:
        raise ApiError(400, f"Unsupported key type {kind}")
    parts = [
        (NameOID.COUNTRY_NAME, "Country"),
        (NameOID.STATE_OR_PROVINCE_NAME, "State"),
        (NameOID.LOCALITY_NAME, "Locality"),
        (NameOID.ORGANIZATION_NAME, "Organization"),
        (NameOID.ORGANIZATIONAL_UNIT_NAME, "OrganizationUnit"),
        (NameOID.COMMON_NAME, "CommonName"),
    ]
    name = x509.Name([x509.NameAttribute(oid, req[f]) for oid, f in parts if req.get(f)])
    now = dt.datetime.now(dt.UTC)
    start = _date(req.get("ValidNotBefore"), now)
    end = _date(req.get("ValidNotAfter"), now + dt.timedelta(days=3 * 365))
    digest = hashes.SHA512() if "512" in str(req.get("SignatureAlgorithm") or "512") else None
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .sign(key, digest or hashes.SHA256())
    )
    with state.lock:
        if alias in state.store("system"):
            raise ApiError(400, f'Keystore entry with alias "{alias}" already exists')
        state.put(KeyPairEntry(alias, key, (CertInfo.from_cert(cert),)))
        state.save()
    h.send(204)


def _upload_key_pair(h: _Handler, q: dict[str, str], req: dict[str, Any]) -> None:
    """API.md: KeyPairResources with base64 PKCS#12; 415 if not PKCS#12; one key only."""
    state = h.tenant.state
    alias = req.get("Alias") or alias_of(req.get("Hexalias", ""))
    if reserved(alias):
        raise ApiError(403, f"The alias '{alias}' is reserved for SAP")
    try:
        raw = base64.b64decode(req.get("Resource") or "", validate=True)
    except ValueError as exc:
        raise ApiError(415, "The resource is not a PKCS#12 keystore") from exc
    password = (req.get("Password") or "").encode()
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(raw, password)
    except ValueError as exc:
        if raw[:1] != b"\x30":
            raise ApiError(415, "The resource is not a PKCS#12 keystore") from exc
        raise ApiError(400, "The PKCS#12 keystore cannot be opened with this password") from exc
    if key is None or cert is None:
        raise ApiError(400, "The PKCS#12 keystore holds no key pair")
    with state.lock:
        if alias in state.store("system") and q.get("update") != "true":
            raise ApiError(400, f'Keystore entry with alias "{alias}" already exists')
        chain = (CertInfo.from_cert(cert), *(CertInfo.from_cert(c) for c in extra))
        state.put(KeyPairEntry(alias, key, chain))
        state.save()
    h.send(204)


# -- keystores, resources, history ------------------------------------------------------
def _keystores(h: _Handler, method: str, path: str) -> None:
    h.require(READ)
    state = h.tenant.state
    match = re.match(r"^/Keystores\('([^']*)'\)(/Size/\$value)?$", path)
    if not match or method != "GET":
        raise ApiError(404, "Resource not found")
    name = match[1]
    with state.lock:
        aliases = list(state.store(name))
        items = [state.entity(_root(h), a, name, h.tenant.offset_dates) for a in aliases]
    if match[2]:  # API.md: Size/$value, entry count as plain text
        h.send(200, str(len(items)).encode(), "text/plain")
        return
    modified = max((i["LastModifiedTime"] for i in items), default=None)
    h.send(
        200,
        {
            "d": {
                "Name": name,
                "LastModifiedBy": state.user,
                "LastModifiedTime": modified,
                "Size": len(items),
                "Entries": {"results": items},
            }
        },
    )


def _resources(h: _Handler, method: str, path: str, q: dict[str, str], req: dict[str, Any]) -> None:
    state = h.tenant.state
    if method == "GET" and path == "/KeystoreResources('system')":
        h.require(DOWNLOAD)  # API.md roles: SecurityMaterialDownload (download keystore)
        with state.lock:  # API.md: base64 JCEKS, public content only
            public = [
                CertificateEntry(e.alias, e.certificates[0]) for e in state.store("system").values()
            ]
        data = jks.dump(public, "changeit", jceks=True)
        body = {"Name": "system", "Resource": base64.b64encode(data).decode(), "Password": None}
        h.send(200, {"d": {**body, "Aliases": None}})
        return
    h.require(EDIT)
    with state.lock:
        if method == "POST" and path == "/KeystoreResources":
            if req.get("Name") == "backup_admin_system" and not req.get("Resource"):
                # API.md: backup {"Name": "backup_admin_system"}
                state.stores["backup_admin_system"] = dict(state.store("system"))
                state.meta["backup_admin_system"] = dict(state.meta["system"])
                state.save()
                h.send(201, {"d": {"Name": "backup_admin_system"}})
                return
            _import(h, q, req)
            return
        if method == "PUT" and path == "/KeystoreResources('system')":
            if q.get("retrieveBackup") == "backup_admin_system":
                if not state.store("backup_admin_system"):
                    raise ApiError(404, "No backup of the keystore exists")  # API.md: 404
                state.stores["system"] = dict(state.store("backup_admin_system"))
                state.meta["system"] = dict(state.meta["backup_admin_system"])
                state.save()
                h.send(204)
                return
            if q.get("deleteEntries") == "true":
                # API.md: {"Aliases": "a;b"}, `;` and `\` escaped
                aliases = [
                    a.replace("\\;", ";").replace("\\\\", "\\")
                    for a in re.split(r"(?<!\\);", req.get("Aliases") or "")
                    if a
                ]
                for alias in aliases:
                    if reserved(alias):
                        raise ApiError(403, f"The alias '{alias}' is reserved for SAP")
                for alias in aliases:
                    if alias in state.store("system"):
                        state.remove(alias)
                state.save()
                h.send(204)
                return
    raise ApiError(404, "Resource not found")


def _import(h: _Handler, q: dict[str, str], req: dict[str, Any]) -> None:
    """API.md: import {Name, Resource: base64 JKS/JCEKS, Password}, importOption."""
    state = h.tenant.state
    option = q.get("importOption") or "merge"
    try:
        entries = jks.load(base64.b64decode(req.get("Resource") or ""), req.get("Password"))
    except Exception as exc:  # the double answers any unreadable upload the same way
        raise ApiError(400, "The keystore cannot be read") from exc
    results = []
    current = state.store("system")
    for entry in entries:
        if reserved(entry.alias):
            results.append({"Alias": entry.alias, "Status": "notImported: reserved alias"})
            continue
        status = "new" if entry.alias not in current else "unchanged"
        if status == "unchanged" and option in ("overwrite", "replace"):
            status = "changed"
        if status != "unchanged":
            state.put(entry)
        results.append({"Alias": entry.alias, "Status": status})
    if option == "replace":
        names = {e.alias for e in entries}
        for alias in [a for a in current if a not in names and not reserved(a)]:
            state.remove(alias)
            results.append({"Alias": alias, "Status": "removed"})
    state.save()
    h.send(201, _results(results))


def _history(h: _Handler, only: str | None) -> list[dict[str, Any]]:
    """API.md: history entries add ActivatedBy, ActiveFrom, ... OriginalAlias."""
    state = h.tenant.state
    out = []
    with state.lock:
        for n, (alias, (entry, meta)) in enumerate(state.history.items(), start=1):
            if only is not None and alias != only:
                continue
            item = entity_json(_root(h), _renamed(entry, alias), meta, h.tenant.offset_dates)
            original = alias.split("]_", 1)[-1]
            item.update(
                {
                    "ActivatedBy": meta.created_by,
                    "ActiveFrom": item["CreatedTime"],
                    "DeactivatedBy": state.user,
                    "ActiveUntil": item["LastModifiedTime"],
                    "ActivationSequenceNumber": n,
                    "OriginalAlias": original,
                }
            )
            out.append(item)
    return out


def _history_entry(h: _Handler, method: str, alias: str, q: dict[str, str]) -> None:
    state = h.tenant.state
    if alias not in state.history:
        raise ApiError(404, f"Alias '{alias}' not found in the keystore")
    if method == "GET":
        h.require(READ)
        h.send(200, {"d": _history(h, alias)[0]})
        return
    if method == "PUT" and q.get("copy") == "true":
        h.require(EDIT)  # API.md: copy into KeyRenewal
        target = q.get("destinationAlias") or alias.split("]_", 1)[-1]
        entry, _ = state.history[alias]
        with state.lock:
            state.put(_renamed(entry, target), "KeyRenewal", TENANT_ADMIN)
            state.save()
        h.send(204)
        return
    raise ApiError(405, "Method not allowed")

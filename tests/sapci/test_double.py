"""The simulated tenant behaves as API.md documents (checked with plain httpx, not keymon)."""

from __future__ import annotations

import json
import ssl
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from tests import factory
from tests.sapci.double import FakeTenant
from tests.sapci.seed import seed
from tests.sapci.tenant_model import hexalias


def _ctx(tenant: FakeTenant) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(tenant.ca_file))


@pytest.fixture(scope="module")
def tenant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeTenant]:
    with FakeTenant(tmp_path_factory.mktemp("tenant")) as t:
        seed(t.state, small=True)
        yield t


@pytest.fixture
def api(tenant: FakeTenant) -> Iterator[httpx.Client]:
    token = httpx.post(
        tenant.token_url,
        params={"grant_type": "client_credentials"},
        auth=(tenant.client_id, tenant.client_secret),
        verify=_ctx(tenant),
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    with httpx.Client(
        base_url=f"{tenant.url}/api/v1", headers=headers, verify=_ctx(tenant)
    ) as client:
        fetched = client.get("/", headers={"X-CSRF-Token": "Fetch"})
        client.headers["X-CSRF-Token"] = fetched.headers["X-CSRF-Token"]
        yield client


def test_token_needs_the_right_secret(tenant: FakeTenant) -> None:
    answer = httpx.post(
        tenant.token_url,
        params={"grant_type": "client_credentials"},
        auth=(tenant.client_id, "wrong"),
        verify=_ctx(tenant),
    )
    assert answer.status_code == 401


def test_list_is_odata_v2_with_metadata_and_both_date_forms(
    tenant: FakeTenant, api: httpx.Client
) -> None:
    results = api.get("/KeystoreEntries").json()["d"]["results"]
    by_alias = {r["Alias"]: r for r in results}
    assert by_alias["sap_cloudintegrationcertificate"]["Owner"] == "SAP"
    entry = by_alias["tenant_client"]
    assert entry["Type"] == "Key Pair"
    assert entry["Hexalias"] == hexalias("tenant_client")
    assert entry["ValidNotAfter"].startswith("/Date(") and entry["ValidNotAfter"].endswith(
        "+0000)/"
    )
    assert "__deferred" in entry["ChainCertificates"]
    assert "__metadata" in entry


def test_reserved_odd_hex_missing_and_locked(tenant: FakeTenant, api: httpx.Client) -> None:
    assert api.get("/KeystoreEntries('ABC')").status_code == 500
    missing = api.get(f"/KeystoreEntries('{hexalias('nope')}')")
    assert missing.status_code == 404
    assert "not found in the keystore" in missing.json()["error"]["message"]["value"]
    assert api.delete(f"/KeystoreEntries('{hexalias('sap_cloud_root_ca')}')").status_code == 403
    tenant.inject(503, method="DELETE")
    locked = api.delete(f"/KeystoreEntries('{hexalias('receiver_root_ca')}')")
    assert locked.status_code == 503
    assert "locked by another user" in locked.json()["error"]["message"]["value"]


def test_writes_need_csrf(tenant: FakeTenant, api: httpx.Client) -> None:
    del api.headers["X-CSRF-Token"]
    answer = api.delete(f"/KeystoreEntries('{hexalias('old_partner_root')}')")
    assert answer.status_code == 403
    assert answer.headers["X-CSRF-Token"] == "Required"


def test_certificate_upload_needs_fingerprint_verified(
    tenant: FakeTenant, api: httpx.Client
) -> None:
    cert = factory.make_cert(factory.ec_key(7), "Uploaded Root", ca=True)
    pem = cert.public_bytes(Encoding.PEM)
    h = hexalias("uploaded_root")
    refused = api.put(f"/CertificateResources('{h}')/$value", content=pem)
    assert refused.status_code == 409
    assert refused.json()["d"]["Status"].startswith("notImported")
    ok = api.put(
        f"/CertificateResources('{h}')/$value",
        params={"fingerprintVerified": "true"},
        content=pem,
    )
    assert ok.status_code == 204
    assert api.get(f"/KeystoreEntries('{h}')").json()["d"]["Type"] == "Certificate"
    assert api.put(f"/CertificateResources('{h}')/$value", content=b"x" * 11_000).status_code == 413


def test_generate_csr_and_backup_restore(tenant: FakeTenant, api: httpx.Client) -> None:
    h = hexalias("new_client")
    body = {"Hexalias": h, "Alias": "new_client", "KeyType": "EC", "KeySize": 256,
            "KeyAlgorithmParameter": "secp256r1", "CommonName": "new", "Country": "DE"}  # fmt: skip
    assert api.post("/KeyPairGenerationRequests", json=body).status_code == 204
    csr = api.get(f"/KeystoreEntries('{h}')/SigningRequest/$value")
    assert csr.text.startswith("-----BEGIN CERTIFICATE REQUEST-----")
    assert api.post("/KeystoreResources", json={"Name": "backup_admin_system"}).status_code == 201
    assert api.delete(f"/KeystoreEntries('{h}')").status_code == 204
    assert api.get(f"/KeystoreEntries('{h}')").status_code == 404
    assert (
        api.put(
            "/KeystoreResources('system')",
            params={"retrieveBackup": "backup_admin_system"},
            json={"Resource": None},
        ).status_code
        == 204
    )
    assert api.get(f"/KeystoreEntries('{h}')").status_code == 200


def test_state_is_a_real_keystore_file(tenant: FakeTenant) -> None:
    from keymon.core.formats import pkcs12

    data = (tenant.folder / "keystores" / "system.p12").read_bytes()
    aliases = {e.alias for e in pkcs12.load(data, "double-internal")}
    assert "tenant_client" in aliases
    meta = json.loads((tenant.folder / "keystores" / "meta.json").read_text())
    assert meta["system"]["sap_cloud_root_ca"]["owner"] == "SAP"


def test_history_and_keyrenewal(tenant: FakeTenant, api: httpx.Client) -> None:
    history = api.get("/HistoryKeystoreEntries").json()["d"]["results"]
    assert history[0]["OriginalAlias"] == "tenant_client_2024"
    renewal = api.get("/KeystoreEntries", params={"keystoreName": "KeyRenewal"}).json()
    assert [r["Alias"] for r in renewal["d"]["results"]] == ["tenant_client"]


def test_expired_token_is_401(tenant: FakeTenant, api: httpx.Client) -> None:
    tenant.expire_tokens()
    assert api.get("/KeystoreEntries").status_code == 401


def test_mtls_token_endpoint(tenant: FakeTenant, tmp_path: Path) -> None:
    key = tenant.cert_service_key()["oauth"]
    cert_file, key_file = tmp_path / "c.pem", tmp_path / "k.pem"
    cert_file.write_text(key["certificate"])
    key_file.write_text(key["key"])
    ctx = ssl.create_default_context(cafile=str(tenant.ca_file))
    ctx.load_cert_chain(cert_file, key_file)
    answer = httpx.post(
        key["tokenurl"],
        params={"grant_type": "client_credentials"},
        data={"client_id": key["clientid"]},
        verify=ctx,
    )
    assert answer.status_code == 200 and answer.json()["access_token"]

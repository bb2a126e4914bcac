"""Every write to a tenant, end to end: the simulated tenant keeps real state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from keymon.core.entries import CertInfo
from keymon.core.errors import TenantError, UsageError
from keymon.core.formats import jks
from keymon.core.keystore import Keystore
from keymon.core.sapci import api
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.reply import plan_tenant_reply
from keymon.core.x509.reply import ReplyMismatch
from tests import factory
from tests.sapci.double import FakeTenant

MakeClient = Callable[..., TenantClient]


def _aliases(client: TenantClient, keystore: str = "system") -> set[str]:
    return {e["Alias"] for e in api.list_entries(client, keystore)}


def test_trusted_certificate_needs_the_users_fingerprint_check(
    fresh_tenant: FakeTenant, make_client: MakeClient
) -> None:
    client = make_client(fresh_tenant)
    root = CertInfo.from_cert(factory.make_cert(factory.ec_key(7), "Partner Root", ca=True))
    with pytest.raises(TenantError, match=r"did not import .*409.*fingerprint not verified"):
        api.add_trusted_certificate(client, "partner", root, fingerprint_verified=False)
    assert "partner" not in _aliases(client)
    api.add_trusted_certificate(client, "partner", root, fingerprint_verified=True)
    assert api.certificate(client, "partner") == root


def test_oversized_certificate_is_refused_before_upload(
    fresh_tenant: FakeTenant, make_client: MakeClient
) -> None:
    client = make_client(fresh_tenant)
    big = factory.make_cert(factory.rsa_key(2048), "Big", san=[f"h{i}.example" for i in range(900)])
    before = len(fresh_tenant.requests)
    with pytest.raises(UsageError, match="at most 10 kB"):
        api.add_trusted_certificate(
            client, "big", CertInfo.from_cert(big), fingerprint_verified=True
        )
    assert len(fresh_tenant.requests) == before  # nothing was sent


def test_generate_csr_and_install_the_ca_response(
    fresh_tenant: FakeTenant, make_client: MakeClient
) -> None:
    client = make_client(fresh_tenant)
    request = api.KeyPairRequest("new_client", "new-client", "DE", "EC", 256, "secp256r1")
    api.generate_key_pair(client, request)
    csr = x509.load_pem_x509_csr(api.signing_request(client, "new_client"))
    ca_key = factory.ec_key(9)
    ca = factory.make_cert(ca_key, "Issuing CA", ca=True)
    signed = (
        x509.CertificateBuilder()
        .subject_name(csr.subject)
        .issuer_name(ca.subject)
        .public_key(csr.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(ca.not_valid_before_utc)
        .not_valid_after(ca.not_valid_after_utc)
        .sign(ca_key, hashes.SHA256())
    )
    reply = [CertInfo.from_cert(signed), CertInfo.from_cert(ca)]
    # the local key-match check first, on the entry as keymon reads it
    from keymon.core.sapci.reading import read_entries

    entry = next(e for e in read_entries(client) if e.alias == "new_client")
    now = dt.datetime.now(dt.UTC)
    other = CertInfo.from_cert(factory.make_cert(factory.ec_key(11), "new-client"))
    with pytest.raises(ReplyMismatch):  # a reply for another key never leaves the desktop
        plan_tenant_reply(entry, [other], [], [], now)  # type: ignore[arg-type]
    plan = plan_tenant_reply(entry, reply, [], [], now)  # type: ignore[arg-type]
    api.upload_ca_response(client, "new_client", plan.chain, fingerprint_verified=True)
    chain = api.chain(client, "new_client")
    assert [c.summary.subject_cn for c in chain] == ["new-client", "Issuing CA"]


def test_upload_every_key_pair_of_a_multi_key_file(
    fresh_tenant: FakeTenant, make_client: MakeClient
) -> None:
    client = make_client(fresh_tenant)
    local = Keystore([factory.key_pair_entry("one"), factory.key_pair_entry("two")])
    local.add(factory.trusted_entry("not_a_key"))
    pairs = [e for e in local if e.kind == "key_pair"]
    assert api.upload_key_pairs(client, pairs) == ["one", "two"]  # type: ignore[arg-type]
    for entry in pairs:
        assert api.certificate(client, entry.alias) == entry.certificate
    with pytest.raises(TenantError, match="already exists"):
        api.upload_key_pairs(client, pairs[:1])  # type: ignore[arg-type]
    assert api.upload_key_pairs(client, pairs[:1], update=True) == ["one"]  # type: ignore[arg-type]


def test_rename_delete_mass_delete_backup_restore(
    fresh_tenant: FakeTenant, make_client: MakeClient
) -> None:
    client = make_client(fresh_tenant)
    api.backup(client)
    api.rename(client, "receiver_root_ca", "receiver;root")
    assert "receiver;root" in _aliases(client)
    api.delete(client, "tenant_client")
    api.mass_delete(client, ["receiver;root", "old_partner_root"])
    left = _aliases(client)
    assert not left & {"tenant_client", "receiver;root", "old_partner_root", "receiver_root_ca"}
    with pytest.raises(TenantError, match="403"):
        api.mass_delete(client, ["sap_cloud_root_ca"])
    api.restore(client)
    assert {"tenant_client", "receiver_root_ca", "old_partner_root"} <= _aliases(client)


def test_renewal_history_and_public_download(
    fresh_tenant: FakeTenant, make_client: MakeClient
) -> None:
    client = make_client(fresh_tenant)
    renewal_cert = api.certificate(client, "tenant_client", "KeyRenewal")
    api.activate_renewal(client, "tenant_client")
    assert api.certificate(client, "tenant_client") == renewal_cert
    assert _aliases(client, "KeyRenewal") == set()
    history = {h["Alias"]: h for h in api.history(client)}
    assert history["[1]_tenant_client"]["OriginalAlias"] == "tenant_client"
    api.copy_from_history(client, "[1]_tenant_client", "tenant_client_back")
    assert _aliases(client, "KeyRenewal") == {"tenant_client_back"}
    public = jks.load(api.download_public(client), "changeit")
    assert {e.alias for e in public} == _aliases(client)
    assert all(e.kind == "certificate" for e in public)


def test_openssh_key_and_root_certificate(
    fresh_tenant: FakeTenant, make_client: MakeClient
) -> None:
    client = make_client(fresh_tenant)
    root = api.certificate_pem(client, "sap_cloudintegrationcertificate", root=True)
    assert b"BEGIN CERTIFICATE" in root
    assert CertInfo.from_cert(x509.load_pem_x509_certificate(root)).summary.subject_cn == (
        "SAP Cloud Root CA"
    )
    api.upload_key_pairs(client, [factory.key_pair_entry("rsa_one", key=factory.rsa_key())])
    assert api.openssh_key(client, "rsa_one").startswith("ssh-rsa ")
    with pytest.raises(TenantError, match="RSA and DSA"):
        api.openssh_key(client, "tenant_client")  # an EC key

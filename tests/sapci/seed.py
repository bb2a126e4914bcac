"""Realistic content for the simulated tenant: what a tenant administrator sees on day one.

SAP-owned entries (API.md: reserved aliases ``sap_*``, ``hcicertificate*``; Owner "SAP"),
the tenant's own client key pair about to expire, trusted receiver roots, a renewal
key pair in ``KeyRenewal`` and one older key pair in the history.
"""

from __future__ import annotations

import datetime as dt

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from keymon.core.entries import CertificateEntry, CertInfo, KeyPairEntry
from tests.sapci.tenant_model import TenantState


def _name(cn: str, o: str, c: str = "DE") -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, c),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, o),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _cert(
    subject: x509.Name,
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey,
    *,
    issuer: x509.Name | None = None,
    signer: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | None = None,
    days_left: int = 365,
    ca: bool = False,
) -> CertInfo:
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer or subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=300))
        .not_valid_after(now + dt.timedelta(days=days_left))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .sign(signer or key, hashes.SHA256())
    )
    return CertInfo.from_cert(cert)


def seed(state: TenantState, *, small: bool = False) -> None:
    """Fill an empty tenant (``small``: EC keys only, for fast tests)."""

    def key() -> rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey:
        if small:
            return ec.generate_private_key(ec.SECP256R1())
        return rsa.generate_private_key(65537, 2048)

    sap_root_key = key()
    sap_root = _cert(_name("SAP Cloud Root CA", "SAP SE"), sap_root_key, days_left=3000, ca=True)
    sap_key = key()
    sap_leaf = _cert(
        _name("cpi-tenant.hana.ondemand.com", "SAP SE"),
        sap_key,
        issuer=sap_root.cert.subject,
        signer=sap_root_key,
        days_left=200,
    )
    state.put(
        KeyPairEntry("sap_cloudintegrationcertificate", sap_key, (sap_leaf, sap_root)), owner="SAP"
    )
    state.put(CertificateEntry("sap_cloud_root_ca", sap_root), owner="SAP")

    client_key = key()
    client = _cert(_name("tenant-client", "Example Corp"), client_key, days_left=12)
    state.put(KeyPairEntry("tenant_client", client_key, (client,)))

    for alias, cn, days in (
        ("receiver_root_ca", "Receiver Root CA", 2400),
        ("partner_digicert_root", "Partner Global Root G2", 800),
        ("old_partner_root", "Old Partner Root", -20),
    ):
        state.put(
            CertificateEntry(alias, _cert(_name(cn, "Partner"), key(), days_left=days, ca=True))
        )

    renewal_key = key()
    renewal = _cert(_name("tenant-client", "Example Corp"), renewal_key, days_left=730)
    state.put(KeyPairEntry("tenant_client", renewal_key, (renewal,)), "KeyRenewal")

    old_key = key()
    old = _cert(_name("tenant-client-2024", "Example Corp"), old_key, days_left=-100)
    state.put(KeyPairEntry("tenant_client_2024", old_key, (old,)))
    state.remove("tenant_client_2024")  # now in the history as [1]_tenant_client_2024
    state.save()

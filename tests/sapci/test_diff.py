"""Compare keystores: a tenant against a local file, one tenant against another."""

from __future__ import annotations

from collections.abc import Callable

from keymon.core.entries import CertificateEntry, CertInfo, KeyPairEntry
from keymon.core.keystore import Keystore
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.diff import diff
from keymon.core.sapci.reading import read_entries
from tests import factory
from tests.sapci.double import FakeTenant

MakeClient = Callable[..., TenantClient]


def test_tenant_against_a_local_keystore(tenant: FakeTenant, make_client: MakeClient) -> None:
    remote = read_entries(make_client(tenant))
    local = Keystore()
    by_alias = {e.alias: e for e in remote}
    local.add(CertificateEntry("RECEIVER_ROOT_CA", by_alias["receiver_root_ca"].certificate))
    other = CertInfo.from_cert(factory.make_cert(factory.ec_key(3), "Other Root", ca=True))
    local.add(CertificateEntry("partner_digicert_root", other))
    client = by_alias["tenant_client"]
    shorter = CertInfo.from_cert(factory.make_cert(factory.ec_key(4), "CA", ca=True, days=5))
    local.add(KeyPairEntry("tenant_client", factory.ec_key(5), (client.certificate, shorter)))
    local.add(CertificateEntry("only_here", other))

    result = diff(remote, local)
    assert result.only_in_b == ("only_here",)
    assert set(result.only_in_a) == {
        "sap_cloudintegrationcertificate",
        "sap_cloud_root_ca",
        "old_partner_root",
    }
    assert [d.alias for d in result.different_certificate] == ["partner_digicert_root"]
    changed = result.different_certificate[0]
    assert changed.a_not_after != changed.b_not_after
    # same leaf, but the local chain's CA ends in 5 days (the leaf in 12): expiry only
    assert [d.alias for d in result.different_expiry] == ["tenant_client"]
    assert result.different_expiry[0].b_not_after == shorter.summary.not_after
    assert not result.same


def test_a_tenant_against_itself_is_the_same(tenant: FakeTenant, make_client: MakeClient) -> None:
    a = read_entries(make_client(tenant))
    b = read_entries(make_client(tenant))
    assert diff(a, b).same
    assert diff([], []).same

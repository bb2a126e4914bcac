"""keymon's tenant client against the simulated tenant: login, CSRF, retries, clear errors."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from keymon.core.errors import TenantError
from keymon.core.sapci import api
from keymon.core.sapci.check import tenant_test
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.profiles import TenantProfile, from_service_key
from tests.sapci.conftest import FAST
from tests.sapci.double import FakeTenant

MakeClient = Callable[..., TenantClient]


def _token_calls(tenant: FakeTenant) -> int:
    return sum(1 for _, path in tenant.requests if path.startswith("/oauth/token"))


def _no_secret_in(error: BaseException, tenant: FakeTenant) -> None:
    assert tenant.client_secret not in str(error)
    assert "Bearer" not in str(error)


def test_token_is_cached_and_renewed_once_after_expiry(
    tenant: FakeTenant, make_client: MakeClient
) -> None:
    client = make_client(tenant)
    before = _token_calls(tenant)
    assert api.list_entries(client)
    assert api.get_entry(client, "tenant_client")["Type"] == "Key Pair"
    assert _token_calls(tenant) == before + 1  # cached
    tenant.expire_tokens()
    assert api.get_entry(client, "receiver_root_ca")["Alias"] == "receiver_root_ca"
    assert _token_calls(tenant) == before + 2  # renewed on the 401, once


def test_csrf_is_fetched_once_and_refetched_when_stale(
    fresh_tenant: FakeTenant, make_client: MakeClient
) -> None:
    client = make_client(fresh_tenant)
    api.rename(client, "old_partner_root", "older_partner_root")
    api.rename(client, "older_partner_root", "oldest_partner_root")
    fetches = [p for m, p in fresh_tenant.requests if m == "GET" and p == "/api/v1/"]
    assert len(fetches) == 1
    fresh_tenant.csrf.clear()  # the session expired on the tenant
    api.rename(client, "oldest_partner_root", "old_partner_root")
    fetches = [p for m, p in fresh_tenant.requests if m == "GET" and p == "/api/v1/"]
    assert len(fetches) == 2
    assert "old_partner_root" in {e["Alias"] for e in api.list_entries(client)}


def test_first_write_after_the_token_expired_renews_it_for_the_csrf_fetch(
    fresh_tenant: FakeTenant, make_client: MakeClient
) -> None:
    client = make_client(fresh_tenant)
    assert api.list_entries(client)  # a token, no CSRF token yet
    fresh_tenant.expire_tokens()
    api.rename(client, "old_partner_root", "older_partner_root")  # CSRF fetch gets a 401 first
    assert "older_partner_root" in {e["Alias"] for e in api.list_entries(client)}


def test_429_with_retry_after_then_success(tenant: FakeTenant, make_client: MakeClient) -> None:
    client = make_client(tenant)
    tenant.inject(429, times=2, method="GET", path="/KeystoreEntries", retry_after=2)
    assert api.list_entries(client)
    assert client.waited == [2.0, 2.0]  # Retry-After honoured, not the backoff


def test_503_lock_is_reported_as_such_after_bounded_retries(
    tenant: FakeTenant, make_client: MakeClient
) -> None:
    client = make_client(tenant)
    tenant.inject(503, times=10, method="GET", path="/KeystoreEntries")
    with pytest.raises(TenantError) as caught:
        api.list_entries(client)
    assert caught.value.status == 503
    assert caught.value.exit_code == 7
    assert str(caught.value).startswith("The tenant's keystore is locked by another user")
    assert len(client.waited) == FAST.attempts - 1
    assert client.waited == sorted(client.waited)  # backoff grows


def test_dropped_connection_is_one_clear_error(tenant: FakeTenant, make_client: MakeClient) -> None:
    client = make_client(tenant)
    api.list_entries(client)
    tenant.drop_next(method="GET", path="/KeystoreEntries")
    with pytest.raises(TenantError, match="closed before it answered") as caught:
        api.list_entries(client)
    assert caught.value.status is None
    assert api.list_entries(client)  # the next call works again


def test_wrong_secret_is_a_clear_error_without_the_secret(
    tenant: FakeTenant, make_client: MakeClient
) -> None:
    client = make_client(tenant, secret="not-the-secret")
    with pytest.raises(TenantError) as caught:
        api.list_entries(client)
    assert "refused the client id and secret (401)" in str(caught.value)
    assert "not-the-secret" not in str(caught.value)
    _no_secret_in(caught.value, tenant)


def test_untrusted_tenant_certificate_is_named(tenant: FakeTenant, make_client: MakeClient) -> None:
    client = make_client(tenant, ca_file=None)
    with pytest.raises(TenantError, match="TLS certificate of tenant 'dev' is not trusted"):
        api.list_entries(client)


def test_mtls_token_from_a_certificate_service_key(tenant: FakeTenant) -> None:
    new = from_service_key("cert", tenant.cert_service_key())
    profile = TenantProfile(**{**vars(new.profile), "ca_file": str(tenant.ca_file)})
    with TenantClient(profile, new.secret, retry=FAST) as client:
        assert {e["Alias"] for e in api.list_entries(client)} >= {"tenant_client"}
    assert any(p.startswith("/oauth/token") for _, p in tenant.requests)


def test_errors_name_status_role_and_tenant_message(
    tenant: FakeTenant, make_client: MakeClient
) -> None:
    client = make_client(tenant)
    with pytest.raises(TenantError, match=r"no such entry .*404.*'nope' not found"):
        api.get_entry(client, "nope")
    with pytest.raises(TenantError, match=r"\(403 Forbidden\): The alias 'sap_cloud_root_ca'"):
        api.delete(client, "sap_cloud_root_ca")
    tenant.roles.discard("SecurityMaterialEdit")
    with pytest.raises(TenantError, match="lacks the role SecurityMaterialEdit") as caught:
        api.delete(client, "receiver_root_ca")
    assert caught.value.status == 403
    for status, words in ((409, "did not import"), (413, "too large"), (415, "kind of content")):
        tenant.inject(status, method="GET", path="/KeystoreEntries")
        with pytest.raises(TenantError, match=words):
            api.list_entries(client)


def test_tenant_test_reports_each_step_and_missing_roles(
    tenant: FakeTenant, make_client: MakeClient
) -> None:
    report = tenant_test(make_client(tenant))
    assert report.ok and report.entry_count == 6 and not report.missing_roles
    assert [s.name for s in report.steps] == ["token", "csrf", "read"]
    tenant.roles.discard("MonitoringDataRead")
    report = tenant_test(make_client(tenant))
    assert not report.ok
    assert report.missing_roles == ("MonitoringDataRead",)
    bad = tenant_test(make_client(tenant, secret="wrong"))
    assert [(s.name, s.ok) for s in bad.steps] == [("token", False)]

"""Tenant entries become keymon entries: chains, metadata, SAP ownership, no local key."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

import pytest

from keymon.cli.listing import entry_details_json, entry_json
from keymon.core.errors import KeymonError, UsageError
from keymon.core.expiry import Status, entry_expiry
from keymon.core.keystore_view import entry_fields, is_read_only
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.location import TenantKeystore, TenantLocation
from keymon.core.sapci.mapping import KeyOnTenant, TenantCertificate, TenantKeyPair, is_reserved
from keymon.core.sapci.odata import alias_of, hexalias, parse_date
from keymon.core.sapci.reading import read_entries
from tests.sapci.double import FakeTenant

MakeClient = Callable[..., TenantClient]


def test_both_date_forms_and_hexalias() -> None:
    when = dt.datetime(2019, 6, 6, 7, 8, 44, tzinfo=dt.UTC)
    assert parse_date("/Date(1559804924000)/") == when
    assert parse_date("/Date(1559804924000+0000)/") == when
    assert parse_date(None) is None and parse_date("yesterday") is None
    assert hexalias("sap_test") == "7361705F74657374"
    assert alias_of("7361705f74657374") == "sap_test"  # lower case is accepted
    assert alias_of(hexalias("ключ/ü")) == "ключ/ü"
    with pytest.raises(UsageError, match="odd number"):
        alias_of("ABC")


def test_reserved_aliases() -> None:
    assert all(is_reserved(a) for a in ("sap_x", "hcicertificate1", "hcimsgcertificate"))
    assert not is_reserved("hcicertificate2") and not is_reserved("partner_sap")


def test_a_tenant_reads_into_entries_with_chains_and_metadata(
    tenant: FakeTenant, make_client: MakeClient
) -> None:
    seen: list[tuple[int, int]] = []
    entries = read_entries(make_client(tenant), progress=lambda d, t: seen.append((d, t)))
    by_alias = {e.alias: e for e in entries}
    assert list(by_alias) == list(tenant.state.store("system"))  # the tenant's order
    assert sorted(seen) == [(i, 6) for i in range(1, 7)]
    sap = by_alias["sap_cloudintegrationcertificate"]
    assert isinstance(sap, TenantKeyPair) and sap.sap_owned and sap.tenant.owner == "SAP"
    assert len(sap.chain) == 2 and sap.chain[1].summary.subject_cn == "SAP Cloud Root CA"
    own = by_alias["tenant_client"]
    assert isinstance(own, TenantKeyPair) and not own.sap_owned
    assert own.certificate.der == tenant.state.entry("tenant_client").certificates[0].der
    assert own.tenant.created_by == "S0000000001" and own.tenant.created_at is not None
    assert own.modified == own.tenant.modified_at
    assert entry_expiry(own).status is Status.EXPIRING  # 12 days left
    root = by_alias["receiver_root_ca"]
    assert isinstance(root, TenantCertificate) and root.kind == "certificate"


def test_a_tenant_key_pair_has_no_local_private_key(
    tenant: FakeTenant, make_client: MakeClient
) -> None:
    entry = next(e for e in read_entries(make_client(tenant)) if e.alias == "tenant_client")
    assert isinstance(entry, TenantKeyPair) and entry.locked
    with pytest.raises(KeyOnTenant, match="stays on the tenant"):
        _ = entry.private_key
    with pytest.raises(KeyOnTenant):
        entry.unlocked("anything")
    now = dt.datetime.now(dt.UTC)
    details = entry_details_json(entry, now)  # `show` describes the key from the certificate
    assert details["private_key"]["algorithm"] == "EC"
    assert details["private_key"]["own_password"] is False


def test_list_json_fields_plus_tenant_fields(tenant: FakeTenant, make_client: MakeClient) -> None:
    entries = read_entries(make_client(tenant))
    view = TenantKeystore(TenantLocation("dev"), entries)
    assert is_read_only(view)
    now = dt.datetime.now(dt.UTC)
    row = {**entry_json(view.get("SAP_CLOUD_ROOT_CA"), now), **entry_fields(view.entries[1])}
    assert row["type"] == "certificate" and row["status"] == "valid"
    assert row["owner"] == "SAP" and row["sap_owned"] is True
    assert row["created_at"].endswith("Z") and row["modified_by"] == "S0000000001"
    assert "tenant_status" in row and row["keystore"] == "system"


def test_read_is_cancellable_and_stops_early(tenant: FakeTenant, make_client: MakeClient) -> None:
    class Cancel(KeymonError):
        pass

    calls = 0
    lock = threading.Lock()

    class Token:
        def raise_if_cancelled(self) -> None:
            nonlocal calls
            with lock:
                calls += 1
                if calls > 3:
                    raise Cancel("cancelled")

    before = len(tenant.requests)
    with pytest.raises(Cancel):
        read_entries(make_client(tenant), concurrency=1, cancel=Token())
    made = [p for _, p in tenant.requests[before:] if "$value" in p]
    assert len(made) == 2  # 1 check before the pool, then 2 entries fetched, the rest never


def test_a_failure_mid_list_is_one_clear_error(tenant: FakeTenant, make_client: MakeClient) -> None:
    from keymon.core.errors import TenantError

    tenant.drop_next(path="/ChainResource")
    with pytest.raises(TenantError, match="closed before it answered"):
        read_entries(make_client(tenant))

"""Tenant profiles: service keys of both shapes, secrets only in the keyring, locations."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from keymon.core.errors import NoKeyring, PasswordRequired, UsageError
from keymon.core.sapci.location import TenantLocation, open_tenant_keystore, parse_location
from keymon.core.sapci.mapping import TenantKeyPair
from keymon.core.sapci.profiles import AuthKind, ProfileStore, from_service_key
from tests.sapci.conftest import new_profile
from tests.sapci.double import FakeTenant


def test_nested_and_flat_service_keys_give_the_same_profile(tenant: FakeTenant) -> None:
    nested = from_service_key("dev", json.dumps(tenant.service_key()))
    flat = from_service_key("dev", tenant.service_key(flat=True))
    assert nested == flat
    assert nested.profile.auth is AuthKind.CLIENT_SECRET
    assert nested.profile.root == f"{tenant.url}/api/v1"
    assert nested.secret == tenant.client_secret
    assert tenant.client_secret not in repr(nested)


def test_certificate_service_key_with_literal_newline_escapes(tenant: FakeTenant) -> None:
    key = tenant.cert_service_key()
    oauth = key["oauth"]
    for field in ("certificate", "key"):  # as some tools show them: a literal backslash-n
        oauth[field] = oauth[field].replace("\n", "\\n")
    new = from_service_key("cert", key)
    assert new.profile.auth is AuthKind.CLIENT_CERTIFICATE
    assert new.profile.client_certificate is not None
    assert "\\n" not in new.profile.client_certificate
    assert new.secret.startswith("-----BEGIN PRIVATE KEY-----\n")


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("not json", "not JSON"),
        ({"oauth": {"clientid": "x", "url": "https://t"}}, "lacks tokenurl"),
        ({"clientid": "x", "url": "https://t", "tokenurl": "https://t/t"}, "neither"),
    ],
)
def test_bad_service_keys_are_one_sentence(key: object, words: str) -> None:
    with pytest.raises(UsageError, match=words):
        from_service_key("dev", key)  # type: ignore[arg-type]


def test_secrets_never_reach_the_profiles_file(tenant: FakeTenant, keymon_home: Path) -> None:
    store = ProfileStore()
    store.save(new_profile(tenant, "dev"))
    cert_key = from_service_key("cert", tenant.cert_service_key())
    store.save(cert_key)
    text = store.path.read_text("utf-8")
    assert store.path.parent == keymon_home
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert tenant.client_secret not in text
    assert "PRIVATE KEY" not in text
    assert set(store.load()) == {"dev", "cert"}
    assert store.secret(store.get("dev")) == tenant.client_secret
    assert store.secret(store.get("cert")) == cert_key.secret
    with pytest.raises(UsageError, match="already exists"):
        store.save(new_profile(tenant, "dev"))
    store.remove("dev")
    assert keyring.get_password("keymon", "sapci:dev") is None
    assert set(store.load()) == {"cert"}


def test_no_keyring_means_no_profile_and_no_plaintext(tenant: FakeTenant) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    store = ProfileStore()
    with pytest.raises(NoKeyring):
        store.save(new_profile(tenant, "dev"))
    assert not store.path.exists()


def test_location_syntax() -> None:
    assert parse_location("sapci:prod") == TenantLocation("prod", "system")
    assert parse_location("sapci:prod/keyrenewal") == TenantLocation("prod", "KeyRenewal")
    assert str(parse_location("sapci:prod/backup_admin_system")) == "sapci:prod/backup_admin_system"
    for bad in ("sapci:", "sapci:prod/other", "prod", "sapci:a b"):
        with pytest.raises(UsageError):
            parse_location(bad)


def test_open_a_tenant_like_a_file(tenant: FakeTenant) -> None:
    store = ProfileStore()
    store.save(new_profile(tenant, "dev"))
    view = open_tenant_keystore("sapci:dev", store=store)
    assert view.read_only and view.label == "sapci:dev"
    assert "tenant_client" in view and len(view) == 6
    renewal = open_tenant_keystore("sapci:dev/KeyRenewal", store=store)
    entry = renewal.get("tenant_client")
    assert isinstance(entry, TenantKeyPair) and entry.tenant.keystore == "KeyRenewal"
    with pytest.raises(UsageError, match="no tenant profile named 'prod'"):
        open_tenant_keystore("sapci:prod", store=store)
    keyring.get_keyring().delete_password("keymon", "sapci:dev")
    with pytest.raises(PasswordRequired, match="not in the system keyring"):
        open_tenant_keystore("sapci:dev", store=store)

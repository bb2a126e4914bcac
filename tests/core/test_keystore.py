"""Keystore operations: validate first, change nothing on failure."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from keymon.core import secrets
from keymon.core.default_store import open_default
from keymon.core.entries import CertificateEntry, CertInfo, KeyPairEntry
from keymon.core.errors import AliasExists, AliasNotFound, ChangedOnDisk, NoKeyring, UsageError
from keymon.core.expiry import Status, entry_expiry
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from tests import factory


def _store() -> Keystore:
    return Keystore(
        [factory.key_pair_entry("tenant"), factory.trusted_entry("root", "Root CA")],
        password="pw",
    )


def test_aliases_are_unique_case_insensitively() -> None:
    store = _store()
    with pytest.raises(AliasExists):
        store.add(factory.trusted_entry("ROOT"))
    assert store.get("Tenant").alias == "tenant"
    assert "TENANT" in store


def test_rename_keeps_position_and_refuses_clash() -> None:
    store = _store()
    store.add(factory.trusted_entry("third"))
    store.rename("root", "Receiver Root")
    assert store.aliases == ["tenant", "Receiver Root", "third"]
    with pytest.raises(AliasExists):
        store.rename("third", "TENANT")
    store.rename("third", "THIRD")  # a change of case only is allowed
    assert store.aliases[-1] == "THIRD"
    with pytest.raises(UsageError):
        store.rename("THIRD", "  ")


def test_delete_is_all_or_nothing_and_reports_positions() -> None:
    store = _store()
    with pytest.raises(AliasNotFound):
        store.delete(["root", "missing"])
    assert len(store) == 2
    removed = store.delete(["root", "tenant"])
    assert [(i, e.alias) for i, e in removed] == [(0, "tenant"), (1, "root")]
    assert len(store) == 0
    for index, entry in removed:  # undo re-inserts at the same place
        store.add(entry, index=index)
    assert store.aliases == ["tenant", "root"]


def test_import_entries_validates_before_adding() -> None:
    store = _store()
    incoming = [factory.trusted_entry("new-one"), factory.trusted_entry("root")]
    with pytest.raises(AliasExists):
        store.import_entries(incoming)
    assert store.aliases == ["tenant", "root"]
    added = store.import_entries(incoming, on_clash="rename")
    assert [e.alias for e in added] == ["new-one", "root-2"]
    assert all(e.modified is not None for e in added)
    with pytest.raises(UsageError):
        store.import_entries(incoming, alias="x")


def test_add_certificate_suggests_alias_from_cn() -> None:
    store = _store()
    entry = store.add_certificate(factory.trusted_entry("x", "Root CA").cert)
    assert entry.alias == "root-ca"
    again = store.add_certificate(factory.trusted_entry("x", "Root CA").cert)
    assert again.alias == "root-ca-2"


def test_replace_chain_only_for_key_pairs() -> None:
    store = _store()
    tenant = store.get("tenant")
    assert isinstance(tenant, KeyPairEntry)
    new = store.replace_chain("tenant", tenant.chain[:1])
    assert len(new.chain) == 1
    with pytest.raises(UsageError):
        store.replace_chain("root", tenant.chain)


def test_save_refuses_when_file_changed_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "s.p12"
    _store().save_as(path, Format.PKCS12, "pw")
    store = Keystore.open(path, "pw")
    other = Keystore.open(path, "pw")
    other.delete(["root"])
    other.save()
    assert store.changed_on_disk()
    store.rename("tenant", "x")
    with pytest.raises(ChangedOnDisk):
        store.save()
    assert Keystore.open(path, "pw").aliases == ["tenant"]


def test_expiry_uses_earliest_not_after_in_the_chain() -> None:
    now = dt.datetime.now(dt.UTC)
    (root_key, root), _ = factory.ca_chain()
    short_ca_key = factory.ec_key(55)
    short_ca = factory.make_cert(
        short_ca_key, "Short CA", issuer_key=root_key, issuer=root, ca=True, days=20
    )
    leaf_key = factory.ec_key(56)
    leaf = factory.make_cert(leaf_key, "Leaf", issuer_key=short_ca_key, issuer=short_ca, days=300)
    entry = KeyPairEntry(
        "x",
        leaf_key,
        (
            CertInfo.from_cert(leaf),
            CertInfo.from_cert(short_ca),
            CertInfo(root.public_bytes(_der()), root),
        ),
    )
    expiry = entry_expiry(entry, now, 30)
    assert expiry.status is Status.EXPIRING
    assert expiry.decisive is not None and expiry.decisive.summary.subject_cn == "Short CA"
    assert entry_expiry(entry, now, 10).status is Status.VALID
    assert entry_expiry(entry, now + dt.timedelta(days=25), 10).status is Status.EXPIRED
    future = factory.make_cert(leaf_key, "Later", not_before=now + dt.timedelta(days=3))
    later = CertificateEntry("later", CertInfo.from_cert(future))
    assert entry_expiry(later, now).status is Status.NOT_YET_VALID


def _der():  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives.serialization import Encoding

    return Encoding.DER


def test_default_keystore_created_once_with_password_in_keyring(keymon_home: Path) -> None:
    store = open_default()
    assert store.path == keymon_home / "default.p12"
    assert store.format is Format.PKCS12 and len(store) == 0
    password = secrets.get_password(store.path)
    assert password and len(password) >= 24
    store.add(factory.trusted_entry("x"))
    store.save()
    assert open_default().aliases == ["x"]
    # the password is nowhere in keymon's data directory
    for file in keymon_home.rglob("*"):
        if file.is_file():
            assert password.encode() not in file.read_bytes()


def test_default_keystore_without_keyring_asks_and_never_stores(keymon_home: Path) -> None:
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    assert not secrets.keyring_available()
    with pytest.raises(NoKeyring):
        open_default()
    asked: list[Path] = []

    def ask_new(path: Path) -> str:
        asked.append(path)
        return "chosen by user"

    store = open_default(ask_new=ask_new)
    assert asked and store.password == "chosen by user"
    reopened = open_default(ask=lambda p: "chosen by user")
    assert reopened.path == store.path


def test_plaintext_keyrings_count_as_unavailable() -> None:
    class PlaintextKeyring(keyring.backend.KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            raise AssertionError("must not be used")

        def delete_password(self, service: str, username: str) -> None:
            pass

    keyring.set_keyring(PlaintextKeyring())
    assert not secrets.keyring_available()
    with pytest.raises(NoKeyring):
        secrets.set_password("/tmp/x.p12", "pw")


_CHOICE = """
import json, sys
{before}
import keyring, keyring.backend
chosen = keyring.get_keyring()
print(json.dumps({{
    "chosen": type(chosen).__module__ + "." + type(chosen).__name__,
    "viable": sorted(type(b).__module__ + "." + type(b).__name__
                     for b in keyring.backend.get_all_keyring()),
    "macos_api": repr(sys.modules.get("keyring.backends.macOS.api", "absent"))[:40],
}}))
"""


@pytest.mark.skipif(sys.platform == "darwin", reason="the guard is for other systems")
def test_keyring_chooses_as_it_would_without_searching_for_macos_libraries(
    tmp_path: Path,
) -> None:
    """keymon stops keyring's macOS backend from searching for Apple's libraries off macOS
    (ldconfig and gcc, ~40 ms of a look-up); keyring's choice of backend stays the same."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env["XDG_CONFIG_HOME"] = str(tmp_path)  # no keyringrc.cfg chooses for it

    def choice(before: str) -> dict[str, str]:
        code = _CHOICE.format(before=before)
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        result: dict[str, str] = json.loads(done.stdout)
        return result

    plain = choice("")
    guarded = choice("import keymon.core.secrets")
    assert guarded["chosen"] == plain["chosen"]
    assert guarded["viable"] == plain["viable"]
    assert guarded["macos_api"] == "None" and plain["macos_api"] != "None"


def test_save_request_is_a_frozen_value_and_state_changes_through_methods(
    tmp_path: Path,
) -> None:
    """A worker gets a frozen request; the keystore's file state has no public setters."""
    import dataclasses

    from asn1crypto.pkcs12 import Pfx

    from keymon.core.formats.protection import Pkcs12Protection
    from keymon.core.saving import SaveRequest

    path = tmp_path / "ks.p12"
    store = Keystore([factory.trusted_entry("root", "Root")], path=path, password="pw")
    request = store.save_request(previous_entries=0)
    assert isinstance(request, SaveRequest) and "pw" not in repr(request)
    with pytest.raises(dataclasses.FrozenInstanceError):
        request.password = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        store.password = "other"  # type: ignore[misc]
    store.add_certificate(factory.trusted_entry("late", "Late").cert)
    assert len(request.entries) == 1  # later edits do not reach a running save
    store.mark_saved(request.run())
    assert not store.changed_on_disk()
    assert [e.alias for e in Keystore.open(path, "pw")] == ["root"]
    store.set_protection(Pkcs12Protection.LEGACY_3DES)
    store.save()
    mac = Pfx.load(path.read_bytes())["mac_data"]["mac"]["digest_algorithm"]["algorithm"]
    assert mac.native == "sha1"  # the legacy protection's MAC
    assert Keystore.open(path, "pw").aliases == ["root", "late"]
    with pytest.raises(UsageError):
        Keystore([]).save_request()

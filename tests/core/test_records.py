"""The frozen records that replaced dataclasses on the listing's path (core/records.py).

Each behaviour a dataclass gave these classes is checked on the real classes: frozen
fields, equality and hashing by class and compared fields, a repr without secrets, and
``replace`` through ``__init__``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from keymon.core.entries import CertificateEntry, KeyPairEntry, SecretKeyEntry, with_alias
from keymon.core.expiry import Expiry, Status
from keymon.core.formats.detect import Format, Loaded
from keymon.core.passwords import PromptAnswer
from keymon.core.records import FrozenRecord
from keymon.core.sapci.mapping import TenantCertificate, TenantKeyPair, TenantMeta
from keymon.core.snapshots import FileSnapshot
from tests import factory

WHEN = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def test_fields_cannot_be_assigned_or_deleted() -> None:
    entry = factory.trusted_entry("root", "Root")
    with pytest.raises(FrozenRecord, match="alias"):
        entry.alias = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError):  # FrozenRecord is one, as dataclasses' error is
        del entry.cert
    snapshot = FileSnapshot(1, 2, "ab")
    with pytest.raises(FrozenRecord):
        snapshot.size = 3  # type: ignore[misc]
    assert entry.alias == "root" and snapshot.size == 1


def test_equal_and_hashed_by_class_and_compared_fields() -> None:
    cert = factory.trusted_entry("root", "Root").cert
    a, b = CertificateEntry("root", cert, WHEN), CertificateEntry("root", cert, WHEN)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != CertificateEntry("root", cert) and a != a.replace(alias="other")
    tenant = TenantCertificate("root", cert, WHEN)
    assert tenant != a and a != tenant  # another class is never equal, as with dataclasses
    assert tenant != tenant.replace(tenant=TenantMeta(owner="SAP"))  # its own field counts
    assert FileSnapshot(1, 2, "ab") == FileSnapshot(1, 2, "ab") != FileSnapshot(1, 3, "ab")
    assert (a == "root") is False


def test_a_key_pair_compares_alias_chain_and_date_not_the_key_object() -> None:
    entry = factory.key_pair_entry("leaf")
    other_key = entry.replace(open_key=factory.ec_key(7))
    assert other_key == entry  # the key object is not compared, as before (compare=False)
    assert other_key.private_key is not entry.private_key
    assert entry.replace(modified=WHEN) != entry


def test_repr_shows_fields_but_never_a_key_or_password() -> None:
    secret = SecretKeyEntry("aes", "AES", b"\x13\x37" * 16, WHEN)
    shown = repr(secret)
    assert shown.startswith("SecretKeyEntry(alias='aes', algorithm='AES', modified=")
    assert "1337" not in shown and "\\x13" not in shown and "key=" not in shown
    pair = factory.key_pair_entry("leaf")
    assert "open_key" not in repr(pair) and "sealed" not in repr(pair)
    assert "kind=<EntryKind.KEY_PAIR" in repr(pair)
    assert "hunter2" not in repr(PromptAnswer("hunter2", remember=True))
    assert repr(FileSnapshot(1, 2, "ab")) == "FileSnapshot(size=1, mtime_ns=2, sha256='ab')"


def test_replace_goes_through_init_and_keeps_the_subclass() -> None:
    pair = factory.key_pair_entry("leaf")
    renamed = with_alias(pair, "renamed")
    assert type(renamed) is KeyPairEntry and renamed.alias == "renamed"
    assert renamed.private_key is pair.private_key and renamed.chain == pair.chain
    tenant = TenantKeyPair("t", chain=pair.chain, tenant=TenantMeta(owner="me"))
    moved = tenant.replace(alias="u", modified=WHEN)
    assert type(moved) is TenantKeyPair and moved.tenant.owner == "me" and moved.locked
    with pytest.raises(TypeError, match="certificate chain"):  # __init__ still checks
        tenant.replace(chain=())
    with pytest.raises(TypeError, match="no field 'private_key'"):
        pair.replace(private_key=None)


def test_the_small_records_keep_their_defaults_and_fields() -> None:
    loaded = Loaded(Format.JKS, [])
    assert loaded.notes == () and loaded.replace(notes=("n",)).notes == ("n",)
    expiry = Expiry(Status.VALID, WHEN, None)
    assert expiry.days_left(WHEN - dt.timedelta(days=2)) == 2
    assert PromptAnswer("pw").remember is False

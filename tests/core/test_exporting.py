"""Exports are asked for with typed values (ExportKind, ExportFormat, Pkcs12Protection)."""

from __future__ import annotations

import pytest
from asn1crypto.pkcs12 import Pfx

from keymon.core.errors import UsageError
from keymon.core.exporting import (
    ALLOWED_FORMATS,
    ExportFormat,
    ExportKind,
    ExportRequest,
    default_file_name,
    export_entry,
)
from keymon.core.formats.protection import Pkcs12Protection
from tests import factory


def test_every_kind_has_formats_and_a_file_name() -> None:
    assert set(ALLOWED_FORMATS) == set(ExportKind)
    names = {default_file_name("web one", kind) for kind in ExportKind}
    assert len(names) == len(ExportKind)
    assert default_file_name("web", ExportKind.CHAIN, ExportFormat.P7B) == "web.p7b"
    assert ExportKind.PUBLIC_KEY.label == "public key"
    assert ExportKind("key-pair") is ExportKind.KEY_PAIR  # the CLI's choices are the values


def test_key_pair_protection_and_wrong_format() -> None:
    entry = factory.key_pair_entry("web", "web.example.com")
    for protection, mac in (
        (Pkcs12Protection.AES_256, "sha256"),
        (Pkcs12Protection.LEGACY_3DES, "sha1"),
    ):
        data = export_entry(entry, ExportRequest(ExportKind.KEY_PAIR, None, "pw", protection))
        assert Pfx.load(data)["mac_data"]["mac"]["digest_algorithm"]["algorithm"].native == mac
    assert Pkcs12Protection.legacy_if(True) is Pkcs12Protection.LEGACY_3DES
    assert "pw" not in repr(ExportRequest(ExportKind.KEY_PAIR, password="pw"))
    with pytest.raises(UsageError, match="A public key can be exported as pem or der, not p7b"):
        export_entry(entry, ExportRequest(ExportKind.PUBLIC_KEY, ExportFormat.P7B))
    with pytest.raises(UsageError, match="cannot export 'secret'"):
        export_entry(entry, ExportRequest("secret"))  # type: ignore[arg-type]

"""Which files open without any password (so no keyring is asked for them, issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import (
    BestAvailableEncryption,
    Encoding,
    NoEncryption,
    PrivateFormat,
    pkcs7,
    pkcs12,
)

from keymon.core.formats import jks
from keymon.core.formats.sniff import certificates_only, file_holds_certificates_only
from tests import factory


def _pem_cert(alias: str) -> bytes:
    return factory.trusted_entry(alias).cert.cert.public_bytes(Encoding.PEM)


def test_certificates_alone_need_no_password() -> None:
    a, b = factory.trusted_entry("a").cert.cert, factory.trusted_entry("b").cert.cert
    assert certificates_only(_pem_cert("a") + _pem_cert("b"))  # a PEM bundle
    assert certificates_only(a.public_bytes(Encoding.DER))  # one .cer
    assert certificates_only(pkcs7.serialize_certificates([a, b], Encoding.DER))  # .p7b
    assert certificates_only(pkcs7.serialize_certificates([a, b], Encoding.PEM))


@pytest.mark.parametrize("encrypted", [False, True])
def test_a_pem_with_a_private_key_may_need_one(encrypted: bool) -> None:
    key = factory.ec_key()
    protection = BestAvailableEncryption(b"secret") if encrypted else NoEncryption()
    pem_key = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, protection)
    assert not certificates_only(_pem_cert("a") + pem_key)


def test_keystores_with_keys_and_unknown_bytes_are_not_certificates_only() -> None:
    entry = factory.self_signed_entry("me")
    p12 = pkcs12.serialize_key_and_certificates(
        b"me", entry.private_key, entry.chain[0].cert, None, BestAvailableEncryption(b"pw")
    )
    assert not certificates_only(p12)
    assert not certificates_only(jks.dump([factory.trusted_entry("t")], "changeit"))
    assert not certificates_only(b"")
    assert not certificates_only(b"\x30\x03\x02\x01\x01")  # damaged: let opening say so
    assert not certificates_only(b"hello")


def test_an_unreadable_file_is_not_certificates_only(tmp_path: Path) -> None:
    assert not file_holds_certificates_only(tmp_path / "missing.pem")
    assert not file_holds_certificates_only(tmp_path)  # a folder
    bundle = tmp_path / "bundle.pem"
    bundle.write_bytes(_pem_cert("a"))
    assert file_holds_certificates_only(bundle)

"""PEM bundles, certificate-only files, and detection by content."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs7

from keymon.core.entries import CertificateEntry, KeyPairEntry
from keymon.core.errors import (
    CorruptData,
    PasswordRequired,
    UnsupportedFormat,
    UsageError,
    WrongPassword,
)
from keymon.core.formats import pem
from keymon.core.formats.detect import Format, detect, load
from tests import factory


def test_pem_round_trip_keeps_aliases_chains_and_keys() -> None:
    entries = [
        factory.key_pair_entry("tenant"),
        factory.self_signed_entry("ec-key"),
        factory.trusted_entry("root-ca", "Receiver Root"),
    ]
    data = pem.dump(entries, "secret")
    assert b"ENCRYPTED PRIVATE KEY" in data and b"BEGIN PRIVATE KEY" not in data
    back = pem.load(data, "secret")
    assert [e.alias for e in back] == ["tenant", "ec-key", "root-ca"]
    assert isinstance(back[0], KeyPairEntry) and isinstance(entries[0], KeyPairEntry)
    assert back[0].chain == entries[0].chain
    assert _private(back[0]) == _private(entries[0])
    assert isinstance(back[2], CertificateEntry)


def _private(entry: KeyPairEntry) -> bytes:
    return entry.private_key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def test_pem_needs_the_password_for_encrypted_keys() -> None:
    data = pem.dump([factory.self_signed_entry("k")], "secret")
    with pytest.raises(PasswordRequired):
        pem.load(data, None)
    with pytest.raises(WrongPassword):
        pem.load(data, "not it")


def test_a_wrong_password_is_never_reported_as_a_damaged_file() -> None:
    # about one wrong password in 256 passes the padding check and leaves garbage
    # that only the key parser rejects; that is still a wrong password
    data = pem.dump([factory.self_signed_entry("k")], "secret")
    for i in range(1000):
        with pytest.raises(WrongPassword):
            pem.load(data, f"wrong-{i}")


def test_pem_refuses_to_write_keys_unencrypted_unless_asked() -> None:
    entry = factory.self_signed_entry("k")
    with pytest.raises(UsageError):
        pem.dump([entry], None)
    plain = pem.dump([entry], None, unencrypted=True)
    assert b"BEGIN PRIVATE KEY" in plain
    assert pem.load(plain, None)[0].alias == "k"


def test_openssl_style_unnamed_bundle_gets_cn_aliases() -> None:
    entry = factory.key_pair_entry("ignored", "Tenant Client")
    key = entry.private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    # the chain in reverse order, key last: ordering must not matter
    certs = b"".join(c.cert.public_bytes(serialization.Encoding.PEM) for c in entry.chain[::-1])
    loaded = pem.load(certs + key, None)
    assert len(loaded) == 1
    assert isinstance(loaded[0], KeyPairEntry)
    assert loaded[0].alias == "tenant-client"
    assert loaded[0].chain == entry.chain


def test_detect_by_content_not_name() -> None:
    entry = factory.key_pair_entry("x")
    certs = [c.cert for c in entry.chain]
    der = certs[0].public_bytes(serialization.Encoding.DER)
    assert detect(der) is Format.DER
    assert detect(certs[0].public_bytes(serialization.Encoding.PEM)) is Format.PEM
    p7 = pkcs7.serialize_certificates(certs, serialization.Encoding.DER)
    assert detect(p7) is Format.PKCS7
    loaded = load(p7, None)
    assert {e.certificates[0].der for e in loaded.entries} == {c.der for c in entry.chain}
    p7_pem = pkcs7.serialize_certificates(certs, serialization.Encoding.PEM)
    assert len(load(p7_pem, None).entries) == 3


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", CorruptData),
        (b"   \n", CorruptData),
        (b"hello, world", UnsupportedFormat),
        (bytes(range(256)), UnsupportedFormat),
        (b"\x30\x03\x02\x01", UnsupportedFormat),
        (b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", CorruptData),
    ],
)
def test_bad_input_gives_typed_errors(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        load(data, None)

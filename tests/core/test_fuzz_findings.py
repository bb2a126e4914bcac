"""The fuzz campaign's last untyped findings (issue 10), each crafted here from scratch.

1. A PFX whose authenticated safe holds an empty ContentInfo or an empty SafeBag made the
   GOST sniffing (formats/foreign.py) raise ValueError (CLI exit 70).
2. A legacy encrypted PEM key whose DEK-Info IV is not the cipher's block size made
   cryptography panic (a Rust assertion: pyo3's PanicException, a BaseException).
"""

from __future__ import annotations

import base64
import re

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from keymon.core.errors import (
    CorruptData,
    KeymonError,
    UnreadableFile,
    UnsupportedFormat,
    WrongPassword,
)
from keymon.core.formats import foreign, pem, pkcs12
from keymon.core.formats.der import explicit, integer, octet_string, oid_tlv, seq
from keymon.core.rust_panic import is_rust_panic, panic_message

DATA = "1.2.840.113549.1.7.1"
ENCRYPTED_DATA = "1.2.840.113549.1.7.6"
SHROUDED_KEY_BAG = "1.2.840.113549.1.12.10.1.2"


def pfx(*infos: bytes, mac: bytes | None = None) -> bytes:
    """A PFX { version 3, authSafe (data), macData } around the given ContentInfos."""
    auth_safe = seq(oid_tlv(DATA), explicit(0, octet_string(seq(*infos))))
    return seq(integer(3), auth_safe, *([mac] if mac is not None else []))


def data_info(*bags: bytes) -> bytes:
    return seq(oid_tlv(DATA), explicit(0, octet_string(seq(*bags))))


MALFORMED_PFX = {
    "empty ContentInfo": pfx(seq()),
    "ContentInfo without content": pfx(seq(oid_tlv(DATA))),
    "empty SafeBag": pfx(data_info(seq())),
    "SafeBag without value": pfx(data_info(seq(oid_tlv(SHROUDED_KEY_BAG)))),
    "shrouded bag of a primitive": pfx(data_info(seq(oid_tlv(SHROUDED_KEY_BAG), integer(1)))),
    "EncryptedData cut short": pfx(seq(oid_tlv(ENCRYPTED_DATA), explicit(0, seq(integer(0))))),
    "data content not a string": pfx(seq(oid_tlv(DATA), explicit(0, integer(7)))),
    "empty macData": pfx(data_info(), mac=seq()),
    "macData of a primitive": pfx(data_info(), mac=seq(integer(1))),
    "authSafe of a primitive": seq(integer(3), integer(4)),
    "empty PFX": seq(),
}


@pytest.mark.parametrize("data", MALFORMED_PFX.values(), ids=MALFORMED_PFX.keys())
def test_gost_sniffing_is_total_on_malformed_pfx_structures(data: bytes) -> None:
    assert foreign.uses_gost(data) is False
    foreign.refuse(data, pkcs12=True)  # not a foreign format: nothing to name
    with pytest.raises(KeymonError):  # the PKCS#12 reader's own typed refusal
        pkcs12.load(data, "pw")


def test_gost_is_still_recognised_next_to_malformed_bags() -> None:
    gost_cipher = seq(oid_tlv("1.2.643.7.1.1.1.1"))
    shrouded = seq(oid_tlv(SHROUDED_KEY_BAG), explicit(0, seq(gost_cipher, octet_string(b"x"))))
    data = pfx(seq(), data_info(seq(), shrouded))
    assert foreign.uses_gost(data) is True
    with pytest.raises(UnsupportedFormat, match="GOST"):
        foreign.refuse(data, pkcs12=True)


# -- legacy PEM encryption headers -----------------------------------------------------


def legacy_key(cipher: str = "AES-256-CBC", iv_hex: str | None = None) -> bytes:
    """A traditional encrypted EC key (password "pw"), its DEK-Info rewritten on request."""
    key = ec.generate_private_key(ec.SECP256R1())
    encryption = serialization.BestAvailableEncryption(b"pw")
    block = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, encryption
    )
    match = re.search(rb"DEK-Info: ([^,]+),([0-9A-F]+)", block)
    assert match is not None and match.group(1) == b"AES-256-CBC"
    iv = match.group(2).decode() if iv_hex is None else iv_hex
    return block.replace(match.group(0), f"DEK-Info: {cipher},{iv}".encode())


IV = "00112233445566778899AABBCCDDEEFF"
BAD_IVS = {
    "AES IV of 8 bytes (the fuzz finding)": ("AES-128-CBC", IV[:16]),
    "AES IV of 15 bytes": ("AES-256-CBC", IV[:30]),
    "AES IV of 17 bytes": ("AES-256-CBC", IV + "00"),
    "3DES IV of 16 bytes": ("DES-EDE3-CBC", IV),
    "3DES IV of 4 bytes": ("DES-EDE3-CBC", IV[:8]),
    "IV not hex": ("AES-256-CBC", "Z" * 32),
    "no IV": ("AES-256-CBC", ""),
}


@pytest.mark.parametrize(("cipher", "iv"), BAD_IVS.values(), ids=BAD_IVS.keys())
def test_a_dek_info_iv_of_the_wrong_size_is_corrupt_data_not_a_panic(cipher: str, iv: str) -> None:
    data = legacy_key(cipher, iv)
    for password in ("pw", "wrong", None):
        with pytest.raises(CorruptData, match="DEK-Info IV is not"):
            pem.load(data, password)


def test_an_unknown_legacy_cipher_is_named_not_taken_for_a_wrong_password() -> None:
    with pytest.raises(UnsupportedFormat, match="'DES-CBC', which keymon does not decrypt"):
        pem.load(legacy_key("DES-CBC", IV[:16]), "pw")


def test_an_encrypted_legacy_key_without_dek_info_is_damaged() -> None:
    data = re.sub(rb"DEK-Info: [^\n]+\n", b"", legacy_key())
    with pytest.raises(CorruptData, match="lacks its DEK-Info header"):
        pem.load(data, "pw")


def test_a_valid_legacy_key_still_opens_and_tells_a_wrong_password() -> None:
    data = legacy_key()
    assert len(pem.load_loose(data, "pw")[0]) == 1
    with pytest.raises(WrongPassword):
        pem.load(data, "wrong")


def real_panic() -> BaseException:
    """The exception cryptography raises on a short DEK-Info IV when nobody checks first."""
    try:
        serialization.load_pem_private_key(legacy_key("AES-128-CBC", IV[:16]), b"pw")
    except BaseException as exc:
        return exc
    pytest.fail("cryptography no longer panics here; the check stays anyway")


def test_the_panic_is_recognised_by_class_and_is_no_exception() -> None:
    panic = real_panic()
    assert is_rust_panic(panic)
    assert not isinstance(panic, Exception)
    assert not is_rust_panic(ValueError("iv_len <= iv.len()"))
    assert panic_message(panic) == (
        "The file is damaged or unsupported: the cryptography library refused its contents"
        " (assertion failed: iv_len <= iv.len())."
    )
    assert isinstance(CorruptData("x"), UnreadableFile)  # exit 4, as the handlers use


def test_the_fuzz_reproducer_shape_is_typed() -> None:
    """The finding's file: an EC key with an 8-byte AES-128 IV, followed by certificates."""
    cert = base64.encodebytes(b"\x30\x03\x02\x01\x01").decode()
    tail = f"-----BEGIN CERTIFICATE-----\n{cert}-----END CERTIFICATE-----\n".encode()
    with pytest.raises(CorruptData):
        pem.load(legacy_key("AES-128-CBC", "3427B0BA636A4FB0") + tail, "pw")

"""Certificate details and extension decoding (keymon.core.x509.info)."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
from functools import cache

import pytest
from asn1crypto import core as asn1_core
from asn1crypto import parser as asn1_parser
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID

from keymon.core.entries import CertInfo
from keymon.core.x509.extensions import (
    ExtensionInfo,
    decode_extensions,
    general_name,
    iso_z,
    rdn_list,
)
from keymon.core.x509.info import CertDetails, certificate_json, extension_json
from tests.factory import NOW, ca_chain, ec_key, make_cert, rsa_key

UPN = x509.ObjectIdentifier("1.3.6.1.4.1.311.20.2.3")
UNKNOWN = x509.ObjectIdentifier("1.3.6.1.4.1.99999.1")
KU_CA = x509.KeyUsage(
    digital_signature=True,
    content_commitment=False,
    key_encipherment=False,
    data_encipherment=False,
    key_agreement=False,
    key_cert_sign=True,
    crl_sign=True,
    encipher_only=False,
    decipher_only=False,
)


def _rich_subject() -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "DE"),
            x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, "Berlin"),
            x509.NameAttribute(NameOID.LOCALITY_NAME, "Berlin"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example, Inc."),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Ops"),
            x509.NameAttribute(NameOID.COMMON_NAME, "rich.example"),
            x509.NameAttribute(NameOID.EMAIL_ADDRESS, "ops@example.org"),
        ]
    )


@cache
def _rich_cert() -> CertInfo:
    (root_key, root), _ = ca_chain()
    key = ec_key(30, "P-384")
    dir_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "dir")])
    builder = (
        x509.CertificateBuilder()
        .subject_name(_rich_subject())
        .issuer_name(root.subject)
        .public_key(key.public_key())
        .serial_number(0x0A1B2C)
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=30, hours=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.DNSName("rich.example"),
                    x509.IPAddress(ipaddress.ip_address("192.0.2.1")),
                    x509.IPAddress(ipaddress.ip_address("2001:db8::1")),
                    x509.RFC822Name("ops@example.org"),
                    x509.UniformResourceIdentifier("https://rich.example/id"),
                    x509.DirectoryName(dir_name),
                    x509.RegisteredID(x509.ObjectIdentifier("1.2.3.4")),
                    x509.OtherName(UPN, asn1_core.UTF8String("user@corp").dump()),
                ]
            ),
            critical=False,
        )
        .add_extension(KU_CA, critical=True)
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.CLIENT_AUTH, x509.ObjectIdentifier("1.2.3.99")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=2), critical=True)
        .add_extension(x509.SubjectKeyIdentifier(b"\x01\x02\xab"), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier(b"\xcd\xef", [x509.DirectoryName(dir_name)], 258),
            critical=False,
        )
        .add_extension(
            x509.AuthorityInformationAccess(
                [
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.OCSP,
                        x509.UniformResourceIdentifier("http://ocsp.example"),
                    ),
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.CA_ISSUERS,
                        x509.UniformResourceIdentifier("http://ca.example/ca.crt"),
                    ),
                ]
            ),
            critical=False,
        )
        .add_extension(
            x509.CRLDistributionPoints(
                [
                    x509.DistributionPoint(
                        [x509.UniformResourceIdentifier("http://crl.example/a.crl")],
                        None,
                        frozenset([x509.ReasonFlags.key_compromise]),
                        [x509.DirectoryName(dir_name)],
                    )
                ]
            ),
            critical=False,
        )
        .add_extension(
            x509.CertificatePolicies(
                [
                    x509.PolicyInformation(
                        x509.ObjectIdentifier("2.23.140.1.2.1"),
                        [
                            "https://cps.example",
                            x509.UserNotice(x509.NoticeReference("Org", [1, 2]), "Be nice"),
                        ],
                    ),
                    x509.PolicyInformation(x509.ObjectIdentifier("2.5.29.32.0"), None),
                ]
            ),
            critical=False,
        )
        .add_extension(
            x509.NameConstraints(
                permitted_subtrees=[x509.DNSName(".example")],
                excluded_subtrees=[x509.IPAddress(ipaddress.ip_network("10.0.0.0/8"))],
            ),
            critical=True,
        )
        .add_extension(x509.PolicyConstraints(0, None), critical=True)
        .add_extension(x509.InhibitAnyPolicy(1), critical=True)
        .add_extension(x509.TLSFeature([x509.TLSFeatureType.status_request]), critical=False)
        .add_extension(x509.UnrecognizedExtension(UNKNOWN, b"\x04\x02hi"), critical=False)
    )
    return CertInfo.from_cert(builder.sign(root_key, hashes.SHA256()))


@pytest.fixture(scope="module")
def rich() -> CertDetails:
    return CertDetails.of(_rich_cert(), NOW)


def _ext(details: CertDetails, oid: str) -> ExtensionInfo:
    ext = details.extension(oid)
    assert ext is not None, oid
    return ext


def test_subject_alternative_name_of_every_type(rich: CertDetails) -> None:
    san = _ext(rich, "2.5.29.17")
    assert san.name == "Subject Alternative Name"
    assert not san.critical
    assert san.values == (
        "DNS:rich.example",
        "IP:192.0.2.1",
        "IP:2001:db8::1",
        "email:ops@example.org",
        "URI:https://rich.example/id",
        "dirName:CN=dir",
        "RID:1.2.3.4",
        "otherName:1.3.6.1.4.1.311.20.2.3;user@corp",
    )


def test_usages_and_constraints(rich: CertDetails) -> None:
    ku = _ext(rich, "2.5.29.15")
    assert ku.critical
    assert ku.values == ("Digital Signature", "Certificate Sign", "CRL Sign")
    assert _ext(rich, "2.5.29.37").values == (
        "TLS Web Client Authentication (1.3.6.1.5.5.7.3.2)",
        "1.2.3.99",
    )
    assert _ext(rich, "2.5.29.19").values == ("CA: TRUE", "Path length: 2")
    assert _ext(rich, "2.5.29.36").values == ("Require explicit policy: 0",)
    assert _ext(rich, "2.5.29.54").values == ("Skip certificates: 1",)
    assert _ext(rich, "1.3.6.1.5.5.7.1.24").values == ("status_request (5)",)


def test_key_identifiers(rich: CertDetails) -> None:
    assert _ext(rich, "2.5.29.14").values == ("Key ID: 01:02:AB",)
    assert _ext(rich, "2.5.29.35").values == (
        "Key ID: CD:EF",
        "Issuer: dirName:CN=dir",
        "Serial: 01:02",
    )


def test_access_distribution_points_and_policies(rich: CertDetails) -> None:
    assert _ext(rich, "1.3.6.1.5.5.7.1.1").values == (
        "OCSP: URI:http://ocsp.example",
        "CA Issuers: URI:http://ca.example/ca.crt",
    )
    assert _ext(rich, "2.5.29.31").values == (
        "Full Name: URI:http://crl.example/a.crl",
        "Reasons: keyCompromise",
        "CRL Issuer: dirName:CN=dir",
    )
    assert _ext(rich, "2.5.29.32").values == (
        "Policy: 2.23.140.1.2.1",
        "  CPS: https://cps.example",
        "  Notice Reference: Org (1, 2)",
        "  User Notice: Be nice",
        "Policy: anyPolicy (2.5.29.32.0)",
    )
    nc = _ext(rich, "2.5.29.30")
    assert nc.critical
    assert nc.values == ("Permitted: DNS:.example", "Excluded: IP:10.0.0.0/8")


def test_unknown_extension_shows_hex(rich: CertDetails) -> None:
    ext = _ext(rich, UNKNOWN.dotted_string)
    assert ext.name == "Unknown extension"
    assert ext.values == ("DER: 04:02:68:69",)


def test_fields(rich: CertDetails) -> None:
    info = _rich_cert()
    assert rich.version == 3
    assert (rich.serial, rich.serial_hex, rich.serial_decimal) == (0x0A1B2C, "0A:1B:2C", "662316")
    assert rich.subject == (
        ("C", "DE"),
        ("ST", "Berlin"),
        ("L", "Berlin"),
        ("O", "Example, Inc."),
        ("OU", "Ops"),
        ("CN", "rich.example"),
        ("E", "ops@example.org"),
    )
    assert rich.subject_rfc4514.startswith("1.2.840.113549.1.9.1=ops@example.org,CN=rich.example")
    assert "O=Example\\, Inc." in rich.subject_rfc4514
    assert rich.issuer == (("CN", "keymon Test Root"), ("O", "keymon tests"))
    assert rich.days_remaining == 31  # 30 days and an hour left: rounded up
    assert (rich.key_algorithm, rich.key_size, rich.curve, rich.key_label) == (
        "EC",
        384,
        "P-384",
        "EC P-384",
    )
    assert rich.signature_algorithm == "ecdsa-with-SHA256"
    assert rich.sha256 == hashlib.sha256(info.der).hexdigest()
    assert rich.sha512 == hashlib.sha512(info.der).hexdigest()
    assert rich.sha1_colon == hashlib.sha1(info.der).digest().hex(":").upper()  # noqa: S324
    assert rich.sha256_colon.count(":") == 31
    assert len(rich.sha512_colon) == 64 * 3 - 1
    assert rich.is_ca
    assert not rich.self_signed
    assert x509.load_pem_x509_certificate(rich.pem.encode()) == info.cert


def test_days_remaining_is_negative_once_expired() -> None:
    info = CertInfo.from_cert(
        make_cert(ec_key(), "old", not_before=NOW - dt.timedelta(days=10), days=5)
    )
    assert CertDetails.of(info, NOW).days_remaining == -5
    naive = NOW.replace(tzinfo=None)
    assert CertDetails.of(info, naive).days_remaining == -5


def test_rsa_and_ed25519_keys() -> None:
    rsa_info = CertInfo.from_cert(make_cert(rsa_key(), "r"))
    assert CertDetails.of(rsa_info, NOW).key_label == "RSA 2048"
    ed = CertInfo.from_cert(make_cert(ed25519.Ed25519PrivateKey.generate(), "ed"))
    details = CertDetails.of(ed, NOW)
    assert (details.key_algorithm, details.signature_algorithm) == ("Ed25519", "ed25519")
    assert details.self_signed


def test_rdn_list_keeps_multi_valued_rdns_and_bytes() -> None:
    name = x509.Name(
        [
            x509.RelativeDistinguishedName(
                [
                    x509.NameAttribute(NameOID.COMMON_NAME, "a"),
                    x509.NameAttribute(NameOID.SERIAL_NUMBER, "42"),
                ]
            ),
            x509.RelativeDistinguishedName(
                [
                    x509.NameAttribute(
                        NameOID.X500_UNIQUE_IDENTIFIER,
                        b"\x01\xff",
                        _type=x509.name._ASN1Type.BitString,
                    )
                ]
            ),
        ]
    )
    assert sorted(rdn_list(name)[:2]) == [("CN", "a"), ("SERIALNUMBER", "42")]
    assert rdn_list(name)[2] == ("2.5.4.45", "01ff")


def test_general_name_other_name_that_is_not_a_string() -> None:
    value = asn1_core.Integer(7).dump()
    assert general_name(x509.OtherName(UPN, value)) == f"otherName:{UPN.dotted_string};020107"


def test_certificate_json_shape() -> None:
    info = _rich_cert()
    data = certificate_json(info, NOW)
    assert set(data) == {
        "subject",
        "issuer",
        "serial",
        "not_before",
        "not_after",
        "days_remaining",
        "sha1",
        "sha256",
        "sha512",
        "key_algorithm",
        "key_size",
        "curve",
        "signature_algorithm",
        "is_ca",
        "self_signed",
        "extensions",
        "pem",
        "notes",
    }
    assert data["notes"] == []
    assert data["serial"] == "a1b2c"
    assert data["not_after"] == iso_z(info.summary.not_after)
    assert data["not_after"].endswith("Z")
    assert data["sha1"] == info.summary.sha1
    assert data["curve"] == "P-384"
    assert {"oid": "2.5.29.19", "name": "Basic Constraints", "critical": True,
            "values": ["CA: TRUE", "Path length: 2"]} in data["extensions"]  # fmt: skip
    assert json.loads(json.dumps(data)) == data
    assert extension_json(ExtensionInfo("1.2", "x", False, ("a",))) == {
        "oid": "1.2",
        "name": "x",
        "critical": False,
        "values": ["a"],
    }


def test_iso_z() -> None:
    assert iso_z(dt.datetime(2030, 1, 2, 3, 4, 5, 678, tzinfo=dt.UTC)) == "2030-01-02T03:04:05Z"
    plus_two = dt.timezone(dt.timedelta(hours=2))
    assert iso_z(dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=plus_two)) == "2030-01-02T01:04:05Z"
    assert iso_z(dt.datetime(2030, 1, 2, 3, 4, 5)) == "2030-01-02T03:04:05Z"


# --- certificates cryptography refuses as a whole ------------------------------------


def _tlv(tag_class: int, constructed: int, tag: int, contents: bytes) -> bytes:
    return bytes(asn1_parser.emit(tag_class, constructed, tag, contents))


def _raw_extension(oid: str, value: bytes, critical: bool = False) -> bytes:
    parts = asn1_core.ObjectIdentifier(oid).dump()
    if critical:
        parts += asn1_core.Boolean(True).dump()
    return _tlv(0, 1, 16, parts + asn1_core.OctetString(value).dump())


def _with_extra_extensions(
    info: CertInfo, key: ec.EllipticCurvePrivateKey, extra: list[bytes]
) -> CertInfo:
    """Re-sign ``info`` with raw extensions appended (duplicates and bad values included)."""

    def elements(data: bytes) -> list[tuple[int, int, bytes, bytes]]:
        out = []
        while data:
            cls, _, tag, header, contents, trailer = asn1_parser.parse(data)
            size = len(header) + len(contents) + len(trailer)
            out.append((cls, tag, data[:size], contents))
            data = data[size:]
        return out

    cert_parts = elements(elements(info.der)[0][3])
    tbs_parts = elements(cert_parts[0][3])
    tbs = b""
    for cls, tag, whole, contents in tbs_parts:
        if (cls, tag) == (2, 3):
            exts = elements(contents)[0][3] + b"".join(extra)
            whole = _tlv(2, 1, 3, _tlv(0, 1, 16, exts))
        tbs += whole
    tbs = _tlv(0, 1, 16, tbs)
    signature = key.sign(tbs, ec.ECDSA(hashes.SHA256()))
    bits = _tlv(0, 0, 3, b"\x00" + signature)
    return CertInfo.from_der(_tlv(0, 1, 16, tbs + cert_parts[1][2] + bits))


def test_duplicate_extension_is_shown_with_a_note() -> None:
    key = ec_key(31)
    base = CertInfo.from_cert(make_cert(key, "dup", san=["a.example"]))
    san = x509.SubjectAlternativeName([x509.DNSName("b.example")]).public_bytes()
    info = _with_extra_extensions(base, key, [_raw_extension("2.5.29.17", san)])
    with pytest.raises(x509.DuplicateExtension):
        _ = info.cert.extensions
    exts = decode_extensions(info)
    sans = [e for e in exts if e.oid == "2.5.29.17"]
    assert len(sans) == 2
    assert sans[0].values[0] == "This extension occurs 2 times; RFC 5280 allows it once."
    assert sans[0].values[1:] == ("DNS:a.example",)
    assert sans[1].values[1:] == ("DNS:b.example",)
    assert [e.oid for e in exts][:2] == ["2.5.29.19", "2.5.29.14"]
    assert exts[0].critical  # basicConstraints keeps its flag in the fallback


def test_malformed_extension_value_becomes_an_error_line() -> None:
    key = ec_key(32)
    base = CertInfo.from_cert(make_cert(key, "bad"))
    info = _with_extra_extensions(
        base, key, [_raw_extension("2.5.29.15", b"\x01\x02", critical=True)]
    )
    details = CertDetails.of(info, NOW)  # must not raise
    ku = _ext(details, "2.5.29.15")
    assert ku.name == "Key Usage"
    assert ku.critical
    assert ku.values[0].startswith("This extension cannot be decoded (")
    assert ku.values[1] == "DER: 01:02"
    assert _ext(details, "2.5.29.19").values == ("CA: FALSE",)
    assert certificate_json(info, NOW)["extensions"][-1]["oid"] == "2.5.29.15"


def test_extensions_of_garbage_are_an_error_line() -> None:
    from keymon.core.x509.extensions import decode_raw_extensions

    (ext,) = decode_raw_extensions(b"\x30\x03\x02\x01\x00")
    assert ext.values[0].startswith("The extensions of this certificate cannot be decoded")


def test_certificate_without_extensions() -> None:
    key = ec_key(33)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "bare")]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "bare")]))
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(NOW)
        .not_valid_after(NOW + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    info = CertInfo.from_cert(cert)
    assert CertDetails.of(info, NOW).extensions == ()
    assert certificate_json(info, NOW)["extensions"] == []
    assert info.cert.public_bytes(Encoding.DER) == info.der

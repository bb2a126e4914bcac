"""Names read from their DER say exactly what cryptography says, or step aside.

keymon formats plain names itself (keymon/core/x509/dername.py) for speed. Every name is
compared with cryptography's own ``Name.rfc4514_string()`` and first CN: generated names
with RFC 4514 specials, every string type and unknown OIDs, crafted DER that cryptography
refuses or warns about (which must fall back), and ``keymon list --json`` of a keystore
against a listing made the slow, obvious way.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import NameOID, ObjectIdentifier
from hypothesis import given, settings
from hypothesis import strategies as st

from keymon.cli import main
from keymon.core.entries import CertificateEntry, CertInfo
from keymon.core.formats import der, jks
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.core.x509 import dername

OIDS = [
    NameOID.COMMON_NAME,
    NameOID.ORGANIZATION_NAME,
    NameOID.ORGANIZATIONAL_UNIT_NAME,
    NameOID.LOCALITY_NAME,
    NameOID.STATE_OR_PROVINCE_NAME,
    NameOID.STREET_ADDRESS,
    NameOID.DOMAIN_COMPONENT,
    NameOID.USER_ID,
    NameOID.EMAIL_ADDRESS,
    NameOID.SERIAL_NUMBER,
    ObjectIdentifier("1.2.3.4.5.6.7.8.9.1000000"),
]
TYPES = [
    _ASN1Type.UTF8String,
    _ASN1Type.PrintableString,
    _ASN1Type.IA5String,
    _ASN1Type.T61String,
    _ASN1Type.VisibleString,
    _ASN1Type.BMPString,
    _ASN1Type.UniversalString,
]
SPECIALS = st.sampled_from([*' #"+,;<>\\=\0 ', "ü", "東", "😀"])
VALUES = st.lists(st.one_of(SPECIALS, st.characters()), max_size=12).map("".join)


def cryptography_says(name_der: bytes) -> tuple[str, str]:
    name = x509.Name.from_bytes(name_der)
    text = name.rfc4514_string()
    cns = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return text, (str(cns[0].value) if cns else text)


def encode(attributes: list[list[tuple[ObjectIdentifier, str, _ASN1Type]]]) -> bytes:
    with warnings.catch_warnings():  # lengths cryptography warns about are wanted here
        warnings.simplefilter("ignore")
        rdns = [
            x509.RelativeDistinguishedName(
                [x509.NameAttribute(oid, value, kind, _validate=False) for oid, value, kind in rdn]
            )
            for rdn in attributes
        ]
        return x509.Name(rdns).public_bytes()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(st.sampled_from(OIDS), VALUES, st.sampled_from(TYPES)), min_size=1, max_size=2
        ),
        max_size=6,
    )
)
def test_generated_names_match_cryptography_or_fall_back(
    attributes: list[list[tuple[ObjectIdentifier, str, _ASN1Type]]],
) -> None:
    try:
        name_der = encode(attributes)
    except ValueError:  # e.g. a duplicate attribute in one RDN: cryptography refuses to build it
        return
    fast = dername.describe(name_der)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            expected = cryptography_says(name_der)
        except (ValueError, TypeError, UnicodeDecodeError):
            assert fast is None  # cryptography refuses: so must the fast path
            return
    if caught:
        assert fast is None  # cryptography warns: the caller must ask it, to note the warning
    elif all(len(rdn) == 1 for rdn in attributes):
        assert fast == expected
    else:
        assert fast is None  # multi-valued RDNs are left to cryptography


ATTRIBUTE = st.tuples(st.sampled_from(OIDS[:3]), st.sampled_from(["a", "A", "ü", "x y", ""]))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(ATTRIBUTE, min_size=1, max_size=2), max_size=3),
    st.lists(st.lists(ATTRIBUTE, min_size=1, max_size=2), max_size=3),
    st.lists(st.sampled_from(TYPES), min_size=6, max_size=6),
    st.booleans(),
)
def test_same_name_says_what_cryptography_says_or_steps_aside(
    first: list[list[tuple[ObjectIdentifier, str]]],
    second: list[list[tuple[ObjectIdentifier, str]]],
    kinds: list[_ASN1Type],
    copy: bool,
) -> None:
    """Names often equal in text but written with other string types, RDN orders or sets:
    ``same`` agrees with ``Name.__eq__`` whenever it answers."""
    if copy:
        second = first
    kind = iter(kinds * 2)
    try:
        a = encode([[(oid, text, next(kind)) for oid, text in rdn] for rdn in first])
        b = encode([[(oid, text, next(kind)) for oid, text in rdn] for rdn in reversed(second)])
    except (ValueError, StopIteration):
        return
    answer = dername.same(a, b)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            expected = x509.Name.from_bytes(a) == x509.Name.from_bytes(b)
        except (ValueError, TypeError, UnicodeDecodeError):
            assert answer is None or a == b
            return
    assert answer is None or answer == expected
    if a == b:
        assert answer is True


def test_escaping_and_first_cn() -> None:
    name_der = encode(
        [
            [(NameOID.COUNTRY_NAME, "DE", _ASN1Type.PrintableString)],
            [(NameOID.ORGANIZATION_NAME, '#A, "B"+C;<D>\\ ', _ASN1Type.UTF8String)],
            [(NameOID.COMMON_NAME, " first", _ASN1Type.BMPString)],
            [(NameOID.COMMON_NAME, "second\0", _ASN1Type.UTF8String)],
        ]
    )
    assert dername.describe(name_der) == cryptography_says(name_der)
    assert dername.describe(name_der) == (
        'CN=second\\00,CN=\\ first,O=\\#A\\, \\"B\\"\\+C\\;\\<D\\>\\\\\\ ,C=DE',
        " first",
    )


def _raw_name(*attributes: tuple[str, int, bytes]) -> bytes:
    return der.seq(
        *(
            der.set_of(der.seq(der.oid_tlv(oid), der.tlv(tag, value)))
            for oid, tag, value in attributes
        )
    )


@pytest.mark.parametrize(
    "name_der",
    [
        _raw_name(("2.5.4.3", 0x0C, b"\xff\xfe not UTF-8")),
        _raw_name(("2.5.4.45", 0x03, b"\x00\x01\x02")),  # a BIT STRING (x500UniqueIdentifier)
        _raw_name(("2.5.4.3", 0x04, b"an OCTET STRING")),
        _raw_name(("2.5.4.6", 0x13, b"DEU")),  # cryptography warns: C must be 2 characters
        _raw_name(("2.5.4.3", 0x0C, b"")),  # and a CN of 1 to 64
        _raw_name(("2.5.4.3", 0x0C, b"x" * 65)),
        _raw_name(("2.5.4.3", 0x1E, b"\xd8\x00")),  # a lone surrogate in a BMPString
        der.seq(der.tlv(0x31, b"")),  # an empty RDN
        der.seq(der.set_of(der.seq(der.oid_tlv("2.5.4.3")))),  # an attribute without value
        b"\x30\x84\x00\x00\x00\x03\x31\x01\x00",  # an unusual length form
        b"\x30\x05\x31\x03",  # cut short
    ],
)
def test_unusual_names_are_left_to_cryptography(name_der: bytes) -> None:
    assert dername.describe(name_der) is None


def _cert(subject: x509.Name, issuer: x509.Name, serial: int) -> CertInfo:
    key = ec.generate_private_key(ec.SECP256R1())
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a CN of 70 characters, on purpose
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer)
            .public_key(key.public_key())
            .serial_number(serial)
            .not_valid_before(start)
            .not_valid_after(start + dt.timedelta(days=3650))
            .sign(key, hashes.SHA256())
        )
    return CertInfo.from_cert(cert)


def test_list_json_names_match_the_slow_obvious_listing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    names = [
        encode([[(NameOID.COMMON_NAME, "Plain Root", _ASN1Type.UTF8String)]]),
        encode(
            [
                [(NameOID.COUNTRY_NAME, "DE", _ASN1Type.PrintableString)],
                [(NameOID.STATE_OR_PROVINCE_NAME, "Baden-Württemberg", _ASN1Type.UTF8String)],
                [(NameOID.ORGANIZATION_NAME, "Müller & Söhne, GmbH", _ASN1Type.UTF8String)],
                [(NameOID.ORGANIZATIONAL_UNIT_NAME, "Büro 東京", _ASN1Type.BMPString)],
                [(NameOID.EMAIL_ADDRESS, "pki@example.org", _ASN1Type.IA5String)],
                [(NameOID.COMMON_NAME, "#Empfänger + Köln ", _ASN1Type.UTF8String)],
            ]
        ),
        encode([[(NameOID.ORGANIZATION_NAME, "No CN; at all", _ASN1Type.UTF8String)]]),
        encode([[(NameOID.COMMON_NAME, "x" * 70, _ASN1Type.UTF8String)]]),  # warns: falls back
        encode(
            [
                [
                    (NameOID.ORGANIZATION_NAME, "Multi", _ASN1Type.UTF8String),
                    (NameOID.COMMON_NAME, "Valued", _ASN1Type.UTF8String),
                ]
            ]
        ),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        decoded = [x509.Name.from_bytes(n) for n in names]
    certs = [
        _cert(subject, decoded[(i + 1) % len(decoded)], 100 + i)
        for i, subject in enumerate(decoded)
    ]
    entries = [CertificateEntry(f"cert-{i}", c) for i, c in enumerate(certs)]
    path = tmp_path / "names.p12"
    Keystore(entries, password="pw").save_as(path, Format.PKCS12, "pw")
    monkeypatch.setenv("KM_PW", "pw")

    assert main(["list", str(path), "--json", "--password-env", "KM_PW"]) == 0
    listed = json.loads(capsys.readouterr().out)

    for item, cert in zip(listed, certs, strict=True):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reference = x509.load_der_x509_certificate(cert.der)
            subject, issuer = reference.subject, reference.issuer
        assert item["subject"] == subject.rfc4514_string()
        assert item["issuer"] == issuer.rfc4514_string()
    long_cn = listed[3]["notes"]
    assert any("length" in note for note in long_cn)  # the warning is still a note


def _slow_tbs(cert_der: bytes) -> list[der.Der]:
    tbs = der.parse(cert_der, "A certificate").children()[0].children()
    return tbs[1:] if tbs and tbs[0].tag == 0xA0 else tbs


def _slow_extensions(cert_der: bytes) -> dict[bytes, bytes]:
    out: dict[bytes, bytes] = {}
    wrapped = next((f for f in _slow_tbs(cert_der)[6:] if f.tag == 0xA3), None)
    for ext in wrapped.children()[0].children() if wrapped is not None else []:
        parts = ext.children()
        out.setdefault(parts[0].oid(), parts[-1].string("An extension"))
    return out


def _certificates() -> list[tuple[str, bytes]]:
    from tests import hostile_certs

    found = [(case, hostile_certs.crafted(case)) for case in hostile_certs.CASES]
    cacerts = sorted(Path("/usr/lib/jvm").glob("*/lib/security/cacerts"))
    if cacerts:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            loaded = jks.load(cacerts[0].read_bytes(), "changeit")
        found += [(e.alias, e.certificates[0].der) for e in loaded]
    return found


def test_outline_and_extensions_read_what_the_full_parse_reads() -> None:
    for label, cert_der in _certificates():
        fields = _slow_tbs(cert_der)
        expected = (
            fields[0].buf[fields[0].start : fields[0].end],
            *(fields[i].element() for i in (2, 4)),
        )
        assert dername.outline(cert_der) == expected, label
        fast = dername.extensions(cert_der)
        assert fast is None or fast == _slow_extensions(cert_der), label


def test_outline_of_unusual_layouts_is_none() -> None:
    assert dername.outline(b"\x30\x03\x02\x01\x05") is None  # not a certificate
    assert dername.outline(b"\x30\x80\x30\x80\x00\x00\x00\x00") is None  # indefinite lengths
    assert dername.extensions(b"\x04\x00") is None

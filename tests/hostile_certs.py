"""Crafted ("hostile") certificates and requests for tests, rewritten at the ASN.1 level.

Each builder starts from a valid certificate made with cryptography and replaces one
part of its DER (an extension, a name, the key, the version, ...). The signatures of the
results no longer verify, which is fine: what is tested is how keymon decodes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from keymon.core.formats.der import children, explicit, integer, octet_string, oid_tlv, seq, tlv

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)

SAN, AKI, BC, KU = "2.5.29.17", "2.5.29.35", "2.5.29.19", "2.5.29.15"
CN, C, ORG = "2.5.4.3", "2.5.4.6", "2.5.4.10"


@cache
def hostile_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def base_cert(key: ec.EllipticCurvePrivateKey | None = None, cn: str = "hostile") -> bytes:
    """A valid self-signed EC certificate with SAN, AKI, SKI and basic constraints."""
    key = key or hostile_key()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(0x1234)
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=20))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(cn)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(Encoding.DER)


def _parts(data: bytes) -> list[bytes]:
    """The elements inside the (constructed) element ``data``."""
    _tag, _pos, start, end = children(data, 0, len(data))[0]
    return [data[pos:vend] for _tag, pos, _vs, vend in children(data, start, end)]


def _split(der: bytes) -> tuple[list[bytes], bytes, bytes]:
    tbs, sig_alg, sig = _parts(der)
    return _parts(tbs), sig_alg, sig


def _join(tbs: list[bytes], sig_alg: bytes, sig: bytes) -> bytes:
    return seq(seq(*tbs), sig_alg, sig)


# TBSCertificate positions (version present: the base is v3)
VERSION, SERIAL, TBS_SIG, ISSUER, VALIDITY, SUBJECT, SPKI, EXTENSIONS = range(8)


def _extension(oid: str, value: bytes, critical: bool = False) -> bytes:
    flag = b"\x01\x01\xff" if critical else b""
    return seq(oid_tlv(oid), flag, octet_string(value))


def _extensions(der: bytes) -> list[bytes]:
    tbs, _, _ = _split(der)
    return _parts(_parts(tbs[EXTENSIONS])[0])


def with_extensions(der: bytes, extensions: list[bytes]) -> bytes:
    tbs, sig_alg, sig = _split(der)
    tbs[EXTENSIONS] = explicit(3, seq(*extensions))
    return _join(tbs, sig_alg, sig)


def _replace_extension(der: bytes, oid: str, value: bytes, critical: bool = False) -> bytes:
    exts = [e for e in _extensions(der) if _parts(e)[0] != oid_tlv(oid)]
    return with_extensions(der, [*exts, _extension(oid, value, critical)])


def _name(*attrs: tuple[str, bytes]) -> bytes:
    return seq(*(tlv(0x31, seq(oid_tlv(oid), value)) for oid, value in attrs))


def with_tbs_part(
    der: bytes, index: int, value: bytes, outer_sig_alg: bytes | None = None
) -> bytes:
    tbs, sig_alg, sig = _split(der)
    tbs[index] = value
    return _join(tbs, outer_sig_alg or sig_alg, sig)


# ------------------------------------------------------------------ the crafted cases


def duplicate_extension(der: bytes) -> bytes:
    exts = _extensions(der)
    san = next(e for e in exts if _parts(e)[0] == oid_tlv(SAN))
    return with_extensions(der, [*exts, san])


def unsupported_general_name(der: bytes) -> bytes:
    # x400Address [3] inside the SAN: cryptography raises UnsupportedGeneralNameType
    return _replace_extension(der, SAN, seq(tlv(0xA3, seq(integer(1)))))


def malformed_san(der: bytes) -> bytes:
    return _replace_extension(der, SAN, seq(integer(7)))


def malformed_aki(der: bytes) -> bytes:
    return _replace_extension(der, AKI, seq(tlv(0x80, b"\x01"), integer(5), b"\x05\x00"))


def malformed_basic_constraints(der: bytes) -> bytes:
    return _replace_extension(der, BC, seq(tlv(0x0C, b"yes")), critical=True)


def garbage_critical_extension(der: bytes) -> bytes:
    return _replace_extension(der, KU, b"\xde\xad\xbe\xef", critical=True)


def unknown_key_algorithm(der: bytes) -> bytes:
    spki = seq(seq(oid_tlv("1.2.3.4.5.6")), tlv(0x03, b"\x00" + b"\x42" * 32))
    return with_tbs_part(der, SPKI, spki)


def malformed_ec_point(der: bytes) -> bytes:
    alg = seq(oid_tlv("1.2.840.10045.2.1"), oid_tlv("1.2.840.10045.3.1.7"))
    return with_tbs_part(der, SPKI, seq(alg, tlv(0x03, b"\x00\x04\x01\x02\x03")))


def unknown_signature_algorithm(der: bytes) -> bytes:
    alg = seq(oid_tlv("1.2.3.4.99"))
    return with_tbs_part(der, TBS_SIG, alg, outer_sig_alg=alg)


def version_5(der: bytes) -> bytes:
    return with_tbs_part(der, VERSION, explicit(0, integer(4)))


def empty_country(der: bytes) -> bytes:
    name = _name((C, tlv(0x13, b"")), (CN, tlv(0x0C, b"hostile")))
    return with_tbs_part(with_tbs_part(der, SUBJECT, name), ISSUER, name)


def wrong_string_type(der: bytes) -> bytes:
    # a common name whose value is an INTEGER, not a string
    name = _name((CN, integer(42)))
    return with_tbs_part(der, SUBJECT, name)


def bad_utf8_name(der: bytes) -> bytes:
    return with_tbs_part(der, ISSUER, _name((CN, tlv(0x0C, b"\xff\xfe\xfd"))))


def odd_bmp_string(der: bytes) -> bytes:
    # cryptography refuses this one while loading
    return with_tbs_part(der, ISSUER, _name((ORG, tlv(0x1E, b"\x00"))))


def negative_serial(der: bytes) -> bytes:
    return with_tbs_part(der, SERIAL, integer(-5))


CASES: dict[str, Callable[[bytes], bytes]] = {
    "duplicate_extension": duplicate_extension,
    "unsupported_general_name": unsupported_general_name,
    "malformed_san": malformed_san,
    "malformed_aki": malformed_aki,
    "malformed_basic_constraints": malformed_basic_constraints,
    "garbage_critical_extension": garbage_critical_extension,
    "unknown_key_algorithm": unknown_key_algorithm,
    "malformed_ec_point": malformed_ec_point,
    "unknown_signature_algorithm": unknown_signature_algorithm,
    "version_5": version_5,
    "empty_country": empty_country,
    "wrong_string_type": wrong_string_type,
    "bad_utf8_name": bad_utf8_name,
    "negative_serial": negative_serial,
    "odd_bmp_string": odd_bmp_string,
}

#: Cases cryptography refuses at load time: keymon reports a damaged file (exit 4).
LOAD_FAILS = frozenset({"version_5", "odd_bmp_string"})


def crafted(case: str, key: ec.EllipticCurvePrivateKey | None = None) -> bytes:
    """The DER of one crafted certificate (``key``: whose public key it carries)."""
    return CASES[case](base_cert(key))


# ------------------------------------------------------------------ crafted requests

EXTENSION_REQUEST = "1.2.840.113549.1.9.14"


def base_csr() -> bytes:
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "hostile request")]))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("req.example")]), False)
        .sign(hostile_key(), hashes.SHA256())
    )
    return csr.public_bytes(Encoding.DER)


def _csr_with(info_index: int, value: bytes) -> bytes:
    info, sig_alg, sig = _parts(base_csr())
    parts = _parts(info)
    parts[info_index] = value
    return seq(seq(*parts), sig_alg, sig)


def _extension_request(*extensions: bytes) -> bytes:
    return explicit(0, seq(oid_tlv(EXTENSION_REQUEST), tlv(0x31, seq(*extensions))))


_SAN_OK = _extension(SAN, seq(tlv(0x82, b"req.example")))

CSR_CASES: dict[str, Callable[[], bytes]] = {
    "duplicate_extension": lambda: _csr_with(3, _extension_request(_SAN_OK, _SAN_OK)),
    "unsupported_general_name": lambda: _csr_with(
        3, _extension_request(_extension(SAN, seq(tlv(0xA3, seq(integer(1))))))
    ),
    "malformed_san": lambda: _csr_with(3, _extension_request(_extension(SAN, seq(integer(7))))),
    "bad_attribute": lambda: _csr_with(
        3, explicit(0, seq(oid_tlv("1.2.840.113549.1.9.7"), tlv(0x31, integer(5))))
    ),
    "garbage_extension_request": lambda: _csr_with(
        3, explicit(0, seq(oid_tlv(EXTENSION_REQUEST), tlv(0x31, integer(5))))
    ),
    "unknown_key_algorithm": lambda: _csr_with(
        2, seq(seq(oid_tlv("1.2.3.4.5.6")), tlv(0x03, b"\x00" + b"\x42" * 32))
    ),
    "wrong_string_type": lambda: _csr_with(1, _name((CN, integer(42)))),
    "empty_country": lambda: _csr_with(1, _name((C, tlv(0x13, b"")), (CN, tlv(0x0C, b"x")))),
}


def crafted_csr(case: str) -> bytes:
    """The DER of one crafted certificate signing request."""
    return CSR_CASES[case]()

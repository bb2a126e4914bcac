"""Decoding of X.509 extensions into display lines (names, values, raw fallback).

Never raises on odd certificates: when cryptography refuses the extensions as a
whole (a duplicate, a malformed value), each raw extension is decoded on its own,
and what still fails becomes an error line next to the hex of its value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from asn1crypto import core as asn1_core
from asn1crypto import parser as asn1_parser
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID as Eku
from cryptography.x509.oid import ExtensionOID as Ext
from cryptography.x509.oid import NameOID

from keymon.core.entries import CertInfo
from keymon.core.expiry import iso_z

# Names RFC 4514 does not define a short form for; the rest use cryptography's.
_SHORT_NAMES = {
    NameOID.EMAIL_ADDRESS: "E",
    NameOID.SERIAL_NUMBER: "SERIALNUMBER",
    NameOID.GIVEN_NAME: "GN",
    NameOID.SURNAME: "SN",
    NameOID.TITLE: "T",
}

_EXTENSION_NAMES = {
    Ext.SUBJECT_ALTERNATIVE_NAME: "Subject Alternative Name",
    Ext.ISSUER_ALTERNATIVE_NAME: "Issuer Alternative Name",
    Ext.KEY_USAGE: "Key Usage",
    Ext.EXTENDED_KEY_USAGE: "Extended Key Usage",
    Ext.BASIC_CONSTRAINTS: "Basic Constraints",
    Ext.SUBJECT_KEY_IDENTIFIER: "Subject Key Identifier",
    Ext.AUTHORITY_KEY_IDENTIFIER: "Authority Key Identifier",
    Ext.AUTHORITY_INFORMATION_ACCESS: "Authority Information Access",
    Ext.SUBJECT_INFORMATION_ACCESS: "Subject Information Access",
    Ext.CRL_DISTRIBUTION_POINTS: "CRL Distribution Points",
    Ext.FRESHEST_CRL: "Freshest CRL",
    Ext.CERTIFICATE_POLICIES: "Certificate Policies",
    Ext.NAME_CONSTRAINTS: "Name Constraints",
    Ext.POLICY_CONSTRAINTS: "Policy Constraints",
    Ext.POLICY_MAPPINGS: "Policy Mappings",
    Ext.INHIBIT_ANY_POLICY: "Inhibit Any Policy",
    Ext.TLS_FEATURE: "TLS Feature",
    Ext.OCSP_NO_CHECK: "OCSP No Check",
    Ext.PRECERT_SIGNED_CERTIFICATE_TIMESTAMPS: "Signed Certificate Timestamps",
}

_EKU_NAMES = {
    Eku.SERVER_AUTH: "TLS Web Server Authentication",
    Eku.CLIENT_AUTH: "TLS Web Client Authentication",
    Eku.CODE_SIGNING: "Code Signing",
    Eku.EMAIL_PROTECTION: "E-mail Protection",
    Eku.TIME_STAMPING: "Time Stamping",
    Eku.OCSP_SIGNING: "OCSP Signing",
    Eku.ANY_EXTENDED_KEY_USAGE: "Any Extended Key Usage",
    Eku.SMARTCARD_LOGON: "Microsoft Smartcard Logon",
    Eku.KERBEROS_PKINIT_KDC: "Kerberos PKINIT KDC",
    Eku.IPSEC_IKE: "IPsec Internet Key Exchange",
    Eku.CERTIFICATE_TRANSPARENCY: "Certificate Transparency",
}

_ACCESS_NAMES = {
    "1.3.6.1.5.5.7.48.1": "OCSP",
    "1.3.6.1.5.5.7.48.2": "CA Issuers",
    "1.3.6.1.5.5.7.48.3": "Time Stamping",
    "1.3.6.1.5.5.7.48.5": "CA Repository",
}

_KEY_USAGES = (
    ("digital_signature", "Digital Signature"),
    ("content_commitment", "Non Repudiation"),
    ("key_encipherment", "Key Encipherment"),
    ("data_encipherment", "Data Encipherment"),
    ("key_agreement", "Key Agreement"),
    ("key_cert_sign", "Certificate Sign"),
    ("crl_sign", "CRL Sign"),
)


@dataclass(frozen=True)
class ExtensionInfo:
    """One extension as display lines."""

    oid: str
    name: str
    critical: bool
    values: tuple[str, ...]


def colon_hex(data: bytes) -> str:
    """``AB:CD:EF`` for display (upper case, colon separated)."""
    return data.hex(":").upper()


def _text(value: str | bytes) -> str:
    return value if isinstance(value, str) else value.hex()


def rdn_list(name: x509.Name) -> tuple[tuple[str, str], ...]:
    """``(short name, value)`` pairs in certificate order (multi-valued RDNs are flattened)."""
    return tuple(
        (_SHORT_NAMES.get(attr.oid) or attr.rfc4514_attribute_name, _text(attr.value))
        for rdn in name.rdns
        for attr in rdn
    )


def _other_name_value(value: bytes) -> str:
    try:
        native = asn1_core.load(value).native
    except ValueError:
        native = None
    return native if isinstance(native, str) else value.hex()


_GN_PREFIXES: dict[type[Any], str] = {
    x509.DNSName: "DNS",
    x509.IPAddress: "IP",
    x509.RFC822Name: "email",
    x509.UniformResourceIdentifier: "URI",
}


def general_name(gn: x509.GeneralName) -> str:
    """``DNS:example.org``, ``IP:10.0.0.1``, ``email:…``, ``URI:…``, ``dirName:…``, …"""
    if isinstance(gn, x509.DirectoryName):
        return f"dirName:{gn.value.rfc4514_string()}"
    if isinstance(gn, x509.RegisteredID):
        return f"RID:{gn.value.dotted_string}"
    if isinstance(gn, x509.OtherName):
        return f"otherName:{gn.type_id.dotted_string};{_other_name_value(gn.value)}"
    return f"{_GN_PREFIXES.get(type(gn), type(gn).__name__)}:{gn.value}"


def _names(prefix: str, names: Iterable[x509.GeneralName]) -> list[str]:
    return [f"{prefix}{general_name(n)}" for n in names]


def _key_usage(ku: x509.KeyUsage) -> list[str]:
    out = [label for attr, label in _KEY_USAGES if getattr(ku, attr)]
    if ku.key_agreement:
        out += ["Encipher Only"] * ku.encipher_only + ["Decipher Only"] * ku.decipher_only
    return out


def _eku(eku: x509.ExtendedKeyUsage) -> list[str]:
    return [
        f"{_EKU_NAMES[oid]} ({oid.dotted_string})" if oid in _EKU_NAMES else oid.dotted_string
        for oid in eku
    ]


def _basic_constraints(bc: x509.BasicConstraints) -> list[str]:
    out = [f"CA: {'TRUE' if bc.ca else 'FALSE'}"]
    return out if bc.path_length is None else [*out, f"Path length: {bc.path_length}"]


def _aki(aki: x509.AuthorityKeyIdentifier) -> list[str]:
    out = [] if aki.key_identifier is None else [f"Key ID: {colon_hex(aki.key_identifier)}"]
    out += _names("Issuer: ", aki.authority_cert_issuer or ())
    if aki.authority_cert_serial_number is not None:
        out.append(f"Serial: {serial_colon(aki.authority_cert_serial_number)}")
    return out


def _access(descriptions: Iterable[x509.AccessDescription]) -> list[str]:
    return [
        f"{_ACCESS_NAMES.get(d.access_method.dotted_string, d.access_method.dotted_string)}: "
        f"{general_name(d.access_location)}"
        for d in descriptions
    ]


def _distribution_points(points: Iterable[x509.DistributionPoint]) -> list[str]:
    out: list[str] = []
    for dp in points:
        out += _names("Full Name: ", dp.full_name or ())
        if dp.relative_name is not None:
            out.append(f"Relative Name: {dp.relative_name.rfc4514_string()}")
        if dp.reasons:
            out.append("Reasons: " + ", ".join(sorted(r.value for r in dp.reasons)))
        out += _names("CRL Issuer: ", dp.crl_issuer or ())
    return out


def _policies(policies: x509.CertificatePolicies) -> list[str]:
    out: list[str] = []
    for policy in policies:
        oid = policy.policy_identifier.dotted_string
        out.append(f"Policy: {'anyPolicy (2.5.29.32.0)' if oid == '2.5.29.32.0' else oid}")
        for q in policy.policy_qualifiers or ():
            if isinstance(q, str):
                out.append(f"  CPS: {q}")
                continue
            if q.notice_reference is not None:
                ref = q.notice_reference
                numbers = ", ".join(str(n) for n in ref.notice_numbers)
                out.append(f"  Notice Reference: {ref.organization or ''} ({numbers})")
            if q.explicit_text is not None:
                out.append(f"  User Notice: {q.explicit_text}")
    return out


def _name_constraints(nc: x509.NameConstraints) -> list[str]:
    return _names("Permitted: ", nc.permitted_subtrees or ()) + _names(
        "Excluded: ", nc.excluded_subtrees or ()
    )


def _policy_constraints(pc: x509.PolicyConstraints) -> list[str]:
    out = []
    if pc.require_explicit_policy is not None:
        out.append(f"Require explicit policy: {pc.require_explicit_policy}")
    if pc.inhibit_policy_mapping is not None:
        out.append(f"Inhibit policy mapping: {pc.inhibit_policy_mapping}")
    return out


def _scts(scts: Iterable[Any]) -> list[str]:
    return [f"Log {colon_hex(s.log_id)} at {iso_z(s.timestamp)}" for s in scts]


_DECODERS: dict[type[Any], Callable[[Any], list[str]]] = {
    x509.SubjectAlternativeName: lambda v: _names("", v),
    x509.IssuerAlternativeName: lambda v: _names("", v),
    x509.KeyUsage: _key_usage,
    x509.ExtendedKeyUsage: _eku,
    x509.BasicConstraints: _basic_constraints,
    x509.SubjectKeyIdentifier: lambda v: [f"Key ID: {colon_hex(v.digest)}"],
    x509.AuthorityKeyIdentifier: _aki,
    x509.AuthorityInformationAccess: _access,
    x509.SubjectInformationAccess: _access,
    x509.CRLDistributionPoints: _distribution_points,
    x509.FreshestCRL: _distribution_points,
    x509.CertificatePolicies: _policies,
    x509.NameConstraints: _name_constraints,
    x509.PolicyConstraints: _policy_constraints,
    x509.InhibitAnyPolicy: lambda v: [f"Skip certificates: {v.skip_certs}"],
    x509.TLSFeature: lambda v: [f"{f.name} ({f.value})" for f in v],
    x509.OCSPNoCheck: lambda v: ["Present"],
    x509.PrecertPoison: lambda v: ["Present"],
    x509.PrecertificateSignedCertificateTimestamps: _scts,
}


def extension_name(oid: x509.ObjectIdentifier) -> str:
    if oid in _EXTENSION_NAMES:
        return _EXTENSION_NAMES[oid]
    name = getattr(oid, "_name", None)
    return str(name) if name and name != "Unknown OID" else "Unknown extension"


def extension_info(ext: x509.Extension[x509.ExtensionType]) -> ExtensionInfo:
    """Decode one cryptography extension; unknown ones show the hex of their DER value."""
    value = ext.value
    decoder = _DECODERS.get(type(value))
    try:
        if decoder is not None:
            lines = decoder(value)
        elif isinstance(value, x509.UnrecognizedExtension):
            lines = [f"DER: {colon_hex(value.value)}"]
        else:
            lines = [f"DER: {colon_hex(value.public_bytes())}"]
    except Exception as exc:  # display code must never fail
        lines = [f"This extension cannot be shown ({exc})."]
    return ExtensionInfo(ext.oid.dotted_string, extension_name(ext.oid), ext.critical, tuple(lines))


def _elements(data: bytes) -> list[tuple[int, int, bytes, bytes]]:
    """(class, tag, whole element, contents) of each DER element in ``data``."""
    out = []
    while data:
        cls, _, tag, header, contents, trailer = asn1_parser.parse(data)
        size = len(header) + len(contents) + len(trailer)
        out.append((cls, tag, data[:size], contents))
        data = data[size:]
    return out


def _seq(contents: bytes) -> bytes:
    return bytes(asn1_parser.emit(0, 1, 16, contents))


def decode_raw_extensions(der: bytes) -> tuple[ExtensionInfo, ...]:
    """Decode each extension on its own (for certificates cryptography refuses as a whole).

    Each extension is put alone into a copy of the certificate, which cryptography can
    then decode; duplicates get a note and undecodable values an error line and their hex.
    """
    try:
        cert_parts = _elements(_elements(der)[0][3])
        tbs_parts = _elements(cert_parts[0][3])
        tbs_rest = b"".join(p[2] for p in tbs_parts if p[:2] != (2, 3))
        tail = b"".join(p[2] for p in cert_parts[1:])
        ext_seq = [_elements(p[3])[0][3] for p in tbs_parts if p[:2] == (2, 3)]
        raw = [(p[2], _elements(p[3])) for p in _elements(ext_seq[0])] if ext_seq else []
    except Exception as exc:  # display code must never fail
        error = f"The extensions of this certificate cannot be decoded ({exc})."
        return (ExtensionInfo("", "Extensions", False, (error,)),)
    oids = [asn1_core.ObjectIdentifier.load(parts[0][2]).dotted for _, parts in raw]
    counts = Counter(oids)
    out = []
    for oid, (ext_der, parts) in zip(oids, raw, strict=True):
        critical = len(parts) == 3 and parts[1][3] != b"\x00"
        note: tuple[str, ...] = ()
        if counts[oid] > 1:
            note = (f"This extension occurs {counts[oid]} times; RFC 5280 allows it once.",)
        single = _seq(_seq(tbs_rest + asn1_parser.emit(2, 1, 3, _seq(ext_der))) + tail)
        try:
            decoded = extension_info(x509.load_der_x509_certificate(single).extensions[0])
            out.append(ExtensionInfo(oid, decoded.name, critical, note + decoded.values))
        except Exception as exc:  # show what cryptography refuses
            lines = (
                f"This extension cannot be decoded ({exc}).",
                f"DER: {colon_hex(parts[-1][3])}",
            )
            name = extension_name(x509.ObjectIdentifier(oid))
            out.append(ExtensionInfo(oid, name, critical, note + lines))
    return tuple(out)


def decode_extensions(info: CertInfo) -> tuple[ExtensionInfo, ...]:
    """Every extension as display lines, in certificate order; never raises."""
    try:
        return tuple(extension_info(ext) for ext in info.cert.extensions)
    except Exception:  # duplicates, bad values
        return decode_raw_extensions(info.der)


def serial_colon(serial: int) -> str:
    """A serial number as ``0A:1B:…`` (whole bytes, upper case)."""
    sign, magnitude = ("-", -serial) if serial < 0 else ("", serial)
    return sign + colon_hex(magnitude.to_bytes(max(1, (magnitude.bit_length() + 7) // 8), "big"))

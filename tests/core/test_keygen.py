"""Subjects, alternative names, templates, key specs, signatures and self-signed key pairs."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509 import verification as xv
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from keymon.core.errors import UsageError
from keymon.core.x509.keygen import (
    KeyPairRequest,
    KeySpec,
    SignatureChoice,
    build_self_signed,
    generate_key_pair,
    generate_private_key,
    random_serial,
)
from keymon.core.x509.templates import (
    ExtensionSet,
    KeyUsageFlag,
    SubjectAltName,
    SubjectFields,
    Template,
    parse_san,
    parse_sans,
    parse_subject,
)
from tests import factory

# -- subject ------------------------------------------------------------------------------


def test_parse_subject_with_escapes_and_quotes() -> None:
    s = parse_subject(r'cn = host.example , O=Example\, Inc., OU="Ops, Team",L=Köln,ST=NRW,c=de')
    assert s == SubjectFields("host.example", "Ops, Team", "Example, Inc.", "Köln", "NRW", "DE")
    name = s.to_name()
    assert name.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "Example, Inc."
    assert next(a.oid for a in name) == NameOID.COUNTRY_NAME  # certificate order: C first
    assert parse_subject(s.rfc4514()) == s  # round trip through the escaped form


def test_parse_subject_hex_escapes_and_email() -> None:
    s = parse_subject(r"CN=caf\C3\A9,EMAIL=ops@example.org")
    assert s.cn == "café" and s.email == "ops@example.org"
    attr = s.to_name().get_attributes_for_oid(NameOID.EMAIL_ADDRESS)[0]
    assert attr.value == "ops@example.org"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("CN=x,C=Germany", "two-letter code such as DE or US, not “Germany”"),
        ("O=Example", "needs a common name (CN)"),
        ("CN=x,FOO=bar", "“FOO” is not supported"),
        ("CN=x,CN=y", "names CN more than once"),
        ("justtext", "not of the form NAME=value"),
        ("", "The subject is empty"),
        ("CN=x,EMAIL=not-an-address", "not an e-mail address"),
        ("CN=" + "x" * 65, "at most 64 characters"),
        ('CN="unterminated', "not of the form"),
    ],
)
def test_subject_validation(text: str, fragment: str) -> None:
    with pytest.raises(UsageError) as exc:
        parse_subject(text)
    assert fragment in exc.value.message
    assert exc.value.message.count(".") >= 1 and "\n" not in exc.value.message


def test_subject_fields_validate_on_construction_unless_asked_not_to() -> None:
    with pytest.raises(UsageError, match="country"):
        SubjectFields(cn="x", c="Germany")
    draft = SubjectFields(o="No CN Inc.", validate=False)  # a prefill from a certificate
    with pytest.raises(UsageError, match="common name"):
        draft.to_name()
    assert SubjectFields(cn=" x ", c="de") == SubjectFields(cn="x", c="DE")
    values = {"cn": "x", "c": "Germany"}
    assert SubjectFields.from_values(values, validate=False).c == "Germany"
    with pytest.raises(UsageError, match="country"):
        SubjectFields.from_values(values)
    with pytest.raises(UsageError, match="no field 'dc'"):
        SubjectFields.from_values({"cn": "x", "dc": "org"})


# -- subject alternative names ------------------------------------------------------------


def test_parse_san_kinds() -> None:
    assert parse_san("DNS:Host.Example.") == SubjectAltName("DNS", "host.example")
    assert parse_san("dns:*.example.org") == SubjectAltName("DNS", "*.example.org")
    assert parse_san("IP:10.0.0.1") == SubjectAltName("IP", "10.0.0.1")
    assert parse_san("IP: 2001:DB8::1") == SubjectAltName("IP", "2001:db8::1")
    assert parse_san("email:ops@example.org") == SubjectAltName("email", "ops@example.org")
    assert parse_san("URI:https://example.org/x") == SubjectAltName("URI", "https://example.org/x")
    assert parse_san("DNS:bücher.de").value == "xn--bcher-kva.de"
    assert str(parse_san("IP:10.0.0.1")) == "IP:10.0.0.1"
    assert parse_sans(["DNS:a.example", "dns:A.example", "IP:1.2.3.4"]) == (
        SubjectAltName("DNS", "a.example"),
        SubjectAltName("IP", "1.2.3.4"),
    )


@pytest.mark.parametrize(
    "text", ["host.example", "FOO:bar", "DNS:bad_host", "DNS:*.org", "DNS:a..b", "IP:1.2.3"]
)
def test_parse_san_rejects(text: str) -> None:
    with pytest.raises(UsageError):
        parse_san(text)


@pytest.mark.parametrize("text", ["email:nobody", "URI:no-scheme", "URI:https://x/a b"])
def test_parse_san_rejects_bad_values(text: str) -> None:
    with pytest.raises(UsageError):
        parse_san(text)


def test_san_general_name_round_trip() -> None:
    for text in ("DNS:a.example", "IP:10.0.0.1", "email:a@b.example", "URI:urn:x:y"):
        san = parse_san(text)
        assert SubjectAltName.from_general_name(san.to_general_name()) == san


# -- templates and extension sets ---------------------------------------------------------


def _ext(ext_set: ExtensionSet, cls: type[x509.ExtensionType]) -> tuple[object, bool]:
    found = [(e, crit) for e, crit in ext_set.extensions() if isinstance(e, cls)]
    assert len(found) == 1
    return found[0]


def test_tls_client_template() -> None:
    rsa_set = Template.TLS_CLIENT.extensions("rsa")
    assert rsa_set.key_usage == {KeyUsageFlag.DIGITAL_SIGNATURE, KeyUsageFlag.KEY_ENCIPHERMENT}
    assert rsa_set.extended_key_usage == (ExtendedKeyUsageOID.CLIENT_AUTH.dotted_string,)
    assert rsa_set.ca is False
    ku, critical = _ext(rsa_set, x509.KeyUsage)
    assert critical and isinstance(ku, x509.KeyUsage) and ku.key_encipherment
    ec_set = Template.TLS_CLIENT.extensions("ec")
    assert ec_set.key_usage == {KeyUsageFlag.DIGITAL_SIGNATURE}
    assert Template.TLS_CLIENT.extensions("ed25519").key_usage == {KeyUsageFlag.DIGITAL_SIGNATURE}


def test_tls_server_and_ca_templates() -> None:
    server = Template.TLS_SERVER.extensions("ec", [parse_san("DNS:a.example")])
    assert server.extended_key_usage == (ExtendedKeyUsageOID.SERVER_AUTH.dotted_string,)
    assert server.subject_alt_names == (SubjectAltName("DNS", "a.example"),)
    ca = Template.CA.extensions("rsa")
    assert ca.ca is True and ca.key_usage == {KeyUsageFlag.KEY_CERT_SIGN, KeyUsageFlag.CRL_SIGN}
    bc, bc_critical = _ext(ca, x509.BasicConstraints)
    _, ku_critical = _ext(ca, x509.KeyUsage)
    assert bc_critical and ku_critical
    assert isinstance(bc, x509.BasicConstraints) and bc.ca
    assert not [e for e, _ in ca.extensions() if isinstance(e, x509.ExtendedKeyUsage)]
    lines = {info.name: info.values for info in ca.lines()}
    assert lines["Basic Constraints"] == ("CA: TRUE",)
    assert set(lines["Key Usage"]) == {"Certificate Sign", "CRL Sign"}
    assert Template("tls-server") is Template.TLS_SERVER and Template.CA.label


def test_extension_set_rules() -> None:
    with pytest.raises(UsageError, match="needs the CA basic constraint"):
        ExtensionSet(frozenset({KeyUsageFlag.KEY_CERT_SIGN}), ca=False)
    with pytest.raises(UsageError, match="path length"):
        ExtensionSet(ca=False, path_length=1)
    with pytest.raises(UsageError, match="object identifier"):
        ExtensionSet(extended_key_usage=("serverAuth",))
    adjusted = ExtensionSet(ca=True, path_length=0, key_usage=frozenset({"key_cert_sign"}))  # type: ignore[arg-type]
    assert adjusted.key_usage == {KeyUsageFlag.KEY_CERT_SIGN}
    assert KeyUsageFlag.CONTENT_COMMITMENT.label == "Non Repudiation"
    merged = Template.TLS_CLIENT.extensions("ec", [parse_san("DNS:a.example")]).with_sans(
        [parse_san("DNS:a.example"), parse_san("IP:10.0.0.1")]
    )
    assert [str(s) for s in merged.subject_alt_names] == ["DNS:a.example", "IP:10.0.0.1"]


# -- key specs and signatures -------------------------------------------------------------


def test_key_spec_validation() -> None:
    assert KeySpec.rsa(4096).label == "RSA 4096"
    assert KeySpec.ec("P-384").label == "EC P-384" and KeySpec.ed25519().label == "Ed25519"
    bad: list[tuple[str, int | None, str | None]] = [
        ("rsa", 1024, None),
        ("rsa", 2048, "P-256"),
        ("ec", 256, None),
        ("ec", None, "P-192"),
        ("ed25519", 256, None),
        ("dsa", 2048, None),
    ]
    for kind, size, curve in bad:
        with pytest.raises(UsageError):
            KeySpec(kind, size, curve)  # type: ignore[arg-type]


def test_signature_compatibility() -> None:
    with pytest.raises(UsageError, match="Ed25519 key signs with Ed25519 itself"):
        SignatureChoice.RSA_SHA256.require_compatible(KeySpec.ed25519())
    with pytest.raises(UsageError, match="RSASSA-PSS needs an RSA key, not an EC key"):
        SignatureChoice.RSA_PSS_SHA256.require_compatible(KeySpec.ec())
    with pytest.raises(UsageError):
        SignatureChoice.ECDSA_SHA256.require_compatible(factory.rsa_key())
    assert SignatureChoice.RSA_PSS_SHA512.compatible(KeySpec.rsa(2048))
    assert SignatureChoice.ED25519.compatible(ed25519.Ed25519PrivateKey.generate())
    subject = SubjectFields("x")
    with pytest.raises(UsageError):
        KeyPairRequest.create("x", KeySpec.ed25519(), subject, signature=SignatureChoice.RSA_SHA256)
    with pytest.raises(UsageError):
        KeyPairRequest.create("x", KeySpec.ec(), subject, signature=SignatureChoice.RSA_PSS_SHA256)


def test_default_signatures() -> None:
    assert SignatureChoice.default_for(KeySpec.rsa(8192)) is SignatureChoice.RSA_SHA256
    assert SignatureChoice.default_for(KeySpec.ec("P-256")) is SignatureChoice.ECDSA_SHA256
    assert SignatureChoice.default_for(KeySpec.ec("P-384")) is SignatureChoice.ECDSA_SHA384
    assert SignatureChoice.default_for(KeySpec.ec("P-521")) is SignatureChoice.ECDSA_SHA512
    assert SignatureChoice.default_for(KeySpec.ed25519()) is SignatureChoice.ED25519
    assert SignatureChoice.default_for(factory.ec_key(0, "P-384")) is SignatureChoice.ECDSA_SHA384
    choices = SignatureChoice.for_key(KeySpec.rsa(2048))
    assert choices[0] is SignatureChoice.RSA_SHA256 and len(choices) == 6
    assert SignatureChoice.for_key(KeySpec.ed25519()) == (SignatureChoice.ED25519,)
    assert SignatureChoice.RSA_PSS_SHA384.label == "SHA-384 with RSASSA-PSS"
    assert SignatureChoice.ECDSA_SHA256.java_name == "SHA256withECDSA"


# -- generation ---------------------------------------------------------------------------


class _Token:
    def __init__(self, cancelled: bool) -> None:
        self.cancelled, self.calls = cancelled, 0

    def raise_if_cancelled(self) -> None:
        self.calls += 1
        if self.cancelled:
            raise RuntimeError("cancelled")


def test_generate_private_key_checks_cancel_before_and_after() -> None:
    token = _Token(cancelled=False)
    assert isinstance(generate_private_key(KeySpec.ec("P-521"), token), ec.EllipticCurvePrivateKey)
    assert token.calls == 2
    with pytest.raises(RuntimeError):
        generate_private_key(KeySpec.rsa(8192), _Token(cancelled=True))  # returns at once


def test_rsa_4096_key_pair() -> None:
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    request = KeyPairRequest.create(
        "big", KeySpec.rsa(4096), parse_subject("CN=big"), days=30, now=now
    )
    entry = generate_key_pair(request)
    assert isinstance(entry.private_key, rsa.RSAPrivateKey)
    assert entry.certificate.summary.key_label == "RSA 4096"
    assert entry.certificate.summary.not_after == now + dt.timedelta(days=30)


@pytest.mark.parametrize(
    ("spec", "signature", "oid_name"),
    [
        (KeySpec.ec("P-384"), None, "ecdsa-with-SHA384"),
        (KeySpec.ed25519(), None, "ed25519"),
        (KeySpec.rsa(2048), SignatureChoice.RSA_PSS_SHA256, "rsassaPss"),
        (KeySpec.rsa(2048), SignatureChoice.RSA_SHA512, "sha512WithRSAEncryption"),
    ],
)
def test_self_signed_certificate(
    spec: KeySpec, signature: SignatureChoice | None, oid_name: str
) -> None:
    key = (
        factory.rsa_key()
        if spec.kind == "rsa"
        else factory.ec_key(0, "P-384")
        if spec.kind == "ec"
        else ed25519.Ed25519PrivateKey.generate()
    )
    request = KeyPairRequest.create(
        "Leaf ",
        spec,
        parse_subject("CN=leaf.example,O=keymon,C=DE"),
        template=Template.TLS_SERVER,
        sans=parse_sans(["DNS:leaf.example", "IP:10.0.0.1"]),
        signature=signature,
    )
    entry = build_self_signed(request, key)
    assert entry.alias == "Leaf" and entry.private_key is key and len(entry.chain) == 1
    summary = entry.certificate.summary
    assert summary.self_signed and not summary.is_ca
    assert summary.signature_algorithm == oid_name
    cert = entry.certificate.cert
    assert 0 < cert.serial_number < 2**159
    ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    aki = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    assert aki.key_identifier == ski.digest
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert [str(v) for v in san.get_values_for_type(x509.DNSName)] == ["leaf.example"]
    assert cert.subject.rfc4514_string() == "CN=leaf.example,O=keymon,C=DE"
    if spec.kind != "ed25519":  # the RFC 5280 verifier accepts it as its own anchor
        store = xv.Store([cert])
        verifier = (
            xv.PolicyBuilder().store(store).build_server_verifier(x509.DNSName("leaf.example"))
        )
        verifier.verify(cert, [])


def test_build_self_signed_refuses_the_wrong_key() -> None:
    request = KeyPairRequest.create("x", KeySpec.rsa(2048), SubjectFields("x"))
    with pytest.raises(UsageError, match="does not match the requested RSA 2048 key"):
        build_self_signed(request, factory.ec_key())


def test_request_validation() -> None:
    now = dt.datetime.now(dt.UTC)
    with pytest.raises(UsageError, match="after its start"):
        KeyPairRequest("x", KeySpec.ec(), SubjectFields("x"), now, now)
    with pytest.raises(UsageError, match="at least one day"):
        KeyPairRequest.create("x", KeySpec.ec(), SubjectFields("x"), days=0)
    with pytest.raises(UsageError, match="alias"):
        KeyPairRequest.create(" ", KeySpec.ec(), SubjectFields("x"))


def test_random_serials_are_positive_and_distinct() -> None:
    serials = {random_serial() for _ in range(200)}
    assert len(serials) == 200 and all(0 < s < 2**159 for s in serials)

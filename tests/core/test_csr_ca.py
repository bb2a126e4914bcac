"""CSRs (create, read, tampering), signing them as a CA, and installing CA replies."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.errors import CorruptData, UnsupportedFormat, UsageError
from keymon.core.formats import pkcs12, pkipath
from keymon.core.x509 import encoding
from keymon.core.x509.ca import issued_bundle, sign_csr
from keymon.core.x509.chain import Verdict
from keymon.core.x509.csr import CsrInfo, CsrRequest, create_csr, default_csr_request
from keymon.core.x509.keygen import KeyPairRequest, KeySpec, SignatureChoice, build_self_signed
from keymon.core.x509.reply import (
    MISMATCH,
    Origin,
    ReplyMismatch,
    apply_reply,
    load_reply,
    plan_reply,
)
from keymon.core.x509.templates import (
    ExtensionSet,
    KeyUsageFlag,
    SubjectFields,
    Template,
    parse_sans,
    parse_subject,
)
from tests import factory

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def _self_signed(
    alias: str,
    subject: str,
    template: Template,
    key: object,
    days: int = 365,
    sans: tuple[str, ...] = (),
) -> KeyPairEntry:
    """A self-signed key pair made by keymon's own builder, valid from yesterday (NOW)."""
    spec = KeySpec.rsa(2048) if alias.startswith("rsa") else KeySpec.ec()
    if isinstance(key, ed25519.Ed25519PrivateKey):
        spec = KeySpec.ed25519()
    start = NOW - dt.timedelta(days=1)
    extensions = template.extensions(spec.kind, parse_sans(sans))
    request = KeyPairRequest(
        alias, spec, parse_subject(subject), start, start + dt.timedelta(days), extensions
    )
    return build_self_signed(request, key)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def root() -> KeyPairEntry:
    return _self_signed("root", "CN=Core Root,O=keymon", Template.CA, factory.ec_key(200), 3650)


@pytest.fixture(scope="module")
def intermediate(root: KeyPairEntry) -> KeyPairEntry:
    """An intermediate CA key pair whose chain is intermediate → root."""
    key = factory.ec_key(201)
    csr = CsrInfo.load(
        create_csr(_self_signed("int", "CN=Core Intermediate", Template.CA, key, 30))
    )
    issued = sign_csr(root, csr, days=1000, template=Template.CA, now=NOW).cert
    return KeyPairEntry("int", key, (issued, root.certificate))


@pytest.fixture(scope="module")
def leaf() -> KeyPairEntry:
    sans = ("DNS:leaf.example", "IP:10.0.0.7")
    key = factory.rsa_key()
    return _self_signed("rsa-leaf", "CN=leaf.example,O=keymon", Template.TLS_CLIENT, key, 90, sans)


# -- CSRs ---------------------------------------------------------------------------------


def test_default_csr_copies_the_certificate(leaf: KeyPairEntry) -> None:
    info = CsrInfo.load(create_csr(leaf))
    assert info.subject_name == leaf.certificate.cert.subject
    assert info.sans == ("DNS:leaf.example", "IP:10.0.0.7")
    assert info.signature_valid and info.key_description == "RSA 2048"
    assert info.signature_algorithm == "sha256WithRSAEncryption"
    names = [e.name for e in info.extensions]
    assert {"Key Usage", "Extended Key Usage", "Subject Alternative Name"} <= set(names)
    assert info.requested.extended_key_usage == ("1.3.6.1.5.5.7.3.2",)
    prefill = default_csr_request(leaf)
    assert prefill.subject == SubjectFields("leaf.example", o="keymon")
    assert prefill.sans is not None and [str(s) for s in prefill.sans] == list(info.sans)
    assert CsrInfo.load(create_csr(leaf, prefill)).subject == info.subject


def test_csr_with_new_subject_sans_and_no_extensions(leaf: KeyPairEntry) -> None:
    request = CsrRequest(
        subject=parse_subject("CN=renamed,C=DE"),
        sans=parse_sans(["DNS:other.example"]),
        extensions=ExtensionSet(),
        signature=SignatureChoice.RSA_PSS_SHA384,
    )
    info = CsrInfo.load(create_csr(leaf, request))
    assert info.subject == "CN=renamed,C=DE"
    assert info.sans == ("DNS:other.example",)
    assert [e.name for e in info.extensions] == ["Subject Alternative Name"]
    assert info.signature_algorithm == "rsassaPss (SHA-384)" and info.signature_valid


def test_csr_for_ed25519_and_der_input() -> None:
    entry = _self_signed("ed", "CN=ed", Template.TLS_CLIENT, ed25519.Ed25519PrivateKey.generate())
    pem = create_csr(entry, CsrRequest(sans=()))
    der = x509.load_pem_x509_csr(pem).public_bytes(Encoding.DER)
    info = CsrInfo.load(der)
    assert info.key_description == "Ed25519" and info.signature_valid and info.sans == ()
    keytool_style = pem.replace(b"CERTIFICATE REQUEST", b"NEW CERTIFICATE REQUEST")
    assert CsrInfo.load(keytool_style).der == info.der
    with pytest.raises(UsageError, match="Ed25519"):
        create_csr(entry, CsrRequest(signature=SignatureChoice.ECDSA_SHA256))


def test_tampered_csr_signature_is_detected(leaf: KeyPairEntry, root: KeyPairEntry) -> None:
    der = bytearray(CsrInfo.load(create_csr(leaf)).der)
    der[-5] ^= 0x01  # the last bytes are the signature's
    info = CsrInfo.load(bytes(der))
    assert not info.signature_valid
    with pytest.raises(CorruptData, match="does not verify"):
        sign_csr(root, info, now=NOW)


@pytest.mark.parametrize(
    ("data", "error", "fragment"),
    [
        (b"", CorruptData, "empty"),
        (b"hello", UnsupportedFormat, "not a certificate signing request"),
        (b"\x30\x03\x02\x01\x00", UnsupportedFormat, "not a certificate signing request"),
        (
            b"-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
            CorruptData,
            "cannot be decoded",
        ),
    ],
)
def test_csr_load_errors(data: bytes, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error, match=fragment):
        CsrInfo.load(data)


def test_a_certificate_is_not_a_csr(leaf: KeyPairEntry) -> None:
    for data in (leaf.certificate.der, encoding.certificate_pem(leaf.certificate)):
        with pytest.raises(UnsupportedFormat, match="holds a certificate, not a certificate"):
            CsrInfo.load(data)


# -- signing --------------------------------------------------------------------------------


def test_sign_csr_as_intermediate(intermediate: KeyPairEntry, leaf: KeyPairEntry) -> None:
    csr = CsrInfo.load(create_csr(leaf))
    result = sign_csr(intermediate, csr, days=30, template=Template.TLS_SERVER, now=NOW)
    assert not result.clipped and result.notes == ()
    cert = result.cert
    assert cert.signed_by(intermediate.certificate)
    assert cert.summary.not_before == NOW and cert.summary.not_after == NOW + dt.timedelta(30)
    ext = cert.cert.extensions
    assert ext.get_extension_for_class(x509.SubjectAlternativeName).value.get_values_for_type(
        x509.DNSName
    ) == ["leaf.example"]
    ca_ski = intermediate.certificate.cert.extensions.get_extension_for_class(
        x509.SubjectKeyIdentifier
    )
    aki = ext.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    assert aki.key_identifier == ca_ski.value.digest
    ski = ext.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert ski == x509.SubjectKeyIdentifier.from_public_key(leaf.certificate.cert.public_key())
    eku = ext.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert [o.dotted_string for o in eku] == ["1.3.6.1.5.5.7.3.1"]
    ku = ext.get_extension_for_class(x509.KeyUsage).value
    assert ku.key_encipherment  # an RSA request gets Key Encipherment
    assert not ext.get_extension_for_class(x509.BasicConstraints).value.ca
    plain = sign_csr(intermediate, csr, copy_requested=False, now=NOW).cert
    with pytest.raises(x509.ExtensionNotFound):
        plain.cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)


def test_validity_is_clipped_to_the_ca(intermediate: KeyPairEntry, leaf: KeyPairEntry) -> None:
    csr = CsrInfo.load(create_csr(leaf))
    result = sign_csr(intermediate, csr, days=5000, now=NOW)
    ca_end = intermediate.certificate.summary.not_after
    assert result.clipped and result.cert.summary.not_after == ca_end
    assert result.notes == (
        f"The validity was shortened to end with the CA certificate on {ca_end:%Y-%m-%d}.",
    )


def test_only_a_ca_signs(leaf: KeyPairEntry, root: KeyPairEntry) -> None:
    csr = CsrInfo.load(create_csr(leaf))
    with pytest.raises(UsageError) as exc:
        sign_csr(leaf, csr, now=NOW)
    assert exc.value.message == (
        "The entry 'rsa-leaf' is not a certificate authority "
        "(its certificate has no CA basic constraint)."
    )
    with pytest.raises(UsageError, match="expired"):
        sign_csr(root, csr, now=NOW + dt.timedelta(days=4000))


def test_path_length_zero_ca_cannot_issue_cas(root: KeyPairEntry, leaf: KeyPairEntry) -> None:
    key = factory.ec_key(202)
    profile = ExtensionSet(frozenset({KeyUsageFlag.KEY_CERT_SIGN}), ca=True, path_length=0)
    csr = CsrInfo.load(create_csr(_self_signed("p0", "CN=P0", Template.CA, key)))
    issued = sign_csr(root, csr, template=profile, now=NOW).cert
    p0 = KeyPairEntry("p0", key, (issued, root.certificate))
    with pytest.raises(UsageError, match="path length is 0"):
        sign_csr(p0, CsrInfo.load(create_csr(leaf)), template=Template.CA, now=NOW)
    assert sign_csr(p0, CsrInfo.load(create_csr(leaf)), now=NOW).cert.signed_by(issued)


def test_requested_extensions_can_be_reviewed_and_used(
    root: KeyPairEntry, leaf: KeyPairEntry
) -> None:
    csr = CsrInfo.load(create_csr(leaf))
    cert = sign_csr(root, csr, template=csr.requested, copy_requested=False, now=NOW).cert
    eku = cert.cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert [o.dotted_string for o in eku] == ["1.3.6.1.5.5.7.3.2"]


def test_issued_bundle(intermediate: KeyPairEntry, leaf: KeyPairEntry) -> None:
    cert = sign_csr(intermediate, CsrInfo.load(create_csr(leaf)), now=NOW).cert
    alone = issued_bundle(cert, intermediate.chain)
    assert alone == encoding.certificate_pem(cert)
    pem = issued_bundle(cert, intermediate.chain, with_chain=True)
    assert pem.count(b"BEGIN CERTIFICATE") == 3
    p7b = issued_bundle(cert, intermediate.chain, with_chain=True, fmt="p7b")
    certs = [CertInfo.from_cert(c) for c in pkcs7.load_der_pkcs7_certificates(p7b)]
    assert set(certs) == {cert, *intermediate.chain}


# -- CA replies -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def issued(intermediate: KeyPairEntry, leaf: KeyPairEntry) -> CertInfo:
    return sign_csr(intermediate, CsrInfo.load(create_csr(leaf)), now=NOW).cert


def test_reply_with_the_leaf_alone_is_completed_from_the_keystore(
    leaf: KeyPairEntry, intermediate: KeyPairEntry, root: KeyPairEntry, issued: CertInfo
) -> None:
    keystore = [*leaf.chain, intermediate.certificate, root.certificate]
    plan = plan_reply(leaf, [issued], keystore, [root.certificate], NOW)
    assert plan.chain == (issued, intermediate.certificate, root.certificate)
    assert plan.origins == (Origin.REPLY, Origin.KEYSTORE, Origin.KEYSTORE)
    assert plan.from_reply == (issued,) and plan.complete and plan.missing_issuer is None
    assert plan.report.verdict is Verdict.TRUSTED and plan.previous == leaf.chain
    updated = apply_reply(leaf, plan)
    assert updated.alias == leaf.alias and updated.private_key is leaf.private_key
    assert updated.chain == plan.chain


def test_reply_with_an_unordered_chain(
    leaf: KeyPairEntry, intermediate: KeyPairEntry, root: KeyPairEntry, issued: CertInfo
) -> None:
    reply = [root.certificate, issued, intermediate.certificate]
    plan = plan_reply(leaf, reply, [], [], NOW)
    assert plan.chain == (issued, intermediate.certificate, root.certificate)
    assert set(plan.origins) == {Origin.REPLY}
    assert plan.report.verdict is Verdict.ROOT_NOT_TRUSTED


def test_incomplete_reply_says_what_is_missing(leaf: KeyPairEntry, issued: CertInfo) -> None:
    plan = plan_reply(leaf, [issued], [], [], NOW)
    assert plan.chain == (issued,) and not plan.complete
    assert plan.missing_issuer == "CN=Core Intermediate"
    assert plan.report.verdict is Verdict.INCOMPLETE


def test_reply_for_another_key_is_refused(root: KeyPairEntry, issued: CertInfo) -> None:
    other = _self_signed("other", "CN=other", Template.TLS_CLIENT, factory.ec_key(203))
    with pytest.raises(ReplyMismatch) as exc:
        plan_reply(other, [issued, root.certificate], [], [], NOW)
    assert exc.value.exit_code == 4 and str(exc.value) == MISMATCH
    assert MISMATCH == (
        "The public key of the CA reply is different from the public key of the keystore entry"
    )
    plan = plan_reply(other.replace(open_key=factory.rsa_key()), [issued], [], [], NOW)
    with pytest.raises(ReplyMismatch):
        apply_reply(other, plan)


def test_the_current_chain_is_nothing_to_update(leaf: KeyPairEntry) -> None:
    with pytest.raises(UsageError, match="nothing to update"):
        plan_reply(leaf, list(leaf.chain), [], [], NOW)


def test_load_reply_formats(
    intermediate: KeyPairEntry, root: KeyPairEntry, issued: CertInfo
) -> None:
    chain = [issued, intermediate.certificate, root.certificate]
    for data in (
        encoding.chain_pem(chain),
        encoding.chain_pkcs7(chain, "der"),
        encoding.chain_pkcs7(chain, "pem"),
        encoding.chain_pkcs7(chain, "der", keep_order=True),
        pkipath.dump(chain),
    ):
        assert set(load_reply(data)) == set(chain)
    assert load_reply(issued.der) == [issued]
    keystore = pkcs12.dump([intermediate], "pw")
    with pytest.raises(UnsupportedFormat, match="not a PKCS#12 keystore"):
        load_reply(keystore)
    with_key = encoding.chain_pem(chain) + factory_key_pem()
    with pytest.raises(UsageError, match="private key"):
        load_reply(with_key)


def factory_key_pem() -> bytes:
    from cryptography.hazmat.primitives import serialization

    return factory.ec_key().private_bytes(
        Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def test_empty_subject_gets_critical_sans(root: KeyPairEntry) -> None:
    from cryptography.hazmat.primitives import hashes

    key = factory.ec_key(204)
    san = x509.SubjectAlternativeName([x509.DNSName("only-san.example")])
    builder = x509.CertificateSigningRequestBuilder().subject_name(x509.Name([]))
    csr = builder.add_extension(san, critical=True).sign(key, hashes.SHA256())
    info = CsrInfo.load(csr.public_bytes(Encoding.PEM))
    assert info.subject == "" and info.sans == ("DNS:only-san.example",)
    cert = sign_csr(root, info, now=NOW).cert
    assert cert.cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).critical
    with pytest.raises(UsageError, match="neither a subject nor"):
        sign_csr(root, info, copy_requested=False, now=NOW)

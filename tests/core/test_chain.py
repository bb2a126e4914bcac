"""Chain ordering, completion and validation (keymon.core.x509.chain)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import itertools
import subprocess
from functools import cache
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID

from keymon.core.entries import CertInfo
from keymon.core.errors import UsageError
from keymon.core.x509.chain import (
    LinkOrigin,
    Verdict,
    complete_chain,
    find_issuer,
    hostname_matches,
    order_chain,
    order_chain_report,
    validate_chain,
)
from tests.factory import NOW, ca_chain, ec_key, key_pair_entry, make_cert, name


@cache
def factory_chain() -> tuple[CertInfo, CertInfo, CertInfo]:
    leaf, inter, root = key_pair_entry("leaf").chain
    return leaf, inter, root


def _ku(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def build(
    cn: str,
    key: ec.EllipticCurvePrivateKey,
    issuer: tuple[ec.EllipticCurvePrivateKey, x509.Certificate] | None = None,
    *,
    ca: bool = False,
    eku: list[x509.ObjectIdentifier] | None = None,
    san: list[x509.GeneralName] | None = None,
) -> x509.Certificate:
    """A certificate that satisfies the Web PKI profile (KU, AKI, SKI, SAN on leaves)."""
    signer, issuer_cert = issuer if issuer else (key, None)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name(cn))
        .issuer_name(issuer_cert.subject if issuer_cert else name(cn))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=90))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(_ku(ca=ca), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key()),
            critical=False,
        )
    )
    if eku:
        builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
    if san:
        builder = builder.add_extension(x509.SubjectAlternativeName(san), critical=False)
    return builder.sign(signer, hashes.SHA256())


@cache
def clean_chain() -> tuple[CertInfo, CertInfo, CertInfo]:
    """leaf (client+server EKU, DNS + IP SAN) → intermediate → root, all profile-clean."""
    root_key, int_key, leaf_key = ec_key(40), ec_key(41), ec_key(42)
    root = build("Clean Root", root_key, ca=True)
    inter = build("Clean Intermediate", int_key, (root_key, root), ca=True)
    leaf = build(
        "app.example.com",
        leaf_key,
        (int_key, inter),
        eku=[ExtendedKeyUsageOID.CLIENT_AUTH, ExtendedKeyUsageOID.SERVER_AUTH],
        san=[
            x509.DNSName("app.example.com"),
            x509.DNSName("*.api.example.com"),
            x509.IPAddress(ipaddress.ip_address("192.0.2.7")),
        ],
    )
    return CertInfo.from_cert(leaf), CertInfo.from_cert(inter), CertInfo.from_cert(root)


def unrelated() -> CertInfo:
    return CertInfo.from_cert(make_cert(ec_key(43), "Somebody Else", ca=True))


# --- order ---------------------------------------------------------------------------


def test_order_chain_from_every_permutation() -> None:
    leaf, inter, root = factory_chain()
    stray = unrelated()
    for perm in itertools.permutations([leaf, inter, root, stray]):
        report = order_chain_report(perm)
        assert report.chain == (leaf, inter, root)
        assert report.unrelated == (stray,)
        assert order_chain(perm) == (leaf, inter, root)


def test_order_chain_edge_cases() -> None:
    leaf, inter, root = factory_chain()
    assert order_chain([]) == ()
    assert order_chain([root]) == (root,)
    assert order_chain([leaf, leaf, inter]) == (leaf, inter)
    # with the intermediate missing, the leaf is preferred over the lone root
    report = order_chain_report([root, leaf])
    assert report.chain == (leaf,)
    assert report.unrelated == (root,)


def test_order_chain_ignores_a_same_name_impostor() -> None:
    leaf, inter, root = factory_chain()
    fake_root = CertInfo.from_cert(make_cert(ec_key(44), "keymon Test Root", ca=True))
    report = order_chain_report([fake_root, root, inter, leaf])
    assert report.chain == (leaf, inter, root)
    assert report.unrelated == (fake_root,)
    assert find_issuer(inter, [fake_root, root]) == root


# --- complete ------------------------------------------------------------------------


def test_complete_chain_from_pool() -> None:
    leaf, inter, root = factory_chain()
    done = complete_chain([leaf], [unrelated(), root, inter])
    assert [link.origin for link in done.links] == [
        LinkOrigin.IN_ENTRY,
        LinkOrigin.FROM_KEYSTORE,
        LinkOrigin.FROM_KEYSTORE,
    ]
    assert done.certificates == (leaf, inter, root)
    assert done.added == (inter, root)
    assert done.complete
    assert done.missing_issuer is None


def test_complete_chain_reports_the_missing_issuer() -> None:
    leaf, inter, root = factory_chain()
    done = complete_chain([leaf], [root])
    assert [link.origin for link in done.links] == [LinkOrigin.IN_ENTRY, LinkOrigin.MISSING]
    assert done.links[-1].cert is None
    assert done.missing_issuer == inter.summary.subject
    assert not done.complete
    assert done.certificates == (leaf,)


def test_complete_chain_leaves_complete_chains_alone() -> None:
    leaf, inter, root = factory_chain()
    done = complete_chain([leaf, inter, root], [root, inter])
    assert all(link.origin is LinkOrigin.IN_ENTRY for link in done.links)
    assert done.complete
    assert complete_chain([], [root]).links == ()
    assert not complete_chain([], [root]).complete


# --- validate ------------------------------------------------------------------------


def test_trusted_clean_chain_has_no_findings() -> None:
    leaf, inter, root = clean_chain()
    for purpose in ("client", "server", "any"):
        report = validate_chain([leaf, inter, root], [root], NOW, purpose=purpose)
        assert report.verdict is Verdict.TRUSTED, purpose
        assert report.trusted
        assert report.policy_findings == (), purpose
        assert report.path == (leaf, inter, root)
        assert report.anchor == root
        assert report.problems == ()
        assert report.message.endswith(".")


def test_trusted_with_issuers_taken_from_the_trusted_set() -> None:
    leaf, inter, root = clean_chain()
    report = validate_chain([leaf], [root, inter], NOW)
    assert report.verdict is Verdict.TRUSTED
    assert report.path[-1] in (inter, root)
    # a trusted intermediate is an anchor on its own
    assert validate_chain([leaf, inter], [inter], NOW).anchor == inter


def test_anchor_matches_by_subject_and_key() -> None:
    (root_key, _), _ = ca_chain()
    leaf, inter, root_info = factory_chain()
    reissued = CertInfo.from_cert(make_cert(root_key, "keymon Test Root", ca=True, days=7000))
    assert reissued != root_info
    report = validate_chain([leaf, inter, root_info], [reissued], NOW)
    assert report.verdict is Verdict.TRUSTED


def test_root_not_trusted() -> None:
    leaf, inter, root = clean_chain()
    report = validate_chain([leaf, inter, root], [unrelated()], NOW)
    assert report.verdict is Verdict.ROOT_NOT_TRUSTED
    assert report.cert == root
    assert report.message == "The root “Clean Root” is not among the trusted certificates."
    assert report.policy_findings == ()


def test_incomplete_names_the_missing_issuer() -> None:
    leaf, inter, root = factory_chain()
    report = validate_chain([leaf], [root], NOW)
    assert report.verdict is Verdict.INCOMPLETE
    assert report.missing_issuer == inter.summary.subject
    assert report.cert == leaf
    assert inter.summary.subject in report.message


def test_expired_certificate_is_named() -> None:
    root_key, int_key = ec_key(45), ec_key(46)
    root = make_cert(root_key, "Old Root", ca=True, days=3650)
    inter = make_cert(
        int_key,
        "Expired Intermediate",
        issuer_key=root_key,
        issuer=root,
        ca=True,
        not_before=NOW - dt.timedelta(days=30),
        days=10,
    )
    leaf = make_cert(ec_key(47), "leaf", issuer_key=int_key, issuer=inter)
    chain = [CertInfo.from_cert(c) for c in (leaf, inter, root)]
    report = validate_chain(chain, [chain[2]], NOW)
    assert report.verdict is Verdict.EXPIRED
    assert report.cert == chain[1]
    assert "Expired Intermediate" in report.message
    assert report.problem is not None and report.problem.index == 1


def test_expired_wins_over_untrusted_and_every_problem_is_listed() -> None:
    leaf, inter, root = factory_chain()
    report = validate_chain([leaf, inter, root], [], NOW + dt.timedelta(days=400))
    assert report.verdict is Verdict.EXPIRED
    assert [p.verdict for p in report.problems] == [
        Verdict.EXPIRED,
        Verdict.EXPIRED,
        Verdict.ROOT_NOT_TRUSTED,
    ]


def test_not_yet_valid() -> None:
    (_, root), (int_key, inter) = ca_chain()
    future = make_cert(
        ec_key(48),
        "future",
        issuer_key=int_key,
        issuer=inter,
        not_before=NOW + dt.timedelta(days=2),
    )
    chain = [CertInfo.from_cert(c) for c in (future, inter, root)]
    report = validate_chain(chain, [chain[2]], NOW)
    assert report.verdict is Verdict.NOT_YET_VALID
    assert report.cert == chain[0]
    assert "not valid before" in report.message


def test_bad_signature_when_issuer_name_matches_but_key_differs() -> None:
    _, inter, root = factory_chain()
    impostor_key = ec_key(49)
    forged = make_cert(ec_key(50), "forged", issuer_key=impostor_key, issuer=inter.cert)
    forged_info = CertInfo.from_cert(forged)
    report = validate_chain([forged_info, inter, root], [root], NOW)
    assert report.verdict is Verdict.BAD_SIGNATURE
    assert report.cert == forged_info
    assert report.problem is not None and report.problem.issuer == inter
    assert "signature" in report.message


def test_bad_self_signature() -> None:
    key = ec_key(51)
    good = make_cert(key, "selfish")
    other = make_cert(ec_key(52), "selfish")  # same name, signed by another key
    mixed = CertInfo.from_cert(
        x509.CertificateBuilder()
        .subject_name(good.subject)
        .issuer_name(good.subject)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=1))
        .sign(ec_key(53), hashes.SHA256())
    )
    assert other.subject == mixed.cert.subject
    report = validate_chain([mixed], [], NOW)
    assert report.verdict is Verdict.BAD_SIGNATURE
    assert report.problem is not None and report.problem.issuer == mixed


def test_hostname_mismatch_and_matching_rules() -> None:
    leaf, inter, root = clean_chain()
    chain = [leaf, inter, root]
    ok = validate_chain(chain, [root], NOW, purpose="server", hostname="APP.example.com.")
    assert ok.verdict is Verdict.TRUSTED
    bad = validate_chain(chain, [root], NOW, purpose="server", hostname="evil.example.com")
    assert bad.verdict is Verdict.HOSTNAME_MISMATCH
    assert "evil.example.com" in bad.message
    assert hostname_matches(leaf, "x.api.example.com") == (True, False)
    assert hostname_matches(leaf, "api.example.com") == (False, False)
    assert hostname_matches(leaf, "a.b.api.example.com") == (False, False)
    assert hostname_matches(leaf, "192.0.2.7") == (True, False)
    assert hostname_matches(leaf, "192.0.2.8") == (False, False)


def test_hostname_by_common_name_is_a_policy_finding() -> None:
    leaf, inter, root = factory_chain()  # no subjectAltName
    report = validate_chain([leaf, inter, root], [root], NOW, hostname="leaf")
    assert report.verdict is Verdict.TRUSTED
    assert any("common name" in f for f in report.policy_findings)


def test_purpose_mismatch_is_a_finding_not_a_verdict() -> None:
    _, inter, root = clean_chain()
    int_key = ec_key(41)
    server_only = CertInfo.from_cert(
        build(
            "srv",
            ec_key(54),
            (int_key, inter.cert),
            eku=[ExtendedKeyUsageOID.SERVER_AUTH],
            san=[x509.DNSName("srv.example")],
        )
    )
    chain = [server_only, inter, root]
    client = validate_chain(chain, [root], NOW, purpose="client")
    assert client.verdict is Verdict.TRUSTED
    assert client.policy_findings == (
        "The certificate “srv” has an Extended Key Usage that does not allow "
        "TLS client authentication.",
    )
    assert validate_chain(chain, [root], NOW, purpose="server").policy_findings == ()
    assert validate_chain(chain, [root], NOW, purpose="any").policy_findings == ()


def test_factory_chain_findings_name_the_cas_without_key_usage() -> None:
    leaf, inter, root = factory_chain()
    report = validate_chain([leaf, inter, root], [root], NOW, purpose="server")
    assert report.verdict is Verdict.TRUSTED
    assert "The certificate “leaf” has no DNS or IP subjectAltName, which TLS clients require." in (
        report.policy_findings
    )
    report = validate_chain([leaf, inter, root], [root], NOW, purpose="client")
    assert report.policy_findings == (
        "The CAs “keymon Test Intermediate” and “keymon Test Root” lack the Key Usage "
        "extension that the RFC 5280 profile requires.",
    )


def test_self_signed_without_aki_is_trusted_with_a_finding() -> None:
    cert = CertInfo.from_cert(make_cert(ec_key(55), "self"))
    report = validate_chain([cert], [cert], NOW, purpose="client")
    assert report.verdict is Verdict.TRUSTED
    assert report.anchor == cert
    assert report.policy_findings == (
        "The certificate “self” lacks the Authority Key Identifier extension "
        "that the RFC 5280 profile requires.",
    )


def test_directly_trusted_leaf_skips_profile_checks() -> None:
    leaf, _, _ = clean_chain()
    report = validate_chain([leaf], [leaf], NOW)
    assert report.verdict is Verdict.TRUSTED
    assert report.message == "The certificate “app.example.com” is itself trusted."
    assert report.policy_findings == ()


def test_ca_certificates_get_no_end_entity_findings() -> None:
    _, inter, root = clean_chain()
    for purpose in ("client", "server", "any"):
        assert validate_chain([root], [root], NOW, purpose=purpose).policy_findings == ()
        assert validate_chain([inter, root], [root], NOW, purpose=purpose).policy_findings == ()


def test_validation_edge_cases() -> None:
    leaf, inter, root = clean_chain()
    with pytest.raises(UsageError):
        validate_chain([], [root], NOW)
    naive = NOW.replace(tzinfo=None)
    assert validate_chain([leaf, inter, root], [root], naive).verdict is Verdict.TRUSTED
    # certificates after the path that belong to nothing are ignored
    report = validate_chain([leaf, inter, root, unrelated()], [root], NOW)
    assert report.verdict is Verdict.TRUSTED
    assert report.path == (leaf, inter, root)


@pytest.mark.interop
def test_keytool_self_signed_certificate(keytool: str, tmp_path: Path) -> None:
    store = tmp_path / "ks.p12"
    common = ["-keystore", str(store), "-storetype", "PKCS12", "-storepass", "changeit"]
    subprocess.run(
        [keytool, "-genkeypair", "-alias", "me", "-keyalg", "EC", "-groupname", "secp256r1",
         "-dname", "CN=keytool client,O=keymon", "-validity", "30", *common],
        check=True, capture_output=True,
    )  # fmt: skip
    pem = subprocess.run(
        [keytool, "-exportcert", "-rfc", "-alias", "me", *common],
        check=True,
        capture_output=True,
    ).stdout
    cert = CertInfo.from_cert(x509.load_pem_x509_certificate(pem))
    assert cert.summary.self_signed
    with pytest.raises(x509.ExtensionNotFound):
        cert.cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier)
    now = dt.datetime.now(dt.UTC)
    report = validate_chain([cert], [cert], now, purpose="client")
    assert report.verdict is Verdict.TRUSTED
    assert any("Authority Key Identifier" in f for f in report.policy_findings)
    assert validate_chain([cert], [], now).verdict is Verdict.ROOT_NOT_TRUSTED


def test_each_failed_rule_is_relaxed_to_find_the_next() -> None:
    key = ec_key(56)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name("two problems"))
        .issuer_name(name("two problems"))
        .public_key(key.public_key())
        .serial_number(7)
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=10))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(key, hashes.SHA256())
    )
    info = CertInfo.from_cert(cert)
    report = validate_chain([info], [info], NOW, purpose="client")
    assert report.verdict is Verdict.TRUSTED
    assert len(report.policy_findings) == 2
    assert {"Authority Key Identifier" in f for f in report.policy_findings} == {True, False}
    assert any("does not allow TLS client authentication" in f for f in report.policy_findings)

"""SHA-1 and MD5 signed certificates: self-signed by names and key ids, chains kept whole.

cryptography's X.509 layer refuses SHA-1/MD5 signatures; keymon checks them with the
plain primitives, reports the weak algorithm as a policy note, and never as a broken
signature. One issuer engine (keymon.core.x509.issuers) serves every chain walker.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization

from keymon.cli import main
from keymon.core.entries import CertInfo
from keymon.core.formats import pem
from keymon.core.x509 import issuance, issuers
from keymon.core.x509.chain import Verdict, complete_chain, order_chain, validate_chain
from keymon.core.x509.issuers import IssuerMatch, PathEnd, build_path
from tests.factory import NOW, ec_key, make_cert, rsa_key
from tests.weak_certs import tampered, weak_cert


def weak_pki(digest: str = "sha1") -> tuple[CertInfo, CertInfo, CertInfo]:
    """leaf (SHA-256) ← intermediate (``digest``) ← root (``digest``), RSA CAs."""
    root_key, inter_key, leaf_key = rsa_key(2048, 31), rsa_key(2048, 32), ec_key(33)
    root = weak_cert(root_key, "Weak Root", digest=digest, ca=True)
    inter = weak_cert(
        inter_key, "Weak Intermediate", digest=digest, issuer_key=root_key, issuer=root.cert,
        ca=True,
    )  # fmt: skip
    leaf = make_cert(leaf_key, "leaf.example", issuer_key=inter_key, issuer=inter.cert)
    return CertInfo.from_cert(leaf), inter, root


@pytest.mark.parametrize("digest", ["sha1", "md5"])
def test_weak_root_is_self_signed_and_its_signature_verifies(digest: str) -> None:
    root = weak_pki(digest)[2]
    assert root.summary.signature_algorithm == f"{digest}WithRSAEncryption"
    assert root.summary.self_signed
    assert root.issued_by(root) is IssuerMatch.VERIFIED
    assert issuers.weak_hash(root) == {"sha1": "SHA-1", "md5": "MD5"}[digest]


@pytest.mark.parametrize("digest", ["sha1", "md5"])
def test_weak_chain_is_ordered_completed_and_trusted_with_a_policy_note(digest: str) -> None:
    leaf, inter, root = weak_pki(digest)
    assert order_chain([root, leaf, inter]) == (leaf, inter, root)
    completed = complete_chain([leaf], [root, inter])
    assert completed.complete and completed.missing_issuer is None
    assert completed.certificates == (leaf, inter, root)
    report = validate_chain([leaf, inter], [root], NOW)
    assert report.verdict is Verdict.TRUSTED, report.message
    assert report.path == (leaf, inter, root) and report.anchor == root
    weak = "SHA-1" if digest == "sha1" else "MD5"
    assert any(f"“Weak Intermediate” is signed with {weak}" in f for f in report.policy_findings)
    # the anchor's own self-signature never matters; no finding says "does not verify"
    assert not any("“Weak Root” is signed" in f for f in report.policy_findings)
    assert not any("signature algorithm" in f.lower() for f in report.policy_findings)
    assert not any("does not verify" in f for f in report.policy_findings)


def test_sha1_root_itself_trusted_has_no_policy_note() -> None:
    root = weak_pki()[2]
    report = validate_chain([root], [root], NOW)
    assert report.trusted
    assert not any("SHA-1" in f for f in report.policy_findings)


def test_tampered_sha1_signature_is_a_bad_signature() -> None:
    _, inter, root = weak_pki()
    forged = tampered(inter)
    assert forged.issued_by(root) is IssuerMatch.BAD_SIGNATURE
    report = validate_chain([forged], [root], NOW)
    assert report.verdict is Verdict.BAD_SIGNATURE
    assert report.problem is not None and report.problem.issuer == root
    assert "does not verify" in report.message


def test_tampered_sha256_signature_is_still_a_bad_signature() -> None:
    leaf, inter, root = weak_pki()
    forged = tampered(leaf)
    assert forged.issued_by(inter) is IssuerMatch.BAD_SIGNATURE
    report = validate_chain([forged, inter], [root], NOW)
    assert report.verdict is Verdict.BAD_SIGNATURE
    assert build_path(forged, [inter, root]).end is PathEnd.BAD_SIGNATURE


def test_an_uncheckable_algorithm_links_as_not_checked_and_says_so() -> None:
    """MD2 cannot be verified at all: names and key ids link, a note says so."""
    leaf, inter, root = weak_pki()
    parsed = asn1_x509.Certificate.load(inter.der)
    md2 = asn1_x509.SignedDigestAlgorithm({"algorithm": "md2_rsa"})
    tbs = parsed["tbs_certificate"].copy()
    tbs["signature"] = md2
    cert = asn1_x509.Certificate(
        {"tbs_certificate": tbs, "signature_algorithm": md2, "signature_value": b"\x01" * 256}
    )
    old = CertInfo.from_der(cert.dump())
    assert old.issued_by(root) is IssuerMatch.NOT_CHECKED
    report = validate_chain([old], [root], NOW)
    assert report.trusted, report.message
    assert any("was not checked" in f and "Weak Intermediate" in f for f in report.policy_findings)
    # a leaf (no CA) is never accepted unchecked as an issuer
    assert leaf.issued_by(leaf) is IssuerMatch.NO


def test_same_name_with_another_key_identifier_is_not_the_issuer() -> None:
    _, inter, root = weak_pki()
    other_root = weak_cert(rsa_key(2048, 34), "Weak Root", ca=True)
    assert inter.issued_by(other_root) is IssuerMatch.NO
    assert complete_chain([inter], [other_root, root]).certificates == (inter, root)


def test_self_signed_needs_no_signature_check(monkeypatch: pytest.MonkeyPatch) -> None:
    certs = [weak_pki()[2], *weak_pki("md5")[1:], CertInfo.from_cert(make_cert(ec_key(35), "x"))]
    checks: list[tuple[CertInfo, CertInfo]] = []
    real = issuance._check

    def counting(info: CertInfo, candidate: CertInfo) -> IssuerMatch:
        checks.append((info, candidate))
        return real(info, candidate)

    monkeypatch.setattr(issuance, "_check", counting)
    fresh = [CertInfo.from_der(c.der) for c in certs]
    assert [c.summary.self_signed for c in fresh] == [True, False, True, True]
    assert checks == []


def test_self_issued_with_another_key_identifier_is_not_self_signed() -> None:
    key, other = ec_key(36), ec_key(37)
    first = make_cert(key, "Rolled Over", ca=True)
    rollover = CertInfo.from_cert(make_cert(other, "Rolled Over", issuer_key=key, issuer=first))
    assert not rollover.summary.self_signed
    assert build_path(rollover, [CertInfo.from_cert(first)]).end is PathEnd.ROOT


def _pem(*certs: CertInfo) -> bytes:
    return b"".join(c.cert.public_bytes(serialization.Encoding.PEM) for c in certs)


def test_pem_key_pair_keeps_its_sha1_chain() -> None:
    leaf_key = ec_key(33)
    leaf, inter, root = weak_pki()
    key_pem = leaf_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    entries = pem.load(key_pem + _pem(root, leaf, inter), None)
    assert len(entries) == 1
    assert entries[0].certificates == (leaf, inter, root)


def test_cli_list_json_and_show_on_sha1_roots(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, inter, root = weak_pki()
    path = tmp_path / "roots.pem"
    path.write_bytes(_pem(root, inter))
    home = str(tmp_path / "home")
    assert main(["--home", home, "list", "--json", str(path)]) == 0
    listed = {e["subject"]: e for e in json.loads(capsys.readouterr().out)}
    root_row = listed[root.summary.subject]
    assert root_row["self_signed"] is True
    assert listed[inter.summary.subject]["self_signed"] is False
    alias = root_row["alias"]
    assert main(["--home", home, "show", "--json", str(path), alias]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["self_signed"] is True and shown["chain_length"] == 1
    assert main(["--home", home, "show", str(path), alias]) == 0
    text = capsys.readouterr().out
    assert "sha1WithRSAEncryption" in text and "missing" not in text.lower()


def test_order_chain_checks_few_signatures() -> None:
    """The issuer index only checks candidates whose name matches (no n² signature checks)."""
    leaf, inter, root = weak_pki()
    strangers = [
        CertInfo.from_cert(make_cert(ec_key(40 + i), f"Stranger {i}", ca=True)) for i in range(30)
    ]
    pool = [*strangers, root, inter, leaf]
    fresh = [CertInfo.from_der(c.der) for c in pool]
    assert order_chain(fresh)[-3:] == (fresh[-1], fresh[-2], fresh[-3])
    checked = sum(len(vars(c).get("_issuer_memo", {})) for c in fresh)
    assert checked <= 4

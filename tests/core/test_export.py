"""Export bytes (x509.encoding, formats.pkipath), checked against openssl, ssh-keygen and Java."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from asn1crypto import core as asn1_core
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519
from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes
from cryptography.hazmat.primitives.serialization import load_ssh_public_key, pkcs7

from keymon.core.entries import CertInfo
from keymon.core.errors import CorruptData, UnsupportedFormat, UsageError
from keymon.core.formats.pkipath import dump as dump_pkipath
from keymon.core.formats.pkipath import load as load_pkipath
from keymon.core.x509.encoding import (
    certificate_bytes,
    certificate_der,
    certificate_pem,
    chain_pem,
    chain_pkcs7,
    chain_top,
    public_key_der,
    public_key_openssh,
    public_key_pem,
)
from tests.factory import ec_key, key_pair_entry, rsa_key


@cache
def chain() -> tuple[CertInfo, ...]:
    return key_pair_entry("export-leaf").chain


def _run(*args: str, stdin: bytes | None = None) -> str:
    result = subprocess.run(list(args), input=stdin, capture_output=True, check=True)
    return result.stdout.decode()


def test_certificate_pem_and_der() -> None:
    leaf = chain()[0]
    assert certificate_der(leaf) == leaf.der
    assert x509.load_pem_x509_certificate(certificate_pem(leaf)) == leaf.cert
    assert certificate_bytes(leaf, "der") == leaf.der
    assert certificate_bytes(leaf) == certificate_pem(leaf)


def test_chain_pem_keeps_order() -> None:
    certs = x509.load_pem_x509_certificates(chain_pem(chain()))
    assert certs == [c.cert for c in chain()]


def test_empty_chain_is_a_usage_error() -> None:
    for export in (chain_pem, chain_pkcs7, chain_top, dump_pkipath):
        with pytest.raises(UsageError):
            export([])


def _openssl_subjects(openssl: str, path: Path, form: str) -> list[str]:
    out = _run(openssl, "pkcs7", "-inform", form.upper(), "-in", str(path), "-print_certs")
    return re.findall(r"^subject=.*CN ?= ?([^,\n]+)", out, re.MULTILINE)


@pytest.mark.interop
@pytest.mark.parametrize("form", ["der", "pem"])
def test_pkcs7_read_by_openssl(openssl: str, tmp_path: Path, form: str) -> None:
    data = chain_pkcs7(chain(), form)  # type: ignore[arg-type]
    path = tmp_path / "chain.p7b"
    path.write_bytes(data)
    names = {"export-leaf", "keymon Test Intermediate", "keymon Test Root"}
    assert set(_openssl_subjects(openssl, path, form)) == names
    loader = (
        pkcs7.load_der_pkcs7_certificates if form == "der" else pkcs7.load_pem_pkcs7_certificates
    )
    assert set(loader(data)) == {c.cert for c in chain()}  # strict DER: no BER warning


@pytest.mark.interop
@pytest.mark.parametrize("form", ["der", "pem"])
def test_pkcs7_keeping_order_matches_openssl(openssl: str, tmp_path: Path, form: str) -> None:
    data = chain_pkcs7(chain(), form, keep_order=True)  # type: ignore[arg-type]
    path = tmp_path / "chain.p7b"
    path.write_bytes(data)
    assert _openssl_subjects(openssl, path, form) == [
        "export-leaf",
        "keymon Test Intermediate",
        "keymon Test Root",
    ]
    pem = tmp_path / "chain.pem"
    pem.write_bytes(chain_pem(chain()))
    theirs = subprocess.run(
        [openssl, "crl2pkcs7", "-nocrl", "-certfile", str(pem), "-outform", form.upper()],
        capture_output=True,
        check=True,
    ).stdout
    assert theirs == data
    with pytest.warns(UserWarning, match="BER"):
        pkcs7.load_der_pkcs7_certificates(chain_pkcs7(chain(), keep_order=True))


def test_chain_top() -> None:
    leaf, inter, root = chain()
    top = chain_top([leaf, inter, root])
    assert (top.cert, top.is_root) == (root, True)
    partial = chain_top([leaf, inter])
    assert (partial.cert, partial.is_root) == (inter, False)


@pytest.mark.interop
def test_public_key_pem_matches_openssl(openssl: str, tmp_path: Path) -> None:
    leaf = chain()[0]
    cert_path = tmp_path / "leaf.pem"
    cert_path.write_bytes(certificate_pem(leaf))
    expected = _run(openssl, "x509", "-in", str(cert_path), "-pubkey", "-noout")
    assert public_key_pem(leaf).decode() == expected
    key_path = tmp_path / "leaf.pub.pem"
    key_path.write_bytes(public_key_pem(leaf))
    der = subprocess.run(
        [openssl, "pkey", "-pubin", "-in", str(key_path), "-outform", "DER"],
        capture_output=True,
        check=True,
    ).stdout
    assert der == public_key_der(leaf)
    assert public_key_der(leaf) == public_key_der(leaf.public_key)


def _openssh_keys() -> dict[str, PublicKeyTypes]:
    return {
        "rsa": rsa_key().public_key(),
        "p256": ec_key(60, "P-256").public_key(),
        "p384": ec_key(61, "P-384").public_key(),
        "p521": ec_key(62, "P-521").public_key(),
        "ed25519": ed25519.Ed25519PrivateKey.generate().public_key(),
    }


@pytest.mark.parametrize("kind", ["rsa", "p256", "p384", "p521", "ed25519"])
def test_openssh_round_trip(kind: str) -> None:
    key = _openssh_keys()[kind]
    line = public_key_openssh(key, comment="me@host")
    assert line.endswith(b" me@host\n")
    assert load_ssh_public_key(line.rstrip(b"\n")) == key
    assert public_key_openssh(key).count(b" ") == 1


@pytest.mark.interop
@pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="ssh-keygen is not installed")
@pytest.mark.parametrize("kind", ["rsa", "p256", "p384", "p521", "ed25519"])
def test_openssh_fingerprint_matches_ssh_keygen(kind: str, tmp_path: Path) -> None:
    line = public_key_openssh(_openssh_keys()[kind], comment="keymon")
    path = tmp_path / "key.pub"
    path.write_bytes(line)
    out = _run("ssh-keygen", "-l", "-E", "sha256", "-f", str(path))
    blob = base64.b64decode(line.split()[1])
    fingerprint = base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    assert f"SHA256:{fingerprint} keymon" in out


def test_openssh_from_a_certificate() -> None:
    leaf = chain()[0]  # an RSA leaf
    assert public_key_openssh(leaf).startswith(b"ssh-rsa ")


@pytest.mark.parametrize(
    ("key", "label"),
    [
        (ec.generate_private_key(ec.SECP256K1()).public_key(), "EC secp256k1"),
        (ed448.Ed448PrivateKey.generate().public_key(), "Ed448"),
        (dsa.generate_private_key(2048).public_key(), "DSA 2048"),
    ],
)
def test_openssh_unsupported_keys(key: PublicKeyTypes, label: str) -> None:
    with pytest.raises(UnsupportedFormat) as info:
        public_key_openssh(key)
    assert info.value.message.startswith(f"OpenSSH has no format for {label} keys;")


def test_openssh_comment_cannot_break_the_line() -> None:
    with pytest.raises(UsageError):
        public_key_openssh(_openssh_keys()["p256"], comment="a\nb")


def test_pkipath_is_root_first_and_round_trips() -> None:
    leaf, inter, root = chain()
    data = dump_pkipath([leaf, inter, root])

    class PkiPath(asn1_core.SequenceOf):  # type: ignore[misc]
        _child_spec = asn1_x509.Certificate

    assert [c.dump() for c in PkiPath.load(data)] == [root.der, inter.der, leaf.der]
    assert load_pkipath(data) == [leaf, inter, root]
    assert load_pkipath(dump_pkipath([leaf])) == [leaf]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x31\x00",  # a SET, not a SEQUENCE
        b"\x30\x05\x30\x03\x02\x01",  # cut short
        b"\x30\x00\x00",  # trailing data
        b"\x30\x03\x02\x01\x05",  # not a certificate inside
    ],
)
def test_pkipath_rejects_corrupt_data(data: bytes) -> None:
    with pytest.raises(CorruptData):
        load_pkipath(data)


def test_pkipath_empty_sequence_is_empty() -> None:
    assert load_pkipath(b"\x30\x00") == []


_JAVA_PKIPATH = """
import java.io.*;
import java.nio.file.*;
import java.security.cert.*;
import java.util.*;

public class PkiPathCheck {
    public static void main(String[] args) throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        CertPath path = cf.generateCertPath(new FileInputStream(args[0]), "PkiPath");
        for (Certificate c : path.getCertificates()) {
            System.out.println(((X509Certificate) c).getSubjectX500Principal().getName());
        }
        Files.write(Paths.get(args[1]), path.getEncoded("PkiPath"));
    }
}
"""


@pytest.mark.interop
def test_pkipath_with_java(keytool: str, tmp_path: Path) -> None:
    java = Path(os.path.realpath(keytool)).parent / "java"
    if not java.exists():
        pytest.fail(f"java was not found next to {keytool}")
    source = tmp_path / "PkiPathCheck.java"
    source.write_text(_JAVA_PKIPATH)
    ours, theirs = tmp_path / "ours.pkipath", tmp_path / "theirs.pkipath"
    ours.write_bytes(dump_pkipath(chain()))
    out = _run(str(java), str(source), str(ours), str(theirs))
    # Java's CertPath lists the certificates leaf first
    assert [line.split(",")[-1] for line in out.splitlines()] == [
        "CN=export-leaf",
        "CN=keymon Test Intermediate",
        "CN=keymon Test Root",
    ]
    assert theirs.read_bytes() == ours.read_bytes()
    assert load_pkipath(theirs.read_bytes()) == list(chain())

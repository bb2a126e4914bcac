"""PEM, PKCS#7 and detection on files as other tools write them, hostile files, and the
formats keymon names when it refuses them (issue 10)."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import struct
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from keymon.cli import main
from keymon.core.entries import CertificateEntry, KeyPairEntry
from keymon.core.errors import CorruptData, UnsupportedFormat
from keymon.core.formats import der, limits, pbe, pem, pkcs7
from keymon.core.formats.detect import Format, detect, load
from keymon.core.keystore import Keystore
from tests import factory

# --------------------------------------------------------------------------- helpers


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys: pytest.CaptureFixture[str], path: Path, needle: str) -> None:
    """``keymon list --json`` and ``keymon show`` exit 4 with one sentence, no traceback."""
    for args in (("list", path, "--json"), ("show", path, "any")):
        code, out, err = cli(capsys, *args, "--password-env", "KM_PW")
        assert code == 4, (args, out, err)
        assert needle in err and "Traceback" not in err and "ParseError" not in err
        assert len(err.strip().splitlines()) == 1, err


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KM_PW", "storepass")


def openssl_run(openssl: str, *args: str | Path, data: bytes | None = None) -> bytes:
    done = subprocess.run(
        [openssl, *map(str, args)], input=data, capture_output=True, check=True, timeout=60
    )
    return done.stdout


@pytest.fixture
def issued(tmp_path: Path, openssl: str) -> tuple[Path, Path, Path]:
    """A CA and a leaf made by openssl: (leaf key, leaf cert, chain PEM)."""
    run = lambda *a: openssl_run(openssl, *a)  # noqa: E731
    ca_key, ca, key, csr, leaf = (tmp_path / n for n in ("ca.key", "ca.pem", "k", "csr", "l"))
    run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", ca_key, "-out", ca, "-subj", "/CN=Realworld CA", "-days", "30")  # fmt: skip
    run("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", key, "-out", csr, "-subj", "/CN=realworld leaf")  # fmt: skip
    run("x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial",
        "-out", leaf, "-days", "20")  # fmt: skip
    chain = tmp_path / "chain.pem"
    chain.write_bytes(leaf.read_bytes() + ca.read_bytes())
    return key, leaf, chain


def to_ber(element: bytes) -> bytes:
    """``element`` re-encoded with indefinite lengths on every constructed element."""
    node = der.read(element)
    if not node.tag & 0x20:
        return node.element()
    inner = b"".join(to_ber(child.element()) for child in node.children())
    return bytes((node.tag, 0x80)) + inner + b"\x00\x00"


# --------------------------------------------------------------------------- PEM


@pytest.mark.interop
def test_openssl_pem_with_trailing_whitespace_and_crlf_opens(
    tmp_path: Path, openssl: str, issued: tuple[Path, Path, Path]
) -> None:
    key, leaf, chain = issued
    p12 = tmp_path / "a.p12"
    openssl_run(openssl, "pkcs12", "-export", "-inkey", key, "-in", leaf, "-certfile", chain,
                "-name", "web server", "-out", p12, "-passout", "pass:pw")  # fmt: skip
    text = openssl_run(openssl, "pkcs12", "-in", p12, "-passin", "pass:pw", "-passout", "pass:k")
    assert b"Bag Attributes" in text and b"ENCRYPTED PRIVATE KEY" in text
    # armour lines with trailing spaces and tabs, base64 lines too, CRLF line ends
    edited = b"\r\n".join(
        line + (b" \t " if line.startswith(b"-----") else b"  ") for line in text.split(b"\n")
    )
    path = tmp_path / "edited.pem"
    path.write_bytes(edited)
    openssl_run(openssl, "x509", "-in", path, "-noout")  # openssl reads it: so must we
    assert detect(edited) is Format.PEM
    entries = load(edited, "k").entries
    pair = next(e for e in entries if isinstance(e, KeyPairEntry))
    assert pair.alias == "web server"
    assert [c.summary.subject for c in pair.chain][-1].endswith("Realworld CA")
    assert pem.blocks(edited)[0][1].startswith(b"-----BEGIN CERTIFICATE-----\n")


@pytest.mark.interop
def test_pem_saved_with_a_utf8_byte_order_mark_opens_as_in_openssl(
    tmp_path: Path, openssl: str, issued: tuple[Path, Path, Path]
) -> None:
    """Windows editors ("UTF-8 with BOM") put EF BB BF before the first armour line."""
    key, leaf, chain = issued
    for name, text in (
        ("cert", leaf.read_bytes()),
        ("pair", key.read_bytes() + chain.read_bytes()),
    ):
        for line_end in (b"\n", b"\r\n"):
            path = tmp_path / f"{name}.pem"
            path.write_bytes(b"\xef\xbb\xbf" + text.replace(b"\n", line_end))
            openssl_run(openssl, "x509", "-in", path, "-noout")  # openssl reads it: so must we
            data = path.read_bytes()
            assert detect(data) is Format.PEM
            entries = load(data, None).entries
            if name == "pair":
                (pair,) = entries
                assert isinstance(pair, KeyPairEntry) and len(pair.chain) == 2
            else:
                assert [type(e) for e in entries] == [CertificateEntry]
    # the mark counts only at the very start, as in openssl
    assert not pem.blocks(b"text\n\xef\xbb\xbf" + leaf.read_bytes())


@pytest.mark.interop
def test_der_certificate_and_request_with_bytes_after_them_open_as_in_openssl(
    tmp_path: Path,
    openssl: str,
    issued: tuple[Path, Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A line end an editor or a mail client added, or NUL padding, after DER."""
    key, leaf, _ = issued
    cert_der = openssl_run(openssl, "x509", "-in", leaf, "-outform", "DER")
    for tail in (b"\n", b"\r\n", b"\x00" * 7):
        path = tmp_path / "leaf.cer"
        path.write_bytes(cert_der + tail)
        openssl_run(openssl, "x509", "-inform", "DER", "-in", path, "-noout")
        code, out, err = cli(capsys, "list", path, "--json")
        assert code == 0, err
        assert json.loads(out)[0]["subject"] == "CN=realworld leaf"
    csr_der = openssl_run(openssl, "req", "-new", "-key", key, "-subj", "/CN=trailing request",
                          "-outform", "DER")  # fmt: skip
    request = tmp_path / "req.der"
    request.write_bytes(csr_der + b"\r\n")
    openssl_run(openssl, "req", "-inform", "DER", "-in", request, "-noout")
    ca = tmp_path / "ca.p12"
    assert cli(capsys, "genkey", ca, "--password-env", "KM_PW", "--alias", "ca", "--key-type",
               "ec", "--subject", "CN=Trailing CA", "--template", "ca")[0] == 0  # fmt: skip
    signed = tmp_path / "signed.pem"
    code, _, err = cli(
        capsys, "sign-csr", ca, "ca", request, "-o", signed, "--password-env", "KM_PW"
    )
    assert code == 0, err
    assert b"BEGIN CERTIFICATE" in signed.read_bytes()


def test_pem_keeps_text_around_blocks_attributes_and_several_blocks() -> None:
    entries = [factory.key_pair_entry("tenant"), factory.trusted_entry("root", "A Root")]
    data = b"preamble: not PEM\n" + pem.dump(entries, "pw") + b"\ntrailing words\n"
    back = pem.load(data.replace(b"\n", b"\r\n"), "pw")
    assert [e.alias for e in back] == ["tenant", "root"]
    # a BEGIN without END before a real block is skipped, not swallowed
    cert = factory.trusted_entry("x", "Loose").cert.cert.public_bytes(serialization.Encoding.PEM)
    assert len(pem.blocks(b"-----BEGIN CERTIFICATE-----\nAAAA\n" + cert)) == 1


def test_pem_block_above_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_INPUT", 4096)
    big = b"-----BEGIN CERTIFICATE-----\n" + b"QUFB\n" * 2000 + b"-----END CERTIFICATE-----\n"
    with pytest.raises(limits.TooLarge, match=r"A PEM block is .*keymon reads PEM blocks up to"):
        pem.blocks(big)


# the shapes that took regular expressions minutes (issue 10): each must cost time in
# proportion to its size; 10x the bytes may cost at most 30x the CPU (quadratic: 100x)
_CERT = factory.trusted_entry("c", "Hostile").cert.cert.public_bytes(serialization.Encoding.PEM)
HOSTILE: dict[str, Callable[[int], bytes]] = {
    "localKeyID spaces": lambda n: b"Bag Attributes\n localKeyID:" + b" " * n + b"x\n" + _CERT,
    "friendlyName spaces": lambda n: b"friendlyName:" + b" " * n + b"\n" + _CERT,
    "BEGIN without END": lambda n: b"-----BEGIN CERTIFICATE-----\n" * (n // 28),
    "BEGIN on one line": lambda n: b"-----BEGIN " * (n // 11),
    "armour then spaces": lambda n: b"-----BEGIN CERTIFICATE-----" + b" " * n + b"\n",
    "open block": lambda n: b"-----BEGIN X-----\n" + b"QUFB\n" * (n // 5),
}


def _cost(data: bytes) -> float:
    """CPU seconds per parse, repeated until the total is measurable."""
    runs, start = 0, time.process_time()
    while True:
        try:
            pem.sniff(data)
            pem.load(data, None)
        except (CorruptData, UnsupportedFormat):
            pass
        runs += 1
        spent = time.process_time() - start
        if spent > 0.05:
            return spent / runs


@pytest.mark.parametrize("shape", sorted(HOSTILE))
def test_pem_parsing_is_linear_on_hostile_shapes(shape: str) -> None:
    small, large = (_cost(HOSTILE[shape](n)) for n in (10_000, 100_000))
    assert large / small < 30, f"{shape}: 10 KB {small:.6f} s, 100 KB {large:.6f} s"


# --------------------------------------------------------------------------- PKCS#7


@pytest.mark.interop
def test_ber_pkcs7_from_openssl_opens(
    tmp_path: Path,
    openssl: str,
    issued: tuple[Path, Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    key, leaf, chain = issued
    p7 = openssl_run(openssl, "crl2pkcs7", "-nocrl", "-certfile", chain, "-outform", "DER")
    ber = to_ber(p7)
    assert ber[1] == 0x80 and ber != p7
    # openssl cms -stream writes BER (indefinite lengths) itself
    ca = chain.parent / "ca.pem"  # the signed text is PEM itself: still a PKCS#7
    signed = openssl_run(openssl, "cms", "-sign", "-in", chain, "-signer", leaf, "-inkey", key,
                         "-certfile", ca, "-outform", "DER", "-stream")  # fmt: skip
    assert signed[1] == 0x80
    for data in (ber, signed):
        assert detect(data) is Format.PKCS7
        subjects = [e.cert.summary.subject for e in load(data, None).entries]
        assert any("realworld leaf" in s for s in subjects)
        assert any("Realworld CA" in s for s in subjects)
        path = tmp_path / "bundle.p7b"
        path.write_bytes(data)
        code, out, err = cli(capsys, "list", path, "--json")
        assert code == 0, err
        assert len(json.loads(out)) == 2
    # the same in PEM armour
    armoured = (
        b"-----BEGIN PKCS7-----\n"
        + __import__("base64").encodebytes(ber)
        + b"-----END PKCS7-----\n"
    )
    assert len(pem.load(armoured, None)) == 2


@pytest.mark.interop
def test_enveloped_pkcs7_is_named_not_crashed_on(
    tmp_path: Path,
    openssl: str,
    issued: tuple[Path, Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, leaf, _ = issued
    rsa_key, rsa_cert = tmp_path / "rsa.key", tmp_path / "rsa.pem"  # smime encrypts to RSA only
    openssl_run(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", rsa_key,
                "-out", rsa_cert, "-subj", "/CN=recipient")  # fmt: skip
    for tool, form, recipient in (("smime", "DER", rsa_cert), ("smime", "PEM", rsa_cert),
                                  ("cms", "PEM", leaf)):  # fmt: skip
        data = openssl_run(openssl, tool, "-encrypt", "-aes256", "-outform", form, recipient,
                           data=b"a secret message")  # fmt: skip
        with pytest.raises(UnsupportedFormat, match=r"EnvelopedData.*SignedData"):
            load(data, None)
        path = tmp_path / f"enveloped-{tool}.{form.lower()}"
        path.write_bytes(data)
        refused(capsys, path, "EnvelopedData")


SIGNED = "1.2.840.113549.1.7.2"


def test_pkcs7_without_certificates_and_damaged_pkcs7() -> None:
    empty = der.seq(der.oid_tlv(SIGNED))
    assert pkcs7.load_certificates(empty) == []
    with pytest.raises(CorruptData, match="PKCS#7 data is damaged"):
        pkcs7.load_certificates(der.seq(der.oid_tlv(SIGNED), der.explicit(0, der.NULL)))


# --------------------------------------------------------------------------- refusals


def bks(version: int = 2) -> bytes:
    """A BKS keystore with one trusted certificate, laid out as BcKeyStoreSpi writes it."""
    salt, iterations = bytes(range(20)), 1024
    cert = factory.trusted_entry("bks", "BKS Entry").cert.der
    utf = lambda text: struct.pack(">H", len(text)) + text  # noqa: E731
    body = b"\x01" + utf(b"bks-entry") + struct.pack(">qI", 0, 0)
    body += utf(b"X.509") + struct.pack(">I", len(cert)) + cert + b"\x00"
    # the store's HMAC-SHA1 with a key from the PKCS#12 KDF (purpose 3 = MAC)
    mac_key = pbe.pkcs12_kdf("sha1", pbe.bmp_password("pw"), salt, 3, iterations, 20)
    mac = hmac.new(mac_key, body, hashlib.sha1).digest()
    return (
        struct.pack(">II", version, len(salt)) + salt + struct.pack(">I", iterations) + body + mac
    )


def uber() -> bytes:
    """An UBER keystore: the BKS header, then Twofish-CBC ciphertext (random here)."""
    salt = os.urandom(20)
    return struct.pack(">II", 1, 20) + salt + struct.pack(">I", 1500) + os.urandom(96)


def bcfks() -> bytes:
    """A BCFKS ObjectStore outline: PBES2-encrypted store data, HMAC-SHA512 over PBKDF2."""
    alg = lambda dotted, *params: der.seq(der.oid_tlv(dotted), *params)  # noqa: E731
    pbkdf2 = alg("1.2.840.113549.1.5.12", der.seq(der.octet_string(b"s" * 32), der.integer(16384)))
    scheme = alg("2.16.840.1.101.3.4.1.47", der.seq(der.octet_string(b"n" * 12)))
    encrypted = der.seq(alg("1.2.840.113549.1.5.13", der.seq(pbkdf2, scheme)),
                        der.octet_string(os.urandom(64)))  # fmt: skip
    check = der.seq(alg("1.2.840.113549.2.11", der.NULL), pbkdf2, der.octet_string(b"m" * 64))
    return der.seq(encrypted, check)


def gost_pkcs12() -> bytes:
    """A PFX whose safe is encrypted and MACed with GOST R 34.10-2012 era algorithms."""
    alg = lambda dotted, *params: der.seq(der.oid_tlv(dotted), *params)  # noqa: E731
    prf = alg("1.2.643.7.1.1.4.2", der.NULL)  # HMAC-GOST R 34.11-2012 (512)
    kdf = alg("1.2.840.113549.1.5.12", der.seq(der.octet_string(b"s" * 32), der.integer(2000),
                                              prf))  # fmt: skip
    enc = alg("1.2.643.7.1.1.5.2.2", der.seq(der.octet_string(b"u" * 16)))  # Kuznyechik
    pbes2 = alg("1.2.840.113549.1.5.13", der.seq(kdf, enc))
    encrypted_data = der.seq(der.integer(0), der.seq(der.oid_tlv("1.2.840.113549.1.7.1"),
                             pbes2, der.tlv(0x80, os.urandom(64))))  # fmt: skip
    safe = der.seq(der.seq(der.oid_tlv("1.2.840.113549.1.7.6"), der.explicit(0, encrypted_data)))
    auth = der.seq(der.oid_tlv("1.2.840.113549.1.7.1"), der.explicit(0, der.octet_string(safe)))
    digest = der.seq(alg("1.2.643.7.1.1.2.3", der.NULL), der.octet_string(b"d" * 64))
    mac = der.seq(digest, der.octet_string(b"t" * 32), der.integer(2000))
    return der.seq(der.integer(3), auth, mac)


@pytest.mark.parametrize(
    ("build", "sentence"),
    [
        (bks, "This is a Bouncy Castle BKS keystore; keymon does not read BKS keystores"),
        (lambda: bks(1), "Bouncy Castle BKS keystore"),
        (uber, "This is a Bouncy Castle UBER keystore; keymon does not read UBER keystores"),
        (bcfks, "This is a Bouncy Castle BCFKS keystore; keymon does not read BCFKS keystores"),
        (gost_pkcs12, "This PKCS#12 file uses GOST algorithms, which keymon does not support."),
    ],
)
def test_foreign_keystores_are_named(
    build: Callable[[], bytes], sentence: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = build()
    with pytest.raises(UnsupportedFormat) as caught:
        detect(data)
    assert sentence in str(caught.value)
    path = tmp_path / "foreign.ks"
    path.write_bytes(data)
    refused(capsys, path, sentence)


def test_a_bks_like_header_on_garbage_is_just_unsupported() -> None:
    data = struct.pack(">II", 2, 20) + bytes(20) + struct.pack(">I", 1024) + b"\x01\x02\x03"
    with pytest.raises(UnsupportedFormat, match="not a keystore or certificate"):
        detect(data)


# --------------------------------------------------------------------------- size


def test_a_huge_file_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.pem"
    with open(path, "wb") as fh:  # sparse: 300 MB on paper, nothing on disk
        fh.truncate(300 * 1024 * 1024)
    with pytest.raises(
        limits.TooLarge, match=r"huge.pem is 300 MB; keymon reads files up to 64 MB"
    ):
        Keystore.open(path, None)
    refused(capsys, path, "is 300 MB; keymon reads files up to 64 MB")
    code, _, err = cli(capsys, "import", tmp_path / "new.p12", path, "--password-env", "KM_PW")
    assert code == 4 and "64 MB" in err and not (tmp_path / "new.p12").exists()


def test_read_input_stops_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_INPUT", 1000)
    path = tmp_path / "f"
    path.write_bytes(b"x" * 1000)
    assert limits.read_input(path) == b"x" * 1000
    path.write_bytes(b"x" * 1001)
    with pytest.raises(limits.TooLarge):
        limits.read_input(path)
    with pytest.raises(limits.TooLarge, match="The data is 1001 bytes"):
        detect(b"x" * 1001)


def test_certificate_entries_from_pkcs7_stay_certificates() -> None:
    certs = [factory.trusted_entry("a", "One").cert, factory.trusted_entry("b", "Two").cert]
    from keymon.core.x509.encoding import chain_pkcs7

    entries = load(to_ber(chain_pkcs7(certs, "der", keep_order=True)), None).entries
    assert all(isinstance(e, CertificateEntry) for e in entries) and len(entries) == 2

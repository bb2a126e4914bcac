"""Crafted certificates through the command line: exit 0 with a note, or 4 with one line.

Never exit 70 (internal bug) or 2 (usage), never a traceback, never a Python warning.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs7

from keymon.cli import main
from keymon.core.entries import CertificateEntry, CertInfo, KeyPairEntry
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from tests import hostile_certs
from tests.hostile_certs import CASES, crafted, hostile_key

PW = ["--password-env", "KM_PW"]
LOADS = [c for c in CASES if c not in hostile_certs.LOAD_FAILS]
KEY_OK = [c for c in LOADS if c not in ("unknown_key_algorithm", "malformed_ec_point")]


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KM_PW", "storepass")


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def check(code: int, err: str, allowed: tuple[int, ...] = (0, 4)) -> None:
    assert code in allowed, err
    assert "Traceback" not in err and "Warning" not in err and "internal error" not in err
    if code not in (0, 1):
        assert len(err.strip().splitlines()) == 1, err


def _pem(der: bytes) -> bytes:
    body = base64.encodebytes(der).replace(b"\n", b"")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return b"-----BEGIN CERTIFICATE-----\n" + b"\n".join(lines) + b"\n-----END CERTIFICATE-----\n"


def _pkcs7(der: bytes) -> bytes:
    # a certs-only PKCS#7 made from a good certificate, then the crafted DER put in its place
    good = hostile_certs.base_cert()
    data = pkcs7.serialize_certificates(
        [x509.load_der_x509_certificate(good)], serialization.Encoding.DER
    )
    return data.replace(good, der) if len(good) == len(der) else _pkcs7_rebuilt(der)


def _pkcs7_rebuilt(der: bytes) -> bytes:
    from keymon.core.formats.der import explicit, integer, oid_tlv, seq, tlv

    signed = seq(
        integer(1),
        tlv(0x31, b""),
        seq(oid_tlv("1.2.840.113549.1.7.1")),
        explicit(0, der),
        tlv(0x31, b""),
    )
    return seq(oid_tlv("1.2.840.113549.1.7.2"), explicit(0, signed))


def _write(tmp_path: Path, case: str, fmt: str) -> Path:
    der = crafted(case)
    path = tmp_path / f"{case}.{fmt}"
    if fmt == "pem":
        path.write_bytes(_pem(der))
    elif fmt == "der":
        path.write_bytes(der)
    elif fmt == "p7b":
        path.write_bytes(_pkcs7(der))
    else:
        info = CertInfo.from_der(der)
        entries: list[CertificateEntry | KeyPairEntry] = [CertificateEntry("hostile", info)]
        if case in KEY_OK:
            entries.append(KeyPairEntry("pair", hostile_key(), (info,)))
        store_fmt = Format.PKCS12 if fmt == "p12" else Format.JKS
        Keystore(entries, password="storepass").save_as(path, store_fmt, "storepass")
    return path


FORMAT_CASES = [pytest.param(c, f) for c in LOADS for f in ("pem", "der", "p7b", "p12", "jks")]


@pytest.mark.parametrize(("case", "fmt"), FORMAT_CASES)
def test_list_and_show_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, fmt: str
) -> None:
    path = _write(tmp_path, case, fmt)
    code, out, err = run(capsys, "list", path, *PW)
    check(code, err, (0,))
    code, out, err = run(capsys, "list", path, "--json", *PW)
    check(code, err, (0,))
    items = json.loads(out)
    assert items and all(item["subject"] for item in items)
    alias = items[0]["alias"]
    code, out, err = run(capsys, "show", path, alias, *PW)
    check(code, err, (0,))
    code, out, err = run(capsys, "show", path, alias, "--json", *PW)
    check(code, err, (0,))
    cert = json.loads(out)["chain"][0]
    assert cert["notes"], case


@pytest.mark.parametrize("case", sorted(hostile_certs.LOAD_FAILS))
@pytest.mark.parametrize("fmt", ["pem", "der", "p7b"])
def test_undecodable_certificates_are_exit_4(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, fmt: str
) -> None:
    path = _write(tmp_path, case, fmt)
    for args in (["list"], ["list", "--json"]):
        code, _, err = run(capsys, *args[:1], path, *args[1:], *PW)
        check(code, err, (4,))


def test_show_names_what_cannot_be_decoded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "wrong_string_type", "jks")
    code, out, err = run(capsys, "show", path, "hostile", *PW)
    check(code, err, (0,))
    assert "(undecodable name)" in out and "The subject name cannot be decoded" in out
    code, out, err = run(capsys, "show", path, "hostile", "--json", *PW)
    cert = json.loads(out)["chain"][0]
    assert cert["subject"] == "(undecodable name)" and cert["subject_der"].startswith("30")
    code, out, err = run(capsys, "list", path, *PW)
    assert "(undecodable name)" in out


@pytest.mark.parametrize("case", LOADS)
def test_import_export_expiring(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    source = _write(tmp_path, case, "pem")
    target = tmp_path / "target.jks"
    code, _, err = run(capsys, "import", target, source, *PW, "--source-password-env", "KM_PW")
    check(code, err)
    if code == 4:
        return
    alias = Keystore.open(target, "storepass").aliases[0]
    for what in ("certificate", "chain", "public-key"):
        out = tmp_path / f"{what}.out"
        code, _, err = run(capsys, "export", target, alias, "--what", what, "-o", out, *PW)
        check(code, err)
    ics = tmp_path / "expiry.ics"
    code, _, err = run(capsys, "expiring", target, "--days", "30", "--ics", ics, *PW)
    check(code, err, (0, 1))
    code, _, err = run(capsys, "expiring", target, "--json", *PW)
    check(code, err, (0, 1))


def _csr_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "ca.jks"
    code, _, err = run(
        capsys, "genkey", path, "--alias", "ca", "--key-type", "ec",
        "--subject", "CN=Hostile CA", "--template", "ca", *PW,
    )  # fmt: skip
    assert code == 0, err
    return path


@pytest.mark.parametrize("case", list(hostile_certs.CSR_CASES))
def test_sign_csr_with_crafted_requests(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    store = _csr_store(tmp_path, capsys)
    csr = tmp_path / "req.csr"
    csr.write_bytes(hostile_certs.crafted_csr(case))
    out = tmp_path / "signed.pem"
    code, _, err = run(capsys, "sign-csr", store, "ca", csr, "-o", out, *PW)
    check(code, err)
    if code == 4:
        assert not out.exists()


@pytest.mark.parametrize("case", LOADS)
def test_ca_reply_with_crafted_replies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    key = hostile_key()
    good = CertInfo.from_der(hostile_certs.base_cert(key, "before"))
    path = tmp_path / "store.jks"
    Keystore([KeyPairEntry("pair", key, (good,))], password="storepass").save_as(
        path, Format.JKS, "storepass"
    )
    before = path.read_bytes()
    reply = tmp_path / "reply.pem"
    reply.write_bytes(_pem(crafted(case, key)))
    code, _, err = run(capsys, "ca-reply", path, "pair", reply, *PW)
    check(code, err)
    if code == 4:
        assert path.read_bytes() == before


def _keymon(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-W", "default", "-m", "keymon.cli", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("case", ["empty_country", "negative_serial", "wrong_string_type"])
def test_no_python_warning_on_stderr(tmp_path: Path, case: str) -> None:
    path = _write(tmp_path, case, "pem")
    listed = _keymon("list", path, "--json")
    assert listed.returncode == 0 and listed.stderr == ""
    alias = json.loads(listed.stdout)[0]["alias"]
    shown = _keymon("show", path, alias)
    assert shown.returncode == 0 and shown.stderr == ""
    assert "Notes" in shown.stdout


def test_the_base_certificate_has_no_notes() -> None:
    # control: the generator starts from a plain, valid certificate
    info = CertInfo.from_der(hostile_certs.base_cert(ec.generate_private_key(ec.SECP256R1())))
    assert info.notes == () and info.summary.subject == "CN=hostile"

"""PKCS#12 quirks made by the real tools: openssl writes the files, openssl and keytool agree."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from keymon.core.formats import detect, pkcs12
from keymon.core.formats.pkcs12_open import UNPROTECTED
from keymon.core.keystore import Keystore
from tests import factory

pytestmark = pytest.mark.interop
PW = "interop-pw"


def run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture(scope="module")
def pem_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("pair")
    entry = factory.self_signed_entry("interop", key=factory.ec_key(401))
    key, cert = folder / "key.pem", folder / "cert.pem"
    key.write_bytes(
        entry.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert.write_bytes(entry.certificate.cert.public_bytes(serialization.Encoding.PEM))
    return key, cert


def openssl_export(openssl: str, pair: tuple[Path, Path], out: Path, *extra: str) -> bytes:
    key, cert = pair
    done = run(openssl, "pkcs12", "-export", "-inkey", key, "-in", cert, "-name", "interop",
               "-out", out, "-passout", f"pass:{PW}", *extra)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


def test_trailing_zero_bytes_are_read_by_openssl_keytool_and_keymon(
    openssl: str, keytool: str, pem_pair: tuple[Path, Path], tmp_path: Path
) -> None:
    data = openssl_export(openssl, pem_pair, tmp_path / "plain.p12")
    padded = tmp_path / "dotnet.p12"
    padded.write_bytes(data + bytes(8))  # what .NET's Export(X509ContentType.Pfx) leaves
    done = run(openssl, "pkcs12", "-in", padded, "-passin", f"pass:{PW}", "-nokeys")
    assert done.returncode == 0, done.stderr
    listed = run(keytool, "-list", "-storetype", "PKCS12", "-keystore", padded, "-storepass", PW)
    assert listed.returncode == 0 and "interop" in listed.stdout, listed.stderr
    assert detect.detect(padded.read_bytes()) is detect.Format.PKCS12
    assert [e.alias for e in Keystore.open(padded, PW)] == ["interop"]


def test_openssl_file_without_mac_or_encryption_is_noted_as_unprotected(
    openssl: str, pem_pair: tuple[Path, Path], tmp_path: Path
) -> None:
    data = openssl_export(
        openssl, pem_pair, tmp_path / "open.p12", "-nomac", "-keypbe", "NONE", "-certpbe", "NONE"
    )
    read = pkcs12.decode(data, None)
    assert [e.alias for e in read.entries] == ["interop"]
    assert read.notes == (UNPROTECTED,)
    assert pkcs12.decode(openssl_export(openssl, pem_pair, tmp_path / "p.p12"), PW).notes == ()

"""Passwords that are not valid UTF-8 (bytes from an environment variable or a file).

Each gets one sentence and exit 3, for every keystore format, and nothing is written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from keymon.cli import main
from keymon.core.formats import jks
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from tests import factory

SENTENCE = "keymon: The password cannot be encoded (it is not valid UTF-8).\n"
BAD = b"pass\xff"  # what a Latin-1 terminal or file gives for 'passÿ'


@pytest.fixture(params=["p12", "jks", "pem"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / f"store.{request.param}"
    entries = [factory.self_signed_entry("leaf"), factory.trusted_entry("root")]
    if request.param == "jks":
        path.write_bytes(jks.dump(entries, "storepass"))
    else:
        fmt = Format.PKCS12 if request.param == "p12" else Format.PEM
        Keystore(entries).save_as(path, fmt, "storepass")
    return path


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "password.txt"
    path.write_bytes(BAD + b"\n")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_with_undecodable_env_password(
    store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KM_BAD", os.fsdecode(BAD))  # how Python hands such bytes over
    assert run(capsys, "list", store, "--password-env", "KM_BAD") == (3, "", SENTENCE)


def test_list_with_undecodable_password_file(
    store: Path, bad_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "list", store, "--password-file", bad_file) == (3, "", SENTENCE)


def test_import_with_undecodable_passwords_writes_nothing(
    store: Path,
    bad_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("KM_PW", "storepass")
    monkeypatch.setenv("KM_BAD", os.fsdecode(BAD))
    before = store.read_bytes()
    target = tmp_path / "new.p12"
    # the source file's password, from a file and from the environment
    for option in (["--source-password-file", bad_file], ["--source-password-env", "KM_BAD"]):
        result = run(capsys, "import", target, store, "--password-env", "KM_PW", *option)
        assert result == (3, "", SENTENCE)
    # the new keystore's password
    for option in (["--password-file", bad_file], ["--password-env", "KM_BAD"]):
        result = run(capsys, "import", target, store, "--source-password-env", "KM_PW", *option)
        assert result == (3, "", SENTENCE)
    assert not target.exists() and store.read_bytes() == before


def test_a_real_process_gets_the_sentence_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "store.jks"
    path.write_bytes(jks.dump([factory.trusted_entry("root")], "storepass"))
    envb = {**os.environb, b"KM_BAD": BAD}
    code = "import sys; from keymon.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run(
        [sys.executable, "-c", code, "list", str(path), "--password-env", "KM_BAD"],
        env=envb,
        capture_output=True,
        timeout=120,
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (3, b"", SENTENCE.encode())

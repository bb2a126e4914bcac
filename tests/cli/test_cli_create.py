"""`keymon create`: an empty keystore from the command line (the window's New Keystore…)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from keymon.cli import main
from keymon.core import secrets
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore

PW = ["--password-env", "KM_PW"]


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KM_PW", "new-store-pass")
    monkeypatch.setenv("EMPTY_PW", "")


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("name", "options", "fmt"),
    [
        ("a.p12", [], Format.PKCS12),
        ("a.jks", [], Format.JKS),
        ("a.keystore", ["--format", "jks"], Format.JKS),
        ("a.jks", ["--format", "pkcs12"], Format.PKCS12),
    ],
)
def test_create_writes_an_empty_keystore(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    options: list[str],
    fmt: Format,
) -> None:
    path = tmp_path / name
    code, out, err = run(capsys, "create", path, *PW, *options)
    assert (code, err) == (0, "")
    assert out == f"Created {path}: an empty {fmt.label} keystore.\n"
    store = Keystore.open(path, "new-store-pass")
    assert store.format is fmt and len(store) == 0
    assert path.stat().st_mode & 0o077 == 0
    assert secrets.get_password(path) is None


def test_create_remembers_the_password_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kept.p12"
    assert run(capsys, "create", path, *PW, "--remember")[0] == 0
    assert secrets.get_password(path) == "new-store-pass"


def test_an_existing_file_is_replaced_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "precious.p12"
    path.write_bytes(b"someone else's file")
    code, out, err = run(capsys, "create", path, *PW)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "exists already; add --force" in err
    assert path.read_bytes() == b"someone else's file"
    assert run(capsys, "create", path, *PW, "--force")[0] == 0
    assert len(Keystore.open(path, "new-store-pass")) == 0
    backups = Keystore.open(path, "new-store-pass").backups()
    assert [backups.read(b.version) for b in backups.versions()] == [b"someone else's file"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--password-env", "EMPTY_PW"], "cannot be empty"),
        ([*PW], "is a folder"),
    ],
)
def test_bad_input_is_one_sentence_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    target = tmp_path if message == "is a folder" else tmp_path / "new.p12"
    code, out, err = run(capsys, "create", target, *args)
    assert code == 2 and out == "" and message in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_reported_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "create", tmp_path / "missing" / "new.p12", *PW)
    assert code not in (0, 70) and "Traceback" not in err and err.count("\n") == 1


@pytest.mark.interop
@pytest.mark.parametrize(("name", "storetype"), [("k.p12", "PKCS12"), ("k.jks", "JKS")])
def test_keytool_reads_the_created_keystore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, storetype: str
) -> None:
    path = tmp_path / name
    assert run(capsys, "create", path, *PW)[0] == 0
    listed = subprocess.run(
        [
            "keytool",
            "-list",
            "-storetype",
            storetype,
            "-keystore",
            str(path),
            "-storepass",
            "new-store-pass",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert "Your keystore contains 0 entries" in listed.stdout

"""`keymon backups --purge`, the note after `passwd`, and saves through links from the CLI."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from keymon.cli import main
from keymon.core.backups import BackupStore
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from tests import factory

PW = ["--password-env", "KM_PW"]


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KM_PW", "storepass")
    monkeypatch.setenv("NEW_PW", "newpass")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "tenant.p12"
    entries = [
        factory.key_pair_entry("tenant", "Tenant Client"),
        factory.trusted_entry("receiver-root", "Receiver Root CA"),
    ]
    Keystore(entries, password="storepass").save_as(path, Format.PKCS12, "storepass")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def with_backups(store_path: Path, capsys: pytest.CaptureFixture[str]) -> BackupStore:
    assert run(capsys, "rename", store_path, "receiver-root", "root", *PW)[0] == 0
    assert run(capsys, "delete", store_path, "root", *PW)[0] == 0
    backups = BackupStore(store_path)
    assert len(backups.versions()) == 2
    return backups


def test_purge_with_yes_deletes_every_backup(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backups = with_backups(store_path, capsys)
    before = store_path.read_bytes()
    code, out, err = run(capsys, "backups", store_path, "--purge", "--yes")
    assert (code, err) == (0, "")
    assert out.strip() == f"Deleted 2 backups of {store_path}."
    assert backups.versions() == [] and not backups.folder.exists()
    assert store_path.read_bytes() == before  # the keystore itself is not touched
    code, out, _ = run(capsys, "backups", store_path)
    assert (code, out.strip()) == (0, f"No backups of {store_path} yet.")


def test_purge_without_yes_and_without_a_terminal_refuses(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    backups = with_backups(store_path, capsys)
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))  # not a TTY: never read as consent
    code, out, err = run(capsys, "backups", store_path, "--purge")
    assert code == 2 and out == ""
    assert err.strip() == (
        "keymon: Deleting all backups needs confirmation: add --yes to do it anyway."
    )
    assert len(backups.versions()) == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("answer", "left"), [("n\n", 2), ("yes\n", 0)])
def test_purge_on_a_terminal_asks_first(
    store_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    left: int,
) -> None:
    backups = with_backups(store_path, capsys)
    monkeypatch.setattr("sys.stdin", _Terminal(answer))
    code, out, _ = run(capsys, "backups", store_path, "--purge")
    assert code == 0 and "Delete all 2 backups" in out
    assert len(backups.versions()) == left


def test_passwd_notes_that_backups_keep_the_old_password(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_backups(store_path, capsys)
    code, out, err = run(capsys, "passwd", store_path, *PW, "--new-password-env", "NEW_PW")
    assert code == 0 and out.strip() == "Password changed."
    assert err.count("\n") == 1
    assert "backups of this keystore still open with the old password" in err
    assert f"keymon backups {store_path} --purge" in err
    # what the note says is true: the newest backup opens with the old password
    backups = BackupStore(store_path)
    newest = backups.versions()[0]
    assert len(Keystore.open(newest.path, "storepass")) == 1
    code, _, _ = run(capsys, "backups", store_path, "--purge", "--yes")
    assert code == 0 and backups.versions() == []
    assert len(Keystore.open(store_path, "newpass")) == 1


def test_rename_through_a_symlink_keeps_the_link_and_owner_mode(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_path.chmod(0o640)
    link = tmp_path / "link.p12"
    link.symlink_to(store_path.name)
    code, _, err = run(capsys, "rename", link, "tenant", "client", *PW)
    assert (code, err) == (0, "")
    assert link.is_symlink() and os.readlink(link) == store_path.name
    assert stat.S_IMODE(store_path.stat().st_mode) == 0o640
    assert Keystore.open(store_path, "storepass").aliases[0] == "client"


def test_saving_a_hard_linked_keystore_says_what_happens(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other-name.p12"
    os.link(store_path, other)
    code, _, err = run(capsys, "rename", store_path, "tenant", "client", *PW)
    assert code == 0
    assert err.startswith("keymon: note: ") and "hard link" in err and err.count("\n") == 1
    assert Keystore.open(other, "storepass").aliases[0] == "tenant"


def test_dangling_link_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "gone.p12"
    link.symlink_to(tmp_path / "nowhere.p12")
    code, out, err = run(capsys, "list", link, *PW)
    assert code == 4 and out == "" and err.count("\n") == 1 and "does not exist" in err

"""Atomic saves, change detection and backups."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from keymon.core import storage
from keymon.core.errors import ChangedOnDisk, UnreadableFile, UsageError
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from tests import factory


def test_atomic_write_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "store.p12"
    storage.atomic_write(target, b"one")
    assert target.read_bytes() == b"one"
    assert target.stat().st_mode & 0o777 == 0o600
    storage.atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["store.p12"]  # no temp files left


def test_atomic_open_failure_leaves_old_file(tmp_path: Path) -> None:
    target = tmp_path / "store.p12"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), storage.atomic_open(target) as fh:
        fh.write(b"half of the new cont")
        raise RuntimeError("crash in the middle")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["store.p12"]


def test_stale_temp_files_of_killed_writers_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "store.p12"
    stale = tmp_path / ".store.p12.abc123.keymon-tmp"
    fresh = tmp_path / ".store.p12.def456.keymon-tmp"
    stale.write_bytes(b"left by a killed writer")
    fresh.write_bytes(b"another writer at work")
    old = stale.stat().st_mtime - storage.STALE_TEMP_SECONDS - 5
    os.utime(stale, (old, old))
    storage.atomic_write(target, b"data")
    assert not stale.exists() and fresh.exists()


def test_atomic_write_keeps_existing_permissions(tmp_path: Path) -> None:
    target = tmp_path / "shared.pem"
    target.write_bytes(b"x")
    target.chmod(0o640)
    storage.atomic_write(target, b"y")
    assert target.stat().st_mode & 0o777 == 0o640


def test_save_refuses_when_changed_on_disk(tmp_path: Path) -> None:
    target = tmp_path / "store.bin"
    target.write_bytes(b"original")
    _, snap = storage.read_file(target)
    target.write_bytes(b"someone else's edit")
    with pytest.raises(ChangedOnDisk):
        storage.save(target, b"ours", snap)
    assert target.read_bytes() == b"someone else's edit"


def test_save_refuses_to_create_over_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "store.bin"
    target.write_bytes(b"appeared meanwhile")
    with pytest.raises(ChangedOnDisk):
        storage.save(target, b"ours", None)
    assert target.read_bytes() == b"appeared meanwhile"


def test_save_backs_up_previous_versions_and_keeps_last_n(tmp_path: Path) -> None:
    target = tmp_path / "store.bin"
    store = storage.BackupStore(target, keep=3)
    snap = storage.save(target, b"v0", None, backups=store)
    for i in range(1, 6):
        snap = storage.save(target, f"v{i}".encode(), snap, previous_entries=i, backups=store)
    backups = store.versions()
    assert [b.version for b in backups] == [5, 4, 3]
    assert [store.read(b.version) for b in backups] == [b"v4", b"v3", b"v2"]
    assert backups[0].entries == 5
    assert len(list(store.folder.glob("v*"))) == 3
    with pytest.raises(UsageError):
        store.read(1)


def test_backups_live_under_keymon_home(tmp_path: Path, keymon_home: Path) -> None:
    target = tmp_path / "k.p12"
    snap = storage.save(target, b"a", None)
    storage.save(target, b"b", snap)
    assert storage.BackupStore(target).folder.is_relative_to(keymon_home)


def test_read_file_errors_are_typed(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="does not exist"):
        storage.read_file(tmp_path / "missing.p12")
    with pytest.raises(UnreadableFile, match="folder"):
        storage.read_file(tmp_path)


def test_keystore_restore_is_itself_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "store.p12"
    store = Keystore([factory.trusted_entry("one")], path=path, password="pw")
    store.save_as(path, store.format, "pw")
    store.add(factory.trusted_entry("two", "Two CA"))
    store.save(previous_entries=1)
    assert store.backups().versions()[0].entries == 1
    store.restore(1)
    assert store.aliases == ["one"]
    reopened = Keystore.open(path, "pw")
    assert reopened.aliases == ["one"]
    # the two-entry version was kept, so the restore can be undone by restoring it
    assert store.backups().versions()[0].entries == 2


_SAVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from keymon.core.keystore import Keystore
    from tests import factory

    path = Path(sys.argv[1])
    store = Keystore.open(path, "pw")
    entries = [factory.trusted_entry(f"ca-{i}", f"CA {i}") for i in range(40)]
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        if len(store) > 30:
            store.delete(store.aliases[:20])
        else:
            store.add(entries[i % 40], overwrite=True)
        store.save(previous_entries=len(store))
    """
)


@pytest.mark.slow
def test_killing_a_save_at_any_moment_never_breaks_the_keystore(tmp_path: Path) -> None:
    path = tmp_path / "store.p12"
    seed = Keystore([factory.trusted_entry("seed")], password="pw")
    seed.save_as(path, Format.PKCS12, "pw")
    script = tmp_path / "saver.py"
    script.write_text(_SAVER)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    import random

    rng = random.Random(1234)
    kills = 0
    for _ in range(25):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(path)], stdout=subprocess.PIPE, env=env
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        try:
            proc.wait(timeout=rng.uniform(0.05, 0.6))
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        proc.stdout.close()
        store = Keystore.open(path, "pw")  # must always open
        assert len(store) >= 1
    assert kills == 25
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".keymon-tmp")]
    # a killed writer may leave its temp file behind, but never in place of the keystore
    assert all(name.startswith(".store.p12.") for name in leftovers)

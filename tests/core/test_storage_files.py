"""Saving respects what the user's file is (links, owner, mode); keymon's own files are private.

Real files in a temp folder, real symlinks and hard links, real chown (as root).
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from keymon.core import config, storage
from keymon.core.atomic import STALE_TEMP_SECONDS, TEMP_SUFFIX, atomic_open, sweep_stale_temps
from keymon.core.backups import BackupStore
from keymon.core.errors import UnreadableFile
from keymon.core.exporting import write_export


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def age(path: Path, seconds: float = STALE_TEMP_SECONDS + 60) -> None:
    old = time.time() - seconds
    os.utime(path, (old, old))


def temps(folder: Path) -> list[Path]:
    return sorted(folder.glob(f".*{TEMP_SUFFIX}"))


def save_again(path: Path, data: bytes) -> storage.FileSnapshot:
    """Read ``path``, then save ``data`` over it (backed up in KEYMON_HOME)."""
    _old, snap = storage.read_file(path)
    return storage.save(path, data, snap)


# -- symbolic links -----------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["absolute", "relative", "chain"])
def test_save_through_a_symlink_replaces_the_target_and_keeps_the_link(
    tmp_path: Path, kind: str
) -> None:
    real = tmp_path / "real"
    links = tmp_path / "links"
    real.mkdir()
    links.mkdir()
    target = real / "store.p12"
    target.write_bytes(b"old")
    neighbour = real / "other.p12"
    neighbour.write_bytes(b"neighbour")
    neighbour_stat = neighbour.stat()
    link = links / "store.p12"
    if kind == "absolute":
        link.symlink_to(target)
    elif kind == "relative":
        link.symlink_to(Path("..") / "real" / "store.p12")
    else:  # links/store.p12 -> links/middle.p12 -> real/store.p12
        (links / "middle.p12").symlink_to(target)
        link.symlink_to("middle.p12")
    link_text = os.readlink(link)
    old_inode = target.stat().st_ino

    snap = save_again(link, b"new")

    assert link.is_symlink() and os.readlink(link) == link_text
    assert target.read_bytes() == b"new" and link.read_bytes() == b"new"
    assert target.stat().st_ino != old_inode  # replaced by rename, not rewritten in place
    assert snap == storage.read_file(link)[1]
    assert neighbour.read_bytes() == b"neighbour"
    assert neighbour.stat().st_ino == neighbour_stat.st_ino
    assert neighbour.stat().st_mtime_ns == neighbour_stat.st_mtime_ns
    assert sorted(p.name for p in real.iterdir()) == ["other.p12", "store.p12"]
    assert sorted(p.name for p in links.iterdir()) == sorted(
        ["store.p12", *(["middle.p12"] if kind == "chain" else [])]
    )


def test_a_link_and_its_target_share_their_backups(tmp_path: Path) -> None:
    target = tmp_path / "store.p12"
    target.write_bytes(b"v1")
    link = tmp_path / "link.p12"
    link.symlink_to(target)
    assert BackupStore(link).folder == BackupStore(target).folder


def test_a_dangling_link_is_a_clear_error_and_creates_nothing(tmp_path: Path) -> None:
    link = tmp_path / "store.p12"
    link.symlink_to(tmp_path / "gone" / "store.p12")
    with pytest.raises(UnreadableFile, match=r"symbolic link to .*gone/store\.p12.*does not exist"):
        storage.save(link, b"new", None)
    with pytest.raises(UnreadableFile, match="does not exist"):
        storage.atomic_write(link, b"new")
    assert link.is_symlink() and not (tmp_path / "gone").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.p12"]


def test_a_symlink_loop_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.p12").symlink_to("b.p12")
    (tmp_path / "b.p12").symlink_to("a.p12")
    with pytest.raises(UnreadableFile, match="symbolic link that cannot be followed"):
        storage.atomic_write(tmp_path / "a.p12", b"x")


# -- hard links: the save goes on, and says what happens ----------------------------------
def test_hard_links_are_named_before_saving_and_keep_the_old_version(tmp_path: Path) -> None:
    path = tmp_path / "store.p12"
    path.write_bytes(b"old")
    assert storage.hard_link_note(path) is None
    other = tmp_path / "also.p12"
    os.link(path, other)

    note = storage.hard_link_note(path)
    assert note is not None and "another name" in note and "previous version" in note
    save_again(path, b"new")

    assert path.read_bytes() == b"new"
    assert other.read_bytes() == b"old"  # the atomic replace detached the other name
    assert path.stat().st_nlink == 1 and storage.hard_link_note(path) is None


# -- owner, group and mode ----------------------------------------------------------------
def test_save_keeps_a_0640_mode(tmp_path: Path) -> None:
    path = tmp_path / "store.p12"
    path.write_bytes(b"old")
    path.chmod(0o640)
    save_again(path, b"new")
    assert mode(path) == 0o640


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="chown needs root")
def test_root_saving_a_service_keystore_keeps_its_owner_group_and_mode(tmp_path: Path) -> None:
    svc_uid, svc_gid = 4321, 8765  # a service account that need not exist
    path = tmp_path / "service.p12"
    path.write_bytes(b"old")
    os.chown(path, svc_uid, svc_gid)
    path.chmod(0o640)

    save_again(path, b"new")

    st = path.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (svc_uid, svc_gid, 0o640)
    assert path.read_bytes() == b"new"


# -- keymon's own files are private -------------------------------------------------------
def test_data_dir_and_backups_are_created_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "fresh" / "keymon"
    monkeypatch.setenv(config.HOME_ENV, str(home))
    path = tmp_path / "store.p12"
    path.write_bytes(b"v1")
    save_again(path, b"v2")
    backups = BackupStore(path)
    assert mode(home) == 0o700 and mode(config.backups_root()) == 0o700
    assert mode(backups.folder) == 0o700
    assert [mode(p) for p in backups.folder.iterdir()] == [0o600] * 3  # version, index, lock


def test_loose_folders_of_older_versions_are_tightened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "keymon"
    (home / "backups").mkdir(parents=True)
    home.chmod(0o755)
    (home / "backups").chmod(0o755)
    monkeypatch.setenv(config.HOME_ENV, str(home))
    path = tmp_path / "store.p12"
    path.write_bytes(b"v1")
    save_again(path, b"v2")
    assert mode(home) == 0o700 and mode(home / "backups") == 0o700


# -- temp sweep and orphan backups ---------------------------------------------------------
def test_sweep_removes_stale_backup_temps_but_not_a_running_writers(tmp_path: Path) -> None:
    path = tmp_path / "store.p12"
    path.write_bytes(b"v0")
    backups = BackupStore(path, root=tmp_path / "bk")
    backups.add(b"v0", 1)
    folder = backups.folder
    for n in range(32):  # left by 32 writers killed in the middle of a backup
        stale = folder / f".v{n + 2:06d}.p12.k{n:05d}{TEMP_SUFFIX}"
        stale.write_bytes(b"half a backup")
        age(stale)
    index_temp = folder / f".index.json.zz9{TEMP_SUFFIX}"
    index_temp.write_bytes(b"{")
    age(index_temp)
    young = folder / f".v000099.p12.young{TEMP_SUFFIX}"
    young.write_bytes(b"just started")

    with atomic_open(folder / "v000100.p12") as fh:  # a writer that is still running
        fh.write(b"in progress")
        (running,) = (p for p in temps(folder) if p.name.startswith(".v000100."))
        age(running)  # even an old-looking temp file is kept while its writer holds it
        assert len(temps(folder)) == 32 + 3
        backups.add(b"v1", 1)
        assert temps(folder) == sorted([young, running])
    assert sweep_stale_temps(folder) == 0  # the young one is kept until it is stale
    age(young)
    assert sweep_stale_temps(folder) == 1 and temps(folder) == []


def test_orphan_backups_are_listed_and_pruned(tmp_path: Path) -> None:
    path = tmp_path / "store.p12"
    backups = BackupStore(path, root=tmp_path / "bk", keep=10)
    for n in range(10):
        backups.add(f"v{n}".encode(), n)
    for n in range(11, 20):  # written by writers killed before they updated the index
        (backups.folder / f"v{n:06d}.p12").write_bytes(f"orphan {n}".encode())
    listed = [b.version for b in backups.versions()]
    assert listed == list(range(19, 10, -1)) + list(range(10, 0, -1))

    added = backups.add(b"newest", 3)

    assert added.version == 20
    files = sorted(p.name for p in backups.folder.glob("v*"))
    assert files == [f"v{n:06d}.p12" for n in range(11, 21)]
    assert [b.version for b in backups.versions()] == list(range(20, 10, -1))
    assert backups.read(19) == b"orphan 19"


def test_a_damaged_index_loses_no_backup(tmp_path: Path) -> None:
    backups = BackupStore(tmp_path / "store.p12", root=tmp_path / "bk")
    for n in range(3):
        backups.add(f"v{n}".encode(), n)
    (backups.folder / "index.json").write_text("{not json")
    assert [b.version for b in backups.versions()] == [3, 2, 1]
    assert backups.add(b"v3", 3).version == 4
    assert [b.version for b in backups.versions()] == [4, 3, 2, 1]


def test_purge_deletes_every_backup_and_the_folder(tmp_path: Path) -> None:
    backups = BackupStore(tmp_path / "store.p12", root=tmp_path / "bk")
    for n in range(4):
        backups.add(f"v{n}".encode(), n)
    (backups.folder / "v000009.p12").write_bytes(b"orphan")
    stale = backups.folder / f".v000010.p12.x{TEMP_SUFFIX}"
    stale.write_bytes(b"temp")
    assert backups.purge() == 5
    assert not backups.folder.exists() and backups.versions() == []
    assert backups.purge() == 0


# -- exports -------------------------------------------------------------------------------
def test_key_pair_export_over_a_0644_file_leaves_0600(tmp_path: Path) -> None:
    out = tmp_path / "client.p12"
    out.write_bytes(b"public stuff")
    out.chmod(0o644)
    write_export(out, b"secret key", "key-pair")
    assert out.read_bytes() == b"secret key" and mode(out) == 0o600


def test_key_pair_export_is_never_readable_by_others_not_even_while_written(
    tmp_path: Path,
) -> None:
    out = tmp_path / "new.p12"
    with atomic_open(out, 0o600, private=True) as fh:
        assert stat.S_IMODE(os.fstat(fh.fileno()).st_mode) & 0o077 == 0
        fh.write(b"secret key")
    assert mode(out) == 0o600
    write_export(tmp_path / "fresh.p12", b"secret", "key-pair")
    assert mode(tmp_path / "fresh.p12") == 0o600


def test_public_exports_keep_ordinary_modes(tmp_path: Path) -> None:
    write_export(tmp_path / "cert.pem", b"cert", "certificate")
    assert mode(tmp_path / "cert.pem") == 0o644
    shared = tmp_path / "chain.pem"
    shared.write_bytes(b"old")
    shared.chmod(0o664)
    write_export(shared, b"chain", "chain")
    assert mode(shared) == 0o664

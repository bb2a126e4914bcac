"""Nothing is ever lost: atomic saves, change detection and versioned backups.

A save writes a temporary file in the keystore's own folder, fsyncs it and
renames it over the original (``os.replace`` is atomic on POSIX and Windows),
so a crash at any moment leaves either the old or the new file. Before that,
the file on disk is compared with what was read; if someone else changed it,
the save is refused. The previous version is copied into a backup folder
under keymon's data directory (last ``keep`` versions; see backups.py). A
symbolic link is followed and its target replaced; the target keeps its
owner, group and mode (see atomic.py).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from keymon.core.atomic import (
    STALE_TEMP_SECONDS,
    atomic_open,
    atomic_write,
    hard_link_note,
    resolve_target,
    sweep_stale_temps,
)
from keymon.core.backups import DEFAULT_KEEP, Backup, BackupStore
from keymon.core.errors import ChangedOnDisk, UnreadableFile
from keymon.core.formats.limits import read_limited

__all__ = [  # what callers import from here; the writing lives in atomic.py and backups.py
    "DEFAULT_KEEP",
    "STALE_TEMP_SECONDS",
    "Backup",
    "BackupStore",
    "FileSnapshot",
    "atomic_open",
    "atomic_write",
    "changed_on_disk",
    "current_snapshot",
    "hard_link_note",
    "read_file",
    "resolve_target",
    "save",
    "sweep_stale_temps",
]


@dataclass(frozen=True)
class FileSnapshot:
    """What a file looked like when it was read: enough to notice any outside change."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of_bytes(cls, data: bytes, stat: os.stat_result) -> FileSnapshot:
        return cls(len(data), stat.st_mtime_ns, hashlib.sha256(data).hexdigest())


def read_file(path: Path) -> tuple[bytes, FileSnapshot]:
    """Read a keystore file and remember its state; OS errors become UnreadableFile."""
    try:
        with open(path, "rb") as fh:
            data, stat = read_limited(fh, path)  # refuses files above MAX_INPUT
    except FileNotFoundError as exc:
        raise UnreadableFile(f"The file {path} does not exist.") from exc
    except IsADirectoryError as exc:
        raise UnreadableFile(f"{path} is a folder, not a keystore file.") from exc
    except PermissionError as exc:
        raise UnreadableFile(f"keymon is not allowed to read {path}.") from exc
    except OSError as exc:
        raise UnreadableFile(f"{path} cannot be read ({exc.strerror}).") from exc
    return data, FileSnapshot.of_bytes(data, stat)


def current_snapshot(path: Path) -> FileSnapshot | None:
    """The file's state now, or None when it does not exist."""
    try:
        _data, snap = read_file(path)
    except UnreadableFile:
        if not path.exists():
            return None
        raise
    return snap


def changed_on_disk(path: Path, expected: FileSnapshot | None) -> bool:
    """True when the file is not what was read (also: created or deleted since)."""
    now = current_snapshot(path)
    if now is None or expected is None:
        return now != expected
    return now.sha256 != expected.sha256


def save(
    path: Path,
    data: bytes,
    expected: FileSnapshot | None,
    *,
    previous_entries: int | None = None,
    backups: BackupStore | None = None,
) -> FileSnapshot:
    """Replace ``path`` with ``data`` atomically after backing up what is there.

    ``expected`` is the snapshot taken when the file was read (None for a new
    file). If the file on disk differs from it, nothing is written and
    ChangedOnDisk is raised.
    """
    path = Path(path)
    target = resolve_target(path)  # a symbolic link stays a link; its target is replaced
    try:
        old, snap = read_file(target)
    except UnreadableFile:
        if target.exists():
            raise
        old, snap = None, None
    if (snap is None) != (expected is None) or (
        snap is not None and expected is not None and snap.sha256 != expected.sha256
    ):
        raise ChangedOnDisk(
            f"{path.name} was changed by another program since keymon read it; "
            "reload it before saving so that no change is lost."
        )
    if old is not None:
        (backups or BackupStore(path)).add(old, previous_entries)
    atomic_write(target, data)
    return FileSnapshot.of_bytes(data, os.stat(target))

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

import os
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
from keymon.core.snapshots import FileSnapshot, changed_on_disk, current_snapshot, read_file

__all__ = [  # what callers import from here: writing is in atomic.py, backups.py, snapshots.py
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

"""Reading a keystore file and noticing when someone else changed it since.

:func:`read_file` returns the bytes with a :class:`FileSnapshot` (size, mtime,
SHA-256); :func:`changed_on_disk` compares the file now with that snapshot. Saving
(storage.py) and backups (backups.py) both read through here.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from keymon.core.errors import UnreadableFile
from keymon.core.formats.limits import read_limited
from keymon.core.records import Record, put


class FileSnapshot(Record):
    """What a file looked like when it was read: enough to notice any outside change."""

    size: int
    mtime_ns: int
    sha256: str
    FIELDS = ("size", "mtime_ns", "sha256")
    COMPARED = FIELDS
    SHOWN = FIELDS

    def __init__(self, size: int, mtime_ns: int, sha256: str) -> None:
        put(self, "size", size)
        put(self, "mtime_ns", mtime_ns)
        put(self, "sha256", sha256)

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

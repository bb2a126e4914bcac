"""Nothing is ever lost: atomic saves, change detection and versioned backups.

A save writes a temporary file in the keystore's own folder, fsyncs it and
renames it over the original (``os.replace`` is atomic on POSIX and Windows),
so a crash at any moment leaves either the old or the new file. Before that,
the file on disk is compared with what was read; if someone else changed it,
the save is refused. The previous version is copied into a backup folder
under keymon's data directory (last ``keep`` versions).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from keymon.core import config
from keymon.core.errors import ChangedOnDisk, UnreadableFile, UsageError
from keymon.core.formats.limits import read_limited

DEFAULT_KEEP = 10


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


@contextlib.contextmanager
def atomic_open(path: Path, mode: int = 0o600) -> Iterator[IO[bytes]]:
    """Write ``path`` atomically: yields a temp file; committed only if the block succeeds."""
    path = Path(path)
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".keymon-tmp", dir=folder)
    except OSError as exc:
        raise UnreadableFile(f"keymon cannot write in {folder} ({exc.strerror}).") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, _mode_for(path, mode))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(folder)
    _remove_stale_temps(path)


STALE_TEMP_SECONDS = 600


def _remove_stale_temps(path: Path) -> None:
    """Remove temp files that a killed writer left behind (never a recent one)."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.keymon-tmp"):
        with contextlib.suppress(OSError):
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    try:
        with atomic_open(path, mode) as fh:
            fh.write(data)
    except OSError as exc:
        raise UnreadableFile(f"keymon could not write {path} ({exc.strerror}).") from exc


def _mode_for(path: Path, default: int) -> int:
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        return default


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Backup:
    version: int
    created: dt.datetime
    size: int
    entries: int | None
    path: Path


class BackupStore:
    """Versions of one keystore file, kept in keymon's data directory."""

    def __init__(self, keystore: Path, root: Path | None = None, keep: int = DEFAULT_KEEP) -> None:
        self.keystore = Path(os.path.abspath(keystore))
        digest = hashlib.sha256(str(self.keystore).encode()).hexdigest()[:16]
        self.folder = (root or config.backups_root()) / f"{self.keystore.name}-{digest}"
        self.keep = keep

    def _index_path(self) -> Path:
        return self.folder / "index.json"

    def _read_index(self) -> list[dict[str, object]]:
        try:
            raw = json.loads(self._index_path().read_text("utf-8"))
        except (OSError, ValueError):
            return []
        items = raw.get("versions", []) if isinstance(raw, dict) else []
        return [i for i in items if isinstance(i, dict)]

    def versions(self) -> list[Backup]:
        """Backups, newest first; entries whose file disappeared are skipped."""
        out = []
        for item in self._read_index():
            try:
                path = self.folder / str(item["file"])
                version = int(str(item["version"]))
                created = dt.datetime.fromisoformat(str(item["created"]))
                size = int(str(item["size"]))
                entries = item.get("entries")
            except (KeyError, ValueError):
                continue
            if path.exists():
                count = int(str(entries)) if entries is not None else None
                out.append(Backup(version, created, size, count, path))
        return sorted(out, key=lambda b: b.version, reverse=True)

    def add(self, data: bytes, entries: int | None) -> Backup:
        config.ensure_private_dir(self.folder)
        index = self._read_index()
        version = max((int(str(i.get("version", 0))) for i in index), default=0) + 1
        created = dt.datetime.now(dt.UTC).replace(microsecond=0)
        name = f"v{version:06d}{self.keystore.suffix or '.bin'}"
        atomic_write(self.folder / name, data)
        index.append(
            {
                "version": version,
                "file": name,
                "created": created.isoformat(),
                "size": len(data),
                "entries": entries,
                "source": str(self.keystore),
            }
        )
        index.sort(key=lambda i: int(str(i["version"])))
        dropped, index = index[: -self.keep], index[-self.keep :]
        self._write_index(index)
        for item in dropped:
            with contextlib.suppress(OSError):
                (self.folder / str(item["file"])).unlink()
        return Backup(version, created, len(data), entries, self.folder / name)

    def _write_index(self, index: list[dict[str, object]]) -> None:
        payload = json.dumps({"keystore": str(self.keystore), "versions": index}, indent=1)
        atomic_write(self._index_path(), payload.encode("utf-8"))

    def get(self, version: int) -> Backup:
        for backup in self.versions():
            if backup.version == version:
                return backup
        raise UsageError(f"There is no backup version {version} of {self.keystore.name}.")

    def read(self, version: int) -> bytes:
        return read_file(self.get(version).path)[0]


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
    try:
        old, snap = read_file(path)
    except UnreadableFile:
        if path.exists():
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
    atomic_write(path, data)
    return FileSnapshot.of_bytes(data, os.stat(path))

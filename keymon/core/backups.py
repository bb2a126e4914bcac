"""Versioned backups of a keystore, kept in keymon's private data directory.

Each save copies the previous version into a folder of its own (0700; files
0600) with an ``index.json``. Versions that a killed writer left outside the
index are adopted (so they are listed and pruned like the others), and its temp
files are swept. A backup keeps the password it was saved with: after a
password change, :meth:`BackupStore.purge` is how the old versions go away.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from keymon.core import config
from keymon.core.atomic import TEMP_SUFFIX, atomic_write, sweep_stale_temps
from keymon.core.errors import UnreadableFile, UsageError
from keymon.core.snapshots import read_file

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: one keymon at a time is up to the user
    fcntl = None  # type: ignore[assignment]

DEFAULT_KEEP = 10
_VERSION_FILE = re.compile(r"v(\d{6,})(\.[^/]*)?")


@dataclass(frozen=True)
class Backup:
    version: int
    created: dt.datetime
    size: int
    entries: int | None
    path: Path


class BackupStore:
    """Versions of one keystore file (a symbolic link shares its target's backups)."""

    def __init__(self, keystore: Path, root: Path | None = None, keep: int = DEFAULT_KEEP) -> None:
        self.keystore = Path(os.path.realpath(keystore))
        digest = hashlib.sha256(str(self.keystore).encode()).hexdigest()[:16]
        self.root = root or config.backups_root()
        self._top = config.data_dir() if root is None else self.root
        self.folder = self.root / f"{self.keystore.name}-{digest}"
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

    def _catalogue(self) -> list[dict[str, object]]:
        """The index plus version files that are missing from it, oldest first."""
        index = self._read_index()
        listed = {str(i.get("file")) for i in index}
        for path in self._version_files():
            if path.name not in listed:
                with contextlib.suppress(OSError):
                    index.append(_orphan_item(path))
        return sorted(index, key=_version_of)

    def _version_files(self) -> list[Path]:
        try:
            names = os.listdir(self.folder)
        except OSError:
            return []
        return [self.folder / n for n in names if _VERSION_FILE.fullmatch(n)]

    def versions(self) -> list[Backup]:
        """Backups, newest first; entries whose file disappeared are skipped."""
        out = []
        for item in self._catalogue():
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
        config.ensure_private_dir(self.folder, top=self._top)
        with self._locked():
            sweep_stale_temps(self.folder)
            index = self._catalogue()
            version = max((_version_of(i) for i in index), default=0) + 1
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
            dropped, index = index[: -self.keep], index[-self.keep :]
            self._write_index(index)
            for item in dropped:
                with contextlib.suppress(OSError):
                    (self.folder / str(item["file"])).unlink()
        return Backup(version, created, len(data), entries, self.folder / name)

    def purge(self) -> int:
        """Delete every backup of this keystore (and its folder); returns how many there were."""
        if not self.folder.is_dir():
            return 0
        with self._locked():
            count = len(self.versions())
            doomed = [*self._version_files(), self._index_path()]
            doomed += self.folder.glob(f".*{TEMP_SUFFIX}")
            for path in doomed:
                try:
                    path.unlink()
                except FileNotFoundError:
                    continue
                except OSError as exc:
                    raise UnreadableFile(
                        f"keymon could not delete the backup {path} ({exc.strerror})."
                    ) from exc
        with contextlib.suppress(OSError):
            (self.folder / ".lock").unlink()
            self.folder.rmdir()
        return count

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """One keymon process at a time changes this folder."""
        if fcntl is None:  # pragma: no cover - Windows
            yield
            return
        fd = os.open(self.folder / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

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


def _version_of(item: dict[str, object]) -> int:
    try:
        return int(str(item.get("version", 0)))
    except ValueError:
        return 0


def _orphan_item(path: Path) -> dict[str, object]:
    """An index entry for a version file that a killed writer never added to the index."""
    st = path.stat()
    match = _VERSION_FILE.fullmatch(path.name)
    assert match is not None
    created = dt.datetime.fromtimestamp(int(st.st_mtime), dt.UTC)
    return {
        "version": int(match.group(1)),
        "file": path.name,
        "created": created.isoformat(),
        "size": st.st_size,
        "entries": None,
    }

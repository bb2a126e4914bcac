"""Atomic file writes that respect what the user's file is.

A write goes to a temporary file in the target's own folder, which gets the
old file's owner, group and mode (where permitted), is fsynced and renamed over
the target; then the folder is fsynced. A symbolic link is followed: its final
target is replaced and the link stays a link. A hard link cannot survive an
atomic replace; :func:`hard_link_note` says so before a save, and the save goes
on (a half-written file would be worse than a broken link).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from keymon.core.errors import UnreadableFile

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, age alone decides
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".keymon-tmp"
STALE_TEMP_SECONDS = 600


def resolve_target(path: Path) -> Path:
    """The file a write must replace: ``path``, or the end of its chain of symbolic links."""
    path = Path(path)
    if not path.is_symlink():
        return path
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        end = os.path.realpath(path)
        raise UnreadableFile(
            f"{path} is a symbolic link to {end}, which does not exist; "
            "keymon does not create files through a broken link."
        ) from None
    except OSError as exc:
        raise UnreadableFile(
            f"{path} is a symbolic link that cannot be followed ({exc.strerror})."
        ) from exc


def hard_link_note(path: Path) -> str | None:
    """A sentence for the user when saving ``path`` will detach it from its other hard links."""
    try:
        links = os.stat(resolve_target(path)).st_nlink
    except (OSError, UnreadableFile):
        return None
    if links < 2:
        return None
    others = "another name" if links == 2 else f"{links - 1} other names"
    return (
        f"{path} also has {others} (a hard link); saving writes a new file, "
        "so the other names keep the previous version."
    )


@contextlib.contextmanager
def atomic_open(path: Path, mode: int = 0o600, *, private: bool = False) -> Iterator[IO[bytes]]:
    """Write ``path`` atomically: yields a temp file; committed only if the block succeeds.

    An existing file keeps its owner, group and mode; a new one gets ``mode``.
    ``private`` (a file holding a private key) also removes group and other access.
    """
    target = resolve_target(path)
    folder = target.parent
    before = _stat(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise UnreadableFile(f"keymon cannot write in {folder} ({exc.strerror}).") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            if fcntl is not None:  # tells the sweep that this temp file is in use
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            yield fh
            fh.flush()
            _take_over(fh.fileno(), before, mode, private)
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(folder)
    sweep_stale_temps(folder)


def atomic_write(path: Path, data: bytes, mode: int = 0o600, *, private: bool = False) -> None:
    """:func:`atomic_open` for bytes; OS errors become UnreadableFile."""
    try:
        with atomic_open(path, mode, private=private) as fh:
            fh.write(data)
    except OSError as exc:
        raise UnreadableFile(f"keymon could not write {path} ({exc.strerror}).") from exc


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _take_over(fd: int, before: os.stat_result | None, mode: int, private: bool) -> None:
    """Give the temp file the old file's owner, group and mode (as far as permitted)."""
    if before is not None and hasattr(os, "fchown"):
        for uid, gid in ((before.st_uid, before.st_gid), (-1, before.st_gid)):
            try:
                os.fchown(fd, uid, gid)
                break
            except OSError:
                continue
    final = stat.S_IMODE(before.st_mode) if before is not None else mode
    final &= 0o700 if private else 0o777
    with contextlib.suppress(OSError):
        os.fchmod(fd, final)


def sweep_stale_temps(folder: Path) -> int:
    """Remove temp files that killed writers left in ``folder``; returns how many.

    A temp file is removed only when it is older than STALE_TEMP_SECONDS and no
    writer holds its lock, so a running writer's file is never touched.
    """
    cutoff = time.time() - STALE_TEMP_SECONDS
    removed = 0
    for tmp in Path(folder).glob(f".*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            st = tmp.lstat()
            if stat.S_ISREG(st.st_mode) and st.st_mtime < cutoff and _remove_unless_locked(tmp):
                removed += 1
    return removed


def _remove_unless_locked(tmp: Path) -> bool:
    if fcntl is None:
        tmp.unlink()
        return True
    fd = os.open(tmp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        tmp.unlink()
        return True
    finally:
        os.close(fd)


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

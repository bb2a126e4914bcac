"""Where keymon keeps its data: one directory, overridable for hermetic runs.

``KEYMON_HOME`` (or the command line's ``--home``) overrides the platform's
data directory. Importing this module has no side effects. Everything keymon
creates in it is private: folders 0700, files 0600.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

HOME_ENV = "KEYMON_HOME"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def data_dir() -> Path:
    """keymon's data directory (not created here)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir("keymon", appauthor=False))


def ensure_private_dir(path: Path, *, top: Path | None = None) -> Path:
    """Create ``path`` mode 0700 (missing parents too) and return it.

    Folders from ``top`` down to ``path`` that exist with group or other
    access and belong to this user are tightened to 0700 (older keymon
    versions created them 0755).
    """
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        folder.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)
    for folder in _chain(path, top):
        tighten(folder, PRIVATE_DIR_MODE)
    return path


def _chain(path: Path, top: Path | None) -> list[Path]:
    if top is None or not path.is_relative_to(top):
        return [path]
    folders = [path]
    while folders[-1] != top:
        folders.append(folders[-1].parent)
    return folders


def tighten(path: Path, mode: int) -> None:
    """Remove the permission bits beyond ``mode`` from a file or folder this user owns."""
    with contextlib.suppress(OSError):
        st = os.stat(path)
        if st.st_uid == os.geteuid() and stat.S_IMODE(st.st_mode) & ~mode:
            os.chmod(path, stat.S_IMODE(st.st_mode) & mode)


def ensure_data_dir() -> Path:
    """The data directory, created (or tightened) to 0700."""
    return ensure_private_dir(data_dir())


def backups_root() -> Path:
    return data_dir() / "backups"


def default_keystore_path() -> Path:
    return data_dir() / "default.p12"

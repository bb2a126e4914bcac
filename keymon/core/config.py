"""Where keymon keeps its data: one directory, overridable for hermetic runs.

``KEYMON_HOME`` (or the command line's ``--home``) overrides the platform's
data directory. Importing this module has no side effects.
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "KEYMON_HOME"


def data_dir() -> Path:
    """keymon's data directory (not created here)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir("keymon", appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (mode 0700) if missing and return it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def backups_root() -> Path:
    return data_dir() / "backups"


def default_keystore_path() -> Path:
    return data_dir() / "default.p12"

"""Persistent preferences in keymon's data directory (never a password).

``keymon.ini`` is private (0600): it is created so before QSettings first
writes it, and QSettings keeps the mode of an existing file when it saves.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from keymon.core import config
from keymon.core.expiry import DEFAULT_WARNING_DAYS
from keymon.core.formats.protection import Pkcs12Protection

MAX_RECENT = 10
DEFAULT_KEY = "rsa:3072"
DEFAULT_VALIDITY_DAYS = 730
THEMES = ("system", "light", "dark")


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


class Settings:
    def __init__(self, config_dir: Path | None = None) -> None:
        folder = config_dir or config.data_dir()
        config.ensure_private_dir(folder)
        self.path = folder / "keymon.ini"
        _create_private(self.path)
        self.q = QSettings(str(self.path), QSettings.Format.IniFormat)

    @property
    def warning_days(self) -> float:
        try:
            return float(str(self.q.value("expiry/warning_days", DEFAULT_WARNING_DAYS)))
        except ValueError:
            return float(DEFAULT_WARNING_DAYS)

    @warning_days.setter
    def warning_days(self, days: float) -> None:
        self.q.setValue("expiry/warning_days", float(days))

    @property
    def default_key(self) -> str:
        """The key the Generate Key Pair wizard starts with: "rsa:3072", "ec:P-256", "ed25519"."""
        return str(self.q.value("keys/default_key", DEFAULT_KEY))

    @default_key.setter
    def default_key(self, value: str) -> None:
        self.q.setValue("keys/default_key", value)

    @property
    def default_validity_days(self) -> int:
        try:
            days = int(str(self.q.value("keys/validity_days", DEFAULT_VALIDITY_DAYS)))
        except ValueError:
            return DEFAULT_VALIDITY_DAYS
        return days if days > 0 else DEFAULT_VALIDITY_DAYS

    @default_validity_days.setter
    def default_validity_days(self, days: int) -> None:
        self.q.setValue("keys/validity_days", int(days))

    @property
    def pkcs12_protection(self) -> Pkcs12Protection:
        """How PKCS#12 files are written (legacy: 3DES and a SHA-1 MAC, for old importers)."""
        return Pkcs12Protection.legacy_if(_bool(self.q.value("pkcs12/legacy"), False))

    @pkcs12_protection.setter
    def pkcs12_protection(self, protection: Pkcs12Protection) -> None:
        self.q.setValue("pkcs12/legacy", protection is Pkcs12Protection.LEGACY_3DES)

    @property
    def theme(self) -> str:
        value = str(self.q.value("ui/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self.q.setValue("ui/theme", value if value in THEMES else "system")

    @property
    def language(self) -> str:
        """ "system" or a language code ("en", "de"); applies when keymon starts."""
        return str(self.q.value("ui/language", "system"))

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue("ui/language", value)

    @property
    def tray_enabled(self) -> bool:
        return _bool(self.q.value("tray/enabled"), True)

    @tray_enabled.setter
    def tray_enabled(self, on: bool) -> None:
        self.q.setValue("tray/enabled", bool(on))

    @property
    def recent_files(self) -> list[str]:
        value = self.q.value("files/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        return [str(v) for v in items if v][:MAX_RECENT]

    def add_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        items = [text, *(r for r in self.recent_files if r != text)][:MAX_RECENT]
        self.q.setValue("files/recent", items)

    def bytes_value(self, key: str) -> QByteArray | None:
        value = self.q.value(key)
        return value if isinstance(value, QByteArray) else None

    def set_value(self, key: str, value: object) -> None:
        self.q.setValue(key, value)

    def sync(self) -> None:
        self.q.sync()
        config.tighten(self.path, config.PRIVATE_FILE_MODE)


def _create_private(path: Path) -> None:
    """Create ``path`` empty with mode 0600, or tighten it to 0600 if it exists."""
    with contextlib.suppress(OSError):  # exists already, or the folder is read-only
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, config.PRIVATE_FILE_MODE))
    config.tighten(path, config.PRIVATE_FILE_MODE)

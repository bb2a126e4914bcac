"""Persistent preferences in keymon's data directory (never a password)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from keymon.core import config
from keymon.core.expiry import DEFAULT_WARNING_DAYS

MAX_RECENT = 10


class Settings:
    def __init__(self, config_dir: Path | None = None) -> None:
        folder = config_dir or config.data_dir()
        config.ensure_private_dir(folder)
        self.path = folder / "keymon.ini"
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

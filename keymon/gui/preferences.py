"""The user's preferences as one value: what Edit › Settings shows and changes.

Read from and written to :class:`~keymon.gui.settings.Settings`; never a password.
"""

from __future__ import annotations

from dataclasses import dataclass

from keymon.core.formats.protection import Pkcs12Protection
from keymon.gui.settings import Settings


@dataclass(frozen=True)
class Preferences:
    warning_days: int
    default_key: str
    validity_days: int
    pkcs12_protection: Pkcs12Protection
    theme: str
    language: str
    tray: bool

    @classmethod
    def read(cls, settings: Settings) -> Preferences:
        return cls(
            warning_days=max(1, round(settings.warning_days)),
            default_key=settings.default_key,
            validity_days=settings.default_validity_days,
            pkcs12_protection=settings.pkcs12_protection,
            theme=settings.theme,
            language=settings.language,
            tray=settings.tray_enabled,
        )

    def write(self, settings: Settings) -> None:
        settings.warning_days = self.warning_days
        settings.default_key = self.default_key
        settings.default_validity_days = self.validity_days
        settings.pkcs12_protection = self.pkcs12_protection
        settings.theme = self.theme
        settings.language = self.language
        settings.tray_enabled = self.tray
        settings.sync()

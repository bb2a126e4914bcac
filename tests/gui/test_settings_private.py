"""keymon.ini is private: 0600 from its first byte on, also after QSettings rewrites it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from keymon.gui.settings import Settings


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_settings_file_and_folder_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "home"
    settings = Settings(folder)
    assert mode(folder) == 0o700 and mode(settings.path) == 0o600  # before the first sync
    settings.add_recent(tmp_path / "a.p12")
    settings.sync()
    settings.theme = "dark"
    settings.sync()  # QSettings writes a new file and renames it over the old one
    assert mode(settings.path) == 0o600
    assert Settings(folder).theme == "dark"


def test_a_world_readable_ini_of_an_older_version_is_tightened(tmp_path: Path) -> None:
    ini = tmp_path / "keymon.ini"
    ini.write_text("[ui]\ntheme=light\n")
    ini.chmod(0o644)
    tmp_path.chmod(0o755)
    settings = Settings(tmp_path)
    assert mode(ini) == 0o600 and mode(tmp_path) == 0o700
    assert settings.theme == "light"

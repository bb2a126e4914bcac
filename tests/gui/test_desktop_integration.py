"""Desktop integration: bundled icons, the desktop entry, the AppStream metainfo, About."""

from __future__ import annotations

import configparser
import platform
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import cryptography
import PySide6
import pytest
from cryptography.hazmat.backends.openssl.backend import backend as openssl_backend
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from keymon import APP_ID, __version__
from keymon.gui import icons
from keymon.gui.actions import ACTIONS, build_actions
from keymon.gui.app import _application
from keymon.gui.dialogs.about_dialog import AboutDialog, version_info
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.settings import Settings
from tests.gui.scripted_prompts import ScriptedPrompts

MIME_TYPES = {
    "application/x-pkcs12",
    "application/x-java-keystore",
    "application/pkix-cert",
    "application/x-x509-ca-cert",
    "application/x-pem-file",
}
ACTION_ICONS = {
    "preferences-system",
    "keymon-keystore-new",  # File › New Keystore… (no theme has a keystore icon)
    "document-open",
    "list-add",
    "document-save",
    "document-export",
    "edit-rename",
    "edit-delete",
    "edit-copy",
    "view-refresh",
    "document-revert",
    "dialog-password",
    "edit-find",
    "application-exit",
    "document-new",
    "network-transmit-receive",
    "help-about",
}
SVG = "{http://www.w3.org/2000/svg}svg"


def package_file(*parts: str) -> Path:
    node = resources.files("keymon.resources").joinpath(*parts)
    assert node.is_file(), f"{'/'.join(parts)} is missing from keymon.resources"
    return Path(str(node))


def desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(package_file(f"{APP_ID}.desktop").read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def metainfo() -> ET.Element:
    text = package_file(f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    return ET.fromstring(text)  # noqa: S314  # our own file, not untrusted input


def _list(value: str) -> list[str]:
    assert value.endswith(";"), f"{value!r}: desktop-entry lists end with ';'"
    return value.removesuffix(";").split(";")


# -- desktop entry ----------------------------------------------------------------
def test_desktop_entry_has_the_required_keys() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "keymon"
    assert entry["GenericName"] == "Keystore Monitor"
    assert entry["Exec"] == "keymon %f"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "keymon"  # QApplication.applicationName → WM_CLASS
    assert _list(entry["Categories"]) == ["Utility", "Security", "Qt"]
    assert set(_list(entry["MimeType"])) == MIME_TYPES
    assert {"keystore", "certificate", "PKCS12", "JKS"} <= set(_list(entry["Keywords"]))
    assert entry["Comment"]


def test_desktop_entry_icon_is_bundled() -> None:
    icon_name = desktop_entry()["Icon"]
    svg = ET.parse(package_file("icons", f"{icon_name}.svg")).getroot()  # noqa: S314
    assert svg.tag == SVG


def test_desktop_entry_passes_desktop_file_validate() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate not installed (apt package desktop-file-utils)")
    done = subprocess.run(
        [tool, str(package_file(f"{APP_ID}.desktop"))], capture_output=True, text=True
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert done.returncode == 0 and not errors, done.stdout + done.stderr


# -- AppStream metainfo -----------------------------------------------------------
def test_metainfo_has_the_required_elements() -> None:
    root = metainfo()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "Apache-2.0"
    assert root.findtext("name") == desktop_entry()["Name"]
    assert root.findtext("summary")
    assert root.findall("description/p")
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == f"{APP_ID}.desktop"
    assert [b.text for b in root.findall("provides/binary")] == ["keymon"]
    versions = [r.get("version") for r in root.findall("releases/release")]
    assert __version__ in versions
    for release in root.findall("releases/release"):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", release.get("date") or "")
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type", "").startswith("oars-")


def test_metainfo_passes_appstreamcli_validate() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli not installed (apt package appstream)")
    done = subprocess.run(
        [tool, "validate", "--no-net", str(package_file(f"{APP_ID}.metainfo.xml"))],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_package_data_files_carry_the_app_id() -> None:
    names = {node.name for node in resources.files("keymon.resources").iterdir()}
    assert {f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml"} <= names
    assert APP_ID in icons.bundled_names()


# -- icons ------------------------------------------------------------------------
def test_every_action_icon_is_bundled_as_a_24px_svg() -> None:
    used = {spec.icon for spec in ACTIONS if spec.icon}
    assert used <= ACTION_ICONS
    assert set(icons.bundled_names()) == ACTION_ICONS | {APP_ID}
    for name in ACTION_ICONS:
        root = ET.parse(package_file("icons", f"{name}.svg")).getroot()  # noqa: S314
        assert root.tag == SVG
        assert root.get("viewBox") == "0 0 24 24", name
        assert root.get("stroke") == icons.STROKE, name


def test_icon_falls_back_to_the_bundled_svg_and_is_cached(qapp: QApplication) -> None:
    if QIcon.hasThemeIcon("list-add"):
        pytest.skip("the desktop theme has list-add: the bundled fallback is not used")
    first = icons.icon("list-add")
    assert not first.isNull()
    assert first.pixmap(16, 16).size().width() == 16
    assert icons.icon("list-add").cacheKey() == first.cacheKey()
    assert icons.icon("no-such-icon-anywhere").isNull()


def test_dark_variant_uses_a_light_stroke(qapp: QApplication) -> None:
    light = icons.bundled_icon("list-add").pixmap(24, 24).toImage()
    dark = icons.bundled_icon("list-add", dark=True).pixmap(24, 24).toImage()
    # the centre of the plus sign is stroke colour in both
    assert light.pixelColor(12, 12).lightness() < 110
    assert dark.pixelColor(12, 12).lightness() > 180


def test_app_icon_renders_small_and_large(qapp: QApplication) -> None:
    icon = icons.app_icon()
    assert not icon.isNull()
    for size in (16, 256):
        image = icon.pixmap(size, size).toImage()
        assert image.width() == size
        assert image.pixelColor(size // 2, size // 4).alpha() == 255  # drawn, not empty


def test_build_actions_gives_every_declared_icon(qtbot: QtBot) -> None:
    widget = QLabel()
    qtbot.addWidget(widget)
    actions = build_actions(widget)
    for spec in ACTIONS:
        if spec.icon:
            assert not actions[spec.name].icon().isNull(), spec.name
    assert not actions["actionConnectivityTest"].icon().isNull()


def test_application_identity_follows_the_app_id(qapp: QApplication) -> None:
    app = _application()
    assert QGuiApplication.desktopFileName() == APP_ID
    assert QCoreApplication.organizationDomain() == "keymon.github.io"
    assert QCoreApplication.applicationName() == desktop_entry()["StartupWMClass"]
    assert QCoreApplication.applicationVersion() == __version__
    assert not app.windowIcon().isNull()


# -- About -----------------------------------------------------------------------
def test_version_info_names_every_component() -> None:
    info = version_info()
    assert info.keymon == __version__
    assert info.qt == qVersion()
    assert info.pyside6 == PySide6.__version__
    assert info.cryptography == cryptography.__version__
    assert info.openssl == openssl_backend.openssl_version_text()
    assert info.python.startswith(platform.python_version())
    text = info.as_text()
    for name, value in info.rows():
        assert f"{name}: {value}\n" in text


def test_about_dialog_shows_versions_and_copies_them(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "aboutDialog"
    icon_label = dialog.findChild(QLabel, "aboutIcon")
    assert icon_label is not None and not icon_label.pixmap().isNull()
    shown = {label.text() for label in dialog.findChildren(QLabel)}
    for _name, value in dialog.info.rows():
        assert value in shown
    assert qVersion() in shown and openssl_backend.openssl_version_text() in shown
    description = dialog.findChild(QLabel, "aboutDescription")
    assert description is not None and "keystore" in description.text()
    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.info.as_text()


@pytest.fixture
def bare_window(qtbot: QtBot, keymon_home: Path) -> Iterator[KeymonMainWindow]:
    window = KeymonMainWindow(Settings(keymon_home), prompts=ScriptedPrompts())
    qtbot.addWidget(window)
    yield window
    window.close()


def test_help_menu_about_opens_the_about_dialog(bare_window: KeymonMainWindow) -> None:
    menus = [m for m in bare_window.menuBar().findChildren(QMenu) if m.objectName() == "helpMenu"]
    assert len(menus) == 1
    action = bare_window.about_action
    assert action.objectName() == "actionAbout"
    assert action in menus[0].actions()
    assert not action.icon().isNull()
    shown: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        shown.append(dialog)
        return int(QDialog.DialogCode.Rejected)

    bare_window.run_dialog = run  # type: ignore[attr-defined]
    action.trigger()
    assert len(shown) == 1 and isinstance(shown[0], AboutDialog)
    assert shown[0].objectName() == "aboutDialog"


def test_toolbar_actions_show_icons(bare_window: KeymonMainWindow) -> None:
    toolbar = bare_window.findChild(QToolBar, "mainToolbar")
    assert toolbar is not None
    actions = [a for a in toolbar.actions() if not a.isSeparator()]
    assert actions and all(not a.icon().isNull() for a in actions)

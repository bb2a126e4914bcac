"""Switching between light and dark redraws what was drawn for the other palette.

Issue 12 item 6: after light → dark the Monitoring rows kept their light colours, the
toolbar icons stayed dark grey on a dark toolbar (enabled looking disabled) and check
boxes lost their outline. Runs on offscreen and, in `make test`, on xcb.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox
from pytestqt.qtbot import QtBot

from keymon.core.entries import CertificateEntry, CertInfo
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.gui.actions import ActionId
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.theme import apply_theme
from tests import factory
from tests.gui.helpers import PW

pytestmark = pytest.mark.platform


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A valid key pair and an expired partner certificate (a coloured row)."""
    path = tmp_path / "tenant.p12"
    old = factory.make_cert(
        factory.ec_key(6), "Old Partner", not_before=factory.NOW - dt.timedelta(days=400)
    )
    entries = [
        factory.key_pair_entry("tenant", "Tenant Client"),
        CertificateEntry("old-partner", CertInfo.from_cert(old)),
    ]
    Keystore(entries, password=PW).save_as(path, Format.PKCS12, PW)
    return path


@pytest.fixture
def app() -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "light")
    yield app
    apply_theme(app, "system")


def _lightness(colour: object) -> int:
    assert isinstance(colour, QColor), colour
    return colour.lightness()


def _stroke_lightness(window: KeymonMainWindow, action: ActionId) -> int:
    """The lightness of the icon's strokes (its brightest opaque pixel)."""
    image = window.actions_by_name[action].icon().pixmap(22, 22).toImage()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    strokes = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert strokes, "the icon draws nothing"
    return max(c.lightness() for c in strokes)


def test_monitoring_rows_follow_a_switch_to_dark(
    window: KeymonMainWindow, qtbot: QtBot, app: QApplication
) -> None:
    model = window.monitoring_view.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    background = Qt.ItemDataRole.BackgroundRole
    light = [model.index(r, 1).data(background) for r in range(model.rowCount())]
    assert all(c is None or _lightness(c) > 128 for c in light)
    apply_theme(app, "dark")  # widgets hear of it through the event loop

    def dark_rows() -> bool:
        dark = [model.index(r, 1).data(background) for r in range(model.rowCount())]
        return any(c is not None for c in dark) and all(
            c is None or _lightness(c) < 128 for c in dark
        )

    qtbot.waitUntil(dark_rows)


def test_toolbar_icons_are_redrawn_light_on_dark(
    window: KeymonMainWindow, qtbot: QtBot, app: QApplication
) -> None:
    qtbot.waitUntil(lambda: _stroke_lightness(window, ActionId.OPEN) < 120)  # dark on light
    apply_theme(app, "dark")
    qtbot.waitUntil(lambda: _stroke_lightness(window, ActionId.OPEN) > 160)  # light on dark
    apply_theme(app, "light")
    qtbot.waitUntil(lambda: _stroke_lightness(window, ActionId.OPEN) < 120)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_check_boxes_keep_their_outline(qtbot: QtBot, app: QApplication, theme: str) -> None:
    apply_theme(app, theme)
    box = QCheckBox("Show a tray icon")
    qtbot.addWidget(box)
    qtbot.waitUntil(lambda: box.palette().base().color() == app.palette().base().color())
    box.resize(box.sizeHint())
    image = box.grab().toImage()
    base = app.palette().base().color().lightness()
    # the unchecked indicator sits at the left: only its outline differs from the field
    height = image.height()
    column = [image.pixelColor(x, y).lightness() for x in range(height) for y in range(height)]
    assert max(abs(v - base) for v in column) >= 40, (theme, base, sorted(set(column)))

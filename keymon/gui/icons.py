"""Icons: the desktop theme's first, keymon's bundled SVGs as the fallback.

Bundled files live in the ``keymon.resources`` package (``icons/<name>.svg``) and
are read only through :func:`importlib.resources.files`, so they work from a
wheel, a zip or a frozen build alike. The action icons are drawn in one neutral
grey (``#4d4d4d``); on a dark palette that grey is swapped for a light one so
the icons stay readable. The application icon is named after ``keymon.APP_ID``,
like the desktop entry and the metainfo.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap

from keymon import APP_ID

PACKAGE = "keymon.resources"
STROKE = "#4d4d4d"  # the bundled action icons' only colour
STROKE_ON_DARK = "#d6d6d6"
SIZES = (16, 22, 24, 32, 48, 64, 96, 128, 256)
#: What menus and toolbars draw (2x included); the large sizes are most of the drawing.
ACTION_SIZES = (16, 22, 24, 32, 48)
_cache: dict[tuple[str, bool], QIcon] = {}


def resource(*parts: str) -> Traversable:
    """A file of keymon's package data, e.g. ``resource("icons", "list-add.svg")``."""
    node = resources.files(PACKAGE)
    for part in parts:
        node = node.joinpath(part)
    return node


def bundled_names() -> list[str]:
    """Names of the bundled icons (without ``.svg``), sorted."""
    return sorted(
        entry.name.removesuffix(".svg")
        for entry in resource("icons").iterdir()
        if entry.name.endswith(".svg")
    )


def _dark_palette() -> bool:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return QGuiApplication.palette().window().color().lightness() < 128


@cache
def _lazy_svg_icons() -> bool:
    """Whether Qt draws an SVG file icon itself (its SVG icon engine is installed)."""
    probe = resource("icons", f"{APP_ID}.svg")
    return isinstance(probe, Path) and not QIcon(str(probe)).pixmap(16, 16).isNull()


def bundled_icon(name: str, dark: bool = False) -> QIcon:
    """The bundled SVG ``name`` (light grey strokes if ``dark``); null if keymon has none."""
    node = resource("icons", f"{name}.svg")
    if not node.is_file():
        return QIcon()
    if not dark and isinstance(node, Path) and _lazy_svg_icons():
        # Qt's SVG icon engine draws each size when it is first shown: a start no longer
        # draws every icon in every size (the app icon up to 256 px) before the window
        return QIcon(str(node))
    from PySide6.QtSvg import QSvgRenderer

    svg = node.read_text(encoding="utf-8")
    if dark:
        svg = svg.replace(STROKE, STROKE_ON_DARK)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for size in SIZES if name == APP_ID else ACTION_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


def icon(name: str) -> QIcon:
    """The theme's icon ``name`` when the desktop theme has one, else keymon's own (cached)."""
    dark = _dark_palette()
    cached = _cache.get((name, dark))
    if cached is None:
        cached = QIcon.fromTheme(name) if QIcon.hasThemeIcon(name) else bundled_icon(name, dark)
        _cache[(name, dark)] = cached
    return cached


def app_icon() -> QIcon:
    """keymon's application icon (theme icon ``APP_ID`` if installed, else the bundled one)."""
    return icon(APP_ID)

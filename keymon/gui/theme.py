"""The colour theme: follow the desktop, or a light or dark palette of keymon's own.

Light and dark use Qt's Fusion style with a complete palette, so they look the
same on every desktop; the desktop is also told the preferred colour scheme
(``QStyleHints.setColorScheme``) for what it draws itself, like title bars.
Everything that derives colours from the palette (status rows, icons, the chain
viewer) follows on ``ApplicationPaletteChange``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# (window, base, alternate base, text, button, highlight, link, disabled text)
_COLOURS = {
    "light": (
        "#efefef",
        "#ffffff",
        "#f5f5f5",
        "#1e1e1e",
        "#e6e6e6",
        "#2a6fdb",
        "#1a5fc8",
        "#8c8c8c",
    ),
    "dark": (
        "#2b2b2b",
        "#1f1f1f",
        "#262626",
        "#e8e8e8",
        "#353535",
        "#3d7ce0",
        "#7fb2ff",
        "#7a7a7a",
    ),
}

_system_style: str | None = None
_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
)
#: What Fusion darkens (x1.4) for the outline of check boxes and radio buttons on a dark palette.
_OUTLINE_SOURCE_ON_DARK = QColor("#9a9a9a")


class FusionStyle(QProxyStyle):
    """Fusion, with check box and radio button outlines that show on a dark palette.

    Fusion draws them in the window colour darkened, which on a dark palette is the
    colour of the field itself: the box vanished and only a tick was left.
    """

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element in _INDICATORS and option.palette.base().color().lightness() < 128:
            palette = QPalette(option.palette)
            palette.setColor(Role.Window, _OUTLINE_SOURCE_ON_DARK)
            saved, option.palette = option.palette, palette
            super().drawPrimitive(element, option, painter, widget)
            option.palette = saved
            return
        super().drawPrimitive(element, option, painter, widget)


def palette_for(theme: str) -> QPalette:
    """keymon's complete light or dark palette."""
    window, base, alternate, text, button, highlight, link, disabled = (
        QColor(c) for c in _COLOURS[theme]
    )
    p = QPalette()
    for role, colour in (
        (Role.Window, window),
        (Role.WindowText, text),
        (Role.Base, base),
        (Role.AlternateBase, alternate),
        (Role.Text, text),
        (Role.Button, button),
        (Role.ButtonText, text),
        (Role.ToolTipBase, base),
        (Role.ToolTipText, text),
        (Role.PlaceholderText, disabled),
        (Role.Highlight, highlight),
        (Role.HighlightedText, QColor("#ffffff")),
        (Role.Link, link),
        (Role.BrightText, QColor("#ff5555")),
        (Role.Light, button.lighter(130)),
        (Role.Midlight, button.lighter(115)),
        (Role.Mid, button.darker(130)),
        (Role.Dark, button.darker(160)),
        (Role.Shadow, QColor("#000000")),
    ):
        p.setColor(role, colour)
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        p.setColor(Group.Disabled, role, disabled)
    p.setColor(Group.Disabled, Role.Highlight, button.darker(120))
    return p


def apply_theme(app: QApplication, theme: str) -> str:
    """Switch ``app`` to ``theme`` ("system", "light" or "dark"); returns the one applied."""
    global _system_style
    style = app.style()
    if _system_style is None and style is not None:
        _system_style = style.name()
    hints = QGuiApplication.styleHints()
    if theme in _COLOURS:
        hints.setColorScheme(Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light)
        if not isinstance(style, FusionStyle):
            app.setStyle(FusionStyle())
        app.setPalette(palette_for(theme))
        return theme
    hints.unsetColorScheme()
    if _system_style and style is not None and style.name() != _system_style:
        app.setStyle(QStyleFactory.create(_system_style))
    current = app.style()
    app.setPalette(current.standardPalette() if current is not None else QPalette())
    return "system"

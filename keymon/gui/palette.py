"""Expiry colours and icons derived from the current QPalette.

Row backgrounds are the palette's Base blended with a status hue, the text
stays the palette's own Text colour, and the blend is weakened until the pair
keeps a WCAG contrast ratio of at least :data:`MIN_CONTRAST` — so a dark theme
gets a dark red row with light text instead of pink with white text (XCA issue
440). Icons are painted with QPainter; nothing is read from image files.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap

from keymon.core.expiry import Status

MIN_CONTRAST = 4.5  # WCAG AA for normal text

#: The hue each status leans towards (None: the row keeps the palette's colours).
STATUS_HUES: dict[Status, QColor] = {
    Status.EXPIRED: QColor(0xD3, 0x2F, 0x2F),
    Status.EXPIRING: QColor(0xF0, 0xA0, 0x00),
    Status.VALID: QColor(0x2E, 0x9D, 0x3A),
    Status.NOT_YET_VALID: QColor(0x1E, 0x88, 0xE5),
}

#: How strongly a row's background leans towards its hue (0 = Base, 1 = the hue).
ROW_TINT: dict[Status, float] = {
    Status.EXPIRED: 0.32,
    Status.EXPIRING: 0.30,
    Status.NOT_YET_VALID: 0.18,
}

ICON_SIZES = (16, 24, 32, 48)


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a share ``t`` of the way towards ``b`` (opaque)."""
    t = min(max(t, 0.0), 1.0)
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        1.0,
    )


def _linear(channel: float) -> float:
    if channel <= 0.04045:
        return channel / 12.92
    return float(((channel + 0.055) / 1.055) ** 2.4)


def relative_luminance(color: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0 = black, 1 = white)."""
    return (
        0.2126 * _linear(color.redF())
        + 0.7152 * _linear(color.greenF())
        + 0.0722 * _linear(color.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, from 1 (same) to 21 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def _best_text(palette: QPalette, background: QColor) -> QColor:
    """The palette's own text colour with the most contrast on ``background``."""
    roles = (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.HighlightedText,
        QPalette.ColorRole.BrightText,
        QPalette.ColorRole.Base,
    )
    candidates = [palette.color(QPalette.ColorGroup.Active, role) for role in roles]
    return max(candidates, key=lambda c: contrast_ratio(c, background))


class StatusPalette:
    """Colours and icons for expiry statuses, computed from one QPalette and cached.

    Create it in the GUI thread (icons are QPixmaps); make a new one when the
    application palette changes (``QEvent.ApplicationPaletteChange``).
    """

    def __init__(self, palette: QPalette) -> None:
        self.palette = QPalette(palette)
        base = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        self._background: dict[Status, QColor] = {}
        self._foreground: dict[Status, QColor] = {}
        for status, tint in ROW_TINT.items():
            bg = _tinted(base, text, STATUS_HUES[status], tint)
            fg = text if contrast_ratio(text, bg) >= MIN_CONTRAST else _best_text(palette, bg)
            self._background[status], self._foreground[status] = bg, fg
        self._icons: dict[Status, QIcon] = {}
        self._glyph_on = (base, text)

    def background(self, status: Status) -> QColor | None:
        """Row background for ``status``; None keeps the view's own (alternating) colours."""
        return self._background.get(status)

    def foreground(self, status: Status) -> QColor | None:
        """Row text colour for ``status``; None keeps the palette's Text."""
        return self._foreground.get(status)

    def hue(self, status: Status) -> QColor | None:
        return STATUS_HUES.get(status)

    def icon(self, status: Status) -> QIcon | None:
        """A round status badge; None for entries that cannot expire."""
        if status not in STATUS_HUES:
            return None
        icon = self._icons.get(status)
        if icon is None:
            hue = STATUS_HUES[status]
            glyph = max(self._glyph_on, key=lambda c: contrast_ratio(c, hue))
            icon = QIcon()
            for size in ICON_SIZES:
                icon.addPixmap(paint_status_pixmap(status, size, hue, glyph))
            self._icons[status] = icon
        return icon


def _tinted(base: QColor, text: QColor, hue: QColor, tint: float) -> QColor:
    """Base leaning towards ``hue`` as far as ``tint`` while Text stays readable on it."""
    t = tint
    while t > 0.04:
        bg = blend(base, hue, t)
        if contrast_ratio(text, bg) >= MIN_CONTRAST:
            return bg
        t -= 0.04
    return blend(base, hue, 0.04)


def paint_status_pixmap(status: Status, size: int, hue: QColor, glyph: QColor) -> QPixmap:
    """A ``size``×``size`` badge: a filled circle in ``hue`` with a glyph for ``status``."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        margin = size / 16
        circle = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
        painter.setPen(QPen(hue.darker(140), max(1.0, size / 24)))
        painter.setBrush(hue)
        painter.drawEllipse(circle)
        pen = QPen(glyph, max(1.5, size / 8))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        _draw_glyph(painter, status, size)
    finally:
        painter.end()
    return pixmap


def _draw_glyph(painter: QPainter, status: Status, size: int) -> None:
    def p(x: float, y: float) -> QPointF:
        return QPointF(x * size, y * size)

    if status is Status.VALID:  # a check mark
        painter.drawPolyline([p(0.30, 0.52), p(0.44, 0.66), p(0.70, 0.36)])
    elif status is Status.EXPIRED:  # a cross
        painter.drawLine(p(0.34, 0.34), p(0.66, 0.66))
        painter.drawLine(p(0.66, 0.34), p(0.34, 0.66))
    elif status is Status.EXPIRING:  # an exclamation mark
        painter.drawLine(p(0.5, 0.27), p(0.5, 0.56))
        painter.drawPoint(p(0.5, 0.72))
    elif status is Status.NOT_YET_VALID:  # clock hands
        painter.drawLine(p(0.5, 0.5), p(0.5, 0.28))
        painter.drawLine(p(0.5, 0.5), p(0.68, 0.6))

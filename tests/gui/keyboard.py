"""Keyboard checks shared by the GUI tests: Tab order reads like text, every stop has a name."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget, QWizardPage


def _title(page: QWidget) -> str:
    if isinstance(page, QWizardPage):
        return page.title()
    return page.windowTitle() or page.objectName() or type(page).__name__


def focus_walk(page: QWidget) -> list[QWidget]:
    """The widgets of ``page`` that Tab visits, in order."""
    out, widget = [], page.nextInFocusChain()
    while widget is not page:
        if (
            page.isAncestorOf(widget)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(page)
            and widget.focusProxy() is None
        ):
            out.append(widget)
        widget = widget.nextInFocusChain()
    return out


def check_tab_order(page: QWidget) -> None:
    """Tab reads the page like text (down, or right on the same row); every stop has a name."""
    widgets = focus_walk(page)
    assert widgets, _title(page)
    spots = [(w, w.mapTo(page, w.rect().topLeft())) for w in widgets]
    for (a, pa), (b, pb) in itertools.pairwise(spots):
        same_row = abs(pa.y() - pb.y()) <= 4
        assert pb.y() > pa.y() + 4 or (same_row and pb.x() > pa.x()), (
            f"{_title(page)}: Tab goes from {a.objectName()} to {b.objectName()}"
        )
    for w in widgets:
        named = w.accessibleName() or (isinstance(w, QAbstractButton) and w.text())
        assert named, f"{_title(page)}: {type(w).__name__} {w.objectName()} has no name"

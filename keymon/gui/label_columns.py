"""One label column for a dialog made of several forms (one per group box).

Each QFormLayout sizes its label column to its own widest label, so a dialog with
three groups had three field columns starting at three places. :func:`share_label_width`
gives every label of the given forms the width of the widest one; forms placed at the
same x (group boxes in one column) then start their fields at the same x.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget


def form_labels(form: QFormLayout) -> list[QWidget]:
    """The label widgets of ``form``'s rows (rows without a label are left out)."""
    labels = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if widget is not None:
            labels.append(widget)
    return labels


def share_label_width(*forms: QFormLayout) -> int:
    """Give every label of ``forms`` the widest label's width; returns that width."""
    labels = [label for form in forms for label in form_labels(form)]
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)
    return width

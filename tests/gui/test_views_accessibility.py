"""Accessible names of the views' main widgets, the connectivity panel's Tab order,
and the translatable texts the panel adds to core's (English) probe results."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from keymon.core.expiry import Status
from keymon.core.net.result import ProbeError, ProbeErrorKind, ProbeResult, Step, StepName
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.models.columns import COLUMNS, STATUS_LABELS, TYPE_NAMES, time_left
from keymon.gui.models.entries_model import EntriesModel
from keymon.gui.views.chain_viewer import ChainViewer
from keymon.gui.views.connectivity_panel import (
    ERROR_HEADLINES,
    STEP_NAMES,
    ConnectivityPanel,
    error_headline,
)
from keymon.gui.views.entry_details import EntryDetails
from tests import factory
from tests.gui.keyboard import check_tab_order

HORIZONTAL = Qt.Orientation.Horizontal


def _panel(qtbot: QtBot, window: KeymonMainWindow) -> ConnectivityPanel:
    """A panel of its own, shown as a top-level window (the window's is in a hidden dock)."""
    panel = ConnectivityPanel(window.context, window.net_actions)
    qtbot.addWidget(panel)
    panel.resize(640, 900)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _named(widget: QWidget) -> bool:
    return bool(widget.accessibleName().strip())


def test_chain_tree_has_a_name_and_a_description(qtbot: QtBot) -> None:
    viewer = ChainViewer()
    qtbot.addWidget(viewer)
    tree = viewer.findChild(QWidget, "chainTree")
    assert tree is viewer.tree and _named(tree)
    assert tree.accessibleDescription()


def test_details_trees_have_names_and_descriptions(qtbot: QtBot) -> None:
    details = EntryDetails()
    qtbot.addWidget(details)
    for tree in (details.tabs.general, details.tabs.extensions):
        assert _named(tree) and tree.accessibleDescription(), tree.objectName()
    assert _named(details.tabs)


def test_monitoring_table_has_a_name_and_a_description(window: KeymonMainWindow) -> None:
    view = window.monitoring_view
    assert view.table.objectName() == "monitoringTable"
    assert _named(view.table) and view.table.accessibleDescription()
    model = view.model
    role = Qt.ItemDataRole.AccessibleTextRole
    names = [model.headerData(c, HORIZONTAL, role) for c in range(model.columnCount())]
    assert all(names), names  # the untitled status column too
    assert model.headerData(1, HORIZONTAL) == "Expires"


def test_connectivity_inputs_have_names(qtbot: QtBot, window: KeymonMainWindow) -> None:
    panel = _panel(qtbot, window)
    for name in ("hostEdit", "portSpin", "clientAliasCombo", "sniEdit", "timeoutSpin"):
        widget = panel.findChild(QWidget, name)
        assert widget is not None and _named(widget), name
    for name in ("proxyEdit", "httpPathEdit", "stepList"):
        widget = panel.findChild(QWidget, name)
        assert widget is not None and _named(widget), name


def test_connectivity_panel_tab_order_reads_like_text(
    qtbot: QtBot, window: KeymonMainWindow
) -> None:
    panel = _panel(qtbot, window)
    check_tab_order(panel)


def test_every_probe_error_kind_and_step_has_a_translatable_text() -> None:
    assert set(ERROR_HEADLINES) == set(ProbeErrorKind)
    assert set(STEP_NAMES) == set(StepName)
    # the English sources are core's labels: English output does not change
    assert all(STEP_NAMES[name] == name.label for name in StepName)


def test_a_failed_probe_shows_the_headline_over_cores_detail(
    qtbot: QtBot, window: KeymonMainWindow
) -> None:
    panel = _panel(qtbot, window)
    detail = "127.0.0.1:9 refused the connection (nothing listens)."
    steps = (Step(StepName.CONNECT, False, 1.0, detail),)
    error = ProbeError(ProbeErrorKind.CONNECTION_REFUSED, detail, StepName.CONNECT)
    result = ProbeResult("127.0.0.1", 9, None, None, steps, error=error)
    panel.show_result(result)
    assert panel.headline_label.isVisible()
    assert panel.headline_label.text() == error_headline(result)
    assert panel.headline_label.text() == "The server refused the connection."
    assert panel.error_label.text() == detail  # core's text, as it is
    item = panel.steps.topLevelItem(0)
    assert item is not None and item.text(0) == "TCP connection"
    assert item.data(0, Qt.ItemDataRole.AccessibleTextRole) == "TCP connection: failed"
    panel.show_result(None)
    assert not panel.headline_label.isVisible() and not panel.error_label.text()


def test_entries_model_names_every_column_and_status(qtbot: QtBot) -> None:
    model = EntriesModel([factory.key_pair_entry("tenant", "Tenant Client")])
    role = Qt.ItemDataRole.AccessibleTextRole
    names = [model.headerData(c, HORIZONTAL, role) for c in range(model.columnCount())]
    assert names[0] == "Status" and all(names)
    assert [model.headerData(c, HORIZONTAL) for c in range(len(COLUMNS))] == [
        c.title for c in COLUMNS
    ]
    assert model.headerData(0, HORIZONTAL, Qt.ItemDataRole.AccessibleDescriptionRole)
    assert model.column_name(0) == "Status" and model.column_name(1) == "Alias"
    assert model.index(0, 0).data(role) == STATUS_LABELS[Status.VALID]
    assert model.index(0, 2).data() == TYPE_NAMES["key_pair"] == "Key pair"
    model.retranslate()  # nothing installed: the same English texts
    assert model.headerData(1, HORIZONTAL) == "Alias" and model.index(0, 2).data() == "Key pair"


def test_time_left_counts_days() -> None:
    now = factory.NOW
    day = 86400
    import datetime as dt

    assert time_left(now + dt.timedelta(seconds=day * 10), now) == "10 days left"
    assert time_left(now + dt.timedelta(seconds=day * 10 - 5), now) == "10 days left"
    assert time_left(now + dt.timedelta(seconds=day * 10 + 5), now) == "11 days left"  # ceil
    assert time_left(now + dt.timedelta(hours=3), now) == "less than a day left"
    assert time_left(now - dt.timedelta(days=3, hours=1), now) == "expired 3 days ago"
    assert time_left(now - dt.timedelta(hours=1), now) == "expired less than a day ago"

"""The main window: wires the table, the details pane, the actions and the session.

It holds no domain logic: every operation is a core call (through
keymon.gui.operations and the undo commands), every long one runs in a worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from keymon import __version__
from keymon.core.entries import Entry, KeyPairEntry
from keymon.core.expiry import utcnow
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.gui import menus
from keymon.gui.action_binding import Handler, bind_actions
from keymon.gui.actions import (
    ActionId,
    Needs,
    build_actions,
    explain_disabled,
    set_standard_shortcuts,
    settle_shortcuts,
)
from keymon.gui.compare_actions import CompareActions
from keymon.gui.context import AppContext
from keymon.gui.focus_return import FocusReturn
from keymon.gui.gc_pause import GcPause
from keymon.gui.keystore_actions import KeystoreActions
from keymon.gui.models.entries_model import EntriesModel
from keymon.gui.models.entries_proxy import EntriesProxy
from keymon.gui.models.expiry_refresher import ExpiryRefresher
from keymon.gui.models.row_warmer import RowWarmer
from keymon.gui.models.rows import DerivedRows, derive_sorted
from keymon.gui.net_actions import NetActions
from keymon.gui.opening import KeystoreOpener
from keymon.gui.pki_actions import PkiActions
from keymon.gui.prompts import DialogPrompts, Prompts
from keymon.gui.selection_memory import SelectionMemory
from keymon.gui.session import KeystoreSession
from keymon.gui.settings import Settings
from keymon.gui.settings_actions import SettingsActions
from keymon.gui.tenants.session import TenantSession
from keymon.gui.tenants.tenant_actions import TenantActions
from keymon.gui.views.connectivity_dock import ConnectivityDock
from keymon.gui.views.deferred_parts import DeferredParts
from keymon.gui.views.details_pane import DetailsPane
from keymon.gui.views.empty_guide import FIRST_STEPS, EmptyGuide
from keymon.gui.views.entries_table import build_entries_table
from keymon.gui.views.filter_bar import FilterBar
from keymon.gui.views.monitoring_dock import MonitoringDock
from keymon.gui.window_state import restore_state, save_state
from keymon.gui.workers import ErrorInfo, TaskHandle, TaskRunner

#: keystoreOpened starts the Monitoring worker after the table's paints (they stalled 70-110 ms)
ANNOUNCE_DELAY_MS = 120


class KeymonMainWindow(QMainWindow, DeferredParts):
    """The table of entries, the details pane, the docks; it wires, the actions act."""

    #: A keystore was opened (or reloaded) and the table shows it.
    keystoreOpened = Signal()

    def __init__(
        self,
        settings: Settings,
        prompts: Prompts | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("KeymonMainWindow")
        self.context = ctx = AppContext(
            settings, prompts or DialogPrompts(self), runner or TaskRunner(parent=self), self
        )
        self.keystoreOpened.connect(ctx.keystoreOpened)
        ctx.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 5000))
        ctx.opener.opened.connect(self.show_keystore)
        self._derive: TaskHandle | None = None
        self.gc_pause = GcPause(self)  # no collector pauses while a keystore is read
        ctx.opener.busyChanged.connect(lambda busy: self._reading("open", busy))
        self.model = EntriesModel(parent=self, warning_days=settings.warning_days)
        self.model.set_palette(self.palette())
        ctx.warningDaysChanged.connect(self.model.set_warning_days)
        self.proxy = EntriesProxy(self)
        self.proxy.setSourceModel(self.model)
        self.refresher, self.warmer = ExpiryRefresher(self.model, self), RowWarmer(self.model)
        self.actions_by_name = build_actions(self)
        self._build_ui()
        FocusReturn(self, self.table)  # not the filter box or Host field after a dialog
        self.empty_guide = EmptyGuide(
            self.table, self.model, [self.actions_by_name[a] for a in FIRST_STEPS]
        )
        built = menus.build_menus(
            self, self.actions_by_name, settings, self.open_keystore, self.table, self.model
        )
        self.undo_action, self.redo_action = built.undo_action, built.redo_action
        self.about_action, self.help_menu = built.about_action, built.help_menu
        self.download_menu, self.view_menu = built.download_menu, built.view_menu
        self.tenants = TenantActions(ctx, self, built, self.actions_by_name, self.show_tenant)
        restore_state(self, settings, self.table, self.splitter)
        ctx.runner.busyChanged.connect(self.busy_bar.setVisible)
        self.proxy.countsChanged.connect(self._update_counts)
        self.refresher.start()
        self._update_title()
        self._update_actions()
        self.keystore_actions = KeystoreActions(ctx, self)
        self.net_actions = NetActions(ctx, self)
        self._build_connectivity_dock()
        self.monitoring = MonitoringDock(ctx, self)  # view and tray: after the first keystore
        self.monitoring_dock = self.monitoring.dock
        self.view_menu.addAction(self.actions_by_name[ActionId.MONITORING])
        own = self._own_handlers(self.monitoring.toggle) | CompareActions(ctx, self).handlers()
        groups = [self.keystore_actions, PkiActions(ctx, self), SettingsActions(ctx), self.tenants]
        tables = self.tenants.route([own, *(g.handlers() for g in groups)])
        bind_actions(self.actions_by_name, tables)
        self.net_actions.tenant_target = self.tenants  # Import Root CA into a tenant
        self._connect_undo()

    def _own_handlers(self, toggle_monitoring: Handler) -> dict[ActionId, Handler]:
        return {
            ActionId.QUIT: self.close,
            ActionId.FIND: self.filter_bar.focus,
            ActionId.OPEN_DEFAULT: lambda: self.open_keystore(None),
            ActionId.RELOAD: self.reload,
            ActionId.CONNECTIVITY_TEST: self.connectivity.toggle,
            ActionId.IMPORT_ROOT_CA: lambda: self.connectivity_panel.offer_import_root(),
            ActionId.MONITORING: toggle_monitoring,
        }

    # -- what the context holds ---------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self.context.settings

    @property
    def prompts(self) -> Prompts:
        return self.context.prompts

    @property
    def runner(self) -> TaskRunner:
        return self.context.runner

    @property
    def opener(self) -> KeystoreOpener:
        return self.context.opener

    @property
    def session(self) -> KeystoreSession | None:
        return self.context.session

    @property
    def store(self) -> Keystore | None:
        return self.context.store

    # -- layout ------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.setAcceptDrops(True)
        self.filter_bar = FilterBar(self.proxy, self)
        self.filter_edit = self.filter_bar.edit
        self.kind_combo = self.filter_bar.kind_combo
        self.expiry_combo = self.filter_bar.expiry_combo
        self.table = build_entries_table(self, self.proxy, self.model, self.actions_by_name)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        SelectionMemory(self.table, self.proxy, self._selection_changed)

        self.details = DetailsPane(self.table, self)
        self.table.doubleClicked.connect(lambda _i: self.details.setFocus())

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)  # the table takes what the details do not need
        self.details.setMinimumWidth(340)
        self.setCentralWidget(self.splitter)
        self.setTabOrder(self.expiry_combo, self.table)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("countsLabel")
        self.file_label = QLabel(self)
        self.file_label.setObjectName("fileLabel")
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setVisible(False)
        self.statusBar().addWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.statusBar().addPermanentWidget(self.file_label)
        self.resize(1280, 760)

    def _build_connectivity_dock(self) -> None:
        self.connectivity = ConnectivityDock(self.context, self, self.net_actions)  # panel: later
        self.connectivity_dock = self.connectivity.dock
        self.view_menu.addAction(self.actions_by_name[ActionId.CONNECTIVITY_TEST])

    def _connect_undo(self) -> None:
        self.undo_action.triggered.connect(self._undo)
        self.redo_action.triggered.connect(self._redo)
        set_standard_shortcuts(self.undo_action, QKeySequence.StandardKey.Undo)
        set_standard_shortcuts(self.redo_action, QKeySequence.StandardKey.Redo)
        settle_shortcuts([*self.actions_by_name.values(), self.undo_action, self.redo_action])

    # -- opening -----------------------------------------------------------------
    def open_keystore(self, path: Path | None, password: str | None = None) -> None:
        self.context.open_keystore(path, password)

    def reload(self) -> None:
        if self.tenants.current is not None:
            return self.tenants.reload()
        if self.session is not None and self.session.store.path is not None:
            self.open_keystore(self.session.store.path, self.session.store.password)

    def show_keystore(self, store: Keystore) -> None:
        """Show a freshly opened keystore (a new session, a fresh undo history)."""
        self._end_session(None)
        if store.format is Format.PKCS12:
            # the encryption of the next save
            store.set_protection(self.settings.pkcs12_protection)
        session = KeystoreSession(store, self.runner, self)
        session.reset.connect(self._reset_model)
        session.entryInserted.connect(lambda e, i: self._insert(e))
        session.entryRemoved.connect(self.model.remove_entry)
        session.entryReplaced.connect(self._replace)
        session.saved.connect(self._saved)
        session.saveFailed.connect(self._save_failed)
        session.savingChanged.connect(lambda _s: self._update_title())
        session.externalChange.connect(self._external_change)
        session.undo_stack.canUndoChanged.connect(self._update_actions)
        session.undo_stack.canRedoChanged.connect(self._update_actions)
        session.undo_stack.undoTextChanged.connect(self._update_actions)
        session.undo_stack.redoTextChanged.connect(self._update_actions)
        self.context.session = session
        if store.path is not None:
            self.settings.add_recent(store.path)
        self._reset_model(announce=True)
        self._update_title()
        self._update_actions()

    def show_tenant(self, tenant: TenantSession) -> None:
        """Show a tenant keystore read-only (no file session, no undo history)."""
        self._end_session(tenant)
        self.table.setColumnHidden(self.model.column_index("owner"), False)
        self._reset_model(announce=True)
        self._update_title()
        self._update_actions()

    def _end_session(self, tenant: TenantSession | None) -> None:
        if self.session is not None:
            self.session.wait_saved()
            self.session.deleteLater()
            self.context.session = None
        self.tenants.replace(tenant)

    def _reading(self, reason: str, busy: bool) -> None:
        """A keystore is being read ("open") or its rows derived ("derive"), or no more."""
        self.gc_pause.hold(reason, busy)
        self.empty_guide.set_busy(reason, busy)

    def _derive_stopped(self, handle: TaskHandle) -> None:
        """A derivation failed or was cancelled; unless a newer one runs, reading ended."""
        if self._derive is handle:
            self._derive = None
        if self._derive is None:
            self._reading("derive", False)

    def _reset_model(self, announce: bool = False) -> None:
        """Derive and sort the table rows in a worker, then show them (a cheap swap)."""
        store = self.store
        entries = store.entries if store is not None else self.tenants.entries()
        self._pool, self._trusted = self.tenants.pools(store)
        if self._derive is not None:
            self._derive.cancel()
        self._reading("derive", True)

        def ready(rows: DerivedRows) -> None:
            self._derive = None
            self.model.set_rows(rows)
            # The keystore and its rows live as long as the window shows them: the pause
            # ends by freezing them out of the collector's full passes.
            self._reading("derive", False)
            self._selection_changed()
            self._update_counts()
            if announce:  # after the table's paints (see ANNOUNCE_DELAY_MS)
                QTimer.singleShot(ANNOUNCE_DELAY_MS, self, self.keystoreOpened.emit)

        self._derive = handle = self.runner.run(
            derive_sorted,
            entries,
            self.model.now,
            self.model.warning_days,
            self.model.columns,
            self.model.sort_spec(),
            title=self.tr("Reading entries"),
            on_done=ready,
            on_error=lambda _e: self._derive_stopped(handle),
            on_cancelled=lambda: self._derive_stopped(handle),
        )

    def _insert(self, entry: Entry) -> None:
        self.model.insert_entry(entry)
        self._refresh_pools()

    def _replace(self, old_alias: str, entry: Entry) -> None:
        self.model.replace_entry(entry, old_alias)
        self._refresh_pools()
        self._selection_changed()

    def _refresh_pools(self) -> None:
        store = self.store
        if store is not None:
            self._pool = store.certificates()
            self._trusted = store.trusted_certificates()

    # -- selection -----------------------------------------------------------------
    def selected_entries(self) -> list[Entry]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.entry_at(r) for r in rows]

    def current_entry(self) -> Entry | None:
        selected = self.selected_entries()
        return selected[0] if len(selected) == 1 else None

    def select_alias(self, alias: str) -> None:
        row = self.proxy.row_of(alias)
        if row is None:
            return
        index = self.proxy.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _selection_changed(self, *_args: object) -> None:
        entry = self.current_entry()
        self.details.setVisible(entry is not None)  # the table gets the width meanwhile
        self.details.show_entry(
            entry, getattr(self, "_pool", []), getattr(self, "_trusted", []), utcnow()
        )
        self._update_actions()

    def _update_actions(self, *_args: object) -> None:
        shown = self.session is not None or self.tenants.current is not None
        selected = self.selected_entries() if shown else []
        one = selected[0] if len(selected) == 1 else None
        has = {
            Needs.NOTHING: True,
            Needs.KEYSTORE: self.session is not None,
            Needs.SELECTION: bool(selected) and any(e.certificate is not None for e in selected),
            Needs.ONE: one is not None,
            Needs.CERTIFICATE: one is not None and one.certificate is not None,
            Needs.KEY_PAIR: isinstance(one, KeyPairEntry),
            Needs.CA_KEY_PAIR: isinstance(one, KeyPairEntry) and one.certificate.summary.is_ca,
        }
        for action in self.actions_by_name.values():
            action.setEnabled(has[Needs(action.data())])
        explain_disabled(self.actions_by_name, one)
        self.empty_guide.set_no_keystore(self.session is None)
        self.actions_by_name[ActionId.DELETE].setEnabled(bool(selected))
        self.tenants.limit_actions(self.actions_by_name)
        stack = self.session.undo_stack if self.session is not None else None
        self.undo_action.setEnabled(bool(stack and stack.canUndo()))
        self.redo_action.setEnabled(bool(stack and stack.canRedo()))
        self.undo_action.setText(
            self.tr("&Undo {action}").format(action=stack.undoText())
            if stack and stack.canUndo()
            else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo {action}").format(action=stack.redoText())
            if stack and stack.canRedo()
            else self.tr("&Redo")
        )

    # -- status ----------------------------------------------------------------------
    def _update_counts(self) -> None:
        total, expiring, expired = self.proxy.counts()
        shown = self.proxy.rowCount()
        text = self.tr("%n entries", "", total)
        if shown != total:
            text += self.tr(" ({shown} shown)").format(shown=shown)
        text += self.tr(" · {expiring} expiring · {expired} expired").format(
            expiring=expiring, expired=expired
        )
        self.counts_label.setText(text)

    def _update_title(self) -> None:
        store = self.store
        if store is None and self.tenants.current is not None:
            return self.tenants.show_title(self, self.file_label)
        if store is None or store.path is None:
            self.setWindowTitle(f"keymon {__version__}")
            self.file_label.setText("")
            return
        saving = self.session is not None and self.session.saving
        self.setWindowTitle(f"{store.path.name} – keymon")
        state = self.tr("saving…") if saving else self.tr("saved")
        self.file_label.setText(f"{store.path} · {store.format.label} · {state}")
        self.file_label.setToolTip(str(store.path))

    def _saved(self) -> None:
        self._update_title()

    def _save_failed(self, error: ErrorInfo) -> None:
        self._update_title()
        self.prompts.error(self.tr("The keystore was not saved"), error.message)
        if self.session is not None:
            self.session.check_disk_now()

    def _external_change(self) -> None:
        store = self.store
        if store is not None and store.path is not None and self.prompts.ask_reload(store.path):
            self.reload()

    # -- undo ------------------------------------------------------------------------
    def _undo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.undo()

    def _redo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.redo()

    # -- events ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_palette(self.palette())
        super().changeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            # on a tenant, dropped certificates go to the tenant
            self.keystore_actions.open_dropped_files(self.tenants.take_dropped(paths))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.context.aboutToClose.emit()
        if self.session is not None:
            self.session.wait_saved()
        save_state(self, self.settings, self.table, self.splitter)
        self.refresher.stop()
        self.runner.shutdown(5000)
        self.gc_pause.release_all()
        super().closeEvent(event)

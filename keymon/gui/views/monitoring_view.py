"""The Monitoring view: every certificate of the open and the watched keystores, by expiry.

The watched keystores are a list of paths in the settings ("monitoring/watch");
their passwords come from the system keyring or are asked for, and are never
stored anywhere else. Watched tenants (``sapci:NAME``) are read next to them by
:class:`~keymon.gui.views.monitoring_tenants.TenantWatch`; Refresh reads them
again and can be cancelled. Keystores are read and certificates collected in the
context's task runner. :func:`install_monitoring` puts the view in a dock of the
main window and starts the tray icon; it returns View › Monitoring's handler.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from keymon.core import ics, monitoring, storage
from keymon.core.errors import KeymonError
from keymon.core.expiry import utcnow
from keymon.core.keystore import Keystore
from keymon.core.monitoring import MonitoredCertificate
from keymon.core.passwords import PasswordSource, is_password_error
from keymon.gui.context import AppContext
from keymon.gui.password_flow import DialogPasswordPrompt, PasswordFlow
from keymon.gui.tray import ExpiryTray
from keymon.gui.views.monitoring_model import COLUMNS, MonitoringModel
from keymon.gui.views.monitoring_tenants import TenantWatch, add_tenant_button, status_lines
from keymon.gui.workers import ErrorInfo, TaskHandle

AnyIndex = QModelIndex | QPersistentModelIndex


class MonitoringView(QWidget):
    """The table, the watch list buttons and the calendar export."""

    #: The table shows a new list (after any change or a reload of a watched keystore).
    refreshed = Signal()
    #: Like refreshed, but only once no watched keystore is still loading.
    settled = Signal(object)  # list[MonitoredCertificate]

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monitoringView")
        self.ctx = ctx
        self.watch: list[Path] = monitoring.parse_watch_list(
            ctx.settings.q.value(monitoring.WATCH_KEY)
        )
        self._stores: dict[Path, Keystore] = {}
        self._errors: dict[Path, str] = {}
        self._loading: set[Path] = set()
        self._locked: set[Path] = set()  # watched keystores still needing a password
        self._with_store = False  # the last collection included the open keystore
        self._collect: TaskHandle | None = None
        self._session: object | None = None
        self.model = MonitoringModel(self)
        self.tenants = TenantWatch(ctx, self)
        self.tenants.changed.connect(self._tenants_changed)
        self._build()
        self._timer = QTimer(self)  # coalesces a burst of edits into one refresh
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._recompute)
        ctx.keystoreOpened.connect(self._keystore_opened)
        ctx.warningDaysChanged.connect(self.refresh)
        for path in self.watch:
            self._load(path)
        self.tenants.refresh()
        self._keystore_opened()  # built after a keystore shows: follow it too

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # e.g. light to dark: rows follow
            self.model.set_palette(self.palette())
        super().changeEvent(event)

    def _build(self) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("monitoringTable")
        self.table.setAccessibleName(self.tr("Certificates by expiry"))
        self.table.setAccessibleDescription(
            self.tr(
                "Every certificate of the open and the watched keystores, "
                "the soonest to expire first."
            )
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setResizeContentsPrecision(200)  # sample rows: 10,000 stay fast
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 8)
        self.add_button = QPushButton(self.tr("&Add Keystore…"), self)
        self.add_button.setObjectName("monitoringAdd")
        self.add_button.setToolTip(self.tr("Watch another keystore's certificates"))
        self.add_button.clicked.connect(self.choose_keystore)
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("monitoringRemove")
        self.remove_button.setText(self.tr("&Remove"))
        self.remove_button.setToolTip(self.tr("Stop watching a keystore"))
        self.remove_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.remove_menu = QMenu(self.remove_button)
        self.remove_menu.aboutToShow.connect(self._fill_remove_menu)
        self.remove_button.setMenu(self.remove_menu)
        self.password_button = self._password_button()
        self.tenant_button = add_tenant_button(self, self.tenants)
        self.refresh_button = self._refresh_button()
        self.export_button = QPushButton(self.tr("Export &Calendar…"), self)
        self.export_button.setObjectName("monitoringExport")
        self.export_button.setToolTip(
            self.tr("Save every expiry date as an iCalendar file, with reminders")
        )
        self.export_button.clicked.connect(self.export_calendar)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("monitoringStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.tenant_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.password_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self._update_buttons()

    def _refresh_button(self) -> QPushButton:
        """Refresh: reads the watched tenants again; Cancel Refresh while they are read."""
        button = QPushButton(self.tr("Re&fresh"), self)
        button.setObjectName("monitoringRefresh")
        button.setToolTip(self.tr("Read the watched tenants again"))
        button.clicked.connect(self._refresh_clicked)
        return button

    def _password_button(self) -> QPushButton:
        """Enter Password…: shown while a watched keystore waits for its password."""
        button = QPushButton(self.tr("Enter &Password…"), self)
        button.setObjectName("monitoringEnterPassword")
        button.setToolTip(
            self.tr("Enter the password of the watched keystores that could not be read")
        )
        button.clicked.connect(self.enter_passwords)
        return button

    # -- the open keystore -----------------------------------------------------------
    def _keystore_opened(self) -> None:
        session = self.ctx.session
        if session is not None and session is not self._session:
            self._session = session
            # the old session is deleted with its connections; no disconnect needed
            session.entryInserted.connect(self.refresh)
            session.entryRemoved.connect(self.refresh)
            session.entryReplaced.connect(self.refresh)
            session.reset.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        """Recompute soon (edits arrive in bursts: one recomputation for all)."""
        self._timer.start()

    def _sources(self) -> list[tuple[Path | None, Any]]:
        store = self.ctx.store
        sources: list[tuple[Path | None, Any]] = []
        open_path = store.path.absolute() if store is not None and store.path else None
        if store is not None:
            sources.append((store.path, store.entries))  # a snapshot the worker may read
        for path in self.watch:
            if path in self._stores and path.absolute() != open_path:
                sources.append((path, self._stores[path]))
        return sources + self.tenants.sources()

    def _recompute(self) -> None:
        if self._collect is not None:
            self._collect.cancel()
        # settled (what the tray reports and notifies about) waits for the open keystore:
        # a collection made while it is still being read would spend the start-up
        # notification on an empty list
        self._with_store = self.ctx.store is not None
        self._collect = self.ctx.runner.run(
            monitoring.collect,
            self._sources(),
            utcnow(),
            self.ctx.settings.warning_days,
            title=self.tr("Collecting certificates"),
            on_done=self._collected,
            on_error=lambda e: self._show_error(None, e.message),
        )

    def _collected(self, items: list[MonitoredCertificate]) -> None:
        self._collect = None
        self.model.set_items(items)
        self._fit_columns()
        self._update_status()
        self.refreshed.emit()
        if not self._loading and not self.tenants.loading and self._with_store:
            self.settled.emit(items)

    def _fit_columns(self) -> None:
        # judge widths by the first rows only: measuring 10,000 rows stalls the GUI (~200 ms)
        self.table.horizontalHeader().setResizeContentsPrecision(64)
        em = self.fontMetrics().horizontalAdvance("M")
        self.table.setColumnWidth(0, 3 * em)
        for column in range(1, len(COLUMNS) - 1):
            self.table.resizeColumnToContents(column)
            width = self.table.columnWidth(column)
            self.table.setColumnWidth(column, min(width + em, 32 * em))

    @property
    def items(self) -> list[MonitoredCertificate]:
        return list(self.model.items)

    # -- the watch list -----------------------------------------------------------------
    def choose_keystore(self) -> None:
        path = self.ctx.prompts.choose_open_file(
            self.tr("Watch Keystore"),
            self.tr("Keystores (*.p12 *.pfx *.jks *.jceks *.ks *.pem);;All files (*)"),
        )
        if path is not None:
            self.add_keystore(path)

    def add_keystore(self, path: Path) -> None:
        path = Path(path).absolute()
        if path in self.watch:
            return
        self.watch = monitoring.add_to_watch_list(self.watch, path)
        self._save_watch()
        self._load(path)

    def remove_keystore(self, path: Path) -> None:
        self.watch = monitoring.remove_from_watch_list(self.watch, path)
        self._stores.pop(path, None)
        self._errors.pop(path, None)
        self._loading.discard(path)
        self._locked.discard(path)
        self._save_watch()
        self.refresh()

    def _save_watch(self) -> None:
        self.ctx.settings.set_value(monitoring.WATCH_KEY, [str(p) for p in self.watch])
        self._update_buttons()

    def _fill_remove_menu(self) -> None:
        self.remove_menu.clear()
        for path in self.watch:
            action = self.remove_menu.addAction(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.remove_keystore(p))
        for location in self.tenants.locations:
            action = self.remove_menu.addAction(location)
            action.triggered.connect(lambda _c=False, t=location: self.tenants.remove(t))

    # -- watched tenants ----------------------------------------------------------------
    def add_tenant(self, name: str) -> None:
        """Watch the tenant of profile ``name`` (its system keystore)."""
        self.tenants.add(name)

    def _refresh_clicked(self) -> None:
        """Refresh reads the watched tenants again; while they are read, it cancels."""
        if self.tenants.loading:
            self.tenants.cancel()
        else:
            self.tenants.refresh()

    def _tenants_changed(self) -> None:
        self._update_buttons()
        self._update_status()
        self.refresh()

    def _update_buttons(self) -> None:
        loading = self.tenants.loading
        self.refresh_button.setText(self.tr("Cancel Re&fresh") if loading else self.tr("Re&fresh"))
        self.refresh_button.setEnabled(bool(self.tenants.locations))
        self.remove_button.setEnabled(bool(self.watch or self.tenants.locations))
        needs = any(p in self._locked for p in self.watch)
        self.password_button.setVisible(needs)
        self.password_button.setEnabled(needs)

    def _load(self, path: Path) -> None:
        """Read a watched keystore: password from the keyring, else asked (one at a time)."""
        self._loading.add(path)
        self._locked.discard(path)
        source = PasswordSource(path, prompt=DialogPasswordPrompt(self.ctx.prompts))
        flow: PasswordFlow[Keystore] = PasswordFlow(
            self.ctx.runner,
            self.ctx.password_gate,
            source,
            lambda password, cancel: Keystore.open(path, password, cancel=cancel),
            title=self.tr("Reading {file}").format(file=path.name),
            on_done=lambda store: self._loaded(path, store),
            on_error=lambda error: self._load_failed(path, error),
            on_cancelled=lambda: self._password_cancelled(path),
        )
        flow.start()

    def _loaded(self, path: Path, store: Keystore) -> None:
        self._loading.discard(path)
        if path not in self.watch:
            return
        self._stores[path] = store
        self._errors.pop(path, None)
        self._update_buttons()
        self.refresh()

    def _load_failed(self, path: Path, error: ErrorInfo) -> None:
        self._loading.discard(path)
        if path not in self.watch:
            return
        if is_password_error(error.error):
            self._locked.add(path)
        self._show_error(path, error.message)
        self._update_buttons()
        self.refresh()

    def _password_cancelled(self, path: Path) -> None:
        """No password given: say so, and let Enter Password… ask again later."""
        self._loading.discard(path)
        if path not in self.watch:
            return
        self._locked.add(path)
        self._show_error(
            path, self.tr("This keystore needs a password (Enter Password… asks for it).")
        )
        self._update_buttons()
        self.refresh()

    def enter_passwords(self) -> None:
        """Ask again for the watched keystores that still need a password."""
        for path in [p for p in self.watch if p in self._locked]:
            self._errors.pop(path, None)
            self._load(path)
        self._update_status()
        self._update_buttons()

    def _show_error(self, path: Path | None, message: str) -> None:
        self._errors[path or Path()] = message
        self._update_status()

    def _update_status(self) -> None:
        lines = []
        for path, message in self._errors.items():
            name = path.name or self.tr("Monitoring")
            lines.append(self.tr("{keystore}: {message}").format(keystore=name, message=message))
        lines += status_lines(self.tenants, self.tr("{keystore}: {message}"))
        self.status_label.setText("\n".join(lines))
        self.status_label.setVisible(bool(lines))

    # -- the calendar ------------------------------------------------------------------
    def export_calendar(self) -> None:
        path = self.ctx.prompts.choose_save_file(
            self.tr("Export Calendar"), "certificate-expiry.ics", self.tr("iCalendar (*.ics)")
        )
        if path is None:
            return
        data = ics.calendar(self.items, warning_days=self.ctx.settings.warning_days, now=utcnow())
        try:
            storage.atomic_write(path, data, 0o644)
        except KeymonError as exc:
            self.ctx.prompts.error(self.tr("The calendar was not saved"), exc.message)


@dataclass(frozen=True)
class Monitoring:
    """What :func:`install_monitoring` made: the view, its dock, the tray icon, and the
    handler of View › Monitoring (show or hide the dock)."""

    view: MonitoringView
    dock: QDockWidget
    tray: ExpiryTray
    toggle: Callable[[], None]


def install_monitoring(
    ctx: AppContext, window: QMainWindow, dock: QDockWidget | None = None
) -> Monitoring:
    """The Monitoring view in ``dock`` (a new one, hidden at first) and the tray icon."""
    view = MonitoringView(ctx, window)
    if dock is None:
        dock = QDockWidget(QCoreApplication.translate("MonitoringView", "Monitoring"), window)
        dock.setObjectName("monitoringDock")
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
    dock.setWidget(view)

    def toggle() -> None:
        dock.setVisible(not dock.isVisible())
        if dock.isVisible():
            dock.raise_()
            view.table.setFocus()

    def show_dock() -> None:
        window.showNormal()
        window.activateWindow()
        dock.show()
        dock.raise_()

    tray = ExpiryTray(ctx.settings, window, icon=window.windowIcon())
    view.settled.connect(lambda items: tray.update(items, utcnow(), ctx.settings.warning_days))
    tray.refreshRequested.connect(view.refresh)
    tray.showMonitoringRequested.connect(show_dock)
    return Monitoring(view, dock, tray, toggle)

"""File › Key History…: a tenant's replaced and deleted key pairs, and copying one back.

The history (HistoryKeystoreEntries) and the KeyRenewal aliases are read in a worker
with a busy bar; a failure is one sentence in the dialog. "Copy to Key Renewal…"
puts the selected entry into the KeyRenewal keystore under the alias typed below the
list, after a confirmation naming the tenant, through the window's one-write-at-a-time
guard (:class:`TenantWrites`); Activate there makes it the system key pair again.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keymon.core.aliases import alias_key, validate_alias
from keymon.core.errors import UsageError
from keymon.core.sapci import api
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.history import HistoryEntry, KeyHistory, read_key_history
from keymon.gui.dialogs.password_dialog import MessageLabel, error_color
from keymon.gui.tenants.tenant_writes import TenantWrites
from keymon.gui.workers import ErrorInfo, TaskHandle


def _day(when: dt.datetime | None) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%d") if when else "–"


class HistoryDialog(QDialog):
    """The key history of the tenant shown in the window (see the module's docstring)."""

    def __init__(self, writes: TenantWrites, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tenantHistoryDialog")
        self.writes = writes
        self.ctx = writes.ctx
        self.profile_name = writes.name
        self.history = KeyHistory((), ())
        #: The read and the copy running now (tests wait on them).
        self.reading: TaskHandle | None = None
        self.copying: TaskHandle | None = None
        self.closed = False
        self.setWindowTitle(self.tr("Key History of Tenant {name}").format(name=self.profile_name))
        intro = QLabel(
            self.tr(
                "Key pairs that an activation replaced or that were deleted from the system "
                "keystore. Copy one to the Key Renewal keystore, then activate it there to "
                "make it the system key pair again."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = self._build_table()
        self.busy = self._build_busy()
        self.message = MessageLabel("historyMessage", self)
        self.alias_edit = QLineEdit(self)
        self.alias_edit.setObjectName("historyDestination")
        self.alias_edit.setAccessibleName(self.tr("Alias in Key Renewal"))
        self.alias_edit.setPlaceholderText(self.tr("alias of the copy"))
        self.copy_button = QPushButton(self.tr("&Copy to Key Renewal…"), self)
        self.copy_button.setObjectName("historyCopy")
        self.copy_button.setAutoDefault(False)  # Enter in the alias field copies nothing
        form = QFormLayout()
        form.addRow(self.tr("Copy &as:"), self.alias_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button = buttons.addButton(
            self.tr("&Read Again"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.refresh_button.setAutoDefault(False)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)  # Enter closes; copying is always a click
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.alias_edit.textChanged.connect(self._update)
        self.copy_button.clicked.connect(self.copy)
        self.refresh_button.clicked.connect(self.refresh)
        self.resize(820, 360)
        self._update()

    def _build_busy(self) -> QProgressBar:
        busy = QProgressBar(self)
        busy.setObjectName("historyBusy")
        busy.setRange(0, 0)
        busy.setMaximumHeight(12)
        busy.setTextVisible(False)
        busy.setAccessibleName(self.tr("Reading the key history"))
        busy.hide()
        return busy

    def _build_table(self) -> QTableWidget:
        headers = [
            self.tr("Alias"),
            self.tr("Former Alias"),
            self.tr("Common Name"),
            self.tr("Valid Until"),
            self.tr("Active From"),
            self.tr("Active Until"),
            self.tr("Deactivated By"),
        ]
        table = QTableWidget(0, len(headers), self)
        table.setObjectName("historyTable")
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table

    # -- reading ------------------------------------------------------------------------
    def refresh(self) -> TaskHandle | None:
        """Read the history and the KeyRenewal aliases again, in a worker."""
        tenant = self.writes.tenants.current
        if self.closed:
            return None
        if tenant is None or tenant.profile.name != self.profile_name:
            self.busy.hide()
            self.message.show_problem(
                self.tr("Tenant {name} is no longer open in the window.").format(
                    name=self.profile_name
                )
            )
            return None
        if self.reading is not None and not self.reading.done:
            return self.reading
        self.message.clear_message()
        self.busy.show()
        self.reading = self.ctx.runner.run(
            read_key_history,
            tenant.client,
            title=self.tr("Reading the key history of tenant {name}").format(
                name=self.profile_name
            ),
            on_done=self._read,
            on_error=self._failed,
        )
        self._update()
        return self.reading

    def _read(self, history: KeyHistory) -> None:
        self.reading = None
        self.busy.hide()
        self.history = history
        now = dt.datetime.now(dt.UTC)
        expired = error_color(self.palette())
        self.table.setRowCount(len(history.entries))
        for row, entry in enumerate(history.entries):
            cells = (
                entry.alias,
                entry.original_alias,
                entry.common_name,
                _day(entry.not_after),
                _day(entry.active_from),
                _day(entry.active_until),
                entry.deactivated_by or "–",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(entry.subject or "" if column == 2 else text)
                if column == 3 and entry.not_after is not None and entry.not_after < now:
                    item.setForeground(expired)
                    item.setToolTip(self.tr("Expired on {day}").format(day=text))
                self.table.setItem(row, column, item)
        if history.entries:
            self.table.selectRow(0)
        else:
            self.message.show_hint(
                self.tr("Tenant {name} has no key history.").format(name=self.profile_name)
            )
        self._update()

    def _failed(self, error: ErrorInfo) -> None:
        self.reading = None
        self.busy.hide()
        self.message.show_problem(error.message)
        self._update()

    # -- copying back ---------------------------------------------------------------------
    def selected(self) -> HistoryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1 or rows[0].row() >= len(self.history.entries):
            return None
        return self.history.entries[rows[0].row()]

    def _selection_changed(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.alias_edit.setText(entry.original_alias)
        self._update()

    def copy_refusal(self) -> str | None:
        """Why Copy to Key Renewal cannot run now (None: it can)."""
        reason = self.writes.refusal()
        if reason is not None:
            return reason
        if self.reading is not None:
            return self.tr("The key history is being read.")
        if self.selected() is None:
            return self.tr("Select a history entry to copy.")
        try:
            validate_alias(self.alias_edit.text())
        except UsageError as exc:
            return exc.message
        return None

    def _update(self) -> None:
        reason = self.copy_refusal()
        self.copy_button.setEnabled(reason is None)
        self.copy_button.setToolTip(reason or "")
        self.refresh_button.setEnabled(self.reading is None)

    def copy(self) -> TaskHandle | None:
        """Copy the selected entry into KeyRenewal under the alias typed, once confirmed."""
        entry = self.selected()
        reason = self.copy_refusal()
        if entry is None or reason is not None:
            if reason is not None:
                self.message.show_problem(reason)
            return None
        destination = validate_alias(self.alias_edit.text())
        question = self.tr(
            "Copy the history entry {alias} ({cn}, valid until {until}) to the Key Renewal "
            "keystore of tenant {name} as {destination}?\n\nThe system keystore is not "
            "changed; Activate in Key Renewal makes it the system key pair."
        ).format(
            alias=entry.alias,
            cn=entry.common_name,
            until=_day(entry.not_after),
            name=self.profile_name,
            destination=destination,
        )
        taken = {alias_key(a) for a in self.history.renewal_aliases}
        if alias_key(destination) in taken:
            question += "\n\n" + self.tr(
                "It replaces the renewal key pair {destination} that Key Renewal holds now."
            ).format(destination=destination)
        if not self.ctx.prompts.confirm(self.tr("Copy to Key Renewal"), question):
            return None
        alias = entry.alias

        def job(client: TenantClient) -> None:
            api.copy_from_history(client, alias, destination)

        done = self.tr("Copied {alias} to the Key Renewal keystore of tenant {name} as {new}")
        handle = self.writes.write(
            self.tr("Copying on the tenant"),
            job,
            done.format(alias=alias, name=self.profile_name, new=destination),
        )
        if handle is not None:
            self.copying = handle
            self.busy.show()
            handle.signals.reported.connect(lambda _signals: self._copied())
        return handle

    def _copied(self) -> None:
        self.copying = None
        if not self.closed:
            self.refresh()

    def dispose(self) -> None:
        """Close, and delete the dialog once nothing it started is still running."""
        self.closed = True
        self.close()
        running = [h for h in (self.reading, self.copying) if h is not None and not h.done]
        if running:
            running[-1].signals.reported.connect(lambda _signals: self.dispose())
        else:
            self.deleteLater()


def table_text(dialog: HistoryDialog) -> list[list[str]]:
    """The table's cells, row by row (for tests and screenshots)."""
    table = dialog.table
    rows = []
    for row in range(table.rowCount()):
        cells = [table.item(row, c) for c in range(table.columnCount())]
        rows.append([c.text() if c is not None else "" for c in cells])
    return rows

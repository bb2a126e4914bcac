"""The saved versions of a keystore, newest first, and "Restore" for one of them.

The dialog only chooses: it emits ``restoreRequested(version)`` and closes. The
caller restores (as an undoable command), so nothing here touches a file.
"Delete All Backups…" asks through the caller's prompts and then calls the
caller's ``purge`` (when given); the dialog stays open, showing no backups.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keymon.core.errors import KeymonError
from keymon.core.storage import Backup

VERSION_ROLE = Qt.ItemDataRole.UserRole + 1


def local_time(when: dt.datetime) -> str:
    """``2024-05-01 14:03`` in the local time zone (naive times are taken as UTC)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone().replace(tzinfo=None).isoformat(" ", "minutes")


class Asker(Protocol):
    """The part of keymon's prompts service this dialog uses."""

    def confirm(self, title: str, text: str, *, destructive: bool = False) -> bool: ...

    def error(self, title: str, text: str) -> None: ...


class BackupsDialog(QDialog):
    """Lists :class:`Backup` versions; Restore emits the chosen version and closes."""

    restoreRequested = Signal(int)
    purged = Signal(int)  # how many backups were deleted

    def __init__(
        self,
        backups: Sequence[Backup],
        parent: QWidget | None = None,
        *,
        name: str = "",
        prompts: Asker | None = None,
        purge: Callable[[], int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.prompts = prompts
        self.purge = purge
        self.setObjectName("backupsDialog")
        self.setWindowTitle(
            self.tr("Backups of {name}").format(name=name) if name else self.tr("Backups")
        )
        self.backups = sorted(backups, key=lambda b: b.version, reverse=True)
        self.chosen: int | None = None

        intro = QLabel(self)
        intro.setObjectName("introLabel")
        intro.setWordWrap(True)
        intro.setText(
            self.tr(
                "keymon keeps the previous version each time it saves. Restoring makes the "
                "chosen version the current file; the current version is backed up first "
                "and the restore can be undone."
            )
        )
        self.table = QTreeWidget(self)
        self.table.setObjectName("backupsTable")
        self.table.setAccessibleName(self.tr("Saved versions"))
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels(
            [self.tr("Version"), self.tr("Saved"), self.tr("Entries"), self.tr("Size")]
        )
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._fill()

        self.empty_label = QLabel(
            self.tr(
                "There are no backups of this keystore yet. keymon makes one each time it "
                "saves a change."
            ),
            self,
        )
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        self.stack.setCurrentWidget(self.table if self.backups else self.empty_label)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setToolTip(self.tr("Make the selected version the current file"))
        self.restore_button.setDefault(True)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.purge_button = QPushButton(self.tr("&Delete All Backups…"), self)
        self.purge_button.setObjectName("purgeButton")
        self.purge_button.setToolTip(self.tr("Delete every saved version of this keystore"))
        self.buttons.addButton(self.purge_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.purge_button.setVisible(purge is not None and prompts is not None)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        self.purge_button.clicked.connect(self._purge)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._update)
        self.table.itemActivated.connect(lambda *_: self._restore())
        self.resize(560, 360)
        if self.backups:
            self.table.setFocus()
        else:  # Restore is disabled: Return and Escape close
            close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
            close.setDefault(True)
            close.setFocus()
        self._update()

    def _fill(self) -> None:
        locale = QLocale()
        for backup in self.backups:
            entries = (
                self.tr("unknown") if backup.entries is None else locale.toString(backup.entries)
            )
            item = QTreeWidgetItem(
                [
                    str(backup.version),
                    local_time(backup.created),
                    entries,
                    locale.formattedDataSize(backup.size),
                ]
            )
            for column in range(4):
                item.setData(column, VERSION_ROLE, backup.version)
            for column in (0, 2, 3):
                item.setTextAlignment(
                    column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            item.setToolTip(1, backup.created.astimezone(dt.UTC).isoformat(" ", "seconds"))
            item.setToolTip(0, str(backup.path))
            self.table.addTopLevelItem(item)

    def selected_version(self) -> int | None:
        items = self.table.selectedItems()
        if not items:
            return None
        value = items[0].data(0, VERSION_ROLE)
        return value if isinstance(value, int) else None

    def _update(self) -> None:
        self.restore_button.setEnabled(self.selected_version() is not None)
        self.purge_button.setEnabled(bool(self.backups))

    def _purge(self) -> None:
        if self.purge is None or self.prompts is None or not self.backups:
            return
        text = self.tr(
            "Delete all {count} saved versions of this keystore? They cannot be restored "
            "afterwards. Each still opens with the password it was saved with and holds the "
            "entries it had then, including deleted ones."
        ).format(count=QLocale().toString(len(self.backups)))
        if not self.prompts.confirm(self.tr("Delete All Backups"), text, destructive=True):
            return
        try:
            count = self.purge()
        except KeymonError as exc:
            self.prompts.error(self.tr("Backups not deleted"), exc.message)
            return
        self.backups = []
        self.table.clear()
        self.stack.setCurrentWidget(self.empty_label)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()
        self._update()
        self.purged.emit(count)

    def _restore(self) -> None:
        version = self.selected_version()
        if version is None:
            return
        self.chosen = version
        self.restoreRequested.emit(version)
        self.accept()

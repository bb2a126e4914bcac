"""The main window's menus, toolbar and context menus, built from its actions.

Texts keep the "KeymonMainWindow" translation context they had as the window's own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar

from keymon.gui.dialogs.about_dialog import show_about
from keymon.gui.icons import icon

if TYPE_CHECKING:
    from keymon.gui.main_window import KeymonMainWindow


def build_menus(w: KeymonMainWindow) -> None:
    """The menu bar, the toolbar and Help › About, from the window's actions."""
    a = w.actions_by_name
    menubar = w.menuBar()
    file_menu = menubar.addMenu(QCoreApplication.translate("KeymonMainWindow", "&File"))
    file_menu.addActions([a["actionOpen"], a["actionOpenDefault"]])
    w.recent_menu = file_menu.addMenu(
        QCoreApplication.translate("KeymonMainWindow", "Open &Recent")
    )
    w.recent_menu.setObjectName("recentMenu")
    w.recent_menu.aboutToShow.connect(lambda: fill_recent(w))
    file_menu.addSeparator()
    file_menu.addActions([a["actionReload"], a["actionBackups"], a["actionChangePassword"]])
    file_menu.addSeparator()
    file_menu.addAction(a["actionQuit"])

    w.undo_action = QAction(QCoreApplication.translate("KeymonMainWindow", "&Undo"), w)
    w.undo_action.setObjectName("actionUndo")
    w.redo_action = QAction(QCoreApplication.translate("KeymonMainWindow", "&Redo"), w)
    w.redo_action.setObjectName("actionRedo")
    edit_menu = menubar.addMenu(QCoreApplication.translate("KeymonMainWindow", "&Edit"))
    edit_menu.addActions([w.undo_action, w.redo_action])
    edit_menu.addSeparator()
    edit_menu.addActions([a["actionCopyFingerprint"], a["actionCopyPem"]])
    edit_menu.addSeparator()
    edit_menu.addActions([a["actionRename"], a["actionDelete"], a["actionFind"]])
    edit_menu.addSeparator()
    edit_menu.addAction(a["actionSettings"])

    add_menu = menubar.addMenu(QCoreApplication.translate("KeymonMainWindow", "&Add"))
    add_menu.addActions(
        [
            a["actionAddCertificate"],
            a["actionAddCertificateFromClipboard"],
            a["actionAddKeyPair"],
            a["actionAddKeystore"],
        ]
    )
    key_pairs_menu = menubar.addMenu(QCoreApplication.translate("KeymonMainWindow", "&Key Pairs"))
    key_pairs_menu.setObjectName("keyPairsMenu")
    key_pairs_menu.addActions(
        [
            a["actionGenerateKeyPair"],
            a["actionCreateCsr"],
            a["actionImportCaReply"],
            a["actionSignCsr"],
        ]
    )
    w.download_menu = menubar.addMenu(QCoreApplication.translate("KeymonMainWindow", "&Download"))
    w.download_menu.addActions(
        [
            a["actionDownloadCertificate"],
            a["actionDownloadChain"],
            a["actionDownloadRoot"],
            a["actionDownloadOpenSsh"],
        ]
    )
    w.download_menu.addSeparator()
    w.download_menu.addAction(a["actionExportKeyPair"])
    w.view_menu = menubar.addMenu(QCoreApplication.translate("KeymonMainWindow", "&View"))
    w.columns_menu = w.view_menu.addMenu(QCoreApplication.translate("KeymonMainWindow", "&Columns"))
    w.columns_menu.aboutToShow.connect(lambda: fill_columns(w, w.columns_menu))

    toolbar = QToolBar(QCoreApplication.translate("KeymonMainWindow", "Main"), w)
    toolbar.setObjectName("mainToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions(
        [
            a["actionOpen"],
            a["actionAddCertificate"],
            a["actionAddKeyPair"],
            a["actionGenerateKeyPair"],
        ]
    )
    toolbar.addSeparator()
    toolbar.addActions([a["actionDownloadCertificate"], a["actionExportKeyPair"]])
    toolbar.addSeparator()
    toolbar.addActions([a["actionRename"], a["actionDelete"]])
    w.addToolBar(toolbar)

    w.help_menu = menubar.addMenu(QCoreApplication.translate("KeymonMainWindow", "&Help"))
    w.help_menu.setObjectName("helpMenu")
    w.about_action = w.help_menu.addAction(
        icon("help-about"), QCoreApplication.translate("KeymonMainWindow", "&About keymon")
    )
    w.about_action.setObjectName("actionAbout")
    w.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    w.about_action.triggered.connect(lambda: show_about(w))


def fill_recent(w: KeymonMainWindow) -> None:
    w.recent_menu.clear()
    for path in w.settings.recent_files:
        action = w.recent_menu.addAction(path)
        action.triggered.connect(lambda _c=False, p=path: w.open_keystore(Path(p)))
    if not w.settings.recent_files:
        w.recent_menu.addAction(
            QCoreApplication.translate("KeymonMainWindow", "(none)")
        ).setEnabled(False)


def fill_columns(w: KeymonMainWindow, menu: QMenu) -> None:
    menu.clear()
    for i in range(len(w.model.columns)):
        action = menu.addAction(w.model.column_name(i))
        action.setCheckable(True)
        action.setChecked(not w.table.isColumnHidden(i))
        action.toggled.connect(lambda on, c=i: w.table.setColumnHidden(c, not on))


def header_menu(w: KeymonMainWindow, pos: QPoint) -> None:
    menu = QMenu(w)
    fill_columns(w, menu)
    menu.exec(w.table.horizontalHeader().mapToGlobal(pos))


def table_menu(w: KeymonMainWindow, pos: QPoint) -> None:
    a = w.actions_by_name
    menu = QMenu(w)
    menu.addActions(
        [
            a["actionDownloadCertificate"],
            a["actionDownloadChain"],
            a["actionDownloadRoot"],
            a["actionDownloadOpenSsh"],
            a["actionExportKeyPair"],
        ]
    )
    menu.addSeparator()
    menu.addActions([a["actionCopyFingerprint"], a["actionCopyPem"]])
    menu.addSeparator()
    menu.addActions([a["actionRename"], a["actionDelete"]])
    menu.exec(w.table.viewport().mapToGlobal(pos))

"""The main window's menus, toolbar and context menus, built from its actions.

:func:`build_menus` returns what it made (:class:`Menus`); the window keeps it.
Texts keep the "KeymonMainWindow" translation context they had as the window's own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QTableView, QToolBar

from keymon.gui.actions import ActionId
from keymon.gui.icons import icon
from keymon.gui.models.entries_model import EntriesModel
from keymon.gui.settings import Settings

Actions = Mapping[ActionId, QAction]


@dataclass(frozen=True)
class Menus:
    """The menus and actions :func:`build_menus` made besides the action table's."""

    undo_action: QAction
    redo_action: QAction
    about_action: QAction
    recent_menu: QMenu
    download_menu: QMenu
    view_menu: QMenu
    columns_menu: QMenu
    help_menu: QMenu
    toolbar: QToolBar


def _add_menu(menubar: QMenuBar, a: Actions) -> None:
    add_menu = menubar.addMenu(QCoreApplication.translate("KeymonMainWindow", "&Add"))
    add_menu.addActions(
        [
            a[ActionId.ADD_CERTIFICATE],
            a[ActionId.ADD_CERTIFICATE_FROM_CLIPBOARD],
            a[ActionId.ADD_KEY_PAIR],
            a[ActionId.ADD_KEYSTORE],
        ]
    )
    add_menu.addSeparator()
    add_menu.addAction(a[ActionId.IMPORT_ROOT_CA])  # also under the connectivity test's result


def _add_compare(file_menu: QMenu, a: Actions) -> None:
    """Compare Keystores… in a group of its own before Quit."""
    file_menu.addSeparator()
    file_menu.addAction(a[ActionId.COMPARE])
    file_menu.addSeparator()


def build_menus(
    w: QMainWindow,
    a: Actions,
    settings: Settings,
    open_path: Callable[[Path], None],
    table: QTableView,
    model: EntriesModel,
) -> Menus:
    """The menu bar, the toolbar and Help › About, from the window's actions.

    Open Recent lists ``settings.recent_files`` and opens one with ``open_path``;
    View › Columns shows or hides ``table``'s columns (named by ``model``).
    """
    menubar = w.menuBar()
    file_menu = menubar.addMenu(QCoreApplication.translate("KeymonMainWindow", "&File"))
    file_menu.addActions([a[ActionId.NEW_KEYSTORE], a[ActionId.OPEN], a[ActionId.OPEN_DEFAULT]])
    recent_menu = file_menu.addMenu(QCoreApplication.translate("KeymonMainWindow", "Open &Recent"))
    recent_menu.setObjectName("recentMenu")
    recent_menu.aboutToShow.connect(lambda: fill_recent(recent_menu, settings, open_path))
    file_menu.addSeparator()
    file_menu.addActions([a[ActionId.RELOAD], a[ActionId.BACKUPS], a[ActionId.CHANGE_PASSWORD]])
    _add_compare(file_menu, a)
    file_menu.addAction(a[ActionId.QUIT])

    undo_action = QAction(QCoreApplication.translate("KeymonMainWindow", "&Undo"), w)
    undo_action.setObjectName("actionUndo")
    redo_action = QAction(QCoreApplication.translate("KeymonMainWindow", "&Redo"), w)
    redo_action.setObjectName("actionRedo")
    edit_menu = menubar.addMenu(QCoreApplication.translate("KeymonMainWindow", "&Edit"))
    edit_menu.addActions([undo_action, redo_action])
    edit_menu.addSeparator()
    edit_menu.addActions([a[ActionId.COPY_FINGERPRINT], a[ActionId.COPY_PEM]])
    edit_menu.addSeparator()
    edit_menu.addActions([a[ActionId.RENAME], a[ActionId.DELETE], a[ActionId.FIND]])
    edit_menu.addSeparator()
    edit_menu.addAction(a[ActionId.SETTINGS])

    _add_menu(menubar, a)
    key_pairs_menu = menubar.addMenu(QCoreApplication.translate("KeymonMainWindow", "&Key Pairs"))
    key_pairs_menu.setObjectName("keyPairsMenu")
    key_pairs_menu.setToolTipsVisible(True)  # why Sign CSR is disabled
    key_pairs_menu.addActions(
        [
            a[ActionId.GENERATE_KEY_PAIR],
            a[ActionId.CREATE_CSR],
            a[ActionId.IMPORT_CA_REPLY],
            a[ActionId.SIGN_CSR],
        ]
    )
    download_menu = menubar.addMenu(QCoreApplication.translate("KeymonMainWindow", "&Download"))
    download_menu.addActions(
        [
            a[ActionId.DOWNLOAD_CERTIFICATE],
            a[ActionId.DOWNLOAD_CHAIN],
            a[ActionId.DOWNLOAD_ROOT],
            a[ActionId.DOWNLOAD_OPEN_SSH],
        ]
    )
    download_menu.addSeparator()
    download_menu.addAction(a[ActionId.EXPORT_KEY_PAIR])
    view_menu = menubar.addMenu(QCoreApplication.translate("KeymonMainWindow", "&View"))
    columns_menu = view_menu.addMenu(QCoreApplication.translate("KeymonMainWindow", "&Columns"))
    columns_menu.aboutToShow.connect(lambda: fill_columns(columns_menu, table, model))

    toolbar = QToolBar(QCoreApplication.translate("KeymonMainWindow", "Main"), w)
    toolbar.setObjectName("mainToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions(
        [
            a[ActionId.OPEN],
            a[ActionId.ADD_CERTIFICATE],
            a[ActionId.ADD_KEY_PAIR],
            a[ActionId.GENERATE_KEY_PAIR],
        ]
    )
    toolbar.addSeparator()
    toolbar.addActions([a[ActionId.DOWNLOAD_CERTIFICATE], a[ActionId.EXPORT_KEY_PAIR]])
    toolbar.addSeparator()
    toolbar.addActions([a[ActionId.RENAME], a[ActionId.DELETE]])
    w.addToolBar(toolbar)

    help_menu = menubar.addMenu(QCoreApplication.translate("KeymonMainWindow", "&Help"))
    help_menu.setObjectName("helpMenu")
    about_action = help_menu.addAction(
        icon("help-about"), QCoreApplication.translate("KeymonMainWindow", "&About keymon")
    )
    about_action.setObjectName("actionAbout")
    about_action.setMenuRole(QAction.MenuRole.AboutRole)
    about_action.triggered.connect(lambda: _show_about(w))
    return Menus(
        undo_action,
        redo_action,
        about_action,
        recent_menu,
        download_menu,
        view_menu,
        columns_menu,
        help_menu,
        toolbar,
    )


def fill_recent(menu: QMenu, settings: Settings, open_path: Callable[[Path], None]) -> None:
    menu.clear()
    for path in settings.recent_files:
        action = menu.addAction(path)
        action.triggered.connect(lambda _c=False, p=path: open_path(Path(p)))
    if not settings.recent_files:
        menu.addAction(QCoreApplication.translate("KeymonMainWindow", "(none)")).setEnabled(False)


def fill_columns(menu: QMenu, table: QTableView, model: EntriesModel) -> None:
    menu.clear()
    for i in range(len(model.columns)):
        action = menu.addAction(model.column_name(i))
        action.setCheckable(True)
        action.setChecked(not table.isColumnHidden(i))
        action.toggled.connect(lambda on, c=i: table.setColumnHidden(c, not on))


def header_menu(table: QTableView, model: EntriesModel, pos: QPoint) -> None:
    menu = QMenu(table)
    fill_columns(menu, table, model)
    menu.exec(table.horizontalHeader().mapToGlobal(pos))


def table_menu(table: QTableView, a: Actions, pos: QPoint) -> None:
    menu = build_table_menu(table, a)
    menu.exec(table.viewport().mapToGlobal(pos))
    menu.deleteLater()


def build_table_menu(table: QTableView, a: Actions) -> QMenu:
    """The table's context menu; the table's own visible actions come last (a tenant's
    Activate Renewal Key Pair…, added to the table while a tenant is shown)."""
    menu = QMenu(table)
    menu.addActions(
        [
            a[ActionId.DOWNLOAD_CERTIFICATE],
            a[ActionId.DOWNLOAD_CHAIN],
            a[ActionId.DOWNLOAD_ROOT],
            a[ActionId.DOWNLOAD_OPEN_SSH],
            a[ActionId.EXPORT_KEY_PAIR],
        ]
    )
    menu.addSeparator()
    menu.addActions([a[ActionId.COPY_FINGERPRINT], a[ActionId.COPY_PEM]])
    menu.addSeparator()
    menu.addActions([a[ActionId.RENAME], a[ActionId.DELETE]])
    extra = [action for action in table.actions() if action.isVisible()]
    if extra:
        menu.addSeparator()
        menu.addActions(extra)
    return menu


def _show_about(window: QMainWindow) -> None:
    from keymon.gui.dialogs.about_dialog import show_about  # (loads on use)

    show_about(window)

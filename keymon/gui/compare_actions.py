"""File › Compare Keystores…: opens (or raises) the one Compare window of the main window.

Side A starts as what the window shows (a keystore file or a tenant, already in
memory); the lists also offer the saved tenant profiles and any keystore file the
user picks. Double-clicking a row selects that alias in the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from keymon.core.entries import Entry
from keymon.core.errors import KeymonError
from keymon.core.sapci import names as keystores
from keymon.gui.action_binding import ActionGroup, handles
from keymon.gui.actions import ActionId
from keymon.gui.context import AppContext, EntrySelection
from keymon.gui.keystore_actions import KEYSTORE_FILTER

if TYPE_CHECKING:  # the Compare window's modules load when it is first opened (issue 13)
    from keymon.core.sapci.client import TenantClient
    from keymon.gui.compare_sources import Side
    from keymon.gui.dialogs.compare_dialog import CompareDialog
    from keymon.gui.tenants.tenant_actions import TenantActions


translate = QCoreApplication.translate


class ComparingWindow(EntrySelection, Protocol):
    """The main window as this group sees it: its selection and its tenant actions."""

    tenants: TenantActions


class CompareActions(ActionGroup):
    """File › Compare Keystores…; the dialog reads, compares and never writes."""

    def __init__(self, ctx: AppContext, window: ComparingWindow) -> None:
        self.ctx = ctx
        self.selection: EntrySelection = window
        self.tenants = window.tenants
        self.dialog: CompareDialog | None = None

    # -- what the window shows ---------------------------------------------------------
    def shown_side(self) -> Side | None:
        from keymon.gui.compare_sources import Side, SideKind

        store = self.ctx.store
        if store is not None:
            name = (
                store.path.name
                if store.path is not None
                else translate("Compare", "unsaved keystore")
            )
            return Side(SideKind.SHOWN, name)
        tenant = self.tenants.current
        return Side(SideKind.SHOWN, tenant.label) if tenant is not None else None

    def shown_entries(self) -> Sequence[Entry]:
        store = self.ctx.store
        return store.entries if store is not None else self.tenants.entries()

    def profile_sides(self) -> list[Side]:
        from keymon.gui.compare_sources import Side, SideKind

        try:
            names = sorted(self.tenants.profiles.load())
        except KeymonError as exc:
            self.ctx.show_message(exc.message)
            return []
        sides = []
        for name in names:  # each saved tenant's system keystore, Key Renewal and backup
            sides += [
                Side(SideKind.TENANT, name, profile=name),
                Side(
                    SideKind.TENANT,
                    translate("Tenants", "{name} › Key Renewal").format(name=name),
                    profile=name,
                    keystore=keystores.RENEWAL,
                ),
                Side(
                    SideKind.TENANT,
                    translate("Compare", "{name} › Backup").format(name=name),
                    profile=name,
                    keystore=keystores.BACKUP,
                ),
            ]
        return sides

    def client(self, profile: str) -> TenantClient:
        return self.tenants.client_for(self.tenants.profiles.get(profile))

    def choose_file(self) -> Side | None:
        from keymon.gui.compare_sources import Side, SideKind

        path = self.ctx.prompts.choose_open_file(
            translate("Compare", "Compare with keystore"),
            QCoreApplication.translate("Operations", KEYSTORE_FILTER),
        )
        return Side(SideKind.FILE, path.name, path=path) if path is not None else None

    def select_alias(self, alias: str) -> None:
        self.selection.select_alias(alias)
        parent = self.ctx.dialog_parent
        if parent is not None:
            parent.activateWindow()
            parent.raise_()

    # -- the action ------------------------------------------------------------------------
    @handles(ActionId.COMPARE)
    def compare(self) -> CompareDialog:
        """Show the Compare window with side A set to what the window shows now."""
        dialog = self.dialog
        if dialog is None:
            from keymon.gui.compare_sources import SideReader  # (loads on use)
            from keymon.gui.dialogs.compare_dialog import CompareDialog

            reader = SideReader(
                self.ctx.runner,
                self.ctx.prompts,
                self.ctx.password_gate,
                self.client,
                self.shown_entries,
            )
            dialog = CompareDialog(
                reader, self.choose_file, self.select_alias, self.ctx.dialog_parent
            )
            self.dialog = dialog
            self.ctx.keystoreOpened.connect(self.follow_window)
        self.refresh_sides(dialog)
        if dialog.isVisible():  # behind the window: to the front
            dialog.raise_()
            dialog.activateWindow()
        dialog.show()
        (dialog.b_combo if dialog.side_a() is not None else dialog.a_combo).setFocus()
        return dialog

    def refresh_sides(self, dialog: CompareDialog) -> None:
        """Offer what the window shows now, the tenant profiles and the files picked so far;
        a side that was what the window showed becomes what it shows now (A: by default)."""
        from keymon.gui.compare_sources import SideKind

        shown = self.shown_side()
        files = [s for s in dialog.sides if s.kind is SideKind.FILE]
        sides = [*([shown] if shown is not None else []), *self.profile_sides(), *files]

        def fresh(side: Side | None) -> Side | None:
            if side is not None and side.kind is SideKind.SHOWN:
                return shown
            return side if side in sides else None

        a = dialog.side_a()
        dialog.set_sides(sides, fresh(a) if a is not None else shown, fresh(dialog.side_b()))

    def follow_window(self) -> None:
        """The window shows another keystore or tenant: the open Compare window follows."""
        dialog = self.dialog
        if dialog is not None and dialog.isVisible() and not dialog.running:
            self.refresh_sides(dialog)

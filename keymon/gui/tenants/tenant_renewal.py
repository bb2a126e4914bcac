"""A tenant's KeyRenewal keystore in the window: Activate, Delete there, and Key History….

Activate (Key Pairs menu, shown while a tenant is) makes the selected KeyRenewal key
pair the system one; the system key pair of that alias moves to the key history.
Delete in KeyRenewal names that keystore (the system one is not changed). Key
History… (File menu) opens :class:`HistoryDialog`. Every write goes through
:class:`TenantWrites` (confirmation, read-only profiles, one write at a time, re-read).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from keymon.core.sapci import api
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.mapping import TenantKeyPair
from keymon.gui.tenants.history_dialog import HistoryDialog
from keymon.gui.tenants.session import TenantSession, keystore_name
from keymon.gui.tenants.tenant_writes import TenantWrites, entry_names
from keymon.gui.wizards.import_root_wizard import colon_fingerprint
from keymon.gui.workers import TaskHandle

translate = QCoreApplication.translate


class TenantRenewal:
    """Activate and Delete in KeyRenewal, and the Key History dialog."""

    def __init__(
        self, writes: TenantWrites, activate_action: QAction, separator: QAction | None
    ) -> None:
        """``activate_action`` (and its ``separator``) sit in the Key Pairs menu already:
        TenantActions puts them there at start-up and triggers :meth:`activate`."""
        self.writes = writes
        self.ctx = writes.ctx
        #: The open Key History dialog (None when none is open).
        self.history_dialog: HistoryDialog | None = None
        self.activate_action = activate_action
        self.separator = separator
        self.limit()

    @property
    def current(self) -> TenantSession | None:
        return self.writes.tenants.current

    def selected(self) -> TenantKeyPair | None:
        chosen = self.writes.selection.selected_entries()
        one = chosen[0] if len(chosen) == 1 else None
        return one if isinstance(one, TenantKeyPair) else None

    # -- Activate -----------------------------------------------------------------------
    def activate_refusal(self) -> str | None:
        """Why Activate cannot run on what the window shows (None: it can)."""
        tenant = self.current
        if tenant is None:
            return translate("Tenants", "No tenant is open.")
        if tenant.keystore != api.RENEWAL:
            return translate(
                "Tenants",
                "Open the Key Renewal keystore of tenant {name} (File › Open Tenant) "
                "and select a renewal key pair to activate it.",
            ).format(name=tenant.profile.name)
        entry = self.selected()
        reason = self.writes.refusal([entry] if entry is not None else [])
        if reason is not None:
            return reason
        if entry is None:
            return translate("Tenants", "Select one renewal key pair to activate it.")
        return None

    def limit(self) -> None:
        """Activate is shown while a tenant is, enabled on one KeyRenewal key pair."""
        shown = self.current is not None
        for action in (self.activate_action, self.separator):
            if action is not None:
                action.setVisible(shown)
        reason = self.activate_refusal()
        self.activate_action.setEnabled(reason is None)
        self.activate_action.setToolTip(reason or "")

    def activate(self) -> TaskHandle | None:
        """Make the selected renewal key pair the system one, once confirmed."""
        reason = self.activate_refusal()
        entry = self.selected()
        if reason is not None or entry is None:
            self.ctx.prompts.error(translate("Tenants", "The tenant is not changed"), str(reason))
            return None
        name = self.writes.name
        summary = entry.certificate.summary
        question = translate(
            "Tenants",
            "Activate the renewal key pair {alias} on tenant {name}?\n\n"
            "The key pair {alias} in the system keystore is replaced by the renewal key "
            "pair; the old one moves to the key history.\n\n"
            "Renewal certificate: {cn}, valid until {until}\nSHA-256: {fingerprint}",
        ).format(
            alias=entry.alias,
            name=name,
            cn=summary.subject_cn,
            until=summary.not_after.strftime("%Y-%m-%d"),
            fingerprint=colon_fingerprint(summary.sha256),
        )
        if not self.ctx.prompts.confirm(translate("Tenants", "Activate on tenant"), question):
            return None
        alias = entry.alias

        def job(client: TenantClient) -> None:
            api.activate_renewal(client, alias)

        done = translate(
            "Tenants",
            "Activated {alias} on tenant {name}: it is the system key pair now; "
            "the old one is in File › Key History…",
        ).format(alias=alias, name=name)
        return self.writes.write(translate("Tenants", "Activating on the tenant"), job, done)

    # -- Delete in KeyRenewal ----------------------------------------------------------
    def delete(self) -> TaskHandle | None:
        """Delete the selected entries from KeyRenewal (the system keystore keeps its own)."""
        entries = self.writes.selection.selected_entries()
        if not entries or self.writes.refused(entries):
            return None
        name = self.writes.name
        question = translate(
            "Tenants",
            "Delete from the {keystore} of tenant {name}: {names}?\n\n"
            "The system keystore is not changed. Deleting renewal key pairs cannot be undone.",
        ).format(keystore=keystore_name(api.RENEWAL), name=name, names=entry_names(entries))
        title = translate("Tenants", "Delete from tenant")
        if not self.ctx.prompts.confirm(title, question, destructive=True):
            return None
        aliases = [e.alias for e in entries]

        def job(client: TenantClient) -> None:
            for alias in aliases:
                api.delete(client, alias, api.RENEWAL)

        done = translate("Tenants", "Deleted {names} from the {keystore} of tenant {name}").format(
            names=entry_names(entries), keystore=keystore_name(api.RENEWAL), name=name
        )
        return self.writes.write(translate("Tenants", "Deleting on the tenant"), job, done)

    # -- Key History ---------------------------------------------------------------------
    def show_history(self) -> HistoryDialog | None:
        """Open (or raise) the Key History dialog of the tenant shown and read it."""
        tenant = self.current
        if tenant is None:
            return None
        dialog = self.history_dialog
        if dialog is None or dialog.profile_name != tenant.profile.name:
            self.close_history()
            dialog = HistoryDialog(self.writes, self.ctx.dialog_parent)
            dialog.finished.connect(lambda _code: self._forget(dialog))
            self.history_dialog = dialog
        if dialog.isVisible():  # open already: bring it to the front
            dialog.raise_()
            dialog.activateWindow()
        dialog.show()
        dialog.refresh()
        return dialog

    def _forget(self, dialog: HistoryDialog) -> None:
        if self.history_dialog is dialog:
            self.history_dialog = None
        if not dialog.closed:
            dialog.dispose()

    def close_history(self, keep: TenantSession | None = None) -> None:
        """Close the Key History dialog unless it belongs to ``keep``'s profile."""
        dialog = self.history_dialog
        if dialog is None or (keep is not None and keep.profile.name == dialog.profile_name):
            return
        self.history_dialog = None
        dialog.dispose()

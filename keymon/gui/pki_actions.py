"""The Key Pairs menu: each handler opens a wizard and acts only on Finish.

* Generate Key Pair → one ``AddEntries`` undo command.
* Import CA Reply → one ``ReplaceEntry`` undo command.
* Create CSR / Sign CSR → a file (and/or the clipboard); the keystore is unchanged.

Wizards are shown through :meth:`AppContext.run_wizard` (the prompts show them).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from keymon.core.entries import KeyPairEntry
from keymon.gui import undo
from keymon.gui.action_binding import ActionGroup, handles
from keymon.gui.actions import ActionId
from keymon.gui.context import AppContext, EntrySelection
from keymon.gui.password_flow import unlock_key


class PkiActions(ActionGroup):
    """Generate a key pair, create a CSR, import a CA reply, sign a CSR."""

    def __init__(self, ctx: AppContext, selection: EntrySelection) -> None:
        self.ctx = ctx
        self.selection = selection

    def _selected_key_pair(self) -> KeyPairEntry | None:
        """The selected key pair with a usable key (a key's own password is asked for)."""
        entry = self.selection.current_entry()
        if not isinstance(entry, KeyPairEntry) or self.ctx.session is None:
            return None
        return unlock_key(self.ctx.prompts, entry)

    @handles(ActionId.GENERATE_KEY_PAIR)
    def generate_key_pair(self) -> None:
        if self.ctx.session is None or self.ctx.store is None:
            return
        from keymon.gui.wizards.keypair_wizard import KeyPairWizard  # (wizards load on use)

        wizard = KeyPairWizard(
            self.ctx.store.aliases,
            self.ctx.runner,
            self.ctx.dialog_parent,
            default_key=self.ctx.settings.default_key,
            validity_days=self.ctx.settings.default_validity_days,
        )
        if not self.ctx.run_wizard(wizard) or wizard.outcome is None:
            return
        entry = wizard.outcome.entry
        self.ctx.session.push(undo.AddEntries(self.ctx.session, [entry]))
        self.selection.select_alias(entry.alias)

    @handles(ActionId.CREATE_CSR)
    def create_csr(self) -> None:
        entry = self._selected_key_pair()
        if entry is None:
            return
        from keymon.gui.wizards.csr_wizard import CsrWizard

        wizard = CsrWizard(entry, self.ctx.prompts, self.ctx.dialog_parent)
        if not self.ctx.run_wizard(wizard) or wizard.outcome is None:
            return
        result = wizard.outcome
        if result.clipboard:
            QGuiApplication.clipboard().setText(result.pem.decode("ascii"))
            self.ctx.show_message(
                QCoreApplication.translate("Operations", "The request is on the clipboard")
            )
        if result.path is not None:
            self.ctx.write_file(result.path, lambda: result.pem)

    @handles(ActionId.IMPORT_CA_REPLY)
    def import_ca_reply(self) -> None:
        entry = self._selected_key_pair()
        if entry is None or self.ctx.store is None or self.ctx.session is None:
            return
        store = self.ctx.store
        from keymon.gui.wizards.ca_reply_wizard import CaReplyWizard

        wizard = CaReplyWizard(
            entry,
            store.certificates(),
            store.trusted_certificates(),
            self.ctx.prompts,
            self.ctx.dialog_parent,
        )
        if not self.ctx.run_wizard(wizard) or wizard.outcome is None:
            return
        text = QCoreApplication.translate("Operations", "Import CA reply into {alias}").format(
            alias=entry.alias
        )
        self.ctx.session.push(undo.ReplaceEntry(self.ctx.session, wizard.outcome.entry, text))
        self.selection.select_alias(entry.alias)

    @handles(ActionId.SIGN_CSR)
    def sign_csr(self) -> None:
        entry = self._selected_key_pair()
        if entry is None:
            return
        from keymon.gui.wizards.sign_csr_wizard import SignCsrWizard

        wizard = SignCsrWizard(entry, self.ctx.prompts, self.ctx.dialog_parent)
        if not self.ctx.run_wizard(wizard) or wizard.outcome is None:
            return
        result = wizard.outcome
        self.ctx.write_file(result.path, lambda: result.data)

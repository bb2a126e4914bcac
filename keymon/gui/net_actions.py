"""The connectivity test's actions on a result: save the server's certificates, trust
the server's root (one undo step).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from keymon.core.aliases import suggest_alias
from keymon.gui import undo
from keymon.gui.context import AppContext, EntrySelection

if TYPE_CHECKING:  # a probe result exists only once the connectivity panel ran (issue 13)
    from keymon.core.net.result import ProbeResult


class TenantTarget(Protocol):
    """A tenant shown in the window that takes the root instead of the file."""

    def writable(self) -> bool: ...

    def import_root(self, result: ProbeResult) -> bool: ...


class NetActions:
    """What the connectivity panel's result buttons do."""

    def __init__(self, ctx: AppContext, selection: EntrySelection) -> None:
        self.ctx = ctx
        self.selection = selection
        #: The tenant shown in the window, when one is (Import Root CA targets it).
        self.tenant_target: TenantTarget | None = None

    def can_import_root(self) -> bool:
        """A keystore file is open, or a tenant that may be changed."""
        target = self.tenant_target
        return self.ctx.session is not None or (target is not None and target.writable())

    def save_server_certificates(self, result: ProbeResult) -> None:
        from keymon.gui.connectivity import CERTS_FILTER, certificates_bytes

        chain = result.chain
        if not chain:
            return
        name = suggest_alias(result.server_name or result.host, [])
        path = self.ctx.prompts.choose_save_file(
            QCoreApplication.translate("Operations", "Save server certificates"),
            f"{name}.pem",
            QCoreApplication.translate("Operations", CERTS_FILTER),
        )
        if path is not None:
            self.ctx.write_file(path, lambda: certificates_bytes(chain, path))

    def import_root(self, result: ProbeResult) -> bool:
        """Run the Import root CA wizard; Finish adds one trusted entry (one undo step)."""
        if self.ctx.session is None and self.tenant_target is not None:
            return self.tenant_target.import_root(result)
        session = self.ctx.session
        if session is None or not result.chain:
            return False
        from keymon.gui.wizards.import_root_wizard import ImportRootWizard

        wizard = ImportRootWizard(
            result, session.store.aliases, self.ctx.dialog_parent, prompts=self.ctx.prompts
        )
        wizard.setModal(True)
        if not self.ctx.run_wizard(wizard) or wizard.outcome is None:
            return False
        entry = wizard.outcome
        session.push(undo.AddEntries(session, [entry]))
        self.selection.select_alias(entry.alias)
        return True

"""Add › Key Pair… on a tenant: upload key pairs from a local keystore or PKCS#12.

Every key of a multi-key file can go, each under its own alias (the tenant takes one
key per request; keymon sends each as its own PKCS#12 under a one-time password).
Aliases the tenant has already, or that are reserved for SAP, are refused here,
before anything is sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from keymon.core import storage
from keymon.core.aliases import alias_key
from keymon.core.cancel import CancelToken
from keymon.core.entries import Entry, KeyPairEntry
from keymon.core.formats.detect import Loaded, load
from keymon.core.passwords import PasswordSource
from keymon.core.sapci import api
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.mapping import is_reserved
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.password_flow import DialogPasswordPrompt, PasswordFlow, unlock_key
from keymon.gui.tenants.tenant_writes import TenantWrites, entry_names
from keymon.gui.workers import ErrorInfo

translate = QCoreApplication.translate

KEYPAIR_FILTER = QT_TRANSLATE_NOOP(
    "Tenants", "Keystores with key pairs (*.p12 *.pfx *.jks *.jceks *.pem *.key);;All files (*)"
)


class TenantUploads:
    """Upload local key pairs to the tenant shown."""

    def __init__(self, writes: TenantWrites) -> None:
        self.writes = writes
        self.ctx = writes.ctx

    def add_key_pairs(self) -> None:
        if self.writes.refused():
            return
        path = self.ctx.prompts.choose_open_file(
            translate("Tenants", "Upload key pairs to tenant {name}").format(name=self.writes.name),
            translate("Tenants", KEYPAIR_FILTER),
        )
        if path is None:
            return

        def job(password: str | None, cancel: CancelToken) -> Loaded:
            data, _ = storage.read_file(path)
            return load(data, password, cancel)

        def failed(error: ErrorInfo) -> None:
            title = translate("Operations", "Cannot read {name}").format(name=path.name)
            self.ctx.prompts.error(title, error.message)

        source = PasswordSource(path, None, prompt=DialogPasswordPrompt(self.ctx.prompts))
        PasswordFlow(
            self.ctx.runner,
            self.ctx.password_gate,
            source,
            job,
            title=translate("Operations", "Reading"),
            on_done=lambda loaded: self._chosen(loaded, path),
            on_error=failed,
        ).start()

    def _chosen(self, loaded: Loaded, path: Path) -> None:
        found: list[Entry] = [e for e in loaded.entries if isinstance(e, KeyPairEntry)]
        if not found:
            self.ctx.prompts.error(
                translate("Operations", "No key pair"),
                translate("Operations", "The file holds no private key with a certificate."),
            )
            return
        chosen: Sequence[Entry] = found
        if len(found) > 1:
            picked = self.ctx.prompts.choose_entries(
                found, translate("Tenants", "Choose key pairs to upload")
            )
            if not picked:
                return
            chosen = [e for e in picked if e in found]
        problem = self._alias_problem(chosen)
        if problem is not None:
            self.ctx.prompts.error(translate("Tenants", "The tenant is not changed"), problem)
            return
        opened = []
        for entry in chosen:
            assert isinstance(entry, KeyPairEntry)
            unlocked = unlock_key(self.ctx.prompts, entry)  # a key of its own password
            if unlocked is None:
                return
            opened.append(unlocked)
        self._upload(opened, path)

    def _alias_problem(self, entries: Sequence[Entry]) -> str | None:
        taken = {alias_key(a) for a in self.writes.aliases()}
        clash = [e.alias for e in entries if alias_key(e.alias) in taken]
        if clash:
            return translate(
                "Tenants",
                "Tenant {name} already has entries named {aliases}; delete or rename them "
                "there first.",
            ).format(name=self.writes.name, aliases=", ".join(clash))
        reserved = [e.alias for e in entries if is_reserved(e.alias)]
        if reserved:
            return translate("Tenants", "The aliases {aliases} are reserved for SAP.").format(
                aliases=", ".join(reserved)
            )
        return None

    def _upload(self, entries: Sequence[KeyPairEntry], path: Path) -> None:
        name = self.writes.name
        question = translate(
            "Tenants",
            "Upload the key pairs {names} from {file} to tenant {name}, private keys "
            "included? Each goes over HTTPS as its own PKCS#12 under a one-time password.",
        ).format(names=entry_names(entries), file=path.name, name=name)
        if not self.ctx.prompts.confirm(translate("Tenants", "Upload to tenant"), question):
            return

        def job(client: TenantClient) -> list[str]:
            return api.upload_key_pairs(client, entries)

        done = translate("Tenants", "Uploaded {names} to tenant {name}").format(
            names=entry_names(entries), name=name
        )
        self.writes.write(
            translate("Tenants", "Uploading to the tenant"), job, done, select=entries[-1].alias
        )

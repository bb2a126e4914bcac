"""Writes to the tenant shown in the window: add a trusted certificate, import a server's
root, delete, rename, back up and restore.

Every write names the tenant and the change in a confirmation, is refused on a
read-only profile and on SAP-owned entries (with the reason), runs in a worker (the
window's busy indicator shows it), says a failure in one sentence and reads the
tenant again afterwards. There is no undo on a tenant: nothing here pretends one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from cryptography.hazmat.primitives.serialization import Encoding
from PySide6.QtCore import QCoreApplication

from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry
from keymon.core.errors import KeymonError
from keymon.core.formats.detect import Format, detect, load
from keymon.core.formats.limits import read_input
from keymon.core.net.result import ProbeResult
from keymon.core.sapci import api
from keymon.core.sapci.client import TenantClient
from keymon.gui.context import AppContext, EntrySelection
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.tenants.enabling import READ_ONLY, SAP_OWNED, sap_owned
from keymon.gui.tenants.session import TenantSession
from keymon.gui.wizards.import_root_wizard import ImportRootWizard, colon_fingerprint
from keymon.gui.workers import ErrorInfo, TaskHandle

translate = QCoreApplication.translate

CERT_FILTER = QT_TRANSLATE_NOOP(
    "Operations", "Certificates (*.cer *.crt *.pem *.der *.p7b *.p7c);;All files (*)"
)
_CERT_FORMATS = (Format.DER, Format.PKCS7, Format.PKIPATH, Format.PEM)


def entry_names(entries: Sequence[Entry]) -> str:
    names = ", ".join(e.alias for e in entries[:5])
    return names + ("…" if len(entries) > 5 else "")


class ShownTenant(Protocol):
    """The tenant the window shows (TenantActions), read again after each write."""

    @property
    def current(self) -> TenantSession | None: ...

    def reload(self) -> None: ...


class TenantWrites:
    """What changes the tenant shown in the window (see the module's docstring)."""

    def __init__(self, ctx: AppContext, tenants: ShownTenant, selection: EntrySelection) -> None:
        self.ctx = ctx
        self.tenants = tenants
        self.selection = selection
        #: The write running now (tests wait on it).
        self.running: TaskHandle | None = None

    # -- what every write shares --------------------------------------------------------
    @property
    def name(self) -> str:
        tenant = self.tenants.current
        return tenant.profile.name if tenant is not None else ""

    def refusal(self, entries: Sequence[Entry] = ()) -> str | None:
        """Why the tenant shown may not be changed (read-only profile, SAP's entries)."""
        tenant = self.tenants.current
        if tenant is None:
            return translate("Tenants", "No tenant is open.")
        if tenant.read_only:
            return translate("Tenants", READ_ONLY).format(name=tenant.profile.name)
        owned = next((e for e in entries if sap_owned(e)), None)
        if owned is not None:
            return translate("Tenants", SAP_OWNED).format(alias=owned.alias)
        return None

    def refused(self, entries: Sequence[Entry] = ()) -> bool:
        """Say why nothing is written (an error box); True when refused."""
        reason = self.refusal(entries)
        if reason is not None:
            self.ctx.prompts.error(translate("Tenants", "The tenant is not changed"), reason)
        return reason is not None

    def aliases(self) -> list[str]:
        tenant = self.tenants.current
        return [e.alias for e in tenant.view.entries] if tenant is not None else []

    def write(
        self,
        title: str,
        job: Callable[[TenantClient], object],
        done_text: str,
        *,
        select: str | None = None,
    ) -> TaskHandle | None:
        """Run ``job(client)`` in a worker; then say ``done_text`` and read the tenant again
        (``select``: the alias to select once it is read)."""
        tenant = self.tenants.current
        if tenant is None:
            return None
        if self.running is not None and not self.running.done:
            self.ctx.prompts.error(
                translate("Tenants", "The tenant is not changed"),
                translate("Tenants", "A change to tenant {name} is still running.").format(
                    name=tenant.profile.name
                ),
            )
            return None

        def done(result: object) -> None:
            self.running = None
            self.ctx.show_message(done_text)
            if select is not None:
                self._select_when_read(select)
            self.tenants.reload()

        def failed(error: ErrorInfo) -> None:
            self.running = None
            self.ctx.prompts.error(translate("Tenants", "The tenant is not changed"), error.message)
            self.tenants.reload()  # what the tenant holds now, whatever part was done

        self.running = self.ctx.runner.run(
            job, tenant.client, title=title, on_done=done, on_error=failed
        )
        return self.running

    def _select_when_read(self, alias: str) -> None:
        def pick() -> None:
            self.ctx.keystoreOpened.disconnect(pick)
            self.selection.select_alias(alias)

        self.ctx.keystoreOpened.connect(pick)

    # -- trusted certificates ---------------------------------------------------------
    def add_certificate(self) -> None:
        """Add › Certificate… on a tenant: the file's review, then the upload."""
        if self.refused():
            return
        path = self.ctx.prompts.choose_open_file(
            translate("Tenants", "Add a certificate to tenant {name}").format(name=self.name),
            translate("Operations", CERT_FILTER),
        )
        if path is not None:
            self.add_certificate_file(path)

    def refused_outside_system(self) -> bool:
        """Trusted certificates go into the system keystore only: say so when another is shown."""
        tenant = self.tenants.current
        if tenant is None or tenant.keystore == api.SYSTEM:
            return False
        reason = translate(
            "Tenants",
            "Trusted certificates go into the system keystore of tenant {name}: open it "
            "(File › Open Tenant ▸ {name}) and add the certificate there.",
        ).format(name=tenant.profile.name)
        self.ctx.prompts.error(translate("Tenants", "The tenant is not changed"), reason)
        return True

    def add_certificate_file(self, path: Path) -> None:
        if self.refused_outside_system():
            return
        try:
            loaded = load(read_input(path), None)
        except KeymonError as exc:
            title = translate("Operations", "Cannot read {name}").format(name=path.name)
            self.ctx.prompts.error(title, exc.message)
            return
        certs = [e.cert for e in loaded.entries if isinstance(e, CertificateEntry)]
        if not certs:
            self.ctx.prompts.error(
                translate("Operations", "No certificate"),
                translate("Operations", "The file holds no certificate."),
            )
            return
        wizard = ImportRootWizard.for_file(certs, path.name, self.aliases(), self.ctx.dialog_parent)
        self._title(wizard, translate("Tenants", "Add Trusted Certificate to Tenant {name}"))
        if self.ctx.run_wizard(wizard) and wizard.outcome is not None:
            self.upload_trusted(wizard.outcome)

    def import_root(self, result: ProbeResult) -> bool:
        """The connectivity panel's Import Root CA, into the tenant; True when it uploads."""
        if self.refused() or self.refused_outside_system() or not result.chain:
            return False
        wizard = ImportRootWizard(
            result, self.aliases(), self.ctx.dialog_parent, prompts=self.ctx.prompts
        )
        wizard.setModal(True)
        self._title(wizard, translate("Tenants", "Import Root CA into Tenant {name}"))
        if not self.ctx.run_wizard(wizard) or wizard.outcome is None:
            return False
        return self.upload_trusted(wizard.outcome) is not None

    def writable(self) -> bool:
        return self.tenants.current is not None and self.refusal() is None

    def _title(self, wizard: ImportRootWizard, text: str) -> None:
        wizard.setWindowTitle(text.format(name=self.name))

    def upload_trusted(self, entry: CertificateEntry) -> TaskHandle | None:
        """Upload ``entry`` with fingerprintVerified=true once the user confirmed it."""
        cert: CertInfo = entry.cert
        size = len(cert.cert.public_bytes(Encoding.PEM))
        if size > api.CERTIFICATE_LIMIT:
            self.ctx.prompts.error(
                translate("Tenants", "The tenant is not changed"),
                translate(
                    "Tenants",
                    "The certificate is {size} bytes as PEM; a tenant accepts at most 10 kB.",
                ).format(size=f"{size:,}"),
            )
            return None
        question = translate(
            "Tenants",
            "Upload “{subject}” to tenant {name} as the trusted certificate {alias}?\n\n"
            "SHA-256: {fingerprint}\n\nYou compared this fingerprint with the one its owner "
            "handed over: keymon tells the tenant it is verified.",
        ).format(
            subject=cert.summary.subject_cn,
            name=self.name,
            alias=entry.alias,
            fingerprint=colon_fingerprint(cert.summary.sha256),
        )
        if not self.ctx.prompts.confirm(translate("Tenants", "Add to tenant"), question):
            return None

        def job(client: TenantClient) -> None:
            api.add_trusted_certificate(client, entry.alias, cert, fingerprint_verified=True)

        done = translate("Tenants", "Added {alias} to tenant {name}").format(
            alias=entry.alias, name=self.name
        )
        return self.write(
            translate("Tenants", "Adding to the tenant"), job, done, select=entry.alias
        )

    def take_dropped(self, paths: Sequence[Path]) -> list[Path]:
        """Dropped certificate files go to the tenant shown; the other paths are returned."""
        if self.tenants.current is None:
            return list(paths)
        rest = []
        for path in paths:
            try:
                data = read_input(path)
                is_cert = detect(data) in _CERT_FORMATS and b"PRIVATE KEY" not in data
            except KeymonError:
                is_cert = False
            if not is_cert:
                rest.append(path)
            elif not self.refused():
                self.add_certificate_file(path)
        return rest

    # -- delete, rename ---------------------------------------------------------------
    def delete(self) -> None:
        entries = self.selection.selected_entries()
        if not entries or self.refused(entries):
            return
        keys = [e for e in entries if isinstance(e, KeyPairEntry)]
        question = translate("Tenants", "Delete from tenant {name}: {names}?").format(
            name=self.name, names=entry_names(entries)
        )
        if keys:
            question += "\n\n" + translate(
                "Tenants", "Deleting key pairs from a tenant cannot be undone."
            )
        else:
            question += "\n\n" + translate("Tenants", "This cannot be undone in keymon.")
        title = translate("Tenants", "Delete from tenant")
        if not self.ctx.prompts.confirm(title, question, destructive=True):
            return
        backup_first = bool(keys) and self.ctx.prompts.confirm(
            translate("Tenants", "Back up the tenant first"),
            translate(
                "Tenants",
                "Back up the keystore of tenant {name} first? The backup replaces the "
                "tenant's previous backup (backup_admin_system); File › Restore Tenant "
                "Backup… brings the entries back.",
            ).format(name=self.name),
        )
        aliases = [e.alias for e in entries]
        keystore = self.tenants.current.keystore if self.tenants.current else ""

        def job(client: TenantClient) -> None:
            if backup_first:
                api.backup(client)
            if len(aliases) > 1 and keystore == api.SYSTEM:
                api.mass_delete(client, aliases)
            else:
                for alias in aliases:
                    api.delete(client, alias, keystore)

        done = translate("Tenants", "Deleted {names} from tenant {name}").format(
            names=entry_names(entries), name=self.name
        )
        self.write(translate("Tenants", "Deleting on the tenant"), job, done)

    def rename(self) -> None:
        entry = self.selection.current_entry()
        if entry is None or self.refused([entry]):
            return
        new = self.ctx.prompts.rename(entry.alias, self.aliases())
        if not new or new == entry.alias:
            return
        question = translate("Tenants", "Rename {old} to {new} on tenant {name}?").format(
            old=entry.alias, new=new, name=self.name
        )
        if not self.ctx.prompts.confirm(translate("Tenants", "Rename on tenant"), question):
            return
        old = entry.alias

        def job(client: TenantClient) -> None:
            api.rename(client, old, new)

        done = translate(
            "Tenants", "Renamed {old} to {new} on tenant {name} (rename it back to undo)"
        ).format(old=old, new=new, name=self.name)
        self.write(translate("Tenants", "Renaming on the tenant"), job, done, select=new)

    # -- backup, restore ------------------------------------------------------------------
    def backup(self) -> None:
        if self.refused():
            return
        question = translate(
            "Tenants",
            "Back up the keystore of tenant {name}? The backup (backup_admin_system) "
            "replaces the tenant's previous backup.",
        ).format(name=self.name)
        if not self.ctx.prompts.confirm(translate("Tenants", "Back up tenant"), question):
            return
        done = translate("Tenants", "Backed up the keystore of tenant {name}").format(
            name=self.name
        )
        self.write(translate("Tenants", "Backing up the tenant"), api.backup, done)

    def restore(self) -> None:
        tenant = self.tenants.current
        if tenant is None or self.refused():
            return
        count = len(tenant.view.entries)
        question = translate(
            "Tenants",
            "Restore the backup of tenant {name}? It replaces the whole system keystore "
            "({count} entries now) with the backup: entries added, renewed, renamed or "
            "deleted since the backup are lost. This cannot be undone.",
        ).format(name=self.name, count=count)
        title = translate("Tenants", "Restore tenant backup")
        if not self.ctx.prompts.confirm(title, question, destructive=True):
            return
        done = translate("Tenants", "Restored the backup of tenant {name}").format(name=self.name)
        self.write(translate("Tenants", "Restoring the tenant"), api.restore, done)

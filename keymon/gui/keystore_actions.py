"""The keystore's actions: open, add, merge, download, copy, rename, delete, restore.

Handlers collect input through the context's prompts, call core, and change the
keystore only through undo commands (saved at once by the session).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from keymon.core import secrets, storage
from keymon.core.aliases import AliasAllocator
from keymon.core.cancel import CancelToken
from keymon.core.entries import CertificateEntry, Entry, KeyPairEntry, with_alias
from keymon.core.errors import KeymonError, NoKeyring
from keymon.core.exporting import (
    ExportFormat,
    ExportKind,
    ExportRequest,
    default_file_name,
    export_entry,
)
from keymon.core.formats.detect import Format, Loaded, detect, load
from keymon.core.passwords import PasswordSource
from keymon.core.x509.encoding import certificate_pem
from keymon.gui import undo
from keymon.gui.action_binding import handles
from keymon.gui.actions import ActionId
from keymon.gui.backup_purge import offer_backup_purge
from keymon.gui.context import AppContext, EntrySelection
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.new_keystore import NewKeystoreActions
from keymon.gui.password_flow import DialogPasswordPrompt, PasswordFlow, unlock_key
from keymon.gui.workers import ErrorInfo

KEYSTORE_FILTER = QT_TRANSLATE_NOOP(
    "Operations", "Keystores (*.p12 *.pfx *.jks *.jceks *.ks *.keystore *.pem);;All files (*)"
)
CERT_FILTER = QT_TRANSLATE_NOOP(
    "Operations", "Certificates (*.cer *.crt *.pem *.der *.p7b *.p7c);;All files (*)"
)
KEYPAIR_FILTER = QT_TRANSLATE_NOOP(
    "Operations", "Key pairs (*.p12 *.pfx *.pem *.key);;All files (*)"
)


def _filter(text: str) -> str:
    return QCoreApplication.translate("Operations", text)


CERT_ONLY = (Format.DER, Format.PKCS7, Format.PKIPATH)


class KeystoreActions(NewKeystoreActions):
    """New, open, add, merge, download, copy, rename, delete, change password, restore."""

    def __init__(self, ctx: AppContext, selection: EntrySelection) -> None:
        self.ctx = ctx
        self.selection = selection

    # -- loading other files ---------------------------------------------------------------
    def load_source(
        self, path: Path, on_loaded: Callable[[Loaded], None], password: str | None = None
    ) -> None:
        """Decode ``path`` in a worker, asking for its password as often as needed."""

        def job(pw: str | None, cancel: CancelToken) -> Loaded:
            data, _ = storage.read_file(path)
            return load(data, pw, cancel)

        def failed(error: ErrorInfo) -> None:
            title = QCoreApplication.translate("Operations", "Cannot read {name}")
            self.ctx.prompts.error(title.format(name=path.name), error.message)

        source = PasswordSource(path, password, prompt=DialogPasswordPrompt(self.ctx.prompts))
        PasswordFlow(
            self.ctx.runner,
            self.ctx.password_gate,
            source,
            job,
            title=QCoreApplication.translate("Operations", "Reading"),
            on_done=on_loaded,
            on_error=failed,
        ).start()

    def _unique(self, entries: Sequence[Entry]) -> list[Entry]:
        """Entries renamed where their alias is taken (in the keystore or among themselves)."""
        assert self.ctx.store is not None
        taken = AliasAllocator(self.ctx.store.aliases)
        return [with_alias(e, taken.keep_or_suggest(e.alias, e.alias)) for e in entries]

    def _add(self, entries: Sequence[Entry]) -> None:
        if self.ctx.session is None or not entries:
            return
        self.ctx.session.push(undo.AddEntries(self.ctx.session, list(entries)))
        self.selection.select_alias(entries[-1].alias)

    def add_certificates(self, loaded: Loaded, file_name: str | None = None) -> None:
        certs = [e for e in loaded.entries if isinstance(e, CertificateEntry)]
        if any(isinstance(e, KeyPairEntry) for e in loaded.entries) and not certs:
            self.ctx.prompts.error(
                QCoreApplication.translate("Operations", "No certificate"),
                QCoreApplication.translate(
                    "Operations", "This file holds key pairs; use Add › Key Pair."
                ),
            )
            return
        if len(certs) == 1 and file_name is not None and self.ctx.session is not None:
            # one certificate from a file: the same review as Import Root CA
            from keymon.gui.wizards.import_root_wizard import ImportRootWizard

            wizard = ImportRootWizard.for_file(
                [certs[0].cert], file_name, self.ctx.session.store.aliases, self.ctx.dialog_parent
            )
            if self.ctx.run_wizard(wizard) and wizard.outcome is not None:
                self._add([wizard.outcome])
            return
        self._choose_and_add(
            certs,
            QCoreApplication.translate("Operations", "No certificate"),
            QCoreApplication.translate("Operations", "The file holds no certificate."),
            QCoreApplication.translate("Operations", "Choose certificates to add"),
        )

    def _choose_and_add(
        self, found: Sequence[Entry], none_title: str, none_text: str, choose: str
    ) -> None:
        """Add what a file holds: an error when nothing, the user's choice when several."""
        if not found:
            self.ctx.prompts.error(none_title, none_text)
            return
        chosen: Sequence[Entry] = found
        if len(found) > 1:
            picked = self.ctx.prompts.choose_entries(list(found), choose)
            if not picked:
                return
            chosen = [e for e in picked if e in found]
        self._add(self._unique(chosen))

    @handles(ActionId.OPEN)
    def open(self) -> None:
        path = self.ctx.prompts.choose_open_file(
            QCoreApplication.translate("Operations", "Open keystore"), _filter(KEYSTORE_FILTER)
        )
        if path is not None:
            self.ctx.open_keystore(path)

    @handles(ActionId.ADD_CERTIFICATE)
    def add_certificate(self) -> None:
        path = self.ctx.prompts.choose_open_file(
            QCoreApplication.translate("Operations", "Add certificate"), _filter(CERT_FILTER)
        )
        if path is not None:
            self.load_source(path, lambda loaded: self.add_certificates(loaded, path.name))

    @handles(ActionId.ADD_CERTIFICATE_FROM_CLIPBOARD)
    def add_certificate_from_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text().encode("utf-8", "replace")
        try:
            loaded = load(text, None)
        except KeymonError:
            self.ctx.prompts.error(
                QCoreApplication.translate("Operations", "No certificate"),
                QCoreApplication.translate(
                    "Operations",
                    "The clipboard holds no PEM certificate (-----BEGIN CERTIFICATE-----).",
                ),
            )
            return
        self.add_certificates(loaded)

    @handles(ActionId.ADD_KEY_PAIR)
    def add_key_pair(self) -> None:
        path = self.ctx.prompts.choose_open_file(
            QCoreApplication.translate("Operations", "Add key pair"), _filter(KEYPAIR_FILTER)
        )
        if path is not None:
            self.load_source(path, lambda loaded: self._add_key_pairs(loaded))

    def _add_key_pairs(self, loaded: Loaded) -> None:
        self._choose_and_add(
            [e for e in loaded.entries if isinstance(e, KeyPairEntry)],
            QCoreApplication.translate("Operations", "No key pair"),
            QCoreApplication.translate(
                "Operations", "The file holds no private key with a certificate."
            ),
            QCoreApplication.translate("Operations", "Choose key pairs to add"),
        )

    @handles(ActionId.ADD_KEYSTORE)
    def add_keystore(self) -> None:
        path = self.ctx.prompts.choose_open_file(
            QCoreApplication.translate("Operations", "Merge keystore"), _filter(KEYSTORE_FILTER)
        )
        if path is not None:
            self.load_source(path, lambda loaded: self._merge(loaded))

    def _merge(self, loaded: Loaded) -> None:
        if self.ctx.store is None or self.ctx.session is None:
            return
        plan = self.ctx.prompts.plan_merge(loaded.entries, self.ctx.store.aliases)
        if plan is None:
            return
        final = [
            item.entry.replace(alias=item.alias) for item in plan.items if item.action != "keep"
        ]
        if final:
            self.ctx.session.push(undo.AddEntries(self.ctx.session, final))
        added = sum(1 for i in plan.items if i.action == "add")
        overwritten = sum(1 for i in plan.items if i.action == "overwrite")
        kept = sum(1 for i in plan.items if i.action == "keep")
        self.ctx.prompts.info(
            QCoreApplication.translate("Operations", "Keystore merged"),
            QCoreApplication.translate(
                "Operations", "Added: {added}, kept: {kept}, overwritten: {overwritten}."
            ).format(added=added, kept=kept, overwritten=overwritten),
        )

    # -- downloads -------------------------------------------------------------------------
    def _download(self, what: ExportKind, fmt: ExportFormat | None, filters: str) -> None:
        selected = self.selection.selected_entries()
        if what is ExportKind.CERTIFICATE and len(selected) > 1:
            self._download_several(selected)
            return
        entry = self.selection.current_entry()
        if entry is None:
            return
        name = default_file_name(entry.alias, what, fmt)
        path = self.ctx.prompts.choose_save_file(
            QCoreApplication.translate("Operations", "Save"), name, filters
        )
        if path is None:
            return
        chosen = fmt
        suffix = path.suffix.lower()
        if what in (ExportKind.CERTIFICATE, ExportKind.ROOT):
            chosen = ExportFormat.PEM if suffix in (".pem", ".crt") else ExportFormat.DER
        elif what is ExportKind.CHAIN:
            chosen = ExportFormat.PEM if suffix == ".pem" else ExportFormat.P7B
        self.ctx.write_file(path, lambda: export_entry(entry, ExportRequest(what, chosen)))

    def _download_several(self, entries: Sequence[Entry]) -> None:
        path = self.ctx.prompts.choose_save_file(
            QCoreApplication.translate("Operations", "Save certificates"),
            "certificates.pem",
            QCoreApplication.translate("Operations", "PEM bundle (*.pem)"),
        )
        if path is not None:
            data = b"".join(certificate_pem(e.certificate) for e in entries if e.certificate)
            self.ctx.write_file(path, lambda: data)

    @handles(ActionId.DOWNLOAD_CERTIFICATE)
    def download_certificate(self) -> None:
        self._download(
            ExportKind.CERTIFICATE,
            ExportFormat.DER,
            QCoreApplication.translate(
                "Operations", "Certificate (*.cer *.der);;PEM (*.pem *.crt)"
            ),
        )

    @handles(ActionId.DOWNLOAD_CHAIN)
    def download_chain(self) -> None:
        self._download(
            ExportKind.CHAIN,
            ExportFormat.P7B,
            QCoreApplication.translate("Operations", "PKCS#7 (*.p7b);;PEM bundle (*.pem)"),
        )

    @handles(ActionId.DOWNLOAD_ROOT)
    def download_root(self) -> None:
        self._download(
            ExportKind.ROOT,
            ExportFormat.DER,
            QCoreApplication.translate(
                "Operations", "Certificate (*.cer *.der);;PEM (*.pem *.crt)"
            ),
        )

    @handles(ActionId.DOWNLOAD_OPEN_SSH)
    def download_open_ssh(self) -> None:
        self._download(
            ExportKind.OPENSSH,
            None,
            QCoreApplication.translate("Operations", "OpenSSH public key (*.pub)"),
        )

    @handles(ActionId.EXPORT_KEY_PAIR)
    def export_key_pair(self) -> None:
        current = self.selection.current_entry()
        if not isinstance(current, KeyPairEntry):
            return
        unlocked = unlock_key(self.ctx.prompts, current)  # a key of its own password: asked
        if unlocked is None:
            return
        entry: KeyPairEntry = unlocked
        answer = self.ctx.prompts.export_key_pair(protection=self.ctx.settings.pkcs12_protection)
        if answer is None:
            return
        path = self.ctx.prompts.choose_save_file(
            QCoreApplication.translate("Operations", "Export key pair"),
            default_file_name(entry.alias, ExportKind.KEY_PAIR),
            QCoreApplication.translate("Operations", "PKCS#12 (*.p12 *.pfx)"),
        )
        if path is None:
            return
        request = ExportRequest(
            ExportKind.KEY_PAIR, ExportFormat.P12, answer.password, answer.protection
        )

        def job() -> bytes:
            return export_entry(entry, request)

        self.ctx.runner.run(
            job,
            title=QCoreApplication.translate("Operations", "Exporting"),
            on_done=lambda data: self.ctx.write_file(path, lambda: data, mode=0o600),
            on_error=lambda e: self.ctx.prompts.error(
                QCoreApplication.translate("Operations", "Not exported"), e.message
            ),
        )

    # -- editing ---------------------------------------------------------------------------
    @handles(ActionId.COPY_FINGERPRINT)
    def copy_fingerprint(self) -> None:
        entry = self.selection.current_entry()
        if entry is not None and entry.certificate is not None:
            QGuiApplication.clipboard().setText(entry.certificate.summary.sha256)

    @handles(ActionId.COPY_PEM)
    def copy_pem(self) -> None:
        entry = self.selection.current_entry()
        if entry is not None and entry.certificate is not None:
            QGuiApplication.clipboard().setText(certificate_pem(entry.certificate).decode("ascii"))

    @handles(ActionId.RENAME)
    def rename(self) -> None:
        entry = self.selection.current_entry()
        if entry is None or self.ctx.session is None or self.ctx.store is None:
            return
        new = self.ctx.prompts.rename(entry.alias, self.ctx.store.aliases)
        if new and new != entry.alias:
            self.ctx.session.push(undo.RenameEntry(self.ctx.session, entry.alias, new))
            self.selection.select_alias(new)

    @handles(ActionId.DELETE)
    def delete(self) -> None:
        entries = self.selection.selected_entries()
        if not entries or self.ctx.session is None:
            return
        names = ", ".join(e.alias for e in entries[:5]) + ("…" if len(entries) > 5 else "")
        if len(entries) == 1:
            question = QCoreApplication.translate(
                "Operations", "Delete the entry {alias}?\nThis can be undone with Edit › Undo."
            ).format(alias=names)
        else:
            question = QCoreApplication.translate(
                "Operations",
                "Delete these {count} entries: {names}?\nThis can be undone with Edit › Undo.",
            ).format(count=len(entries), names=names)
        if self.ctx.prompts.confirm(
            QCoreApplication.translate("Operations", "Delete entries"), question, destructive=True
        ):
            self.ctx.session.push(undo.DeleteEntries(self.ctx.session, [e.alias for e in entries]))

    @handles(ActionId.CHANGE_PASSWORD)
    def change_password(self) -> None:
        if self.ctx.session is None or self.ctx.store is None:
            return
        answer = self.ctx.prompts.change_password()
        if answer is None:
            return
        session = self.ctx.session

        def saved() -> None:  # the save has made one more backup, with the old password
            session.saved.disconnect(saved)
            offer_backup_purge(self.ctx)

        session.saved.connect(saved)
        session.push(undo.ChangePassword(session, answer.password))
        if answer.remember and self.ctx.store.path is not None:
            try:
                secrets.set_password(self.ctx.store.path, answer.password)
            except NoKeyring as exc:
                self.ctx.prompts.info(
                    QCoreApplication.translate("Operations", "Password not remembered"), exc.message
                )

    @handles(ActionId.BACKUPS)
    def backups(self) -> None:
        store = self.ctx.store
        if store is None or store.path is None or self.ctx.session is None:
            return
        backups_store = store.backups()
        version = self.ctx.prompts.choose_backup(
            backups_store.versions(), purge=backups_store.purge
        )
        if version is None:
            return
        password = store.password

        def job() -> list[Entry]:
            from keymon.core.formats.detect import load_as

            data = backups_store.read(version)
            return load_as(detect(data), data, password)

        def done(entries: list[Entry]) -> None:
            assert self.ctx.session is not None
            text = QCoreApplication.translate("Operations", "Restore version {version}").format(
                version=version
            )
            self.ctx.session.push(undo.ReplaceAll(self.ctx.session, entries, text))

        self.ctx.runner.run(
            job,
            title=QCoreApplication.translate("Operations", "Restoring"),
            on_done=done,
            on_error=lambda e: self.ctx.prompts.error(
                QCoreApplication.translate("Operations", "Not restored"), e.message
            ),
        )

    def open_dropped_files(self, paths: Sequence[Path]) -> None:
        """Certificates are added; a keystore file is opened."""
        for path in paths:
            try:
                data, _ = storage.read_file(path)
                fmt = detect(data)
            except KeymonError as exc:
                self.ctx.prompts.error(
                    QCoreApplication.translate("Operations", "Cannot read {name}").format(
                        name=path.name
                    ),
                    exc.message,
                )
                continue
            if fmt in CERT_ONLY or (fmt is Format.PEM and b"PRIVATE KEY" not in data):
                if self.ctx.session is not None:
                    self.load_source(path, partial(self.add_certificates, file_name=path.name))
            else:
                self.ctx.open_keystore(path)
                return

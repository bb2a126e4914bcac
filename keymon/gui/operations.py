"""What the main window's actions do. Each handler is ``on_<actionName>(window)``.

Handlers collect input through the window's Prompts, call core, and change the
keystore only through undo commands (saved at once by the session).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from keymon.core import secrets, storage
from keymon.core.aliases import suggest_alias
from keymon.core.entries import CertificateEntry, Entry, KeyPairEntry
from keymon.core.errors import KeymonError, NoKeyring, PasswordRequired, WrongPassword
from keymon.core.exporting import ExportRequest, default_file_name, export_entry
from keymon.core.formats.detect import Format, Loaded, detect, load
from keymon.core.x509.export import certificate_pem
from keymon.gui import undo
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.prompts import wrong_password_text
from keymon.gui.workers import ErrorInfo

if TYPE_CHECKING:
    from keymon.gui.main_window import KeymonMainWindow

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


# -- loading other files ---------------------------------------------------------------
def load_source(
    w: KeymonMainWindow,
    path: Path,
    on_loaded: Callable[[Loaded], None],
    password: str | None = None,
    tried: bool = False,
) -> None:
    """Decode ``path`` in a worker, asking for its password as often as needed."""

    def job(p: Path, pw: str | None) -> Loaded:
        data, _ = storage.read_file(p)
        return load(data, pw)

    def failed(error: ErrorInfo) -> None:
        if error.type_name in (PasswordRequired.__name__, WrongPassword.__name__):
            wrong = tried and error.type_name == WrongPassword.__name__
            answer = w.prompts.ask_password(path, error=wrong_password_text() if wrong else None)
            if answer is not None:
                load_source(w, path, on_loaded, answer.password, tried=True)
            return
        w.prompts.error(
            QCoreApplication.translate("Operations", "Cannot read {name}").format(name=path.name),
            error.message,
        )

    w.runner.run(
        job,
        path,
        password,
        title=QCoreApplication.translate("Operations", "Reading"),
        on_done=on_loaded,
        on_error=failed,
    )


def _unique(w: KeymonMainWindow, entries: Sequence[Entry]) -> list[Entry]:
    """Entries renamed where their alias is taken (in the keystore or among themselves)."""
    from dataclasses import replace

    assert w.store is not None
    taken = list(w.store.aliases)
    out: list[Entry] = []
    for entry in entries:
        alias = entry.alias
        if alias.casefold() in {a.casefold() for a in taken}:
            alias = suggest_alias(alias, taken)
        taken.append(alias)
        out.append(replace(entry, alias=alias))
    return out


def _add(w: KeymonMainWindow, entries: Sequence[Entry]) -> None:
    if w.session is None or not entries:
        return
    w.session.push(undo.AddEntries(w.session, list(entries)))
    w.select_alias(entries[-1].alias)


def add_certificates(w: KeymonMainWindow, loaded: Loaded) -> None:
    certs = [e for e in loaded.entries if isinstance(e, CertificateEntry)]
    if any(isinstance(e, KeyPairEntry) for e in loaded.entries) and not certs:
        w.prompts.error(
            QCoreApplication.translate("Operations", "No certificate"),
            QCoreApplication.translate(
                "Operations", "This file holds key pairs; use Add › Key Pair."
            ),
        )
        return
    _choose_and_add(
        w,
        certs,
        QCoreApplication.translate("Operations", "No certificate"),
        QCoreApplication.translate("Operations", "The file holds no certificate."),
        QCoreApplication.translate("Operations", "Choose certificates to add"),
    )


def _choose_and_add(
    w: KeymonMainWindow, found: Sequence[Entry], none_title: str, none_text: str, choose: str
) -> None:
    """Add what a file holds: an error when nothing, the user's choice when several."""
    if not found:
        w.prompts.error(none_title, none_text)
        return
    chosen: Sequence[Entry] = found
    if len(found) > 1:
        picked = w.prompts.choose_entries(list(found), choose)
        if not picked:
            return
        chosen = [e for e in picked if e in found]
    _add(w, _unique(w, chosen))


def on_actionOpen(w: KeymonMainWindow) -> None:
    path = w.prompts.choose_open_file(
        QCoreApplication.translate("Operations", "Open keystore"), _filter(KEYSTORE_FILTER)
    )
    if path is not None:
        w.open_keystore(path)


def on_actionAddCertificate(w: KeymonMainWindow) -> None:
    path = w.prompts.choose_open_file(
        QCoreApplication.translate("Operations", "Add certificate"), _filter(CERT_FILTER)
    )
    if path is not None:
        load_source(w, path, lambda loaded: add_certificates(w, loaded))


def on_actionAddCertificateFromClipboard(w: KeymonMainWindow) -> None:
    text = QGuiApplication.clipboard().text().encode("utf-8", "replace")
    try:
        loaded = load(text, None)
    except KeymonError:
        w.prompts.error(
            QCoreApplication.translate("Operations", "No certificate"),
            QCoreApplication.translate(
                "Operations",
                "The clipboard holds no PEM certificate (-----BEGIN CERTIFICATE-----).",
            ),
        )
        return
    add_certificates(w, loaded)


def on_actionAddKeyPair(w: KeymonMainWindow) -> None:
    path = w.prompts.choose_open_file(
        QCoreApplication.translate("Operations", "Add key pair"), _filter(KEYPAIR_FILTER)
    )
    if path is not None:
        load_source(w, path, lambda loaded: _add_key_pairs(w, loaded))


def _add_key_pairs(w: KeymonMainWindow, loaded: Loaded) -> None:
    _choose_and_add(
        w,
        [e for e in loaded.entries if isinstance(e, KeyPairEntry)],
        QCoreApplication.translate("Operations", "No key pair"),
        QCoreApplication.translate(
            "Operations", "The file holds no private key with a certificate."
        ),
        QCoreApplication.translate("Operations", "Choose key pairs to add"),
    )


def on_actionAddKeystore(w: KeymonMainWindow) -> None:
    path = w.prompts.choose_open_file(
        QCoreApplication.translate("Operations", "Merge keystore"), _filter(KEYSTORE_FILTER)
    )
    if path is not None:
        load_source(w, path, lambda loaded: _merge(w, loaded))


def _merge(w: KeymonMainWindow, loaded: Loaded) -> None:
    if w.store is None or w.session is None:
        return
    plan = w.prompts.plan_merge(loaded.entries, w.store.aliases)
    if plan is None:
        return
    from dataclasses import replace

    final = [replace(item.entry, alias=item.alias) for item in plan.items if item.action != "keep"]
    if final:
        w.session.push(undo.AddEntries(w.session, final))
    added = sum(1 for i in plan.items if i.action == "add")
    overwritten = sum(1 for i in plan.items if i.action == "overwrite")
    kept = sum(1 for i in plan.items if i.action == "keep")
    w.prompts.info(
        QCoreApplication.translate("Operations", "Keystore merged"),
        QCoreApplication.translate(
            "Operations", "Added: {added}, kept: {kept}, overwritten: {overwritten}."
        ).format(added=added, kept=kept, overwritten=overwritten),
    )


# -- downloads -------------------------------------------------------------------------
def _download(w: KeymonMainWindow, what: str, fmt: str | None, filters: str) -> None:
    selected = w.selected_entries()
    if what == "certificate" and len(selected) > 1:
        _download_several(w, selected)
        return
    entry = w.current_entry()
    if entry is None:
        return
    name = default_file_name(entry.alias, what, fmt)
    path = w.prompts.choose_save_file(
        QCoreApplication.translate("Operations", "Save"), name, filters
    )
    if path is None:
        return
    chosen = fmt
    suffix = path.suffix.lower()
    if what in ("certificate", "root"):
        chosen = "pem" if suffix in (".pem", ".crt") else "der"
    elif what == "chain":
        chosen = "pem" if suffix == ".pem" else "p7b"
    _write(w, path, lambda: export_entry(entry, ExportRequest(what, chosen)))


def _download_several(w: KeymonMainWindow, entries: Sequence[Entry]) -> None:
    path = w.prompts.choose_save_file(
        QCoreApplication.translate("Operations", "Save certificates"),
        "certificates.pem",
        QCoreApplication.translate("Operations", "PEM bundle (*.pem)"),
    )
    if path is not None:
        data = b"".join(certificate_pem(e.certificate) for e in entries if e.certificate)
        _write(w, path, lambda: data)


def _write(w: KeymonMainWindow, path: Path, make: Callable[[], bytes], mode: int = 0o644) -> None:
    try:
        storage.atomic_write(path, make(), mode=mode, private=mode == 0o600)  # 0600: a key
    except KeymonError as exc:
        w.prompts.error(QCoreApplication.translate("Operations", "Not saved"), exc.message)
        return
    w.statusBar().showMessage(
        QCoreApplication.translate("Operations", "Saved {path}").format(path=path), 5000
    )


def on_actionDownloadCertificate(w: KeymonMainWindow) -> None:
    _download(
        w,
        "certificate",
        "der",
        QCoreApplication.translate("Operations", "Certificate (*.cer *.der);;PEM (*.pem *.crt)"),
    )


def on_actionDownloadChain(w: KeymonMainWindow) -> None:
    _download(
        w,
        "chain",
        "p7b",
        QCoreApplication.translate("Operations", "PKCS#7 (*.p7b);;PEM bundle (*.pem)"),
    )


def on_actionDownloadRoot(w: KeymonMainWindow) -> None:
    _download(
        w,
        "root",
        "der",
        QCoreApplication.translate("Operations", "Certificate (*.cer *.der);;PEM (*.pem *.crt)"),
    )


def on_actionDownloadOpenSsh(w: KeymonMainWindow) -> None:
    _download(
        w, "openssh", None, QCoreApplication.translate("Operations", "OpenSSH public key (*.pub)")
    )


def on_actionExportKeyPair(w: KeymonMainWindow) -> None:
    entry = w.current_entry()
    if not isinstance(entry, KeyPairEntry):
        return
    answer = w.prompts.export_key_pair(legacy=w.settings.pkcs12_legacy)
    if answer is None:
        return
    path = w.prompts.choose_save_file(
        QCoreApplication.translate("Operations", "Export key pair"),
        default_file_name(entry.alias, "key-pair"),
        QCoreApplication.translate("Operations", "PKCS#12 (*.p12 *.pfx)"),
    )
    if path is None:
        return
    request = ExportRequest("key-pair", "p12", answer.password, answer.legacy)

    def job() -> bytes:
        return export_entry(entry, request)

    w.runner.run(
        job,
        title=QCoreApplication.translate("Operations", "Exporting"),
        on_done=lambda data: _write(w, path, lambda: data, mode=0o600),
        on_error=lambda e: w.prompts.error(
            QCoreApplication.translate("Operations", "Not exported"), e.message
        ),
    )


# -- editing ---------------------------------------------------------------------------
def on_actionCopyFingerprint(w: KeymonMainWindow) -> None:
    entry = w.current_entry()
    if entry is not None and entry.certificate is not None:
        QGuiApplication.clipboard().setText(entry.certificate.summary.sha256)


def on_actionCopyPem(w: KeymonMainWindow) -> None:
    entry = w.current_entry()
    if entry is not None and entry.certificate is not None:
        QGuiApplication.clipboard().setText(certificate_pem(entry.certificate).decode("ascii"))


def on_actionRename(w: KeymonMainWindow) -> None:
    entry = w.current_entry()
    if entry is None or w.session is None or w.store is None:
        return
    new = w.prompts.rename(entry.alias, w.store.aliases)
    if new and new != entry.alias:
        w.session.push(undo.RenameEntry(w.session, entry.alias, new))
        w.select_alias(new)


def on_actionDelete(w: KeymonMainWindow) -> None:
    entries = w.selected_entries()
    if not entries or w.session is None:
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
    if w.prompts.confirm(
        QCoreApplication.translate("Operations", "Delete entries"), question, destructive=True
    ):
        w.session.push(undo.DeleteEntries(w.session, [e.alias for e in entries]))


def on_actionChangePassword(w: KeymonMainWindow) -> None:
    if w.session is None or w.store is None:
        return
    answer = w.prompts.change_password()
    if answer is None:
        return
    w.session.push(undo.ChangePassword(w.session, answer.password))
    if answer.remember and w.store.path is not None:
        try:
            secrets.set_password(w.store.path, answer.password)
        except NoKeyring as exc:
            w.prompts.info(
                QCoreApplication.translate("Operations", "Password not remembered"), exc.message
            )


def on_actionBackups(w: KeymonMainWindow) -> None:
    store = w.store
    if store is None or store.path is None or w.session is None:
        return
    backups_store = store.backups()
    version = w.prompts.choose_backup(backups_store.versions(), purge=backups_store.purge)
    if version is None:
        return
    password = store.password

    def job() -> list[Entry]:
        from keymon.core.formats.detect import load_as

        data = backups_store.read(version)
        return load_as(detect(data), data, password)

    def done(entries: list[Entry]) -> None:
        assert w.session is not None
        text = QCoreApplication.translate("Operations", "Restore version {version}").format(
            version=version
        )
        w.session.push(undo.ReplaceAll(w.session, entries, text))

    w.runner.run(
        job,
        title=QCoreApplication.translate("Operations", "Restoring"),
        on_done=done,
        on_error=lambda e: w.prompts.error(
            QCoreApplication.translate("Operations", "Not restored"), e.message
        ),
    )


def handle_dropped_files(w: KeymonMainWindow, paths: Sequence[Path]) -> None:
    """Certificates are added; a keystore file is opened."""
    for path in paths:
        try:
            data, _ = storage.read_file(path)
            fmt = detect(data)
        except KeymonError as exc:
            w.prompts.error(
                QCoreApplication.translate("Operations", "Cannot read {name}").format(
                    name=path.name
                ),
                exc.message,
            )
            continue
        if fmt in CERT_ONLY or (fmt is Format.PEM and b"PRIVATE KEY" not in data):
            if w.session is not None:
                load_source(w, path, lambda loaded: add_certificates(w, loaded))
        else:
            w.open_keystore(path)
            return

"""The Key Pairs menu: each handler opens a wizard and acts only on Finish.

* Generate Key Pair → one ``AddEntries`` undo command.
* Import CA Reply → one ``ReplaceEntry`` undo command.
* Create CSR / Sign CSR → a file (and/or the clipboard); the keystore is unchanged.

Wizards are shown modally through :func:`run_wizard`: ``window.run_wizard(wizard)``
when the window has such an attribute (tests set one that drives the wizard without
a nested event loop and returns its result code), else ``wizard.exec()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWizard

from keymon.core.entries import KeyPairEntry
from keymon.gui import undo
from keymon.gui.operations import _write
from keymon.gui.wizards.ca_reply_wizard import CaReplyWizard
from keymon.gui.wizards.csr_wizard import CsrWizard
from keymon.gui.wizards.keypair_wizard import KeyPairWizard
from keymon.gui.wizards.sign_csr_wizard import SignCsrWizard

if TYPE_CHECKING:
    from keymon.gui.main_window import KeymonMainWindow


def run_wizard(w: KeymonMainWindow, wizard: QWizard) -> bool:
    """Show ``wizard`` modally; True when it was finished (accepted). It is deleted after."""
    run: Callable[[QWizard], int] | None = getattr(w, "run_wizard", None)
    try:
        code = run(wizard) if run is not None else wizard.exec()
        return code == QDialog.DialogCode.Accepted
    finally:
        wizard.deleteLater()


def _selected_key_pair(w: KeymonMainWindow) -> KeyPairEntry | None:
    entry = w.current_entry()
    return entry if isinstance(entry, KeyPairEntry) and w.session is not None else None


def on_actionGenerateKeyPair(w: KeymonMainWindow) -> None:
    if w.session is None or w.store is None:
        return
    wizard = KeyPairWizard(
        w.store.aliases,
        w.runner,
        w,
        default_key=w.settings.default_key,
        validity_days=w.settings.default_validity_days,
    )
    if not run_wizard(w, wizard) or wizard.outcome is None:
        return
    entry = wizard.outcome.entry
    w.session.push(undo.AddEntries(w.session, [entry]))
    w.select_alias(entry.alias)


def on_actionCreateCsr(w: KeymonMainWindow) -> None:
    entry = _selected_key_pair(w)
    if entry is None:
        return
    wizard = CsrWizard(entry, w.prompts, w)
    if not run_wizard(w, wizard) or wizard.outcome is None:
        return
    result = wizard.outcome
    if result.clipboard:
        QGuiApplication.clipboard().setText(result.pem.decode("ascii"))
        w.statusBar().showMessage(
            QCoreApplication.translate("Operations", "The request is on the clipboard"), 5000
        )
    if result.path is not None:
        _write(w, result.path, lambda: result.pem)


def on_actionImportCaReply(w: KeymonMainWindow) -> None:
    entry = _selected_key_pair(w)
    if entry is None or w.store is None or w.session is None:
        return
    store = w.store
    wizard = CaReplyWizard(entry, store.certificates(), store.trusted_certificates(), w.prompts, w)
    if not run_wizard(w, wizard) or wizard.outcome is None:
        return
    text = QCoreApplication.translate("Operations", "Import CA reply into {alias}").format(
        alias=entry.alias
    )
    w.session.push(undo.ReplaceEntry(w.session, wizard.outcome.entry, text))
    w.select_alias(entry.alias)


def on_actionSignCsr(w: KeymonMainWindow) -> None:
    entry = _selected_key_pair(w)
    if entry is None:
        return
    wizard = SignCsrWizard(entry, w.prompts, w)
    if not run_wizard(w, wizard) or wizard.outcome is None:
        return
    result = wizard.outcome
    _write(w, result.path, lambda: result.data)

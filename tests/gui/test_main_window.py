"""The main window driven like a user: real files, real saves, prompts answered by script."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from keymon.core import secrets
from keymon.core.entries import CertificateEntry, KeyPairEntry
from keymon.core.formats import pkcs12
from keymon.core.formats.protection import Pkcs12Protection
from keymon.core.keystore import Keystore
from keymon.gui.app import open_main_window
from keymon.gui.dialogs.export_keypair_dialog import ExportAnswer
from keymon.gui.dialogs.password_dialog import PasswordAnswer
from keymon.gui.main_window import KeymonMainWindow
from tests import factory
from tests.gui.helpers import PW, drop_files, open_window
from tests.gui.scripted_prompts import ScriptedPrompts


def aliases_on_disk(path: Path) -> set[str]:
    # PKCS#12 keeps key pairs before certificates, so compare as sets
    return set(Keystore.open(path, PW).aliases)


def trigger_and_wait_saved(qtbot: QtBot, win: KeymonMainWindow, action: str) -> None:
    assert win.session is not None
    with qtbot.waitSignal(win.session.saved, timeout=10_000):
        win.actions_by_name[action].trigger()


def test_opens_and_shows_entries(window: KeymonMainWindow) -> None:
    assert window.objectName() == "KeymonMainWindow"
    assert window.model.rowCount() == 3
    assert window.findChild(type(window.table), "entriesTable") is window.table
    assert "3 entries" in window.counts_label.text()
    window.select_alias("tenant")
    assert window.current_entry() is not None
    assert window.actions_by_name["actionExportKeyPair"].isEnabled()
    window.select_alias("receiver-root")
    assert not window.actions_by_name["actionExportKeyPair"].isEnabled()


def test_filter_box_narrows_the_table(window: KeymonMainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.filter_edit, "receiver")
    assert window.proxy.rowCount() == 1
    window.filter_edit.clear()
    window.kind_combo.setCurrentIndex(window.kind_combo.findData("key_pair"))
    assert window.proxy.rowCount() == 2


def test_delete_undo_redo_each_saved_at_once(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts, store_path: Path
) -> None:
    window.select_alias("receiver-root")
    prompts.expect("confirm", True, containing="receiver-root")
    trigger_and_wait_saved(qtbot, window, "actionDelete")
    assert aliases_on_disk(store_path) == {"tenant", "other"}
    assert window.model.rowCount() == 2
    assert window.session is not None
    with qtbot.waitSignal(window.session.saved, timeout=10_000):
        window.undo_action.trigger()
    assert aliases_on_disk(store_path) == {"tenant", "receiver-root", "other"}
    with qtbot.waitSignal(window.session.saved, timeout=10_000):
        window.redo_action.trigger()
    assert aliases_on_disk(store_path) == {"tenant", "other"}
    backups = Keystore.open(store_path, PW).backups().versions()
    assert len(backups) == 3


def test_delete_cancelled_changes_nothing(
    window: KeymonMainWindow, prompts: ScriptedPrompts, store_path: Path
) -> None:
    before = store_path.read_bytes()
    window.select_alias("tenant")
    prompts.expect("confirm", False)
    window.actions_by_name["actionDelete"].trigger()
    assert store_path.read_bytes() == before


def test_rename(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts, store_path: Path
) -> None:
    window.select_alias("other")
    prompts.expect("rename", "receiver-test")
    trigger_and_wait_saved(qtbot, window, "actionRename")
    assert "receiver-test" in aliases_on_disk(store_path)
    entry = window.current_entry()
    assert entry is not None and entry.alias == "receiver-test"


def accept_review(prompts: ScriptedPrompts) -> None:
    """Go through the certificate review (details, fingerprint, alias) as proposed."""

    def driver(wizard: QWizard) -> int:
        assert wizard.objectName() == "addCertificateWizard"
        wizard.show()
        wizard.next()
        wizard.button(QWizard.WizardButton.FinishButton).click()
        return wizard.result()

    prompts.drive_wizards(driver)


def test_add_certificate_from_file(
    window: KeymonMainWindow,
    qtbot: QtBot,
    prompts: ScriptedPrompts,
    store_path: Path,
    tmp_path: Path,
) -> None:
    cert = factory.trusted_entry("x", "Partner Root CA").cert
    cer = tmp_path / "partner.cer"
    cer.write_bytes(cert.der)
    prompts.expect("choose_open_file", cer)
    accept_review(prompts)
    trigger_and_wait_saved(qtbot, window, "actionAddCertificate")
    store = Keystore.open(store_path, PW)
    assert store.get("partner-root-ca").certificate == cert
    assert window.model.rowCount() == 4


def test_add_key_pairs_from_multi_key_pkcs12_asks_which(
    window: KeymonMainWindow,
    qtbot: QtBot,
    prompts: ScriptedPrompts,
    store_path: Path,
    tmp_path: Path,
) -> None:
    source = tmp_path / "two.p12"
    pairs = [factory.self_signed_entry("one"), factory.self_signed_entry("tenant", "Clash")]
    source.write_bytes(pkcs12.dump(pairs, "srcpw"))
    prompts.expect("choose_open_file", source)
    prompts.expect("ask_password", PasswordAnswer("srcpw"))
    prompts.expect("choose_entries", lambda q: list(q["entries"]))
    trigger_and_wait_saved(qtbot, window, "actionAddKeyPair")
    store = Keystore.open(store_path, PW)
    assert isinstance(store.get("one"), KeyPairEntry)
    assert isinstance(store.get("tenant-2"), KeyPairEntry)  # clash renamed, nothing overwritten


def test_download_public_certificate_and_chain(
    window: KeymonMainWindow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    window.select_alias("tenant")
    entry = window.current_entry()
    assert entry is not None and entry.certificate is not None
    prompts.expect("choose_save_file", tmp_path / "tenant.cer", containing="tenant.cer")
    window.actions_by_name["actionDownloadCertificate"].trigger()
    assert (tmp_path / "tenant.cer").read_bytes() == entry.certificate.der
    prompts.expect("choose_save_file", tmp_path / "tenant.pem", containing="tenant.p7b")
    window.actions_by_name["actionDownloadChain"].trigger()
    assert (tmp_path / "tenant.pem").read_bytes().count(b"BEGIN CERTIFICATE") == 3
    prompts.expect("choose_save_file", tmp_path / "root.cer", containing="tenant_rootCA.cer")
    window.actions_by_name["actionDownloadRoot"].trigger()
    root = factory.ca_chain()[0][1]
    assert (tmp_path / "root.cer").read_bytes() == root.public_bytes(Encoding.DER)


def test_export_key_pair(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    window.select_alias("tenant")
    out = tmp_path / "tenant-export.p12"
    prompts.expect("export_key_pair", ExportAnswer("exportpw", Pkcs12Protection.LEGACY_3DES))
    prompts.expect("choose_save_file", out)
    window.actions_by_name["actionExportKeyPair"].trigger()
    qtbot.waitUntil(out.exists, timeout=10_000)
    entries = pkcs12.load(out.read_bytes(), "exportpw")
    assert [e.alias for e in entries] == ["tenant"]


def test_copy_fingerprint_and_pem(window: KeymonMainWindow) -> None:
    window.select_alias("receiver-root")
    entry = window.current_entry()
    assert entry is not None and entry.certificate is not None
    window.actions_by_name["actionCopyFingerprint"].trigger()
    assert QGuiApplication.clipboard().text() == entry.certificate.summary.sha256
    window.actions_by_name["actionCopyPem"].trigger()
    assert QGuiApplication.clipboard().text().startswith("-----BEGIN CERTIFICATE-----")


def test_wrong_password_asks_again_and_can_remember(
    qtbot: QtBot, store_path: Path, keymon_home: Path
) -> None:
    prompts = ScriptedPrompts()
    prompts.expect("ask_password", PasswordAnswer("nope"))
    prompts.expect("ask_password", PasswordAnswer(PW, remember=True), containing="wrong")
    win = open_window(qtbot, store_path, None, keymon_home, prompts)
    assert win.model.rowCount() == 3
    assert secrets.get_password(store_path) == PW
    prompts.assert_done()
    win.close()


def test_corrupt_file_is_one_clear_message(qtbot: QtBot, tmp_path: Path, keymon_home: Path) -> None:
    bad = tmp_path / "bad.p12"
    bad.write_bytes(b"\x30\x82\x01\x00garbage")
    prompts = ScriptedPrompts().expect("error", None)
    win = open_main_window(bad, PW, keymon_home, prompts=prompts)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.opener.failed, timeout=10_000):
        pass
    assert bad.read_bytes() == b"\x30\x82\x01\x00garbage"
    assert win.session is None
    prompts.assert_done()
    win.close()


def test_external_change_is_noticed_and_reload_offered(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts, store_path: Path
) -> None:
    other = Keystore.open(store_path, PW)
    other.delete(["other"])
    other.save()
    prompts.expect("ask_reload", True)
    assert window.session is not None
    with qtbot.waitSignal(window.keystoreOpened, timeout=10_000):
        window.session.check_disk_now()
    assert window.model.rowCount() == 2


def test_external_change_blocks_overwrite(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts, store_path: Path
) -> None:
    other = Keystore.open(store_path, PW)
    other.delete(["other"])
    other.save()
    theirs = store_path.read_bytes()
    window.select_alias("tenant")
    prompts.expect("rename", "renamed")
    prompts.expect("error", None, containing="changed by another program")
    prompts.expect("ask_reload", False)
    assert window.session is not None
    with qtbot.waitSignal(window.session.saveFailed, timeout=10_000):
        window.actions_by_name["actionRename"].trigger()
    assert store_path.read_bytes() == theirs


def test_drop_certificate_file_adds_it(
    window: KeymonMainWindow,
    qtbot: QtBot,
    store_path: Path,
    tmp_path: Path,
    prompts: ScriptedPrompts,
) -> None:
    accept_review(prompts)
    cert = factory.trusted_entry("x", "Dropped CA").cert
    cer = tmp_path / "dropped.crt"
    cer.write_bytes(cert.cert.public_bytes(Encoding.PEM))
    assert window.session is not None
    with qtbot.waitSignal(window.session.saved, timeout=10_000):
        drop_files(window, cer)
    entry = Keystore.open(store_path, PW).get("dropped-ca")
    assert isinstance(entry, CertificateEntry) and entry.cert == cert


def test_backups_restore_is_undoable(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts, store_path: Path
) -> None:
    window.select_alias("other")
    prompts.expect("confirm", True)
    trigger_and_wait_saved(qtbot, window, "actionDelete")
    assert aliases_on_disk(store_path) == {"tenant", "receiver-root"}
    prompts.expect("choose_backup", lambda q: max(b.version for b in q["backups"]))
    trigger_and_wait_saved(qtbot, window, "actionBackups")
    assert aliases_on_disk(store_path) == {"tenant", "receiver-root", "other"}
    assert window.session is not None
    with qtbot.waitSignal(window.session.saved, timeout=10_000):
        window.undo_action.trigger()
    assert aliases_on_disk(store_path) == {"tenant", "receiver-root"}


def test_change_password(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts, store_path: Path
) -> None:
    prompts.expect("change_password", PasswordAnswer("newpass"))
    prompts.expect("confirm", False, containing="old password")  # keep the backups
    trigger_and_wait_saved(qtbot, window, "actionChangePassword")
    assert len(Keystore.open(store_path, "newpass")) == 3


def test_default_keystore_is_created_on_first_start(qtbot: QtBot, keymon_home: Path) -> None:
    prompts = ScriptedPrompts()
    win = open_window(qtbot, None, None, keymon_home, prompts)
    assert (keymon_home / "default.p12").exists()
    assert win.model.rowCount() == 0
    win.close()


def test_columns_and_sort_are_remembered(qtbot: QtBot, store_path: Path, keymon_home: Path) -> None:
    win = open_window(qtbot, store_path, PW, keymon_home, ScriptedPrompts())
    until = win.model.column_index("valid_until")
    serial = win.model.column_index("serial")
    win.table.sortByColumn(until, Qt.SortOrder.DescendingOrder)
    win.table.setColumnHidden(serial, not win.table.isColumnHidden(serial))
    hidden = win.table.isColumnHidden(serial)
    win.close()
    again = open_window(qtbot, store_path, PW, keymon_home, ScriptedPrompts())
    header = again.table.horizontalHeader()
    assert header.sortIndicatorSection() == until
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert again.model.sort_column == until
    assert again.table.isColumnHidden(serial) == hidden
    again.close()


def test_closing_waits_for_a_running_save(
    qtbot: QtBot, store_path: Path, keymon_home: Path
) -> None:
    prompts = ScriptedPrompts().expect("confirm", True)
    win = open_window(qtbot, store_path, PW, keymon_home, prompts)
    win.select_alias("receiver-root")
    win.actions_by_name["actionDelete"].trigger()
    assert win.session is not None and win.session.saving
    win.close()  # must not cut the save off
    assert aliases_on_disk(store_path) == {"tenant", "other"}

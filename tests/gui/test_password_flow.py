"""The window's password flow and cancellation: start-up re-asks, one dialog at a time,
Monitoring's Enter Password…, a cancellable open, and what the reader noticed shown
without a modal (issues 10, 11 and 12)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import PrivateFormat
from cryptography.hazmat.primitives.serialization import pkcs12 as crypto_pkcs12
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from keymon.core import config, secrets
from keymon.core.errors import WrongPassword
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.core.monitoring import WATCH_KEY
from keymon.gui.app import open_main_window
from keymon.gui.dialogs.change_password_dialog import ChangePasswordDialog
from keymon.gui.dialogs.password_dialog import PasswordAnswer
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.settings import Settings
from keymon.gui.workers import ErrorInfo, TaskRunner
from tests import factory
from tests.core.test_pkcs12 import cert_bag, data_safe, key_bag, pfx
from tests.core.test_pkcs12_realworld import ec_pair
from tests.gui.helpers import PW, open_window
from tests.gui.scripted_prompts import Question, ScriptedPrompts


def watch(home: Path, *paths: Path) -> None:
    settings = Settings(home)
    settings.set_value(WATCH_KEY, [str(p) for p in paths])
    settings.sync()


@pytest.fixture
def partner(tmp_path: Path) -> Path:
    path = tmp_path / "partner.p12"
    Keystore([factory.self_signed_entry("partner", "Partner")]).save_as(path, Format.PKCS12, "pw2")
    return path


def test_failed_tasks_carry_the_exception_itself(qtbot: QtBot) -> None:
    runner = TaskRunner()

    def fails() -> None:
        raise WrongPassword("The password is wrong.")

    with qtbot.waitSignal(runner.unhandledError, timeout=10_000) as caught:
        runner.run(fails)
    info = caught.args[0]
    assert isinstance(info, ErrorInfo) and isinstance(info.error, WrongPassword)
    runner.shutdown()


def test_wrong_keyring_password_of_the_default_keystore_is_asked_again_at_start(
    qtbot: QtBot, keymon_home: Path
) -> None:
    path = config.default_keystore_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    Keystore([factory.self_signed_entry("mine")]).save_as(path, Format.PKCS12, PW)
    secrets.set_password(path, "stale")  # e.g. the file was re-keyed elsewhere
    prompts = ScriptedPrompts().expect(
        "ask_password", PasswordAnswer(PW), containing="The password is wrong. Try again."
    )
    win = open_window(qtbot, None, None, keymon_home, prompts)
    assert win.model.rowCount() == 1
    prompts.assert_done()
    win.close()


def test_wrong_password_given_at_start_is_asked_again_inline(
    qtbot: QtBot, store_path: Path, keymon_home: Path
) -> None:
    prompts = ScriptedPrompts().expect("ask_password", PasswordAnswer(PW), containing="wrong")
    win = open_window(qtbot, store_path, "not-it", keymon_home, prompts)
    assert win.session is not None and win.model.rowCount() == 3
    assert prompts.messages == []  # no modal error first
    prompts.assert_done()
    win.close()


def test_start_up_asks_one_password_at_a_time(
    qtbot: QtBot, store_path: Path, partner: Path, keymon_home: Path
) -> None:
    watch(keymon_home, partner)
    depth = [0]
    calls: list[str] = []
    win_box: list[KeymonMainWindow] = []
    passwords = {store_path.name: PW, partner.name: "pw2"}

    def give(question: Question) -> PasswordAnswer:
        assert depth[0] == 0, "a password dialog was opened over another"
        name = Path(str(question["path"])).name
        calls.append(name)
        depth[0] += 1
        try:
            if len(calls) == 1:  # a modal dialog runs the event loop: the other one fails now
                qtbot.waitUntil(lambda: win_box[0].context.password_gate.waiting == 1)
        finally:
            depth[0] -= 1
        return PasswordAnswer(passwords[name])

    prompts = ScriptedPrompts()
    prompts.expect("ask_password", give).expect("ask_password", give)
    win = open_main_window(store_path, None, keymon_home, prompts=prompts)
    win_box.append(win)
    qtbot.addWidget(win)
    view = win.monitoring_view
    qtbot.waitUntil(lambda: win.session is not None and view.model.rowCount() == 6, timeout=15_000)
    assert sorted(calls) == sorted(passwords)
    prompts.assert_done()
    win.close()


def test_cancelled_watched_password_can_be_entered_later(
    qtbot: QtBot, store_path: Path, partner: Path, keymon_home: Path
) -> None:
    watch(keymon_home, partner)
    prompts = ScriptedPrompts().expect("ask_password", None, containing=partner.name)
    win = open_window(qtbot, store_path, PW, keymon_home, prompts)
    view = win.monitoring_view
    qtbot.waitUntil(lambda: "needs a password" in view.status_label.text(), timeout=10_000)
    assert not view.password_button.isHidden() and view.password_button.isEnabled()
    prompts.expect("ask_password", PasswordAnswer("pw2"), containing=partner.name)
    view.password_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 6, timeout=10_000)
    assert view.status_label.text() == ""
    assert view.password_button.isHidden()
    prompts.assert_done()
    win.close()


def slow_pkcs12(path: Path, rounds: int = 2_000_000) -> None:
    """A PKCS#12 whose key derivation takes seconds (cryptography writes it natively)."""
    entry = factory.self_signed_entry("slow")
    encryption = (
        PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(rounds)
        .key_cert_algorithm(crypto_pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(PW.encode())
    )
    path.write_bytes(
        crypto_pkcs12.serialize_key_and_certificates(
            b"slow", entry.private_key, entry.certificate.cert, None, encryption
        )
    )


def test_opening_a_slow_pkcs12_shows_a_busy_dialog_that_cancels(
    qtbot: QtBot, window: KeymonMainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "slow.p12"
    slow_pkcs12(path)
    opener = window.opener
    before = window.session
    with qtbot.waitSignal(opener.busyChanged, timeout=10_000):
        window.open_keystore(path, PW)
    qtbot.waitUntil(opener.progress.isVisible, timeout=10_000)
    assert path.name in opener.progress.labelText()
    cancel_button = opener.progress.findChild(QPushButton)
    assert cancel_button is not None and cancel_button.text() == "Cancel"
    with qtbot.waitSignal(opener.cancelled, timeout=10_000):
        cancel_button.click()
    assert not opener.busy and not opener.progress.isVisible()
    assert window.session is before  # the keystore shown before stays


def test_load_notes_show_in_the_status_bar_not_a_modal(
    qtbot: QtBot, tmp_path: Path, keymon_home: Path
) -> None:
    key, cert = ec_pair(105, "Open")
    path = tmp_path / "open.p12"
    path.write_bytes(
        pfx(data_safe(key_bag(key, shrouded=False, name="k"), cert_bag(cert, name="k")), mac=False)
    )
    prompts = ScriptedPrompts()
    win = open_window(qtbot, path, PW, keymon_home, prompts)
    assert "not protected by a password" in win.statusBar().currentMessage()
    assert prompts.asked == []
    win.close()


def test_a_hard_linked_keystore_says_so_after_the_first_save(
    qtbot: QtBot, window: KeymonMainWindow, prompts: ScriptedPrompts, store_path: Path
) -> None:
    os.link(store_path, store_path.with_name("other-name.p12"))
    before = window.session
    with qtbot.waitSignal(window.keystoreOpened, timeout=10_000):
        window.opener.open(store_path, PW)  # re-read: the note is judged when opened
    assert window.session is not before
    window.select_alias("other")
    prompts.expect("confirm", True, containing="other")
    assert window.session is not None
    with qtbot.waitSignal(window.session.saved, timeout=10_000):
        window.actions_by_name["actionDelete"].trigger()
    QApplication.processEvents()
    assert "hard link" in window.statusBar().currentMessage()


def test_change_password_offers_to_delete_the_backups_that_keep_the_old_one(
    qtbot: QtBot, window: KeymonMainWindow, prompts: ScriptedPrompts, store_path: Path
) -> None:
    dialog = ChangePasswordDialog(window)
    assert "keep the old password" in dialog.findChild(QLabel, "backupsNote").text()
    dialog.deleteLater()
    prompts.expect("change_password", PasswordAnswer("newpass"))
    prompts.expect("confirm", True, containing="still open with the old password")
    assert window.session is not None and window.store is not None
    with qtbot.waitSignal(window.session.saved, timeout=10_000):
        window.actions_by_name["actionChangePassword"].trigger()
    qtbot.waitUntil(lambda: not window.store.backups().versions())  # type: ignore[union-attr]
    assert "The backups were deleted (1)." in window.statusBar().currentMessage()
    assert len(Keystore.open(store_path, "newpass")) == 3

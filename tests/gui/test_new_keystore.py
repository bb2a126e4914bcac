"""File › New Keystore… (issue 12 item 10): an empty PKCS#12 or JKS, created and opened.

The files are real: keymon's core and the real keytool read what the window created.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from keymon.core import secrets
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.gui.actions import ActionId
from keymon.gui.dialogs.new_keystore_dialog import NewKeystoreAnswer, NewKeystoreDialog
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.new_keystore import unused_name
from tests.gui.scripted_prompts import Question, ScriptedPrompts

NEW_PW = "new-store-pass"
STORETYPE = {Format.PKCS12: "PKCS12", Format.JKS: "JKS"}


def _create(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts, answer: NewKeystoreAnswer
) -> None:
    prompts.expect("new_keystore", answer)
    with qtbot.waitSignal(window.keystoreOpened, timeout=15_000):
        window.actions_by_name[ActionId.NEW_KEYSTORE].trigger()


def _dialog(qtbot: QtBot, suggested: Path) -> NewKeystoreDialog:
    dialog = NewKeystoreDialog(suggested, choose_file=lambda *_a: None)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize("fmt", [Format.PKCS12, Format.JKS])
def test_a_new_keystore_is_written_and_opened_in_the_window(
    window: KeymonMainWindow,
    qtbot: QtBot,
    prompts: ScriptedPrompts,
    tmp_path: Path,
    fmt: Format,
) -> None:
    path = tmp_path / f"receiver{'.p12' if fmt is Format.PKCS12 else '.jks'}"
    _create(window, qtbot, prompts, NewKeystoreAnswer(path, fmt, NEW_PW, remember=False))
    store = window.session.store if window.session is not None else None
    assert store is not None and store.path == path and store.format is fmt
    assert len(store) == 0 and window.empty_guide.isVisible()
    reread = Keystore.open(path, NEW_PW)
    assert reread.format is fmt and len(reread) == 0
    assert path.stat().st_mode & 0o077 == 0  # a keystore file is private
    assert secrets.get_password(path) is None  # not asked to remember
    assert window.actions_by_name[ActionId.GENERATE_KEY_PAIR].isEnabled()


def _keytool_list(path: Path, fmt: Format, password: str) -> subprocess.CompletedProcess[str]:
    command = ["keytool", "-list", "-storetype", STORETYPE[fmt], "-keystore", str(path)]
    return subprocess.run(
        [*command, "-storepass", password], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.interop
@pytest.mark.parametrize("fmt", [Format.PKCS12, Format.JKS])
def test_keytool_lists_the_new_keystore(
    window: KeymonMainWindow,
    qtbot: QtBot,
    prompts: ScriptedPrompts,
    tmp_path: Path,
    fmt: Format,
) -> None:
    path = tmp_path / f"for-keytool.{STORETYPE[fmt].lower()}"
    _create(window, qtbot, prompts, NewKeystoreAnswer(path, fmt, NEW_PW, remember=False))
    listed = _keytool_list(path, fmt, NEW_PW)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert "Your keystore contains 0 entries" in listed.stdout
    wrong = _keytool_list(path, fmt, "wrong-pass")
    assert wrong.returncode != 0  # really protected by the password


def test_remember_puts_the_password_in_the_keyring(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = tmp_path / "remembered.p12"
    _create(window, qtbot, prompts, NewKeystoreAnswer(path, Format.PKCS12, NEW_PW, remember=True))
    assert secrets.get_password(path) == NEW_PW


def test_declining_to_replace_leaves_the_file_untouched(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = tmp_path / "precious.p12"
    path.write_bytes(b"someone else's file")
    before = window.session.store.path if window.session is not None else None
    prompts.expect("new_keystore", NewKeystoreAnswer(path, Format.PKCS12, NEW_PW, remember=True))
    prompts.expect("confirm", False, containing="precious.p12 exists already")
    window.actions_by_name[ActionId.NEW_KEYSTORE].trigger()
    assert path.read_bytes() == b"someone else's file"
    assert window.session is not None and window.session.store.path == before
    assert secrets.get_password(path) is None
    assert "Nothing created" in window.statusBar().currentMessage()


def test_replacing_keeps_the_old_file_as_a_backup(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = tmp_path / "old.jks"
    Keystore([], fmt=Format.JKS, password="old-pass").save_as(path, Format.JKS, "old-pass")
    old = path.read_bytes()
    prompts.expect("new_keystore", NewKeystoreAnswer(path, Format.PKCS12, NEW_PW, remember=False))
    prompts.expect("confirm", True, containing="kept as a backup")
    with qtbot.waitSignal(window.keystoreOpened, timeout=15_000):
        window.actions_by_name[ActionId.NEW_KEYSTORE].trigger()
    assert Keystore.open(path, NEW_PW).format is Format.PKCS12
    backups = Keystore.open(path, NEW_PW).backups()
    assert [backups.read(b.version) for b in backups.versions()] == [old]


def test_the_suggestion_is_a_free_name(tmp_path: Path) -> None:
    assert unused_name(tmp_path) == tmp_path / "keystore.p12"
    (tmp_path / "keystore.p12").write_bytes(b"x")
    assert unused_name(tmp_path) == tmp_path / "keystore-2.p12"


def test_mismatched_passwords_keep_create_disabled_with_the_reason(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, tmp_path / "new.p12")
    assert not dialog.ok_button.isEnabled()  # no password yet
    assert dialog.ok_button.toolTip() == "Enter the new password, then repeat it."
    qtbot.keyClicks(dialog.fields.password_edit, "secret-one")
    qtbot.keyClicks(dialog.fields.repeat_edit, "secret-two")
    assert not dialog.ok_button.isEnabled()
    assert dialog.ok_button.toolTip() == "The two passwords do not match."
    assert dialog.fields.reason_label.text() == "The two passwords do not match."
    dialog.fields.repeat_edit.setText("secret-one")
    assert dialog.ok_button.isEnabled() and dialog.problem() is None
    answer = dialog.answer()
    assert (answer.path, answer.format, answer.password) == (
        tmp_path / "new.p12",
        Format.PKCS12,
        "secret-one",
    )


def test_the_file_field_says_what_is_wrong(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "new.p12")
    dialog.fields.password_edit.setText("pw")
    dialog.fields.repeat_edit.setText("pw")
    dialog.path_edit.setText(str(tmp_path / "missing" / "new.p12"))
    assert not dialog.ok_button.isEnabled()
    assert "does not exist" in dialog.path_message.text() and dialog.path_message.is_problem
    dialog.path_edit.setText(str(tmp_path))
    assert "is a folder" in dialog.ok_button.toolTip()
    dialog.path_edit.setText("")
    assert dialog.ok_button.toolTip() == "Choose where to save the new keystore."
    (tmp_path / "taken.p12").write_bytes(b"x")
    dialog.path_edit.setText(str(tmp_path / "taken.p12"))
    assert dialog.ok_button.isEnabled()  # replacing is confirmed after OK
    assert "asks before replacing" in dialog.path_message.text()
    assert not dialog.path_message.is_problem


def test_the_format_choice_follows_the_suffix(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "new.p12")
    assert dialog.format() is Format.PKCS12  # the default
    combo = dialog.format_combo
    assert [Format(combo.itemData(i)) for i in range(combo.count())] == [
        Format.PKCS12,
        Format.JKS,
    ]  # keymon does not write JCEKS, so it is not offered
    dialog.format_combo.setCurrentIndex(1)
    assert dialog.path() == tmp_path / "new.jks"
    dialog.path_edit.setText(str(tmp_path / "custom.store"))
    dialog.format_combo.setCurrentIndex(0)
    assert dialog.path() == tmp_path / "custom.store"  # a name of the user's own stays


def test_browse_asks_for_a_file_with_the_formats_extension(qtbot: QtBot, tmp_path: Path) -> None:
    asked: list[tuple[str, str, str]] = []

    def choose(title: str, suggested: str, filters: str) -> Path:
        asked.append((title, suggested, filters))
        return tmp_path / "chosen.jks"

    dialog = NewKeystoreDialog(tmp_path / "new.p12", choose_file=choose)
    qtbot.addWidget(dialog)
    dialog.browse_button.click()
    filters = "PKCS#12 (*.p12 *.pfx);;JKS (*.jks *.ks *.keystore)"
    assert asked == [("New Keystore", str(tmp_path / "new.p12"), filters)]
    assert dialog.path() == tmp_path / "chosen.jks" and dialog.format() is Format.JKS
    assert not dialog.answer().replace_confirmed  # a new file: nothing to replace


def test_a_file_the_chooser_confirmed_is_not_confirmed_twice(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """QFileDialog asks before a chosen file is replaced; the action does not ask again."""
    path = tmp_path / "chosen.p12"
    path.write_bytes(b"old")
    dialog = NewKeystoreDialog(tmp_path / "new.p12", choose_file=lambda *_a: path)
    qtbot.addWidget(dialog)
    dialog.browse_button.click()
    dialog.fields.password_edit.setText(NEW_PW)
    dialog.fields.repeat_edit.setText(NEW_PW)
    answer = dialog.answer()
    assert answer.replace_confirmed
    dialog.path_edit.setText(str(tmp_path / "typed.p12"))
    (tmp_path / "typed.p12").write_bytes(b"old")
    assert not dialog.answer().replace_confirmed  # typed by hand: the action asks
    _create(window, qtbot, prompts, answer)  # no confirm() scripted: none may be asked
    assert Keystore.open(path, NEW_PW).format is Format.PKCS12


def test_without_a_keyring_remember_is_disabled_and_says_why(qtbot: QtBot, tmp_path: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # the conftest fixture restores it
    dialog = _dialog(qtbot, tmp_path / "new.p12")
    dialog.show()
    option = dialog.remember_option
    assert not option.check.isEnabled() and not option.remember()
    assert option.notice.isVisible()
    assert option.notice.text() == (
        "No system keyring is available: keymon cannot remember this password."
    )


def test_with_a_keyring_remember_is_offered_and_on(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "new.p12")
    assert dialog.remember_option.check.isEnabled() and dialog.remember_option.remember()


def _run_real_dialog(
    window: KeymonMainWindow, qtbot: QtBot, seen: list[str], finish: Callable[[QDialog], None]
) -> Callable[[Question], NewKeystoreAnswer | None]:
    """An answer that shows the real dialog over ``window`` and closes it with ``finish``."""

    def answer(question: Question) -> NewKeystoreAnswer | None:
        suggested = question["suggested"]
        assert isinstance(suggested, Path)
        dialog = NewKeystoreDialog(suggested, window)

        def act() -> None:
            focus = QApplication.focusWidget()
            seen.append(focus.objectName() if focus is not None else "")
            finish(dialog)

        QTimer.singleShot(100, act)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        result = dialog.answer() if accepted else None
        dialog.deleteLater()
        return result

    return answer


@pytest.mark.platform
def test_focus_starts_in_the_file_field_and_escape_returns_to_the_table(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts
) -> None:
    window.activateWindow()
    window.filter_edit.setFocus()
    qtbot.waitUntil(window.filter_edit.hasFocus)
    seen: list[str] = []

    def escape(dialog: QDialog) -> None:
        focus = QApplication.focusWidget()
        qtbot.keyClick(focus or dialog, Qt.Key.Key_Escape)

    prompts.expect("new_keystore", _run_real_dialog(window, qtbot, seen, escape))
    window.actions_by_name[ActionId.NEW_KEYSTORE].trigger()
    assert seen == ["pathEdit"]
    qtbot.waitUntil(window.table.hasFocus)


@pytest.mark.platform
def test_ctrl_n_opens_new_keystore(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts
) -> None:
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    prompts.expect("new_keystore", None)
    qtbot.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not prompts.pending, "Ctrl+N did not reach File › New Keystore…"
    file_menu = window.menuBar().actions()[0].menu()
    assert file_menu is not None
    names = [a.objectName() for a in file_menu.actions()]  # type: ignore[attr-defined]
    assert names.index("actionNewKeystore") == names.index("actionOpen") - 1

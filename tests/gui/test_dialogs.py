"""The main window's dialogs and the prompts service, driven like a user would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from keymon.core.entries import Entry
from keymon.core.formats.protection import Pkcs12Protection
from keymon.core.merge import MergeAction, MergePlan, MergeStep, default_plan
from keymon.core.storage import Backup
from keymon.gui.dialogs.backups_dialog import BackupsDialog, local_time
from keymon.gui.dialogs.change_password_dialog import ChangePasswordDialog
from keymon.gui.dialogs.choose_entries_dialog import ChooseEntriesDialog, MergeDialog, RowChoice
from keymon.gui.dialogs.export_keypair_dialog import ExportAnswer, ExportKeyPairDialog
from keymon.gui.dialogs.password_dialog import PasswordAnswer, PasswordDialog
from keymon.gui.dialogs.rename_dialog import RenameDialog
from keymon.gui.prompts import (
    DialogPrompts,
    Prompts,
    first_suffix,
    reload_text,
    wrong_password_text,
)
from tests import factory
from tests.gui.scripted_prompts import Expected, ScriptedPrompts

LEFT = Qt.MouseButton.LeftButton
W = TypeVar("W", bound=QWidget)
NO_KEYRING = "No system keyring is available: keymon cannot remember this password."


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return [
        factory.key_pair_entry("tenant", "tenant.example.com"),
        factory.self_signed_entry("edge"),
        factory.trusted_entry("root-ca", "keymon Root CA"),
    ]


def child(parent: QWidget, kind: type[W], name: str) -> W:
    widget = parent.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name!r}"
    return widget


def shown(widget: QWidget) -> bool:
    """Visible once its window is shown (the dialogs are never shown in these tests)."""
    return widget.isVisibleTo(widget.window())


def tab_chain(start: QWidget, count: int) -> list[str]:
    """Object names (or texts) of the next ``count`` widgets Tab reaches from ``start``."""
    names: list[str] = []
    widget = start
    while len(names) < count:
        following = widget.nextInFocusChain()
        assert following is not None
        widget = following
        tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if tab and widget.isEnabled() and shown(widget):
            names.append(widget.objectName() or widget.property("text") or "?")
    return names


def row(tree: QTreeWidget, index: int) -> QTreeWidgetItem:
    item = tree.topLevelItem(index)
    assert item is not None
    return item


def click_ok(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, LEFT)  # type: ignore[attr-defined]


# -- password ------------------------------------------------------------------------------
def test_password_dialog_answers_password_and_remember(qtbot: QtBot) -> None:
    dialog = PasswordDialog(Path("/somewhere/client.p12"))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Password for client.p12"
    edit = child(dialog, QLineEdit, "passwordEdit")
    assert edit.echoMode() is QLineEdit.EchoMode.Password
    assert not shown(child(dialog, QWidget, "errorLabel"))
    assert not shown(child(dialog, QWidget, "noKeyringLabel"))
    assert dialog.ok_button.isEnabled() and dialog.ok_button.isDefault()
    assert tab_chain(edit, 4) == ["showPasswordCheck", "rememberCheck", "OK", "Cancel"]
    assert edit.accessibleName() == "Password"
    qtbot.keyClicks(edit, "s3cret pass")
    qtbot.mouseClick(dialog.show_check, LEFT)
    assert edit.echoMode() is QLineEdit.EchoMode.Normal
    qtbot.mouseClick(dialog.show_check, LEFT)
    assert edit.echoMode() is QLineEdit.EchoMode.Password
    qtbot.mouseClick(dialog.remember_option.check, LEFT)
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.answer() == PasswordAnswer("s3cret pass", True)
    assert "s3cret" not in repr(dialog.answer())


# Showing a window makes the offscreen plugin warn that it cannot propagate size hints.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@OFFSCREEN_NOISE
def test_password_dialog_shows_the_wrong_password_line(qtbot: QtBot) -> None:
    dialog = PasswordDialog(Path("client.p12"), error=wrong_password_text())
    qtbot.addWidget(dialog)
    dialog.show()  # Return presses the default button of a visible dialog only
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.password_edit
    label = dialog.error_label
    assert shown(label) and label.is_problem
    assert label.text() == "The password is wrong. Try again."
    qtbot.keyClicks(dialog.password_edit, "again")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # the default button
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.answer() == PasswordAnswer("again", False)


def test_new_password_needs_two_matching_non_empty_fields(qtbot: QtBot) -> None:
    dialog = PasswordDialog(Path("new.p12"), new=True)
    qtbot.addWidget(dialog)
    assert dialog.fields is not None
    first, second = dialog.fields.password_edit, dialog.fields.repeat_edit
    reason = dialog.fields.reason_label
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(first, "abc123")
    assert not dialog.ok_button.isEnabled() and not reason.is_problem
    qtbot.keyClicks(second, "abc")  # still typing: a hint, not a mistake
    assert not dialog.ok_button.isEnabled() and not reason.is_problem
    qtbot.keyClicks(second, "x")
    assert not dialog.ok_button.isEnabled()
    assert reason.is_problem and reason.text() == "The two passwords do not match."
    qtbot.keyClick(second, Qt.Key.Key_Backspace)
    qtbot.keyClicks(second, "123")
    assert dialog.ok_button.isEnabled() and reason.text() == "The passwords match."
    qtbot.mouseClick(dialog.show_check, LEFT)
    assert second.echoMode() is QLineEdit.EchoMode.Normal
    click_ok(qtbot, dialog)
    assert dialog.answer() == PasswordAnswer("abc123", False)


def test_without_a_keyring_remember_is_disabled_and_says_why(qtbot: QtBot) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    for dialog in (
        PasswordDialog(Path("client.p12")),
        PasswordDialog(Path("client.p12"), new=True, remember=True),
        ChangePasswordDialog(remember=True),
    ):
        qtbot.addWidget(dialog)
        check = dialog.remember_option.check
        assert check.objectName() == "rememberCheck"
        assert not check.isEnabled() and not check.isChecked()
        notice = child(dialog, QWidget, "noKeyringLabel")
        assert shown(notice) and notice.text() == NO_KEYRING  # type: ignore[attr-defined]
        check.setChecked(True)  # even if something forces it, nothing is remembered
        assert not dialog.remember_option.remember()


def test_remember_is_offered_with_a_keyring(qtbot: QtBot) -> None:
    dialog = PasswordDialog(Path("client.p12"), remember=True)
    qtbot.addWidget(dialog)
    assert dialog.remember_option.check.isEnabled()
    assert dialog.remember_option.remember()


# -- backups -------------------------------------------------------------------------------
def _backups(tmp_path: Path) -> list[Backup]:
    base = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
    return [
        Backup(v, base + dt.timedelta(hours=v), 1000 * v, v if v != 2 else None, tmp_path / f"v{v}")
        for v in (1, 3, 2)
    ]


def test_backups_newest_first_and_restore_emits_the_version(qtbot: QtBot, tmp_path: Path) -> None:
    backups = _backups(tmp_path)
    dialog = BackupsDialog(backups, name="client.p12")
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "backupsDialog"
    table = child(dialog, QTreeWidget, "backupsTable")
    assert dialog.stack.currentWidget() is table
    rows = [row(table, i) for i in range(table.topLevelItemCount())]
    assert [r.text(0) for r in rows] == ["3", "2", "1"]
    assert rows[0].text(1) == local_time(backups[1].created)
    assert rows[1].text(2) == "unknown"
    restore = dialog.restore_button
    assert restore.objectName() == "restoreButton" and not restore.isEnabled()

    layout = dialog.layout()
    assert layout is not None
    layout.activate()
    table.resize(500, 200)
    rect = table.visualItemRect(rows[1])
    qtbot.mouseClick(table.viewport(), LEFT, pos=QPoint(rect.center()))
    assert dialog.selected_version() == 2 and restore.isEnabled()
    with qtbot.waitSignal(dialog.restoreRequested) as blocker:
        qtbot.mouseClick(restore, LEFT)
    assert blocker.args == [2]
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.chosen == 2


def test_backups_keyboard_and_empty_state(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = BackupsDialog(_backups(tmp_path))
    qtbot.addWidget(dialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.selected_version() == 2
    with qtbot.waitSignal(dialog.restoreRequested) as blocker:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert blocker.args == [2]

    empty = BackupsDialog([])
    qtbot.addWidget(empty)
    assert empty.stack.currentWidget() is empty.empty_label
    assert "no backups" in empty.empty_label.text()
    assert not empty.restore_button.isEnabled()
    with qtbot.assertNotEmitted(empty.restoreRequested):
        qtbot.mouseClick(empty.restore_button, LEFT)


# -- choose entries --------------------------------------------------------------------------
def test_choose_entries_all_checked_and_unchecking(qtbot: QtBot, entries: list[Entry]) -> None:
    dialog = ChooseEntriesDialog(entries, title="Choose certificates")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Choose certificates"
    tree = dialog.tree
    assert [row(tree, i).text(0) for i in range(3)] == ["tenant", "edge", "root-ca"]
    assert row(tree, 0).text(1) == "Key pair"
    assert row(tree, 0).text(2) == "tenant.example.com"
    assert row(tree, 2).text(1) == "Certificate"
    until = entries[0].certificates[0].summary.not_after.astimezone().date().isoformat()
    assert row(tree, 0).text(3) == until
    assert dialog.chosen_entries() == entries
    assert dialog.count_label.text() == "3 of 3 chosen"

    qtbot.keyClick(tree, Qt.Key.Key_Down)  # to "edge"
    qtbot.keyClick(tree, Qt.Key.Key_Space)  # uncheck it
    assert dialog.chosen_entries() == [entries[0], entries[2]]
    assert dialog.count_label.text() == "2 of 3 chosen"

    qtbot.mouseClick(dialog.none_button, LEFT)
    assert dialog.chosen_entries() == [] and not dialog.ok_button.isEnabled()
    assert shown(dialog.reason_label)
    qtbot.mouseClick(dialog.all_button, LEFT)
    assert dialog.chosen_entries() == entries and dialog.ok_button.isEnabled()
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted


# -- merge ---------------------------------------------------------------------------------
def test_default_plan_loses_nothing(entries: list[Entry]) -> None:
    plan = default_plan(entries, ["TENANT", "tenant-2", "other"])
    assert [(s.action, s.alias) for s in plan] == [
        (MergeAction.ADD, "tenant-3"),
        (MergeAction.ADD, "edge"),
        (MergeAction.ADD, "root-ca"),
    ]
    assert plan.items[0].renamed and plan.items[0].result().alias == "tenant-3"
    assert [e.alias for e in plan.new_entries] == ["tenant-3", "edge", "root-ca"]
    assert plan.items[0].action == "add"  # a StrEnum: callers may compare with strings


def test_merge_plan_choices(qtbot: QtBot, entries: list[Entry]) -> None:
    dialog = MergeDialog(entries, ["Tenant", "other"])
    qtbot.addWidget(dialog)
    clash = dialog.combos[0]
    assert [clash.itemData(i) for i in range(clash.count())] == ["rename", "keep", "overwrite"]
    assert dialog.alias_edits[0].text() == "tenant-2"
    assert dialog.alias_edits[1].isReadOnly() and dialog.alias_edits[1].text() == "edge"
    assert dialog.ok_button.isEnabled()
    assert dialog.summary_label.text() == "Added: 3 · Overwritten: 0 · Existing kept: 0"

    qtbot.keyClick(clash, Qt.Key.Key_Down)  # → Keep existing
    assert dialog.choice(0) is RowChoice.KEEP
    assert dialog.merge_plan().items[0] == MergeStep(entries[0], MergeAction.KEEP, "tenant")
    qtbot.keyClick(clash, Qt.Key.Key_Down)  # → Overwrite existing
    assert dialog.merge_plan().items[0].action is MergeAction.OVERWRITE
    assert dialog.summary_label.text() == "Added: 2 · Overwritten: 1 · Existing kept: 0"

    dialog.set_choice(0, RowChoice.RENAME)
    edit = dialog.alias_edits[0]
    assert not edit.isReadOnly() and edit.text() == "tenant-2"
    edit.clear()
    qtbot.keyClicks(edit, "OTHER")
    assert not dialog.ok_button.isEnabled() and dialog.reason_label.is_problem
    assert "already has an entry" in dialog.reason_label.text()
    edit.clear()
    qtbot.keyClicks(edit, "edge")  # taken by another incoming entry
    assert not dialog.ok_button.isEnabled()
    assert "Two entries" in dialog.reason_label.text()
    edit.clear()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(edit, "tenant-new")
    assert dialog.ok_button.isEnabled()

    dialog.set_choice(1, RowChoice.RENAME)  # a non-clashing entry may be renamed too
    dialog.set_choice(1, RowChoice.ADD)
    assert dialog.alias_edits[1].text() == "edge"
    click_ok(qtbot, dialog)
    plan = dialog.merge_plan()
    assert [(s.action, s.alias) for s in plan] == [
        (MergeAction.ADD, "tenant-new"),
        (MergeAction.ADD, "edge"),
        (MergeAction.ADD, "root-ca"),
    ]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_merge_keeping_everything_adds_nothing(qtbot: QtBot, entries: list[Entry]) -> None:
    dialog = MergeDialog(entries[:1], ["tenant"])
    qtbot.addWidget(dialog)
    dialog.set_choice(0, RowChoice.KEEP)
    assert not dialog.ok_button.isEnabled()
    assert dialog.merge_plan() == MergePlan((MergeStep(entries[0], MergeAction.KEEP, "tenant"),))
    with pytest.raises(ValueError):
        dialog.set_choice(0, RowChoice.ADD)  # a clashing alias cannot simply be added


# -- rename --------------------------------------------------------------------------------
def test_rename_validates_live(qtbot: QtBot) -> None:
    dialog = RenameDialog("tenant", ["tenant", "Other", "root"])
    qtbot.addWidget(dialog)
    edit, ok, reason = dialog.alias_edit, dialog.ok_button, dialog.reason_label
    assert edit.text() == "tenant" and not ok.isEnabled() and not reason.is_problem
    edit.clear()
    assert not ok.isEnabled() and reason.is_problem
    assert reason.text() == "An alias cannot be empty."
    qtbot.keyClicks(edit, "OTHER")
    assert not ok.isEnabled() and "already has the alias" in reason.text()
    edit.clear()
    qtbot.keyClicks(edit, "Tenant")  # its own alias in another case
    assert ok.isEnabled() and not shown(reason)
    edit.clear()
    qtbot.keyClicks(edit, "  client-2024 ")
    assert ok.isEnabled()
    click_ok(qtbot, dialog)
    assert dialog.new_alias() == "client-2024"


# -- export and change password --------------------------------------------------------------
def test_export_key_pair_dialog(qtbot: QtBot) -> None:
    dialog = ExportKeyPairDialog(alias="tenant")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.fields.password_edit, "pw")
    qtbot.keyClicks(dialog.fields.repeat_edit, "px")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.fields.repeat_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.fields.repeat_edit, "w")
    assert dialog.ok_button.isEnabled()
    assert dialog.legacy_check.text().startswith("&Legacy encryption (3DES, SHA-1 MAC)")
    assert tab_chain(dialog.fields.password_edit, 5) == [
        "repeatEdit",
        "showPasswordCheck",
        "legacyCheck",
        "E&xport",
        "Cancel",
    ]
    qtbot.mouseClick(dialog.legacy_check, LEFT)
    click_ok(qtbot, dialog)
    assert dialog.answer() == ExportAnswer("pw", Pkcs12Protection.LEGACY_3DES)


def test_change_password_dialog(qtbot: QtBot) -> None:
    dialog = ChangePasswordDialog(name="client.p12")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.fields.password_edit, "new-pw")
    qtbot.keyClicks(dialog.fields.repeat_edit, "new-pw")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.remember_option.check, LEFT)
    click_ok(qtbot, dialog)
    assert dialog.answer() == PasswordAnswer("new-pw", True)

    plain = ChangePasswordDialog(remember=True, offer_remember=False)
    qtbot.addWidget(plain)
    assert not shown(plain.remember_option.check)
    plain.fields.password_edit.setText("x")
    plain.fields.repeat_edit.setText("x")
    assert plain.answer() == PasswordAnswer("x", False)


# -- the real prompts, with the dialogs driven instead of run ----------------------------------
def driver(qtbot: QtBot, act: Callable[[QDialog], None]) -> Callable[[QDialog], int]:
    def run(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        act(dialog)
        return dialog.result()

    return run


def test_dialog_prompts_return_typed_answers(
    qtbot: QtBot, entries: list[Entry], tmp_path: Path
) -> None:
    def password(d: QDialog) -> None:
        assert isinstance(d, PasswordDialog) and d.error_label.text() == wrong_password_text()
        qtbot.keyClicks(d.password_edit, "pw")
        click_ok(qtbot, d)

    prompts: Prompts = DialogPrompts(None, run=driver(qtbot, password))
    error = wrong_password_text()
    assert prompts.ask_password(Path("a.p12"), error=error) == PasswordAnswer("pw", False)

    def rename(d: QDialog) -> None:
        assert isinstance(d, RenameDialog)
        d.alias_edit.setText("renamed")
        click_ok(qtbot, d)

    assert DialogPrompts(run=driver(qtbot, rename)).rename("a", ["a", "b"]) == "renamed"
    chosen = DialogPrompts(run=driver(qtbot, lambda d: d.reject())).choose_entries(entries, "t")
    assert chosen is None
    plan = DialogPrompts(run=driver(qtbot, lambda d: d.accept())).plan_merge(entries, ["edge"])
    assert plan == default_plan(entries, ["edge"])

    def restore(d: QDialog) -> None:
        assert isinstance(d, BackupsDialog)
        qtbot.keyClick(d.table, Qt.Key.Key_Down)
        qtbot.mouseClick(d.restore_button, LEFT)

    backups = _backups(tmp_path)
    assert DialogPrompts(run=driver(qtbot, restore)).choose_backup(backups) == 3


def test_dialog_prompts_message_boxes(qtbot: QtBot) -> None:
    def press(which: QMessageBox.StandardButton) -> Callable[[QDialog], None]:
        def act(box: QDialog) -> None:
            assert isinstance(box, QMessageBox)
            qtbot.mouseClick(box.button(which), LEFT)

        return act

    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    assert DialogPrompts(run=driver(qtbot, press(yes))).confirm("Delete", "Sure?")
    assert not DialogPrompts(run=driver(qtbot, press(no))).confirm("Delete", "Sure?")

    def destructive(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        assert box.defaultButton() is box.button(no) and box.icon() is QMessageBox.Icon.Warning
        box.reject()  # Escape

    prompts = DialogPrompts(run=driver(qtbot, destructive))
    assert not prompts.confirm("Delete", "Sure?", destructive=True)

    def reload(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        assert box.text() == reload_text(Path("/x/client.p12"))
        qtbot.mouseClick(box.defaultButton(), LEFT)

    assert DialogPrompts(run=driver(qtbot, reload)).ask_reload(Path("/x/client.p12"))
    assert reload_text(Path("/x/client.p12")).startswith(
        "client.p12 was changed by another program. Reload it? Your changes are saved already;"
    )
    DialogPrompts(run=driver(qtbot, lambda box: box.accept())).info("Done", "All good.")


def test_dialog_prompts_file_choosers(qtbot: QtBot, tmp_path: Path) -> None:
    existing = tmp_path / "client.p12"
    existing.write_bytes(b"x")
    seen: list[str] = []

    def pick(name: str) -> Callable[[QDialog], None]:
        def act(d: QDialog) -> None:
            assert isinstance(d, QFileDialog)
            seen.append(d.directory().absolutePath())
            d.selectFile(name)
            d.accept()

        return act

    filters = "PKCS#12 (*.p12 *.pfx);;All files (*)"
    steps = [pick(str(existing)), pick("export"), lambda d: d.reject()]
    prompts = DialogPrompts(run=driver(qtbot, lambda d: steps.pop(0)(d)))
    assert prompts.choose_open_file("Open", filters) == existing
    assert prompts.directory == tmp_path
    assert prompts.choose_save_file("Export", "export.p12", filters) == tmp_path / "export.p12"
    assert seen[1] == str(tmp_path)  # the second dialog starts where the first ended
    assert prompts.choose_open_file("Open", filters) is None
    assert steps == []


def test_file_filter_suffix() -> None:
    assert first_suffix("PKCS#12 (*.p12 *.pfx);;All files (*)") == "p12"
    assert first_suffix("All files (*)") == ""


# -- scripted prompts --------------------------------------------------------------------------
def test_scripted_prompts_answer_in_order_and_record(entries: list[Entry]) -> None:
    prompts: Prompts
    scripted = ScriptedPrompts(
        ("confirm", True),
        Expected("ask_password", PasswordAnswer("pw"), containing="client.p12"),
    ).expect("choose_entries", lambda q: list(q["entries"])[:1])
    prompts = scripted
    assert prompts.confirm("Delete", "Delete 2 entries?", destructive=True) is True
    assert prompts.ask_password(Path("/x/client.p12"), error="wrong") == PasswordAnswer("pw")
    assert prompts.choose_entries(entries, "Choose") == entries[:1]
    scripted.assert_done()
    assert [q.method for q in scripted.asked] == ["confirm", "ask_password", "choose_entries"]
    assert scripted.asked[0]["destructive"] is True
    assert scripted.asked[1]["error"] == "wrong"


def test_scripted_prompts_refuse_the_unexpected() -> None:
    with pytest.raises(AssertionError, match="unexpected prompt confirm"):
        ScriptedPrompts().confirm("Delete", "Sure?")
    with pytest.raises(AssertionError, match="expected rename"):
        ScriptedPrompts(("rename", "x")).confirm("Delete", "Sure?")
    with pytest.raises(AssertionError, match="does not fit"):
        ScriptedPrompts(("choose_backup", True)).choose_backup([])
    with pytest.raises(AssertionError, match="does not mention"):
        ScriptedPrompts(Expected("error", containing="disk")).error("Oops", "network")
    with pytest.raises(AssertionError, match="no method"):
        ScriptedPrompts().expect("ask_name", "x")
    pending = ScriptedPrompts(("ask_reload", False))
    with pytest.raises(AssertionError, match="never asked: ask_reload"):
        pending.assert_done()
    assert pending.ask_reload(Path("k.p12")) is False
    pending.assert_done()


def test_scripted_prompts_may_let_messages_through() -> None:
    prompts = ScriptedPrompts(("rename", None), allow_messages=True)
    prompts.info("Saved", "The keystore was saved.")
    assert prompts.rename("a", ["a"]) is None
    prompts.error("Oops", "It failed.")
    assert [str(q) for q in prompts.messages] == [
        "info(title='Saved', text='The keystore was saved.')",
        "error(title='Oops', text='It failed.')",
    ]
    prompts.assert_done()

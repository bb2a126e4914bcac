"""One label column per dialog and one capitalisation of column titles (issue 12 item 17).

Settings had three field columns (one per group), the key pair wizard's Alias sat
outside the Subject group with its own, and column titles mixed "Valid Until" with
"Days left". Fields are compared by their x position in the dialog, as a user sees them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QDialog, QFormLayout, QGroupBox, QTreeWidget, QWidget
from pytestqt.qtbot import QtBot

from keymon.core.formats.protection import Pkcs12Protection
from keymon.gui.dialogs.choose_entries_dialog import ChooseEntriesDialog, MergeDialog
from keymon.gui.dialogs.new_keystore_dialog import NewKeystoreDialog
from keymon.gui.dialogs.settings_dialog import SettingsDialog
from keymon.gui.label_columns import form_labels
from keymon.gui.models.chain_model import ChainModel
from keymon.gui.models.columns import COLUMNS
from keymon.gui.preferences import Preferences
from keymon.gui.views.monitoring_model import COLUMNS as MONITORING_COLUMNS
from keymon.gui.wizards.keypair_wizard import IdentityPage, KeyPage, KeyPairWizard
from keymon.gui.workers import TaskRunner
from tests import factory

PREFS = Preferences(30, "rsa:3072", 730, Pkcs12Protection.AES_256, "system", "system", True)


def _x(widget: QWidget, top: QWidget) -> int:
    return widget.mapTo(top, QPoint(0, 0)).x()


def _field_xs(forms: Sequence[QFormLayout], top: QWidget) -> set[int]:
    """Where the fields of ``forms`` start, in ``top``'s coordinates."""
    xs = set()
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.isVisible():
                xs.add(_x(widget, top))
    return xs


def _label_widths(forms: Sequence[QFormLayout]) -> set[int]:
    return {label.width() for form in forms for label in form_labels(form) if label.isVisible()}


def test_settings_has_one_label_column(qtbot: QtBot) -> None:
    dialog = SettingsDialog(PREFS)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    forms = [form for form in dialog.forms if isinstance(form, QFormLayout)]
    assert len(forms) == 3
    assert len(_label_widths(forms)) == 1
    assert _field_xs(forms, dialog) == {_x(dialog.warning_spin, dialog)}
    assert _x(dialog.tray_check, dialog) == _x(dialog.warning_spin, dialog)  # under its spin box
    # the field column is narrower than a spanning row: the dialog grows, nothing is cut
    assert dialog.tray_check.width() >= dialog.tray_check.sizeHint().width()


@pytest.fixture
def keypair_wizard(qtbot: QtBot) -> Iterator[KeyPairWizard]:
    runner = TaskRunner()
    wizard = KeyPairWizard([], runner)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    yield wizard
    runner.shutdown(10_000)


def test_the_alias_is_in_the_subject_group_and_its_column(
    keypair_wizard: KeyPairWizard, qtbot: QtBot
) -> None:
    page = keypair_wizard.page_of(IdentityPage)
    group = page.findChild(QGroupBox)
    assert group is not None and group.isAncestorOf(page.alias_edit)
    assert group.title() == "Subject"
    xs = {_x(edit, page) for edit in (page.alias_edit, *page.subject.edits())}
    assert len(xs) == 1


def test_the_key_and_validity_groups_share_a_label_column(
    keypair_wizard: KeyPairWizard, qtbot: QtBot
) -> None:
    keypair_wizard.page_of(IdentityPage).subject.cn_edit.setText("Tenant Client")
    keypair_wizard.next()
    keypair_wizard.next()
    page = keypair_wizard.page_of(KeyPage)
    qtbot.waitUntil(page.isVisible)
    assert _x(page.key.type_combo, page) == _x(page.valid_from, page)
    assert _x(page.key.signature_combo, page) == _x(page.valid_until, page)


def test_the_new_keystore_dialog_has_one_label_column(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = NewKeystoreDialog(tmp_path / "new.p12")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fields = (
        dialog.path_edit,
        dialog.format_combo,
        dialog.fields.password_edit,
        dialog.fields.repeat_edit,
        dialog.remember_option,
    )
    assert len({_x(field, dialog) for field in fields}) == 1


# -- column titles ----------------------------------------------------------------------------
#: Words that stay lower case inside a title ("Import Root CA of a Tested Server").
MINOR = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}


def title_case_problem(title: str) -> str | None:
    """None when every word of ``title`` is capitalised as the menus are (title case)."""
    for i, word in enumerate(title.split()):
        letters = re.sub(r"^[^A-Za-z]+", "", word)
        if not letters or (i > 0 and letters in MINOR):
            continue
        if not letters[0].isupper():
            return f"{title!r}: {word!r} is not capitalised"
    return None


def test_the_title_case_check_itself() -> None:
    assert title_case_problem("Valid Until") is None
    assert title_case_problem("SHA-256 Fingerprint") is None
    assert title_case_problem("Subject (CN)") is None
    assert title_case_problem("Import Root CA of a Tested Server") is None
    assert title_case_problem("Days left") is not None
    assert title_case_problem("alias") is not None


def _tree_titles(tree: QTreeWidget) -> list[str]:
    header = tree.headerItem()
    return [header.text(i) for i in range(header.columnCount())]


def test_column_titles_are_title_case(qtbot: QtBot) -> None:
    titles = [c.title for c in COLUMNS if c.title]  # the entries table, Owner included
    assert "Owner" in titles and "Valid Until" in titles
    titles += [t for t in MONITORING_COLUMNS if t]
    titles += list(ChainModel.HEADERS)
    entries = [factory.trusted_entry("root", "Receiver Root CA")]
    dialogs: list[QDialog] = [
        ChooseEntriesDialog(entries, title="Choose certificates"),
        MergeDialog(entries, ["other"]),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        for tree in dialog.findChildren(QTreeWidget):
            titles += _tree_titles(tree)
    problems = [p for p in map(title_case_problem, titles) if p]
    assert problems == []

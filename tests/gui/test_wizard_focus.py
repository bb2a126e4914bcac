"""Wizards and the keyboard (issue 12, item 8): Return adds an alternative name and stays
on the page; every page starts with the focus in its first field."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from keymon.core.x509.templates import SubjectAltName
from keymon.gui.wizards.keypair_wizard import IdentityPage, KeyNamesPage, KeyPage, KeyPairWizard
from keymon.gui.workers import TaskRunner

pytestmark = pytest.mark.platform


@pytest.fixture
def wizard(qtbot: QtBot) -> Iterator[KeyPairWizard]:
    runner = TaskRunner()
    wizard = KeyPairWizard([], runner)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    yield wizard
    runner.shutdown(10_000)


def _focus(qtbot: QtBot) -> object:
    qtbot.wait(1)  # the focus moves once the page is shown
    return QApplication.focusWidget()


def test_each_page_starts_in_its_first_field(wizard: KeyPairWizard, qtbot: QtBot) -> None:
    identity = wizard.page_of(IdentityPage)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is identity.alias_edit)
    qtbot.keyClicks(identity.subject.cn_edit, "Tenant Client")
    qtbot.keyClick(identity.subject.cn_edit, Qt.Key.Key_Return)  # Return: Next
    names = wizard.page_of(KeyNamesPage).editor
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.page_of(KeyNamesPage))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is names.kind_combo)
    wizard.next()
    key = wizard.page_of(KeyPage)
    qtbot.waitUntil(lambda: wizard.currentPage() is key)
    focused = _focus(qtbot)
    assert focused is not None and key.isAncestorOf(focused)  # type: ignore[arg-type]
    assert focused.objectName() != "qt_wizard_next"  # type: ignore[attr-defined]


def test_return_in_the_alternative_name_adds_it_and_stays(
    wizard: KeyPairWizard, qtbot: QtBot
) -> None:
    qtbot.keyClicks(wizard.page_of(IdentityPage).subject.cn_edit, "x")
    wizard.next()
    page = wizard.page_of(KeyNamesPage)
    editor = page.editor
    qtbot.waitUntil(lambda: wizard.currentPage() is page)
    editor.value_edit.setFocus()
    qtbot.keyClicks(editor.value_edit, "tenant.example.com")
    qtbot.keyClick(editor.value_edit, Qt.Key.Key_Return)
    assert editor.sans() == (SubjectAltName("DNS", "tenant.example.com"),)
    assert wizard.currentPage() is page, "Return went on to the next page"
    assert editor.value_edit.text() == ""
    qtbot.keyClicks(editor.value_edit, "second.example.com")
    qtbot.keyClick(editor.value_edit, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert len(editor.sans()) == 2 and wizard.currentPage() is page
    qtbot.keyClick(editor.value_edit, Qt.Key.Key_Return)  # nothing typed: Return is Next
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.page_of(KeyPage))

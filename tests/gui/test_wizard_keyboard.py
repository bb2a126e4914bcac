"""Tab order and names on the pages of the wizards test_wizards.py does not walk.

The key pair, CSR, CA reply and sign-CSR wizards are walked in
test_wizards.py::test_tab_order_and_names_on_every_page; the Import root CA wizard
is opened from the connectivity panel, so it is walked here on its own.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from keymon.core.entries import CertInfo
from keymon.core.net.result import ProbeResult
from keymon.gui.wizards.import_root_wizard import AliasPage, ChooseRootPage, ImportRootWizard
from tests import factory
from tests.gui.keyboard import check_tab_order


def walk_every_page(wizard: QWizard) -> list[str]:
    """check_tab_order on the current page and each after it (Next, never Finish)."""
    titles = []
    while True:
        page = wizard.currentPage()
        check_tab_order(page)
        titles.append(page.title())
        if wizard.currentId() == wizard.pageIds()[-1]:
            return titles
        current = wizard.currentId()
        wizard.next()
        assert wizard.currentId() != current, page.title()


def probe_result(*chain: CertInfo) -> ProbeResult:
    return ProbeResult("127.0.0.1", 443, "localhost", None, (), chain=chain)


@pytest.mark.parametrize("with_warnings", [False, True], ids=["root", "self-signed-leaf"])
def test_import_root_wizard_tab_order(qtbot: QtBot, with_warnings: bool) -> None:
    chain: tuple[CertInfo, ...]
    if with_warnings:  # a self-signed end-entity certificate: the warnings are shown
        chain = (factory.self_signed_entry("leaf", "Lonely Leaf").certificate,)
    else:
        (_, root), (_, inter) = factory.ca_chain()
        chain = (CertInfo.from_cert(inter), CertInfo.from_cert(root))
    wizard = ImportRootWizard(probe_result(*chain), ["taken"], now=factory.NOW)
    qtbot.addWidget(wizard)
    wizard.show()
    choose = wizard.page_of(ChooseRootPage)
    assert choose.warnings.isVisibleTo(choose) is with_warnings
    titles = walk_every_page(wizard)
    assert titles == [choose.title(), wizard.page_of(AliasPage).title()]
    assert wizard.page_of(AliasPage).alias_edit.text()  # suggested from the CN

"""Empty state and first steps (issue 12, item 16): a guide in the empty window, Sign CSR
explained on a key pair that is no CA, and "Expired" in the expiry filter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from keymon.core.entries import CertificateEntry, CertInfo, KeyPairEntry
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.gui.actions import ActionId
from keymon.gui.main_window import KeymonMainWindow
from tests import factory
from tests.gui.helpers import PW, open_window
from tests.gui.scripted_prompts import ScriptedPrompts


def _window(
    qtbot: QtBot, tmp_path: Path, keymon_home: Path, prompts: ScriptedPrompts, entries: list
) -> KeymonMainWindow:
    path = tmp_path / "store.p12"
    Keystore(entries, password=PW).save_as(path, Format.PKCS12, PW)
    return open_window(qtbot, path, PW, keymon_home, prompts)


def test_an_empty_keystore_shows_the_first_steps(
    qtbot: QtBot, tmp_path: Path, keymon_home: Path, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, tmp_path, keymon_home, prompts, [])
    guide = window.empty_guide
    qtbot.waitUntil(guide.isVisible)
    buttons = {b.defaultAction().objectName(): b for b in guide.findChildren(QToolButton)}
    assert list(buttons) == [
        "actionOpen",
        "actionNewKeystore",
        "actionGenerateKeyPair",
        "actionConnectivityTest",
    ]
    assert all(b.isEnabled() and b.isVisible() for b in buttons.values())
    assert guide.geometry() == window.table.viewport().rect()
    prompts.expect("choose_open_file", None)  # the Open button asks for a file
    buttons["actionOpen"].click()
    buttons["actionConnectivityTest"].click()
    assert window.connectivity_dock.isVisible()
    window.close()


def test_the_guide_leaves_when_entries_come_and_stays_away_while_filtering(
    window: KeymonMainWindow, qtbot: QtBot
) -> None:
    assert not window.empty_guide.isVisible()
    qtbot.keyClicks(window.filter_edit, "nothing matches this")
    assert window.proxy.rowCount() == 0
    assert not window.empty_guide.isVisible()  # a filter that finds nothing is not empty


def test_sign_csr_is_disabled_with_a_reason_on_a_key_pair_that_is_no_ca(
    qtbot: QtBot, tmp_path: Path, keymon_home: Path, prompts: ScriptedPrompts
) -> None:
    ca_key = factory.ec_key(7)
    ca_cert = factory.make_cert(ca_key, "Partner Issuing CA", ca=True)
    entries = [
        factory.key_pair_entry("tenant", "Tenant Client"),
        KeyPairEntry("issuing-ca", ca_key, (CertInfo.from_cert(ca_cert),)),
    ]
    window = _window(qtbot, tmp_path, keymon_home, prompts, entries)
    sign = window.actions_by_name[ActionId.SIGN_CSR]
    window.select_alias("tenant")
    assert not sign.isEnabled()
    assert "not a CA" in sign.toolTip() and "“tenant”" in sign.toolTip()
    assert sign.statusTip() == sign.toolTip()
    window.select_alias("issuing-ca")
    assert sign.isEnabled()
    assert sign.toolTip() == "Sign a certificate signing request with this CA key pair"
    window.close()


def test_the_expiry_filter_offers_expired(
    qtbot: QtBot, tmp_path: Path, keymon_home: Path, prompts: ScriptedPrompts
) -> None:
    old = factory.make_cert(
        factory.ec_key(8), "Old Partner", not_before=factory.NOW - dt.timedelta(days=400)
    )
    soon = factory.make_cert(
        factory.ec_key(9), "Soon Partner", not_before=factory.NOW - dt.timedelta(days=360)
    )
    entries = [
        factory.key_pair_entry("tenant", "Tenant Client"),
        CertificateEntry("old", CertInfo.from_cert(old)),
        CertificateEntry("soon", CertInfo.from_cert(soon)),
    ]
    window = _window(qtbot, tmp_path, keymon_home, prompts, entries)
    combo = window.expiry_combo
    index = combo.findText("Expired")
    assert index == 1  # right after "Any expiry"
    combo.setCurrentIndex(index)
    assert [window.proxy.entry_at(r).alias for r in range(window.proxy.rowCount())] == ["old"]
    combo.setCurrentIndex(combo.findText("Expires in 7 days"))
    assert window.proxy.rowCount() == 2  # expired ones too, as before
    window.close()

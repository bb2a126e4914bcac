"""The Monitoring dock and the tray: every certificate of the open and watched keystores."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from keymon.core import secrets
from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.expiry import Status
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.core.monitoring import WATCH_KEY, MonitoredCertificate, collect
from keymon.gui.app import open_main_window
from keymon.gui.dialogs.password_dialog import PasswordAnswer
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.settings import Settings
from keymon.gui.tray import NOTIFIED_KEY, ExpiryTray, tray_summary
from tests import factory
from tests.gui.helpers import PW, open_window
from tests.gui.scripted_prompts import ScriptedPrompts

NOW = factory.NOW


def short_lived(alias: str, cn: str, days: int, key_index: int = 3) -> KeyPairEntry:
    (_rk, root), (int_key, inter) = factory.ca_chain()
    key = factory.ec_key(key_index)
    leaf = factory.make_cert(key, cn, issuer_key=int_key, issuer=inter, days=days)
    chain = (CertInfo.from_cert(leaf), CertInfo.from_cert(inter), CertInfo.from_cert(root))
    return KeyPairEntry(alias=alias, private_key=key, chain=chain)


@pytest.fixture
def watched_path(tmp_path: Path) -> Path:
    path = tmp_path / "partner.p12"
    Keystore([short_lived("partner", "Partner Gateway", 12)]).save_as(path, Format.PKCS12, "pw2")
    return path


def table_rows(win: KeymonMainWindow) -> list[tuple[str, ...]]:
    model = win.monitoring_view.model
    return [
        tuple(str(model.index(r, c).data() or "") for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_lists_every_certificate_of_the_open_keystore(
    window: KeymonMainWindow, qtbot: QtBot
) -> None:
    view = window.monitoring_view
    assert view.objectName() == "monitoringView"
    assert view.table.objectName() == "monitoringTable"
    assert window.monitoring_dock.objectName() == "monitoringDock"
    assert not window.monitoring_dock.isVisible()
    qtbot.waitUntil(lambda: view.model.rowCount() == 5, timeout=10_000)
    rows = table_rows(window)
    names = [r[3] for r in rows]
    assert set(names) == {
        "Tenant Client",
        "keymon Test Intermediate",
        "keymon Test Root",
        "Receiver Root CA",
        "Other Key",
    }
    positions = {r[3]: r[5] for r in rows}
    assert positions["Tenant Client"] == "leaf"
    assert positions["keymon Test Intermediate"] == "intermediate"
    assert positions["keymon Test Root"] == "root"
    assert all(r[6] == "tenant.p12" for r in rows)
    expires = [r[1] for r in rows]
    assert expires == sorted(expires)
    assert view.model.index(0, 0).data(1) is not None  # DecorationRole: the status badge

    action = window.actions_by_name["actionMonitoring"]
    assert action.shortcut().toString() == "Ctrl+M"
    assert action in window.view_menu.actions()
    action.trigger()
    assert window.monitoring_dock.isVisible()
    action.trigger()
    assert not window.monitoring_dock.isVisible()


def test_refreshes_after_a_delete(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts
) -> None:
    view = window.monitoring_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 5, timeout=10_000)
    window.select_alias("other")
    prompts.expect("confirm", True, containing="other")
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        window.actions_by_name["actionDelete"].trigger()
    assert "Other Key" not in [r[3] for r in table_rows(window)]
    assert view.model.rowCount() == 4


def test_watched_keystore_with_keyring_password(
    qtbot: QtBot,
    store_path: Path,
    watched_path: Path,
    prompts: ScriptedPrompts,
    keymon_home: Path,
) -> None:
    secrets.set_password(watched_path, "pw2")
    settings = Settings(keymon_home)
    settings.set_value(WATCH_KEY, [str(watched_path)])
    settings.sync()
    win = open_window(qtbot, store_path, PW, keymon_home, prompts)
    try:
        view = win.monitoring_view
        # 5 of tenant.p12 + the partner leaf and its two CAs (also in tenant.p12: listed per file)
        qtbot.waitUntil(lambda: view.model.rowCount() == 8, timeout=10_000)
        first = table_rows(win)[0]
        assert first[3] == "Partner Gateway" and first[6] == "partner.p12"
        assert view.model.items[0].status is Status.EXPIRING
        assert int(first[2]) in (10, 11)

        out = win.settings.path.parent / "expiry.ics"
        prompts.expect("choose_save_file", out)
        view.export_button.click()
        text = out.read_bytes().decode()
        assert text.count("BEGIN:VEVENT") == 6  # distinct certificates
        assert "Partner Gateway" in text

        view.remove_keystore(watched_path.absolute())
        qtbot.waitUntil(lambda: view.model.rowCount() == 5, timeout=10_000)
        assert Settings(keymon_home).q.value(WATCH_KEY) in (None, [], "")
    finally:
        win.close()
    prompts.assert_done()


def test_add_keystore_asks_the_password_when_the_keyring_has_none(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts, watched_path: Path
) -> None:
    view = window.monitoring_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 5, timeout=10_000)
    prompts.expect("choose_open_file", watched_path)
    prompts.expect("ask_password", PasswordAnswer("wrong"))
    prompts.expect("ask_password", PasswordAnswer("pw2"), containing="wrong")
    view.add_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 8, timeout=10_000)
    assert secrets.get_password(watched_path) is None  # not asked to remember: not stored
    assert [str(watched_path.absolute())] == window.settings.q.value(WATCH_KEY)


def test_unreadable_watched_keystore_is_reported(
    window: KeymonMainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    view = window.monitoring_view
    broken = tmp_path / "broken.p12"
    broken.write_bytes(b"not a keystore")
    view.add_keystore(broken)
    qtbot.waitUntil(lambda: "broken.p12" in view.status_label.text(), timeout=10_000)
    assert view.remove_button.isEnabled()


# -- the tray ----------------------------------------------------------------------------
def items_for(*entries: KeyPairEntry, now: dt.datetime = NOW) -> list[MonitoredCertificate]:
    return collect([(Path("/k/a.p12"), Keystore(entries))], now, 30)


def test_tray_summary_nothing_to_say() -> None:
    summary = tray_summary(items_for(factory.self_signed_entry("ok", "OK")), NOW, 30)
    assert summary.tooltip == "keymon: no certificate expires within 30 days"
    assert summary.menu_lines == ()
    assert summary.notify_text is None


def test_tray_summary_expiring_and_expired() -> None:
    later = NOW + dt.timedelta(days=20)
    items = items_for(short_lived("soon", "Soon", 25), short_lived("gone", "Gone", 5, 4), now=later)
    summary = tray_summary(items, later, 30)
    assert summary.tooltip == "keymon: 1 certificate expires within 30 days, 1 expired"
    assert summary.menu_lines[0].startswith("Gone (gone in a.p12) expired")
    assert (
        summary.menu_lines[1] == "Soon (soon in a.p12) expires in 4 days"
    )  # valid from NOW - 1 day
    assert summary.notify_text is not None and "Gone" in summary.notify_text
    quiet = tray_summary(items, later, 30, notified=[m.sha256 for m in items])
    assert quiet.notify_text is None and quiet.menu_lines == summary.menu_lines


def test_tray_summary_many_lines() -> None:
    entries = [short_lived(f"a{i}", f"A{i}", 5 + i, 10 + i) for i in range(12)]
    summary = tray_summary(items_for(*entries), NOW, 30)
    assert len(summary.menu_lines) == 11 and summary.menu_lines[-1] == "… and 2 more"
    assert summary.notify_text is not None and summary.notify_text.endswith("… and 7 more")


def test_notifies_only_newly_entering_certificates(qtbot: QtBot, keymon_home: Path) -> None:
    settings = Settings(keymon_home)
    shown: list[tuple[str, str]] = []
    tray = ExpiryTray(settings, show_message=lambda t, m: shown.append((t, m)))
    assert tray.timer.isActive() and tray.timer.interval() == 24 * 60 * 60 * 1000
    first = items_for(factory.self_signed_entry("ok", "OK"), short_lived("soon", "Soon", 10))
    tray.update(first, NOW, 30)  # start-up
    assert len(shown) == 1 and "Soon" in shown[0][1]
    tray.update(first, NOW, 30)  # not due: only once a day
    assert len(shown) == 1
    tray._daily()  # the 24 h timer
    tray.update(first, NOW, 30)
    assert len(shown) == 1  # nothing new since the last notification
    second = first + items_for(short_lived("new", "Newcomer", 8, 5))
    tray._daily()
    with qtbot.waitSignal(tray.notified) as signal:
        tray.update(second, NOW, 30)
    assert len(shown) == 2 and "Newcomer" in shown[1][1] and "Soon" not in shown[1][1]
    assert signal.args is not None and "Newcomer" in signal.args[1]
    remembered = ExpiryTray(Settings(keymon_home)).notified_fingerprints()
    assert set(remembered) == {m.sha256 for m in second if m.status is Status.EXPIRING}
    tray.stop()


def test_the_tray_first_hears_of_the_open_keystore(
    qtbot: QtBot, keymon_home: Path, tmp_path: Path
) -> None:
    """No empty "settled" list while the keystore is still being read: that would spend
    the start-up notification on nothing."""
    path = tmp_path / "soon.p12"
    Keystore([short_lived("soon", "Soon Gateway", 10)]).save_as(path, Format.PKCS12, PW)
    win = open_main_window(path, PW, keymon_home, prompts=ScriptedPrompts())
    qtbot.addWidget(win)
    heard: list[list[MonitoredCertificate]] = []
    win.monitoring_view.settled.connect(heard.append)  # results arrive via the event loop
    qtbot.waitUntil(lambda: bool(heard), timeout=10_000)
    assert any(m.common_name == "Soon Gateway" for m in heard[0])
    summary = win.expiry_tray.summary
    assert summary is not None and "1 certificate expires" in summary.tooltip
    win.close()


def test_tray_disabled_by_setting(keymon_home: Path) -> None:
    settings = Settings(keymon_home)
    settings.set_value("tray/enabled", False)
    shown: list[tuple[str, str]] = []
    tray = ExpiryTray(settings, show_message=lambda t, m: shown.append((t, m)))
    tray.update(items_for(short_lived("soon", "Soon", 10)), NOW, 30)
    assert shown == [] and not tray.timer.isActive() and tray.icon is None
    assert settings.q.value(NOTIFIED_KEY) is None

"""The entries model, its filter proxy, expiry refresh and palette-derived colours."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QThreadPool
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry, SecretKeyEntry
from keymon.core.errors import AliasExists, AliasNotFound
from keymon.core.expiry import Status
from keymon.gui.models import (
    ENTRY_ROLE,
    FILTER_TEXT_ROLE,
    SORT_ROLE,
    STATUS_ROLE,
    EntriesModel,
    EntriesProxy,
    ExpiryRefresher,
)
from keymon.gui.models.rows import derive_rows
from keymon.gui.models.text_filter import filter_words
from keymon.gui.palette import StatusPalette, contrast_ratio, relative_luminance
from keymon.gui.workers import TaskRunner
from tests import factory

NOW = factory.NOW
DAY = dt.timedelta(days=1)
SERIAL = 0x1A2B3C4D5E


def _cert_entry(alias: str, cn: str, *, start: dt.datetime, days: int, **kw: object) -> Entry:
    cert = factory.make_cert(factory.ec_key(20, "P-384"), cn, not_before=start, days=days, **kw)  # type: ignore[arg-type]
    return CertificateEntry(alias, CertInfo.from_cert(cert), modified=NOW - 3 * DAY)


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    """tenant (RSA key pair, chain), root (EC), old (expired), soon (expiring), future, aes."""
    old_key = factory.ec_key(21)
    old_cert = factory.make_cert(old_key, "Old Service", not_before=NOW - 400 * DAY, days=30)
    return [
        factory.key_pair_entry("tenant", "Tenant Client"),
        factory.trusted_entry("root", "Root CA"),
        KeyPairEntry("old", old_key, (CertInfo.from_cert(old_cert),)),
        _cert_entry("soon", "Soon Partner", start=NOW - 100 * DAY, days=110, serial=SERIAL),
        _cert_entry("future", "Future Bank", start=NOW + 5 * DAY, days=365),
        SecretKeyEntry("aes", "AES", b"k" * 32, modified=NOW),
    ]


@pytest.fixture
def model(qtbot: QtBot, entries: list[Entry]) -> EntriesModel:
    return EntriesModel(entries, now=NOW)


@pytest.fixture
def proxy(model: EntriesModel) -> Iterator[EntriesProxy]:
    proxy = EntriesProxy()
    proxy.setSourceModel(model)
    yield proxy


def _aliases(m: EntriesModel | EntriesProxy) -> list[str]:
    return [m.index(r, 0).data(ENTRY_ROLE).alias for r in range(m.rowCount())]


def _cell(m: EntriesModel, alias: str, key: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    row = m.row_of(alias)
    assert row is not None
    return m.index(row, m.column_index(key)).data(role)


# -- model basics --------------------------------------------------------------------------


def test_model_and_proxy_pass_the_model_tester(
    qtmodeltester: ModelTester, model: EntriesModel, proxy: EntriesProxy, entries: list[Entry]
) -> None:
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    qtmodeltester.check(proxy)  # type: ignore[no-untyped-call]
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    # Changes while the testers watch: they verify every signal sequence.
    proxy.sort(model.column_index("alias"))
    model.insert_entry(factory.trusted_entry("added", "Added CA"))
    proxy.set_filter_text("a")
    model.replace_entry(factory.trusted_entry("zz-renamed", "Renamed"), old_alias="added")
    model.remove_entry("tenant")
    model.refresh_time(NOW + 200 * DAY)
    proxy.set_expires_within(30)
    model.set_entries(entries)


def test_display_values(model: EntriesModel) -> None:
    assert _cell(model, "tenant", "subject") == "Tenant Client"
    assert _cell(model, "tenant", "issuer") == "keymon Test Intermediate"
    assert _cell(model, "tenant", "key") == "RSA 2048"
    assert _cell(model, "root", "key") == "EC P-256"
    assert _cell(model, "soon", "key") == "EC P-384"
    assert _cell(model, "tenant", "type") == "Key pair"
    assert _cell(model, "soon", "serial") == "1A:2B:3C:4D:5E"
    sha256 = model.entry_at(model.row_of("soon") or 0).certificates[0].summary.sha256
    assert (
        _cell(model, "soon", "sha256")
        == ":".join(sha256[i : i + 2] for i in range(0, 64, 2)).upper()
    )
    until = model.entry_at(model.row_of("soon") or 0).certificates[0].summary.not_after
    assert _cell(model, "soon", "valid_until") == until.astimezone().date().isoformat()
    tooltip = str(_cell(model, "soon", "valid_until", Qt.ItemDataRole.ToolTipRole))
    assert until.strftime("%Y-%m-%d %H:%M:%S UTC") in tooltip
    assert "10 days left" in tooltip


def test_secret_keys_show_algorithm_and_size_and_blanks_elsewhere(model: EntriesModel) -> None:
    assert _cell(model, "aes", "key") == "AES 256"
    assert _cell(model, "aes", "type") == "Secret key"
    for key in ("subject", "issuer", "valid_from", "valid_until", "signature", "serial", "sha256"):
        assert _cell(model, "aes", key) == ""
        assert _cell(model, "aes", key, SORT_ROLE) is None
    assert _cell(model, "aes", "status", STATUS_ROLE) == Status.NONE
    assert _cell(model, "aes", "status", Qt.ItemDataRole.DecorationRole) is None


def test_custom_roles(model: EntriesModel, entries: list[Entry]) -> None:
    assert _cell(model, "tenant", "alias", ENTRY_ROLE) is entries[0]
    assert _cell(model, "old", "status", STATUS_ROLE) == Status.EXPIRED
    assert _cell(model, "soon", "status", STATUS_ROLE) == Status.EXPIRING
    assert _cell(model, "future", "status", STATUS_ROLE) == Status.NOT_YET_VALID
    assert _cell(model, "root", "status", STATUS_ROLE) == Status.VALID
    text = str(_cell(model, "tenant", "alias", FILTER_TEXT_ROLE))
    assert text == text.lower() and filter_words("tenant client") == (" tenant", " client")
    assert " tenant client" in text
    assert " intermediate" in text
    assert isinstance(_cell(model, "soon", "valid_until", SORT_ROLE), dt.datetime)
    assert _cell(model, "soon", "serial", SORT_ROLE) == SERIAL
    assert isinstance(_cell(model, "old", "status", Qt.ItemDataRole.DecorationRole), QIcon)


def test_rows_can_be_derived_off_the_model_and_set(
    model: EntriesModel, entries: list[Entry]
) -> None:
    rows = derive_rows(reversed(entries), model.now, model.warning_days)
    model.set_rows(rows)
    assert _aliases(model) == [e.alias for e in reversed(entries)]


# -- sorting ------------------------------------------------------------------------------------


def test_sort_by_valid_until_puts_blanks_last_in_both_orders(proxy: EntriesProxy) -> None:
    column = proxy.source().column_index("valid_until")
    proxy.sort(column, Qt.SortOrder.AscendingOrder)
    # tenant and root expire together (364 days): ties go by alias
    assert _aliases(proxy) == ["old", "soon", "root", "tenant", "future", "aes"]
    proxy.sort(column, Qt.SortOrder.DescendingOrder)
    assert _aliases(proxy) == ["future", "tenant", "root", "soon", "old", "aes"]


def test_sort_by_alias_is_case_insensitive(model: EntriesModel, proxy: EntriesProxy) -> None:
    model.insert_entry(factory.trusted_entry("Beta", "Beta CA"))
    proxy.sort(model.column_index("alias"))
    assert _aliases(proxy) == ["aes", "Beta", "future", "old", "root", "soon", "tenant"]


def test_sort_by_key_compares_algorithm_then_size(proxy: EntriesProxy) -> None:
    proxy.sort(proxy.source().column_index("key"))
    labels = [proxy.index(r, proxy.source().column_index("key")).data() for r in range(6)]
    assert labels == ["AES 256", "EC P-256", "EC P-256", "EC P-384", "EC P-384", "RSA 2048"]


def test_a_table_views_header_sorts_through_the_proxy(
    qtbot: QtBot, model: EntriesModel, proxy: EntriesProxy
) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(model.column_index("alias"), Qt.SortOrder.DescendingOrder)
    assert _aliases(proxy) == ["tenant", "soon", "root", "old", "future", "aes"]
    assert model.sort_column == model.column_index("alias")
    assert model.sort_order == Qt.SortOrder.DescendingOrder


def test_sorting_keeps_persistent_indexes(model: EntriesModel) -> None:
    tracked = QPersistentModelIndex(model.index(model.row_of("soon") or 0, 1))
    model.sort(model.column_index("alias"), Qt.SortOrder.DescendingOrder)
    assert tracked.row() == model.row_of("soon")
    assert tracked.data() == "soon"


# -- filters ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TENANT", ["tenant"]),  # alias, any case
        ("partner", ["soon"]),  # subject CN
        ("intermediate", ["tenant"]),  # issuer CN
        ("tenant client", ["tenant"]),  # every word must match
        ("tenant root", []),
        ("1a2b3c", ["soon"]),  # serial, hex
        ("1A:2B:3C:4D", ["soon"]),  # serial as shown
        ("", ["tenant", "root", "old", "soon", "future", "aes"]),
    ],
)
def test_text_filter(proxy: EntriesProxy, text: str, expected: list[str]) -> None:
    proxy.set_filter_text(text)
    assert _aliases(proxy) == expected


def test_text_filter_matches_fingerprints_plain_or_with_colons(
    model: EntriesModel, proxy: EntriesProxy
) -> None:
    shown = str(_cell(model, "future", "sha256"))
    proxy.set_filter_text(shown[:23])  # "AB:CD:…" as copied from the table
    assert _aliases(proxy) == ["future"]
    proxy.set_filter_text(shown.replace(":", "")[:20].lower())
    assert _aliases(proxy) == ["future"]
    proxy.set_filter_text(shown.replace(":", "")[-20:].lower())  # not from the middle
    assert _aliases(proxy) == []


def test_type_and_expiry_filters_combine_with_text(proxy: EntriesProxy) -> None:
    proxy.set_kinds({"secret_key"})
    assert _aliases(proxy) == ["aes"]
    proxy.set_kinds({"key_pair", "certificate"})
    assert "aes" not in _aliases(proxy) and len(_aliases(proxy)) == 5
    proxy.set_kinds(None)
    proxy.set_expires_within(30)
    assert _aliases(proxy) == ["old", "soon"]  # the expired one is included
    proxy.set_expires_within(0)
    assert _aliases(proxy) == ["old"]
    proxy.set_expires_within(30)
    proxy.set_filter_text("partner")
    assert _aliases(proxy) == ["soon"]
    proxy.clear_filters()
    assert proxy.rowCount() == 6 and proxy.filter_text == ""


def test_counts_cover_the_source_whatever_the_filter(
    qtbot: QtBot, model: EntriesModel, proxy: EntriesProxy
) -> None:
    assert proxy.counts() == (6, 1, 1)
    proxy.set_filter_text("tenant")
    assert proxy.counts() == (6, 1, 1)
    with qtbot.waitSignal(proxy.countsChanged):
        model.remove_entry("old")
    assert proxy.counts() == (5, 1, 0)


def test_expires_within_follows_the_models_time(
    qtbot: QtBot, model: EntriesModel, proxy: EntriesProxy
) -> None:
    proxy.set_expires_within(30)
    model.refresh_time(NOW + 335 * DAY)
    assert sorted(_aliases(proxy)) == ["old", "root", "soon", "tenant"]
    assert proxy.row_of("root") is not None and proxy.row_of("future") is None


# -- single edits ----------------------------------------------------------------------------


def test_insert_emits_rows_inserted_at_the_row(qtbot: QtBot, model: EntriesModel) -> None:
    entry = factory.trusted_entry("inserted", "Inserted CA")
    with qtbot.waitSignal(model.rowsInserted) as blocker:
        row = model.insert_entry(entry, 2)
    assert row == 2 and blocker.args is not None and blocker.args[1:] == [2, 2]
    assert model.entry_at(2) is entry and model.row_of("INSERTED") == 2
    with pytest.raises(AliasExists):
        model.insert_entry(factory.trusted_entry("Inserted"))


def test_insert_goes_to_the_sorted_place(model: EntriesModel) -> None:
    model.sort(model.column_index("alias"))
    assert model.insert_entry(factory.trusted_entry("pear", "Pear")) == 3
    assert _aliases(model) == ["aes", "future", "old", "pear", "root", "soon", "tenant"]


def test_remove_emits_rows_removed_and_returns_what_undo_needs(
    qtbot: QtBot, model: EntriesModel, entries: list[Entry]
) -> None:
    with qtbot.waitSignal(model.rowsRemoved) as blocker:
        row, entry = model.remove_entry("root")
    assert (row, entry) == (1, entries[1])
    assert blocker.args is not None and blocker.args[1:] == [1, 1]
    assert model.row_of("root") is None and model.rowCount() == 5
    with pytest.raises(AliasNotFound):
        model.remove_entry("root")
    model.insert_entry(entry, row)  # undo
    assert _aliases(model) == [e.alias for e in entries]


def test_replace_emits_data_changed_and_renames_move_sorted_rows(
    qtbot: QtBot, model: EntriesModel
) -> None:
    replacement = factory.trusted_entry("root", "Replacement Root")
    with qtbot.waitSignal(model.dataChanged) as blocker:
        old = model.replace_entry(replacement)
    assert old.alias == "root" and _cell(model, "root", "subject") == "Replacement Root"
    assert blocker.args is not None and blocker.args[0].row() == blocker.args[1].row() == 1
    model.sort(model.column_index("alias"))
    with qtbot.waitSignal(model.rowsMoved) as moved:
        model.replace_entry(factory.trusted_entry("zulu", "Zulu"), old_alias="root")
    assert moved.args is not None and moved.args[1:3] == [3, 3] and moved.args[4] == 6
    assert _aliases(model)[-1] == "zulu"
    with pytest.raises(AliasExists):
        model.replace_entry(factory.trusted_entry("tenant"), old_alias="zulu")


# -- time ---------------------------------------------------------------------------------------


def test_refresh_time_changes_status_across_a_boundary(qtbot: QtBot, model: EntriesModel) -> None:
    soon, future = model.row_of("soon"), model.row_of("future")
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, roles: changes.append((a.row(), b.row())))
    assert model.refresh_time(NOW + 4 * DAY) == [] and changes == []  # nothing crossed
    assert model.refresh_time(NOW + 9 * DAY) == [future]  # "soon" is still expiring
    assert changes == [(future, future)]
    assert _cell(model, "future", "status", STATUS_ROLE) == Status.VALID
    changes.clear()
    with qtbot.waitSignal(model.timeChanged):
        changed = model.refresh_time(NOW + 10 * DAY)
    assert changed == [soon] and changes == [(soon, soon)]
    assert _cell(model, "soon", "status", STATUS_ROLE) == Status.EXPIRED
    assert model.status_counts()[Status.EXPIRED] == 2


def test_next_change_in_points_at_the_nearest_boundary(model: EntriesModel) -> None:
    soon_until = model.entry_at(model.row_of("soon") or 0).certificates[0].summary.not_after
    assert model.next_change_in(NOW) == pytest.approx(
        (min(soon_until, NOW + 5 * DAY) - NOW).total_seconds()
    )
    model.remove_entry("future")
    assert model.next_change_in(NOW) == pytest.approx((soon_until - NOW).total_seconds())
    assert model.next_change_in(NOW + 3650 * DAY) is None


def test_warning_window_reclassifies(model: EntriesModel) -> None:
    changed = model.set_warning_days(5)
    assert changed == [model.row_of("soon")]
    assert _cell(model, "soon", "status", STATUS_ROLE) == Status.VALID
    model.set_warning_days(400)
    assert _cell(model, "root", "status", STATUS_ROLE) == Status.EXPIRING


def test_refresher_fires_when_the_next_status_change_is_due(
    qtbot: QtBot, entries: list[Entry]
) -> None:
    soon = next(e for e in entries if e.alias == "soon")
    until = soon.certificates[0].summary.not_after
    model = EntriesModel([soon], now=until - dt.timedelta(seconds=1))
    started = time.monotonic()
    base = until - dt.timedelta(milliseconds=300)

    def clock() -> dt.datetime:
        return base + dt.timedelta(seconds=time.monotonic() - started)

    refresher = ExpiryRefresher(model, clock=clock)
    refresher.start()  # refreshes to the clock's time at once
    if model.index(0, 0).data(STATUS_ROLE) == Status.EXPIRING:  # unless this machine is slow
        assert refresher.timer.remainingTime() <= 300 + ExpiryRefresher.MARGIN_MS
    qtbot.waitUntil(lambda: model.index(0, 0).data(STATUS_ROLE) == Status.EXPIRED, timeout=3000)
    assert model.now >= until
    assert refresher.timer.isActive()  # rescheduled (nothing left: the hourly check)
    refresher.stop()
    assert not refresher.timer.isActive()


# -- colours ------------------------------------------------------------------------------------


def _palette(base: str, text: str) -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.Window, base),
        (QPalette.ColorRole.AlternateBase, base),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.WindowText, text),
    ):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.mark.parametrize(
    ("base", "text", "dark"), [("#1e1e1e", "#e6e6e6", True), ("#ffffff", "#1a1a1a", False)]
)
def test_status_rows_stay_readable(
    qtbot: QtBot, model: EntriesModel, base: str, text: str, dark: bool
) -> None:
    model.set_palette(_palette(base, text))
    for alias in ("old", "soon", "future"):
        background = _cell(model, alias, "alias", Qt.ItemDataRole.BackgroundRole)
        foreground = _cell(model, alias, "alias", Qt.ItemDataRole.ForegroundRole)
        assert isinstance(background, QColor) and isinstance(foreground, QColor)
        assert background != QColor(base)  # tinted
        assert contrast_ratio(foreground, background) >= 3
        assert (relative_luminance(background) < 0.2) is dark  # no pink rows on dark themes
    assert _cell(model, "root", "alias", Qt.ItemDataRole.BackgroundRole) is None


def test_expired_and_expiring_get_different_colours_and_icons(qtbot: QtBot) -> None:
    colours = StatusPalette(_palette("#202020", "#f0f0f0"))
    assert colours.background(Status.EXPIRED) != colours.background(Status.EXPIRING)
    icon = colours.icon(Status.EXPIRED)
    assert icon is not None and not icon.isNull()
    assert colours.icon(Status.EXPIRED) is icon  # cached
    image = icon.pixmap(32, 32).toImage()
    centre_hue = image.pixelColor(16, 6)
    assert centre_hue.red() > centre_hue.green()  # painted red
    assert colours.icon(Status.NONE) is None


def test_index_checks(model: EntriesModel) -> None:
    assert model.data(QModelIndex()) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Alias"
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    with pytest.raises(IndexError):
        model.entry_at(99)


def test_rows_can_be_derived_in_a_worker(
    qtbot: QtBot, model: EntriesModel, entries: list[Entry]
) -> None:
    runner = TaskRunner(QThreadPool())
    progress: list[tuple[int, int, str]] = []
    handle = runner.run(
        derive_rows,
        entries[:3],
        model.now,
        model.warning_days,
        on_done=model.set_rows,
        on_progress=lambda *args: progress.append(args),
    )
    with qtbot.waitSignal(model.modelReset):
        pass
    assert handle.done and _aliases(model) == ["tenant", "root", "old"]
    assert progress[-1][:2] == (3, 3)
    assert runner.shutdown()


# -- 10,000 rows ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def many() -> list[Entry]:
    """10,000 trusted certificates signed by one key (as bench/list_speed.py builds them)."""
    key = factory.ec_key(30)
    return [
        CertificateEntry(
            f"ca-{i:05d}",
            CertInfo.from_cert(
                factory.make_cert(key, f"Bench CA {i:05d}", days=1 + i % 1000, serial=1000 + i)
            ),
        )
        for i in range(10_000)
    ]


@pytest.mark.slow
def test_ten_thousand_rows_sort_and_filter_completely(qtbot: QtBot, many: list[Entry]) -> None:
    """Behaviour at scale (the figures are bench/gui_bench.py's): every row sorted, every
    keystroke's rows as a fresh filter finds them."""
    model = EntriesModel(now=NOW)
    model.set_entries(many)
    proxy = EntriesProxy()
    proxy.setSourceModel(model)
    until = model.column_index("valid_until")
    proxy.sort(until, Qt.SortOrder.DescendingOrder)
    keys = [proxy.index(r, until).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert keys == sorted(keys, reverse=True) and len(keys) == 10_000
    for text in ["c", "ca", "ca-", "ca-0", "ca-00", "ca-001", "ca-0012", "ca-001", "", "bench ca"]:
        proxy.set_filter_text(text)
        fresh = EntriesProxy()
        fresh.setSourceModel(model)
        fresh.set_filter_text(text)
        assert proxy.rowCount() == fresh.rowCount(), text
        if text == "ca-0012":
            assert proxy.rowCount() == 10
    proxy.set_expires_within(30)
    limit = NOW + 30 * DAY
    assert proxy.rowCount() == sum(1 for r in model.rows if r.facts.expiry.not_after <= limit)

"""The entries proxy's list of shown rows and the model's two-pass sort (issue 13). Each
is checked against the per-row rule it replaces, on a keystore with every kind of entry.
Behaviour only: no timings."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Callable

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from keymon.core.entries import CertificateEntry, CertInfo, Entry, EntryKind, SecretKeyEntry
from keymon.gui.models import EntriesModel, EntriesProxy
from keymon.gui.models.columns import serial_colon
from keymon.gui.models.row_warmer import RowWarmer
from keymon.gui.models.rows import Row, derive_rows, sort_position_key, sorted_order
from keymon.gui.models.shown_rows import RowFilter, diff_runs, shown_rows
from keymon.gui.models.text_filter import filter_words, searchable
from tests import factory

NOW = factory.NOW
DAY = dt.timedelta(days=1)
TYPED = ["bank", "ban", "cert 0", "müll", "cn=bank", "o=keymon", "0a", "1f:", "zz", "", "e"]


@pytest.fixture(scope="module")
def varied() -> list[Entry]:
    """Key pairs, trusted certificates (self-signed and CA-issued), secret keys; shared
    expiry dates (ties), umlauts, serials that need padding and ones that do not."""
    (root_key, root), _ = factory.ca_chain()
    families = ("Bank", "Müller GmbH", "Partner")
    entries: list[Entry] = []
    for n in range(60):
        cn = f"{families[n % 3]} Cert {n:03d}"
        if n % 5 == 0:
            cert = factory.make_cert(
                factory.ec_key(40), cn, issuer_key=root_key, issuer=root, days=30 + n % 4
            )
        else:
            cert = factory.make_cert(factory.ec_key(41), cn, days=1 + (n * 37) % 300, serial=n + 1)
        entries.append(CertificateEntry(f"Entry-{(n * 17) % 60:02d}", CertInfo.from_cert(cert)))
    entries += [factory.key_pair_entry(f"pair-{n}", f"Bank Pair {n}") for n in range(3)]
    entries += [SecretKeyEntry(f"secret-{n}", "AES", b"k" * 16, modified=NOW) for n in range(3)]
    return entries


def _old_text(row: Row) -> str:
    """The filter text as it was made before fields said twice were said once."""
    s, alias = row.facts.summary, row.facts.entry.alias
    if s is None:
        return searchable([alias], [])
    padded = serial_colon(s.serial).replace(":", "")
    return searchable([alias, s.subject, s.issuer], [s.serial_hex, padded, s.sha256, s.sha1])


def _old_accept(
    words: tuple[str, ...], kinds: frozenset[str] | None, limit: dt.datetime | None
) -> Callable[[Row], bool]:
    """The per-row predicate the proxy's filterAcceptsRow applied before."""

    def accept(row: Row) -> bool:
        if kinds is not None and row.facts.entry.kind not in kinds:
            return False
        if limit is not None:
            not_after = row.facts.expiry.not_after
            if not_after is None or not_after > limit:
                return False
        text = _old_text(row)
        return all(word in text for word in words)

    return accept


def _aliases(proxy: EntriesProxy) -> list[str]:
    return [proxy.entry_at(r).alias for r in range(proxy.rowCount())]


def test_shown_rows_are_what_the_per_row_predicate_accepts(varied: list[Entry]) -> None:
    rows = derive_rows(varied, NOW, 30)
    kind_choices = [None, frozenset({EntryKind.CERTIFICATE}), frozenset({EntryKind.KEY_PAIR})]
    for text, kinds, within in itertools.product(TYPED, kind_choices, [None, 0, 31, 365]):
        words = filter_words(text)
        limit = None if within is None else NOW + within * DAY
        expected = [i for i, r in enumerate(rows) if _old_accept(words, kinds, limit)(r)]
        flt = RowFilter(words, kinds, limit, expiring=within is not None)
        assert shown_rows(rows, flt) == expected, (text, kinds, within)
        assert [i for i, r in enumerate(rows) if flt.accepts(r)] == expected
        # a narrower filter tests only the rows shown before: the same answer
        assert shown_rows(rows, flt, shown_rows(rows, RowFilter(words[:1]))) == expected
    assert shown_rows(rows, RowFilter(filter_words("bank"))) != []


def test_typing_and_deleting_shows_what_the_predicate_accepts(
    qtbot: QtBot, varied: list[Entry]
) -> None:
    model = EntriesModel(varied, now=NOW)
    model.sort(model.column_index("valid_until"), Qt.SortOrder.DescendingOrder)
    proxy = EntriesProxy()
    proxy.setSourceModel(model)
    proxy.set_kinds([EntryKind.CERTIFICATE, EntryKind.KEY_PAIR])
    text = ""
    for step in [*"bank cert 01", *[None] * 12, *"müller", *[None] * 6]:
        text = text[:-1] if step is None else text + step
        proxy.set_filter_text(text)
        accept = _old_accept(filter_words(text), proxy.kinds, None)
        assert _aliases(proxy) == [r.entry.alias for r in model.rows if accept(r)], text
    proxy.set_expires_within(31)
    accept = _old_accept((), proxy.kinds, NOW + 31 * DAY)
    assert _aliases(proxy) == [r.entry.alias for r in model.rows if accept(r)]


def test_diff_runs_turn_the_old_rows_into_the_new() -> None:
    rng = random.Random(13)
    for _ in range(300):
        universe = range(rng.randint(0, 40))
        old = sorted(rng.sample(universe, rng.randint(0, len(universe))))
        new = sorted(rng.sample(universe, rng.randint(0, len(universe))))
        runs = diff_runs(old, new)
        shown = list(old)
        for first, last in runs.removed:  # highest first
            assert first <= last and all(shown[p] not in new for p in range(first, last + 1))
            del shown[first : last + 1]
        for position, rows in runs.inserted:
            shown[position:position] = rows
        assert shown == new
        assert runs.count == 0 or old != new


def test_the_two_pass_sort_orders_as_the_tuple_key_did(varied: list[Entry]) -> None:
    model = EntriesModel(varied, now=NOW)
    rows = list(model.rows)
    random.Random(5).shuffle(rows)
    for column, descending in itertools.product(range(len(model.columns)), [False, True]):
        key = sort_position_key(column, descending)
        expected = sorted(range(len(rows)), key=lambda i: key(rows[i]), reverse=descending)
        assert sorted_order(rows, column, descending) == expected, (column, descending)


def test_sorting_and_filtering_keep_the_selection(qtbot: QtBot, varied: list[Entry]) -> None:
    model = EntriesModel(varied, now=NOW)
    proxy = EntriesProxy()
    proxy.setSourceModel(model)
    selection = QItemSelectionModel(proxy)
    proxy.set_filter_text("bank")
    picked = {"Entry-00", "pair-1"}
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for alias in picked:
        row = proxy.row_of(alias)
        assert row is not None
        selection.select(proxy.index(row, 0), flags)

    def selected() -> set[str]:
        return {proxy.entry_at(i.row()).alias for i in selection.selectedRows()}

    for column in ("valid_until", "alias", "subject"):
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            proxy.sort(model.column_index(column), order)
            assert selected() == picked
    proxy.set_filter_text("bank pair")  # narrower: Entry-00 is hidden, pair-1 stays
    assert selected() == {"pair-1"}


def test_a_filter_typed_again_sees_rows_added_meanwhile(qtbot: QtBot, varied: list[Entry]) -> None:
    model = EntriesModel(varied, now=NOW)
    proxy = EntriesProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("bank")
    before = _aliases(proxy)
    cert = factory.make_cert(factory.ec_key(42), "Bank Newcomer", days=10)
    model.insert_entry(CertificateEntry("newcomer", CertInfo.from_cert(cert)))
    assert "newcomer" in _aliases(proxy)
    proxy.set_filter_text("ban")
    proxy.set_filter_text("bank")  # a filter seen before: not what it showed then
    assert sorted(_aliases(proxy)) == sorted([*before, "newcomer"])
    model.remove_entry("newcomer")
    proxy.set_filter_text("ban")
    proxy.set_filter_text("bank")
    assert sorted(_aliases(proxy)) == sorted(before)


def test_sorting_again_the_same_way_changes_nothing(qtbot: QtBot, varied: list[Entry]) -> None:
    model = EntriesModel(varied, now=NOW)
    until = model.column_index("valid_until")
    layouts: list[bool] = []
    model.layoutChanged.connect(lambda *_a: layouts.append(True))
    model.sort(until, Qt.SortOrder.DescendingOrder)
    assert layouts == [True]
    model.sort(until, Qt.SortOrder.DescendingOrder)  # QTableView.sortByColumn asks twice
    assert layouts == [True]
    cert = factory.make_cert(factory.ec_key(43), "Late Comer", days=5000)
    model.insert_entry(CertificateEntry("late", CertInfo.from_cert(cert)))
    assert model.entry_at(0).alias == "late"  # placed where the order puts it
    model.sort(until, Qt.SortOrder.AscendingOrder)
    dated = [r.entry.alias for r in model.rows if r.key(until) is not None]
    assert dated[-1] == "late" and len(dated) == len(model.rows) - 3  # secret keys last


def test_the_warmer_is_not_restarted_by_a_sort_once_done(qtbot: QtBot, varied: list[Entry]) -> None:
    model = EntriesModel(now=NOW)
    warmer = RowWarmer(model)
    model.set_rows(derive_rows(varied, NOW, model.warning_days, model.columns))
    with qtbot.waitSignal(warmer.finished, timeout=10_000):
        pass
    model.sort(model.column_index("subject"), Qt.SortOrder.DescendingOrder)
    assert not warmer.running
    model.insert_entry(factory.trusted_entry("added", "Added CA"))
    assert warmer.running  # the new row is to prepare
    with qtbot.waitSignal(warmer.finished, timeout=10_000):
        pass
    assert all(r.prepared() for r in model.rows)


def test_multi_data_gives_what_data_gives(qtbot: QtBot, varied: list[Entry]) -> None:
    model = EntriesModel(varied, now=NOW)
    proxy = EntriesProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("bank")
    # Qt's roles: a delegate asks for those (keymon's raw sort keys, 160-bit serials
    # among them, fit no QVariant and are read through data() from Python)
    roles = [int(r) for r in Qt.ItemDataRole if r < Qt.ItemDataRole.UserRole]
    for row, column in itertools.product(range(proxy.rowCount()), range(proxy.columnCount())):
        index = proxy.index(row, column)
        for role in roles:
            one = QModelRoleData(role)
            proxy.multiData(index, QModelRoleDataSpan(one))
            expected = proxy.data(index, role)
            if isinstance(expected, QIcon):
                assert one.data().cacheKey() == expected.cacheKey()
            else:
                assert one.data() == expected, (row, column, role)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(proxy)
    table.resize(800, 400)
    assert not table.grab().isNull()  # painting asks multiData for several roles at once

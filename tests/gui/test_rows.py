"""Rows made when first read, derived and sorted in a worker, warmed in slices; the
filter's verdicts kept per row (issue 13). Behaviour only: no timings."""

from __future__ import annotations

import gc
import itertools
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from keymon.core.entries import CertificateEntry, CertInfo, Entry
from keymon.gui.gc_pause import GcPause
from keymon.gui.models import ENTRY_ROLE, EntriesModel, EntriesProxy
from keymon.gui.models.row_warmer import RowWarmer
from keymon.gui.models.rows import (
    Row,
    all_boundaries,
    derive_rows,
    derive_sorted,
    facts_of,
)
from tests import factory

NOW = factory.NOW
COUNT = 300


@pytest.fixture(scope="module")
def many() -> list[Entry]:
    """300 certificates: aliases out of order, three name families, varied expiry."""
    key = factory.ec_key(31)
    families = ("Partner", "Bank", "Tenant")
    entries: list[Entry] = []
    for i in range(COUNT):
        n = (i * 7919) % COUNT  # a shuffled order
        cert = factory.make_cert(
            key, f"{families[n % 3]} Cert {n:04d}", days=1 + (n * 13) % 400, serial=5000 + n
        )
        entries.append(CertificateEntry(f"entry-{n:04d}", CertInfo.from_cert(cert)))
    return entries


def _aliases(m: EntriesModel | EntriesProxy) -> list[str]:
    return [m.index(r, 0).data(ENTRY_ROLE).alias for r in range(m.rowCount())]


def test_a_row_makes_its_values_when_first_read(many: list[Entry]) -> None:
    model = EntriesModel(now=NOW)
    row = Row(facts_of(many[0], NOW, 30), model.columns)
    assert not row.prepared()
    facts = row.facts
    assert row.texts == tuple(c.display(facts) for c in model.columns)
    assert row.keys == tuple(c.sort_key(facts) for c in model.columns)
    assert not row.prepared()  # the filter text is still to make
    row.prepare()
    assert row.prepared()
    assert any(word in row.filter_text for word in (" partner", " bank", " tenant"))


@pytest.mark.parametrize("descending", [False, True])
def test_rows_sorted_in_the_worker_are_shown_as_they_come(
    qtbot: QtBot, many: list[Entry], descending: bool
) -> None:
    until = EntriesModel().column_index("valid_until")
    reference = EntriesModel(many, now=NOW)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    reference.sort(until, order)
    model = EntriesModel(now=NOW)
    model.sort(until, order)
    derived = derive_sorted(many, NOW, model.warning_days, model.columns, model.sort_spec())
    assert derived.sort == (until, descending)
    model.set_rows(derived)
    assert _aliases(model) == _aliases(reference)
    assert model.status_counts() == Counter(r.status for r in reference.rows)
    assert derived.boundaries == all_boundaries(reference.rows, reference.warning_days)
    assert model.next_change_in(NOW) == reference.next_change_in(NOW)


def test_rows_sorted_for_another_column_are_sorted_again(many: list[Entry]) -> None:
    """The user clicked a header while the worker derived: the model's order wins."""
    model = EntriesModel(now=NOW)
    alias = model.column_index("alias")
    derived = derive_sorted(many, NOW, model.warning_days, model.columns, (alias, True))
    model.sort(model.column_index("subject"), Qt.SortOrder.AscendingOrder)
    model.set_rows(derived)
    subjects = [r.key(model.column_index("subject")) for r in model.rows]
    assert subjects == sorted(subjects)
    assert len(model.rows) == COUNT


def test_the_warmer_prepares_every_row_in_slices(qtbot: QtBot, many: list[Entry]) -> None:
    model = EntriesModel(now=NOW)
    model.sort(model.column_index("alias"))
    warmer = RowWarmer(model)
    model.set_rows(derive_rows(many, NOW, model.warning_days, model.columns))
    assert warmer.running and not any(r.prepared() for r in model.rows)
    warmer.step(budget=0)  # a slice of one row, then the event loop's turn
    assert sum(r.prepared() for r in model.rows) == 1 and warmer.running
    with qtbot.waitSignal(warmer.finished, timeout=10_000):
        pass
    assert all(r.prepared() for r in model.rows) and not warmer.running
    aliases = _aliases(model)
    assert aliases == sorted(aliases) and len(aliases) == COUNT  # complete and sorted


def test_a_filter_typed_while_loading_applies_to_the_rows_that_come(many: list[Entry]) -> None:
    model = EntriesModel(now=NOW)
    proxy = EntriesProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("bank")  # nothing loaded yet
    assert proxy.rowCount() == 0
    model.set_rows(derive_rows(many, NOW, model.warning_days, model.columns))  # not prepared
    expected = sorted(e.alias for e in many if "Bank" in e.certificate.summary.subject)
    assert sorted(_aliases(proxy)) == expected and len(expected) == COUNT // 3


def _fresh(model: EntriesModel, text: str) -> list[str]:
    proxy = EntriesProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text(text)
    return _aliases(proxy)


@pytest.fixture
def typed(many: list[Entry]) -> Iterator[tuple[EntriesModel, EntriesProxy]]:
    model = EntriesModel(many, now=NOW)
    proxy = EntriesProxy()
    proxy.setSourceModel(model)
    yield model, proxy


def test_a_narrowing_filter_shows_what_a_fresh_filter_shows(
    typed: tuple[EntriesModel, EntriesProxy],
) -> None:
    model, proxy = typed
    removed: list[int] = []
    proxy.rowsRemoved.connect(lambda _p, first, last: removed.append(last - first + 1))
    text = ""
    for ch in "partner cert 01":
        text += ch
        proxy.set_filter_text(text)
        assert _aliases(proxy) == _fresh(model, text), text
    while text:
        text = text[:-1]
        proxy.set_filter_text(text)
        assert _aliases(proxy) == _fresh(model, text), text
    assert removed  # narrowing removed rows in place


def test_typing_on_inside_a_broad_match_leaves_the_view_alone(
    typed: tuple[EntriesModel, EntriesProxy],
) -> None:
    _model, proxy = typed
    proxy.set_filter_text("cert")
    signals: list[str] = []
    for name in ("rowsRemoved", "rowsInserted", "modelReset", "layoutChanged"):
        getattr(proxy, name).connect(lambda *_a, name=name: signals.append(name))
    proxy.set_filter_text("cert ")  # same words
    proxy.set_filter_text("ce")  # wider, but every row matched already
    assert signals == [] and proxy.rowCount() == COUNT


def test_verdicts_follow_sorting_edits_and_the_kind_filter(
    typed: tuple[EntriesModel, EntriesProxy], many: list[Entry]
) -> None:
    model, proxy = typed
    proxy.set_filter_text("tenant")
    model.sort(model.column_index("valid_until"), Qt.SortOrder.DescendingOrder)
    assert sorted(_aliases(proxy)) == sorted(_fresh(model, "tenant"))
    cert = factory.make_cert(factory.ec_key(32), "Tenant Newcomer", days=50)
    model.insert_entry(CertificateEntry("newcomer", CertInfo.from_cert(cert)))
    assert "newcomer" in _aliases(proxy)
    proxy.set_kinds([])
    assert proxy.rowCount() == 0
    proxy.clear_filters()
    assert proxy.rowCount() == COUNT + 1


def test_combinations_of_words_match_a_fresh_filter(
    typed: tuple[EntriesModel, EntriesProxy],
) -> None:
    model, proxy = typed
    for a, b in itertools.product(["bank", "cert", "0"], ["01", "cert", ""]):
        text = f"{a} {b}"
        proxy.set_filter_text(text)
        assert _aliases(proxy) == _fresh(model, text), text


def test_the_gc_pause_stops_the_collector_until_the_last_hold_ends(qtbot: QtBot) -> None:
    assert gc.isenabled()
    pause = GcPause()
    frozen = gc.get_freeze_count()
    try:
        pause.hold("open", True)
        pause.hold("derive", True)
        assert not gc.isenabled()
        pause.hold("open", False)
        assert not gc.isenabled() and pause.holding == {"derive"}
        pause.hold("derive", False)
        assert gc.isenabled() and gc.get_freeze_count() >= frozen
        pause.hold("open", True)
        pause.release_all()
        assert gc.isenabled() and not pause.holding
        pause.hold("unknown", False)  # releasing what is not held changes nothing
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_a_narrowing_that_hides_scattered_rows_resets_once(
    typed: tuple[EntriesModel, EntriesProxy],
) -> None:
    """Two rows in three hidden one by one would be ~100 removal signals: one reset instead."""
    model, proxy = typed
    model.sort(model.column_index("alias"))
    resets: list[bool] = []
    removed: list[int] = []
    proxy.modelReset.connect(lambda: resets.append(True))
    proxy.rowsRemoved.connect(lambda _p, first, last: removed.append(last - first + 1))
    proxy.set_filter_text("bank")  # every third alias is a bank's
    assert resets == [True] and removed == []
    assert _aliases(proxy) == _fresh(model, "bank")
    proxy.set_filter_text("bank cert 00")  # the first 100 aliases: one run hidden
    assert resets == [True] and sum(removed) == COUNT // 3 - len(_fresh(model, "bank cert 00"))

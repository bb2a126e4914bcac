"""The filter box matches word and field prefixes, never fragments (issue 12, item 16)."""

from __future__ import annotations

import itertools

import pytest
from pytestqt.qtbot import QtBot

from keymon.core.entries import CertificateEntry, CertInfo, Entry
from keymon.gui.models import EntriesModel, EntriesProxy
from keymon.gui.models.text_filter import filter_words, searchable
from tests import factory


def _matches(filter_text: str, words: list[str], hexes: list[str]) -> bool:
    text = searchable(words, hexes)
    return all(word in text for word in filter_words(filter_text))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("bulk", True),
        ("cert", True),  # a word inside the field
        ("CERT 15", True),
        ("ulk", False),  # a fragment inside a word
        ("5", False),
        ("bulk-cert", True),  # punctuation typed as it is shown
        ("cn=bulk", True),
        ("example.org", True),
        ("ample", False),
        ("ab12", True),  # a fingerprint from its start
        ("AB:12:CD", True),  # with colons, as copied from the table
        ("ab:12:c", True),
        ("12cd", False),  # not from the middle
        ("12:CD", False),
        ("999", False),
    ],
)
def test_words_and_fields_match_from_their_start(typed: str, expected: bool) -> None:
    fields = ["bulk-cert-15", "CN=Bulk Cert 15,O=example.org"]
    assert _matches(typed, fields, ["ab12cd99909ef"]) is expected


def test_umlauts_and_digits_start_words() -> None:
    assert _matches("müll", ["CN=Müller GmbH 2024"], [])
    assert _matches("2024", ["CN=Müller GmbH 2024"], [])
    assert not _matches("ller", ["CN=Müller GmbH 2024"], [])


def _bulk_entry(number: int, serial: int, word: str = "") -> CertificateEntry:
    cn = f"Bulk Cert {word or number}"
    cert = factory.make_cert(factory.ec_key(5), cn, serial=serial)
    return CertificateEntry(f"bulk-cert-{word.lower() or number}", CertInfo.from_cert(cert))


def _with_999_inside_its_fingerprint() -> CertificateEntry:
    for serial in itertools.count(1000):
        entry = _bulk_entry(15, serial)
        summary = entry.certificate.summary
        sha256, starts = summary.sha256, (summary.sha1, summary.serial_hex)
        if sha256.find("999") > 0 and not any(h.startswith("999") for h in starts):
            return entry
    raise AssertionError("unreachable")


def _aliases(proxy: EntriesProxy) -> list[str]:
    return [proxy.entry_at(r).alias for r in range(proxy.rowCount())]


def test_cert_999_does_not_find_bulk_cert_15_by_its_fingerprint(qtbot: QtBot) -> None:
    bulk15 = _with_999_inside_its_fingerprint()
    entries: list[Entry] = [bulk15, _bulk_entry(999, 7), _bulk_entry(9990, 8)]
    proxy = EntriesProxy()
    proxy.setSourceModel(EntriesModel(entries, now=factory.NOW))
    proxy.set_filter_text("cert 999")
    assert _aliases(proxy) == ["bulk-cert-999", "bulk-cert-9990"]  # words starting 999
    proxy.set_filter_text("cert 999 ")
    assert _aliases(proxy) == ["bulk-cert-999", "bulk-cert-9990"]
    sha256 = bulk15.certificate.summary.sha256
    proxy.set_filter_text(sha256[:8])
    assert _aliases(proxy) == ["bulk-cert-15"]
    proxy.set_filter_text(":".join(sha256[i : i + 2] for i in range(0, 12, 2)).upper())
    assert _aliases(proxy) == ["bulk-cert-15"]
    proxy.set_filter_text(sha256[8:20])  # from the middle: nothing
    assert _aliases(proxy) == []


def test_typing_on_narrows_and_deleting_widens(qtbot: QtBot) -> None:
    # words of letters no hex digit can start, so fingerprints never match by chance
    names = ["North", "Northern", "Northwest", "South"]
    entries: list[Entry] = [_bulk_entry(0, 100 + n, name) for n, name in enumerate(names)]
    proxy = EntriesProxy()
    proxy.setSourceModel(EntriesModel(entries, now=factory.NOW))
    seen = []
    for typed in ["c", "ce", "cert n", "cert north", "cert northw", "cert north", "cert", ""]:
        proxy.set_filter_text(typed)
        seen.append(len(_aliases(proxy)))
    assert seen == [4, 4, 3, 3, 1, 3, 4, 4]

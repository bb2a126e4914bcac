"""One label per entry kind: the CLI prints EntryKind.label, the GUI translates the same text."""

from __future__ import annotations

from keymon.core.entries import EntryKind
from keymon.gui.models.columns import TYPE_NAMES, type_name


def test_entry_kind_labels_are_one_table() -> None:
    assert {k: k.label for k in EntryKind} == TYPE_NAMES
    assert [type_name(k) for k in EntryKind] == ["Key pair", "Certificate", "Secret key"]
    assert EntryKind.KEY_PAIR == "key_pair"  # list --json keeps its values

"""The kinds of keystore entry, with the label ``keymon list`` prints."""

from __future__ import annotations

import enum


class EntryKind(enum.StrEnum):
    """The three kinds of keystore entry (values as in ``list --json``)."""

    KEY_PAIR = "key_pair"
    CERTIFICATE = "certificate"
    SECRET_KEY = "secret_key"  # noqa: S105 (a kind, not a secret)

    @property
    def label(self) -> str:
        """As ``keymon list`` prints it (the GUI shows the same, translated)."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    EntryKind.KEY_PAIR: "Key pair",
    EntryKind.CERTIFICATE: "Certificate",
    EntryKind.SECRET_KEY: "Secret key",
}

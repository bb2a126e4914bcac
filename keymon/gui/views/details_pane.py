"""The details pane's place beside the table; its contents are made on first use.

Nothing is selected when the window starts, so the pane is hidden and its
:class:`~keymon.gui.views.entry_details.EntryDetails` (the chain viewer, the certificate
tabs and the x509 decoding behind them) is built, and its modules loaded, the first time
an entry is shown (issue 13: ~25 ms of a start).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from keymon.core.entries import CertInfo, Entry

if TYPE_CHECKING:
    from keymon.gui.views.chain_viewer import ChainViewer
    from keymon.gui.views.entry_details import CertificateTabs, EntryDetails


class DetailsPane(QWidget):
    """Holds the window's EntryDetails; Tab moves from ``after`` (the table) into it."""

    def __init__(self, after: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPane")
        self._after = after
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._inner: EntryDetails | None = None

    @property
    def inner(self) -> EntryDetails:
        """The details widget (made now if it was not yet)."""
        if self._inner is None:
            from keymon.gui.views.entry_details import EntryDetails

            inner = EntryDetails(self)
            self._layout.addWidget(inner)
            self.setFocusProxy(inner)
            QWidget.setTabOrder(self._after, inner)
            self._inner = inner
        return self._inner

    @property
    def built(self) -> bool:
        return self._inner is not None

    @property
    def entry(self) -> Entry | None:
        """The entry shown (None: none, or none yet)."""
        return self._inner.entry if self._inner is not None else None

    @property
    def chain_viewer(self) -> ChainViewer:
        return self.inner.chain_viewer

    @property
    def tabs(self) -> CertificateTabs:
        return self.inner.tabs

    def show_entry(
        self,
        entry: Entry | None,
        keystore_certs: Sequence[CertInfo],
        trusted: Sequence[CertInfo],
        now: dt.datetime,
    ) -> None:
        """:meth:`EntryDetails.show_entry`; nothing to do for no entry before the first."""
        if entry is None and self._inner is None:
            return
        self.inner.show_entry(entry, keystore_certs, trusted, now)

"""A certificate chain as a tree: the root (or the missing issuer) at the top, the leaf deepest.

Each certificate is shown as the child of its issuer, as in KeyStore Explorer's and
Windows' certificate dialogs, so the nesting itself reads "issued by". A chain that
stops short ends, at the top, in a greyed row naming the issuer nobody has: the gap
sits exactly where the chain breaks. Everything shown is derived once, in
:meth:`ChainModel.set_chain`, from core's :class:`~keymon.core.x509.chain.CompletedChain`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, overload

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from keymon.core.entries import CertificateEntry, CertInfo
from keymon.core.expiry import Status, entry_expiry
from keymon.core.x509.chain import CompletedChain, LinkOrigin
from keymon.gui.palette import StatusPalette

CERT_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the CertInfo, None for a missing issuer
ORIGIN_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the LinkOrigin
STATUS_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # the expiry Status (its str value via Qt)

NAME_COLUMN, ORIGIN_COLUMN, VALIDITY_COLUMN = range(3)


def cert_status(cert: CertInfo, now: dt.datetime) -> Status:
    """The expiry status of one certificate (core's rules, as for an entry of its own)."""
    return entry_expiry(CertificateEntry(alias="", cert=cert), now).status


def utc_day(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).strftime("%Y-%m-%d")


@dataclass(frozen=True)
class ChainRow:
    """One row of the tree, derived once."""

    cert: CertInfo | None
    origin: LinkOrigin
    name: str
    """The subject's CN; for a missing issuer, the CN its child names as issuer."""
    full_name: str
    """RFC 4514 subject (of the missing issuer for a MISSING row)."""
    status: Status

    @property
    def missing(self) -> bool:
        return self.cert is None


def derive_rows(completed: CompletedChain, now: dt.datetime) -> tuple[ChainRow, ...]:
    """The rows top (root or missing issuer) first, leaf last."""
    rows: list[ChainRow] = []
    previous: CertInfo | None = None
    for link in completed.links:
        if link.cert is not None:
            s = link.cert.summary
            status = cert_status(link.cert, now)
            rows.append(ChainRow(link.cert, link.origin, s.subject_cn, s.subject, status))
        else:
            full = link.missing_issuer or ""
            cn = previous.summary.issuer_cn if previous is not None else full
            rows.append(ChainRow(None, link.origin, cn, full, Status.NONE))
        previous = link.cert
    return tuple(reversed(rows))


class ChainModel(QAbstractItemModel):
    """Rows form a single line of descent: row ``d`` of the list is the only child of ``d - 1``.

    An index's internal id is its depth (0 = the top row).
    """

    HEADERS = (
        QT_TRANSLATE_NOOP("ChainModel", "Certificate"),
        QT_TRANSLATE_NOOP("ChainModel", "Origin"),
        QT_TRANSLATE_NOOP("ChainModel", "Validity"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ChainRow, ...] = ()
        self._texts: tuple[tuple[str, str, str], ...] = ()
        self._headers = self._translated_headers()
        self._colors = StatusPalette(QGuiApplication.palette())
        self._missing_icon: QIcon | None = None

    # -- content ---------------------------------------------------------------------------
    def set_chain(self, completed: CompletedChain | None, now: dt.datetime) -> None:
        self.set_rows(derive_rows(completed, now) if completed is not None else ())

    def set_rows(self, rows: Sequence[ChainRow]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self._texts = tuple((r.name, self.origin_label(r.origin), self._validity(r)) for r in rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(())

    def retranslate(self) -> None:
        """Headers and texts in the language now installed (on ``QEvent.LanguageChange``)."""
        self._headers = self._translated_headers()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        self.set_rows(self._rows)

    def _translated_headers(self) -> tuple[str, ...]:
        return tuple(QCoreApplication.translate("ChainModel", str(h)) for h in self.HEADERS)

    @property
    def rows(self) -> tuple[ChainRow, ...]:
        return self._rows

    def set_palette(self, palette: QPalette) -> None:
        """Recompute the status colours (call when the view's palette changes)."""
        self._colors = StatusPalette(palette)
        self._missing_icon = None
        last = self.columnCount() - 1
        for depth in range(len(self._rows)):  # one range per parent
            self.dataChanged.emit(self.index_at(depth, 0), self.index_at(depth, last))

    def row_at(self, index: QModelIndex | QPersistentModelIndex) -> ChainRow | None:
        if not index.isValid() or index.model() is not self:
            return None
        depth = int(index.internalId())
        return self._rows[depth] if 0 <= depth < len(self._rows) else None

    def index_at(self, depth: int, column: int = 0) -> QModelIndex:
        """The index of the row at ``depth`` (0 = top)."""
        if not 0 <= depth < len(self._rows) or not 0 <= column < self.columnCount():
            return QModelIndex()
        return self.createIndex(0, column, depth)

    def leaf_index(self) -> QModelIndex:
        return self.index_at(len(self._rows) - 1)

    def index_of(self, cert: CertInfo) -> QModelIndex:
        depth = next((d for d, r in enumerate(self._rows) if r.cert == cert), -1)
        return self.index_at(depth)

    # -- QAbstractItemModel ----------------------------------------------------------------
    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        if row != 0:
            return QModelIndex()
        if not parent.isValid():
            return self.index_at(0, column)
        if parent.column() != 0:
            return QModelIndex()
        return self.index_at(int(parent.internalId()) + 1, column)

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, child: QModelIndex | QPersistentModelIndex) -> QModelIndex: ...
    def parent(
        self, child: QModelIndex | QPersistentModelIndex | None = None
    ) -> QModelIndex | QObject | None:
        if child is None:
            return super().parent()
        if not child.isValid():
            return QModelIndex()
        depth = int(child.internalId())
        return self.index_at(depth - 1) if depth > 0 else QModelIndex()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return 1 if self._rows else 0
        if parent.column() != 0:
            return 0
        return 1 if int(parent.internalId()) + 1 < len(self._rows) else 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if int(index.internalId()) + 1 >= len(self._rows):
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation is Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[int(index.internalId())][column]
        if role == CERT_ROLE:
            return row.cert
        if role == ORIGIN_ROLE:
            return row.origin
        if role == STATUS_ROLE:
            return row.status
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self._description(row)
        if role == Qt.ItemDataRole.DecorationRole and column == NAME_COLUMN:
            return self._icon(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.missing:
                return self._colors.palette.color(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
                )
            return self._colors.foreground(row.status)
        if role == Qt.ItemDataRole.BackgroundRole and not row.missing:
            return self._colors.background(row.status)
        if role == Qt.ItemDataRole.FontRole and row.missing:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _icon(self, row: ChainRow) -> QIcon | None:
        if not row.missing:
            return self._colors.icon(row.status)
        if self._missing_icon is None:
            style = QApplication.style()
            warning = QStyle.StandardPixmap.SP_MessageBoxWarning
            self._missing_icon = style.standardIcon(warning) if style is not None else QIcon()
        return self._missing_icon

    #: The chain came from a TLS server, not a keystore entry (the connectivity test).
    from_server = False

    def origin_label(self, origin: LinkOrigin) -> str:
        """ "In the entry" (or "Sent by the server") / "Found in the keystore" / "Missing"."""
        if origin is LinkOrigin.IN_ENTRY:
            return self.tr("Sent by the server") if self.from_server else self.tr("In the entry")
        if origin is LinkOrigin.FROM_KEYSTORE:
            return self.tr("Found in the keystore")
        return self.tr("Missing")

    def _validity(self, row: ChainRow) -> str:
        if row.cert is None:
            return ""
        s = row.cert.summary
        if row.status is Status.EXPIRED:
            return self.tr("Expired {date}").format(date=utc_day(s.not_after))
        if row.status is Status.NOT_YET_VALID:
            return self.tr("From {date}").format(date=utc_day(s.not_before))
        if row.status is Status.EXPIRING:
            return self.tr("Until {date} (soon)").format(date=utc_day(s.not_after))
        return self.tr("Until {date}").format(date=utc_day(s.not_after))

    def _description(self, row: ChainRow) -> str:
        if row.missing:
            return self.tr(
                "Missing issuer: {name}\nNeither the entry nor the keystore has it."
            ).format(name=row.full_name)
        s = row.cert.summary if row.cert is not None else None
        period = ""
        if s is not None:
            period = self.tr("Valid from {start} until {end}").format(
                start=utc_day(s.not_before), end=utc_day(s.not_after)
            )
        return f"{row.full_name}\n{self.origin_label(row.origin)} · {period}"

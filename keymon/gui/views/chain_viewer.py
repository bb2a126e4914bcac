"""The certificate-chain viewer: the chain as a tree, its trust verdict and the policy notes.

The tree puts the root at the top and the leaf deepest, each certificate the child of
its issuer (KeyStore Explorer, Windows' certificate dialog, browsers): the nesting reads
"issued by", and a missing issuer shows up at the top, where the chain breaks off.
Completion (``complete_chain``) and the verdict (``validate_chain``) come from core.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from keymon.core.entries import CertInfo, Entry, KeyPairEntry
from keymon.core.expiry import Status
from keymon.core.x509.chain import (
    ChainReport,
    CompletedChain,
    Verdict,
    complete_chain,
    validate_chain,
)
from keymon.core.x509.profile import Purpose
from keymon.gui.i18n import localized
from keymon.gui.models.chain_model import (
    NAME_COLUMN,
    ORIGIN_COLUMN,
    VALIDITY_COLUMN,
    ChainModel,
)
from keymon.gui.palette import StatusPalette

#: Which status badge stands for a verdict (check, "!", cross, clock).
VERDICT_BADGES: dict[Verdict, Status] = {
    Verdict.TRUSTED: Status.VALID,
    Verdict.ROOT_NOT_TRUSTED: Status.EXPIRING,
    Verdict.INCOMPLETE: Status.EXPIRING,
    Verdict.HOSTNAME_MISMATCH: Status.EXPIRING,
    Verdict.EXPIRED: Status.EXPIRED,
    Verdict.BAD_SIGNATURE: Status.EXPIRED,
    Verdict.NOT_YET_VALID: Status.NOT_YET_VALID,
}

_CACHE_SIZE = 32
_VerdictKey = tuple[tuple[CertInfo, ...], tuple[CertInfo, ...], dt.datetime]


class ChainTree(QTreeView):
    """A tree view that asks for just the height its few rows need."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        model = self.model()
        rows = 0
        if model is not None:
            index = model.index(0, 0)
            while index.isValid():
                rows += 1
                index = model.index(0, 0, index)
        row_height = self.sizeHintForRow(0) if rows else -1
        if row_height <= 0:
            row_height = self.fontMetrics().height() + 8
        header = self.header().sizeHint().height() if not self.header().isHidden() else 0
        height = header + min(max(rows, 3), 6) * row_height + 2 * self.frameWidth() + 4
        return QSize(hint.width(), height)

    def drawBranches(
        self, painter: QPainter, rect: QRect, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """No expand arrows (nothing collapses): an elbow from the issuer down to its child."""
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if self.selectionModel().isSelected(index):
            group = QPalette.ColorGroup.Active if self.hasFocus() else QPalette.ColorGroup.Inactive
            painter.fillRect(rect, self.palette().brush(group, QPalette.ColorRole.Highlight))
        elif isinstance(background, QColor):  # the status tint spans the whole row
            painter.fillRect(rect, background)
        parent = index.parent()
        if not parent.isValid():
            return
        depth = 0
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        icon = self.iconSize().width() if self.iconSize().isValid() else 16
        x = rect.left() + (depth - 1) * self.indentation() + 3 + icon // 2
        y = rect.center().y()
        painter.save()
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(x, rect.top(), x, y)
        painter.drawLine(x, y, rect.right() - 2, y)
        painter.restore()


class ChainViewer(QWidget):
    """A chain (leaf first) completed from a pool of certificates and judged against a trust set.

    ``certificateSelected`` carries the certificate of the current row (None for a
    missing issuer or an empty chain); it fires whenever a chain is shown: for the
    leaf, selected by default, or, when the same leaf is shown again (a refresh),
    for the row that was current.
    """

    certificateSelected = Signal(object)
    _own_key_pair = False
    """The chain shown is a key pair's own (set by ``set_entry``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chainViewer")
        self._completed: CompletedChain | None = None
        self._report: ChainReport | None = None
        self._verdicts: OrderedDict[_VerdictKey, ChainReport] = OrderedDict()
        self._colors = StatusPalette(self.palette())

        self._model = ChainModel(self)
        self._model.set_palette(self.palette())
        self._tree = ChainTree(self)
        self._tree.setObjectName("chainTree")
        self._tree.setAccessibleName(self.tr("Certificate chain"))
        self._tree.setAccessibleDescription(
            self.tr("Each certificate is shown below its issuer; the root is at the top.")
        )
        self._tree.setModel(self._model)
        self._tree.setUniformRowHeights(True)
        self._tree.setItemsExpandable(False)
        self._tree.setRootIsDecorated(False)
        self._tree.setAllColumnsShowFocus(True)
        self._tree.setIndentation(max(16, self.fontMetrics().averageCharWidth() * 3))
        self._tree.setSelectionMode(QTreeView.SelectionMode.SingleSelection)
        self._tree.setSelectionBehavior(QTreeView.SelectionBehavior.SelectRows)
        self._tree.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        header = self._tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ORIGIN_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VALIDITY_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        selection = self._tree.selectionModel()
        selection.currentChanged.connect(self._on_current_changed)

        self._verdict_icon = QLabel(self)
        self._verdict_icon.setObjectName("verdictIcon")
        self._verdict_icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self._verdict_label = _text_label("verdictLabel", self)
        self._verdict_label.setAccessibleName(self.tr("Chain verdict"))
        verdict_row = QHBoxLayout()
        verdict_row.setContentsMargins(0, 0, 0, 0)
        verdict_row.addWidget(self._verdict_icon)
        verdict_row.addWidget(self._verdict_label, 1)

        self._policy_box = QWidget(self)
        self._policy_box.setObjectName("policyNotes")
        self._policy_title = QLabel(self.tr("Policy notes"), self._policy_box)
        self._policy_title.setObjectName("policyNotesTitle")
        font = self._policy_title.font()
        font.setBold(True)
        self._policy_title.setFont(font)
        self._policy_caption = QLabel(
            self.tr(
                "Stricter RFC 5280 profile checks. They do not change the verdict above, "
                "but stricter clients may refuse the chain."
            ),
            self._policy_box,
        )
        self._policy_caption.setObjectName("policyNotesCaption")
        self._policy_caption.setWordWrap(True)
        caption_font = self._policy_caption.font()
        caption_font.setItalic(True)
        self._policy_caption.setFont(caption_font)
        self._policy_label = _text_label("policyNotesLabel", self._policy_box)
        self._policy_label.setAccessibleName(self.tr("Policy notes"))
        policy_layout = QVBoxLayout(self._policy_box)
        policy_layout.setContentsMargins(0, 4, 0, 0)
        policy_layout.setSpacing(2)
        policy_layout.addWidget(self._policy_title)
        policy_layout.addWidget(self._policy_caption)
        policy_layout.addWidget(self._policy_label)
        self._policy_box.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self._tree, 1)
        layout.addLayout(verdict_row)
        layout.addWidget(self._policy_box)
        self._show_report()

    # -- API -------------------------------------------------------------------------------
    @property
    def tree(self) -> QTreeView:
        return self._tree

    @property
    def model(self) -> ChainModel:
        return self._model

    @property
    def report(self) -> ChainReport | None:
        """The verdict on the chain shown (None when nothing is shown)."""
        return self._report

    @property
    def completed(self) -> CompletedChain | None:
        return self._completed

    def set_entry(
        self,
        entry: Entry | None,
        keystore_certs: Sequence[CertInfo],
        trusted: Sequence[CertInfo],
        now: dt.datetime,
    ) -> None:
        """Show ``entry``'s chain, completed from the keystore's certificates."""
        if entry is None or not entry.certificates:
            self.clear()
            return
        self.set_chain(entry.certificates, keystore_certs, trusted, now)
        self._own_key_pair = isinstance(entry, KeyPairEntry)
        self._show_report()

    def set_chain(
        self,
        chain: Sequence[CertInfo],
        pool: Sequence[CertInfo],
        trusted: Sequence[CertInfo],
        now: dt.datetime,
    ) -> None:
        """Show ``chain`` (leaf first) completed from ``pool`` and judged against ``trusted``."""
        if not chain:
            self.clear()
            return
        self._own_key_pair = False
        same_leaf = self._completed is not None and self._completed.certificates[:1] == (chain[0],)
        keep = self.current_certificate() if same_leaf else None
        self._completed = complete_chain(chain, pool)
        self._report = self._validate(self._completed.certificates, trusted, now)
        self._model.set_chain(self._completed, now)
        self._tree.expandAll()
        self._tree.updateGeometry()
        self._show_report()
        # the same leaf again (a refresh): the row the reader was looking at stays current
        kept = self._model.index_of(keep) if keep is not None else QModelIndex()
        self._tree.setCurrentIndex(kept if kept.isValid() else self._model.leaf_index())

    @property
    def own_self_signed(self) -> bool:
        """The chain is a key pair's own self-signed certificate: not a trust problem."""
        report = self._report
        return (
            self._own_key_pair
            and report is not None
            and report.verdict is Verdict.ROOT_NOT_TRUSTED
            and len(report.path) == 1
            and report.path[0].summary.self_signed
        )

    def clear(self) -> None:
        self._own_key_pair = False
        self._completed = None
        self._report = None
        self._model.clear()
        self._tree.updateGeometry()
        self._show_report()
        self.certificateSelected.emit(None)

    def current_certificate(self) -> CertInfo | None:
        row = self._model.row_at(self._tree.currentIndex())
        return row.cert if row is not None else None

    def select_certificate(self, cert: CertInfo) -> bool:
        """Make ``cert``'s row current; False when it is not in the chain."""
        index = self._model.index_of(cert)
        if index.isValid():
            self._tree.setCurrentIndex(index)
        return index.isValid()

    # -- internals -------------------------------------------------------------------------
    def _validate(
        self, chain: Sequence[CertInfo], trusted: Sequence[CertInfo], now: dt.datetime
    ) -> ChainReport:
        """``validate_chain``, remembered for the last few (chain, trust set, time) triples."""
        key: _VerdictKey = (tuple(chain), tuple(trusted), now)
        report = self._verdicts.get(key)
        if report is None:
            purpose: Purpose = "server" if self._model.from_server else "any"
            report = validate_chain(chain, trusted, now, purpose=purpose)
            self._verdicts[key] = report
            while len(self._verdicts) > _CACHE_SIZE:
                self._verdicts.popitem(last=False)
        else:
            self._verdicts.move_to_end(key)
        return report

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self._model.row_at(current)
        self.certificateSelected.emit(row.cert if row is not None else None)

    def verdict_heading(self, verdict: Verdict) -> str:
        if verdict is Verdict.INCOMPLETE and self._model.from_server:
            return self.tr("Not trusted yet: the root CA is not in the keystore")
        return {
            Verdict.TRUSTED: self.tr("Trusted"),
            Verdict.ROOT_NOT_TRUSTED: self.tr("Not trusted: the root is not trusted"),
            Verdict.INCOMPLETE: self.tr("Not trusted: the chain is incomplete"),
            Verdict.EXPIRED: self.tr("Not valid: a certificate has expired"),
            Verdict.NOT_YET_VALID: self.tr("Not valid yet"),
            Verdict.BAD_SIGNATURE: self.tr("Not trusted: a signature does not verify"),
            Verdict.HOSTNAME_MISMATCH: self.tr("Not valid for this host name"),
        }[verdict]

    def _show_report(self) -> None:
        report = self._report
        if report is None:
            self._verdict_icon.clear()
            self._verdict_label.setText(self.tr("No certificate chain."))
            self._verdict_label.setAccessibleDescription("")
            self._policy_box.hide()
            return
        size = self.style().pixelMetric(self.style().PixelMetric.PM_SmallIconSize) + 8
        own = self.own_self_signed
        icon = self._colors.icon(Status.VALID if own else VERDICT_BADGES[report.verdict])
        if icon is not None:
            self._verdict_icon.setPixmap(icon.pixmap(size, size))
        heading = self.verdict_heading(report.verdict)
        sentence = localized(report.text, report.message)
        if own:
            heading = self.tr("Self-signed (your own key pair)")
            sentence = self.tr(
                "Its certificate is its own issuer. "
                "Whoever receives it decides whether to trust it."
            )
        self._verdict_label.setText(f"<b>{html.escape(heading)}</b><br>{html.escape(sentence)}")
        self._verdict_label.setAccessibleDescription(f"{heading}. {sentence}")
        findings = report.policy_findings
        self._policy_label.setText(
            "<ul style='margin-left: 0; -qt-list-indent: 1;'>"
            + "".join(f"<li>{html.escape(f)}</li>" for f in findings)
            + "</ul>"
        )
        self._policy_label.setAccessibleDescription(" ".join(findings))
        self._policy_box.setVisible(bool(findings))

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._colors = StatusPalette(self.palette())
            self._model.set_palette(self.palette())
            self._show_report()
        super().changeEvent(event)


def _text_label(name: str, parent: QWidget | None) -> QLabel:
    """A word-wrapped rich-text label readers can select (and reach) with the keyboard."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a selectable label only takes clicks
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
    return label

"""The details side of the main window: header, chain viewer, and the selected certificate's tabs.

Every value shown comes from core (:class:`~keymon.core.x509.info.CertDetails`,
:func:`~keymon.core.expiry.entry_expiry`); nothing here parses a certificate.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QFontDatabase,
    QGuiApplication,
    QKeySequence,
    QPixmap,
    QResizeEvent,
    QTextOption,
)
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keymon.core.entries import CertInfo, Entry, SecretKeyEntry
from keymon.core.expiry import DAY, Status, days_ago, days_left, entry_expiry
from keymon.core.x509.info import CertDetails
from keymon.gui.palette import StatusPalette
from keymon.gui.views.chain_viewer import ChainViewer

COPY_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # what Ctrl+C copies from a tree row


def copy_text(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)


def _utc(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


class HexField(QPlainTextEdit):
    """A read-only, selectable monospace field that wraps anywhere and is as tall as its text."""

    def __init__(self, name: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible_name)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_text(self, text: str) -> None:
        self.setPlainText(text)
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        m, margin = self.contentsMargins(), self.document().documentMargin()
        room = max(1.0, width - m.left() - m.right() - 2 * margin - self.cursorWidth())
        metrics = self.fontMetrics()
        lines = 1  # the minimum (width < 0): one line
        if width >= 0:
            lines = max(1, math.ceil(metrics.horizontalAdvance(self.toPlainText()) / room))
        return math.ceil(lines * metrics.lineSpacing() + 2 * margin + m.top() + m.bottom())

    def sizeHint(self) -> QSize:
        width = super().sizeHint().width()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("0") * 12, self.heightForWidth(-1))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()


class CertificateTabs(QTabWidget):
    """General, Fingerprints, Extensions and PEM of one certificate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificateTabs")
        self.setAccessibleName(self.tr("Certificate details"))
        self._details: CertDetails | None = None

        self.general = self._tree(
            "generalTree",
            self.tr("General"),
            self.tr("The certificate's fields; Ctrl+C copies the selected value."),
            (self.tr("Field"), self.tr("Value")),
        )
        self.addTab(self.general, self.tr("General"))

        page = QWidget(self)
        page.setObjectName("fingerprintsPage")
        page.setAccessibleName(self.tr("Fingerprints"))
        grid = QGridLayout(page)
        self.fields: dict[str, HexField] = {}
        self.copy_buttons: dict[str, QPushButton] = {}
        for row, algo in enumerate(("sha1", "sha256", "sha512")):
            self._fingerprint_row(page, grid, row, algo, f"SHA-{algo[3:]}")
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)
        self.addTab(page, self.tr("Fingerprints"))

        headers = (self.tr("Extension"), self.tr("Critical"), self.tr("Value"))
        self.extensions = self._tree(
            "extensionsTree",
            self.tr("Extensions"),
            self.tr("The certificate's extensions; Ctrl+C copies the selected values."),
            headers,
        )
        self.addTab(self.extensions, self.tr("Extensions"))

        page = QWidget(self)
        page.setObjectName("pemPage")
        page.setAccessibleName(self.tr("PEM"))
        self.pem = QPlainTextEdit(page)
        self.pem.setObjectName("pemText")
        self.pem.setAccessibleName(self.tr("Certificate in PEM format"))
        self.pem.setReadOnly(True)
        self.pem.setTabChangesFocus(True)
        self.pem.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.pem.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.copy_pem = QPushButton(self.tr("Copy PEM"), page)
        self.copy_pem.setObjectName("copyPemButton")
        self.copy_pem.clicked.connect(lambda: self._copy("pem"))
        box = QVBoxLayout(page)
        box.addWidget(self.pem, 1)
        box.addWidget(self.copy_pem, 0, Qt.AlignmentFlag.AlignRight)
        self.addTab(page, self.tr("PEM"))
        self.show_certificate(None, dt.datetime.now(dt.UTC))

    def _tree(self, name: str, title: str, description: str, headers: Sequence[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName(name)
        tree.setAccessibleName(title)
        tree.setAccessibleDescription(description)
        tree.setHeaderLabels(list(headers))
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setRootIsDecorated(False)
        tree.setAllColumnsShowFocus(True)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setStretchLastSection(True)
        copy = QAction(self.tr("Copy Value"), tree)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(lambda: self._copy_row(tree))
        tree.addAction(copy)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return tree

    def _fingerprint_row(
        self, page: QWidget, grid: QGridLayout, row: int, algo: str, label: str
    ) -> None:
        accessible = self.tr("{algorithm} fingerprint").format(algorithm=label)
        field = HexField(f"{algo}Field", accessible, page)
        caption = QLabel(self.tr("{algorithm}:").format(algorithm=label), page)
        caption.setBuddy(field)
        button = QPushButton(self.tr("Copy"), page)
        button.setObjectName(f"copy{algo.capitalize()}Button")
        button.setAccessibleName(self.tr("Copy {algorithm} fingerprint").format(algorithm=label))
        button.clicked.connect(lambda: self._copy(algo))
        top = Qt.AlignmentFlag.AlignTop
        grid.addWidget(caption, row, 0, top)
        grid.addWidget(field, row, 1, top)
        grid.addWidget(button, row, 2, top)
        self.fields[algo], self.copy_buttons[algo] = field, button

    @property
    def details(self) -> CertDetails | None:
        return self._details

    def show_certificate(self, cert: CertInfo | None, now: dt.datetime) -> None:
        """Fill every tab for ``cert``; None empties them."""
        self._details = CertDetails.of(cert, now) if cert is not None else None
        self._fill_general(self._details, now)
        self._fill_extensions(self._details)
        d = self._details
        for algo, field in self.fields.items():
            field.set_text(getattr(d, f"{algo}_colon") if d is not None else "")
        self.pem.setPlainText(d.pem if d is not None else "")
        for i in range(1, self.count()):
            self.setTabEnabled(i, d is not None)

    def show_missing(self, name: str) -> None:
        """An issuer nobody has: its name, and nothing else to show."""
        self.show_certificate(None, dt.datetime.now(dt.UTC))
        self.setCurrentIndex(0)
        self._add(self.general, self.tr("Missing issuer"), name)
        note = self.tr("Neither the entry nor the keystore holds this certificate.")
        self._add(self.general, "", note)

    def _fill_general(self, d: CertDetails | None, now: dt.datetime) -> None:
        tree = self.general
        tree.setUpdatesEnabled(False)
        tree.clear()
        if d is not None:
            self._add(tree, self.tr("Version"), str(d.version))
            self._add(tree, self.tr("Serial number (hex)"), d.serial_hex)
            self._add(tree, self.tr("Serial number (decimal)"), d.serial_decimal)
            for title, rdns, full in (
                (self.tr("Subject"), d.subject, d.subject_rfc4514),
                (self.tr("Issuer"), d.issuer, d.issuer_rfc4514),
            ):
                parent = self._add(tree, title, "", copy=full)
                for attribute, value in rdns:
                    self._add(parent, attribute, value)
            self._add(tree, self.tr("Valid from"), _utc(d.not_before))
            self._add(tree, self.tr("Valid until"), _utc(d.not_after))
            self._add(tree, self.tr("Days remaining"), self._remaining(d, now))
            self._add(tree, self.tr("Public key algorithm"), d.key_algorithm)
            if d.key_size is not None:
                bits = self.tr("{bits} bits").format(bits=d.key_size)
                self._add(tree, self.tr("Key size"), bits)
            if d.curve:
                self._add(tree, self.tr("Curve"), d.curve)
            self._add(tree, self.tr("Signature algorithm"), d.signature_algorithm)
            self._add(tree, self.tr("Certificate authority"), self._yes_no(d.is_ca))
            self._add(tree, self.tr("Self-signed"), self._yes_no(d.self_signed))
            tree.expandAll()
        tree.setUpdatesEnabled(True)

    def _fill_extensions(self, d: CertDetails | None) -> None:
        tree = self.extensions
        tree.setUpdatesEnabled(False)
        tree.clear()
        for ext in d.extensions if d is not None else ():
            name = ext.name  # core's (English) name of the extension, like the OID a term
            if ext.name == "Unknown extension":
                name = self.tr("Unknown extension ({oid})").format(oid=ext.oid)
            critical = self._yes_no(ext.critical)
            first, *rest = ext.values or ("",)
            item = self._add(tree, name, critical, first, copy="\n".join(ext.values))
            item.setToolTip(0, ext.oid)
            for value in rest:  # further values on rows of their own
                self._add(item, "", "", value)
        tree.expandAll()
        tree.setUpdatesEnabled(True)

    def _add(
        self, parent: QTreeWidget | QTreeWidgetItem, *texts: str, copy: str | None = None
    ) -> QTreeWidgetItem:
        """A row of ``texts``; its last text is the value Ctrl+C copies (unless ``copy``)."""
        item = QTreeWidgetItem(parent, list(texts))
        item.setToolTip(len(texts) - 1, texts[-1])
        item.setData(0, COPY_ROLE, texts[-1] if copy is None else copy)
        return item

    def _copy_row(self, tree: QTreeWidget) -> None:
        item = tree.currentItem()
        if item is not None:
            copy_text(str(item.data(0, COPY_ROLE) or ""))

    def _copy(self, what: str) -> None:
        d = self._details
        if d is not None:
            copy_text(d.pem if what == "pem" else getattr(d, f"{what}_colon"))

    def _yes_no(self, flag: bool) -> str:
        return self.tr("Yes") if flag else self.tr("No")

    def _remaining(self, d: CertDetails, now: dt.datetime) -> str:
        if now < d.not_before:
            return self.tr("Not yet valid")
        if now >= d.not_after:  # expired, as entry_expiry says
            return self.tr("Expired %n days ago", "", days_ago(d.not_after, now))
        return str(d.days_remaining)


class EntryDetails(QWidget):
    """Header (alias, type, expiry), the chain viewer and the selected certificate's tabs."""

    EMPTY_PAGE, CERT_PAGE, SECRET_PAGE = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryDetails")
        self._entry: Entry | None = None
        self._now = dt.datetime.now(dt.UTC)
        self._colors = StatusPalette(self.palette())

        self.alias_label = QLabel(self)
        self.alias_label.setObjectName("aliasLabel")
        self.alias_label.setTextFormat(Qt.TextFormat.PlainText)
        self.alias_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.alias_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.alias_label.setFont(font)
        self.type_label = QLabel(self)
        self.type_label.setObjectName("entryTypeLabel")
        self.expiry_icon = QLabel(self)
        self.expiry_icon.setObjectName("expiryIcon")
        self.expiry_label = QLabel(self)
        self.expiry_label.setObjectName("expiryLabel")
        self.expiry_label.setTextFormat(Qt.TextFormat.PlainText)
        self.expiry_label.setWordWrap(True)
        status_row = QHBoxLayout()
        status_row.addWidget(self.type_label)
        status_row.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        status_row.addWidget(self.expiry_icon)
        status_row.addWidget(self.expiry_label, 1)
        self.header = QWidget(self)
        self.header.setObjectName("entryHeader")
        header_layout = QVBoxLayout(self.header)
        header_layout.setContentsMargins(0, 0, 0, 0)
        header_layout.addWidget(self.alias_label)
        header_layout.addLayout(status_row)

        self.stack = QStackedWidget(self)
        empty = QLabel(self.tr("Select an entry to see its details."), self.stack)
        empty.setObjectName("noEntryLabel")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        self.stack.addWidget(empty)

        self.chain_viewer = ChainViewer()
        self.tabs = CertificateTabs()
        cert_page = QWidget(self.stack)
        cert_page.setObjectName("certificatePage")
        cert_layout = QVBoxLayout(cert_page)
        cert_layout.setContentsMargins(0, 0, 0, 0)
        cert_layout.addWidget(self.chain_viewer)
        cert_layout.addWidget(self.tabs, 1)
        self.stack.addWidget(cert_page)

        secret = QWidget(self.stack)
        secret.setObjectName("secretKeyPage")
        form = QFormLayout(secret)
        self.secret_algorithm = QLabel(secret)
        self.secret_algorithm.setObjectName("secretAlgorithmLabel")
        self.secret_size = QLabel(secret)
        self.secret_size.setObjectName("secretKeySizeLabel")
        form.addRow(self.tr("Algorithm:"), self.secret_algorithm)
        form.addRow(self.tr("Key size:"), self.secret_size)
        note = QLabel(self.tr("The key itself is never shown."), secret)
        note.setWordWrap(True)
        form.addRow(note)
        self.stack.addWidget(secret)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        self.chain_viewer.certificateSelected.connect(self._on_certificate_selected)
        self.clear()

    @property
    def entry(self) -> Entry | None:
        return self._entry

    def clear(self) -> None:
        self.show_entry(None, (), (), dt.datetime.now(dt.UTC))

    def show_entry(
        self,
        entry: Entry | None,
        keystore_certs: Sequence[CertInfo],
        trusted: Sequence[CertInfo],
        now: dt.datetime,
    ) -> None:
        """Show ``entry`` (None: nothing); its chain is completed from ``keystore_certs``."""
        self._entry, self._now = entry, now
        self.header.setVisible(entry is not None)
        if entry is None:
            self.chain_viewer.clear()
            self.stack.setCurrentIndex(self.EMPTY_PAGE)
            return
        self.alias_label.setText(entry.alias)
        self._show_expiry(entry, now)
        if isinstance(entry, SecretKeyEntry):
            self.type_label.setText(self.tr("Secret key"))
            self.chain_viewer.clear()
            self.secret_algorithm.setText(entry.algorithm)
            self.secret_size.setText(self.tr("{bits} bits").format(bits=len(entry.key) * 8))
            self.stack.setCurrentIndex(self.SECRET_PAGE)
            return
        kind = self.tr("Key pair") if entry.kind == "key_pair" else self.tr("Trusted certificate")
        self.type_label.setText(kind)
        self.stack.setCurrentIndex(self.CERT_PAGE)
        self.chain_viewer.set_entry(entry, keystore_certs, trusted, now)

    def _on_certificate_selected(self, cert: CertInfo | None) -> None:
        if cert is not None:
            self.tabs.show_certificate(cert, self._now)
            return
        current = self.chain_viewer.model.row_at(self.chain_viewer.tree.currentIndex())
        if current is not None and current.missing:
            self.tabs.show_missing(current.full_name)
        else:
            self.tabs.show_certificate(None, self._now)

    def _show_expiry(self, entry: Entry, now: dt.datetime) -> None:
        expiry = entry_expiry(entry, now)
        status, text = expiry.status, ""
        if status is Status.NONE:
            text = self.tr("Does not expire")
        elif status is Status.NOT_YET_VALID:
            start = max(c.summary.not_before for c in entry.certificates)
            text = self.tr("Not yet valid (from {date})").format(date=_utc(start))
        elif expiry.not_after is not None:
            days = days_left(expiry.not_after, now)  # rounded up, like Monitoring's column
            ago = days_ago(expiry.not_after, now)
            if status is Status.EXPIRED and ago == 0:
                text = self.tr("Expired today")
            elif status is Status.EXPIRED:
                text = self.tr("Expired %n days ago", "", ago)
            elif expiry.not_after - now < DAY:
                text = self.tr("Expires today")
            elif status is Status.EXPIRING:
                text = self.tr("Expires soon: %n days left", "", days)
            else:
                text = self.tr("Valid: %n days left", "", days)
            text += self.tr(" (until {date})").format(date=_utc(expiry.not_after))
            decisive = expiry.decisive
            if decisive is not None and decisive != entry.certificate:
                text += self.tr("; “{name}” in the chain expires first").format(
                    name=decisive.summary.subject_cn
                )
        self.expiry_label.setText(text)
        icon = self._colors.icon(status)
        size = self.style().pixelMetric(self.style().PixelMetric.PM_SmallIconSize)
        self.expiry_icon.setPixmap(icon.pixmap(size, size) if icon is not None else QPixmap())
        self.expiry_icon.setVisible(icon is not None)

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._colors = StatusPalette(self.palette())
            if self._entry is not None:
                self._show_expiry(self._entry, self._now)
        super().changeEvent(event)

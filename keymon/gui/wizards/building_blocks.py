"""What the PKI wizards share: the wizard and page bases, the subject and its names.

* :class:`PkiWizard` builds its pages from ``PAGES``; :class:`WizardPage` checks
  itself on Next/Finish (``problem()``: one sentence, shown under the page).
* :class:`SubjectForm` (CN, OU, O, L, ST, C, e-mail) and :class:`SanEditor` (DNS,
  IP, e-mail, URI names; :class:`SanPage` around it).
* :class:`SourcePicker` reads a file or the clipboard; :class:`SummaryView` shows
  label/value rows. Values are checked by core; its sentences are shown as they are.

Key, signature and extension choices are in :mod:`keymon.gui.wizards.key_choices`.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import ClassVar, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from keymon.core.errors import UnreadableFile, UsageError
from keymon.core.formats.limits import read_input
from keymon.core.x509.extensions import ExtensionInfo
from keymon.core.x509.templates import (
    SubjectAltName,
    SubjectFields,
    parse_san,
)
from keymon.gui.dialogs.password_dialog import MessageLabel
from keymon.gui.prompts import Prompts
from keymon.gui.wizards.page_focus import ReturnHandler, focus_first_field_on_each_page

P = TypeVar("P", bound=QWizardPage)


def set_tab_order(*widgets: QWidget) -> None:
    """Tab goes through ``widgets`` in this order."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def critical_label(name: str, critical: bool) -> str:
    """``Key Usage (critical)`` for a critical extension, else the name."""
    if not critical:
        return name
    return QCoreApplication.translate("Extensions", "{name} (critical)").format(name=name)


def extension_text(info: ExtensionInfo) -> str:
    """``Key Usage (critical): Digital Signature, Key Encipherment``."""
    return f"{critical_label(info.name, info.critical)}: {', '.join(info.values)}"


class WizardPage(QWizardPage):
    """A page that says in one sentence why it cannot go on (``problem``).

    Built with its wizard as the only argument; it sets its own title and layout and
    puts ``message`` (the problem line) where it fits.
    """

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.message = MessageLabel("pageMessage", self)

    def problem(self) -> str | None:
        return None

    def validatePage(self) -> bool:
        if not self.isComplete():  # Next/Finish are disabled; next() from code is refused too
            return False
        problem = self.problem()
        if problem is None:
            self.message.clear_message()
            return True
        self.message.show_problem(problem)
        return False


class PkiWizard(QWizard):
    """A wizard whose pages are ``PAGES`` (each built with the wizard as its only argument)."""

    PAGES: ClassVar[tuple[type[WizardPage], ...]] = ()

    def _build_pages(self) -> None:
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self._pages = {cls: cls(self) for cls in self.PAGES}
        for page in self._pages.values():
            self.addPage(page)
        focus_first_field_on_each_page(self)
        self.setMinimumSize(640, 560)

    def page_of(self, cls: type[P]) -> P:
        page = self._pages[cls]  # type: ignore[index]
        assert isinstance(page, cls)
        return page


class SubjectForm(QWidget):
    """The seven subject fields; ``problem()`` is core's sentence for the first bad one."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cn_edit = self._edit("cnEdit", self.tr("Common name (CN)"), "tenant.example.com")
        self.ou_edit = self._edit("ouEdit", self.tr("Organizational unit (OU)"))
        self.o_edit = self._edit("organizationEdit", self.tr("Organization (O)"))
        self.l_edit = self._edit("localityEdit", self.tr("Locality (L)"))
        self.st_edit = self._edit("stateEdit", self.tr("State or province (ST)"))
        self.c_edit = self._edit("countryEdit", self.tr("Country (C)"), self.tr("DE"))
        self.c_edit.setToolTip(self.tr("Two letters, e.g. DE, FR or US"))
        self.email_edit = self._edit("emailEdit", self.tr("E-mail"), "pki@example.org")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Common name (CN):"), self.cn_edit)
        form.addRow(self.tr("Organizational &unit (OU):"), self.ou_edit)
        form.addRow(self.tr("&Organization (O):"), self.o_edit)
        form.addRow(self.tr("&Locality (L):"), self.l_edit)
        form.addRow(self.tr("S&tate or province (ST):"), self.st_edit)
        form.addRow(self.tr("Countr&y (C):"), self.c_edit)
        form.addRow(self.tr("E-&mail:"), self.email_edit)
        set_tab_order(*self.edits())

    def _edit(self, name: str, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self.changed)
        return edit

    def edits(self) -> tuple[QLineEdit, ...]:
        return (
            self.cn_edit,
            self.ou_edit,
            self.o_edit,
            self.l_edit,
            self.st_edit,
            self.c_edit,
            self.email_edit,
        )

    def _values(self) -> dict[str, str]:
        names = ("cn", "ou", "o", "l", "st", "c", "email")
        return {name: edit.text() for name, edit in zip(names, self.edits(), strict=True)}

    def fields(self) -> SubjectFields:
        return SubjectFields.from_values(self._values(), validate=False)

    def set_fields(self, fields: SubjectFields) -> None:
        values = (fields.cn, fields.ou, fields.o, fields.l, fields.st, fields.c, fields.email)
        for edit, value in zip(self.edits(), values, strict=True):
            edit.setText(value)

    def problem(self) -> str | None:
        try:
            SubjectFields.from_values(self._values())
        except UsageError as exc:
            return exc.message
        return None


class SanEditor(QWidget):
    """A list of subject alternative names: choose the kind, type the value, Add."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sans: list[SubjectAltName] = []
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("sanKindCombo")
        self.kind_combo.setAccessibleName(self.tr("Kind of alternative name"))
        kinds = (
            ("DNS", self.tr("DNS name"), "tenant.example.com"),
            ("IP", self.tr("IP address"), "192.0.2.10"),
            ("email", self.tr("E-mail"), "pki@example.org"),
            ("URI", self.tr("URI"), "https://example.org/"),
        )
        self._examples = {kind: example for kind, _, example in kinds}
        for kind, label, _ in kinds:
            self.kind_combo.addItem(label, kind)
        self.value_edit = QLineEdit(self)
        self.value_edit.setObjectName("sanValueEdit")
        self.value_edit.setAccessibleName(self.tr("Alternative name"))
        ReturnHandler(self.value_edit, self.add_pending)  # adds; never also Next
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.setObjectName("sanAddButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_pending)
        self.list = QListWidget(self)
        self.list.setObjectName("sanList")
        self.list.setAccessibleName(self.tr("Subject alternative names"))
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setObjectName("sanRemoveButton")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        self.message = MessageLabel("sanMessage", self)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.value_edit.textChanged.connect(lambda _t: self.message.clear_message())

        entry = QHBoxLayout()
        entry.addWidget(self.kind_combo)
        entry.addWidget(self.value_edit, 1)
        entry.addWidget(self.add_button)
        side = QVBoxLayout()
        side.addWidget(self.remove_button)
        side.addStretch(1)
        below = QHBoxLayout()
        below.addWidget(self.list, 1)
        below.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        layout.addLayout(below, 1)
        set_tab_order(
            self.kind_combo, self.value_edit, self.add_button, self.list, self.remove_button
        )
        self._kind_changed()

    def _kind_changed(self) -> None:
        example = self._examples[self.kind_combo.currentData()]
        self.value_edit.setPlaceholderText(self.tr("e.g. {example}").format(example=example))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.list.currentRow() >= 0)

    def sans(self) -> tuple[SubjectAltName, ...]:
        return tuple(self._sans)

    def set_sans(self, sans: Iterable[SubjectAltName]) -> None:
        self._sans = list(dict.fromkeys(sans))
        self.list.clear()
        self.list.addItems([str(s) for s in self._sans])
        self._update_buttons()
        self.changed.emit()

    def _pending(self) -> SubjectAltName | None:
        """The typed name (None when nothing is typed); UsageError when it is not valid."""
        text = self.value_edit.text().strip()
        if not text:
            return None
        return parse_san(f"{self.kind_combo.currentData()}:{text}")

    def add_pending(self) -> bool:
        """Add the typed name; False (and the reason shown) when it is not valid."""
        try:
            san = self._pending()
        except UsageError as exc:
            self.message.show_problem(exc.message)
            return False
        if san is not None:
            self.value_edit.clear()
            if san not in self._sans:
                self.set_sans([*self._sans, san])
            self.list.setCurrentRow(self._sans.index(san))
        return True

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.set_sans(self._sans[:row] + self._sans[row + 1 :])
            self.list.setCurrentRow(min(row, len(self._sans) - 1))


class SummaryView(QTextBrowser):
    """Read-only label/value rows (a review or a preview), reachable with the keyboard."""

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setOpenLinks(False)
        self.setTabChangesFocus(True)

    def show_rows(self, rows: Iterable[tuple[str, str | Sequence[str]]]) -> None:
        cells = []
        for label, value in rows:
            values = [value] if isinstance(value, str) else list(value)
            text = "<br>".join(html.escape(v) for v in values) or "—"
            cells.append(
                f"<tr><td style='padding-right: 12px; white-space: nowrap;'><b>"
                f"{html.escape(label)}</b></td><td>{text}</td></tr>"
            )
        self.setHtml(f"<table cellspacing='2'>{''.join(cells)}</table>")


class SourcePicker(QWidget):
    """Read a file (through the prompts) or the clipboard's text; ``loaded(data, source)``."""

    loaded = Signal(bytes, str)
    failed = Signal(str)

    def __init__(
        self, prompts: Prompts, title: str, filters: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.prompts, self.title, self.filters = prompts, title, filters
        self.file_button = QPushButton(self.tr("Choose &File…"), self)
        self.file_button.setObjectName("fileButton")
        self.file_button.clicked.connect(self.choose_file)
        self.paste_button = QPushButton(self.tr("&Paste from Clipboard"), self)
        self.paste_button.setObjectName("pasteButton")
        self.paste_button.clicked.connect(self.paste)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.file_button)
        layout.addWidget(self.paste_button)
        layout.addStretch(1)
        set_tab_order(self.file_button, self.paste_button)

    def choose_file(self) -> None:
        path = self.prompts.choose_open_file(self.title, self.filters)
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> None:
        try:
            data = read_input(path)  # size-limited, like every file keymon reads
        except UnreadableFile as exc:
            reason = exc.message
            self.failed.emit(self.tr("{file}: {reason}").format(file=path.name, reason=reason))
            return
        self.loaded.emit(data, path.name)

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        self.loaded.emit(text.encode("utf-8", "replace"), self.tr("the clipboard"))


class SanPage(WizardPage):
    """The subject alternative names (a TLS server needs its host names here)."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Alternative Names"))
        self.setSubTitle(
            self.tr(
                "The names the certificate is valid for besides its subject. TLS clients "
                "check a server's DNS names or IP addresses here."
            )
        )
        self.editor = SanEditor(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.message)

    def validatePage(self) -> bool:
        return self.editor.add_pending()  # a typed name is added; a bad one is explained there


def file_stem(alias: str) -> str:
    """An alias as a file name stem (as core.exporting names its files)."""
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in alias) or "entry"

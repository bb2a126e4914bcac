"""Generate a key pair: alias and subject, alternative names, key and validity, extensions.

The last page reviews everything. Finish starts the generation in a worker and
keeps the wizard open with a busy bar until the key is there (Cancel discards
it); then the wizard closes with :attr:`KeyPairWizard.outcome` set. Nothing is
added here: :mod:`keymon.gui.operations_pki` adds the entry with one undo command.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from keymon.core.aliases import alias_key, suggest_alias, validate_alias
from keymon.core.entries import KeyPairEntry
from keymon.core.errors import UsageError
from keymon.core.expiry import days_left
from keymon.core.x509.keygen import KeyPairRequest, generate_key_pair
from keymon.gui.label_columns import share_label_width
from keymon.gui.wizards.building_blocks import (
    PkiWizard,
    SanPage,
    SubjectForm,
    SummaryView,
    WizardPage,
    critical_label,
    set_tab_order,
)
from keymon.gui.wizards.key_choices import ExtensionsPage, KeyChoice, choice_label
from keymon.gui.workers import ErrorInfo, TaskHandle, TaskRunner

#: ``generate(request, cancel=token)`` → the new entry; runs in a worker.
Generate = Callable[..., KeyPairEntry]

_DATE_FORMAT = "yyyy-MM-dd HH:mm"


@dataclass(frozen=True)
class KeyPairResult:
    """What Finish produced: the new self-signed key pair (not yet in the keystore)."""

    entry: KeyPairEntry


def utc(edit: QDateTimeEdit) -> dt.datetime:
    """The moment an edit shows (in local time) as an aware UTC datetime."""
    return dt.datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), dt.UTC)


class IdentityPage(WizardPage):
    """The alias (suggested from the CN until edited) and the subject."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        assert isinstance(wizard, KeyPairWizard)
        self.existing = wizard.existing
        self.setTitle(self.tr("Alias and Subject"))
        self.setSubTitle(
            self.tr("Who the key pair belongs to. Only the common name (CN) is required.")
        )
        self.alias_edit = QLineEdit(self)
        self.alias_edit.setObjectName("aliasEdit")
        self.alias_edit.setAccessibleName(self.tr("Alias"))
        self.alias_edit.setPlaceholderText(self.tr("suggested from the common name"))
        self.alias_edited = False
        self.alias_edit.textEdited.connect(self._alias_edited)
        self.subject = SubjectForm(self)
        self.subject.cn_edit.textChanged.connect(self._suggest_alias)
        self.subject.changed.connect(self.message.clear_message)
        form = self.subject.layout()
        assert isinstance(form, QFormLayout)
        form.insertRow(0, self.tr("&Alias:"), self.alias_edit)  # one label column with the subject
        group = QGroupBox(self.tr("Subject"), self)
        QVBoxLayout(group).addWidget(self.subject)
        layout = QVBoxLayout(self)
        layout.addWidget(group)
        layout.addStretch(1)
        layout.addWidget(self.message)
        set_tab_order(self.alias_edit, self.subject.cn_edit)

    def _alias_edited(self, text: str) -> None:
        self.alias_edited = bool(text.strip())  # cleared: suggest again
        self.message.clear_message()
        if not self.alias_edited:
            self._suggest_alias()

    def _suggest_alias(self) -> None:
        if self.alias_edited:
            return
        cn = self.subject.cn_edit.text().strip()
        self.alias_edit.setText(suggest_alias(cn, self.existing) if cn else "")

    def alias(self) -> str:
        return self.alias_edit.text().strip()

    def problem(self) -> str | None:
        problem = self.subject.problem()
        if problem is not None:
            return problem
        try:
            alias = validate_alias(self.alias_edit.text())
        except UsageError as exc:
            return exc.message
        if alias_key(alias) in {alias_key(a) for a in self.existing}:
            return self.tr(
                "Another entry already has the alias “{alias}” (aliases ignore case)."
            ).format(alias=alias)
        return None


class KeyPage(WizardPage):
    """Key type and size, signature algorithm, validity."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Key and Validity"))
        self.setSubTitle(
            self.tr("RSA 2048 or 3072 works everywhere; EC P-256 is smaller and faster.")
        )
        self.key = KeyChoice(self)
        now = QDateTime.currentDateTime()
        self.valid_from = self._date_edit("validFromEdit", self.tr("Valid from"), now)
        self.valid_until = self._date_edit(
            "validUntilEdit", self.tr("Valid until"), now.addYears(2)
        )
        self.duration = QLabel(self)
        self.duration.setObjectName("durationLabel")
        for edit in (self.valid_from, self.valid_until):
            edit.dateTimeChanged.connect(self._update_duration)
        self.key.changed.connect(self.message.clear_message)
        key_group = QGroupBox(self.tr("Key"), self)
        QVBoxLayout(key_group).addWidget(self.key)
        validity_group = QGroupBox(self.tr("Validity"), self)
        dates = QFormLayout(validity_group)
        dates.addRow(self.tr("Valid &from:"), self.valid_from)
        dates.addRow(self.tr("Valid &until:"), self.valid_until)
        dates.addRow("", self.duration)
        share_label_width(self.key.form, dates)  # the two groups' fields line up
        layout = QVBoxLayout(self)
        layout.addWidget(key_group)
        layout.addWidget(validity_group)
        layout.addStretch(1)
        layout.addWidget(self.message)
        set_tab_order(self.key.signature_combo, self.valid_from, self.valid_until)
        self._update_duration()

    def _date_edit(self, name: str, accessible: str, value: QDateTime) -> QDateTimeEdit:
        edit = QDateTimeEdit(value, self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(_DATE_FORMAT)
        return edit

    def _update_duration(self) -> None:
        self.message.clear_message()
        start, end = utc(self.valid_from), utc(self.valid_until)
        days = days_left(end, start)  # rounded up, as every day count in keymon
        self.duration.setText(self.tr("%n days", "", days) if end > start else "")

    def problem(self) -> str | None:
        if utc(self.valid_until) <= utc(self.valid_from):
            return self.tr("The end of the validity must come after its start.")
        return self.key.problem()


class KeyNamesPage(SanPage):
    pass


class KeyExtensionsPage(ExtensionsPage):
    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, KeyPairWizard)
        self.editor.set_key_kind(wizard.page_of(KeyPage).key.spec().kind)


class ReviewPage(WizardPage):
    """Everything at a glance; Generate (Finish) makes the key here, with a busy bar."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Review"))
        self.setSubTitle(
            self.tr("Generate makes the key and its self-signed certificate and adds them.")
        )
        self.summary = SummaryView("reviewSummary", self.tr("Summary of the new key pair"), self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("generationProgress")
        self.progress.setAccessibleName(self.tr("Generating the key"))
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("generationStatus")
        self.status.setWordWrap(True)
        self._busy = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self.set_busy(False)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, KeyPairWizard)
        self.message.clear_message()
        request = wizard.request()
        ext = request.all_extensions
        lines = request.extensions.lines()  # the alternative names have their own row
        self.summary.show_rows(
            [
                (self.tr("Alias"), request.alias),
                (self.tr("Subject"), request.subject.rfc4514()),
                (self.tr("Alternative names"), [str(s) for s in ext.subject_alt_names]),
                (self.tr("Key"), request.key.label),
                (self.tr("Signature"), choice_label(request.signature_choice.label)),
                (self.tr("Valid from"), f"{request.not_before:%Y-%m-%d %H:%M} UTC"),
                (self.tr("Valid until"), f"{request.not_after:%Y-%m-%d %H:%M} UTC"),
                *((critical_label(info.name, info.critical), list(info.values)) for info in lines),
                (self.tr("Issuer"), self.tr("Self-signed (the subject itself)")),
            ]
        )

    def set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.completeChanged.emit()

    @property
    def busy(self) -> bool:
        return self._busy

    def isComplete(self) -> bool:
        return not self._busy


class KeyPairWizard(PkiWizard):
    """Collects a :class:`KeyPairRequest`; Finish generates (in ``runner``) and closes."""

    PAGES = (IdentityPage, KeyNamesPage, KeyPage, KeyExtensionsPage, ReviewPage)

    #: KeyPairResult, just before the wizard closes as accepted.
    generated = Signal(object)
    #: ErrorInfo; the wizard stays open on the review page and says why.
    generationFailed = Signal(object)

    def __init__(
        self,
        existing_aliases: Iterable[str],
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        generate: Generate = generate_key_pair,
        default_key: str | None = None,
        validity_days: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keypairWizard")
        self.setWindowTitle(self.tr("Generate Key Pair"))
        self.existing = list(existing_aliases)
        self.runner = runner
        self.generate = generate
        self.outcome: KeyPairResult | None = None
        self.handle: TaskHandle | None = None
        self._build_pages()
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Generate"))
        key_page = self.page_of(KeyPage)
        if default_key:
            key_page.key.select(default_key)
        if validity_days:
            key_page.valid_until.setDateTime(key_page.valid_from.dateTime().addDays(validity_days))

    def request(self) -> KeyPairRequest:
        """The request as the pages stand (UsageError when a page is not valid)."""
        identity, key = self.page_of(IdentityPage), self.page_of(KeyPage)
        extensions = self.page_of(KeyExtensionsPage).editor.extensions()
        return KeyPairRequest(
            alias=identity.alias(),
            key=key.key.spec(),
            subject=identity.subject.fields(),
            not_before=utc(key.valid_from),
            not_after=utc(key.valid_until),
            extensions=extensions,
            sans=self.page_of(KeyNamesPage).editor.sans(),
            signature=key.key.signature(),
        )

    @property
    def generating(self) -> bool:
        return self.handle is not None

    def accept(self) -> None:
        """Finish: generate first (the wizard stays open), then close as accepted."""
        if self.outcome is not None:
            super().accept()
            return
        if self.handle is not None:
            return
        review = self.page_of(ReviewPage)
        try:
            request = self.request()
        except UsageError as exc:
            review.message.show_problem(exc.message)
            return
        review.message.clear_message()
        text = self.tr("Generating the {key} key…").format(key=request.key.label)
        if request.key.kind == "rsa" and (request.key.size or 0) >= 4096:
            text += " " + self.tr("Large RSA keys can take a minute; Cancel stops it.")
        review.set_busy(True, text)
        self.setOption(QWizard.WizardOption.DisabledBackButtonOnLastPage, True)
        self.handle = self.runner.run(
            self.generate,
            request,
            title=self.tr("Generating a key pair"),
            on_done=self._generated,
            on_error=self._failed,
        )

    def _finish_generation(self) -> None:
        self.handle = None
        self.page_of(ReviewPage).set_busy(False)
        self.setOption(QWizard.WizardOption.DisabledBackButtonOnLastPage, False)

    def _generated(self, entry: KeyPairEntry) -> None:
        if self.handle is None:  # cancelled meanwhile: discard
            return
        self._finish_generation()
        self.outcome = KeyPairResult(entry)
        self.generated.emit(self.outcome)
        super().accept()

    def _failed(self, error: ErrorInfo) -> None:
        if self.handle is None:
            return
        self._finish_generation()
        self.page_of(ReviewPage).message.show_problem(error.message)
        self.generationFailed.emit(error)

    def reject(self) -> None:
        """Cancel (also while generating: the key is discarded, nothing changes)."""
        if self.handle is not None:
            handle, self.handle = self.handle, None
            handle.cancel()
        self.outcome = None
        super().reject()

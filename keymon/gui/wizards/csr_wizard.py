"""Create a certificate signing request (PKCS#10) for a key pair of the keystore.

Everything starts as in the entry's certificate (subject, alternative names, key
usages) and can be changed. The last page previews the request as a CA will read
it and asks where it goes: a file (chosen on Finish) and/or the clipboard. The
keystore is never changed; :mod:`keymon.gui.operations_pki` writes the result.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from keymon.core.entries import KeyPairEntry
from keymon.core.errors import KeymonError
from keymon.core.x509.csr import CsrInfo, CsrRequest, create_csr, default_csr_request
from keymon.core.x509.keygen import key_kind
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.prompts import Prompts
from keymon.gui.wizards.building_blocks import (
    PkiWizard,
    SanPage,
    SubjectForm,
    SummaryView,
    WizardPage,
    extension_text,
    file_stem,
    set_tab_order,
)
from keymon.gui.wizards.key_choices import ExtensionsPage, SignatureCombo

CSR_FILTER = QT_TRANSLATE_NOOP(
    "FileFilters", "Certificate signing requests (*.csr);;PEM (*.pem);;All files (*)"
)


@dataclass(frozen=True)
class CsrResult:
    """The request (PEM) and where it goes; nothing has been written yet."""

    alias: str
    pem: bytes
    path: Path | None
    clipboard: bool


class CsrSubjectPage(WizardPage):
    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        assert isinstance(wizard, CsrWizard)
        self.setTitle(self.tr("Subject"))
        self.setSubTitle(
            self.tr("The name the CA will certify, taken from the current certificate.")
        )
        summary = wizard.entry.certificate.summary
        self.key_label = QLabel(
            self.tr("Request for the key pair “{alias}” ({key}).").format(
                alias=wizard.entry.alias, key=summary.key_label
            ),
            self,
        )
        self.key_label.setObjectName("keyLabel")
        self.key_label.setWordWrap(True)
        self.subject = SubjectForm(self)
        if wizard.default.subject is not None:
            self.subject.set_fields(wizard.default.subject)
        self.subject.changed.connect(self.message.clear_message)
        group = QGroupBox(self.tr("Subject"), self)
        QVBoxLayout(group).addWidget(self.subject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_label)
        layout.addWidget(group)
        layout.addStretch(1)
        layout.addWidget(self.message)

    def problem(self) -> str | None:
        return self.subject.problem()


class CsrNamesPage(SanPage):
    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        assert isinstance(wizard, CsrWizard)
        self.editor.set_sans(wizard.default.sans or ())


class CsrExtensionsPage(ExtensionsPage):
    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        assert isinstance(wizard, CsrWizard)
        self.setSubTitle(
            self.tr(
                "The key usages the request asks for, as in the current certificate. "
                "The CA decides what it finally issues."
            )
        )
        key = wizard.entry.private_key
        self.editor.set_key_kind(key_kind(key) or "rsa")
        if wizard.default.extensions is not None:
            self.editor.set_extensions(wizard.default.extensions)
        self.signature = SignatureCombo(self)
        self.signature.set_key(key)
        form = QFormLayout()
        form.addRow(self.tr("Si&gnature:"), self.signature)
        self.layout_.insertLayout(1, form)
        set_tab_order(self.editor.ca_box, self.signature)


class CsrPreviewPage(WizardPage):
    """The request as a CA will read it, and where it goes."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Preview and Output"))
        self.setSubTitle(self.tr("This is what the CA will see. Send it to the CA to sign."))
        self.preview = SummaryView("csrPreview", self.tr("Preview of the request"), self)
        self.save_check = QCheckBox(self.tr("&Save to a file (you choose it on Finish)"), self)
        self.save_check.setObjectName("saveCheck")
        self.save_check.setChecked(True)
        self.clipboard_check = QCheckBox(self.tr("Copy to the c&lipboard as PEM text"), self)
        self.clipboard_check.setObjectName("clipboardCheck")
        for box in (self.save_check, self.clipboard_check):
            box.toggled.connect(self.message.clear_message)
        self.pem: bytes | None = None
        output = QGroupBox(self.tr("Output"), self)
        output_layout = QVBoxLayout(output)
        output_layout.addWidget(self.save_check)
        output_layout.addWidget(self.clipboard_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(output)
        layout.addWidget(self.message)
        set_tab_order(self.preview, self.save_check, self.clipboard_check)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, CsrWizard)
        self.message.clear_message()
        try:
            self.pem = create_csr(wizard.entry, wizard.request())
            info = CsrInfo.load(self.pem)
        except KeymonError as exc:
            self.pem = None
            self.preview.clear()
            self.message.show_problem(exc.message)
        else:
            self.preview.show_rows(
                [
                    (self.tr("Subject"), info.subject),
                    (self.tr("Alternative names"), list(info.sans)),
                    (self.tr("Requested extensions"), [extension_text(e) for e in info.extensions]),
                    (self.tr("Key"), info.key_description),
                    (self.tr("Signature"), info.signature_algorithm),
                ]
            )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.pem is not None

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, CsrWizard)
        save, copy = self.save_check.isChecked(), self.clipboard_check.isChecked()
        if self.pem is None:
            return False
        if not (save or copy):
            self.message.show_problem(
                self.tr("Choose where the request goes: a file, the clipboard or both.")
            )
            return False
        path = None
        if save:
            path = wizard.prompts.choose_save_file(
                self.tr("Save Certificate Signing Request"),
                f"{file_stem(wizard.entry.alias)}.csr",
                QCoreApplication.translate("FileFilters", CSR_FILTER),
            )
            if path is None:  # the file dialog was cancelled: stay here
                return False
        wizard.outcome = CsrResult(wizard.entry.alias, self.pem, path, copy)
        return True


class CsrWizard(PkiWizard):
    """Collects a :class:`CsrRequest`; Finish leaves a :class:`CsrResult` in ``outcome``."""

    PAGES = (CsrSubjectPage, CsrNamesPage, CsrExtensionsPage, CsrPreviewPage)

    def __init__(self, entry: KeyPairEntry, prompts: Prompts, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("csrWizard")
        self.setWindowTitle(self.tr("Create Certificate Signing Request"))
        self.entry = entry
        self.prompts = prompts
        self.default = default_csr_request(entry)
        self.outcome: CsrResult | None = None
        self._build_pages()
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Create"))

    def request(self) -> CsrRequest:
        extensions = self.page_of(CsrExtensionsPage)
        return dataclasses.replace(
            self.default,
            subject=self.page_of(CsrSubjectPage).subject.fields(),
            sans=self.page_of(CsrNamesPage).editor.sans(),
            extensions=extensions.editor.extensions(),
            signature=extensions.signature.choice(),
        )

    def reject(self) -> None:
        self.outcome = None
        super().reject()

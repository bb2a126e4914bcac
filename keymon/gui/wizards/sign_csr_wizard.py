"""Sign a certificate signing request with a CA key pair of the keystore.

The first page checks that the selected key pair is a CA and reads the request
(a file or the clipboard), showing what it asks for and whether its signature
verifies. The second chooses the validity, the template and which requested
extensions to copy; the third previews the issued certificate and how to write
it (alone or with the CA chain, PEM or PKCS#7). The keystore is never changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from keymon.core.entries import KeyPairEntry
from keymon.core.errors import KeymonError
from keymon.core.expiry import utcnow
from keymon.core.x509.ca import BundleFormat, SignedCertificate, check_ca, issued_bundle, sign_csr
from keymon.core.x509.csr import CsrInfo
from keymon.core.x509.extensions import decode_extensions, serial_colon
from keymon.core.x509.keygen import key_kind
from keymon.core.x509.templates import ExtensionSet, Template
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.prompts import Prompts
from keymon.gui.wizards.building_blocks import (
    PkiWizard,
    SourcePicker,
    SummaryView,
    WizardPage,
    extension_text,
    file_stem,
    set_tab_order,
)
from keymon.gui.wizards.key_choices import SignatureCombo

CSR_FILTER = QT_TRANSLATE_NOOP(
    "FileFilters", "Certificate signing requests (*.csr *.p10 *.req *.pem *.der);;All files (*)"
)


@dataclass(frozen=True)
class SignCsrResult:
    """The issued certificate and the bytes to write to ``path`` (not yet written)."""

    signed: SignedCertificate
    data: bytes
    path: Path


class CsrSourcePage(WizardPage):
    """The CA (checked) and the request (read and shown)."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        assert isinstance(wizard, SignCsrWizard)
        self.setTitle(self.tr("Certificate Signing Request"))
        self.setSubTitle(
            self.tr("Read the request a partner sent you, from a file or the clipboard.")
        )
        self.ca_label = QLabel(
            self.tr("CA key pair: “{alias}” ({name}).").format(
                alias=wizard.ca.alias, name=wizard.ca.certificate.summary.subject_cn
            ),
            self,
        )
        self.ca_label.setObjectName("caLabel")
        self.ca_label.setWordWrap(True)
        self.source = SourcePicker(
            wizard.prompts,
            self.tr("Open Request"),
            QCoreApplication.translate("FileFilters", CSR_FILTER),
            self,
        )
        self.source.file_button.setObjectName("csrFileButton")
        self.source.paste_button.setObjectName("csrPasteButton")
        self.source.loaded.connect(self._read)
        self.source.failed.connect(self._refuse)
        self.details = SummaryView("csrDetails", self.tr("The request"), self)
        self.details.setPlaceholderText(
            self.tr("What the request asks for appears here once it is read.")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.ca_label)
        layout.addWidget(self.source)
        layout.addWidget(self.message)
        layout.addWidget(self.details, 1)
        set_tab_order(self.source.file_button, self.source.paste_button, self.details)
        if wizard.ca_problem is not None:
            self.message.show_problem(wizard.ca_problem)
            self.source.setEnabled(False)

    def _wizard(self) -> SignCsrWizard:
        wizard = self.wizard()
        assert isinstance(wizard, SignCsrWizard)
        return wizard

    def _read(self, data: bytes, source: str) -> None:
        try:
            csr = CsrInfo.load(data)
        except KeymonError as exc:
            self._refuse(exc.message)
            return
        self._wizard().csr = csr
        valid = csr.signature_valid
        check = (
            self.tr("Verifies: the requester holds the private key")
            if valid
            else self.tr("Does not verify: the request was altered or damaged")
        )
        self.details.show_rows(
            [
                (self.tr("Subject"), csr.subject or self.tr("(empty)")),
                (self.tr("Alternative names"), list(csr.sans)),
                (self.tr("Requested extensions"), [extension_text(e) for e in csr.extensions]),
                (self.tr("Key"), csr.key_description),
                (self.tr("Signature"), csr.signature_algorithm),
                (self.tr("Signature check"), check),
            ]
        )
        if valid:
            self.message.show_hint(self.tr("Read the request from {source}.").format(source=source))
        else:
            self.message.show_problem(
                self.tr("The signature of the request does not verify; it cannot be signed.")
            )
        self.completeChanged.emit()

    def _refuse(self, text: str) -> None:
        self._wizard().csr = None
        self.details.clear()
        self.message.show_problem(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        wizard = self._wizard()
        return wizard.ca_problem is None and wizard.csr is not None and wizard.csr.signature_valid


class IssuePage(WizardPage):
    """Validity, template, requested extensions to copy, signature."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        assert isinstance(wizard, SignCsrWizard)
        self.setTitle(self.tr("Certificate"))
        self.setSubTitle(
            self.tr("What the issued certificate allows. A request never makes itself a CA.")
        )
        self.days = QSpinBox(self)
        self.days.setObjectName("validityDaysSpin")
        self.days.setAccessibleName(self.tr("Validity in days"))
        self.days.setRange(1, 36500)
        self.days.setValue(365)
        self.days.valueChanged.connect(self._days_changed)
        self._days_changed(self.days.value())
        self.template = QComboBox(self)
        self.template.setObjectName("templateCombo")
        self.template.setAccessibleName(self.tr("Template"))
        self.template.addItem(self.tr("TLS client"), Template.TLS_CLIENT)
        self.template.addItem(self.tr("TLS server"), Template.TLS_SERVER)
        self.template.addItem(self.tr("Certificate authority"), Template.CA)
        self.copy_sans = QCheckBox(self.tr("Copy the requested &alternative names"), self)
        self.copy_sans.setObjectName("copySansCheck")
        self.copy_sans.setChecked(True)
        self.copy_ku = QCheckBox(self.tr("Use the requested &key usage"), self)
        self.copy_ku.setObjectName("copyKeyUsageCheck")
        self.copy_eku = QCheckBox(self.tr("Use the requested &extended key usage"), self)
        self.copy_eku.setObjectName("copyEkuCheck")
        self.signature = SignatureCombo(self)
        self.signature.set_key(wizard.ca.private_key)
        for box in (self.copy_sans, self.copy_ku, self.copy_eku):
            box.toggled.connect(self.message.clear_message)
        self.template.currentIndexChanged.connect(self.message.clear_message)
        form = QFormLayout()
        form.addRow(self.tr("&Validity:"), self.days)
        form.addRow(self.tr("&Template:"), self.template)
        form.addRow(self.tr("Si&gnature:"), self.signature)
        copy = QGroupBox(self.tr("From the request"), self)
        copy_layout = QVBoxLayout(copy)
        for box in (self.copy_sans, self.copy_ku, self.copy_eku):
            copy_layout.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(copy)
        layout.addStretch(1)
        layout.addWidget(self.message)
        set_tab_order(
            self.days, self.template, self.signature, self.copy_sans, self.copy_ku, self.copy_eku
        )

    def _days_changed(self, days: int) -> None:
        self.days.setSuffix(self.tr(" days", "", days))  # " day" for 1 where the language has it

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, SignCsrWizard)
        requested = wizard.csr.requested if wizard.csr is not None else ExtensionSet()
        self.copy_sans.setEnabled(bool(requested.subject_alt_names))
        self.copy_ku.setEnabled(bool(requested.key_usage))
        self.copy_eku.setEnabled(bool(requested.extended_key_usage))

    def extensions(self) -> ExtensionSet:
        """The template's extensions with the requested ones chosen (UsageError if refused)."""
        wizard = self.wizard()
        assert isinstance(wizard, SignCsrWizard) and wizard.csr is not None
        csr = wizard.csr
        template = self.template.currentData()
        assert isinstance(template, Template)
        ext = template.extensions(key_kind(csr.public_key) or "ec")
        requested = csr.requested
        if self.copy_ku.isChecked() and requested.key_usage:
            ext = dataclasses.replace(
                ext,
                key_usage=requested.key_usage,
                key_usage_critical=requested.key_usage_critical,
            )
        if self.copy_eku.isChecked() and requested.extended_key_usage:
            ext = dataclasses.replace(
                ext,
                extended_key_usage=requested.extended_key_usage,
                extended_key_usage_critical=requested.extended_key_usage_critical,
            )
        return ext

    def problem(self) -> str | None:
        try:
            self.extensions()
        except KeymonError as exc:
            return exc.message
        return None


class IssuedPage(WizardPage):
    """The issued certificate, and how it is written."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Issued Certificate"))
        self.setSubTitle(self.tr("Save it and send it back to the requester."))
        self.preview = SummaryView("issuedPreview", self.tr("The issued certificate"), self)
        self.with_chain = QCheckBox(self.tr("Include the CA &chain"), self)
        self.with_chain.setObjectName("withChainCheck")
        self.with_chain.setChecked(True)
        self.format = QComboBox(self)
        self.format.setObjectName("formatCombo")
        self.format.setAccessibleName(self.tr("File format"))
        self.format.addItem(self.tr("PEM (.pem)"), "pem")
        self.format.addItem(self.tr("PKCS#7 (.p7b)"), "p7b")
        self.signed: SignedCertificate | None = None
        output = QGroupBox(self.tr("Output"), self)
        form = QFormLayout(output)
        form.addRow(self.with_chain)
        form.addRow(self.tr("&Format:"), self.format)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(output)
        layout.addWidget(self.message)
        set_tab_order(self.preview, self.with_chain, self.format)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, SignCsrWizard) and wizard.csr is not None
        issue = wizard.page_of(IssuePage)
        self.message.clear_message()
        try:
            self.signed = sign_csr(
                wizard.ca,
                wizard.csr,
                days=issue.days.value(),
                template=issue.extensions(),
                copy_requested=issue.copy_sans.isChecked(),
                now=wizard.now,
                signature=issue.signature.choice(),
            )
        except KeymonError as exc:
            self.signed = None
            self.preview.clear()
            self.message.show_problem(exc.message)
        else:
            s = self.signed.cert.summary
            self.preview.show_rows(
                [
                    (self.tr("Subject"), s.subject),
                    (self.tr("Issuer"), s.issuer),
                    (self.tr("Serial"), serial_colon(s.serial)),
                    (self.tr("Valid from"), f"{s.not_before:%Y-%m-%d %H:%M} UTC"),
                    (self.tr("Valid until"), f"{s.not_after:%Y-%m-%d %H:%M} UTC"),
                    (self.tr("Signature"), s.signature_algorithm),
                    (
                        self.tr("Extensions"),
                        [extension_text(e) for e in decode_extensions(self.signed.cert)],
                    ),
                    *((self.tr("Note"), note) for note in self.signed.notes),
                ]
            )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.signed is not None

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, SignCsrWizard)
        if self.signed is None:
            return False
        fmt: BundleFormat = "p7b" if self.format.currentData() == "p7b" else "pem"
        stem = file_stem(self.signed.cert.summary.subject_cn)
        path = wizard.prompts.choose_save_file(
            self.tr("Save Issued Certificate"),
            f"{stem}.{fmt}",
            self.tr("PKCS#7 (*.p7b)") if fmt == "p7b" else self.tr("PEM (*.pem *.crt)"),
        )
        if path is None:
            return False
        data = issued_bundle(
            self.signed.cert, wizard.ca.chain, with_chain=self.with_chain.isChecked(), fmt=fmt
        )
        wizard.outcome = SignCsrResult(self.signed, data, path)
        return True


class SignCsrWizard(PkiWizard):
    """Finish leaves a :class:`SignCsrResult` in ``outcome``."""

    PAGES = (CsrSourcePage, IssuePage, IssuedPage)

    def __init__(
        self,
        ca: KeyPairEntry,
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        now: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signCsrWizard")
        self.setWindowTitle(self.tr("Sign Certificate Signing Request"))
        self.ca = ca
        self.prompts = prompts
        self.now = now or utcnow()
        self.csr: CsrInfo | None = None
        self.outcome: SignCsrResult | None = None
        try:
            check_ca(ca, self.now)
        except KeymonError as exc:
            self.ca_problem: str | None = exc.message
        else:
            self.ca_problem = None
        self._build_pages()
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Save"))

    def reject(self) -> None:
        self.outcome = None
        super().reject()

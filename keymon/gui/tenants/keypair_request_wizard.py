"""Generate Key Pair on a tenant: alias, key, subject and validity in one page.

The tenant makes the key (KeyPairGenerationRequests); Finish leaves the
:class:`~keymon.core.sapci.api.KeyPairRequest` in ``outcome`` and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget, QWizard

from keymon.core.aliases import alias_key, validate_alias
from keymon.core.errors import UsageError
from keymon.core.expiry import utcnow
from keymon.core.sapci.api import KeyPairRequest
from keymon.core.sapci.mapping import is_reserved
from keymon.gui.wizards.building_blocks import PkiWizard, SubjectForm, WizardPage

#: (label, key type, size, curve, signature algorithm as the tenant names it).
KEY_CHOICES: tuple[tuple[str, str, int, str | None, str], ...] = (
    ("RSA 4096", "RSA", 4096, None, "SHA-512/RSA"),
    ("RSA 3072", "RSA", 3072, None, "SHA-256/RSA"),
    ("RSA 2048", "RSA", 2048, None, "SHA-256/RSA"),
    ("EC P-256 (secp256r1)", "EC", 256, "secp256r1", "SHA-256/ECDSA"),
    ("EC P-384 (secp384r1)", "EC", 384, "secp384r1", "SHA-384/ECDSA"),
    ("EC P-521 (secp521r1)", "EC", 521, "secp521r1", "SHA-512/ECDSA"),
    # The API generates DSA keys too (KeyType "DSA"); for old receivers only.
    ("DSA 2048", "DSA", 2048, None, "SHA-256/DSA"),
)


class RequestPage(WizardPage):
    """Everything the tenant needs to make the key pair and its self-signed certificate."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Key Pair on the Tenant"))
        self.setSubTitle(
            self.tr(
                "The tenant makes the key and keeps it; keymon never sees the private key. "
                "Download its CSR afterwards with Create CSR…."
            )
        )
        self.alias_edit = QLineEdit(self)
        self.alias_edit.setObjectName("aliasEdit")
        self.alias_edit.setAccessibleName(self.tr("Alias"))
        self.key_combo = QComboBox(self)
        self.key_combo.setObjectName("keyCombo")
        self.key_combo.setAccessibleName(self.tr("Key type and size"))
        for label, *_rest in KEY_CHOICES:
            self.key_combo.addItem(label)
        self.days_spin = QSpinBox(self)
        self.days_spin.setObjectName("validityDays")
        self.days_spin.setAccessibleName(self.tr("Validity in days"))
        self.days_spin.setRange(1, 3650)
        self.days_spin.setValue(365)
        self.days_spin.setSuffix(self.tr(" days"))
        self.subject = SubjectForm(self)
        form = QFormLayout(self)
        form.addRow(self.tr("&Alias:"), self.alias_edit)
        form.addRow(self.tr("&Key:"), self.key_combo)
        form.addRow(self.tr("&Validity:"), self.days_spin)
        form.addRow(self.subject)
        form.addRow(self.message)

    def _wizard(self) -> TenantKeyPairWizard:
        wizard = self.wizard()
        assert isinstance(wizard, TenantKeyPairWizard)
        return wizard

    def problem(self) -> str | None:
        try:
            alias = validate_alias(self.alias_edit.text())
        except UsageError as exc:
            return exc.message
        if is_reserved(alias):
            return self.tr("The alias “{alias}” is reserved for SAP.").format(alias=alias)
        if alias_key(alias) in {alias_key(a) for a in self._wizard().aliases}:
            return self.tr("The tenant already has an entry named “{alias}”.").format(alias=alias)
        problem = self.subject.problem()
        if problem is not None:
            return problem
        if not self.subject.fields().c:
            return self.tr("The tenant needs a country (C), e.g. DE.")
        return None

    def validatePage(self) -> bool:
        if not super().validatePage():
            return False
        fields = self.subject.fields()
        _label, kind, size, curve, signature = KEY_CHOICES[self.key_combo.currentIndex()]
        start = self._wizard().now.replace(microsecond=0)
        self._wizard().outcome = KeyPairRequest(
            alias=validate_alias(self.alias_edit.text()),
            common_name=fields.cn,
            country=fields.c,
            key_type=kind,
            key_size=size,
            curve=curve,
            signature_algorithm=signature,
            organization=fields.o or None,
            organization_unit=fields.ou or None,
            locality=fields.l or None,
            state=fields.st or None,
            email=fields.email or None,
            valid_not_before=start,
            valid_not_after=start + dt.timedelta(days=self.days_spin.value()),
        )
        return True


class TenantKeyPairWizard(PkiWizard):
    """Finish leaves the tenant's :class:`KeyPairRequest` in ``outcome``."""

    PAGES = (RequestPage,)

    def __init__(
        self, tenant_name: str, aliases: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tenantKeyPairWizard")
        self.setWindowTitle(self.tr("Generate Key Pair on Tenant {name}").format(name=tenant_name))
        self.aliases = list(aliases)
        self.now = utcnow()
        self.outcome: KeyPairRequest | None = None
        self._build_pages()
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Generate"))

    @property
    def request_page(self) -> RequestPage:
        return self.page_of(RequestPage)

    def reject(self) -> None:
        self.outcome = None
        super().reject()

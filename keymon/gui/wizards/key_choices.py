"""Choices about keys and extensions: key type and size, signature, template and usages.

* :class:`KeyChoice` — key type, then size (RSA) or curve (EC), then the signatures
  that fit; :class:`SignatureCombo` — the signatures that fit a given key.
* :class:`ExtensionsEditor` — a template fills key usage, extended key usage and the
  CA flag, each adjustable (the template shows "Custom" when they no longer match);
  :class:`ExtensionsPage` is a wizard page around it.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes, PublicKeyTypes
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from keymon.core.errors import UsageError
from keymon.core.x509.keygen import (
    DEFAULT_RSA_SIZE,
    EC_CURVES,
    RSA_SIZES,
    KeySpec,
    SignatureChoice,
)
from keymon.core.x509.templates import EKU_CHOICES, ExtensionSet, KeyKind, KeyUsageFlag, Template
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.wizards.building_blocks import WizardPage, set_tab_order

#: Core's labels of key usages, extended key usages and signatures, for lupdate; they are
#: shown through :func:`choice_label` (core stays English, the form is translated).
CHOICE_LABELS = (
    QT_TRANSLATE_NOOP("Choices", "Digital Signature"),
    QT_TRANSLATE_NOOP("Choices", "Non Repudiation"),
    QT_TRANSLATE_NOOP("Choices", "Key Encipherment"),
    QT_TRANSLATE_NOOP("Choices", "Data Encipherment"),
    QT_TRANSLATE_NOOP("Choices", "Key Agreement"),
    QT_TRANSLATE_NOOP("Choices", "Certificate Sign"),
    QT_TRANSLATE_NOOP("Choices", "CRL Sign"),
    QT_TRANSLATE_NOOP("Choices", "TLS Web Server Authentication"),
    QT_TRANSLATE_NOOP("Choices", "TLS Web Client Authentication"),
    QT_TRANSLATE_NOOP("Choices", "Code Signing"),
    QT_TRANSLATE_NOOP("Choices", "E-mail Protection"),
    QT_TRANSLATE_NOOP("Choices", "Time Stamping"),
    QT_TRANSLATE_NOOP("Choices", "OCSP Signing"),
    QT_TRANSLATE_NOOP("Choices", "SHA-256 with RSA"),
    QT_TRANSLATE_NOOP("Choices", "SHA-384 with RSA"),
    QT_TRANSLATE_NOOP("Choices", "SHA-512 with RSA"),
    QT_TRANSLATE_NOOP("Choices", "SHA-256 with RSASSA-PSS"),
    QT_TRANSLATE_NOOP("Choices", "SHA-384 with RSASSA-PSS"),
    QT_TRANSLATE_NOOP("Choices", "SHA-512 with RSASSA-PSS"),
    QT_TRANSLATE_NOOP("Choices", "ECDSA with SHA-256"),
    QT_TRANSLATE_NOOP("Choices", "ECDSA with SHA-384"),
    QT_TRANSLATE_NOOP("Choices", "ECDSA with SHA-512"),
)


def choice_label(label: str) -> str:
    """A label of :data:`CHOICE_LABELS` (from core) as the user reads it."""
    return QCoreApplication.translate("Choices", label)


class ExtensionsEditor(QWidget):
    """A template fills key usage, extended key usage and the CA flag; each can be changed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind: KeyKind = "rsa"
        self._updating = False
        self._extra_eku: tuple[str, ...] = ()
        self._base = ExtensionSet()
        self.template_combo = QComboBox(self)
        self.template_combo.setObjectName("templateCombo")
        self.template_combo.setAccessibleName(self.tr("Template"))
        labels = {
            Template.TLS_CLIENT: self.tr("TLS client"),
            Template.TLS_SERVER: self.tr("TLS server"),
            Template.CA: self.tr("Certificate authority"),
        }
        for template in Template:
            self.template_combo.addItem(labels[template], template)
        self.template_combo.addItem(self.tr("Custom"), None)
        self.template_combo.activated.connect(self._template_chosen)
        self.ku_boxes = {f: self._box(choice_label(f.label), f"ku_{f.value}") for f in KeyUsageFlag}
        self.eku_boxes = {
            o: self._box(choice_label(label), "eku_" + o.replace(".", "_"))
            for o, label in EKU_CHOICES
        }
        self.ca_box = self._box(self.tr("Certificate authority (may sign certificates)"), "caCheck")
        ku_group = QGroupBox(self.tr("Key usage"), self)
        eku_group = QGroupBox(self.tr("Extended key usage"), self)
        for group, boxes in ((ku_group, self.ku_boxes), (eku_group, self.eku_boxes)):
            grid = QGridLayout(group)
            for i, box in enumerate(boxes.values()):
                grid.addWidget(box, i // 2, i % 2)
        bc_group = QGroupBox(self.tr("Basic constraints"), self)
        QVBoxLayout(bc_group).addWidget(self.ca_box)
        form = QFormLayout()
        form.addRow(self.tr("&Template:"), self.template_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(ku_group)
        layout.addWidget(eku_group)
        layout.addWidget(bc_group)
        set_tab_order(
            self.template_combo, *self.ku_boxes.values(), *self.eku_boxes.values(), self.ca_box
        )
        self.apply_template(Template.TLS_CLIENT)

    def _box(self, text: str, name: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setObjectName(name)
        box.toggled.connect(self._box_toggled)
        return box

    def template(self) -> Template | None:
        """The template the boxes match (None: Custom)."""
        data = self.template_combo.currentData()
        return data if isinstance(data, Template) else None

    def set_key_kind(self, kind: KeyKind) -> None:
        """Templates depend on the key (RSA adds Key Encipherment); re-apply the chosen one."""
        self._kind = kind
        template = self.template()
        if template is not None:
            self.apply_template(template)

    def apply_template(self, template: Template) -> None:
        self._extra_eku = ()
        self._show(template.extensions(self._kind))

    def set_extensions(self, extensions: ExtensionSet) -> None:
        """Show ``extensions`` (e.g. a certificate's); OIDs without a box are kept as they are."""
        known = {oid for oid, _ in EKU_CHOICES}
        self._extra_eku = tuple(o for o in extensions.extended_key_usage if o not in known)
        self._show(extensions)

    def _show(self, extensions: ExtensionSet) -> None:
        self._base = extensions
        self._updating = True
        for flag, box in self.ku_boxes.items():
            box.setChecked(flag in extensions.key_usage)
        for oid, box in self.eku_boxes.items():
            box.setChecked(oid in extensions.extended_key_usage)
        self.ca_box.setChecked(bool(extensions.ca))
        self._updating = False
        self._match_template()
        self.changed.emit()

    def _template_chosen(self, _index: int) -> None:
        template = self.template()
        if template is not None:
            self.apply_template(template)

    def _box_toggled(self) -> None:
        if not self._updating:
            self._match_template()
            self.changed.emit()

    def _match_template(self) -> None:
        current = self._chosen()
        match = next(
            (t for t in Template if _same(t.extensions(self._kind), current)),
            None,
        )
        self.template_combo.setCurrentIndex(self.template_combo.findData(match))

    def _chosen(self) -> tuple[frozenset[KeyUsageFlag], tuple[str, ...], bool]:
        usage = frozenset(f for f, box in self.ku_boxes.items() if box.isChecked())
        eku = tuple(o for o, box in self.eku_boxes.items() if box.isChecked()) + self._extra_eku
        return usage, eku, self.ca_box.isChecked()

    def extensions(self) -> ExtensionSet:
        """The extensions as chosen (no alternative names); UsageError for a bad combination."""
        usage, eku, ca = self._chosen()
        base = self._base
        bc: bool | None = ca if (ca or base.ca is not None or self.template()) else None
        return ExtensionSet(
            usage,
            eku,
            ca=bc,
            path_length=base.path_length if ca else None,
            key_usage_critical=base.key_usage_critical,
            extended_key_usage_critical=base.extended_key_usage_critical,
            basic_constraints_critical=base.basic_constraints_critical,
        )

    def problem(self) -> str | None:
        try:
            self.extensions()
        except UsageError as exc:
            return exc.message
        return None


def _same(
    extensions: ExtensionSet, chosen: tuple[frozenset[KeyUsageFlag], tuple[str, ...], bool]
) -> bool:
    usage, eku, ca = chosen
    return (
        extensions.key_usage == usage
        and set(extensions.extended_key_usage) == set(eku)
        and bool(extensions.ca) == ca
    )


class SignatureCombo(QComboBox):
    """The signature algorithms that fit a key (or a key spec), the usual one first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatureCombo")
        self.setAccessibleName(self.tr("Signature algorithm"))

    def set_key(self, key: KeySpec | PrivateKeyTypes | PublicKeyTypes) -> None:
        keep = self.choice()
        self.clear()
        for choice in SignatureChoice.for_key(key):
            self.addItem(choice_label(choice.label), choice)
        index = self.findData(keep) if keep is not None else -1
        self.setCurrentIndex(max(index, 0))
        self.setEnabled(self.count() > 1)

    def choice(self) -> SignatureChoice | None:
        data = self.currentData()
        return data if isinstance(data, SignatureChoice) else None


class KeyChoice(QWidget):
    """Key type, then its size (RSA) or curve (EC), then the signatures that fit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("keyTypeCombo")
        self.type_combo.setAccessibleName(self.tr("Key type"))
        self.type_combo.addItem(self.tr("RSA"), "rsa")
        self.type_combo.addItem(self.tr("EC (elliptic curve)"), "ec")
        self.type_combo.addItem(self.tr("Ed25519"), "ed25519")
        self.size_combo = QComboBox(self)
        self.size_combo.setObjectName("keySizeCombo")
        self.size_combo.setAccessibleName(self.tr("Key size or curve"))
        self.signature_combo = SignatureCombo(self)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.tr("Key &type:"), self.type_combo)
        self.form.addRow(self.tr("Key si&ze:"), self.size_combo)
        self.form.addRow(self.tr("Si&gnature:"), self.signature_combo)
        set_tab_order(self.type_combo, self.size_combo, self.signature_combo)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.size_combo.currentIndexChanged.connect(self._size_changed)
        self.signature_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._signature_chosen = False  # by the user: kept when the size or curve changes
        self.signature_combo.activated.connect(self._signature_activated)
        self._type_changed()

    def _type_changed(self) -> None:
        kind = self.type_combo.currentData()
        self.size_combo.blockSignals(True)
        self.size_combo.clear()
        if kind == "rsa":
            for size in RSA_SIZES:
                self.size_combo.addItem(self.tr("{bits} bits").format(bits=size), size)
            self.size_combo.setCurrentIndex(self.size_combo.findData(DEFAULT_RSA_SIZE))
        elif kind == "ec":
            for curve in EC_CURVES:
                self.size_combo.addItem(curve, curve)
        else:
            self.size_combo.addItem(self.tr("(fixed)"), None)
        self.size_combo.setEnabled(kind != "ed25519")
        self.size_combo.blockSignals(False)
        self._signature_chosen = False  # another key type: start from its usual signature
        self._size_changed()

    def select(self, value: str) -> None:
        """Preselect a key written as in the settings: "rsa:3072", "ec:P-256", "ed25519"."""
        kind, _, detail = value.partition(":")
        index = self.type_combo.findData(kind)
        if index < 0:
            return
        self.type_combo.setCurrentIndex(index)
        wanted: object = int(detail) if kind == "rsa" and detail.isdigit() else detail
        found = self.size_combo.findData(wanted)
        if found >= 0:
            self.size_combo.setCurrentIndex(found)

    def _signature_activated(self) -> None:
        self._signature_chosen = True

    def _size_changed(self) -> None:
        if not self._signature_chosen:
            self.signature_combo.clear()  # the usual signature for this size or curve
        self.signature_combo.set_key(self.spec())
        self.changed.emit()

    def spec(self) -> KeySpec:
        kind = self.type_combo.currentData()
        detail = self.size_combo.currentData()
        if kind == "rsa":
            return KeySpec.rsa(int(detail))
        if kind == "ec":
            return KeySpec.ec(detail)
        return KeySpec.ed25519()

    def signature(self) -> SignatureChoice | None:
        return self.signature_combo.choice()

    def problem(self) -> str | None:
        choice = self.signature()
        try:
            if choice is not None:
                choice.require_compatible(self.spec())
        except UsageError as exc:
            return exc.message
        return None


class ExtensionsPage(WizardPage):
    """Key usage, extended key usage and the CA flag, from a template."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Extensions"))
        self.setSubTitle(
            self.tr("Choose a template; adjust the key usages it sets if the partner needs it.")
        )
        self.editor = ExtensionsEditor(self)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.editor)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.message)

    def problem(self) -> str | None:
        return self.editor.problem()

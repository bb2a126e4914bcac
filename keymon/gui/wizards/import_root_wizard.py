"""Import root CA: trust the root of a server's chain, after comparing its fingerprint.

The first page proposes a certificate (the root the server sent; else a root fetched
from the chain's AIA URL, since the server did not send it; else the top certificate
it sent), shows what to compare with what the receiver's administrator handed over,
and warns about certificates that make a poor trust anchor. The second page asks
for a unique alias. Nothing changes before Finish, which leaves the new
:class:`CertificateEntry` in ``outcome``; the caller adds it with one undo command.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from keymon.core.aliases import alias_key, suggest_alias, validate_alias
from keymon.core.entries import CertificateEntry, CertInfo
from keymon.core.errors import UsageError
from keymon.core.expiry import utcnow
from keymon.core.net.result import ProbeResult
from keymon.core.x509.chain import complete_chain
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.wizards.building_blocks import PkiWizard, SummaryView, WizardPage

TRUST_STATEMENT = QT_TRANSLATE_NOOP(
    "ImportRoot", "A trusted root is trusted for every certificate it signs."
)
_WEAK_HASHES = ("sha1", "md5", "md2")


@dataclass(frozen=True)
class RootCandidate:
    cert: CertInfo
    origin: str


def colon_fingerprint(hex_digest: str) -> str:
    """``AB:CD:…`` from a hex digest."""
    text = hex_digest.replace(":", "").upper()
    return ":".join(text[i : i + 2] for i in range(0, len(text), 2))


def root_candidates(result: ProbeResult) -> list[RootCandidate]:
    """What to offer, best first: sent root, fetched root, then the sent CA certificates."""
    if not result.chain:
        return []
    ordered = complete_chain(result.chain[:1], result.chain[1:]).certificates
    top = ordered[-1]
    out: list[RootCandidate] = []
    if top.summary.self_signed:
        out.append(
            RootCandidate(top, QCoreApplication.translate("ImportRoot", "Root sent by the server"))
        )
    for fetched in result.fetched_issuers:
        if fetched.cert.summary.self_signed:
            origin = QCoreApplication.translate("ImportRoot", "Root fetched from {url}")
            out.append(RootCandidate(fetched.cert, origin.format(url=fetched.url)))
    for fetched in result.fetched_issuers:
        if not fetched.cert.summary.self_signed:
            origin = QCoreApplication.translate("ImportRoot", "Issuer fetched from {url}")
            out.append(RootCandidate(fetched.cert, origin.format(url=fetched.url)))
    for cert in reversed(ordered):
        if cert is top and top.summary.self_signed:
            continue
        label = (
            QCoreApplication.translate("ImportRoot", "Top certificate sent by the server")
            if cert is top
            else QCoreApplication.translate("ImportRoot", "Sent by the server")
        )
        out.append(RootCandidate(cert, label))
    seen: set[CertInfo] = set()
    unique = []
    for candidate in out:
        if candidate.cert not in seen:
            seen.add(candidate.cert)
            unique.append(candidate)
    return unique


def anchor_warnings(cert: CertInfo, now: dt.datetime) -> list[str]:
    """Why ``cert`` makes a poor trust anchor (empty when nothing is wrong)."""
    s = cert.summary
    out: list[str] = []
    if s.self_signed and not s.is_ca:
        out.append(
            QCoreApplication.translate(
                "ImportRoot", "This is a self-signed end-entity certificate, not a CA."
            )
        )
    elif not s.is_ca:
        out.append(
            QCoreApplication.translate(
                "ImportRoot",
                "This certificate is not a CA: it cannot vouch for other certificates.",
            )
        )
    if s.not_after < now:
        text = QCoreApplication.translate("ImportRoot", "This certificate expired on {date}.")
        out.append(text.format(date=f"{s.not_after:%Y-%m-%d}"))
    elif s.not_before > now:
        text = QCoreApplication.translate(
            "ImportRoot", "This certificate is not valid before {date}."
        )
        out.append(text.format(date=f"{s.not_before:%Y-%m-%d}"))
    if s.key_algorithm == "RSA" and (s.key_size or 0) < 2048:
        text = QCoreApplication.translate(
            "ImportRoot", "Its key is weak (RSA {size}; at least 2048 bits are expected)."
        )
        out.append(text.format(size=s.key_size))
    signature = s.signature_algorithm.lower()
    if any(h in signature for h in _WEAK_HASHES):
        text = QCoreApplication.translate(
            "ImportRoot", "Its signature uses a broken hash ({algorithm})."
        )
        out.append(text.format(algorithm=s.signature_algorithm))
    return out


class ChooseRootPage(WizardPage):
    """Which certificate to trust, with what to compare and what to worry about."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Certificate to Trust"))
        self.setSubTitle(
            self.tr(
                "Compare the SHA-256 fingerprint with the one the server's administrator "
                "handed over before you trust it."
            )
        )
        self.combo = QComboBox(self)
        self.combo.setObjectName("rootCombo")
        self.combo.setAccessibleName(self.tr("Certificate to trust"))
        self.details = SummaryView("rootDetails", self.tr("Certificate details"), self)
        self.warnings = QLabel(self)
        self.warnings.setObjectName("rootWarnings")
        self.warnings.setWordWrap(True)
        self.statement = QLabel(QCoreApplication.translate("ImportRoot", TRUST_STATEMENT), self)
        self.statement.setObjectName("trustStatement")
        self.statement.setWordWrap(True)
        font = self.statement.font()
        font.setBold(True)
        self.statement.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.combo)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.warnings)
        layout.addWidget(self.statement)
        layout.addWidget(self.message)
        self.combo.currentIndexChanged.connect(self._show)

    def _wizard(self) -> ImportRootWizard:
        wizard = self.wizard()
        assert isinstance(wizard, ImportRootWizard)
        return wizard

    def initializePage(self) -> None:
        wizard = self._wizard()
        self.combo.clear()
        for candidate in wizard.candidates:
            text = f"{candidate.cert.summary.subject_cn} — {candidate.origin}"
            self.combo.addItem(text)
        self._show()

    def _show(self, *_args: object) -> None:
        cert = self._wizard().chosen
        if cert is None:
            self.details.show_rows([])
            self.warnings.clear()
            return
        s = cert.summary
        self.details.show_rows(
            [
                (self.tr("Subject"), s.subject),
                (self.tr("Issuer"), s.issuer),
                (self.tr("Valid from"), f"{s.not_before:%Y-%m-%d %H:%M} UTC"),
                (self.tr("Valid until"), f"{s.not_after:%Y-%m-%d %H:%M} UTC"),
                (self.tr("Key"), s.key_label),
                (self.tr("Signature"), s.signature_algorithm),
                (self.tr("SHA-256"), colon_fingerprint(s.sha256)),
            ]
        )
        warnings = anchor_warnings(cert, self._wizard().now)
        self.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings.setVisible(bool(warnings))

    def isComplete(self) -> bool:
        return self._wizard().chosen is not None


class AliasPage(WizardPage):
    """The alias of the new trusted entry: suggested from the CN, unique, editable."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Alias"))
        self.setSubTitle(self.tr("The name of the trusted certificate in the keystore."))
        self.alias_edit = QLineEdit(self)
        self.alias_edit.setObjectName("aliasEdit")
        self.alias_edit.setAccessibleName(self.tr("Alias"))
        self.alias_edit.textChanged.connect(self.message.clear_message)
        form = QFormLayout(self)
        form.addRow(self.tr("&Alias:"), self.alias_edit)
        form.addRow(self.message)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, ImportRootWizard)
        cert = wizard.chosen
        if cert is not None:
            self.alias_edit.setText(suggest_alias(cert.summary.subject_cn, wizard.aliases))

    def problem(self) -> str | None:
        wizard = self.wizard()
        assert isinstance(wizard, ImportRootWizard)
        try:
            alias = validate_alias(self.alias_edit.text())
        except UsageError as exc:
            return exc.message
        if alias_key(alias) in {alias_key(a) for a in wizard.aliases}:
            return self.tr("The keystore already has an entry named “{alias}”.").format(alias=alias)
        return None

    def validatePage(self) -> bool:
        if not super().validatePage():
            return False
        wizard = self.wizard()
        assert isinstance(wizard, ImportRootWizard)
        cert = wizard.chosen
        if cert is None:
            return False
        wizard.outcome = CertificateEntry(validate_alias(self.alias_edit.text()), cert)
        return True


class ImportRootWizard(PkiWizard):
    """Finish leaves the new trusted :class:`CertificateEntry` in ``outcome``."""

    PAGES = (ChooseRootPage, AliasPage)

    def __init__(
        self,
        result: ProbeResult,
        aliases: Sequence[str],
        parent: QWidget | None = None,
        *,
        now: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importRootWizard")
        self.setWindowTitle(self.tr("Import Root CA"))
        self.result_ = result
        self.aliases = list(aliases)
        self.now = now or utcnow()
        self.candidates = root_candidates(result)
        self.outcome: CertificateEntry | None = None
        self._build_pages()
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Trust"))

    @property
    def chosen(self) -> CertInfo | None:
        index = self.page_of(ChooseRootPage).combo.currentIndex()
        if 0 <= index < len(self.candidates):
            return self.candidates[index].cert
        return None

    def reject(self) -> None:
        self.outcome = None
        super().reject()

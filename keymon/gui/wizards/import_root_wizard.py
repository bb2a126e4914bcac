"""Import root CA: trust the root of a server's chain, after comparing its fingerprint.

The first page proposes a root CA: the root the server sent, else a root fetched through
the chain's AIA URLs. When there is none it says so plainly and offers to load the
root from a file (checked to be the issuer of the chain's top certificate) or, as a
conscious choice with a warning, to trust the top intermediate. It shows the details
and the SHA-256 fingerprint to compare with what the receiver's administrator handed
over, and warns about certificates that make a poor trust anchor. The second page asks
for a unique alias. Nothing changes before Finish, which leaves the new
:class:`CertificateEntry` in ``outcome``; the caller adds it with one undo command.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from keymon.core.aliases import alias_key, suggest_alias, validate_alias
from keymon.core.entries import CertificateEntry, CertInfo
from keymon.core.errors import KeymonError, UsageError
from keymon.core.expiry import utcnow
from keymon.core.formats.limits import read_input
from keymon.core.net.result import ProbeResult
from keymon.core.x509.anchor import root_from_file
from keymon.core.x509.chain import complete_chain
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.prompts import Prompts
from keymon.gui.wizards.building_blocks import PkiWizard, SummaryView, WizardPage

ROOT_FILTER = QT_TRANSLATE_NOOP(
    "ImportRoot", "Certificates (*.pem *.crt *.cer *.der *.p7b *.p7c);;All files (*)"
)
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


def chain_top(result: ProbeResult) -> CertInfo | None:
    """The top of the server's chain, completed with the issuers fetched through AIA."""
    if not result.chain:
        return None
    fetched = [f.cert for f in result.fetched_issuers]
    return complete_chain(result.chain[:1], [*result.chain[1:], *fetched]).certificates[-1]


def root_candidates(result: ProbeResult) -> list[RootCandidate]:
    """The roots to offer, best first: the root sent, then roots fetched through AIA."""
    if not result.chain:
        return []
    out: list[RootCandidate] = []
    for cert in result.chain:
        if cert.summary.self_signed:  # a self-signed server certificate: with a warning
            origin = (
                QCoreApplication.translate("ImportRoot", "Root sent by the server")
                if cert.summary.is_ca
                else QCoreApplication.translate(
                    "ImportRoot", "Self-signed certificate sent by the server"
                )
            )
            out.append(RootCandidate(cert, origin))
    for fetched in result.fetched_issuers:
        if fetched.cert.summary.self_signed:
            origin = QCoreApplication.translate("ImportRoot", "Root fetched from {url}")
            out.append(RootCandidate(fetched.cert, origin.format(url=fetched.url)))
    seen: set[CertInfo] = set()
    unique = []
    for candidate in out:
        if candidate.cert not in seen:
            seen.add(candidate.cert)
            unique.append(candidate)
    return unique


def intermediate_candidate(result: ProbeResult) -> RootCandidate | None:
    """The chain's top certificate when it is not a root (trusting it is a last resort)."""
    top = chain_top(result)
    if top is None or top.summary.self_signed:
        return None
    origin = QCoreApplication.translate(
        "ImportRoot", "Top certificate of the chain, an intermediate, not the root"
    )
    return RootCandidate(top, origin)


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
    elif not s.self_signed:
        out.append(
            QCoreApplication.translate(
                "ImportRoot",
                "This is an intermediate CA, not the root: trust ends when it is renewed, "
                "usually years before the root.",
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
        self.no_root = QLabel(self)
        self.no_root.setObjectName("noRootLabel")
        self.no_root.setWordWrap(True)
        self.combo = QComboBox(self)
        self.combo.setObjectName("rootCombo")
        self.combo.setAccessibleName(self.tr("Certificate to trust"))
        self.load_button = QPushButton(self.tr("&Load the Root CA from a File…"), self)
        self.load_button.setObjectName("loadRootButton")
        self.load_button.clicked.connect(self._load)
        self.intermediate_check = QCheckBox(self)
        self.intermediate_check.setObjectName("trustIntermediateCheck")
        self.intermediate_check.toggled.connect(self._intermediate_toggled)
        self.details = SummaryView("rootDetails", self.tr("Certificate details"), self)
        self.fingerprint = QLineEdit(self)
        self.fingerprint.setObjectName("fingerprintEdit")
        self.fingerprint.setReadOnly(True)
        self.fingerprint.setAccessibleName(self.tr("SHA-256 fingerprint"))
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.warnings = QLabel(self)
        self.warnings.setObjectName("rootWarnings")
        self.warnings.setWordWrap(True)
        self.statement = QLabel(QCoreApplication.translate("ImportRoot", TRUST_STATEMENT), self)
        self.statement.setObjectName("trustStatement")
        self.statement.setWordWrap(True)
        font = self.statement.font()
        font.setBold(True)
        self.statement.setFont(font)
        choose = QHBoxLayout()
        choose.addWidget(self.combo, 1)
        choose.addWidget(self.load_button)
        fingerprint = QFormLayout()
        fingerprint.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # full width
        fingerprint.addRow(self.tr("SHA-&256:"), self.fingerprint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.no_root)
        layout.addLayout(choose)
        layout.addWidget(self.intermediate_check)
        layout.addWidget(self.details, 1)
        layout.addLayout(fingerprint)
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
        has_root = any(c is not wizard.intermediate for c in wizard.candidates)
        self.no_root.setText(
            ""
            if has_root
            else self.tr(
                "The server does not send its root CA (normal), and none could be fetched "
                "through the AIA URLs of its chain. Load the root CA the server's "
                "administrator handed over from a file."
            )
        )
        self.no_root.setVisible(not has_root)
        top = wizard.base_intermediate
        self.intermediate_check.setVisible(top is not None and not has_root)
        if top is not None:
            self.intermediate_check.setText(
                self.tr("Trust the top intermediate “{name}” instead (not recommended)").format(
                    name=top.cert.summary.subject_cn
                )
            )
        self._fill(0)

    def _fill(self, current: int) -> None:
        wizard = self._wizard()
        self.combo.blockSignals(True)
        self.combo.clear()
        for candidate in wizard.candidates:
            self.combo.addItem(f"{candidate.cert.summary.subject_cn} — {candidate.origin}")
        self.combo.setCurrentIndex(current if wizard.candidates else -1)
        self.combo.blockSignals(False)
        self.combo.setEnabled(bool(wizard.candidates))
        self._show()
        self.completeChanged.emit()

    def _load(self) -> None:
        wizard = self._wizard()
        try:
            candidate = wizard.load_root()
        except KeymonError as exc:
            self.message.show_problem(exc.message)
            return
        self.message.clear_message()
        if candidate is not None:
            self._fill(wizard.candidates.index(candidate))

    def _intermediate_toggled(self, checked: bool) -> None:
        wizard = self._wizard()
        wizard.offer_intermediate(checked)
        self._fill(len(wizard.candidates) - 1 if checked else 0)

    def _show(self, *_args: object) -> None:
        cert = self._wizard().chosen
        if cert is None:
            self.details.show_rows([])
            self.fingerprint.clear()
            self.warnings.clear()
            self.warnings.setVisible(False)
            self.completeChanged.emit()
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
            ]
        )
        self.fingerprint.setText(colon_fingerprint(s.sha256))
        metrics = self.fingerprint.fontMetrics()  # all of it in view, never wrapped
        self.fingerprint.setMinimumWidth(metrics.horizontalAdvance(self.fingerprint.text()) + 16)
        self.fingerprint.setCursorPosition(0)
        warnings = anchor_warnings(cert, self._wizard().now)
        self.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings.setVisible(bool(warnings))
        self.completeChanged.emit()

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
        prompts: Prompts | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importRootWizard")
        self.setWindowTitle(self.tr("Import Root CA"))
        self.result_ = result
        self.aliases = list(aliases)
        self.now = now or utcnow()
        self.prompts = prompts
        self.candidates = root_candidates(result)
        self.base_intermediate = intermediate_candidate(result)
        self.intermediate: RootCandidate | None = None
        """The top intermediate while the user chose to be offered it."""
        self.outcome: CertificateEntry | None = None
        self._build_pages()
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Trust"))

    @classmethod
    def for_file(
        cls,
        certs: Sequence[CertInfo],
        file_name: str,
        aliases: Sequence[str],
        parent: QWidget | None = None,
    ) -> ImportRootWizard:
        """The same review for certificates read from a file (Add › Certificate)."""
        wizard = cls(ProbeResult("", 0, None, None, ()), aliases, parent)
        wizard.setObjectName("addCertificateWizard")
        wizard.setWindowTitle(
            QCoreApplication.translate("ImportRootWizard", "Add Trusted Certificate")
        )
        origin = QCoreApplication.translate("ImportRoot", "From {file}").format(file=file_name)
        wizard.candidates = [RootCandidate(c, origin) for c in certs]
        page = wizard.page_of(ChooseRootPage)
        page.setSubTitle(
            QCoreApplication.translate(
                "ImportRootWizard",
                "Compare the SHA-256 fingerprint with the one its owner handed over "
                "before you trust it.",
            )
        )
        page.load_button.hide()
        return wizard

    def load_root(self) -> RootCandidate | None:
        """Ask for a file with the root CA; it must have issued the chain's top certificate."""
        top = chain_top(self.result_)
        if self.prompts is None or top is None:
            return None
        path = self.prompts.choose_open_file(
            self.tr("Load the Root CA"),
            QCoreApplication.translate("ImportRoot", ROOT_FILTER),
        )
        if path is None:
            return None
        cert = root_from_file(read_input(path), top)
        known = next((c for c in self.candidates if c.cert == cert), None)
        if known is not None:
            return known
        origin = QCoreApplication.translate("ImportRoot", "Loaded from {file}").format(
            file=path.name
        )
        candidate = RootCandidate(cert, origin)
        self.candidates.insert(0, candidate)
        return candidate

    def offer_intermediate(self, offer: bool) -> None:
        if self.intermediate is not None:
            self.candidates.remove(self.intermediate)
            self.intermediate = None
        top = self.base_intermediate
        if offer and top is not None and all(c.cert != top.cert for c in self.candidates):
            self.intermediate = top
            self.candidates.append(top)

    @property
    def chosen(self) -> CertInfo | None:
        index = self.page_of(ChooseRootPage).combo.currentIndex()
        if 0 <= index < len(self.candidates):
            return self.candidates[index].cert
        return None

    def reject(self) -> None:
        self.outcome = None
        super().reject()

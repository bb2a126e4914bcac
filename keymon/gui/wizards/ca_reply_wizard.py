"""Import a CA reply: replace a key pair's self-signed certificate by the one the CA issued.

The first page reads the reply (a file or the clipboard: PKCS#7, a PEM or DER
chain, one certificate, PkiPath) and refuses one whose certificate does not carry
the entry's public key. The second shows the new chain with its verdict and says
which certificates come from the reply and which from the keystore. Finish leaves
the updated entry in ``outcome``; :mod:`keymon.gui.operations_pki` replaces the
entry with one undo command.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard

from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.errors import KeymonError
from keymon.core.expiry import utcnow
from keymon.core.x509.reply import ReplyPlan, apply_reply, load_reply, plan_reply
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.models.chain_model import ORIGIN_COLUMN
from keymon.gui.prompts import Prompts
from keymon.gui.views.chain_viewer import ChainViewer
from keymon.gui.wizards.building_blocks import (
    PkiWizard,
    SourcePicker,
    SummaryView,
    WizardPage,
    set_tab_order,
)

REPLY_FILTER = QT_TRANSLATE_NOOP(
    "FileFilters",
    "CA replies (*.p7b *.p7c *.p7 *.pem *.crt *.cer *.der *.pkipath);;All files (*)",
)


@dataclass(frozen=True)
class CaReplyResult:
    """The entry with its new chain (not yet in the keystore) and the plan behind it."""

    entry: KeyPairEntry
    plan: ReplyPlan


def _names(certs: Sequence[CertInfo]) -> list[str]:
    return [c.summary.subject_cn for c in certs]


class ReplySourcePage(WizardPage):
    """Where the reply comes from; it is read and checked at once."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        assert isinstance(wizard, CaReplyWizard)
        self.setTitle(self.tr("CA Reply"))
        self.setSubTitle(
            self.tr(
                "The certificate the CA issued for your request, usually with its chain: "
                "PKCS#7 (.p7b), PEM or DER certificates, or PkiPath."
            )
        )
        cert = wizard.entry.certificate.summary
        self.entry_label = QLabel(
            self.tr("Key pair “{alias}”, now certified by “{issuer}”.").format(
                alias=wizard.entry.alias, issuer=cert.issuer_cn
            ),
            self,
        )
        self.entry_label.setObjectName("entryLabel")
        self.entry_label.setWordWrap(True)
        self.source = SourcePicker(
            wizard.prompts,
            self.tr("Open CA Reply"),
            QCoreApplication.translate("FileFilters", REPLY_FILTER),
            self,
        )
        self.source.file_button.setObjectName("replyFileButton")
        self.source.paste_button.setObjectName("replyPasteButton")
        self.source.loaded.connect(self._read)
        self.source.failed.connect(self._refuse)
        self.contents = SummaryView("replyContents", self.tr("Certificates in the reply"), self)
        self.contents.setPlaceholderText(
            self.tr("The certificates of the reply appear here once it is read.")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.entry_label)
        layout.addWidget(self.source)
        layout.addWidget(self.message)
        layout.addWidget(self.contents, 1)
        set_tab_order(self.source.file_button, self.source.paste_button, self.contents)

    def _wizard(self) -> CaReplyWizard:
        wizard = self.wizard()
        assert isinstance(wizard, CaReplyWizard)
        return wizard

    def _read(self, data: bytes, source: str) -> None:
        wizard = self._wizard()
        try:
            certs = load_reply(data)
            plan = plan_reply(wizard.entry, certs, wizard.pool, wizard.trusted, wizard.now)
        except KeymonError as exc:
            self._refuse(exc.message)
            return
        wizard.plan = plan
        self.message.show_hint(
            self.tr("Read %n certificate(s) from {source}.", "", len(certs)).format(source=source)
        )
        self.contents.show_rows([(self.tr("Certificates"), [c.summary.subject for c in certs])])
        self.completeChanged.emit()

    def _refuse(self, text: str) -> None:
        self._wizard().plan = None
        self.contents.clear()
        self.message.show_problem(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._wizard().plan is not None


class ReplyReviewPage(WizardPage):
    """The new chain, its verdict and where each certificate comes from."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("New Certificate Chain"))
        self.setSubTitle(self.tr("Install replaces the entry's chain; Edit › Undo restores it."))
        self.viewer = ChainViewer(self)
        # every certificate here ends up in the entry: the origins are listed below instead
        self.viewer.tree.setColumnHidden(ORIGIN_COLUMN, True)
        self.origins = SummaryView(
            "replyOrigins", self.tr("Where the certificates come from"), self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.viewer, 2)
        layout.addWidget(self.origins, 1)
        layout.addWidget(self.message)  # Tab: the viewer's tree and labels, then the origins

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, CaReplyWizard)
        plan = wizard.plan
        if plan is None:
            return
        self.viewer.set_chain(plan.chain, wizard.pool, wizard.trusted, wizard.now)
        rows: list[tuple[str, str | list[str]]] = [
            (self.tr("From the CA reply"), _names(plan.from_reply)),
            (self.tr("From the keystore"), _names(plan.from_keystore) or [self.tr("none")]),
        ]
        if plan.missing_issuer:
            rows.append((self.tr("Missing issuer"), plan.missing_issuer))
        if plan.unused:
            rows.append((self.tr("Not used from the reply"), _names(plan.unused)))
        rows.append((self.tr("Replaces"), _names(plan.previous)))
        self.origins.show_rows(rows)

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, CaReplyWizard)
        if wizard.plan is None:
            return False
        try:
            entry = apply_reply(wizard.entry, wizard.plan)
        except KeymonError as exc:
            self.message.show_problem(exc.message)
            return False
        wizard.outcome = CaReplyResult(entry, wizard.plan)
        return True


class CaReplyWizard(PkiWizard):
    """Finish leaves a :class:`CaReplyResult` in ``outcome``."""

    PAGES = (ReplySourcePage, ReplyReviewPage)

    def __init__(
        self,
        entry: KeyPairEntry,
        keystore_certs: Sequence[CertInfo],
        trusted: Sequence[CertInfo],
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        now: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caReplyWizard")
        self.setWindowTitle(self.tr("Import CA Reply"))
        self.entry = entry
        self.pool = list(keystore_certs)
        self.trusted = list(trusted)
        self.prompts = prompts
        self.now = now or utcnow()
        self.plan: ReplyPlan | None = None
        self.outcome: CaReplyResult | None = None
        self._build_pages()
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Install"))

    def reject(self) -> None:
        self.outcome = None
        super().reject()

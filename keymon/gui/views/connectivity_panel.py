"""The connectivity test panel: probe a TLS server with the open keystore's trust and keys.

The form builds a :class:`~keymon.core.net.result.ProbeRequest` (through
:mod:`keymon.gui.connectivity`); the probe runs in the context's task runner with a
:class:`~keymon.core.net.result.Cancellation`, so Cancel aborts a probe waiting for
the network at once. The result is shown as it is: the steps, a summary, the server's
chain judged against the keystore, the client CAs the server accepts, and the error
in one sentence.

The panel puts a translated headline per kind of error above the detail and
translates the step names; the step messages and the error's detail are core's
sentences, shown translated where core marked them (keymon.core.text), so the
outcome reads in the user's language.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keymon.core.entries import KeyPairEntry
from keymon.core.errors import KeymonError
from keymon.core.expiry import utcnow
from keymon.core.net.outcome import ProbeOutcome, outcome, rejudge, warning
from keymon.core.net.result import (
    Cancellation,
    ProbeResult,
)
from keymon.gui import connectivity as net
from keymon.gui.context import AppContext
from keymon.gui.i18n import localized
from keymon.gui.net_actions import NetActions
from keymon.gui.views.chain_viewer import ChainViewer
from keymon.gui.views.connectivity_texts import (
    ERROR_HEADLINES as ERROR_HEADLINES,  # re-exported: the panel's texts, as before
)
from keymon.gui.views.connectivity_texts import (
    NO_CLIENT,
    SUMMARY_NAMES,
    error_headline,
    step_name,
    tr_panel,
)
from keymon.gui.views.connectivity_texts import (
    STEP_NAMES as STEP_NAMES,
)
from keymon.gui.views.host_history import HostHistory
from keymon.gui.views.probe_job import probe_job
from keymon.gui.workers import ErrorInfo, TaskHandle


def _label(name: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ConnectivityPanel(QWidget):
    #: The probe reported a result (also after a failure the server caused).
    finished = Signal(object)
    #: True while a probe runs.
    runningChanged = Signal(bool)

    def __init__(self, ctx: AppContext, actions: NetActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectivityPanel")
        self.ctx = ctx
        self.net_actions = actions
        self.result: ProbeResult | None = None
        self._handle: TaskHandle | None = None
        self._cancellation: Cancellation | None = None
        self._connected_session: object = None
        self._client_given = False
        """Whether the result's probe presented a key pair."""
        self._build_form()
        self._build_result()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame
        scroll.setWidget(self._content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        ctx.keystoreOpened.connect(self._keystore_opened)
        ctx.aboutToClose.connect(self.cancel)  # closing the window cancels a running probe
        self._set_running(False)
        self._keystore_opened()  # the window builds the panel late: follow the keystore shown

    # -- layout ------------------------------------------------------------------------------
    def _build_form(self) -> None:
        self._content = QWidget(self)
        c = self._content
        self.host_edit = QLineEdit(c)
        self.host_edit.setObjectName("hostEdit")
        self.host_edit.setPlaceholderText(self.tr("host or host:port"))
        self.host_edit.setAccessibleName(self.tr("Host"))
        self.host_edit.setAccessibleDescription(self.tr("The server to test: host or host:port"))
        self.recent_model = QStringListModel(net.recent_hosts(self.ctx.settings), self)
        self.host_history = HostHistory(self.host_edit, self.recent_model)  # list on Down
        self.port_spin = QSpinBox(c)
        self.port_spin.setObjectName("portSpin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(443)
        self.port_spin.setAccessibleName(self.tr("Port"))
        self.port_spin.setAccessibleDescription(self.tr("Used when the host names no port"))
        self.host_edit.textChanged.connect(self._host_port_changed)
        self.sni_edit = QLineEdit(c)
        self.sni_edit.setObjectName("sniEdit")
        self.sni_edit.setPlaceholderText(self.tr("the host name (default)"))
        self.sni_edit.setAccessibleName(self.tr("Server name (SNI)"))
        self.timeout_spin = QDoubleSpinBox(c)
        self.timeout_spin.setObjectName("timeoutSpin")
        self.timeout_spin.setRange(0.5, 300.0)
        self.timeout_spin.setValue(10.0)
        self.timeout_spin.setSuffix(self.tr(" s", "seconds"))
        self.timeout_spin.setAccessibleName(self.tr("Timeout in seconds"))
        self.proxy_edit = QLineEdit(c)
        self.proxy_edit.setObjectName("proxyEdit")
        self.proxy_edit.setPlaceholderText(self.tr("http://[user:password@]host:port"))
        self.proxy_edit.setAccessibleName(self.tr("Proxy"))
        self.client_combo = QComboBox(c)
        self.client_combo.setObjectName("clientAliasCombo")
        self.client_combo.setAccessibleName(self.tr("Client certificate"))
        self.client_combo.setAccessibleDescription(
            self.tr("The key pair to present when the server asks for a client certificate")
        )
        # created in the order shown: Tab follows creation
        self.http_path_edit = QLineEdit(c)
        self.http_path_edit.setObjectName("httpPathEdit")
        self.http_path_edit.setPlaceholderText(self.tr("/path (optional HTTP check)"))
        self.http_path_edit.setAccessibleName(self.tr("HTTP path"))
        for edit in (self.host_edit, self.sni_edit, self.proxy_edit, self.http_path_edit):
            edit.returnPressed.connect(self.run)  # Return runs the test from any text field
        self.verify_check = QCheckBox(self.tr("Fail when the server is not trusted"), c)
        self.verify_check.setObjectName("verifyCheck")
        self.verify_check.setChecked(True)
        self._lay_out_form()

        self.run_button = QPushButton(self.tr("&Run Test"), c)
        self.run_button.setObjectName("runButton")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(self.tr("Cancel"), c)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.buttons = QHBoxLayout()
        for button in (self.run_button, self.cancel_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)

    def _lay_out_form(self) -> None:
        """Two fields a row where they belong together: the form takes half the height."""
        c = self._content

        def label(text: str, buddy: QWidget) -> QLabel:
            shown = QLabel(text, c)
            shown.setBuddy(buddy)
            return shown

        def pair(first: QWidget, text: str, second: QWidget) -> QHBoxLayout:
            row = QHBoxLayout()
            row.addWidget(first, 3)
            row.addWidget(label(text, second))
            row.addWidget(second, 2)
            return row

        self.form = QFormLayout()
        self.form.addRow(
            label(self.tr("&Host:"), self.host_edit),
            pair(self.host_edit, self.tr("P&ort:"), self.port_spin),
        )
        self.form.addRow(
            label(self.tr("&SNI:"), self.sni_edit),
            pair(self.sni_edit, self.tr("&Timeout:"), self.timeout_spin),
        )
        self.form.addRow(label(self.tr("&Proxy:"), self.proxy_edit), self.proxy_edit)
        self.form.addRow(
            label(self.tr("&Client:"), self.client_combo),
            pair(self.client_combo, self.tr("HTTP pat&h:"), self.http_path_edit),
        )
        self.form.addRow("", self.verify_check)

    def _build_summary(self) -> QGridLayout:
        """The summary in two columns of title and value."""
        c = self._content
        summary = QGridLayout()
        summary.setColumnStretch(1, 1)
        summary.setColumnStretch(3, 1)
        half = (len(SUMMARY_NAMES) + 1) // 2
        for i, (title, name) in enumerate(SUMMARY_NAMES.items()):
            label = _label(name, c)
            self.summary_labels[title] = label
            caption = QLabel(self.tr("{title}:").format(title=tr_panel(title)), c)
            caption.setBuddy(label)
            summary.addWidget(caption, i % half, 2 * (i // half))
            summary.addWidget(label, i % half, 2 * (i // half) + 1)
        return summary

    def _build_result(self) -> None:
        c = self._content
        # the error: a translated headline, then core's (English) detail in error_label
        self.headline_label = _label("probeHeadlineLabel", c)
        font = self.headline_label.font()
        font.setBold(True)
        self.headline_label.setFont(font)
        self.error_label = _label("probeErrorLabel", c)
        self.steps = QTreeWidget(c)
        self.steps.setObjectName("stepList")
        self.steps.setAccessibleName(self.tr("Probe steps"))
        self.steps.setAccessibleDescription(
            self.tr("Each step of the test, how long it took and what it found")
        )
        self.steps.setHeaderLabels(
            [self.tr("Step"), self.tr("ms", "milliseconds"), self.tr("Message")]
        )
        self.steps.setRootIsDecorated(False)
        self.steps.setWordWrap(True)
        self.steps.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.steps.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.steps.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_steps()
        self.summary_labels: dict[str, QLabel] = {}
        summary = self._build_summary()
        self.chain_viewer = ChainViewer(c)
        self.chain_viewer.model.from_server = True  # origins read "Sent by the server"
        self.chain_viewer.setMinimumHeight(self.fontMetrics().height() * 8)
        self.fetched_label = _label("fetchedIssuersLabel", c)
        self.ca_label = _label("clientCasLabel", c)
        self.notes_label = _label("probeNotesLabel", c)
        self.download_button = QPushButton(self.tr("&Download Server Certificates…"), c)
        self.download_button.setObjectName("downloadServerCertsButton")
        self.download_button.clicked.connect(self._download)
        self.import_root_button = QPushButton(self.tr("&Import Root CA…"), c)
        self.import_root_button.setObjectName("importRootButton")
        self.import_root_button.clicked.connect(self.import_root)
        self.result_buttons = QHBoxLayout()
        self.result_buttons.addWidget(self.download_button)
        self.result_buttons.addWidget(self.import_root_button)
        self.result_buttons.addStretch(1)
        layout = QVBoxLayout(c)
        layout.addLayout(self.form)
        layout.addLayout(self.buttons)
        layout.addWidget(self.headline_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.steps)
        layout.addLayout(summary)
        layout.addWidget(QLabel(self.tr("<b>Server chain</b>"), c))
        layout.addWidget(self.chain_viewer, 1)
        layout.addWidget(self.fetched_label)
        layout.addWidget(self.ca_label)
        layout.addWidget(self.notes_label)
        layout.addLayout(self.result_buttons)
        self.show_result(None)

    # -- the keystore ----------------------------------------------------------------------
    def _keystore_opened(self) -> None:
        session = self.ctx.session
        switched = session is not self._connected_session
        if session is not None and switched:
            session.entryInserted.connect(self._keystore_changed)
            session.entryRemoved.connect(self._keystore_changed)
            session.entryReplaced.connect(self._keystore_changed)
            session.reset.connect(self._keystore_changed)
        self._connected_session = session
        if not switched:
            self._keystore_changed()
            return
        # another keystore: a result judged by the old one's trust would mislead
        self.cancel()
        lost = self.refresh_clients()
        self.show_result(None)
        if lost is not None:
            self._show_error(
                "",
                self.tr(
                    "This keystore has no key pair “{alias}”: no client certificate is chosen."
                ).format(alias=lost),
            )

    def _keystore_changed(self, *_args: object) -> None:
        """Trust may have changed (a root imported or deleted): judge the result again."""
        self.refresh_clients()
        store = self.ctx.store
        if self.result is not None and store is not None and not self.running:
            self.show_result(rejudge(self.result, store.trusted_certificates(), utcnow()))
        self._update_buttons()

    def refresh_clients(self) -> str | None:
        """List the open keystore's key pairs; returns the chosen alias if it is gone."""
        store = self.ctx.store
        current = self.client_combo.currentData()
        aliases = [e.alias for e in store.entries if isinstance(e, KeyPairEntry)] if store else []
        self.client_combo.clear()
        self.client_combo.addItem(tr_panel(NO_CLIENT), None)
        for alias in aliases:
            self.client_combo.addItem(alias, alias)
        index = self.client_combo.findData(current) if current is not None else 0
        self.client_combo.setCurrentIndex(max(index, 0))
        return str(current) if current is not None and index < 0 else None

    # -- running -----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._handle is not None

    def values(self) -> net.FormValues:
        return net.FormValues(
            host=self.host_edit.text(),
            port=self.port_spin.value(),
            sni=self.sni_edit.text(),
            timeout=self.timeout_spin.value(),
            proxy=self.proxy_edit.text(),
            client_alias=self.client_combo.currentData(),
            verify=self.verify_check.isChecked(),
            http_path=self.http_path_edit.text(),
        )

    def run(self) -> None:
        if self.running:
            return
        try:
            request = net.build_request(self.values(), self.ctx.store)
        except KeymonError as exc:
            self._show_error(self.tr("The test cannot run with these settings."), exc.message)
            return
        self.recent_model.setStringList(net.remember_host(self.ctx.settings, self.host_edit.text()))
        self.show_result(None)
        self._client_given = request.client is not None
        self._show_error("", self.tr("Testing {host}…").format(host=request.host))
        self._cancellation = Cancellation()
        self._handle = self.ctx.runner.run(
            probe_job,
            request,
            self._cancellation,
            title=self.tr("Connectivity test"),
            on_done=self._done,
            on_error=self._failed,
            on_cancelled=self._cancelled,
        )
        self._set_running(True)

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()  # first: the runner then reports "cancelled", not a result
        if self._cancellation is not None:
            self._cancellation.cancel()  # shuts the socket down: the probe returns at once

    def _done(self, result: ProbeResult) -> None:
        self._set_running(False)
        self.show_result(result)
        self.finished.emit(result)

    def _failed(self, error: ErrorInfo) -> None:
        self._set_running(False)
        self._show_error(self.tr("The test could not run."), error.message)

    def _cancelled(self) -> None:
        self._set_running(False)
        self._show_error("", self.tr("The test was cancelled."))

    def _set_running(self, running: bool) -> None:
        if not running:
            self._handle = None
            self._cancellation = None
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self._update_buttons()
        self.runningChanged.emit(running)

    def _update_buttons(self) -> None:
        has_chain = self.result is not None and bool(self.result.chain) and not self.running
        self.download_button.setEnabled(has_chain)
        self.import_root_button.setEnabled(has_chain and self.net_actions.can_import_root())

    def _host_port_changed(self, text: str) -> None:
        """A port in the host field wins: the port box shows it and cannot be edited."""
        try:
            _host, port = net.split_host(text, 0)
        except KeymonError:
            port = 0
        self.port_spin.setEnabled(port == 0)
        if port:
            self.port_spin.setValue(port)

    # -- showing a result ---------------------------------------------------------------------
    def _show_error(self, headline: str, detail: str) -> None:
        """A translated headline over core's detail (which stays as core wrote it)."""
        self.headline_label.setText(headline)
        self.headline_label.setVisible(bool(headline))
        self.error_label.setText(detail)
        self.error_label.setVisible(bool(detail))

    def show_result(self, result: ProbeResult | None) -> None:
        self.result = result
        self.steps.clear()
        verdict = outcome(result, self._client_given) if result is not None else None
        self.setProperty("outcome", verdict.value if verdict is not None else "")
        if result is not None and verdict is ProbeOutcome.WARNING:
            sentence = warning(result, self._client_given)
            self._show_error("⚠ " + localized(sentence, str(sentence)), "")
        elif result is not None and verdict is ProbeOutcome.PASSED:
            self._show_error(self.tr("The test passed."), "")
        else:
            self._show_error(error_headline(result), net.error_sentence(result) if result else "")
        rows = net.summary_rows(result) if result else []
        values = dict(rows)
        for title, label in self.summary_labels.items():
            label.setText(values.get(title, "—"))  # operations_net's texts, as they are
            label.setToolTip("")
        if result is not None:
            self._show_trust(result)
        self.fetched_label.clear()
        self.ca_label.clear()
        self.notes_label.clear()
        if result is None:
            self.chain_viewer.clear()
            self._update_buttons()
            return
        style = self.style()
        ok_icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        bad_icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogCancelButton)
        for step in result.steps:
            name = step_name(step.name)
            message = localized(step.text, step.message)
            item = QTreeWidgetItem([name, f"{step.ms:.0f}", message])
            item.setIcon(0, ok_icon if step.ok else bad_icon)
            said = self.tr("{step}: done") if step.ok else self.tr("{step}: failed")
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, said.format(step=name))
            item.setToolTip(2, message)
            self.steps.addTopLevelItem(item)
        self._fit_steps()
        self._show_chain()
        if result.fetched_issuers:
            lines = [f"• {f.cert.summary.subject_cn} — {f.url}" for f in result.fetched_issuers]
            self.fetched_label.setText(
                self.tr("Fetched from AIA (not sent by the server, not trusted):")
                + "\n"
                + "\n".join(lines)
            )
        self.ca_label.setText(net.ca_names_text(result))
        self.notes_label.setText("\n".join(result.notes))
        self._update_buttons()

    def _fit_steps(self) -> None:
        """As tall as its steps (at least three rows): the results read without scrolling."""
        tree = self.steps
        line = self.fontMetrics().height() + 6
        rows = sum(
            max(tree.sizeHintForRow(i), line) if i >= 0 else line
            for i in range(tree.topLevelItemCount())
        )
        rows += line * max(0, 3 - tree.topLevelItemCount())
        header = tree.header().sizeHint().height()
        tree.setFixedHeight(header + rows + 2 * tree.frameWidth() + 2)

    def _show_trust(self, result: ProbeResult) -> None:
        """ "Trusted" or "Not trusted": the reason is said once, above (tooltip here)."""
        reports = {
            "Trusted by keystore": result.keystore_report,
            "Trusted by system": result.system_report,
        }
        for title, report in reports.items():
            if report is None:
                continue
            label = self.summary_labels[title]
            label.setText(self.tr("Trusted") if report.trusted else self.tr("Not trusted"))
            label.setToolTip("" if report.trusted else localized(report.text, report.message))

    def _show_chain(self) -> None:
        store = self.ctx.store
        result = self.result
        if result is None or not result.chain:
            self.chain_viewer.clear()
            return
        pool = store.certificates() if store is not None else []
        trusted = store.trusted_certificates() if store is not None else []
        self.chain_viewer.set_chain(result.chain, pool, trusted, utcnow())

    # -- result actions -------------------------------------------------------------------------
    def _download(self) -> None:
        if self.result is not None:
            self.net_actions.save_server_certificates(self.result)

    def offer_import_root(self) -> None:
        """Add › Import Root CA: the wizard for the tested server, else how to get there."""
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.show()
            dock.raise_()
        if self.result is not None and self.result.chain and self.net_actions.can_import_root():
            self.import_root()
            return
        self._show_error(
            self.tr("Test the server first."),
            self.tr("Run the test against the receiver; Import Root CA then offers its root CA."),
        )
        self.host_edit.setFocus()

    def import_root(self) -> None:
        if self.result is not None and self.net_actions.import_root(self.result):
            self._show_chain()

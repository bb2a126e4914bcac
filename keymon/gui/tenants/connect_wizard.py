"""File › Connect to Tenant…: a tenant profile from a service key or typed fields, tested.

The first page takes a service key JSON file (nested ``oauth`` or flat, client secret
or client certificate) or the typed fields; the second runs ``tenant_test`` in a
worker and shows each step. Nothing is saved before Finish, which leaves the
:class:`NewProfile` in ``outcome``; the caller stores it (the secret in the keyring).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from keymon.core.errors import KeymonError, UsageError
from keymon.core.sapci.check import TenantTestReport, tenant_test
from keymon.core.sapci.client import RetryPolicy, TenantClient
from keymon.core.sapci.profiles import (
    AuthKind,
    NewProfile,
    TenantProfile,
    from_service_key,
    validate_name,
)
from keymon.gui.prompts import Prompts
from keymon.gui.wizards.building_blocks import PkiWizard, WizardPage
from keymon.gui.workers import ErrorInfo, TaskHandle, TaskRunner

translate = QCoreApplication.translate


def run_tenant_test(new: NewProfile, retry: RetryPolicy | None = None) -> TenantTestReport:
    """Log in with ``new`` (not saved yet), fetch a CSRF token, read the keystore."""
    with TenantClient(new.profile, new.secret, retry=retry) as client:
        return tenant_test(client)


class ProfilePage(WizardPage):
    """The profile's fields, filled from a service key or typed."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.setTitle(translate("ConnectTenant", "Tenant profile"))
        self.setSubTitle(
            translate(
                "ConnectTenant",
                "Import the service key of an SAP Cloud Integration API instance, or type "
                "its fields. The secret is kept in the system keyring only.",
            )
        )
        self._imported: NewProfile | None = None
        self.import_button = QPushButton(translate("ConnectTenant", "&Import Service Key…"), self)
        self.import_button.setObjectName("importServiceKey")
        self.name_edit = self._edit(
            "profileName", translate("ConnectTenant", "Profile name"), "dev"
        )
        self.api_edit = self._edit(
            "apiUrl", translate("ConnectTenant", "API URL"), "https://….it-cpi….hana.ondemand.com"
        )
        self.token_edit = self._edit(
            "tokenUrl", translate("ConnectTenant", "Token URL"), "https://…/oauth/token"
        )
        self.client_edit = self._edit("clientId", translate("ConnectTenant", "Client ID"))
        self.secret_edit = self._edit("clientSecret", translate("ConnectTenant", "Client secret"))
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.ca_edit = self._edit(
            "caFile",
            translate("ConnectTenant", "Extra CA file (PEM)"),
            translate("ConnectTenant", "optional"),
        )
        self.read_only_box = QCheckBox(
            translate("ConnectTenant", "&Read-only: keymon makes no changes on this tenant")
        )
        self.read_only_box.setObjectName("readOnly")
        form = QFormLayout()
        form.addRow(translate("ConnectTenant", "Na&me:"), self.name_edit)
        form.addRow(translate("ConnectTenant", "&API URL:"), self.api_edit)
        form.addRow(translate("ConnectTenant", "&Token URL:"), self.token_edit)
        form.addRow(translate("ConnectTenant", "&Client ID:"), self.client_edit)
        form.addRow(translate("ConnectTenant", "&Secret:"), self.secret_edit)
        form.addRow(translate("ConnectTenant", "E&xtra CA file:"), self.ca_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.import_button)
        layout.addLayout(form)
        layout.addWidget(self.read_only_box)
        layout.addStretch(1)
        layout.addWidget(self.message)

    def _edit(self, name: str, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        return edit

    def load_service_key(self, path: Path) -> None:
        """Fill the fields from a service key file; a bad file is said on the page."""
        name = self.name_edit.text().strip() or "tenant"
        try:
            new = from_service_key(name, path.read_bytes())
        except OSError as exc:
            self.message.show_problem(
                translate("ConnectTenant", "{path} cannot be read ({reason}).").format(
                    path=path, reason=exc.strerror
                )
            )
            return
        except KeymonError as exc:
            self.message.show_problem(exc.message)
            return
        self._imported = new
        self.name_edit.setText(name)
        self.api_edit.setText(new.profile.api_url)
        self.token_edit.setText(new.profile.token_url)
        self.client_edit.setText(new.profile.client_id)
        self.secret_edit.setText(new.secret)
        certificate = new.profile.auth is AuthKind.CLIENT_CERTIFICATE
        self.secret_edit.setAccessibleName(
            translate("ConnectTenant", "Client key")
            if certificate
            else translate("ConnectTenant", "Secret")
        )
        self.message.clear_message()

    def new_profile(self) -> NewProfile:
        """The profile as the fields say (UsageError for a bad name or a missing field)."""
        values = {
            "api_url": self.api_edit.text().strip(),
            "token_url": self.token_edit.text().strip(),
            "client_id": self.client_edit.text().strip(),
        }
        name = validate_name(self.name_edit.text().strip())
        secret = self.secret_edit.text()
        missing = [k for k, v in {**values, "secret": secret}.items() if not v]
        if missing:
            raise UsageError(
                translate("ConnectTenant", "Fill in the API URL, token URL, client ID and secret.")
            )
        base = self._imported.profile if self._imported is not None else None
        extra = {
            "name": name,
            "read_only": self.read_only_box.isChecked(),
            "ca_file": self.ca_edit.text().strip() or None,
            **values,
        }
        if base is not None and base.auth is AuthKind.CLIENT_CERTIFICATE:
            profile = dataclasses.replace(base, **extra)  # type: ignore[arg-type]
        else:
            profile = TenantProfile(**extra)  # type: ignore[arg-type]
        return NewProfile(profile, secret)

    def problem(self) -> str | None:
        try:
            self.new_profile()
        except KeymonError as exc:
            return exc.message
        return None


class TestPage(WizardPage):
    """Test connection: token, CSRF, reading the keystore, each step with its outcome."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.setTitle(translate("ConnectTenant", "Test connection"))
        self.setSubTitle(
            translate("ConnectTenant", "Log in, fetch a CSRF token and read the system keystore.")
        )
        self.test_button = QPushButton(translate("ConnectTenant", "&Test Connection"), self)
        self.test_button.setObjectName("testConnection")
        self.steps = QListWidget(self)
        self.steps.setObjectName("testSteps")
        self.steps.setAccessibleName(translate("ConnectTenant", "Test steps"))
        self.summary = QLabel(self)
        self.summary.setObjectName("testSummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.test_button)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)


class ConnectTenantWizard(PkiWizard):
    """Connect to Tenant: ``outcome`` is the profile and secret to save after Finish."""

    PAGES = (ProfilePage, TestPage)

    def __init__(
        self,
        runner: TaskRunner,
        prompts: Prompts,
        parent: QWidget | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectTenantWizard")
        self.setWindowTitle(translate("ConnectTenant", "Connect to Tenant"))
        self.runner = runner
        self.prompts = prompts
        self.retry = retry
        self.outcome: NewProfile | None = None
        self.report: TenantTestReport | None = None
        self._test: TaskHandle | None = None
        self._build_pages()
        self.profile_page = self.page_of(ProfilePage)
        self.test_page = self.page_of(TestPage)
        self.profile_page.import_button.clicked.connect(self.choose_service_key)
        self.test_page.test_button.clicked.connect(self.test_connection)

    def choose_service_key(self) -> None:
        path = self.prompts.choose_open_file(
            translate("ConnectTenant", "Import service key"),
            translate("ConnectTenant", "Service keys (*.json);;All files (*)"),
        )
        if path is not None:
            self.profile_page.load_service_key(path)

    def test_connection(self) -> TaskHandle | None:
        """Run the test in a worker; each step appears in the list when it reports."""
        try:
            new = self.profile_page.new_profile()
        except KeymonError as exc:
            self.test_page.summary.setText(exc.message)
            return None
        page = self.test_page
        page.steps.clear()
        page.summary.setText(translate("ConnectTenant", "Testing…"))
        page.test_button.setEnabled(False)
        self._test = self.runner.run(
            run_tenant_test,
            new,
            self.retry,
            title=translate("ConnectTenant", "Testing the tenant connection"),
            on_done=self._tested,
            on_error=self._test_failed,
        )
        return self._test

    def _tested(self, report: TenantTestReport) -> None:
        self.report = report
        page = self.test_page
        page.test_button.setEnabled(True)
        names = {
            "token": translate("ConnectTenant", "Login"),
            "csrf": translate("ConnectTenant", "CSRF token"),
            "read": translate("ConnectTenant", "Read keystore"),
        }
        for step in report.steps:
            mark = "✓" if step.ok else "✗"
            page.steps.addItem(f"{mark} {names.get(step.name, step.name)}: {step.message}")
        if report.missing_roles:
            page.steps.addItem(
                translate("ConnectTenant", "Missing roles: {roles}").format(
                    roles=", ".join(report.missing_roles)
                )
            )
        page.summary.setText(
            translate("ConnectTenant", "The connection works.")
            if report.ok
            else translate("ConnectTenant", "The connection test failed.")
        )

    def _test_failed(self, error: ErrorInfo) -> None:
        self.test_page.test_button.setEnabled(True)
        self.test_page.summary.setText(error.message)

    def accept(self) -> None:
        try:
            self.outcome = self.profile_page.new_profile()
        except KeymonError as exc:
            self.test_page.message.show_problem(exc.message)
            return
        super().accept()

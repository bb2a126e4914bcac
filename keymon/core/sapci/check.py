"""``keymon tenant test``: log in, fetch a CSRF token, read the keystore, name missing roles."""

from __future__ import annotations

from dataclasses import dataclass

from keymon.core.errors import KeymonError, TenantError
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.errors_text import missing_role

# API.md "Roles" (Cloud Foundry): what keymon's features need.
ROLES = ("MonitoringDataRead", "SecurityMaterialEdit", "SecurityMaterialDownload")


@dataclass(frozen=True)
class CheckStep:
    name: str  # "token", "csrf", "read"
    ok: bool
    message: str


@dataclass(frozen=True)
class TenantTestReport:
    profile: str
    steps: tuple[CheckStep, ...]
    entry_count: int | None
    missing_roles: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.steps)


def tenant_test(client: TenantClient) -> TenantTestReport:
    """Each step is tried and reported; a failed login stops the rest."""
    steps: list[CheckStep] = []
    missing: list[str] = []
    count = None
    try:
        client.token()
        steps.append(CheckStep("token", True, "The token endpoint accepted the credentials."))
    except KeymonError as exc:
        steps.append(CheckStep("token", False, exc.message))
        return TenantTestReport(client.profile.name, tuple(steps), None, ())
    granted = client.scopes
    if granted:  # scopes look like "it!b2.MonitoringDataRead" on real tenants
        missing = [r for r in ROLES if not any(s.split(".")[-1] == r for s in granted)]
    try:
        client.csrf_token()
        steps.append(CheckStep("csrf", True, "A CSRF token for writing was issued."))
    except KeymonError as exc:
        steps.append(CheckStep("csrf", False, exc.message))
    try:
        body = client.get_json("/Keystores('system')")
        data = body.get("d", {}) if isinstance(body, dict) else {}
        size = data.get("Size") if isinstance(data, dict) else None
        count = int(size) if isinstance(size, int | str) and str(size).isdigit() else None
        steps.append(CheckStep("read", True, f"The system keystore holds {count} entries."))
    except TenantError as exc:
        role = missing_role(exc.detail) if exc.status == 403 else None
        if role and role not in missing:
            missing.append(role)
        steps.append(CheckStep("read", False, exc.message))
    return TenantTestReport(client.profile.name, tuple(steps), count, tuple(missing))

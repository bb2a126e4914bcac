"""Watched tenants of the Monitoring view: reading them, refreshing, cancelling, failures.

The watched tenant locations (``sapci:NAME``) are kept in the settings
("monitoring/tenants"); their secrets stay in the system keyring with their
profiles. Each tenant is read in its own task, so one slow or unreachable tenant
never holds up the others; a tenant that fails keeps what was read before (if
anything) and says it is unreachable.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from keymon.core import monitoring
from keymon.core.cancel import CancelToken
from keymon.core.entries import Entry
from keymon.core.errors import KeymonError, TenantError
from keymon.gui.context import AppContext
from keymon.gui.workers import ErrorInfo, TaskHandle

if TYPE_CHECKING:
    from keymon.core.sapci.client import RetryPolicy


def read_watched_tenant(
    location: str, retry: RetryPolicy | None = None, cancel: CancelToken | None = None
) -> tuple[Entry, ...]:
    """Every entry of the tenant keystore ``location`` (runs in a worker)."""
    from keymon.core.errors import PasswordRequired
    from keymon.core.sapci.client import TenantClient
    from keymon.core.sapci.location import open_tenant_keystore, parse_location
    from keymon.core.sapci.profiles import ProfileStore

    where = parse_location(location)
    profiles = ProfileStore()
    profile = profiles.get(where.profile)
    secret = profiles.secret(profile)
    if secret is None:
        raise PasswordRequired(
            f"The secret of tenant profile {profile.name!r} is not in the system keyring."
        )
    with TenantClient(profile, secret, retry=retry) as client:
        return open_tenant_keystore(where, store=profiles, client=client, cancel=cancel).entries


def profile_names() -> list[str]:
    """The saved tenant profiles' names ([] when the profiles file cannot be read)."""
    from keymon.core.sapci.profiles import ProfileStore

    try:
        return sorted(ProfileStore().load())
    except KeymonError:
        return []


class TenantWatch(QObject):
    """The watched tenants, what was read from each, and which could not be read."""

    #: A tenant was read, failed or was cancelled, or the list changed.
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.locations = monitoring.parse_tenant_watch_list(
            ctx.settings.q.value(monitoring.TENANT_WATCH_KEY)
        )
        self.entries: dict[str, tuple[Entry, ...]] = {}
        self.errors: dict[str, str] = {}
        self.tasks: dict[str, TaskHandle] = {}
        #: How 429/503 answers are retried (tests make it fast).
        self.retry: RetryPolicy | None = None

    @property
    def loading(self) -> bool:
        return bool(self.tasks)

    def sources(self) -> list[tuple[Path | None, Any]]:
        """(location as a Path, entries) of every tenant read so far."""
        return [(Path(loc), self.entries[loc]) for loc in self.locations if loc in self.entries]

    def add(self, name: str) -> None:
        location = name if name.startswith(monitoring.TENANT_SCHEME) else f"sapci:{name}"
        if location not in self.locations:
            self.locations.append(location)
            self._save()
        self.load(location)

    def remove(self, location: str) -> None:
        handle = self.tasks.pop(location, None)
        if handle is not None:
            handle.cancel()
        self.locations = [loc for loc in self.locations if loc != location]
        self.entries.pop(location, None)
        self.errors.pop(location, None)
        self._save()
        self.changed.emit()

    def refresh(self) -> None:
        """Read every watched tenant again (those still being read go on)."""
        for location in self.locations:
            self.load(location)

    def cancel(self) -> None:
        """Stop every tenant still being read; what was read before stays."""
        for handle in list(self.tasks.values()):
            handle.cancel()

    def load(self, location: str) -> None:
        if location in self.tasks:
            return
        self.tasks[location] = self.ctx.runner.run(
            read_watched_tenant,
            location,
            self.retry,
            title=self.tr("Reading {tenant}").format(tenant=location),
            on_done=lambda entries: self._read(location, entries),
            on_error=lambda error: self._failed(location, error),
            on_cancelled=lambda: self._cancelled(location),
        )
        self.changed.emit()

    def _read(self, location: str, entries: tuple[Entry, ...]) -> None:
        self.tasks.pop(location, None)
        if location in self.locations:
            self.entries[location] = entries
            self.errors.pop(location, None)
        self.changed.emit()

    def _failed(self, location: str, error: ErrorInfo) -> None:
        self.tasks.pop(location, None)
        if location in self.locations:
            if isinstance(error.error, TenantError):
                text = self.tr("unreachable: {message}").format(message=error.message)
            else:  # a missing profile or secret: nothing was asked of the tenant
                text = self.tr("not read: {message}").format(message=error.message)
            if location in self.entries:
                text += " " + self.tr("(showing what was read before)")
            self.errors[location] = text
        self.changed.emit()

    def _cancelled(self, location: str) -> None:
        self.tasks.pop(location, None)
        if location in self.locations and location not in self.entries:
            self.errors[location] = self.tr("not read: the refresh was cancelled")
        self.changed.emit()

    def _save(self) -> None:
        self.ctx.settings.set_value(monitoring.TENANT_WATCH_KEY, list(self.locations))


def _tr(text: str) -> str:
    return QCoreApplication.translate("MonitoringView", text)


def add_tenant_button(parent: QWidget, watch: TenantWatch) -> QToolButton:
    """Add Tenant ▾: the saved tenant profiles not watched yet, as a menu."""
    button = QToolButton(parent)
    button.setObjectName("monitoringAddTenant")
    button.setText(_tr("Add &Tenant"))
    button.setToolTip(_tr("Watch a tenant's keystore (from the saved tenant profiles)"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    menu.setObjectName("monitoringTenantMenu")

    def fill() -> None:
        menu.clear()
        names = [n for n in profile_names() if f"sapci:{n}" not in watch.locations]
        for name in names:
            action = menu.addAction(name)
            action.triggered.connect(lambda _c=False, n=name: watch.add(n))
        if not names:
            empty = menu.addAction(_tr("No other tenant profiles (File › Connect to Tenant…)"))
            empty.setEnabled(False)

    menu.aboutToShow.connect(fill)
    button.setMenu(menu)
    return button


def status_lines(watch: TenantWatch, template: str) -> Sequence[str]:
    """One line per tenant that could not be read (``template``: "{keystore}: {message}")."""
    return [template.format(keystore=loc, message=text) for loc, text in watch.errors.items()]

"""File › Connect to Tenant… and File › Open Tenant ▸: profiles and opening a tenant keystore.

Opening reads the entries and their chains in a worker (the core's bounded pool) with
progress and Cancel in the status bar; the window shows the result read-only. A
failure (401, 403, 503 lock, a dropped connection) is one sentence in the status bar
and the window keeps what it showed. While a tenant is shown, the window's Add, Delete,
Rename, Generate Key Pair, Create CSR and Import CA Reply go to its writes
(:meth:`TenantActions.route`); Back Up, Restore Tenant Backup and Key History sit in
the File menu. Each profile in Open Tenant ▸ offers its system keystore (the profile's
name), its Key Renewal keystore (Activate in the Key Pairs menu) and its backup,
read-only; what a keystore cannot do is disabled with the reason (enabling.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTableView

from keymon.core.cancel import CancelCheck
from keymon.core.entries import CertInfo, Entry
from keymon.core.errors import KeymonError, PasswordRequired
from keymon.core.keystore import Keystore
from keymon.core.sapci import names
from keymon.gui.action_binding import ActionGroup, Handler, handles
from keymon.gui.actions import ActionId
from keymon.gui.context import AppContext, EntrySelection
from keymon.gui.menus import Menus
from keymon.gui.tenants.enabling import apply_tenant_limits, keystore_refusal
from keymon.gui.tenants.session import TenantSession, keystore_name, view_pools
from keymon.gui.tenants.status import TenantStatus
from keymon.gui.workers import ErrorInfo, TaskHandle

if TYPE_CHECKING:  # what a tenant needs loads when one is first opened (issue 13)
    from keymon.core.net.result import ProbeResult
    from keymon.core.sapci.client import RetryPolicy, TenantClient
    from keymon.core.sapci.location import TenantKeystore
    from keymon.core.sapci.profiles import ProfileStore, TenantProfile
    from keymon.gui.tenants.tenant_keypairs import TenantKeyPairs
    from keymon.gui.tenants.tenant_renewal import TenantRenewal
    from keymon.gui.tenants.tenant_uploads import TenantUploads
    from keymon.gui.tenants.tenant_writes import TenantWrites

ProgressFn = Callable[[int, int, str], None]


translate = QCoreApplication.translate


def read_tenant(
    client: TenantClient, keystore: str, cancel: CancelCheck, progress: ProgressFn
) -> TenantKeystore:
    """Every entry of the tenant keystore with its chain (run in a worker)."""
    from keymon.core.sapci.location import TenantLocation, open_tenant_keystore

    location = TenantLocation(client.profile.name, keystore)

    def count(done: int, total: int) -> None:
        progress(done, total, "")

    return open_tenant_keystore(location, client=client, cancel=cancel, progress=count)


class TenantActions(ActionGroup):
    """Connecting to tenants, opening their keystores in the window, routing their writes."""

    def __init__(
        self,
        ctx: AppContext,
        window: QMainWindow,
        menus: Menus,
        actions: Mapping[ActionId, QAction],
        show: Callable[[TenantSession], None],
    ) -> None:
        self.ctx = ctx
        self.show = show
        #: The tenant the window shows now (None when a file or nothing is open).
        self.current: TenantSession | None = None
        #: How the tenant's 429/503 answers are retried (tests make it fast).
        self.retry: RetryPolicy | None = None
        self.loading: TaskHandle | None = None
        self.status = TenantStatus(window)
        window.statusBar().addPermanentWidget(self.status)
        self.status.cancelRequested.connect(self.cancel_loading)
        self.open_menu = QMenu(translate("Tenants", "Open Te&nant"), window)
        self.open_menu.setObjectName("openTenantMenu")
        self.open_menu.aboutToShow.connect(self.fill_open_menu)
        install_file_menu(menus.recent_menu, actions[ActionId.CONNECT_TENANT], self.open_menu)
        self.window = window
        self.backup_action = self._menu_action(
            menus, translate("Tenants", "Back &Up Tenant Keystore…"), lambda: self.writes.backup()
        )
        self.backup_action.setObjectName("actionTenantBackup")
        self.restore_action = self._menu_action(
            menus,
            translate("Tenants", "Re&store Tenant Backup…"),
            lambda: self.writes.restore(),
            after=self.backup_action,
        )
        self.restore_action.setObjectName("actionTenantRestore")
        self.history_action = self._menu_action(
            menus,
            translate("Tenants", "Key &History…"),
            lambda: self.renewal.show_history(),
            after=self.restore_action,
        )
        self.history_action.setObjectName("actionTenantHistory")
        self.activate_action, self.activate_separator = _activate_item(window)
        self.activate_action.triggered.connect(lambda _checked=False: self.renewal.activate())

    # The parts that write to a tenant are made (and their modules loaded) on first use.
    @cached_property
    def writes(self) -> TenantWrites:
        """The writes to the tenant shown (the window is the selection)."""
        from keymon.gui.tenants.tenant_writes import TenantWrites

        return TenantWrites(self.ctx, self, cast(EntrySelection, self.window))

    @cached_property
    def keypairs(self) -> TenantKeyPairs:
        from keymon.gui.tenants.tenant_keypairs import TenantKeyPairs

        return TenantKeyPairs(self.writes)

    @cached_property
    def uploads(self) -> TenantUploads:
        from keymon.gui.tenants.tenant_uploads import TenantUploads

        return TenantUploads(self.writes)

    @cached_property
    def renewal(self) -> TenantRenewal:
        from keymon.gui.tenants.tenant_renewal import TenantRenewal

        return TenantRenewal(self.writes, self.activate_action, self.activate_separator)

    def _built(self, part: str) -> bool:
        return part in self.__dict__

    # -- what the window and the connectivity panel ask of the tenant shown ----------
    def writable(self) -> bool:
        """A tenant is shown and may be changed (Import Root CA goes to it)."""
        return self.current is not None and self.writes.writable()

    def import_root(self, result: ProbeResult) -> bool:
        return self.writes.import_root(result)

    def take_dropped(self, paths: Sequence[Path]) -> list[Path]:
        """Dropped certificate files go to the tenant shown; the other paths are returned."""
        return self.writes.take_dropped(paths) if self.current is not None else list(paths)

    def _menu_action(
        self,
        menus: Menus,
        text: str,
        handler: Callable[[], object],
        after: QAction | None = None,
    ) -> QAction:
        """An action of the File menu after Open Tenant ▸, or after ``after`` (enabled while
        a tenant is shown)."""
        file_menu = menus.recent_menu.parentWidget()
        assert isinstance(file_menu, QMenu)
        items = file_menu.actions()
        position = items.index(after or self.open_menu.menuAction()) + 1
        action = QAction(text, file_menu)
        action.triggered.connect(lambda _checked=False: handler())
        action.setEnabled(False)
        if position < len(items):
            file_menu.insertAction(items[position], action)
        else:
            file_menu.addAction(action)
        return action

    def route(self, tables: Sequence[Mapping[ActionId, Handler]]) -> list[dict[ActionId, Handler]]:
        """The handler tables with the tenant's writes first while a tenant is shown."""
        mine: dict[ActionId, Handler] = {
            ActionId.ADD_CERTIFICATE: lambda: self.writes.add_certificate(),
            ActionId.ADD_KEY_PAIR: lambda: self.uploads.add_key_pairs(),
            ActionId.DELETE: self._delete,
            ActionId.RENAME: lambda: self.writes.rename(),
            ActionId.GENERATE_KEY_PAIR: lambda: self.keypairs.generate(),
            ActionId.CREATE_CSR: lambda: self.keypairs.download_csr(),
            ActionId.IMPORT_CA_REPLY: lambda: self.keypairs.install_ca_response(),
        }
        routed = []
        for table in tables:
            both = dict(table)
            for action, on_tenant in mine.items():
                if action in both:
                    both[action] = partial(self._either, action, on_tenant, both[action])
            routed.append(both)
        return routed

    def _either(self, action: ActionId, on_tenant: Handler, on_file: Handler) -> object:
        if self.current is None:
            return on_file()
        reason = keystore_refusal(action, self.current)
        if reason is not None:  # even when called while disabled
            self.ctx.prompts.error(translate("Tenants", "The tenant is not changed"), reason)
            return None
        return on_tenant()

    def _delete(self) -> None:
        """Delete names the keystore: KeyRenewal's own, else the system one's (TenantWrites)."""
        if self.current is not None and self.current.keystore == names.RENEWAL:
            self.renewal.delete()
        else:
            self.writes.delete()

    @property
    def profiles(self) -> ProfileStore:
        from keymon.core.sapci.profiles import ProfileStore

        return ProfileStore()

    # -- the window's part --------------------------------------------------------------
    def replace(self, tenant: TenantSession | None) -> None:
        """``tenant`` is shown from now on (None: a file); the previous one's client closes."""
        if self.current is not None and self.current is not tenant:
            self.current.close()
        self.current = tenant
        if self._built("renewal"):
            self.renewal.close_history(keep=tenant)

    def entries(self) -> tuple[Entry, ...]:
        return self.current.view.entries if self.current is not None else ()

    def pools(self, store: Keystore | None) -> tuple[list[CertInfo], list[CertInfo]]:
        """All certificates and the trusted ones of the file, else of the tenant shown."""
        if store is not None:
            return store.certificates(), store.trusted_certificates()
        return view_pools(self.current.view) if self.current is not None else ([], [])

    def limit_actions(self, actions: Mapping[ActionId, QAction]) -> None:
        shown = self.current is not None
        selected = self.writes.selection.selected_entries() if shown else []
        apply_tenant_limits(actions, self.current, selected)
        reason = self.writes.refusal() if shown else None
        for action in (self.backup_action, self.restore_action):
            action.setEnabled(shown and reason is None)
            action.setToolTip(reason or "")
        self.history_action.setEnabled(shown)  # reading it is no write
        if shown or self._built("renewal"):
            self.renewal.limit()

    def show_title(self, window: QMainWindow, label: QLabel) -> None:
        """The tenant's location in the title and the status bar's label."""
        tenant = self.current
        if tenant is None:
            return
        window.setWindowTitle(f"{tenant.label} – keymon")
        if tenant.read_only:
            mode = translate("Tenants", "read-only profile")
        elif tenant.keystore == names.BACKUP:
            mode = translate("Tenants", "read-only")
        else:
            mode = translate("Tenants", "tenant")
        store = keystore_name(tenant.keystore)
        label.setText(f"{tenant.label} · SAP Cloud Integration · {store} · {mode}")
        label.setToolTip(tenant.profile.api_url)

    def reload(self) -> None:
        if self.current is not None:
            self.open_tenant(self.current.profile.name, self.current.keystore)

    # -- connecting ------------------------------------------------------------------
    @handles(ActionId.CONNECT_TENANT)
    def connect_tenant(self) -> None:
        """Run the Connect to Tenant wizard; Finish saves the profile and opens the tenant."""
        from keymon.gui.tenants.connect_wizard import ConnectTenantWizard

        wizard = ConnectTenantWizard(
            self.ctx.runner, self.ctx.prompts, self.ctx.dialog_parent, self.retry
        )
        wizard.setModal(True)
        if not self.ctx.run_wizard(wizard) or wizard.outcome is None:
            return
        new = wizard.outcome
        try:
            replace = new.profile.name in self.profiles.load()
            if replace and not self.ctx.prompts.confirm(
                translate("Tenants", "Replace tenant profile"),
                translate(
                    "Tenants", "A tenant profile named {name} exists. Replace it and its secret?"
                ).format(name=new.profile.name),
            ):
                return
            self.profiles.save(new, replace=replace)
        except KeymonError as exc:
            self.ctx.prompts.error(
                translate("Tenants", "The tenant profile was not saved"), exc.message
            )
            return
        self.ctx.show_message(
            translate("Tenants", "Saved tenant profile {name}").format(name=new.profile.name)
        )
        self.open_tenant(new.profile.name)

    def fill_open_menu(self) -> None:
        self.open_menu.clear()
        try:
            profiles = sorted(self.profiles.load())
        except KeymonError as exc:
            self.status.show_error(exc.message)
            profiles = []
        for number, name in enumerate(profiles):
            if number:
                self.open_menu.addSeparator()
            self._open_item(name, name, names.SYSTEM)  # the name alone opens system
            self._open_item(
                translate("Tenants", "{name} › Key Renewal").format(name=name), name, names.RENEWAL
            )
            self._open_item(
                translate("Tenants", "{name} › Backup (read-only)").format(name=name),
                name,
                names.BACKUP,
            )
        if not profiles:
            self.open_menu.addAction(translate("Tenants", "(no tenant profiles)")).setEnabled(False)

    def _open_item(self, text: str, name: str, keystore: str) -> None:
        from keymon.core.sapci.location import TenantLocation

        action = self.open_menu.addAction(text)
        location = TenantLocation(name, keystore)
        action.setStatusTip(str(location))
        action.setToolTip(str(location))
        action.triggered.connect(lambda _c=False: self.open_tenant(name, keystore))

    # -- opening ---------------------------------------------------------------------
    def client_for(self, profile: TenantProfile) -> TenantClient:
        secret = self.profiles.secret(profile)
        if secret is None:
            raise PasswordRequired(
                translate(
                    "Tenants",
                    "The secret of tenant profile {name} is not in the system keyring; "
                    "connect to the tenant again.",
                ).format(name=profile.name)
            )
        from keymon.core.sapci.client import TenantClient

        return TenantClient(profile, secret, retry=self.retry)

    def open_tenant(self, name: str, keystore: str = names.SYSTEM) -> TaskHandle | None:
        """Read the tenant keystore in a worker; the window shows it when all is read."""
        try:
            profile = self.profiles.get(name)
            client = self.client_for(profile)
        except KeymonError as exc:
            self.status.show_error(exc.message)
            return None
        self.cancel_loading()
        self.status.start(translate("Tenants", "Reading tenant {name}").format(name=name))

        def done(view: TenantKeystore) -> None:
            self.loading = None
            self.status.finish()
            self.show(TenantSession(profile, client, view))
            if keystore == names.SYSTEM:
                text = translate("Tenants", "Opened tenant {name}: {count} entries")
            else:
                text = translate(
                    "Tenants", "Opened the {keystore} of tenant {name}: {count} entries"
                )
            self.ctx.show_message(
                text.format(name=name, count=len(view), keystore=keystore_name(keystore))
            )

        def failed(error: ErrorInfo) -> None:
            self.loading = None
            client.close()
            self.status.finish()
            self.status.show_error(error.message)

        def cancelled() -> None:
            self.loading = None
            client.close()
            self.status.finish()
            self.status.show_error(
                translate("Tenants", "Reading tenant {name} was cancelled.").format(name=name)
            )

        self.loading = self.ctx.runner.run(
            read_tenant,
            client,
            keystore,
            title=translate("Tenants", "Reading tenant {name}").format(name=name),
            on_done=done,
            on_error=failed,
            on_progress=lambda d, t, _text: self.status.advance(d, t),
            on_cancelled=cancelled,
        )
        return self.loading

    def cancel_loading(self) -> None:
        if self.loading is not None:
            self.loading.cancel()


def install_file_menu(recent_menu: QMenu, connect: QAction, open_menu: QMenu) -> None:
    """Put Connect to Tenant… and Open Tenant ▸ in the File menu after Open Recent."""
    file_menu = recent_menu.parentWidget()
    assert isinstance(file_menu, QMenu)
    items = file_menu.actions()
    position = items.index(recent_menu.menuAction()) + 1
    if position >= len(items):
        file_menu.addAction(connect)
        file_menu.addMenu(open_menu)
        return
    file_menu.insertAction(items[position], connect)
    file_menu.insertMenu(items[position], open_menu)


def _activate_item(window: QMainWindow) -> tuple[QAction, QAction | None]:
    """Key Pairs › Activate Renewal Key Pair… at the menu's end (and the table's context
    menu's), hidden until a tenant shows
    (:class:`~keymon.gui.tenants.tenant_renewal.TenantRenewal` enables it)."""
    action = QAction(translate("Tenants", "&Activate Renewal Key Pair…"), window)
    action.setObjectName("actionTenantActivate")
    menu = window.findChild(QMenu, "keyPairsMenu")
    separator = menu.addSeparator() if isinstance(menu, QMenu) else None
    if isinstance(menu, QMenu):
        menu.addAction(action)
    table = window.findChild(QTableView, "entriesTable")
    if isinstance(table, QTableView):  # and in the table's context menu while it shows
        table.addAction(action)
    for item in (action, separator):
        if item is not None:
            item.setVisible(False)
    action.setEnabled(False)
    action.setToolTip(translate("Tenants", "No tenant is open."))
    return action, separator

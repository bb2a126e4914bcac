"""The two sides of File › Compare Keystores…: what each is, and reading its entries.

A side is the keystore the window shows (its entries are in memory), another keystore
file (read in a worker, its password asked through the password flow as when adding
from a file) or a saved tenant profile (read in a worker with the profile's client).
:class:`SideReader` reports exactly once: entries, one sentence, or cancelled.
Nothing here writes.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from keymon.core import storage
from keymon.core.cancel import CancelToken
from keymon.core.entries import Entry
from keymon.core.errors import KeymonError
from keymon.core.formats.detect import load
from keymon.core.passwords import PasswordSource, PromptAnswer
from keymon.core.sapci import names
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.location import TenantKeystore
from keymon.gui.password_flow import DialogPasswordPrompt, PasswordFlow, PromptGate
from keymon.gui.prompts import Prompts
from keymon.gui.tenants.tenant_actions import read_tenant
from keymon.gui.workers import ErrorInfo, TaskRunner

Entries = Sequence[Entry]


translate = QCoreApplication.translate


class SideKind(enum.Enum):
    SHOWN = "shown"  # what the window shows (a file or a tenant), in memory
    FILE = "file"
    TENANT = "tenant"


@dataclass(frozen=True)
class Side:
    """One side of a comparison; ``name`` is what the user reads (file name, profile)."""

    kind: SideKind
    name: str
    path: Path | None = None
    profile: str | None = None
    #: Which keystore of the tenant ``profile`` (system, KeyRenewal, backup_admin_system).
    keystore: str = names.SYSTEM


class Cancellable(Protocol):
    def cancel(self) -> None: ...


class TenantClients(Protocol):
    """Opens a client for a saved tenant profile (raises KeymonError with one sentence)."""

    def __call__(self, profile: str) -> TenantClient: ...


@dataclass(frozen=True)
class ReadCallbacks:
    done: Callable[[Entries], object]
    error: Callable[[str], object]
    cancelled: Callable[[], object]


class _WatchedPrompt:
    """The password dialog, noting whether the user was told a password was wrong."""

    def __init__(self, prompts: Prompts) -> None:
        self.inner = DialogPasswordPrompt(prompts)
        self.saw_wrong = False

    def __call__(self, target: Path, *, wrong: bool) -> PromptAnswer | None:
        self.saw_wrong = self.saw_wrong or wrong
        return self.inner(target, wrong=wrong)


class SideReader:
    """Reads the entries of a file or tenant side off the GUI thread."""

    def __init__(
        self,
        runner: TaskRunner,
        prompts: Prompts,
        gate: PromptGate,
        clients: TenantClients,
        shown: Callable[[], Entries],
    ) -> None:
        self.runner, self.prompts, self.gate = runner, prompts, gate
        self.clients = clients
        self.shown = shown

    def read(self, side: Side, then: ReadCallbacks) -> Cancellable | None:
        """Start reading ``side``; None when it was in memory (``then.done`` ran already)."""
        if side.kind is SideKind.SHOWN:
            then.done(tuple(self.shown()))
            return None
        if side.kind is SideKind.FILE:
            assert side.path is not None
            return self._read_file(side, side.path, then)
        return self._read_tenant(side, then)

    def _read_file(self, side: Side, path: Path, then: ReadCallbacks) -> Cancellable:
        def job(password: str | None, cancel: CancelToken) -> Entries:
            data, _ = storage.read_file(path)
            return tuple(load(data, password, cancel).entries)

        prompt = _WatchedPrompt(self.prompts)

        def cancelled() -> None:
            if prompt.saw_wrong:  # the user gave up after a wrong password
                text = translate(
                    "Compare", "The password of {name} is wrong; nothing was compared."
                )
                then.error(text.format(name=side.name))
            else:
                then.cancelled()

        flow = PasswordFlow(
            self.runner,
            self.gate,
            PasswordSource(path, prompt=prompt),
            job,
            title=translate("Compare", "Reading {name}").format(name=side.name),
            on_done=then.done,
            on_error=lambda error: then.error(cannot_read(side, error.message)),
            on_cancelled=cancelled,
        )
        flow.start()
        return flow

    def _read_tenant(self, side: Side, then: ReadCallbacks) -> Cancellable | None:
        assert side.profile is not None
        try:
            client = self.clients(side.profile)
        except KeymonError as exc:
            then.error(cannot_read(side, exc.message))
            return None

        def done(view: TenantKeystore) -> None:
            client.close()
            then.done(view.entries)

        def failed(error: ErrorInfo) -> None:
            client.close()
            then.error(cannot_read(side, error.message))

        def cancelled() -> None:
            client.close()
            then.cancelled()

        return self.runner.run(
            read_tenant,
            client,
            side.keystore,
            title=translate("Compare", "Reading tenant {name}").format(name=side.name),
            on_done=done,
            on_error=failed,
            on_cancelled=cancelled,
        )


def cannot_read(side: Side, message: str) -> str:
    return translate("Compare", "Cannot read {name}: {message}").format(
        name=side.name, message=message
    )

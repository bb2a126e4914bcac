"""Hermetic test set-up: a temporary keymon home and an in-memory keyring for every test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in memory: tests never touch the real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.store[(service, username)]
        except KeyError as exc:
            raise keyring.errors.PasswordDeleteError(username) from exc


@pytest.fixture(autouse=True)
def keymon_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("keymon-home")
    monkeypatch.setenv("KEYMON_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is required for the interoperability tests (see README)")
    return path


@pytest.fixture(scope="session")
def keytool() -> str:
    return _tool("keytool")


@pytest.fixture(scope="session")
def openssl() -> str:
    return _tool("openssl")


@pytest.fixture(scope="session")
def java_cacerts(keytool: str) -> Path:
    real = Path(os.path.realpath(keytool))
    cacerts = real.parent.parent / "lib" / "security" / "cacerts"
    if not cacerts.exists():
        pytest.fail(f"the JDK's cacerts was not found next to {real}")
    return cacerts

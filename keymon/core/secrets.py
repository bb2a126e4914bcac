"""Keystore passwords in the OS keyring, and nowhere else.

There is no plaintext fallback: when no real keyring is available, callers are
told (:class:`NoKeyring`) and ask the user for the password each session.
"""

from __future__ import annotations

import contextlib
import os
import sys

from keymon.core.errors import NoKeyring

# keyring is imported where it is used: it costs ~70 ms at start-up, and scripts that
# pass --password-env never need it.

if sys.platform != "darwin":
    # Choosing a backend imports every one keyring ships. The macOS one looks for Apple's
    # Security framework with ctypes.util.find_library as it loads, which elsewhere runs
    # ldconfig and gcc (~40 ms of every first look-up, jaraco/keyring#403). That backend
    # is never usable off macOS (its priority says "macOS required"); a None module makes
    # its optional import fail at once, and the choice stays keyring's own.
    sys.modules.setdefault("keyring.backends.macOS.api", None)  # type: ignore[arg-type]

SERVICE = "keymon"
_UNSAFE_BACKEND_HINTS = ("plaintext", "fail", "null", "chainer")


def _account(path: str | os.PathLike[str]) -> str:
    return "keystore:" + os.path.abspath(os.fspath(path))


def keyring_available() -> bool:
    """True when a keyring that keeps secrets safely is available."""
    import keyring

    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration is "no keyring"
        return False
    name = f"{type(backend).__module__}.{type(backend).__name__}".lower()
    if "chainer" in name:
        return any(_safe(b) for b in getattr(backend, "backends", ()))
    return _safe(backend)


def _safe(backend: object) -> bool:
    name = f"{type(backend).__module__}.{type(backend).__name__}".lower()
    if any(hint in name for hint in _UNSAFE_BACKEND_HINTS):
        return False
    priority = getattr(backend, "priority", 0)
    try:
        return float(priority) > 0
    except (TypeError, ValueError):
        return False


def get_password(path: str | os.PathLike[str]) -> str | None:
    """The remembered password of a keystore, or None (also when there is no keyring)."""
    if not keyring_available():
        return None
    import keyring
    import keyring.errors

    try:
        value = keyring.get_password(SERVICE, _account(path))
    except keyring.errors.KeyringError:
        return None
    return value if isinstance(value, str) else None


def set_password(path: str | os.PathLike[str], password: str) -> None:
    """Remember a keystore password; raises NoKeyring when it cannot be kept safely."""
    if not keyring_available():
        raise NoKeyring("No system keyring is available, so keymon cannot remember the password.")
    import keyring
    import keyring.errors

    try:
        keyring.set_password(SERVICE, _account(path), password)
    except keyring.errors.KeyringError as exc:
        raise NoKeyring(f"The system keyring refused to store the password ({exc}).") from exc


def forget_password(path: str | os.PathLike[str]) -> None:
    if not keyring_available():
        return
    import keyring
    import keyring.errors

    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SERVICE, _account(path))


def get_secret(account: str) -> str | None:
    """A secret kept under ``account`` (e.g. ``sapci:prod``), or None (also with no keyring)."""
    if not keyring_available():
        return None
    import keyring
    import keyring.errors

    try:
        value = keyring.get_password(SERVICE, account)
    except keyring.errors.KeyringError:
        return None
    return value if isinstance(value, str) else None


def set_secret(account: str, secret: str) -> None:
    """Keep a secret under ``account``; NoKeyring when it cannot be kept safely (no fallback)."""
    if not keyring_available():
        raise NoKeyring("No system keyring is available, so keymon cannot keep the secret.")
    import keyring
    import keyring.errors

    try:
        keyring.set_password(SERVICE, account, secret)
    except keyring.errors.KeyringError as exc:
        raise NoKeyring(f"The system keyring refused to store the secret ({exc}).") from exc


def forget_secret(account: str) -> None:
    if not keyring_available():
        return
    import keyring
    import keyring.errors

    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SERVICE, account)

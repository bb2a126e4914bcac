"""The default keystore: a PKCS#12 in keymon's data directory, password in the keyring."""

from __future__ import annotations

import secrets as _random
from collections.abc import Callable
from pathlib import Path

from keymon.core import config, secrets
from keymon.core.errors import NoKeyring, PasswordRequired
from keymon.core.formats.detect import Format
from keymon.core.keystore import AskPassword, Keystore

NO_KEYRING_NOTICE = (
    "No system keyring is available: keymon cannot remember the default keystore's "
    "password, so you will be asked for it each session."
)


def open_default(
    ask: AskPassword | None = None,
    ask_new: Callable[[Path], str] | None = None,
    path: Path | None = None,
) -> Keystore:
    """Open the default keystore, creating it on first run.

    On creation the password is random and goes to the keyring. Without a
    keyring, ``ask_new`` supplies a password chosen by the user (the caller
    tells them it cannot be remembered); without ``ask_new`` NoKeyring is raised.
    """
    path = path or config.default_keystore_path()
    if path.exists():
        return Keystore.open(path, secrets.get_password(path), ask)
    config.ensure_private_dir(path.parent)
    password = _random.token_urlsafe(24)
    try:
        secrets.set_password(path, password)
    except NoKeyring:
        if ask_new is None:
            raise NoKeyring(NO_KEYRING_NOTICE) from None
        password = ask_new(path)
        if not password:
            raise PasswordRequired("A password is needed to create the default keystore.") from None
    store = Keystore([], fmt=Format.PKCS12, path=path, password=password)
    store.save()
    return store

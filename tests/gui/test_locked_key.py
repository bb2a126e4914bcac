"""A JKS key entry whose key has its own password, in the window.

The window lists it with its chain; the actions that need the private key say why
they cannot go on (there is no per-entry key password prompt yet) instead of failing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from pytestqt.qtbot import QtBot

from keymon.core.entries import KeyPairEntry
from keymon.core.formats import jks, sun_pbe
from keymon.core.locked import LockedKey
from keymon.gui.main_window import KeymonMainWindow
from tests import factory
from tests.gui.helpers import PW, open_window
from tests.gui.scripted_prompts import ScriptedPrompts


@pytest.fixture
def locked_window(
    qtbot: QtBot, tmp_path: Path, prompts: ScriptedPrompts, keymon_home: Path
) -> Iterator[KeymonMainWindow]:
    entry = factory.self_signed_entry("own-password", "Own Password")
    pkcs8 = entry.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    sealed = LockedKey.from_sealed(sun_pbe.jks_protect(pkcs8, "key-password"))
    locked = KeyPairEntry(entry.alias, None, entry.chain, sealed=sealed)
    path = tmp_path / "own.jks"
    path.write_bytes(jks.dump([locked, factory.trusted_entry("root")], PW))
    win = open_window(qtbot, path, PW, keymon_home, prompts)
    yield win
    win.close()
    prompts.assert_done()


def test_key_actions_on_a_locked_key_say_why(
    locked_window: KeymonMainWindow, prompts: ScriptedPrompts
) -> None:
    window = locked_window
    window.select_alias("own-password")
    entry = window.current_entry()
    assert isinstance(entry, KeyPairEntry) and entry.locked and len(entry.chain) == 1
    for action in ("actionCreateCsr", "actionSignCsr", "actionImportCaReply"):
        prompts.expect("error", containing="has its own password")
        window.actions_by_name[action].trigger()
        assert not prompts.pending

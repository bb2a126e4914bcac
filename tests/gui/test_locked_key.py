"""A JKS key entry whose key has its own password, in the window.

The window lists it with its chain; the actions that need the private key ask for
the key's own password, and again after a wrong one (issue 10).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from pytestqt.qtbot import QtBot

from keymon.core.entries import KeyPairEntry
from keymon.core.formats import jks, pkcs12, sun_pbe
from keymon.core.locked import LockedKey
from keymon.gui.dialogs.export_keypair_dialog import ExportAnswer
from keymon.gui.dialogs.password_dialog import PasswordAnswer
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


def test_key_actions_ask_for_the_key_password_and_stop_on_cancel(
    locked_window: KeymonMainWindow, prompts: ScriptedPrompts
) -> None:
    window = locked_window
    window.select_alias("own-password")
    entry = window.current_entry()
    assert isinstance(entry, KeyPairEntry) and entry.locked and len(entry.chain) == 1
    actions = [window.actions_by_name[a] for a in ("actionCreateCsr", "actionImportCaReply")]
    sign = window.actions_by_name["actionSignCsr"]  # disabled where the key pair is no CA
    for action in [*actions, sign] if sign.isEnabled() else actions:
        prompts.expect(
            "ask_password", None, containing="The key of entry 'own-password' has its own password"
        )
        action.trigger()
        assert not prompts.pending
    assert not prompts.messages  # cancelled: no error on top


def test_export_key_pair_asks_the_key_password_again_after_a_wrong_one(
    locked_window: KeymonMainWindow, prompts: ScriptedPrompts, qtbot: QtBot, tmp_path: Path
) -> None:
    window = locked_window
    window.select_alias("own-password")
    out = tmp_path / "exported.p12"
    prompts.expect("ask_password", PasswordAnswer("nope"), containing="has its own password")
    prompts.expect("ask_password", PasswordAnswer("key-password"), containing="wrong")
    prompts.expect("export_key_pair", ExportAnswer("exportpw"))
    prompts.expect("choose_save_file", out)
    window.actions_by_name["actionExportKeyPair"].trigger()
    qtbot.waitUntil(out.exists, timeout=10_000)
    [exported] = pkcs12.load(out.read_bytes(), "exportpw")
    assert isinstance(exported, KeyPairEntry) and not exported.locked
    original = window.current_entry()
    assert isinstance(original, KeyPairEntry)
    assert exported.certificate == original.certificate

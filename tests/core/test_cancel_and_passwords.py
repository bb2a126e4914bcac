"""The one cancellation primitive and the one password flow of core (no Qt)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from keymon.core import secrets
from keymon.core.cancel import Cancelled, CancelToken
from keymon.core.errors import CorruptData, KeymonError, PasswordRequired, WrongPassword
from keymon.core.formats import pkcs12
from keymon.core.keystore import Keystore
from keymon.core.net import Cancellation, ProbeCancelled
from keymon.core.passwords import (
    ConsolePrompt,
    PasswordSource,
    PromptAnswer,
    UnencodablePassword,
    is_password_error,
)
from keymon.core.x509.keygen import KeySpec, generate_private_key
from tests import factory
from tests.conftest import MemoryKeyring

PW = "storepass"


# -- CancelToken ---------------------------------------------------------------------------
def test_cancel_raises_a_keymon_error_with_exit_130() -> None:
    token = CancelToken()
    token.raise_if_cancelled()  # not cancelled: nothing happens
    token.cancel()
    with pytest.raises(Cancelled) as caught:
        token.raise_if_cancelled()
    assert isinstance(caught.value, KeymonError)
    assert caught.value.exit_code == 130
    assert caught.value.message == "The operation was cancelled."


def test_callbacks_run_once_and_late_ones_at_once() -> None:
    token = CancelToken()
    calls: list[str] = []
    token.on_cancel(lambda: calls.append("a"))
    forgotten = lambda: calls.append("forgotten")  # noqa: E731
    token.on_cancel(forgotten)
    token.forget(forgotten)
    token.cancel()
    token.cancel()
    token.on_cancel(lambda: calls.append("late"))
    assert calls == ["a", "late"]


def test_a_child_token_follows_its_parent() -> None:
    parent = CancelToken()
    child = CancelToken(parent=parent)
    assert not child.cancelled
    parent.cancel()
    assert child.cancelled


def test_wait_wakes_on_cancel_from_another_thread() -> None:
    token = CancelToken()
    threading.Thread(target=token.cancel).start()
    assert token.wait(30) is True


def test_the_probe_token_is_the_core_token() -> None:
    runner = CancelToken()
    probe = Cancellation(parent=runner)
    runner.cancel()
    with pytest.raises(ProbeCancelled) as caught:
        probe.raise_if_cancelled()
    assert isinstance(caught.value, Cancelled)


def test_keygen_honours_the_token() -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        generate_private_key(KeySpec("ec", curve="P-256"), token)


def test_pkcs12_decoding_reports_a_cancel_as_itself() -> None:
    entry = factory.self_signed_entry("k")
    data = pkcs12.dump([entry], PW)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled) as caught:
        pkcs12.decode(data, PW, token)
    assert not isinstance(caught.value, CorruptData)


# -- PasswordSource ------------------------------------------------------------------------
class Asker:
    """A scripted PasswordPrompt: answers in order, records ``wrong`` of each question."""

    def __init__(self, *answers: PromptAnswer | None) -> None:
        self.answers = list(answers)
        self.asked: list[bool] = []

    def __call__(self, target: Path, *, wrong: bool) -> PromptAnswer | None:
        self.asked.append(wrong)
        return self.answers.pop(0)


@pytest.fixture
def p12(tmp_path: Path) -> Path:
    path = tmp_path / "store.p12"
    Keystore([factory.self_signed_entry("k")], path=path, password=PW).save()
    return path


def test_explicit_comes_before_the_keyring(p12: Path) -> None:
    secrets.set_password(p12, "from-keyring")
    assert PasswordSource(p12, "given").first() == "given"
    source = PasswordSource(p12)
    assert source.first() == "from-keyring"
    assert source.origin == "keyring"


def test_missing_password_is_asked_and_remembered_on_request(
    p12: Path, memory_keyring: MemoryKeyring
) -> None:
    asker = Asker(PromptAnswer(PW, remember=True))
    store = PasswordSource(p12, prompt=asker).run(lambda pw: Keystore.open(p12, pw))
    assert store.aliases == ["k"]
    assert asker.asked == [False]
    assert secrets.get_password(p12) == PW


def test_wrong_password_is_asked_again_saying_so(p12: Path) -> None:
    secrets.set_password(p12, "stale")
    asker = Asker(PromptAnswer("still wrong"), PromptAnswer(PW))
    store = PasswordSource(p12, prompt=asker).run(lambda pw: Keystore.open(p12, pw))
    assert len(store) == 1
    assert asker.asked == [True, True]
    assert secrets.get_password(p12) == "stale"  # not asked to remember


def test_without_reask_a_wrong_password_is_final(p12: Path) -> None:
    asker = Asker()
    source = PasswordSource(p12, "bad", prompt=asker, reask_on_wrong=False)
    with pytest.raises(WrongPassword):
        source.run(lambda pw: Keystore.open(p12, pw))
    assert asker.asked == []


def test_cancelling_the_prompt_gives_up(p12: Path) -> None:
    source = PasswordSource(p12, prompt=Asker(None))
    with pytest.raises(PasswordRequired):
        source.run(lambda pw: Keystore.open(p12, pw))
    assert source.cancelled


def test_prompts_are_bounded(p12: Path) -> None:
    source = PasswordSource(p12, prompt=Asker(*[PromptAnswer("no")] * 3), max_prompts=3)
    with pytest.raises(WrongPassword):
        source.run(lambda pw: Keystore.open(p12, pw))
    assert source.prompts == 3


def test_other_errors_are_not_password_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.p12"
    bad.write_bytes(b"\x30\x82\x01\x00garbage")
    asker = Asker()
    with pytest.raises(KeymonError):
        PasswordSource(bad, prompt=asker).run(lambda pw: Keystore.open(bad, pw))
    assert asker.asked == []
    assert not is_password_error(UnencodablePassword())
    assert is_password_error(WrongPassword("x"))


def test_console_prompt_off_a_terminal_says_a_password_is_needed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(PasswordRequired, match="needs a password"):
        ConsolePrompt(not_a_terminal="The keystore needs a password.")(Path("x"), wrong=False)

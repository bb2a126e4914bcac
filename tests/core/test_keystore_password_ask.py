"""Keystore.open asks through the one PasswordSource: once, only for a missing password.

The command line's contract (``keymon list`` and friends): a given password is final,
a wrong one is reported (exit 3), and only a file that needs a password none was given
for is asked about, once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from keymon.core.errors import PasswordRequired, WrongPassword
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.core.passwords import PasswordSource, PromptAnswer, UnencodablePassword
from tests import factory

PW = "store-secret"


class Ask:
    """Keystore.open's ``ask``: answers in turn and remembers what it was asked about."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.asked: list[Path] = []

    def __call__(self, target: Path) -> str:
        self.asked.append(target)
        return self.answers.pop(0)


@pytest.fixture(params=[Format.PKCS12, Format.JKS, Format.PEM])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    fmt: Format = request.param
    path = tmp_path / f"store.{fmt.name.lower()}"
    Keystore([factory.self_signed_entry("k")], fmt=fmt, path=path, password=PW).save()
    return path


def test_a_missing_password_is_asked_once_naming_the_file(store: Path) -> None:
    ask = Ask(PW)
    opened = Keystore.open(store, None, ask)
    assert opened.aliases == ["k"] and opened.password == PW
    assert ask.asked == [store]


def test_a_wrong_answer_is_final(store: Path) -> None:
    ask = Ask("wrong", PW)
    with pytest.raises(WrongPassword):
        Keystore.open(store, None, ask)
    assert ask.asked == [store]


def test_a_given_password_is_never_followed_by_a_question(store: Path) -> None:
    ask = Ask(PW)
    with pytest.raises(WrongPassword):
        Keystore.open(store, "wrong", ask)
    assert Keystore.open(store, PW, ask).password == PW
    assert ask.asked == []


def test_an_empty_given_password_for_an_encrypted_pem_is_not_followed_by_a_question(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.pem"
    Keystore([factory.self_signed_entry("k")], fmt=Format.PEM, path=path, password=PW).save()
    ask = Ask(PW)
    with pytest.raises(PasswordRequired):
        Keystore.open(path, "", ask)
    assert ask.asked == []


def test_without_ask_a_missing_password_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "store.p12"
    Keystore([factory.self_signed_entry("k")], path=path, password=PW).save()
    with pytest.raises(PasswordRequired):
        Keystore.open(path)
    with pytest.raises(PasswordRequired):
        Keystore.from_bytes(path.read_bytes())
    assert Keystore.from_bytes(path.read_bytes(), None, Ask(PW)).password == PW


def test_an_unencodable_password_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "store.p12"
    Keystore([factory.self_signed_entry("k")], path=path, password=PW).save()
    ask = Ask("\udcff")
    with pytest.raises(UnencodablePassword):
        Keystore.open(path, "\udcff", ask)
    assert ask.asked == []
    with pytest.raises(UnencodablePassword):
        Keystore.open(path, None, ask)
    assert ask.asked == [path]


def test_a_prompt_that_refuses_is_the_error_reported(tmp_path: Path) -> None:
    path = tmp_path / "store.p12"
    Keystore([factory.self_signed_entry("k")], path=path, password=PW).save()

    def no_terminal(_target: Path) -> str:
        raise PasswordRequired("No password given: use --password-env.")

    with pytest.raises(PasswordRequired, match="--password-env"):
        Keystore.open(path, None, no_terminal)


def test_without_reask_only_a_missing_password_is_asked_for(tmp_path: Path) -> None:
    asked: list[bool] = []

    def prompt(_target: Path, *, wrong: bool) -> PromptAnswer | None:
        asked.append(wrong)
        return PromptAnswer(PW)

    source = PasswordSource(tmp_path, prompt=prompt, use_keyring=False, reask_on_wrong=False)
    assert source.first() is None
    assert source.retry(WrongPassword("wrong without a password")) is None
    assert source.retry(PasswordRequired("needed")) == PW
    assert source.retry(PasswordRequired("needed again")) is None  # PW was tried: final
    assert asked == [False]

"""Passwords: valid Unicode at the boundary, and the one flow that finds them.

Every codec needs a password as valid Unicode text (:func:`require_encodable`).
:class:`PasswordSource` is the order in which keymon looks for a password: given
explicitly, then the system keyring, then asking the user through a
:class:`PasswordPrompt` (:class:`ConsolePrompt` on the command line, the password
dialog in the window), as often as the password is wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Literal, Protocol, TypeVar

from keymon.core import secrets
from keymon.core.errors import (
    IntegrityError,
    KeymonError,
    NoKeyring,
    PasswordRequired,
    WrongPassword,
)
from keymon.core.records import Record, put

T = TypeVar("T")

UNENCODABLE = "The password cannot be encoded (it is not valid UTF-8)."


class UnencodablePassword(WrongPassword):
    """A password holds bytes that are not UTF-8 (from an environment variable or file)."""

    def __init__(self) -> None:
        super().__init__(UNENCODABLE)


def require_encodable(password: str | None) -> None:
    """UnencodablePassword when ``password`` holds lone surrogates (undecodable bytes)."""
    if password is None:
        return
    try:
        password.encode("utf-8")
    except UnicodeEncodeError:
        raise UnencodablePassword() from None


def decode_password(raw: bytes) -> str:
    """Password bytes (a file's first line) as text; UnencodablePassword when not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UnencodablePassword() from None


# -- one password flow: explicit → keyring → prompt ---------------------------------------

Origin = Literal["explicit", "keyring", "prompt"]


class PromptAnswer(Record):
    """A password the user typed, and whether to keep it in the system keyring."""

    password: str
    remember: bool
    FIELDS = ("password", "remember")
    COMPARED = FIELDS

    def __init__(self, password: str, remember: bool = False) -> None:
        put(self, "password", password)
        put(self, "remember", remember)

    def __repr__(self) -> str:  # never print a secret in a log or a test failure
        return f"PromptAnswer(password='***', remember={self.remember})"


class PasswordPrompt(Protocol):
    """Asks the user for the password of ``target`` (None: they cancelled).

    ``wrong`` says the previous password was wrong. The console implementation is
    :class:`ConsolePrompt`; the GUI's asks with its password dialog.
    """

    def __call__(self, target: Path, *, wrong: bool) -> PromptAnswer | None: ...


def is_password_error(error: BaseException) -> bool:
    """A missing or wrong password that another password may cure."""
    return isinstance(error, PasswordRequired | WrongPassword) and not isinstance(
        error, UnencodablePassword | IntegrityError
    )


class PasswordSource:
    """The passwords to try for one file, in order: explicit, then keyring, then prompts.

    ``first()`` is the password of the first attempt (None: try without one). After an
    attempt fails, ``retry(error)`` is the next password, or None when there is none:
    the caller then reports ``error`` (or, when :attr:`cancelled`, stops quietly).
    ``succeeded()`` keeps a prompted password the user asked to remember. With
    ``reask_on_wrong=False`` only an attempt without a password that failed for
    want of one is followed by a prompt (the command line's contract).
    """

    def __init__(
        self,
        target: Path,
        explicit: str | None = None,
        *,
        prompt: PasswordPrompt | None = None,
        use_keyring: bool = True,
        reask_on_wrong: bool = True,
        max_prompts: int = 5,
    ) -> None:
        self.target = target
        self.prompt = prompt
        self.reask_on_wrong = reask_on_wrong
        self.max_prompts = max_prompts
        self.cancelled = False
        self.prompts = 0
        self._remember = False
        self._pending: list[tuple[str, Origin]] = []
        if explicit is not None:
            self._pending.append((explicit, "explicit"))
        elif use_keyring:
            stored = secrets.get_password(target)
            if stored is not None:
                self._pending.append((stored, "keyring"))
        self.password: str | None = None
        self.origin: Origin | None = None

    def first(self) -> str | None:
        """The password of the first attempt (None: none known yet)."""
        if self._pending:
            self.password, self.origin = self._pending.pop(0)
        return self.password

    def retry(self, error: BaseException) -> str | None:
        """The next password after ``error``, asking if need be; None: give up."""
        if not is_password_error(error) or self.prompt is None:
            return None
        wrong = isinstance(error, WrongPassword) and self.password is not None
        missing = isinstance(error, PasswordRequired) and self.password is None
        if not (missing or self.reask_on_wrong):
            return None
        if self.prompts >= self.max_prompts:
            return None
        self.prompts += 1
        answer = self.prompt(self.target, wrong=wrong)
        if answer is None:
            self.cancelled = True
            return None
        self.password, self.origin, self._remember = answer.password, "prompt", answer.remember
        return self.password

    def succeeded(self) -> str | None:
        """Remember a prompted password if asked to; the no-keyring sentence if it cannot be."""
        if not (self._remember and self.origin == "prompt" and self.password):
            return None
        try:
            secrets.set_password(self.target, self.password)
        except NoKeyring as exc:
            return exc.message
        return None

    def run(self, attempt: Callable[[str | None], T]) -> T:
        """Call ``attempt(password)`` until it succeeds or no password is left to try."""
        password = self.first()
        while True:
            try:
                result = attempt(password)
            except KeymonError as exc:
                password = self.retry(exc)
                if password is None:
                    raise
                continue
            self.succeeded()
            return result


class AskPrompt:
    """A :class:`PasswordPrompt` over a plain ``ask(target) -> password`` (Keystore.open's)."""

    def __init__(self, ask: Callable[[Path], str]) -> None:
        self.ask = ask

    def __call__(self, target: Path, *, wrong: bool) -> PromptAnswer | None:
        return PromptAnswer(self.ask(target))


class ConsolePrompt:
    """The command line's prompt: getpass on a terminal, PasswordRequired elsewhere."""

    def __init__(self, label: str = "Password", *, not_a_terminal: str = "") -> None:
        self.label = label
        self.not_a_terminal = not_a_terminal or "A password is needed and none was given."

    def __call__(self, target: Path, *, wrong: bool) -> PromptAnswer | None:
        if not sys.stdin.isatty():
            raise PasswordRequired(self.not_a_terminal)
        if wrong:
            print("The password is wrong. Try again.", file=sys.stderr)
        return PromptAnswer(ask_hidden(f"{self.label} for {target}: "))


def ask_hidden(prompt: str) -> str:
    """``getpass.getpass`` (imported when a prompt is shown: it loads termios)."""
    import getpass

    return getpass.getpass(prompt)

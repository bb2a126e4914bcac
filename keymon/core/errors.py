"""The one exception hierarchy of keymon.

Every error a user can cause carries a message that is one clear sentence and
an ``exit_code`` that the command line returns (see the README's contract).
"""

from __future__ import annotations


class KeymonError(Exception):
    """Base of every error keymon reports to a user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(KeymonError):
    """The request itself is wrong (bad option, missing input)."""

    exit_code = 2


class AliasNotFound(UsageError):
    def __init__(self, alias: str) -> None:
        super().__init__(f"There is no entry with the alias {alias!r} in the keystore.")
        self.alias = alias


class AliasExists(UsageError):
    def __init__(self, alias: str) -> None:
        super().__init__(f"An entry with the alias {alias!r} already exists in the keystore.")
        self.alias = alias


class PasswordRequired(UsageError):
    """No password was given and none could be found or asked for."""


class WrongPassword(KeymonError):
    exit_code = 3


class KeyLocked(WrongPassword):
    """The key of an entry has its own password, which was not given (or is wrong)."""

    def __init__(self, alias: str, *, wrong: bool = False, hint: str = "") -> None:
        if wrong:
            text = f"The key password given for entry {alias!r} is wrong"
        else:
            text = f"The key of entry {alias!r} has its own password"
        super().__init__(f"{text}; {hint}." if hint else f"{text}.")
        self.alias = alias
        self.wrong = wrong


class IntegrityError(KeymonError):
    """The password is right (or cannot be told) but the data fails its integrity check."""

    exit_code = 3


class UnreadableFile(KeymonError):
    exit_code = 4


class UnsupportedFormat(UnreadableFile):
    pass


class CorruptData(UnreadableFile):
    pass


class ChangedOnDisk(KeymonError):
    """The keystore file changed since it was read; saving would overwrite someone else's work."""

    exit_code = 5


class NoKeyring(KeymonError):
    """No OS keyring is available to remember a secret."""

    exit_code = 2


class TenantError(KeymonError):
    """A tenant (SAP Cloud Integration) could not be reached or refused a request.

    ``status`` is the HTTP status (None when no answer came), ``detail`` the
    tenant's own message (the OData error text), never a secret.
    """

    exit_code = 7

    def __init__(self, message: str, *, status: int | None = None, detail: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.detail = detail

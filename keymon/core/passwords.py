"""Passwords at the boundary: every codec needs them as valid Unicode text."""

from __future__ import annotations

from keymon.core.errors import WrongPassword

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

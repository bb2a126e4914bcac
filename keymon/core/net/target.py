"""A server to probe as the user types it: ``HOST``, ``HOST:PORT``, ``[IPv6]:PORT``, ``IPv6``.

One parser for the command line (``keymon probe HOST[:PORT]``) and the window's
connectivity panel, so both accept and refuse the same texts.
"""

from __future__ import annotations

from dataclasses import dataclass

from keymon.core.errors import UsageError

MAX_PORT = 65535


class InvalidTarget(UsageError):
    """The text is not ``HOST[:PORT]``; ``port_text`` holds a port that is not a number."""

    def __init__(self, message: str, port_text: str | None = None) -> None:
        super().__init__(message)
        self.port_text = port_text


@dataclass(frozen=True)
class Target:
    host: str
    port: int | None = None
    """The port the text names; None when it names none (the caller's default applies)."""

    @classmethod
    def parse(cls, text: str) -> Target:
        """The host and port of ``text``; :class:`InvalidTarget` (exit 2) when malformed."""
        host, port_text = text.strip(), ""
        if not host:
            raise InvalidTarget("A host name is needed.")  # as ProbeRequest says it
        if host.startswith("["):
            host, _, rest = host[1:].partition("]")
            if rest and (not rest.startswith(":") or rest == ":"):
                raise InvalidTarget(f"{text!r} is not of the form HOST[:PORT].")
            port_text = rest[1:] if rest else ""
        elif host.count(":") == 1:  # more than one: a bare IPv6 address
            host, _, port_text = host.partition(":")
            if not port_text:
                raise InvalidTarget(f"{text!r} is not of the form HOST[:PORT]: no port after ':'.")
        if not host:
            raise InvalidTarget(f"{text!r} is not of the form HOST[:PORT]: the host is missing.")
        if not port_text:
            return cls(host)
        if not port_text.isdigit():
            raise InvalidTarget(
                f"{text!r} is not of the form HOST[:PORT]: the port {port_text!r} is not a number.",
                port_text,
            )
        if not 0 < int(port_text) <= MAX_PORT:
            raise InvalidTarget(
                f"{text!r} is not of the form HOST[:PORT] with a port from 1 to {MAX_PORT}."
            )
        return cls(host, int(port_text))

    def port_or(self, default: int) -> int:
        """The port named in the text, else ``default``."""
        return default if self.port is None else self.port

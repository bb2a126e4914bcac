"""Which function runs each subcommand: handlers register with ``@command(NAME)``.

A second registration of a name raises at import time, so two modules can never
silently compete for a subcommand; tests check that every subcommand of the
parser has exactly one handler.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping

Handler = Callable[[argparse.Namespace], int]

_HANDLERS: dict[str, Handler] = {}


class DuplicateCommand(RuntimeError):
    """Two handlers for one subcommand: a programming error."""


def command(name: str) -> Callable[[Handler], Handler]:
    """Register the decorated function as the handler of subcommand ``name``."""

    def register(handler: Handler) -> Handler:
        if name in _HANDLERS:
            previous = _HANDLERS[name]
            raise DuplicateCommand(
                f"The subcommand {name!r} has a handler already: "
                f"{previous.__module__}.{previous.__qualname__}."
            )
        _HANDLERS[name] = handler
        return handler

    return register


def handlers() -> Mapping[str, Handler]:
    """Every registered handler by subcommand name (import keymon.cli.commands first)."""
    return dict(_HANDLERS)

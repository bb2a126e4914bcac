"""Binding each action to exactly one handler, checked when the window starts.

An action group marks its handlers with :func:`handles`; :func:`bind_actions`
connects every QAction to its handler and raises :class:`ActionBindingError` when
an action has no handler or more than one (an unbound action would be silently
dead; a doubly bound one would run twice).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from PySide6.QtGui import QAction

from keymon.gui.actions import ActionId

Handler = Callable[[], object]
F = TypeVar("F", bound=Callable[..., Any])
HANDLES_ATTRIBUTE = "__keymon_handles__"


class ActionBindingError(RuntimeError):
    """An action without a handler, or with more than one (a programming error)."""


def handles(action: ActionId) -> Callable[[F], F]:
    """Mark a method of an :class:`ActionGroup` as the handler of ``action``."""

    def mark(method: F) -> F:
        setattr(method, HANDLES_ATTRIBUTE, action)
        return method

    return mark


class ActionGroup:
    """A set of handlers; :meth:`handlers` lists the methods marked with :func:`handles`."""

    def handlers(self) -> dict[ActionId, Handler]:
        found: dict[ActionId, Handler] = {}
        for name in dir(type(self)):
            action = getattr(getattr(type(self), name, None), HANDLES_ATTRIBUTE, None)
            if action is None:
                continue
            if action in found:
                raise ActionBindingError(f"{type(self).__name__} handles {action} twice")
            found[action] = getattr(self, name)
        return found


def merge_handlers(groups: Iterable[Mapping[ActionId, Handler]]) -> dict[ActionId, Handler]:
    """One table from several; an action handled by two groups raises."""
    table: dict[ActionId, Handler] = {}
    for group in groups:
        for action, handler in group.items():
            if action in table:
                raise ActionBindingError(f"{action} has two handlers")
            table[action] = handler
    return table


def bind_actions(
    actions: Mapping[ActionId, QAction], groups: Iterable[Mapping[ActionId, Handler]]
) -> None:
    """Connect each action's ``triggered`` to its one handler; raise on a gap or a double."""
    table = merge_handlers(groups)
    unbound = [a.value for a in ActionId if a not in table]
    unknown = [a.value for a in table if a not in actions]
    if unbound or unknown:
        raise ActionBindingError(
            f"actions without a handler: {', '.join(unbound) or 'none'}; "
            f"handlers without an action: {', '.join(unknown) or 'none'}"
        )
    for action, handler in table.items():
        actions[action].triggered.connect(lambda _checked=False, h=handler: h())

"""Frozen value records for the modules a listing loads, without the dataclasses module.

``keymon list`` of Java's cacerts takes about 70 ms, and ``import dataclasses`` (which
brings inspect, ast, dis and tokenize) plus generating the nine record classes that
listing loads cost about 8 ms of it. The classes here are what those dataclasses were:
immutable after ``__init__``, equal when their class and compared fields are equal,
hashable from those fields, with a repr that leaves secrets and keys out and a
:meth:`Record.replace` that builds a copy through ``__init__`` (as ``dataclasses.replace``
does). Each class writes its own typed ``__init__`` and names its fields in three tuples.
Records away from that path (the window, the tenant client) stay dataclasses.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any, ClassVar, Self

Names = tuple[str, ...]
"""The type of ``FIELDS``, ``COMPARED`` and ``SHOWN`` (a subclassed record names it)."""


put = object.__setattr__
"""How a record's ``__init__`` sets a field: one call per field. (Updating ``__dict__``
in one call is no faster and makes each instance's dictionary ~140 bytes larger.)"""


class FrozenRecord(AttributeError):
    """Assigning to or deleting a field of a frozen record."""


class Record:
    """Base of a frozen record; a subclass's ``__init__`` sets each field with :func:`put`.

    - ``FIELDS``: the ``__init__`` parameters that :meth:`replace` passes, by name;
    - ``COMPARED``: what ``==`` and ``hash`` look at (only between objects of one class);
    - ``SHOWN``: what ``repr`` shows (never a password or a key).
    """

    __slots__ = ()
    FIELDS: ClassVar[Names] = ()
    COMPARED: ClassVar[Names] = ()
    SHOWN: ClassVar[Names] = ()
    _compared: ClassVar[attrgetter[Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._compared = attrgetter(*cls.COMPARED or ("__class__",))

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenRecord(f"cannot assign to field {name!r} of a {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise FrozenRecord(f"cannot delete field {name!r} of a {type(self).__name__}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(self._compared(self) == self._compared(other))

    def __hash__(self) -> int:
        return hash(self._compared(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.SHOWN)
        return f"{type(self).__qualname__}({shown})"

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes``, made through ``__init__`` (which checks them)."""
        unknown = changes.keys() - set(self.FIELDS)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        return type(self)(**{name: getattr(self, name) for name in self.FIELDS} | changes)

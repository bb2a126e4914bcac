"""Indented JSON text, byte for byte what ``json.dumps(data, indent=2, ensure_ascii=False)``
writes, in a fraction of its time.

With ``indent`` set, the standard library leaves its C encoder and walks the data in Python
one token at a time (about 0.3 s for the 10,000 objects of ``keymon list --json``). Here
each flat object (one whose values are all scalars or empty lists and objects, as every
object of a listing is) is written by the C encoder in one call, with the separators
of its nesting level; anything else is walked here, level by level. A list of flat objects
(a listing) is checked in one pass over all its values and each object handed to the C
encoder straight, without a check and an encoder call of its own. Data the standard
library refuses (other types, circular references) goes to it, so it raises as before.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from itertools import chain, repeat
from operator import countOf
from typing import Any

_SCALARS = (str, int, float, bool, type(None))
#: Types seen to be scalars (``str`` and ``int`` subclasses such as enums included).
_scalar_types: set[type] = {str, int, float, bool, type(None)}
_EMPTY: dict[type, Any] = {list: [], dict: {}, tuple: ()}
_CONTAINERS = frozenset(_EMPTY)


def _scalars_or_empty(values: Sequence[Any]) -> bool:
    """Every value a scalar or an empty list, tuple or dict (not of a subclass)."""
    kinds = set(map(type, values))  # typed and compared in C: no loop over the values
    for kind in kinds - _scalar_types:
        if issubclass(kind, _SCALARS):
            _scalar_types.add(kind)
        elif kind not in _EMPTY:
            return False  # another type (or a container's subclass): walked
    if kinds <= _CONTAINERS:
        return not any(values)  # containers only (a column of notes): all empty
    # (counted last: comparing with [] could call a foreign type's __eq__)
    return all(
        countOf(map(type, values), kind) == values.count(_EMPTY[kind])
        for kind in kinds & _CONTAINERS
    )


def _flat(obj: dict[Any, Any] | list[Any]) -> bool:
    """Every value a scalar or an empty container, every key a string (a dict's)."""
    if isinstance(obj, dict):
        if not all(issubclass(kind, str) for kind in set(map(type, obj))):
            return False
        return _scalars_or_empty(list(obj.values()))
    return _scalars_or_empty(obj)


def _flat_objects(data: list[Any]) -> bool:
    """``data`` is a list of non-empty flat dicts (a listing). Their keys are not checked:
    the C encoder writes an int, float, bool or None key as the standard library does."""
    if not data or set(map(type, data)) != {dict} or not all(data):
        return False
    if len(set(map(len, data))) == 1:  # checked column by column (the keys of a listing)
        return all(map(_scalars_or_empty, zip(*map(dict.values, data), strict=True)))
    return _scalars_or_empty(list(chain.from_iterable(map(dict.values, data))))


def _refuse(obj: Any) -> Any:
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


class _Writer:
    def __init__(self) -> None:
        self._encoders: dict[int, json.JSONEncoder] = {}

    def _encoder(self, level: int) -> json.JSONEncoder:
        """A compact (C) encoder whose item separator starts the next line at ``level``."""
        found = self._encoders.get(level)
        if found is None:
            separators = (",\n" + "  " * level, ": ")
            found = json.JSONEncoder(ensure_ascii=False, separators=separators)
            self._encoders[level] = found
        return found

    def value(self, obj: Any, level: int) -> str:
        if isinstance(obj, (dict, list, tuple)) and obj:
            inner, outer = "\n" + "  " * (level + 1), "\n" + "  " * level
            if isinstance(obj, tuple):
                obj = list(obj)
            if _flat(obj):
                text = self._encoder(level + 1).encode(obj)
                return text[0] + inner + text[1:-1] + outer + text[-1]
            if isinstance(obj, dict):
                items = [f"{self.key(k)}: {self.value(v, level + 1)}" for k, v in obj.items()]
                return "{" + inner + ("," + inner).join(items) + outer + "}"
            items = [self.value(v, level + 1) for v in obj]
            return "[" + inner + ("," + inner).join(items) + outer + "]"
        return self._encoder(level).encode(obj)

    def key(self, key: Any) -> str:
        if not isinstance(key, str):
            raise TypeError("not a string key")  # the standard library decides
        return self._encoder(0).encode(key)


def _objects(data: list[dict[Any, Any]]) -> str | None:
    """A list of flat objects, each written by one call of the C encoder itself (no
    :class:`json.JSONEncoder` made and checked per object); None without the C encoder."""
    make = getattr(json.encoder, "c_make_encoder", None)  # (not in the stubs)
    if make is None:
        return None
    encode: Callable[[Any, int], Any] = make(
        None, _refuse, json.encoder.encode_basestring, None, ": ", ",\n    ", False, False, True
    )
    texts = map("".join, map(encode, data, repeat(0)))  # "{...}": one list of chunks each
    return "[\n  {\n    " + "\n  },\n  {\n    ".join([t[1:-1] for t in texts]) + "\n  }\n]"


def dumps(data: Any) -> str:
    """``json.dumps(data, indent=2, ensure_ascii=False)``."""
    try:
        if isinstance(data, list) and _flat_objects(data):
            text = _objects(data)
            if text is not None:
                return text
        return _Writer().value(data, 0)
    except (TypeError, ValueError, RecursionError):
        return json.dumps(data, indent=2, ensure_ascii=False)


def join_arrays(texts: Sequence[str]) -> str:
    """The :func:`dumps` text of the concatenated lists whose :func:`dumps` texts these are.

    Each element of an indented list is written the same wherever it stands, so the
    elements of all are joined by the list separator."""
    inner = [text[2:-2] for text in texts if text != "[]"]  # "[\n" ... "\n]"
    return "[\n" + ",\n".join(inner) + "\n]" if inner else "[]"

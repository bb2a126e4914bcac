"""keymon's JSON writer gives exactly the text of json.dumps(indent=2, ensure_ascii=False)."""

from __future__ import annotations

import enum
import json
import random
from typing import Any

import pytest

from keymon.cli import jsontext


class _Kind(enum.StrEnum):
    A = "a"


class _Number(enum.IntEnum):
    THREE = 3


_SCALARS: list[Any] = [
    "x", "ü,\"\\\n\u2028 東", "", 0, -5, 2**70, 1.5, float("nan"), float("inf"), True, False,
    None, _Kind.A, _Number.THREE, [], {}, (),
]  # fmt: skip


def _random(rnd: random.Random, depth: int) -> Any:
    pick = rnd.random()
    if depth > 3 or pick < 0.5:
        return rnd.choice(_SCALARS)
    size = rnd.randrange(0, 4)
    if pick < 0.7:
        return [_random(rnd, depth + 1) for _ in range(size)]
    if pick < 0.8:
        return tuple(_random(rnd, depth + 1) for _ in range(size))
    keys: list[Any] = ["k", "é", "a b", 1, 2.5, True, None]
    return {
        (rnd.choice(keys) if rnd.random() < 0.2 else f"k{i}"): _random(rnd, depth + 1)
        for i in range(size + 1)
    }


def test_the_same_text_as_the_standard_library() -> None:
    rnd = random.Random(13)
    for _ in range(3000):
        data = _random(rnd, 0)
        assert jsontext.dumps(data) == json.dumps(data, indent=2, ensure_ascii=False), data


def test_a_listing_shape() -> None:
    data = [
        {"alias": "a", "type": _Kind.A, "notes": [], "days_left": -3, "is_ca": True},
        {"alias": "b", "notes": ["one", "two"], "chain": [{"x": 1}, {}], "key_size": None},
    ]
    assert jsontext.dumps(data) == json.dumps(data, indent=2, ensure_ascii=False)


def test_what_the_standard_library_refuses_it_refuses() -> None:
    circular: list[Any] = []
    circular.append(circular)
    with pytest.raises(ValueError, match="Circular"):
        jsontext.dumps(circular)
    with pytest.raises(TypeError):
        jsontext.dumps({"x": object()})
    with pytest.raises(TypeError):
        jsontext.dumps({(1, 2): 1})

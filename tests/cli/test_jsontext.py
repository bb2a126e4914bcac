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


def _value(rnd: random.Random) -> Any:
    """Mostly a scalar or an empty container, as a listing's values are."""
    return rnd.choice(_SCALARS) if rnd.random() < 0.97 else _random(rnd, 2)


def _listing(rnd: random.Random) -> list[Any]:
    """A list of objects, most of them flat with the same keys, as a listing's are."""
    keys: list[Any] = ["alias", "é", 'q"\\', 1, 2.5, True, None, _Kind.A, _Number.THREE]
    shape = [rnd.choice(keys) if rnd.random() < 0.2 else f"k{i}" for i in range(6)]
    objects: list[Any] = []
    for _ in range(rnd.randrange(0, 6)):
        pick = rnd.random()
        if pick < 0.05:
            objects.append(rnd.choice([{}, [], "x", 1, None]))  # not an object at all
        elif pick < 0.1:
            objects.append(_random(rnd, 0))
        else:
            own = shape if pick < 0.8 else shape[: rnd.randrange(0, 7)]
            objects.append({k: _value(rnd) for k in own})
    return objects


def test_listings_the_same_text_as_the_standard_library() -> None:
    rnd = random.Random(1313)
    for _ in range(3000):
        data = _listing(rnd)
        assert jsontext.dumps(data) == json.dumps(data, indent=2, ensure_ascii=False), data


def test_a_listing_with_notes_in_a_few_objects() -> None:
    data = [
        {"alias": f"a{i}", "notes": ["one"] if i in (3, 7) else [], "x": None} for i in range(9)
    ]
    data[5]["notes"] = ("two", "three")
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
    with pytest.raises(TypeError):
        jsontext.dumps([{"x": 1}, {(1, 2): 1}])
    with pytest.raises(TypeError):
        jsontext.dumps([{"x": 1}, {"x": object()}])


def test_without_the_c_encoder_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json.encoder, "c_make_encoder", None)
    data = [{"alias": "a", "notes": [], "n": 1}, {"alias": "b", "notes": [], "n": None}]
    assert jsontext.dumps(data) == json.dumps(data, indent=2, ensure_ascii=False)

"""The BER reader and DER writer of keymon.core.formats.der (no keystores involved)."""

from __future__ import annotations

import pytest
from asn1crypto import core as asn1_core
from hypothesis import given, settings
from hypothesis import strategies as st

from keymon.core.errors import CorruptData
from keymon.core.formats import der
from keymon.core.formats.der import (
    NULL,
    explicit,
    integer,
    octet_string,
    oid,
    oid_tlv,
    seq,
    set_of,
    tlv,
)

# ---------------------------------------------------------------------------- helpers


def reference_items(buf: bytes, start: int, end: int) -> list[der.Item]:
    """What ``items`` must give: every element through the general decoder alone."""
    out, pos = [], start
    while pos < end:
        out.append(der._item(buf, pos, end, 0))
        pos = out[-1][4]
    return out


def outcome(fn: object, *args: object) -> object:
    """The result, or the exception type (which must be CorruptData)."""
    try:
        return fn(*args)  # type: ignore[operator]
    except CorruptData:
        return CorruptData


def ber(element: bytes) -> bytes:
    """The same element with indefinite lengths on every constructed element."""
    node = der.parse(element, "x")
    if not node.tag & 0x20:
        return element
    inner = b"".join(ber(child.element()) for child in node.children())
    return bytes([node.tag, 0x80]) + inner + b"\x00\x00"


# DER trees: primitives of every length form, nested in SEQUENCE, SET and [n].
leaves = st.one_of(
    st.binary(max_size=300).map(octet_string),
    st.integers(-(2**70), 2**70).map(integer),
    st.just(NULL),
    st.text(max_size=40).map(lambda t: tlv(0x0C, t.encode())),
)
trees = st.recursive(
    leaves,
    lambda kids: st.one_of(
        st.lists(kids, max_size=5).map(lambda parts: seq(*parts)),
        st.lists(kids, max_size=5).map(lambda parts: set_of(*parts)),
        st.tuples(st.integers(0, 3), kids).map(lambda p: explicit(*p)),
    ),
    max_leaves=25,
)


# ---------------------------------------------------------------------------- reading


def test_lengths_of_every_form() -> None:
    for size in (0, 1, 0x7F, 0x80, 0xFF, 0x100, 0xFFFF, 0x10000):
        element = octet_string(bytes(size))
        node = der.parse(element, "x")
        assert (node.tag, node.head, node.end, node.next) == (4, 0, len(element), len(element))
        assert node.octets() == bytes(size)
        assert der.items(element, 0, len(element)) == reference_items(element, 0, len(element))


def test_indefinite_lengths_and_constructed_strings() -> None:
    chunks = octet_string(b"abc") + b"\x24\x80" + octet_string(b"de") + b"\x00\x00"
    element = b"\x30\x80" + b"\x24\x80" + chunks + b"\x00\x00" + integer(7) + b"\x00\x00"
    node = der.parse(element, "x")
    assert (node.end, node.next) == (len(element) - 2, len(element))
    string, number = node.children()
    assert string.string("s") == b"abcde"
    assert number.integer() == 7
    assert string.element() == element[2 : number.head]


def test_parse_refuses_trailing_bytes_but_read_allows_them() -> None:
    with pytest.raises(CorruptData, match="trailing"):
        der.parse(NULL + b"\x00", "A thing")
    assert der.read(NULL + b"junk").next == 2


@pytest.mark.parametrize(
    "data",
    [
        b"\x30",
        b"\x30\x05\x02\x01",  # longer than the data
        b"\x1f\x01\x00",  # multi-byte tag
        b"\x04\x85\x00\x00\x00\x00\x01\x00",  # a 5-byte length
        b"\x30\x84\xff\xff\xff\xff",  # 4 GiB promised
        b"\x04\x80\x00\x00",  # indefinite primitive
        b"\x30\x80\x02\x01\x00",  # no end-of-contents
        b"\x30\x80" * 60 + b"\x00\x00" * 60,  # nested too deep
    ],
)
def test_hostile_headers_are_corrupt_data(data: bytes) -> None:
    with pytest.raises(CorruptData):
        der.read(data)
    with pytest.raises(CorruptData):
        der.items(data, 0, len(data))


def test_a_child_cannot_overrun_its_container() -> None:
    data = b"\x30\x03" + b"\x04\x04abcd"  # the SEQUENCE says 3 bytes, its child says 6
    assert der.read(data).end == 5
    with pytest.raises(CorruptData, match="cut short"):
        der.read(data).children()
    with pytest.raises(CorruptData):
        der.read(b"")


def test_deep_definite_nesting_is_lazy_and_strings_are_bounded() -> None:
    deep = b"abc"
    for _ in range(200):
        deep = tlv(0x24, octet_string(deep) if deep == b"abc" else deep)
    with pytest.raises(CorruptData, match="too deep"):
        der.parse(deep, "x").octets()


def test_typed_accessors() -> None:
    node = der.parse(seq(integer(-129), oid_tlv("1.2.840.113549"), octet_string(b"x")), "x")
    number, identifier, string = node.children()
    assert number.integer() == -129
    assert der.oid_text(identifier.oid()) == "1.2.840.113549"
    assert node.expect(0x30, "it") is node
    with pytest.raises(CorruptData, match="The thing has the wrong type"):
        node.expect(0x31, "The thing")
    with pytest.raises(CorruptData):
        string.integer()
    with pytest.raises(CorruptData):
        number.oid()
    with pytest.raises(CorruptData):
        number.string("a string")
    with pytest.raises(CorruptData, match="primitive"):
        number.children()


@settings(max_examples=200, deadline=None)
@given(trees)
def test_items_agree_with_the_general_decoder(element: bytes) -> None:
    todo = [der.parse(element, "x")]
    while todo:
        node = todo.pop()
        if node.tag & 0x20:
            found = der.items(node.buf, node.start, node.end)
            assert found == reference_items(node.buf, node.start, node.end)
            todo += node.children()


@settings(max_examples=100, deadline=None)
@given(trees)
def test_ber_reads_like_der(element: bytes) -> None:
    def shape(node: der.Der) -> object:
        if node.tag & 0x20:
            return node.tag, [shape(child) for child in node.children()]
        return node.tag, node.octets()

    assert shape(der.parse(ber(element), "x")) == shape(der.parse(element, "x"))


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=64), st.integers(0, 64), st.integers(0, 64))
def test_any_bytes_give_items_or_corrupt_data(blob: bytes, start: int, end: int) -> None:
    start, end = min(start, len(blob)), min(end, len(blob))
    found = outcome(der.items, blob, start, end)
    assert found == outcome(reference_items, blob, start, end)
    if found is not CorruptData:
        assert outcome(der.children, blob, start, end) in (
            CorruptData,
            [(t, h, s, e) for t, h, s, e, n in found],  # type: ignore[attr-defined]
        )


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_reader_raises_only_corrupt_data(blob: bytes) -> None:
    try:
        node = der.read(blob)
        if node.tag & 0x20:
            for child in node.children():
                child.octets()
        node.octets()
    except CorruptData:
        pass


def test_is_sequence() -> None:
    assert der.is_sequence(seq(integer(0), octet_string(b"key")))
    assert der.is_sequence(seq())
    assert not der.is_sequence(set_of(integer(0)))
    assert not der.is_sequence(seq(integer(0)) + b"\x00")
    assert not der.is_sequence(b"\x30\x03\x02\x05\x00")  # the first element overruns
    assert not der.is_sequence(b"")


# ---------------------------------------------------------------------------- DER outlines


def test_read_tlv_children_and_first_element() -> None:
    data = seq(integer(1), octet_string(b"ab")) + b"trailing"
    tag, start, end = der.read_tlv(data)
    assert (tag, start, end) == (0x30, 2, 9)
    assert der.children(data, start, end) == [(0x02, 2, 4, 5), (0x04, 5, 7, 9)]
    assert der.first_element(data) == data[:9]
    for bad in (b"\x30\x80\x00\x00", b"\x30", b"\x3f\x01\x00", b"\x30\x09\x02\x01"):
        with pytest.raises(CorruptData):
            der.read_tlv(bad)
    with pytest.raises(CorruptData):
        der.children(b"\x04\x05abcde", 0, 4)  # the element overruns the range


def test_content_start_peeks_without_checking_the_length() -> None:
    assert der.content_start(b"\x30\x82\xff\xff", 0, 0x30) == 4
    assert der.content_start(b"\x30\x05", 0, 0x30) == 2
    assert der.content_start(b"\x30\x80", 0, 0x30) == 2
    assert der.content_start(b"\x31\x05", 0, 0x30) is None
    assert der.content_start(b"\x30", 0, 0x30) is None


# ---------------------------------------------------------------------------- writing


@settings(max_examples=100, deadline=None)
@given(st.integers(-(2**200), 2**200))
def test_integers_are_minimal_twos_complement(value: int) -> None:
    assert integer(value) == asn1_core.Integer(value).dump()
    assert der.parse(integer(value), "n").integer() == value


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=70_000))
def test_lengths_are_minimal(value: bytes) -> None:
    assert octet_string(value) == asn1_core.OctetString(value).dump()


def test_set_of_sorts_and_explicit_tags() -> None:
    assert set_of(integer(2), integer(1)) == b"\x31\x06\x02\x01\x01\x02\x01\x02"
    assert explicit(0, NULL) == b"\xa0\x02\x05\x00"


@pytest.mark.parametrize("dotted", ["1.2.840.113549.1.12.10.1.3", "2.999.1", "0.0", "2.5.29.37.0"])
def test_oids_round_trip(dotted: str) -> None:
    assert oid_tlv(dotted) == asn1_core.ObjectIdentifier(dotted).dump()
    assert der.oid_text(oid(dotted)) == der.oid_text(oid(dotted), strict=True) == dotted


def test_malformed_oids() -> None:
    assert der.oid_text(b"") == "(empty)"
    assert der.oid_text(b"\x2a\x86") == "1.2"  # an unfinished arc is dropped when lenient
    for bad in (b"", b"\x2a\x86", b"\x80"):
        with pytest.raises(CorruptData):
            der.oid_text(bad, strict=True)

"""decoding() inside a decoding_scope gives the same notes and passes the same warnings on."""

from __future__ import annotations

import warnings

import pytest
from cryptography.utils import CryptographyDeprecationWarning

from keymon.core.compat import decoding, decoding_scope

_SERIAL = "Parsed a serial number which wasn't positive (i.e., it was negative or zero)"


def _decode_twice() -> tuple[list[str], list[str]]:
    with decoding() as first:
        warnings.warn(_SERIAL, CryptographyDeprecationWarning, stacklevel=1)
        with decoding() as inner:
            warnings.warn("Attribute's length must be >= 1", UserWarning, stacklevel=1)
        warnings.warn("something else", UserWarning, stacklevel=1)
    return first, inner


def test_the_same_notes_in_a_scope_as_without() -> None:
    alone = _decode_twice()
    with decoding_scope():
        scoped = _decode_twice()
    assert scoped == alone
    assert alone[0] == [
        "The serial number is not positive, which RFC 5280 forbids.",
        "cryptography warns: something else.",
    ]


def test_a_warning_outside_any_block_is_passed_on_when_the_scope_ends() -> None:
    with pytest.warns(UserWarning, match="escaped"), decoding_scope():
        warnings.warn("escaped", UserWarning, stacklevel=1)
        with decoding() as notes:
            warnings.warn("claimed", UserWarning, stacklevel=1)
    assert notes == ["cryptography warns: claimed."]


def test_other_warnings_are_passed_on_in_a_scope_too() -> None:
    with pytest.warns(RuntimeWarning, match="not ours"), decoding_scope(), decoding():
        warnings.warn("not ours", RuntimeWarning, stacklevel=1)


def test_a_failed_block_in_a_scope_leaves_the_scope_working() -> None:
    with decoding_scope():
        with pytest.raises(KeyError), decoding():
            warnings.warn("noted, then dropped with the error", UserWarning, stacklevel=1)
            raise KeyError("x")
        with decoding() as notes:
            warnings.warn(_SERIAL, CryptographyDeprecationWarning, stacklevel=1)
    assert notes == ["The serial number is not positive, which RFC 5280 forbids."]

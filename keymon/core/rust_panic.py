"""Recognising a Rust panic raised through cryptography's bindings.

cryptography is written in Rust; when its code (or a crate it uses) hits an assertion, PyO3
raises ``pyo3_runtime.PanicException``. That class derives from BaseException, not
Exception, so ``except Exception`` lets it through, and it cannot be imported: the module
``pyo3_runtime`` exists only inside the extension. Parsers validate their input so that
no panic is reached (see :mod:`keymon.core.formats.pem_keys`); the CLI's and the GUI's
last-resort handlers use :func:`is_rust_panic` to report one that slips through as a file
keymon cannot read (exit 4) rather than a traceback.
"""

from __future__ import annotations

PANIC_MESSAGE = (
    "The file is damaged or unsupported: the cryptography library refused its contents ({detail})."
)


def is_rust_panic(exc: BaseException) -> bool:
    """True when ``exc`` is PyO3's PanicException (matched by class name and module)."""
    return any(
        cls.__name__ == "PanicException" and cls.__module__ == "pyo3_runtime"
        for cls in type(exc).__mro__
    )


def panic_message(exc: BaseException) -> str:
    """One sentence for a user, naming the library's assertion."""
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else "an internal check failed"
    return PANIC_MESSAGE.format(detail=detail)

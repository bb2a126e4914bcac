"""Run one fuzz input through a target and classify the outcome (shared by the in-suite
test and the ``tools/fuzz.py`` campaign).

Warnings are errors here, as in pytest: a warning that escapes would be stderr noise in
the CLI. The one exception is the one pyproject.toml also ignores (serial 0 in cacerts).
"""

from __future__ import annotations

import time
import traceback
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from keymon.core.errors import KeymonError
from tests.fuzz import seeds as S
from tests.fuzz.targets import BY_NAME, Target

_KEYSTORE_TARGETS = ("load", "load-wrong-password", "import")

# Untyped failures whose fix is in progress (see the fuzz report), each as (target, exception
# type, deepest keymon frame "module:function"): the in-suite test tolerates exactly these,
# so it fails only on NEW kinds of failure. Empty: the last two (the GOST sniffing of a
# PFX, and cryptography's Rust panic on a legacy PEM key's short DEK-Info IV) are fixed and
# have regression tests in tests/core/test_fuzz_findings.py. Add an entry only with a note
# on who is fixing it.
KNOWN_OPEN: frozenset[tuple[str, str, str]] = frozenset()


@dataclass(frozen=True)
class Outcome:
    kind: str  # "ok", "typed" or "untyped"
    ms: float
    error: str = ""  # the exception's type name
    where: str = ""  # deepest keymon frame, "module:function"
    trace: str = ""

    def signature(self, target: str) -> tuple[str, str, str]:
        return target, self.error, self.where


def corpus(target: Target, tools: Sequence[S.Seed] = (), *, cacerts: bool = False) -> list[bytes]:
    """The seeds of ``target``; the keystore targets add ``tools`` seeds and, with
    ``cacerts``, the JDK's cacerts (its 144 roots make each input ~100 times dearer)."""
    extra = list(tools) if target.name in _KEYSTORE_TARGETS else []
    found = S.cacerts_seed() if cacerts and target.name in _KEYSTORE_TARGETS else None
    return [s.data for s in [*target.seeds(), *extra, *([found] if found else [])]]


def _where(exc: BaseException) -> str:
    where = ""
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if "keymon" in path.parts and "tests" not in path.parts:
            module = ".".join(path.parts[path.parts.index("keymon") :]).removesuffix(".py")
            where = f"{module}:{frame.name}"
    return where


def run_input(target: Target, data: bytes) -> Outcome:
    start = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            warnings.filterwarnings("ignore", "Parsed a serial number which wasn't positive")
            target.run(data)
    except KeymonError as exc:
        return Outcome("typed", _ms(start), type(exc).__name__)
    except BaseException as exc:  # the finding: anything but a KeymonError
        if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
            raise  # KeyboardInterrupt, SystemExit, the test's alarm (a Rust panic is a finding)
        trace = "".join(traceback.format_exception(exc))
        return Outcome("untyped", _ms(start), type(exc).__qualname__, _where(exc), trace)
    return Outcome("ok", _ms(start))


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def target(name: str) -> Target:
    return BY_NAME[name]

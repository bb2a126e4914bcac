"""In-suite fuzzing: a few thousand deterministic mutated inputs per target.

Every input must end in success or a KeymonError (never an untyped exception, never a
warning) within 2 s. The long campaign is ``make fuzz`` (tools/fuzz.py). Set
KEYMON_FUZZ_INPUTS to run more or fewer inputs per target here.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from keymon.core.errors import UsageError
from tests.fuzz import harness
from tests.fuzz import seeds as S
from tests.fuzz.mutate import make_input
from tests.fuzz.targets import BY_NAME, TARGETS, Target

INPUTS = int(os.environ.get("KEYMON_FUZZ_INPUTS", "2000"))
RUN_SEED = 20261205
HANG_SECONDS = 2.0


class Hang(BaseException):
    """Raised by SIGALRM in the middle of an input that runs too long."""


@pytest.fixture
def alarm() -> Iterator[None]:
    def ring(signum: int, frame: FrameType | None) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, ring)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


def _fuzz(target: Target, corpus: list[bytes], inputs: int, run_seed: int) -> list[str]:
    """Problems found: untyped errors not in KNOWN_OPEN, and hangs."""
    problems: list[str] = []
    for index in range(inputs):
        seed_no, data = make_input(corpus, run_seed, target.name, index)
        where = f"{target.name} input {index} (seed #{seed_no}, run seed {run_seed})"
        signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
        try:
            outcome = harness.run_input(target, data)
        except Hang:
            problems.append(f"{where}: still running after {HANG_SECONDS} s")
            continue
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if outcome.kind == "untyped" and outcome.signature(target.name) not in harness.KNOWN_OPEN:
            problems.append(f"{where}: {outcome.error} in {outcome.where}\n{outcome.trace}")
    return problems


def _name(target: Target) -> str:
    return target.name


@pytest.mark.parametrize("target", TARGETS, ids=_name)
def test_keymon_seeds_and_mutations(target: Target, alarm: None) -> None:
    corpus = harness.corpus(target)
    assert all(harness.run_input(target, seed).kind != "untyped" for seed in corpus)
    problems = _fuzz(target, corpus, INPUTS, RUN_SEED)
    assert not problems, "\n\n".join(problems[:5])


@pytest.fixture(scope="module")
def tool_seeds(keytool: str, openssl: str) -> list[S.Seed]:
    return S.tool_seeds(keytool, openssl)


@pytest.mark.interop
@pytest.mark.parametrize("target", [t for t in TARGETS if t.name in ("load", "import")], ids=_name)
def test_keytool_and_openssl_seeds(target: Target, tool_seeds: list[S.Seed], alarm: None) -> None:
    """Files keytool and openssl wrote: each opens, and their mutations fail typed."""
    for seed in tool_seeds:
        outcome = harness.run_input(target, seed.data)
        assert outcome.kind != "untyped", f"{seed.name}: {outcome.trace}"
    corpus = [s.data for s in tool_seeds]
    problems = _fuzz(target, corpus, INPUTS // 3, RUN_SEED + 1)
    assert not problems, "\n\n".join(problems[:5])


def test_the_mutations_are_deterministic() -> None:
    corpus = [s.data for s in S.keystore_seeds()[:3]]
    first = [make_input(corpus, 7, "load", i) for i in range(50)]
    assert first == [make_input(corpus, 7, "load", i) for i in range(50)]
    assert len({data for _, data in first}) > 40  # and they do differ from one another


def test_the_jdk_cacerts_is_a_seed_when_a_jdk_is_installed() -> None:
    found = S.cacerts_seed()
    if found is None:
        pytest.skip("no JDK cacerts on this machine")
    outcome = harness.run_input(harness.target("load"), found.data)
    assert outcome.kind == "ok"


#: Never set: a target that waits on it hangs, as a parser stuck on an input would.
_NEVER = threading.Event()


def _sleepy(data: bytes) -> None:
    if data[:1] == b"s":
        _NEVER.wait(30)  # the hang under test: the campaign must kill this worker
    if data[:1] == b"u":
        raise IndexError("an untyped error")
    raise UsageError("a typed error")


def test_the_campaign_counts_hangs_and_untyped_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tools/fuzz.py: a hang is killed and saved with its stack; workers carry on."""
    monkeypatch.syspath_prepend(str(Path(__file__).parents[2] / "tools"))
    import fuzz  # tools/fuzz.py

    seeds = [S.Seed("hang", b"s"), S.Seed("untyped", b"u"), S.Seed("typed", b"t")]
    monkeypatch.setitem(BY_NAME, "sleepy", Target("sleepy", _sleepy, lambda: seeds))
    args = ["--inputs", "3", "--targets", "sleepy", "--timeout", "0.5", "--out", str(tmp_path)]
    assert fuzz.main([*args, "--no-tools", "--workers", "2"]) == 1
    summary = (tmp_path / "summary.txt").read_text()
    assert "sleepy: hang on input 0" in summary
    assert "sleepy: IndexError in ?: 1" in summary
    assert "_sleepy" in (tmp_path / "sleepy" / "hang-0.txt").read_text()  # the worker's stack
    assert (tmp_path / "sleepy" / "untyped-1.bin").read_bytes() == b"u"
    row = next(line.split() for line in summary.splitlines() if line.strip().startswith("sleepy"))
    assert row[1:7] == ["3", "0", "1", "1", "1", "0"]  # inputs ok typed untyped hangs died

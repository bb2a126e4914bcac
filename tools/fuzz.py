#!/usr/bin/env python3
"""Fuzz campaign: ``make fuzz`` (``tools/fuzz.py --inputs 100000``) runs every target of
tests/fuzz/targets.py on N mutated inputs each, in worker processes.

Input ``i`` of a target is regenerated from (--seed, target, i) by
tests/fuzz/mutate.make_input, over the seeds tests/fuzz/seeds.py builds at start (keymon's
writers, the JDK cacerts, keytool and openssl files). An input running longer than
--timeout seconds is a hang: the worker's stack is dumped (faulthandler), the worker is
killed and a new one carries on. Reproducers of untyped errors, hangs and dead workers
go to --out (default build/fuzz/<target>/). A table per target is printed at the end:
inputs, ok, typed errors, untyped, hangs, slowest input, peak RSS of a worker.
"""

from __future__ import annotations

import argparse
import faulthandler
import multiprocessing as mp
import os
import resource
import shutil
import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzz import harness, seeds  # noqa: E402
from tests.fuzz.mutate import make_input  # noqa: E402
from tests.fuzz.targets import TARGETS  # noqa: E402

OK, TYPED, UNTYPED = range(3)
MEMORY_LIMIT = 3 << 30  # address space per worker: a runaway allocation fails, not the machine
SAVE_PER_CLASS = 3  # reproducers kept per (target, error, place)


@dataclass
class Slots:
    """Shared memory one worker writes and the parent reads (one writer per slot)."""

    workers: int
    current: Any = field(init=False)  # index being run, -1 idle, -2 finished
    since: Any = field(init=False)
    counts: Any = field(init=False)
    slowest: Any = field(init=False)
    slowest_index: Any = field(init=False)
    rss_kib: Any = field(init=False)

    def __post_init__(self) -> None:
        n = self.workers
        self.current = mp.RawArray("q", [-1] * n)
        self.since = mp.RawArray("d", n)
        self.counts = mp.RawArray("q", 3 * n)
        self.slowest = mp.RawArray("d", n)
        self.slowest_index = mp.RawArray("q", n)
        self.rss_kib = mp.RawArray("q", n)


def _worker(
    name: str,
    corpus: list[bytes],
    run_seed: int,
    stop: int,
    start: int,
    stride: int,
    slot: int,
    slots: Slots,
    findings: Any,
    stack_file: str,
) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    os.environ["RUST_BACKTRACE"] = "0"  # a Rust panic is a finding; its trace is in the saved .txt
    with open(stack_file, "w") as stacks:
        faulthandler.register(signal.SIGUSR1, file=stacks, all_threads=False)
        target = harness.target(name)
        for index in range(start, stop, stride):
            slots.current[slot] = -1  # making the input is not the target's time
            seed_no, data = make_input(corpus, run_seed, name, index)
            slots.since[slot] = time.monotonic()
            slots.current[slot] = index
            outcome = harness.run_input(target, data)
            kind = {"ok": OK, "typed": TYPED, "untyped": UNTYPED}[outcome.kind]
            slots.counts[3 * slot + kind] += 1
            if outcome.ms > slots.slowest[slot]:
                slots.slowest[slot], slots.slowest_index[slot] = outcome.ms, index
            if kind == UNTYPED:
                findings.put((index, seed_no, outcome))
            if index % 64 < stride:
                slots.rss_kib[slot] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        slots.rss_kib[slot] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        slots.current[slot] = -2


@dataclass
class Result:
    name: str
    inputs: int = 0
    counts: list[int] = field(default_factory=lambda: [0, 0, 0])
    hangs: list[int] = field(default_factory=list)
    deaths: list[int] = field(default_factory=list)
    classes: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    slowest_ms: float = 0.0
    slowest_index: int = -1
    peak_rss_mib: float = 0.0
    seconds: float = 0.0


class Campaign:
    def __init__(self, args: argparse.Namespace, tool_seeds: list[seeds.Seed]) -> None:
        self.args = args
        self.tool_seeds = tool_seeds
        self.ctx = mp.get_context("fork")

    def run(self, name: str) -> Result:
        args, result = self.args, Result(name)
        out = Path(args.out) / name
        out.mkdir(parents=True, exist_ok=True)
        corpus = harness.corpus(harness.target(name), self.tool_seeds, cacerts=True)
        slots, findings = Slots(args.workers), self.ctx.SimpleQueue()
        started = time.monotonic()

        def spawn(slot: int, start: int) -> mp.process.BaseProcess:
            stack = str(out / f".stack-{slot}")
            proc = self.ctx.Process(
                target=_worker,
                args=(
                    name,
                    corpus,
                    args.seed,
                    args.inputs,
                    start,
                    args.workers,
                    slot,
                    slots,
                    findings,
                    stack,
                ),
                daemon=True,
            )
            slots.current[slot] = -1
            proc.start()
            return proc

        procs = {w: spawn(w, w) for w in range(args.workers)}
        while procs:
            time.sleep(0.05)
            self._drain(findings, result, corpus, out)
            for slot, proc in list(procs.items()):
                index = slots.current[slot]
                if index == -2:
                    proc.join()
                    del procs[slot]
                elif index >= 0 and time.monotonic() - slots.since[slot] > args.timeout:
                    os.kill(proc.pid, signal.SIGUSR1)  # the worker dumps its stack
                    time.sleep(0.3)
                    proc.kill()
                    proc.join()
                    result.hangs.append(index)
                    self._save(out, "hang", index, corpus, (out / f".stack-{slot}").read_text())
                    procs[slot] = spawn(slot, index + args.workers)
                elif not proc.is_alive() and index != -2:
                    proc.join()
                    result.deaths.append(index)
                    note = f"worker died with exit code {proc.exitcode} on input {index}\n"
                    self._save(out, "died", index, corpus, note)
                    procs[slot] = spawn(slot, index + args.workers)
        self._drain(findings, result, corpus, out)
        for w in range(args.workers):
            for kind in (OK, TYPED, UNTYPED):
                result.counts[kind] += slots.counts[3 * w + kind]
            if slots.slowest[w] > result.slowest_ms:
                result.slowest_ms, result.slowest_index = slots.slowest[w], slots.slowest_index[w]
            result.peak_rss_mib = max(result.peak_rss_mib, slots.rss_kib[w] / 1024)
        result.inputs = sum(result.counts) + len(result.hangs) + len(result.deaths)
        result.seconds = time.monotonic() - started
        return result

    def _drain(self, findings: Any, result: Result, corpus: list[bytes], out: Path) -> None:
        while not findings.empty():
            index, seed_no, outcome = findings.get()
            signature = outcome.signature(result.name)
            result.classes[signature] += 1
            if result.classes[signature] <= SAVE_PER_CLASS:
                head = f"target {result.name}, seed #{seed_no}, input {index}, run seed "
                self._save(
                    out, "untyped", index, corpus, head + f"{self.args.seed}\n{outcome.trace}"
                )

    def _save(self, out: Path, kind: str, index: int, corpus: list[bytes], text: str) -> None:
        _, data = make_input(corpus, self.args.seed, out.name, index)
        (out / f"{kind}-{index}.bin").write_bytes(data)
        (out / f"{kind}-{index}.txt").write_text(text)


def _table(results: list[Result]) -> str:
    head = ("target", "inputs", "ok", "typed", "untyped", "hangs>2s", "died", "slowest ms",
            "peak RSS MiB", "seconds")  # fmt: skip
    rows = [head] + [
        (
            r.name,
            r.inputs,
            r.counts[OK],
            r.counts[TYPED],
            r.counts[UNTYPED],
            len(r.hangs),
            len(r.deaths),
            f"{r.slowest_ms:.0f} (#{r.slowest_index})",
            f"{r.peak_rss_mib:.0f}",
            f"{r.seconds:.0f}",
        )
        for r in results
    ]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(head))]
    lines = ["  ".join(str(c).rjust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)


def _classes(results: list[Result]) -> str:
    lines = []
    for r in results:
        for (target, error, where), n in r.classes.most_common():
            known = " (known open)" if (target, error, where) in harness.KNOWN_OPEN else ""
            lines.append(f"  {target}: {error} in {where or '?'}: {n}{known}")
        lines += [f"  {r.name}: hang on input {i}" for i in r.hangs]
        lines += [f"  {r.name}: worker died on input {i}" for i in r.deaths]
    return "\n".join(lines) or "  none"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs per target")
    parser.add_argument("--targets", default=",".join(t.name for t in TARGETS))
    parser.add_argument("--workers", type=int, default=max(1, min(2, os.cpu_count() or 1)))
    parser.add_argument("--seed", type=int, default=1, help="run seed (inputs depend on it)")
    parser.add_argument("--timeout", type=float, default=2.0, help="seconds before a hang")
    parser.add_argument("--out", default=str(ROOT / "build" / "fuzz"), help="findings folder")
    parser.add_argument("--no-tools", action="store_true", help="skip keytool/openssl seeds")
    args = parser.parse_args(argv)
    names = args.targets.split(",")
    tool_seeds: list[seeds.Seed] = []
    keytool, openssl = shutil.which("keytool"), shutil.which("openssl")
    if not args.no_tools and keytool and openssl:
        tool_seeds = seeds.tool_seeds(keytool, openssl)
    campaign, results = Campaign(args, tool_seeds), []
    for name in names:
        result = campaign.run(name)
        results.append(result)
        print(f"{name}: {result.inputs} inputs in {result.seconds:.0f} s", flush=True)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    report = (
        f"\nfuzz: run seed {args.seed}, {args.inputs} inputs per target, timeout "
        f"{args.timeout} s, {args.workers} workers, {len(tool_seeds)} keytool/openssl seeds\n"
        f"{_table(results)}\npeak RSS of any worker: {children:.0f} MiB\n"
        f"untyped errors, hangs and dead workers (reproducers in {args.out}):\n"
        f"{_classes(results)}\n"
    )
    print(report)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    (Path(args.out) / "summary.txt").write_text(report)
    bad = sum(r.counts[UNTYPED] + len(r.hangs) + len(r.deaths) for r in results)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

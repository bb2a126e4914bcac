"""Benchmark: `keymon list`, `list --json` and `show` against `keytool -list`, per shape.

Every keystore is written by keytool (bench/shapes.py says how each shape is made),
JKS and PKCS#12, plus the JDK's own cacerts. Each command runs as a whole process,
once to warm the page cache and then ``--runs`` times; the table gives the median
wall time, the peak RSS and the ratio to ``keytool -list`` measured in the same
run. The machine's load average is printed with the results: numbers taken on a
busy machine are not comparable.

    .venv/bin/python bench/list_shapes.py [--entries 10000] [--runs 5] [--cache DIR]
        [--shape ec-self ...] [--keymon "python -m keymon.cli"]

To time another keymon, run it with ``python -P`` (3.11+): without it ``-m`` puts the current
folder first on sys.path and the keymon in it is timed instead, whatever PYTHONPATH says:

    --keymon "env PYTHONPATH=/tmp/baseline /work/main/.venv/bin/python -P -m keymon.cli"

Targets (issue 13): list and list --json <= 0.2 x keytool -list at 10,000 entries,
with less peak memory; cacerts list --json <= 0.3 x.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shapes import PASSWORD, SHAPES, _cacerts_path, ensure

#: Runs one command and prints its wall time, peak RSS and CPU time. A small process of its
#: own: a child's peak RSS counts the memory of the process that forked it (Linux keeps the
#: high-water mark across exec), and this benchmark's own process holds every shape it built.
_MEASURE = """
import os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
err = proc.stderr.read()
_, status, usage = os.wait4(proc.pid, 0)
elapsed = time.perf_counter() - start
code = os.waitstatus_to_exitcode(status)
if code != 0:
    sys.stderr.buffer.write(err)
    sys.exit(code)
print(elapsed, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime)
"""


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Wall time (s), peak RSS (MiB) and CPU time (user + system, s) of one whole process."""
    done = subprocess.run(
        [sys.executable, "-S", "-c", _MEASURE, *cmd], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr}")
    elapsed, peak, cpu = done.stdout.split()
    return float(elapsed), int(peak), float(cpu)


def middle_alias(keymon: list[str], path: Path, env: dict[str, str]) -> str:
    out = subprocess.run(
        [*keymon, "list", str(path), "--password-env", "KEYMON_BENCH_PW", "--json"],
        env=env,
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    import json

    aliases = sorted(item["alias"] for item in json.loads(out))
    return aliases[len(aliases) // 2]


def run_one(
    label: str, path: Path, storetype: str, keymon: list[str], runs: int, env: dict[str, str]
) -> None:
    keytool = shutil.which("keytool") or "keytool"
    pw = ["--password-env", "KEYMON_BENCH_PW"]
    alias = middle_alias(keymon, path, env)
    commands = {
        "keytool -list": [
            keytool, "-list", "-keystore", str(path), "-storepass", PASSWORD,
            "-storetype", storetype,
        ],
        "list": [*keymon, "list", str(path), *pw],
        "list --json": [*keymon, "list", str(path), *pw, "--json"],
        "show": [*keymon, "show", str(path), alias, *pw],
        "show --json": [*keymon, "show", str(path), alias, *pw, "--json"],
    }  # fmt: skip
    anchor = 0.0
    for what, cmd in commands.items():
        measure(cmd, env)  # warm the page cache
        results = [measure(cmd, env) for _ in range(runs)]
        median = statistics.median(r[0] for r in results)
        peak = max(r[1] for r in results)
        cpu = statistics.median(r[2] for r in results)
        if what == "keytool -list":
            anchor = median
        ratio = median / anchor if anchor else float("nan")
        line = f"{label:22} {what:14} {median:8.3f} {peak:9d} {ratio:7.2f} {cpu:7.3f}"
        print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=Path("build/bench-shapes"))
    parser.add_argument("--shape", choices=SHAPES, action="append")
    parser.add_argument("--keymon", help="command that runs keymon's CLI (default: the venv's)")
    parser.add_argument("--no-cacerts", action="store_true")
    args = parser.parse_args()
    if args.keymon:
        keymon = shlex.split(args.keymon)
    else:
        keymon = [shutil.which("keymon", path=str(Path(sys.executable).parent)) or "keymon"]
    env = {**os.environ, "KEYMON_BENCH_PW": PASSWORD}
    # Installed keymon runs from compiled bytecode; without it each run compiles keymon's
    # modules again (about 0.1 s). Keep the bytecode out of the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(args.cache).resolve() / "pycache")
    with tempfile.TemporaryDirectory() as home:
        env["KEYMON_HOME"] = home
        files = [
            (f"{shape} {kind}", path, kind)
            for shape in args.shape or SHAPES
            for kind, path in ensure(args.cache, shape, args.entries).items()
        ]
        if not args.no_cacerts:
            files.append(("JDK cacerts JKS", _cacerts_path(), "JKS"))
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        header = f"{'keystore':22} {'command':14} {'median s':>8} {'peak MiB':>9} {'ratio':>7}"
        print(f"{header} {'CPU s':>7}")  # CPU: user + system, less swayed by a busy machine
        for label, path, kind in files:
            run_one(label, path, kind, keymon, args.runs, env)
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

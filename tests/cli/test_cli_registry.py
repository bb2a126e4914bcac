"""Subcommands are bound explicitly: one handler per parser subcommand, no second binding."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from keymon.cli import build_parser
from keymon.cli.commands import handlers
from keymon.cli.parser import subcommand_names
from keymon.cli.registry import DuplicateCommand, command


def test_every_subcommand_has_exactly_one_handler() -> None:
    names = subcommand_names(build_parser())
    assert "list" in names and "probe" in names and "sign-csr" in names
    assert sorted(handlers()) == sorted(names)  # no handler missing, none without a parser


def test_a_second_handler_for_a_name_is_refused() -> None:
    def other(args: argparse.Namespace) -> int:
        return 0

    with pytest.raises(DuplicateCommand, match="'list' has a handler already"):
        command("list")(other)
    assert handlers()["list"] is not other


def test_python_dash_m_runs_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "keymon.cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and result.stdout.startswith("keymon ")


def test_a_listing_run_as_the_program_keeps_its_output_and_exit_code(tmp_path: Path) -> None:
    """`list` and `expiring` end with os._exit once their output is flushed (issue 13)."""
    from keymon.core.formats import jks
    from tests import factory

    store = tmp_path / "one.jks"
    store.write_bytes(jks.dump([factory.trusted_entry("a")], "changeit"))
    env = {"PATH": "/usr/bin:/bin", "PW": "changeit", "KEYMON_HOME": str(tmp_path)}
    run = [sys.executable, "-m", "keymon.cli"]
    listed = subprocess.run(
        [*run, "list", str(store), "--password-env", "PW", "--json"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert listed.returncode == 0 and listed.stdout.endswith("]\n") and listed.stderr == ""
    expiring = subprocess.run(
        [*run, "expiring", str(store), "--password-env", "PW", "--days", "100000"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert expiring.returncode == 1 and "a" in expiring.stdout

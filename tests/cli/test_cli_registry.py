"""Subcommands are bound explicitly: one handler per parser subcommand, no second binding."""

from __future__ import annotations

import argparse
import subprocess
import sys

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

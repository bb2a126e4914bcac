"""A run builds the parser of its own subcommand only: it must be the same parser."""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest

from keymon.cli.parser import COMMANDS, build_parser, command_word, subcommand_names


def _children(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_commands_lists_every_subcommand_in_the_order_of_the_help() -> None:
    names = [n.split()[0] for n in subcommand_names(build_parser())]
    assert tuple(dict.fromkeys(names)) == COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_one_commands_parser_is_the_full_parsers_own(name: str) -> None:
    alone = _children(build_parser(name))
    assert list(alone) == [name]
    full = _children(build_parser())[name]
    assert alone[name].format_help() == full.format_help()
    assert alone[name].prog == full.prog == f"{full.prog.split()[0]} {name}"
    nested, nested_full = _children(alone[name]), _children(full)
    assert [p.format_help() for p in nested.values()] == [
        p.format_help() for p in nested_full.values()
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["list", "ks.p12", "--json", "--days", "7"],
        ["show", "ks.jks", "alias", "--password-env", "PW"],
        ["export", "ks.p12", "a", "--what", "chain", "-o", "out.pem"],
        ["tenant", "add", "prod", "--api-url", "https://t.example", "--client-id", "c"],
        ["--home", "/tmp/h", "expiring", "a.p12", "b.jks", "--days", "3"],
        ["--home=/tmp/h", "probe", "example.org:8443"],
    ],
)
def test_the_arguments_parse_the_same(args: list[str]) -> None:
    assert command_word(args) is not None
    assert build_parser(command_word(args)).parse_args(args) == build_parser().parse_args(args)


@pytest.mark.parametrize(
    "args", [[], ["--version"], ["--help"], ["lsit", "x"], ["ks.p12"], ["--home", "d"]]
)
def test_anything_else_gets_the_full_parser(args: list[str]) -> None:
    assert command_word(args) is None


def test_an_error_reads_as_before() -> None:
    def failure(parser: argparse.ArgumentParser) -> str:
        err = io.StringIO()
        with contextlib.redirect_stderr(err), pytest.raises(SystemExit):
            parser.parse_args(["list", "ks.p12", "--bogus"])
        return err.getvalue()

    assert failure(build_parser("list")) == failure(build_parser())


@pytest.mark.parametrize("columns", ["60", "132", ""])
def test_help_wraps_as_argparse_would(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The formatter finds the width without shutil, the same width shutil finds."""
    monkeypatch.setenv("COLUMNS", columns)
    ours = build_parser()
    stock = build_parser()
    for parser in (stock, *_children(stock).values()):
        parser.formatter_class = argparse.HelpFormatter
    assert type(ours).__name__ == "Parser"
    assert ours.format_help() == stock.format_help()
    for name, child in _children(ours).items():
        assert child.format_help() == _children(stock)[name].format_help()

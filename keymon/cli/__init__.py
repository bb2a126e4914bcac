"""`keymon`: the command line. With no arguments (or just a file) it starts the GUI.

Subcommands never import Qt. Errors are one line on stderr with the exit code
of the README's contract; a failed command leaves every keystore unchanged.
The parser is :mod:`keymon.cli.parser`; each subcommand is a function in
:mod:`keymon.cli.commands` registered with :func:`keymon.cli.registry.command`.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from keymon.cli.parser import COMMANDS, build_parser, command_word
from keymon.core.errors import KeyLocked, KeymonError
from keymon.core.rust_panic import is_rust_panic, panic_message

__all__ = ["COMMAND_MODULES", "EXIT_INTERNAL", "build_parser", "error", "handler", "main"]

EXIT_INTERNAL = 70
#: Subcommands that write nothing but their output (and `expiring --ics` its calendar,
#: closed before). Run as the program, they end with ``os._exit`` once stdout and stderr
#: are flushed: the interpreter would otherwise collect and free, one by one, everything
#: they built (0.1 s and more after listing 10,000 entries; ~2.5 ms of listing Java's
#: cacerts) and clear every module; the memory goes back with the process. Not for
#: commands that write keystores, nor when main() is called with arguments (tests).
_READS_ONLY = frozenset({"list", "show", "expiring"})


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``keymon ARGS`` (default: sys.argv); the process exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    gui = _gui_request(args_list, COMMANDS)
    if gui is not None:
        home, target = gui
        if home:
            os.environ["KEYMON_HOME"] = str(Path(home).expanduser().resolve())
        return _run_gui([target] if target else [])
    args = build_parser(command_word(args_list)).parse_args(args_list)
    if args.home:
        os.environ["KEYMON_HOME"] = str(Path(args.home).expanduser().resolve())
    try:
        code = _run(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler below
        if argv is None and args.command in _READS_ONLY:
            sys.stderr.flush()
            os._exit(code)  # the program ends now: see _READS_ONLY
        return code
    except KeymonError as exc:
        error(exc.message)
        return exc.exit_code
    except BrokenPipeError:  # e.g. `keymon list ... | head`: the reader left, not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        error("interrupted; nothing was changed.")
        return 130
    except OSError as exc:
        error(f"{exc.filename or 'a file'}: {exc.strerror or exc}")
        return 4
    except Exception as exc:  # never a traceback for users; KEYMON_DEBUG=1 shows it
        if os.environ.get("KEYMON_DEBUG"):
            raise
        error(f"internal error ({type(exc).__name__}: {exc}); set KEYMON_DEBUG=1 for details.")
        return EXIT_INTERNAL
    except BaseException as exc:  # a Rust panic in cryptography is no Exception (rust_panic)
        if not is_rust_panic(exc) or os.environ.get("KEYMON_DEBUG"):
            raise
        error(panic_message(exc))
        return 4


#: The module whose import registers a subcommand: a command loads only its own module
#: (``keymon list`` need not import the PKI, probe or tenant code). One not listed here,
#: or not found there, loads them all (tests/cli/test_command_modules.py checks this).
COMMAND_MODULES = {
    **dict.fromkeys(["list", "show", "expiring", "export"], "keystore"),
    **dict.fromkeys(["rename", "delete", "restore", "passwd", "import", "convert"], "editing"),
    **dict.fromkeys(["genkey", "csr", "ca-reply", "sign-csr"], "pki"),
    "backups": "backups",
    "create": "creating",
    "diff": "diff",
    "probe": "probe",
}


def handler(name: str) -> Callable[[argparse.Namespace], int]:
    """The function that runs subcommand ``name``, importing as little as it can."""
    import importlib

    from keymon.cli.registry import handlers

    module = COMMAND_MODULES.get(name)
    if module is not None:
        enabled = gc.isenabled()
        gc.disable()  # importing makes ~100,000 objects and no garbage: ~5 ms of collections
        try:
            importlib.import_module(f"keymon.cli.commands.{module}")
        finally:
            if enabled:
                gc.enable()
        found = handlers().get(name)
        if found is not None:
            return found
    from keymon.cli.commands import handlers as every  # registers every subcommand

    return every()[name]


def _run(args: argparse.Namespace) -> int:
    try:
        name = " ".join(filter(None, [args.command, getattr(args, "subcommand", None)]))
        return handler(name)(args)
    except KeyLocked as exc:  # say how to give the key password on the command line
        from keymon.cli.passwords import KEY_OPTION_HINT

        raise KeyLocked(exc.alias, wrong=exc.wrong, hint=KEY_OPTION_HINT) from exc


def _gui_request(args: list[str], commands: Sequence[str]) -> tuple[str | None, str | None] | None:
    """(home, keystore) when the arguments ask for the window, else None."""
    rest, home = list(args), None
    if len(rest) >= 2 and rest[0] == "--home":
        home, rest = rest[1], rest[2:]
    elif rest and rest[0].startswith("--home="):
        home, rest = rest[0].split("=", 1)[1], rest[1:]
    if not rest:
        return home, None
    if len(rest) == 1 and not rest[0].startswith("-") and rest[0] not in commands:
        return home, rest[0]
    return None


def error(message: str) -> None:
    """``keymon: ...`` on stderr: the one line of a failed command."""
    print(f"keymon: {message}", file=sys.stderr)


def _run_gui(args: list[str]) -> int:
    from keymon.gui.app import run

    return run(args)

"""`keymon diff A B`: compare two keystores, files or tenants (dev vs prod)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from keymon.cli.locations import open_readable
from keymon.cli.output import print_json
from keymon.cli.registry import command
from keymon.core.expiry import iso_z

if TYPE_CHECKING:
    import datetime as dt

    from keymon.core.sapci.diff import AliasDifference


@command("diff")
def cmd_diff(args: argparse.Namespace) -> int:
    from keymon.core.sapci.diff import diff

    a, b = open_readable(args, args.a), open_readable(args, args.b)
    result = diff(a, b)
    if args.json:
        print_json(
            {
                "a": str(args.a),
                "b": str(args.b),
                "same": result.same,
                "only_in_a": list(result.only_in_a),
                "only_in_b": list(result.only_in_b),
                "different_certificate": [_item(d) for d in result.different_certificate],
                "different_expiry": [_item(d) for d in result.different_expiry],
            }
        )
        return 0 if result.same else 1
    if result.same:
        print(f"{args.a} and {args.b} hold the same entries.")
        return 0
    for alias in result.only_in_a:
        print(f"only in {args.a}: {alias}")
    for alias in result.only_in_b:
        print(f"only in {args.b}: {alias}")
    for d in result.different_certificate:
        print(f"different certificate: {d.alias} ({_day(d.a_not_after)} vs {_day(d.b_not_after)})")
    for d in result.different_expiry:
        print(f"different expiry: {d.alias} ({_day(d.a_not_after)} vs {_day(d.b_not_after)})")
    return 1


def _day(when: dt.datetime | None) -> str:
    return when.strftime("%Y-%m-%d") if when else "none"


def _item(d: AliasDifference) -> dict[str, Any]:
    return {
        "alias": d.alias,
        "a_sha256": d.a_sha256,
        "b_sha256": d.b_sha256,
        "a_not_after": iso_z(d.a_not_after) if d.a_not_after else None,
        "b_not_after": iso_z(d.b_not_after) if d.b_not_after else None,
    }

"""`keymon create`: an empty PKCS#12 or JKS keystore (File › New Keystore… in the window)."""

from __future__ import annotations

import argparse
from pathlib import Path

from keymon.cli.passwords import explicit_password, new_password
from keymon.cli.registry import command
from keymon.core import secrets
from keymon.core.errors import UsageError
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore

FORMATS = {"pkcs12": Format.PKCS12, "jks": Format.JKS}


@command("create")
def cmd_create(args: argparse.Namespace) -> int:
    path: Path = args.keystore
    by_name = Format.JKS if path.suffix.lower() in (".jks", ".ks") else Format.PKCS12
    fmt = FORMATS[args.format] if args.format else by_name
    if path.is_dir():
        raise UsageError(f"{path} is a folder; name the keystore file to create.")
    exists = path.exists()
    if exists and not args.force:
        raise UsageError(f"{path} exists already; add --force to replace it (it is backed up).")
    password = explicit_password(args)
    if password is None:
        password = new_password(path)
    if not password:
        raise UsageError("The keystore password cannot be empty.")
    Keystore([], fmt=fmt, password=password).save_as(path, fmt, password, overwrite=exists)
    if args.remember:
        secrets.set_password(path, password)
    print(f"Created {path}: an empty {fmt.label} keystore.")
    return 0

"""Fill a Qt .ts file from JSON dictionaries, and list what is still unfinished.

    python tools/i18n_fill.py keymon/resources/i18n/keymon_de.ts de_*.json
    python tools/i18n_fill.py keymon/resources/i18n/keymon_de.ts --unfinished out.json

A JSON file maps context → English source → translation; a numerus (%n)
message maps to a list of the plural forms. Existing translations are kept
unless a JSON file names the message. ``--unfinished`` writes the messages
that still lack a translation in the same shape (values empty) for a translator.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

Table = dict[str, dict[str, str | list[str]]]


def _messages(root: ET.Element) -> list[tuple[str, ET.Element]]:
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        out.extend((name, message) for message in context.iter("message"))
    return out


def _set(message: ET.Element, value: str | list[str]) -> None:
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    translation.attrib.pop("type", None)
    translation.text = None
    for child in list(translation):
        translation.remove(child)
    if message.get("numerus") == "yes":
        forms = value if isinstance(value, list) else [value, value]
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = value if isinstance(value, str) else value[-1]


def _unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is None or translation.get("type") == "unfinished"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ts", type=Path)
    parser.add_argument("json", nargs="*", type=Path)
    parser.add_argument("--unfinished", type=Path, help="write what is still missing here")
    args = parser.parse_args(argv)

    tree = ET.parse(args.ts)  # noqa: S314 (our own .ts files)
    table: Table = {}
    for path in args.json:
        for context, items in json.loads(path.read_text("utf-8")).items():
            table.setdefault(context, {}).update(items)
    filled = 0
    missing: Table = {}
    for context, message in _messages(tree.getroot()):
        source = message.findtext("source") or ""
        value = table.get(context, {}).get(source)
        if value:
            _set(message, value)
            filled += 1
        elif _unfinished(message):
            numerus = message.get("numerus") == "yes"
            missing.setdefault(context, {})[source] = ["", ""] if numerus else ""
    ET.indent(tree, "    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    args.ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8"
    )
    count = sum(len(v) for v in missing.values())
    print(f"{args.ts}: {filled} filled, {count} unfinished")
    if args.unfinished:
        text = json.dumps(missing, ensure_ascii=False, indent=1)
        args.unfinished.write_text(text + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""docs/guide.md cannot go stale silently: its pictures exist, its error table names
every error kind of the connectivity test (and no other), its commands parse, and its
links within the page lead to headings.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from keymon.cli import build_parser
from keymon.core.net.result import ProbeErrorKind

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "guide.md"
ERRORS_HEADING = "## What the connectivity test's errors mean"


def text() -> str:
    return GUIDE.read_text("utf-8")


def section(heading: str) -> str:
    after = text().split(heading + "\n", 1)[1]
    return after.split("\n## ", 1)[0]


def slug(heading: str) -> str:
    """GitHub's anchor of a heading."""
    kept = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return kept.replace(" ", "-")


def test_every_picture_exists() -> None:
    pictures = re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", text())
    assert pictures
    missing = [p for p in pictures if not (GUIDE.parent / p).is_file()]
    assert missing == []


def test_error_table_has_a_row_for_every_kind() -> None:
    kinds = re.findall(r"^\| `([a-z_]+)` \|", section(ERRORS_HEADING), flags=re.MULTILINE)
    assert sorted(kinds) == sorted(kind.value for kind in ProbeErrorKind)


def command_lines() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", text(), flags=re.DOTALL)
    joined = "\n".join(blocks).replace("\\\n", " ")
    return [line.strip() for line in joined.splitlines() if line.strip().startswith("keymon ")]


@pytest.mark.parametrize("line", command_lines())
def test_commands_parse(line: str) -> None:
    build_parser().parse_args(shlex.split(line)[1:])  # argparse exits on a bad command


def test_links_within_the_page_lead_to_headings() -> None:
    headings = {slug(h) for h in re.findall(r"^#+ (.+)$", text(), flags=re.MULTILINE)}
    anchors = set(re.findall(r"\]\(#([^)]+)\)", text()))
    assert anchors and anchors <= headings


def test_error_table_quotes_the_panels_headlines() -> None:
    panel = pytest.importorskip("keymon.gui.views.connectivity_panel")
    headlines: dict[ProbeErrorKind, str] | None = getattr(panel, "ERROR_HEADLINES", None)
    if headlines is None:
        pytest.skip("the panel shows no headline per kind of error")
    rows = dict(re.findall(r"^\| `([a-z_]+)` \|(.*)$", section(ERRORS_HEADING), flags=re.MULTILINE))
    stale = {kind.value: text for kind, text in headlines.items() if text not in rows[kind.value]}
    assert stale == {}

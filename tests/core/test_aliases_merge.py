"""One alias allocator for every caller, and merge planning without Qt."""

from __future__ import annotations

import pytest

from keymon.core.aliases import AliasAllocator, alias_stem, suggest_alias
from keymon.core.entries import Entry
from keymon.core.merge import (
    MergeAction,
    MergePlan,
    MergeStep,
    ProblemKind,
    default_plan,
    plan_problem,
)
from tests import factory


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return [
        factory.key_pair_entry("tenant", "tenant.example.com"),
        factory.self_signed_entry("edge"),
        factory.trusted_entry("root-ca", "keymon Root CA"),
    ]


def test_allocator_numbers_and_cleans() -> None:
    taken = AliasAllocator(["Web", "web-2"])
    assert "WEB" in taken and "web-3" not in taken
    assert taken.numbered("Web") == "Web-3"  # kept as written, numbered on a clash
    assert taken.suggest("My Web Server") == "my-web-server"
    assert taken.suggest("my web server") == "my-web-server-2"  # its own count too
    assert taken.keep_or_suggest("Fresh", "cn") == "Fresh"
    assert taken.keep_or_suggest("fresh", "cn") == "fresh-2"
    assert taken.keep_or_suggest(None, "Some CN") == "some-cn"
    assert alias_stem("  /:\\ ") == "entry" and len(alias_stem("x" * 100)) == 64
    assert suggest_alias("Tenant", ["tenant", "TENANT-2"]) == "tenant-3"


def test_merge_planning_is_qt_free_and_typed(entries: list[Entry]) -> None:
    plan = default_plan(entries, ["TENANT", "tenant-2"])
    assert [(s.action, s.alias) for s in plan] == [
        (MergeAction.ADD, "tenant-3"),
        (MergeAction.ADD, "edge"),
        (MergeAction.ADD, "root-ca"),
    ]
    assert plan_problem(plan, ["TENANT", "tenant-2"]) is None


def test_plan_problems(entries: list[Entry]) -> None:
    existing = ["tenant"]
    clash = MergePlan((MergeStep(entries[0], MergeAction.ADD, "Tenant"),))
    problem = plan_problem(clash, existing)
    assert problem is not None and problem.kind is ProblemKind.ALIAS_EXISTS
    assert problem.alias == "Tenant"
    overwrite = MergePlan((MergeStep(entries[0], MergeAction.OVERWRITE, "tenant"),))
    assert plan_problem(overwrite, existing) is None
    twice = MergePlan(
        (MergeStep(entries[1], MergeAction.ADD, "x"), MergeStep(entries[2], MergeAction.ADD, "X"))
    )
    problem = plan_problem(twice, existing)
    assert problem is not None and problem.kind is ProblemKind.ALIAS_TWICE
    assert problem.step is twice.items[1]
    empty = MergePlan((MergeStep(entries[1], MergeAction.ADD, "  "),))
    problem = plan_problem(empty, existing)
    assert problem is not None and problem.kind is ProblemKind.INVALID_ALIAS
    assert problem.message == "An alias cannot be empty."
    keep = MergePlan((MergeStep(entries[0], MergeAction.KEEP, "tenant"),))
    assert plan_problem(keep, existing) is None and not keep.changes_anything

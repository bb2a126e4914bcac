"""Planning a merge of entries into a keystore: what happens to each incoming entry.

A :class:`MergePlan` holds one :class:`MergeStep` per incoming entry (add it, under its
own or a new alias; overwrite the existing entry of that alias; or keep the existing one).
:func:`default_plan` loses nothing; :func:`plan_problem` says why a plan (as a user
edited it) cannot be carried out. The GUI's merge dialog shows and edits a plan; the
caller carries it out.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from keymon.core.aliases import AliasAllocator, alias_key, validate_alias
from keymon.core.entries import Entry, with_alias
from keymon.core.errors import UsageError


class MergeAction(enum.StrEnum):
    """What happens to an incoming entry (compares equal to its string value)."""

    ADD = "add"  # added, under ``alias`` (its own or a new one)
    OVERWRITE = "overwrite"  # replaces the existing entry with the same alias
    KEEP = "keep"  # the existing entry with the same alias stays; this one is not added


@dataclass(frozen=True)
class MergeStep:
    """What happens to one incoming entry; ``alias`` is its alias after the merge."""

    entry: Entry
    action: MergeAction
    alias: str

    @property
    def adds(self) -> bool:
        return self.action is not MergeAction.KEEP

    @property
    def renamed(self) -> bool:
        return self.action is MergeAction.ADD and self.alias != self.entry.alias

    def result(self) -> Entry:
        """The entry as it goes into the keystore (under its final alias)."""
        return self.entry if self.alias == self.entry.alias else with_alias(self.entry, self.alias)


@dataclass(frozen=True)
class MergePlan:
    """One :class:`MergeStep` per incoming entry, in the incoming order."""

    items: tuple[MergeStep, ...]

    def __iter__(self) -> Iterator[MergeStep]:
        return iter(self.items)

    def with_action(self, action: MergeAction) -> list[MergeStep]:
        return [s for s in self.items if s.action is action]

    @property
    def new_entries(self) -> list[Entry]:
        """Entries added beside the existing ones, under their final alias."""
        return [s.result() for s in self.with_action(MergeAction.ADD)]

    @property
    def changes_anything(self) -> bool:
        return any(s.adds for s in self.items)


class ProblemKind(enum.Enum):
    INVALID_ALIAS = "invalid"  # ``message`` says why (from validate_alias)
    ALIAS_EXISTS = "exists"  # the keystore has the alias and the step does not overwrite
    ALIAS_TWICE = "twice"  # two steps would add the same alias


@dataclass(frozen=True)
class PlanProblem:
    """Why a plan cannot be carried out; ``step`` is the first step at fault."""

    kind: ProblemKind
    step: MergeStep
    alias: str
    message: str = ""


def is_valid_alias(alias: str) -> bool:
    try:
        validate_alias(alias)
    except UsageError:
        return False
    return True


def suggestion_base(entry: Entry) -> str:
    """What a new alias for ``entry`` is made from: its alias if valid, else its CN."""
    if is_valid_alias(entry.alias):
        return entry.alias
    cert = entry.certificate
    return cert.summary.subject_cn if cert is not None else "entry"


def default_plan(incoming: Sequence[Entry], existing_aliases: Iterable[str]) -> MergePlan:
    """Lose nothing by default: a clash (or an invalid alias) adds under a suggested alias."""
    existing = list(existing_aliases)
    existing_keys = {alias_key(a) for a in existing}
    aliases = AliasAllocator([*existing, *(e.alias for e in incoming)])
    steps: list[MergeStep] = []
    seen: set[str] = set()
    for entry in incoming:
        key = alias_key(entry.alias.strip())
        if is_valid_alias(entry.alias) and key not in seen and key not in existing_keys:
            steps.append(MergeStep(entry, MergeAction.ADD, entry.alias))
        else:
            steps.append(MergeStep(entry, MergeAction.ADD, aliases.suggest(suggestion_base(entry))))
        seen.add(key)
    return MergePlan(tuple(steps))


def plan_problem(plan: MergePlan, existing_aliases: Iterable[str]) -> PlanProblem | None:
    """The first reason the plan cannot be carried out; None when it can."""
    existing = {alias_key(a) for a in existing_aliases}
    used: set[str] = set()
    for step in plan:
        if not step.adds:
            continue
        try:
            alias = validate_alias(step.alias)
        except UsageError as exc:
            return PlanProblem(ProblemKind.INVALID_ALIAS, step, step.alias, exc.message)
        key = alias_key(alias)
        if step.action is not MergeAction.OVERWRITE and key in existing:
            return PlanProblem(ProblemKind.ALIAS_EXISTS, step, alias)
        if key in used:
            return PlanProblem(ProblemKind.ALIAS_TWICE, step, alias)
        used.add(key)
    return None

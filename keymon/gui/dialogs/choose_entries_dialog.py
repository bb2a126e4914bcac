"""Choosing among the entries of a file, and planning a merge of one keystore into another.

* :class:`ChooseEntriesDialog`: a file holds several keys or certificates; every
  entry has a check box (all checked at first) and OK returns the chosen ones.
* :class:`MergeDialog` ("Add › Keystore…"): for each incoming entry, what will
  happen to it. An alias clash offers Keep existing / Overwrite / Add under a new
  alias (suggested by :class:`keymon.core.aliases.AliasAllocator`). The result is a
  typed :class:`keymon.core.merge.MergePlan`; the caller carries it out (as an
  undoable command).
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keymon.core import merge
from keymon.core.aliases import AliasAllocator, alias_key
from keymon.core.entries import Entry
from keymon.core.expiry import entry_expiry
from keymon.core.merge import MergeAction, MergePlan, MergeStep, default_plan
from keymon.gui.dialogs.password_dialog import MessageLabel, ok_cancel
from keymon.gui.models.columns import type_name
from keymon.gui.palette import StatusPalette


class RowChoice(enum.StrEnum):
    """The choices a row of the merge dialog offers (RENAME is ADD under a new alias)."""

    ADD = "add"
    RENAME = "rename"
    KEEP = "keep"
    OVERWRITE = "overwrite"


_ACTION = {
    RowChoice.ADD: MergeAction.ADD,
    RowChoice.RENAME: MergeAction.ADD,
    RowChoice.KEEP: MergeAction.KEEP,
    RowChoice.OVERWRITE: MergeAction.OVERWRITE,
}


def plan_problem(plan: MergePlan, existing_aliases: Iterable[str]) -> str | None:
    """Why the plan cannot be carried out, as a sentence for the user; None when it can."""
    problem = merge.plan_problem(plan, existing_aliases)
    if problem is None:
        return None
    if problem.kind is merge.ProblemKind.INVALID_ALIAS:
        return QCoreApplication.translate(
            "MergeDialog", "{problem} (new alias for “{alias}”)"
        ).format(problem=problem.message, alias=problem.step.entry.alias)
    if problem.kind is merge.ProblemKind.ALIAS_EXISTS:
        return QCoreApplication.translate(
            "MergeDialog", "The keystore already has an entry “{alias}”."
        ).format(alias=problem.alias)
    return QCoreApplication.translate(
        "MergeDialog", "Two entries would get the alias “{alias}”."
    ).format(alias=problem.alias)


class _EntriesDialog(QDialog):
    """The entry table both dialogs share: alias, type, subject, valid until."""

    def __init__(
        self, entries: Sequence[Entry], parent: QWidget | None, title: str, intro: str
    ) -> None:
        super().__init__(parent)
        self.entries = list(entries)
        self.setWindowTitle(title)
        self.intro = QLabel(intro, self)
        self.intro.setObjectName("introLabel")
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("entriesTable")
        self.tree.setAccessibleName(self.tr("Entries"))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.headers = [
            self.tr("Alias"),
            self.tr("Type"),
            self.tr("Subject"),
            self.tr("Valid Until"),
        ]
        self.tree.setHeaderLabels(self.headers)
        self.items: list[QTreeWidgetItem] = []
        status_palette = StatusPalette(self.palette())
        for entry in self.entries:
            cert = entry.certificate
            expiry = entry_expiry(entry)
            until = expiry.not_after
            item = QTreeWidgetItem(
                [
                    entry.alias,
                    type_name(entry.kind),
                    cert.summary.subject_cn if cert is not None else "",
                    until.astimezone().date().isoformat() if until is not None else "—",
                ]
            )
            if cert is not None:
                item.setToolTip(2, cert.summary.subject)
            icon = status_palette.icon(expiry.status)
            if icon is not None:
                item.setIcon(3, icon)
            self.items.append(item)
        self.tree.addTopLevelItems(self.items)
        self.buttons, self.ok_button = ok_cancel(self)
        self.reason_label = MessageLabel("reasonLabel", self)

    def _fit_columns(self) -> None:
        header = self.tree.header()
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        width = sum(self.tree.columnWidth(c) for c in range(self.tree.columnCount()))
        self.resize(min(max(width + 80, 560), 1000), min(220 + 30 * len(self.items), 560))


class ChooseEntriesDialog(_EntriesDialog):
    """Check the entries to use (all checked at first); OK needs at least one."""

    def __init__(
        self,
        entries: Sequence[Entry],
        parent: QWidget | None = None,
        *,
        title: str = "",
        intro: str = "",
    ) -> None:
        super().__init__(
            entries,
            parent,
            title or QCoreApplication.translate("ChooseEntriesDialog", "Choose Entries"),
            intro
            or QCoreApplication.translate(
                "ChooseEntriesDialog", "The file holds several entries. Choose the ones to use."
            ),
        )
        self.setObjectName("chooseEntriesDialog")
        for item in self.items:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
        self.all_button = QPushButton(self.tr("Select &All"), self)
        self.all_button.setObjectName("selectAllButton")
        self.none_button = QPushButton(self.tr("Select &None"), self)
        self.none_button.setObjectName("selectNoneButton")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.all_button.clicked.connect(lambda: self.set_all(True))
        self.none_button.clicked.connect(lambda: self.set_all(False))
        QWidget.setTabOrder(self.tree, self.all_button)  # the OK/Cancel row was made first
        QWidget.setTabOrder(self.all_button, self.none_button)
        row = QHBoxLayout()
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.buttons)
        self.tree.itemChanged.connect(self._update)
        if self.items:
            self.tree.setCurrentItem(self.items[0])
        self.tree.setFocus()
        self._fit_columns()
        self._update()

    def set_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for item in self.items:
            item.setCheckState(0, state)

    def chosen_entries(self) -> list[Entry]:
        return [
            entry
            for entry, item in zip(self.entries, self.items, strict=True)
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def _update(self) -> None:
        count = len(self.chosen_entries())
        self.count_label.setText(
            self.tr("{chosen} of {total} chosen").format(chosen=count, total=len(self.items))
        )
        self.ok_button.setEnabled(count > 0)
        if count:
            self.reason_label.clear_message()
        else:
            self.reason_label.show_hint(self.tr("Choose at least one entry."))


class MergeDialog(_EntriesDialog):
    """What happens to each incoming entry; clashes are decided per row."""

    ACTION_COLUMN, ALIAS_COLUMN = 4, 5

    def __init__(
        self,
        incoming: Sequence[Entry],
        existing_aliases: Iterable[str],
        parent: QWidget | None = None,
        *,
        title: str = "",
    ) -> None:
        super().__init__(
            incoming,
            parent,
            title or QCoreApplication.translate("MergeDialog", "Add Entries from a Keystore"),
            QCoreApplication.translate(
                "MergeDialog",
                "Where an alias is already taken, choose whether to keep the existing entry, "
                "overwrite it, or add the new one under another alias.",
            ),
        )
        self.setObjectName("mergeDialog")
        self.existing = list(existing_aliases)
        existing_keys = {alias_key(a) for a in self.existing}
        self.tree.setColumnCount(6)
        self.tree.setHeaderLabels([*self.headers, self.tr("Action"), self.tr("Alias After Adding")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summaryLabel")
        self.combos: list[QComboBox] = []
        self.alias_edits: list[QLineEdit] = []
        self.clashes: list[bool] = []
        self._renamed: list[str] = []
        for row, (item, step) in enumerate(
            zip(self.items, default_plan(self.entries, self.existing), strict=True)
        ):
            clash = alias_key(step.entry.alias.strip()) in existing_keys
            self.clashes.append(clash)
            self._renamed.append(step.alias if step.renamed else self._suggest(step.entry))
            combo = QComboBox(self.tree)
            combo.setObjectName(f"actionCombo{row}")
            combo.setAccessibleName(self.tr("Action for {alias}").format(alias=step.entry.alias))
            for choice, label in self._choices(clash):
                combo.addItem(label, choice.value)
            initial = RowChoice.RENAME if step.renamed else RowChoice.ADD
            combo.setCurrentIndex(combo.findData(initial.value))
            edit = QLineEdit(self.tree)
            edit.setObjectName(f"aliasEdit{row}")
            edit.setAccessibleName(
                self.tr("Alias after adding {alias}").format(alias=step.entry.alias)
            )
            if clash:
                item.setToolTip(0, self.tr("The keystore already has an entry with this alias."))
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
            self.tree.setItemWidget(item, self.ACTION_COLUMN, combo)
            self.tree.setItemWidget(item, self.ALIAS_COLUMN, edit)
            self.combos.append(combo)
            self.alias_edits.append(edit)
            self._show_choice(row)
            combo.currentIndexChanged.connect(lambda _i, r=row: self._choice_changed(r))
            edit.textChanged.connect(lambda text, r=row: self._alias_typed(r, text))
        # Tab: the table, then each row's action and alias (left to right), then OK/Cancel
        # (which were made before the rows).
        row_widgets = [w for pair in zip(self.combos, self.alias_edits, strict=True) for w in pair]
        for first, second in itertools.pairwise([self.tree, *row_widgets]):
            QWidget.setTabOrder(first, second)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.buttons)
        self.ok_button.setText(self.tr("&Add"))
        self._fit_columns()
        self.tree.setColumnWidth(self.ALIAS_COLUMN, max(self.tree.columnWidth(5), 160))
        self.resize(min(self.width() + 160, 900), self.height())
        if self.combos:
            self.combos[0].setFocus()
        self._update()

    def _choices(self, clash: bool) -> list[tuple[RowChoice, str]]:
        rename = (RowChoice.RENAME, self.tr("Add under a new alias"))
        if clash:
            return [
                rename,
                (RowChoice.KEEP, self.tr("Keep existing")),
                (RowChoice.OVERWRITE, self.tr("Overwrite existing")),
            ]
        return [(RowChoice.ADD, self.tr("Add")), rename]

    def _suggest(self, entry: Entry) -> str:
        taken = AliasAllocator([*self.existing, *(e.alias for e in self.entries), *self._renamed])
        return taken.suggest(merge.suggestion_base(entry))

    def choice(self, row: int) -> RowChoice:
        return RowChoice(str(self.combos[row].currentData()))

    def set_choice(self, row: int, choice: RowChoice) -> None:
        index = self.combos[row].findData(choice.value)
        if index < 0:
            raise ValueError(f"{choice} is not offered in row {row}")
        self.combos[row].setCurrentIndex(index)

    def _show_choice(self, row: int) -> None:
        choice, edit, entry = self.choice(row), self.alias_edits[row], self.entries[row]
        edit.blockSignals(True)
        edit.setReadOnly(choice is not RowChoice.RENAME)
        edit.setFrame(choice is RowChoice.RENAME)
        edit.setEnabled(choice is not RowChoice.KEEP)
        if choice is RowChoice.RENAME:
            edit.setText(self._renamed[row])
        elif choice is RowChoice.KEEP:
            edit.setText("")
        else:
            edit.setText(entry.alias)
        edit.blockSignals(False)

    def _choice_changed(self, row: int) -> None:
        self._show_choice(row)
        if self.choice(row) is RowChoice.RENAME:
            self.alias_edits[row].setFocus()
            self.alias_edits[row].selectAll()
        self._update()

    def _alias_typed(self, row: int, text: str) -> None:
        if self.choice(row) is RowChoice.RENAME:
            self._renamed[row] = text
        self._update()

    def merge_plan(self) -> MergePlan:
        steps = []
        for row, entry in enumerate(self.entries):
            choice = self.choice(row)
            alias = self._renamed[row].strip() if choice is RowChoice.RENAME else entry.alias
            steps.append(MergeStep(entry, _ACTION[choice], alias))
        return MergePlan(tuple(steps))

    def _update(self) -> None:
        plan = self.merge_plan()
        self.summary_label.setText(
            self.tr("Added: {added} · Overwritten: {overwritten} · Existing kept: {kept}").format(
                added=len(plan.with_action(MergeAction.ADD)),
                overwritten=len(plan.with_action(MergeAction.OVERWRITE)),
                kept=len(plan.with_action(MergeAction.KEEP)),
            )
        )
        problem = plan_problem(plan, self.existing)
        if problem is None and not plan.changes_anything:
            self.reason_label.show_hint(self.tr("Nothing would be added."))
            self.ok_button.setEnabled(False)
            return
        self.ok_button.setEnabled(problem is None)
        if problem is None:
            self.reason_label.clear_message()
        else:
            self.reason_label.show_problem(problem)

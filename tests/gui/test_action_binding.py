"""Every action has exactly one handler, and the window refuses to start otherwise."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from keymon.gui.action_binding import (
    ActionBindingError,
    ActionGroup,
    Handler,
    bind_actions,
    handles,
)
from keymon.gui.actions import ACTIONS, ActionId, build_actions


def _all_but(missing: ActionId, calls: list[ActionId]) -> dict[ActionId, Handler]:
    return {a: (lambda a=a: calls.append(a)) for a in ActionId if a is not missing}


def test_every_action_is_in_the_table_once_and_named_by_its_id() -> None:
    assert [spec.name for spec in ACTIONS] == list(ActionId)


def test_bound_actions_run_their_one_handler(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    actions = build_actions(parent)
    calls: list[ActionId] = []
    rename = {ActionId.RENAME: lambda: calls.append(ActionId.RENAME)}
    bind_actions(actions, [_all_but(ActionId.RENAME, calls), rename])
    actions[ActionId.RENAME].trigger()
    actions[ActionId.OPEN].trigger()
    assert calls == [ActionId.RENAME, ActionId.OPEN]
    assert actions[ActionId.OPEN].objectName() == "actionOpen"


def test_an_unbound_action_stops_the_start(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    with pytest.raises(ActionBindingError, match="actionSignCsr"):
        bind_actions(build_actions(parent), [_all_but(ActionId.SIGN_CSR, [])])


def test_an_action_bound_twice_stops_the_start(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    twice = {ActionId.DELETE: lambda: None}
    with pytest.raises(ActionBindingError, match="actionDelete has two handlers"):
        bind_actions(build_actions(parent), [_all_but(ActionId.OPEN, []), twice])


def test_a_handler_without_its_action_stops_the_start(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    actions: dict[ActionId, QAction] = dict(build_actions(parent))
    del actions[ActionId.QUIT]
    with pytest.raises(ActionBindingError, match="handlers without an action: actionQuit"):
        bind_actions(actions, [_all_but(ActionId.OPEN, []), {ActionId.OPEN: lambda: None}])


def test_a_group_handling_one_action_twice_is_refused() -> None:
    class Twice(ActionGroup):
        @handles(ActionId.COPY_PEM)
        def one(self) -> None: ...

        @handles(ActionId.COPY_PEM)
        def two(self) -> None: ...

    with pytest.raises(ActionBindingError, match="handles actionCopyPem twice"):
        Twice().handlers()

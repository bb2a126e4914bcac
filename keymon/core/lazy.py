"""A module imported when first used: for heavy libraries start-up does not need."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule(ModuleType):
    """Stands for module ``name`` and imports it at the first attribute read.

    Bind it where the module would be imported, with the real import under
    ``TYPE_CHECKING`` so the type checker sees the real module.
    """

    def __init__(self, name: str) -> None:
        super().__init__(name)

    def __getattr__(self, attr: str) -> Any:
        value = getattr(importlib.import_module(self.__name__), attr)
        setattr(self, attr, value)  # the next read finds it here
        return value

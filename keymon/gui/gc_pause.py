"""No garbage-collector pauses while a keystore is read and its rows are derived.

Reading 10,000 entries allocates millions of objects, and every few hundred thousand
of them CPython runs a full collection over all of them, holding the GIL for 40-60 ms
in whichever thread allocates: the window stalls. While anything holds the pause the
collector is off; when the last hold ends, everything that exists is frozen
(``gc.freeze()``: the keystore and its rows live as long as the window shows them, so
later full passes skip them) and collection resumes. Objects freed by reference count
(what an earlier keystore leaves behind) are freed as usual, frozen or not.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject


class GcPause(QObject):
    """Named holds on the collector: ``hold(name, True)`` stops it, the last release resumes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._holds: set[str] = set()
        self._was_enabled = True

    @property
    def holding(self) -> frozenset[str]:
        return frozenset(self._holds)

    def hold(self, name: str, on: bool) -> None:
        if on:
            if not self._holds:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._holds.add(name)
        elif name in self._holds:
            self._holds.discard(name)
            if not self._holds:
                gc.freeze()
                if self._was_enabled:
                    gc.enable()

    def release_all(self) -> None:
        """End every hold (the window closes)."""
        for name in list(self._holds):
            self.hold(name, False)

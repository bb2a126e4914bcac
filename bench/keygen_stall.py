"""How long the GUI freezes while the key pair wizard generates RSA 4096 and RSA 8192 keys.

Drives the real wizard (offscreen) through its worker path: fill the pages, press
Generate, run the event loop until the wizard closes. A repeating zero-interval
QTimer records the largest gap between two of its runs (QElapsedTimer): the
longest stall of the event loop. Target: < 50 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/keygen_stall.py [--runs 1] [--sizes 4096 8192]

``--control`` also runs a generator that holds the GIL for about a second (big
integer arithmetic) before generating, to show that the meter does see such stalls.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWizard

from keymon.core.entries import KeyPairEntry
from keymon.core.x509.keygen import KeyPairRequest, generate_key_pair

TARGET_MS = 50


class StallMeter:
    """Largest gap between two runs of a zero-interval timer = longest event-loop stall."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.worst = 0
        self.ticks = 0

    def start(self) -> None:
        self.worst, self.ticks = 0, 0
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.ticks += 1
        self.worst = max(self.worst, self.clock.restart())

    def stop(self) -> int:
        self.timer.stop()
        return self.worst


def gil_holding_generate(request: KeyPairRequest, cancel: object = None) -> KeyPairEntry:
    """A control: one long C call that keeps the GIL (as a GIL-holding keygen would)."""
    pow(3, 1_500_000) * pow(7, 1_500_000)
    return generate_key_pair(request)


def generate_once(bits: int, control: bool = False) -> tuple[int, float, int]:
    """(longest stall in ms, generation time in s, timer ticks) for one RSA key of ``bits``."""
    from keymon.gui.wizards.keypair_wizard import IdentityPage, KeyPage, KeyPairWizard
    from keymon.gui.workers import TaskRunner

    runner = TaskRunner()
    generate = gil_holding_generate if control else generate_key_pair
    wizard = KeyPairWizard(["existing"], runner, generate=generate)
    wizard.show()
    wizard.page_of(IdentityPage).subject.cn_edit.setText(f"bench rsa {bits}")
    wizard.next()
    wizard.next()
    key = wizard.page_of(KeyPage).key
    key.type_combo.setCurrentIndex(key.type_combo.findData("rsa"))
    key.size_combo.setCurrentIndex(key.size_combo.findData(bits))
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.page(wizard.pageIds()[-1])
    loop = QEventLoop()
    wizard.finished.connect(loop.quit)
    wizard.generationFailed.connect(lambda e: (print(e.details), loop.quit()))
    meter = StallMeter()
    meter.start()
    start = time.perf_counter()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    loop.exec()
    elapsed = time.perf_counter() - start
    stall = meter.stop()
    assert wizard.outcome is not None, "no key was generated"
    assert wizard.outcome.entry.certificate.summary.key_size == bits
    wizard.deleteLater()
    runner.shutdown(1000)
    return stall, elapsed, meter.ticks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--sizes", type=int, nargs="+", default=[4096, 8192])
    parser.add_argument("--control", action="store_true", help="also run a GIL-holding control")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    worst_all = 0
    for bits in args.sizes:
        for run in range(args.runs):
            stall, elapsed, ticks = generate_once(bits)
            app.processEvents()
            worst_all = max(worst_all, stall)
            print(
                f"RSA {bits} run {run + 1}: longest event-loop stall {stall:4d} ms "
                f"(generation {elapsed:5.1f} s, {ticks} timer runs)"
            )
    if args.control:
        stall, elapsed, ticks = generate_once(args.sizes[0], control=True)
        print(
            f"control (GIL held ~1 s, then RSA {args.sizes[0]}): longest stall {stall} ms "
            f"(generation {elapsed:5.1f} s, {ticks} timer runs): the meter sees GIL stalls"
        )
    verdict = "OK" if worst_all < TARGET_MS else "TOO LONG"
    print(f"longest stall overall: {worst_all} ms (target < {TARGET_MS} ms): {verdict}")


if __name__ == "__main__":
    main()

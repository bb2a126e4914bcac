"""Run-time hook of the bundle, in place of PyInstaller's pyi_rth_pyside6.

PyInstaller's hook imports PySide6.QtCore at start-up to make sure a qt.conf points Qt to
the bundle's PySide6/Qt; that costs about 100 ms on every run, the command line's too
(whose subcommands never load Qt). The PySide6 wheels register that same qt.conf
themselves when QtCore is imported (checked for 6.11: Prefix, plugins and translations
all resolve inside the bundle), so all that is left here is what needs no Qt: point Qt
to the bundle's plugins.
"""

import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")  # type: ignore[attr-defined]

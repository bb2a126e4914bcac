"""keymon's window (Qt). The core never imports this package.

The first import of PySide6 installs an import hook (``__feature__``) that reads the
source of every module imported *after* it, looking for "PySide6" (PYSIDE-2029):
~240 files at start-up. The Qt-free modules every window needs are imported here,
before any PySide6 import, so the hook never reads them (issue 13). Importing them
costs nothing extra: the window's first keystore needs them all.
"""

import keymon.core.compat
import keymon.core.default_store
import keymon.core.expiry
import keymon.core.exporting
import keymon.core.formats.sniff
import keymon.core.keystore
import keymon.core.keystore_view
import keymon.core.passwords
import keymon.core.sapci.names
import keymon.core.text  # noqa: F401

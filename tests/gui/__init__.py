"""GUI tests: Qt runs headless unless the environment already chose a platform."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

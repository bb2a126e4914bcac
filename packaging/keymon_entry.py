"""PyInstaller's entry script: the same as the ``keymon`` console script (keymon.cli:main)."""

import sys

from keymon.cli import main

if __name__ == "__main__":
    sys.exit(main())

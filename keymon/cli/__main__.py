"""`python -m keymon.cli`: the same as the ``keymon`` console script."""

import sys

from keymon.cli import main

sys.exit(main())

"""`python -m authing_desktop`: the same entry point as the `authing-desktop` script."""

import sys

from authing_desktop.app import main

sys.exit(main())

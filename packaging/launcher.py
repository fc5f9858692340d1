"""Entry script of the frozen app (PyInstaller needs a file, not a ``-m`` module)."""

import sys

from authing_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())

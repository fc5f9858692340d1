"""Bootstrap: command line, then either a `pool ...` subcommand (no Qt) or the GUI."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "pool":
        # The pool CLI must not pay for (or need) Qt.
        from authing_desktop.localpool.cli import main as pool_main

        return pool_main(args[1:])
    raise SystemExit("the GUI is not built yet")

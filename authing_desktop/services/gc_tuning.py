"""Garbage-collector policy of the GUI process.

CPython's oldest generation is collected when it grew by a quarter. After start-up it holds
every object the modules, Qt wrappers and windows left, and walking them all takes long enough
to stall the UI thread visibly, at a random moment. Once start-up is over, those objects are
moved out of the collector's way (``gc.freeze``): they live as long as the process anyway, and
later collections only walk what was made since.
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)


def freeze_startup_objects() -> None:
    """Exclude every object alive now from future collections (call when start-up is done)."""
    gc.freeze()
    log.debug("gc: %d start-up objects frozen", gc.get_freeze_count())

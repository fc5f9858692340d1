"""Logging set-up: one stderr handler whose every line goes through `redact` (Qt-free)."""

from __future__ import annotations

import logging
import sys

ROOT_LOGGER = "authing_desktop"
# Third-party loggers whose DEBUG lines quote values they handle: qasync's executor logs every
# callable's arguments and result (passwords for zxcvbn, tokens to and from the keychain).
CHATTY_LOGGERS = ("qasync",)


class RedactingFormatter(logging.Formatter):
    """Formats as usual (traceback included), then redacts the whole text."""

    def format(self, record: logging.LogRecord) -> str:
        # Imported at the first record, not with the logging set-up: the window's first frame
        # does not wait for the patterns (docs/start-up.md).
        from authing_desktop.redaction import redact_text

        return redact_text(super().format(record))


def quiet_chatty_loggers() -> None:
    """Keep `CHATTY_LOGGERS` at INFO and above, whatever the root logger's level is."""
    for name in CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO)


def setup_logging(*, debug: bool = False) -> None:
    """Warnings and errors to stderr; everything with ``debug``. Never raises."""
    quiet_chatty_loggers()
    logger = logging.getLogger(ROOT_LOGGER)
    logger.setLevel(logging.DEBUG if debug else logging.INFO)
    if sys.stderr is None:  # a windowed (no console) frozen build
        logger.addHandler(logging.NullHandler())
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.DEBUG if debug else logging.WARNING)
    fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s" if debug else \
        "%(levelname)s %(name)s: %(message)s"
    handler.setFormatter(RedactingFormatter(fmt))
    logger.addHandler(handler)
    logger.propagate = False

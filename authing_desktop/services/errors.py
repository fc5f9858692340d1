"""Expected failures of the services layer and how they are told to the user."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication


class UserFacingError(Exception):
    """An expected failure whose text is already translated and fit to show as it is."""


def describe_expected_error(error: BaseException) -> str | None:
    """The translated text to show for an expected error, or None for a programming error
    (which goes to the crash report instead)."""
    if isinstance(error, UserFacingError):
        return str(error)
    # Not imported here: the api package pulls in httpx, slow to import, which start-up must
    # not wait for. If the api was never imported, the error cannot be one of its errors.
    api_errors = sys.modules.get("authing_desktop.api.errors")
    if api_errors is not None and isinstance(error, api_errors.ApiError):
        from authing_desktop.api.user_messages import user_message_source

        context, source = user_message_source(error)
        return QCoreApplication.translate(context, source)
    return None

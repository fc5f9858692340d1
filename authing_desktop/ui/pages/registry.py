"""The page registry: what the navigation lists and how each page is built.

A page is one module under ``ui/pages/`` that defines a widget class;
`authing_desktop.ui.pages.PAGES` lists a `PageSpec` for each in navigation order. A page's
module is imported and its widget built the first time it is shown.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from authing_desktop.services.app_services import AppServices



class Section(enum.Enum):
    """Navigation groups: ACCOUNT pages are listed under an "Account" heading, SUPPORT pages
    under "Support tools"."""

    START = "start"
    ACCOUNT = "account"
    SUPPORT = "support"


@dataclass(frozen=True)
class PageSpec:
    """One navigation entry. ``key`` names the page (``<key>.<field>`` object names);
    ``title`` returns the translated navigation text; ``build(services, parent)`` makes the
    widget; ``icon`` names its icon (`authing_desktop.ui.icons`)."""

    key: str
    section: Section
    title: Callable[[], str]
    build: Callable[[AppServices, QWidget | None], QWidget]
    icon: str = "app-window"

"""The pages of the main window, in navigation order. To add a page: write a module here with a
widget and a ``PAGE = PageSpec(...)``, then list it below."""

from __future__ import annotations

from authing_desktop.ui.pages import (
    access_page,
    applications_page,
    contacts_page,
    custom_data_page,
    devices_page,
    login_history_page,
    profile_page,
    security_page,
    sign_in_page,
    support_page,
    your_data_page,
)
from authing_desktop.ui.pages.registry import PageSpec, Section

PAGES: tuple[PageSpec, ...] = (
    sign_in_page.PAGE,
    profile_page.PAGE,
    security_page.PAGE,
    contacts_page.PAGE,
    applications_page.PAGE,
    access_page.PAGE,
    custom_data_page.PAGE,
    devices_page.PAGE,
    login_history_page.PAGE,
    your_data_page.PAGE,
    support_page.PAGE,
)

__all__ = ["PAGES", "PageSpec", "Section"]

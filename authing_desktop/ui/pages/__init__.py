"""The pages of the main window, in navigation order.

A page is one module here with a widget class taking `AppServices`; list it below with its key
(``<key>.<field>`` object names), section and translated title. A page's module is imported the
first time the page is shown, so start-up pays only for the Sign in page.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from authing_desktop.ui.pages.registry import PageSpec, Section

if TYPE_CHECKING:
    from authing_desktop.services.app_services import AppServices

_MODULES: list[str] = []  # every page module, in registration order


def _lazy(module: str, widget_class: str) -> Callable[[AppServices, QWidget | None], QWidget]:
    _MODULES.append(module)

    def build(services: AppServices, parent: QWidget | None) -> QWidget:
        page_module = importlib.import_module(f"{__name__}.{module}")
        widget: QWidget = getattr(page_module, widget_class)(services, parent)
        return widget

    return build


PAGES: tuple[PageSpec, ...] = (
    PageSpec("signin", Section.START,
             lambda: QCoreApplication.translate("SignInPage", "Sign in"),
             _lazy("sign_in_page", "SignInPage"), "log-in"),
    PageSpec("profile", Section.ACCOUNT,
             lambda: QCoreApplication.translate("ProfilePage", "Profile"),
             _lazy("profile_page", "ProfilePage"), "user"),
    PageSpec("security", Section.ACCOUNT,
             lambda: QCoreApplication.translate("SecurityPage", "Security"),
             _lazy("security_page", "SecurityPage"), "shield"),
    PageSpec("linkedAccounts", Section.ACCOUNT,
             lambda: QCoreApplication.translate("LinkedAccountsPage", "Linked accounts"),
             _lazy("linked_accounts_page", "LinkedAccountsPage"), "link"),
    PageSpec("contacts", Section.ACCOUNT,
             lambda: QCoreApplication.translate("ContactsPage", "Phone & email"),
             _lazy("contacts_page", "ContactsPage"), "contact-round"),
    PageSpec("applications", Section.ACCOUNT,
             lambda: QCoreApplication.translate("ApplicationsPage", "Applications"),
             _lazy("applications_page", "ApplicationsPage"), "layout-grid"),
    PageSpec("access", Section.ACCOUNT,
             lambda: QCoreApplication.translate("AccessPage", "Access"),
             _lazy("access_page", "AccessPage"), "key-round"),
    PageSpec("customData", Section.ACCOUNT,
             lambda: QCoreApplication.translate("CustomDataPage", "Custom data"),
             _lazy("custom_data_page", "CustomDataPage"), "database"),
    PageSpec("devices", Section.ACCOUNT,
             lambda: QCoreApplication.translate("DevicesPage", "Devices and sessions"),
             _lazy("devices_page", "DevicesPage"), "monitor-smartphone"),
    PageSpec("history", Section.ACCOUNT,
             lambda: QCoreApplication.translate("LoginHistoryPage", "Login history"),
             _lazy("login_history_page", "LoginHistoryPage"), "rotate-ccw-clock"),
    PageSpec("yourData", Section.ACCOUNT,
             lambda: QCoreApplication.translate("YourDataPage", "Your data"),
             _lazy("your_data_page", "YourDataPage"), "file-down"),
    PageSpec("support", Section.SUPPORT,
             lambda: QCoreApplication.translate("SupportPage", "Support"),
             _lazy("support_page", "SupportPage"), "life-buoy"),
)


# What the warm-up imports at the user's first input, one module per step (PageWarmUp in
# page_warm_up.py): every page, the sign-in page's other views, and the dialogs opened from
# the pages that load on first use.
WARM_UP_MODULES = (
    *(f"{__name__}.{module}" for module in _MODULES),
    f"{__name__}.sign_up_page", f"{__name__}.recover_page",
    "authing_desktop.ui.dialogs.second_factor_dialog", "authing_desktop.ui.inspector_panel",
)


def page_spec(key: str) -> PageSpec:
    """The registered page with ``key``."""
    for spec in PAGES:
        if spec.key == key:
            return spec
    raise KeyError(key)


__all__ = ["PAGES", "WARM_UP_MODULES", "PageSpec", "Section", "page_spec"]

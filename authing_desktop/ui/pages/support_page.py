"""The Support page (placeholder until its issue replaces it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.pages.placeholder import PlaceholderPage
from authing_desktop.ui.pages.registry import PageSpec, Section


class SupportPage(PlaceholderPage):
    """Support page: a placeholder that says what will be there."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(
            "support",
            self.tr("Support"),
            self.tr(
                "Connection profiles, language, where your data is kept, and how to "
                "report a problem."
            ),
            parent,
        )
        self.services = services


PAGE = PageSpec(
    key="support",
    section=Section.SUPPORT,
    title=lambda: QCoreApplication.translate("SupportPage", "Support"),
    build=SupportPage,
)

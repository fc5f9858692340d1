"""The Support page: tools for support staff reproducing what a user did.

Tabs: the network inspector (every API call of this run, redacted), the local pool's outbox
(codes it "sent", polled while shown), connection profiles and accounts, flow transcripts
(record, save, replay on a fresh local pool with a side-by-side diff of mismatches), and the
local pool's admin side (settings, scenarios, users in a given state: shown only while the
active profile is the local pool).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.inspector_panel import InspectorPanel
from authing_desktop.ui.pages.support_local_pool import LocalPoolTab
from authing_desktop.ui.pages.support_outbox import OutboxTab
from authing_desktop.ui.pages.support_profiles import ProfilesTab
from authing_desktop.ui.pages.support_transcripts import TranscriptTab
from authing_desktop.ui.pages.support_widgets import KEY
from authing_desktop.ui.theme import set_tone

INSPECTOR_TAB, OUTBOX_TAB, PROFILES_TAB, TRANSCRIPT_TAB, LOCAL_POOL_TAB = range(5)


class SupportPage(QWidget):
    """Network inspector, outbox, profiles, transcripts and replay."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName(f"{KEY}.page")
        self.title_label = QLabel()
        self.title_label.setObjectName(f"{KEY}.title")
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.purpose_label = QLabel()
        self.purpose_label.setObjectName(f"{KEY}.purpose")
        self.purpose_label.setWordWrap(True)
        set_tone(self.purpose_label, "note")
        self.tabs = QTabWidget()
        self.tabs.setObjectName(f"{KEY}.tabs")
        self.tabs.setUsesScrollButtons(False)
        for scroll in self.tabs.tabBar().findChildren(QToolButton):
            scroll.setObjectName(f"{KEY}.tabs{scroll.objectName() or 'Scroll'}")

        self.inspector = InspectorPanel(services.call_log)
        self.tabs.addTab(self.inspector, "")
        self.outbox_tab = OutboxTab(services)
        self.profiles_tab = ProfilesTab(services)
        self.transcript_tab = TranscriptTab(services)
        self.tabs.addTab(self.outbox_tab, "")
        self.tabs.addTab(self.profiles_tab, "")
        self.tabs.addTab(self.transcript_tab, "")
        self.local_pool_tab = LocalPoolTab(services)
        self.tabs.addTab(self.local_pool_tab, "")
        self._show_local_pool_tab()
        services.settings.changed.connect(lambda *_: self._show_local_pool_tab())
        services.connection.ready_changed.connect(lambda _ready: self._show_local_pool_tab())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.title_label)
        layout.addWidget(self.purpose_label)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Support"))
        self.purpose_label.setText(self.tr(
            "For support staff: the app's calls to the server, the local pool's outbox, "
            "connection profiles, flows recorded and replayed, and the local pool's setup."))
        for index, text in ((INSPECTOR_TAB, self.tr("Network inspector")),
                            (OUTBOX_TAB, self.tr("Outbox")),
                            (PROFILES_TAB, self.tr("Profiles")),
                            (TRANSCRIPT_TAB, self.tr("Transcript && replay")),
                            (LOCAL_POOL_TAB, self.tr("Local pool"))):
            self.tabs.setTabText(index, text)
        self.tabs.setAccessibleName(self.tr("Support tools"))
        self.tabs.tabBar().setAccessibleName(self.tr("Support tools"))
        self.inspector.retranslate()

    def _show_local_pool_tab(self) -> None:
        """The local pool's admin tab exists only for the local profile: a remote pool is
        administered in its own console."""
        self.tabs.setTabVisible(LOCAL_POOL_TAB, self.services.local_pool_admin.available)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

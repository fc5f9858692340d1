"""Sign-in alerts as the user sees them (docs/sign-in-alerts.md): the open alerts of the
watcher in words ("Firefox on Windows from 203.0.113.7, 5 minutes ago"), the answers ("It was
me" makes the device known; "This wasn't me" is answered by the guided recovery), and the three
settings (alerts on, keep watching from the tray, start at login)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, Signal

from authing_desktop.presenters import wording
from authing_desktop.presenters.base import Presenter
from authing_desktop.services import autostart
from authing_desktop.services.settings import Settings, SettingsStore
from authing_desktop.services.sign_in_alerts import AlertKind, SignInAlert, SignInWatcher
from authing_desktop.services.tasks import TaskRunner


class SignInAlertsPresenter(Presenter):
    """``alerts_changed`` fires when the open alerts change (newest first in `alerts`);
    ``raised`` carries each new alert (the tray shows it)."""

    alerts_changed = Signal()
    raised = Signal(object)

    def __init__(self, watcher: SignInWatcher, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(tasks, parent)
        self.watcher = watcher
        self.alerts: list[SignInAlert] = []
        watcher.alert_raised.connect(self._raised)

    # ------------------------------------------------------------------ alerts

    def _raised(self, alert: object) -> None:
        if not isinstance(alert, SignInAlert):
            return
        self.alerts.insert(0, alert)
        self.alerts_changed.emit()
        self.raised.emit(alert)

    def follow_user(self, user: object) -> None:
        """The session's user changed (``user_changed``): keep only that account's alerts."""
        self.keep_only(getattr(user, "id", None))

    def keep_only(self, user_id: str | None) -> None:
        """Drop the alerts of other accounts (signed out, or another account signed in)."""
        kept = [alert for alert in self.alerts if user_id and alert.user_id == user_id]
        if kept != self.alerts:
            self.alerts = kept
            self.alerts_changed.emit()

    def dismiss(self, alert: SignInAlert) -> None:
        if alert in self.alerts:
            self.alerts.remove(alert)
            self.alerts_changed.emit()

    def it_was_me(self, alert: SignInAlert) -> asyncio.Task[None | None]:
        """The device is known from now on; the alert goes."""
        self.dismiss(alert)
        return self.run(self.watcher.mark_known(alert), name="alerts.itWasMe")

    def secured(self, alert: SignInAlert) -> asyncio.Task[None | None]:
        """The guided recovery ran for ``alert``: it goes, and its device may alert again."""
        self.dismiss(alert)
        return self.run(self.watcher.forget_alerted(alert), name="alerts.secured")

    # ------------------------------------------------------------------ words

    def title(self, alert: SignInAlert) -> str:
        if alert.kind == AlertKind.FAILED_ATTEMPTS:
            return self.tr("%n failed sign-in attempt(s) on your account", "", alert.count)
        return self.tr("New sign-in to your account")

    def device_words(self, alert: SignInAlert) -> str:
        return wording.device(alert.browser, alert.os)

    def text(self, alert: SignInAlert) -> str:
        """Device, place and time in the user's words and locale."""
        when = wording.when(alert.at) or self.tr("at an unknown time")
        place = alert.client_ip or self.tr("an unknown address")
        if alert.kind == AlertKind.FAILED_ATTEMPTS:
            text = self.tr("The latest from {device} at {place} ({when}). If this was not "
                           "you, someone may be guessing your password.")
        else:
            text = self.tr("{device} at {place} ({when}). If this was not you, secure your "
                           "account now.")
        return text.format(device=self.device_words(alert), place=place, when=when)

    def tray_text(self, alert: SignInAlert) -> str:
        """The desktop notification's text (one line; clicking it opens the window)."""
        when = wording.local_date_time(alert.at)
        place = alert.client_ip or self.tr("an unknown address")
        if alert.kind == AlertKind.FAILED_ATTEMPTS:
            return self.tr("The latest from {device} at {place} ({when}).").format(
                device=self.device_words(alert), place=place, when=when)
        return self.tr("{device} at {place} ({when}). Was this you?").format(
            device=self.device_words(alert), place=place, when=when)


class AlertSettingsPresenter(Presenter):
    """The three settings of sign-in alerts; ``settings_changed`` carries the new `Settings`.
    ``tray_available`` says whether this desktop has a tray (the UI asks Qt);
    ``apply_autostart`` writes or removes the login entry (default: `autostart.apply_async`)."""

    settings_changed = Signal(object)

    def __init__(self, settings: SettingsStore, tasks: TaskRunner, *, tray_available: bool,
                 autostart_supported: bool | None = None,
                 apply_autostart: Callable[[bool], Awaitable[bool]] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(tasks, parent)
        self._settings = settings
        self.tray_available = tray_available
        self.autostart_supported = (autostart.supported() if autostart_supported is None
                                    else autostart_supported)
        self._apply_autostart = apply_autostart or autostart.apply_async
        settings.changed.connect(self.settings_changed.emit)

    @property
    def settings(self) -> Settings:
        return self._settings.current

    def tray_reason(self) -> str:
        """Why "keep watching from the tray" cannot be turned on ("" when it can)."""
        if self.tray_available:
            return ""
        return self.tr("This desktop has no system tray, so the app cannot keep watching "
                       "after its window closes.")

    def autostart_reason(self) -> str:
        if self.autostart_supported:
            return ""
        return self.tr("Starting at login is available on Linux desktops only for now.")

    def set_alerts(self, on: bool) -> asyncio.Task[None | None]:
        return self._save(self.settings.with_alerts(alerts=on))

    def set_tray_after_close(self, on: bool) -> asyncio.Task[None | None]:
        return self._save(self.settings.with_alerts(tray_after_close=on and self.tray_available))

    def set_start_at_login(self, on: bool) -> asyncio.Task[bool | None]:
        """Write or remove the autostart entry, then keep the choice."""
        return self.run(self._start_at_login(on and self.autostart_supported),
                        name="alerts.startAtLogin")

    async def _start_at_login(self, on: bool) -> bool:
        try:
            await self._apply_autostart(on)
        except OSError as error:
            self.set_error(self.tr("The login start-up entry could not be written ({reason}). "
                                   "Check that your configuration folder is writable.")
                           .format(reason=error.strerror or type(error).__name__))
            return False
        await self._settings.save(self.settings.with_alerts(start_at_login=on))
        return True

    def _save(self, settings: Settings) -> asyncio.Task[None | None]:
        return self.run(self._settings.save(settings), name="alerts.settings")

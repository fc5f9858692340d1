"""The local pool's outbox, newest first, polled every 2 s while shown and only when the active
profile is the local pool (a remote pool has no outbox: the codes really go out)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from authing_desktop.presenters.base import Presenter
from authing_desktop.services.connection import Connection
from authing_desktop.services.errors import UserFacingError
from authing_desktop.services.local_pool_routes import (
    LocalPoolAccessDenied,
    LocalPoolRouteError,
    OutboxMessage,
    fetch_outbox,
)
from authing_desktop.services.tasks import TaskRunner

POLL_INTERVAL_MS = 2000
TASK_NAME = "support.outbox"


class OutboxPresenter(Presenter):
    """``messages_changed`` carries the list of `OutboxMessage` (newest first);
    ``available_changed`` whether the active profile has an outbox at all."""

    messages_changed = Signal(object)
    available_changed = Signal(bool)

    def __init__(self, connection: Connection, tasks: TaskRunner, *,
                 interval_ms: int = POLL_INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(tasks, parent)
        self._connection = connection
        self._messages: list[OutboxMessage] = []
        self._visible = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh)
        connection.ready_changed.connect(lambda _ready: self._update_polling())

    @property
    def available(self) -> bool:
        return self._connection.is_local_pool

    @property
    def polling(self) -> bool:
        return self._timer.isActive()

    @property
    def messages(self) -> list[OutboxMessage]:
        return list(self._messages)

    def set_visible(self, visible: bool) -> None:
        """Poll while the viewer is on screen."""
        self._visible = visible
        self._update_polling()
        if visible and self.available:
            self.refresh()

    def refresh(self) -> None:
        if self.busy or self._tasks.closed or not self.available:
            return
        self.run(self._fetch(), name=TASK_NAME)

    def _update_polling(self) -> None:
        self.available_changed.emit(self.available)
        if self._visible and self.available:
            self._timer.start()
        else:
            self._timer.stop()

    async def _fetch(self) -> None:
        client = await self._connection.wait_ready()
        try:
            messages = await fetch_outbox(
                client.profile.host, admin_token=self._connection.local_pool_admin_token)
        except LocalPoolAccessDenied as error:
            raise UserFacingError(QCoreApplication.translate(
                "Outbox", "The local user pool did not let this app read its outbox (the pool "
                "may have been restarted by another program). Restart Authing Desktop and try "
                "again.")) from error
        except LocalPoolRouteError as error:
            text = QCoreApplication.translate("Outbox", "The outbox could not be read: {reason}")
            raise UserFacingError(text.format(reason=str(error))) from error
        if messages != self._messages:
            self._messages = messages
            self.messages_changed.emit(list(messages))

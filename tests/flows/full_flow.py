"""The scripted full flow through the real widgets, reusable by tests and the benchmark.

`Driver` types, clicks and waits like a user on the UI thread with `QTest` only (no pytest),
so ``tests/benchmarks/responsiveness.py`` runs the very same flow outside pytest. Every widget is
found by its ``<page>.<field>`` objectName, so the flow survives layout changes.

`FullFlow` walks: sign up, sign out, sign in through the captcha (remembered), edit and save the
profile, bind a phone, change the email, change the password, set custom data, open and refresh
(F5) every account page, sign out, sign in again (remembered), quit, restart on the same
settings + keychain store (the token is restored), sign out again. It collects every secret it
used (`FlowSecrets`) for the hygiene scan.

Work that only the test does (reading the pool's outbox over HTTP, decoding the captcha PNG) runs
inside ``Driver.offstage()`` so the benchmark can leave it out of the UI-thread stall figures.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
import uuid
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

import httpx
from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTreeWidget,
    QWidget,
)

from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.crash_handler import CrashHandler
from authing_desktop.services.session import SessionState
from authing_desktop.services.token_store import TokenStore
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.pages import PAGES, Section
from authing_desktop.ui.workspace import PAGE_KEY_ROLE

T = TypeVar("T")

ACCOUNT_PAGES = tuple(spec.key for spec in PAGES if spec.section is Section.ACCOUNT)


class PoolEndpoint(Protocol):
    """A running local pool (a `RunningPool` process or an `EmbeddedPool`)."""

    url: str
    user_pool_id: str
    app_id: str
    app_secret: str
    public_key: str
    admin_token: str


# The user's "phone": reading a code happens outside the app, so the flow must not make the
# app's UI thread pay for it. One client, made when this module loads (before the app starts):
# a new one per read would build a TLS context on the UI thread each time.
_OUTBOX_READER = httpx.Client(timeout=10)


def latest_code(pool: PoolEndpoint, to: str, scene: str | None = None) -> str:
    """The newest code (or captcha answer: scene ``CAPTCHA``, ``to`` the caller's address)
    the pool gave ``to`` (its outbox over HTTP, with its admin token)."""
    response = _OUTBOX_READER.get(f"{pool.url}/_localpool/outbox",
                                  headers={"authorization": f"Bearer {pool.admin_token}"})
    response.raise_for_status()
    for message in response.json()["data"]:
        if message["to"] == to and (scene is None or message["scene"] == scene):
            return str(message["code"])
    raise AssertionError(f"no code was sent to {to!r} (scene {scene!r})")


def unique_phone() -> str:
    return "139" + "".join(random.choices("0123456789", k=8))


class Driver:
    """A user at the keyboard: finds widgets by objectName, types key by key (events are
    processed between keys), clicks, waits. Pure QTest: works with or without pytest-qt."""

    def __init__(self, *, key_pause_ms: int = 0) -> None:
        self.key_pause_ms = key_pause_ms
        # (start, end) perf_counter spans of test-only blocking work (outbox, captcha decoding).
        self.offstage_spans: list[tuple[float, float]] = []

    # ------------------------------------------------------------ finding

    @staticmethod
    def find(root: QWidget, kind: type[Any], name: str) -> Any:
        widget = root.findChild(kind, name)
        if widget is None:
            raise AssertionError(f"no {kind.__name__} named {name!r}")
        return widget

    # ------------------------------------------------------------ acting

    def click(self, widget: QWidget, at: QPoint | None = None) -> None:
        """A left click on ``widget`` (at its centre, or ``at`` in its coordinates), through
        the native window like a user's: the window's input watchers see it."""
        if not (widget.isVisible() and widget.isEnabled()):
            raise AssertionError(f"{widget.objectName()} is not clickable")
        point = at if at is not None else widget.rect().center()
        window = widget.window()
        scroll = _scroll_area_of(widget)
        if scroll is not None:
            scroll.ensureWidgetVisible(widget)
        target = window.childAt(widget.mapTo(window, point))
        if target is not widget and not widget.isAncestorOf(target):
            raise AssertionError(f"{widget.objectName()} is covered by {target!r}")
        QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, widget.mapTo(window, point))
        self.pump()

    def click_button(self, root: QWidget, name: str) -> None:
        self.click(self.find(root, QAbstractButton, name))

    def type(self, edit: QLineEdit, text: str) -> None:
        """Replace the text like a user: select all, then type it key by key."""
        edit.setFocus()
        handle = edit.window().windowHandle()
        if edit.text():
            QTest.keyClick(handle, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(handle, Qt.Key.Key_Delete)
        for char in text:
            QTest.keyClick(handle, char)
            self.pump(self.key_pause_ms)

    def type_into(self, root: QWidget, name: str, text: str) -> None:
        self.type(self.find(root, QLineEdit, name), text)

    def key(self, widget: QWidget, key: Qt.Key,
            modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        widget.setFocus()
        QTest.keyClick(widget.window().windowHandle(), key, modifier)
        self.pump()

    def choose(self, combo: QComboBox, data: Any) -> None:
        index = combo.findData(data)
        if index < 0:
            raise AssertionError(f"{combo.objectName()} has no item {data!r}")
        combo.setFocus()
        combo.setCurrentIndex(index)
        self.pump()

    def open_page(self, window: MainWindow, key: str) -> QWidget:
        """Click the page's entry in the navigation list."""
        nav = window.nav
        for row in range(nav.count()):
            item = nav.item(row)
            if item.data(PAGE_KEY_ROLE) == key:
                nav.scrollToItem(item)
                rect = nav.visualItemRect(item)
                self.click(nav.viewport(), rect.center())
                break
        else:
            raise AssertionError(f"no navigation entry {key!r}")
        self.wait_until(lambda: window.current_page_key == key, what=f"page {key}")
        # The page is shown a turn later than the navigation moves (the warm-up's worker may
        # be importing): a page not yet shown has not started loading either.
        page = window.page(key)
        self.wait_until(page.isVisible, what=f"page {key} shown")
        return page

    # ------------------------------------------------------------ waiting

    @staticmethod
    def pump(ms: int = 0) -> None:
        """Let the event loop run (timers, sockets, queued calls) for ``ms``.

        A nested QEventLoop sleeps in the event dispatcher and wakes for every timer, unlike
        ``QTest.qWait``, which sleeps up to 10 ms between two passes (that would show up as
        UI stalls in the heartbeat of the benchmark)."""
        if ms <= 0:
            QCoreApplication.processEvents()
            return
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(loop.quit)
        timer.start(ms)
        loop.exec()

    def wait_until(self, predicate: Callable[[], object], timeout_ms: int = 10_000,
                   what: str = "") -> None:
        deadline = time.monotonic() + timeout_ms / 1000
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout_ms} ms waiting for "
                                     f"{what or predicate}")
            self.pump(1)

    def run(self, coro: Coroutine[Any, Any, T], timeout_ms: int = 10_000) -> T:
        """Run a coroutine on the running qasync loop by spinning Qt; returns its result."""
        task = asyncio.get_running_loop().create_task(coro)
        self.wait_until(task.done, timeout_ms, what=repr(coro))
        return task.result()

    @contextlib.contextmanager
    def offstage(self) -> Iterator[None]:
        """Mark test-only blocking work (left out of the UI stall figures)."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self.offstage_spans.append((started, time.perf_counter()))


@dataclass
class FlowSecrets:
    """Every secret value the flow used or received, to search files and logs for."""

    passwords: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)
    tokens: set[str] = field(default_factory=set)
    app_secrets: set[str] = field(default_factory=set)

    def named(self) -> list[tuple[str, str]]:
        return ([("password", v) for v in sorted(self.passwords)]
                + [("code", v) for v in sorted(self.codes)]
                + [("token", v) for v in sorted(self.tokens)]
                + [("app secret", v) for v in sorted(self.app_secrets)])


def make_services(paths: AppPaths, pool: PoolEndpoint | None, token_store: TokenStore,
                  crash: CrashHandler | None = None, **options: Any) -> AppServices:
    """The app's services with the local-pool profile on ``pool`` (settings loaded); with
    ``pool=None`` on the embedded pool, started by the app's own `PoolLauncher`."""

    async def local_pool() -> PoolEndpoint | None:
        return pool

    services = AppServices.create(paths, token_store=token_store, crash=crash,
                                  local_pool=local_pool if pool is not None else None, **options)
    services.settings.load()
    return services


class FullFlow:
    """The scripted flow; call `run` for all of it, or the steps one by one.

    ``pool=None`` runs the app's embedded pool in this process (started after the first paint,
    like the app does; a restart starts it again)."""

    def __init__(self, driver: Driver, pool: PoolEndpoint | None, root: Path,
                 token_store: TokenStore, *,
                 on_window: Callable[[MainWindow], None] | None = None,
                 services_options: dict[str, Any] | None = None) -> None:
        self.driver = driver
        self.embedded = pool is None
        self._pool = pool
        self.paths = AppPaths.under(root)
        self.token_store = token_store
        self.crash = CrashHandler(self.paths.crash_dir)
        self.on_window = on_window
        self.services_options = services_options or {}
        self.secrets = FlowSecrets(app_secrets={pool.app_secret} if pool else set())
        # (start, first paint) of each launch, and from quitting to the new first paint on a
        # restart: start-up work a stall figure leaves out.
        self.startup_spans: list[tuple[float, float]] = []
        self.crash_reports: list[Any] = []
        tag = uuid.uuid4().hex[:8]
        self.email = f"flow{tag}@example.com"
        self.new_email = f"flow{tag}-new@example.com"
        self.phone = unique_phone()
        self.password = f"Flow-Passw0rd-{tag}"
        self.wrong_password = f"Wrong-{tag}-x1"
        self.new_password = f"Changed-Passw0rd-{tag}!"
        self.secrets.passwords |= {self.password, self.wrong_password, self.new_password}
        self.services: AppServices | None = None
        self.window: MainWindow | None = None
        self.steps_done: list[str] = []

    # ------------------------------------------------------------------ app

    @property
    def pool(self) -> PoolEndpoint:
        assert self._pool is not None, "the pool is not running"
        return self._pool

    @property
    def app(self) -> tuple[AppServices, MainWindow]:
        assert self.services is not None and self.window is not None, "the app is not running"
        return self.services, self.window

    def launch(self) -> MainWindow:
        """Start the app like the composition root: window first, then keychain, local pool
        (embedded mode) and the remembered sign-in."""
        started = time.perf_counter()
        services = make_services(self.paths, self._pool if not self.embedded else None,
                                 self.token_store, self.crash, **self.services_options)
        window = MainWindow(services)
        self.services, self.window = services, window
        if self.on_window is not None:
            self.on_window(window)
        painted: list[float] = []
        window.first_painted.connect(painted.append)
        window.show()
        self.driver.wait_until(lambda: bool(painted), what="first paint")
        self.startup_spans.append((started, painted[0]))
        services.tasks.start(services.token_store.open(), name="token-store.open")
        preload = services.connection.load_api()
        if self.embedded:
            services.tasks.start(services.pool_launcher.start(), name="local-pool.start")
        services.tasks.start(services.session.restore(), name="session.restore")
        if self.embedded:
            pool = self.driver.run(services.pool_launcher.start(), timeout_ms=30_000)
            assert pool is not None, "the embedded pool did not start"
            self._pool = pool
            self.secrets.app_secrets.add(pool.app_secret)
        # A user starts typing a moment after the window shows, once start-up work settled:
        # the pointer comes into the window first (its first input), and the window uses
        # that moment to build what comes next (sign-up and account pages).
        self.driver.wait_until(preload.done, what="the api preload")
        # Through the native window, like real input (QTest's widget overloads skip it).
        status_bar = window.statusBar()
        QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier,
                         status_bar.mapTo(window, QPoint(4, status_bar.height() // 2)))
        self.driver.pump()  # the window reacts to its first input on the next turn
        self.driver.wait_until(lambda: not window.warming_up, what="the window warmed up")
        return window

    def quit(self) -> None:
        """Close the window and shut the services down (like quitting the app)."""
        services, window = self.app
        self.crash_reports += list(self.crash.reports)
        window.close()
        self.driver.run(services.aclose())
        window.deleteLater()
        self.driver.pump()
        self.services = self.window = None

    def stored_token(self, account: str) -> str | None:
        services, _window = self.app
        return self.driver.run(self.token_store.get(services.connection.profile_id, account))

    def _signed_in(self) -> None:
        services, window = self.app
        self.driver.wait_until(lambda: services.session.state == SessionState.SIGNED_IN,
                               what="signed in")
        self.driver.wait_until(lambda: window.current_page_key == "profile",
                               what="profile page after sign-in")
        user = services.session.user
        assert user is not None and user.token
        self.secrets.tokens.add(user.token)

    # ------------------------------------------------------------------ steps

    def sign_up(self) -> None:
        d = self.driver
        _services, window = self.app
        page = d.open_page(window, "signin")
        d.click_button(page, "signin.signUp")
        d.type_into(page, "signup.email", self.email)
        d.type_into(page, "signup.password", self.password)
        d.type_into(page, "signup.confirm", self.password)
        d.type_into(page, "signup.nickname", "Flow")
        d.click_button(page, "signup.submit")
        self._signed_in()

    def sign_out(self) -> None:
        d = self.driver
        services, window = self.app
        account = services.session.account
        page = d.open_page(window, "signin")
        d.click_button(page, "signin.signOut")
        d.wait_until(lambda: services.session.state == SessionState.SIGNED_OUT, what="signed out")
        assert self.stored_token(account) is None, "sign-out left the token in the keychain"

    def sign_in_with_captcha(self) -> None:
        """Wrong passwords until the pool asks for the captcha, then the right one + captcha."""
        d = self.driver
        services, window = self.app
        page = d.open_page(window, "signin")
        view = page.sign_in  # type: ignore[attr-defined]
        captcha = d.find(page, QLineEdit, "signin.captcha")
        d.type_into(page, "signin.email", self.email)
        for _attempt in range(6):
            d.type_into(page, "signin.password", self.wrong_password)
            d.click_button(page, "signin.submit")
            d.wait_until(lambda: view.presenter.idle, what="sign-in answer")
            if captcha.isVisible():
                break
        else:
            raise AssertionError("the pool never asked for a captcha")
        with d.offstage():
            answer = latest_code(self.pool, "127.0.0.1", "CAPTCHA")
        self.secrets.codes.add(answer)
        d.type_into(page, "signin.password", self.password)
        d.type(captcha, answer)
        remember = d.find(page, QAbstractButton, "signin.remember")
        if not remember.isChecked():
            d.click(remember)
        d.click_button(page, "signin.submit")
        self._signed_in()
        token = services.session.user.token  # type: ignore[union-attr]
        assert self.stored_token(self.email) == token, "remembered token not in the keychain"

    def edit_profile(self) -> None:
        d = self.driver
        services, window = self.app
        page: Any = d.open_page(window, "profile")
        d.wait_until(lambda: page.presenter.loaded and not page.presenter.busy,
                     what="profile loaded")
        d.type_into(page, "profile.nickname", "Grace")
        d.type_into(page, "profile.city", "Arlington")
        d.click_button(page, "profile.save")
        d.wait_until(lambda: not page.presenter.dirty and not page.presenter.busy,
                     what="profile saved")
        user = services.session.user
        assert user is not None and (user.nickname, user.city) == ("Grace", "Arlington")

    def _contact_code(self, page: Any, send_button: str, to: str) -> str:
        d = self.driver
        d.click_button(page, send_button)
        d.wait_until(lambda: not page.presenter.busy, what=f"{send_button} done")
        if page.error_label.isVisible():
            raise AssertionError(f"{send_button}: {page.error_label.text()}")
        with d.offstage():
            code = latest_code(self.pool, to)
        self.secrets.codes.add(code)
        return code

    def bind_phone(self) -> None:
        d = self.driver
        _services, window = self.app
        page: Any = d.open_page(window, "contacts")
        d.wait_until(lambda: not page.presenter.busy, what="contacts loaded")
        d.type_into(page, "contacts.newPhone", self.phone)
        code = self._contact_code(page, "contacts.sendPhoneCode", self.phone)
        d.type_into(page, "contacts.phoneCode", code)
        d.click_button(page, "contacts.submitPhone")
        value = d.find(page, QLabel, "contacts.phoneValue")
        d.wait_until(lambda: value.text() == self.phone, what="phone bound")

    def change_email(self) -> None:
        d = self.driver
        _services, window = self.app
        page: Any = d.open_page(window, "contacts")
        d.wait_until(lambda: not page.presenter.busy, what="contacts loaded")
        d.type_into(page, "contacts.newEmail", self.new_email)
        new_code = self._contact_code(page, "contacts.sendEmailCode", self.new_email)
        old_code = self._contact_code(page, "contacts.sendOldEmailCode", self.email)
        d.type_into(page, "contacts.emailCode", new_code)
        d.type_into(page, "contacts.oldEmailCode", old_code)
        d.click_button(page, "contacts.submitEmail")
        value = d.find(page, QLabel, "contacts.emailValue")
        d.wait_until(lambda: value.text() == self.new_email, what="email changed")

    def change_password(self) -> None:
        d = self.driver
        _services, window = self.app
        page: Any = d.open_page(window, "security")
        d.wait_until(lambda: not page.presenter.busy, what="security loaded")
        d.type_into(page, "security.oldPassword", self.password)
        d.type_into(page, "security.newPassword", self.new_password)
        d.type_into(page, "security.confirmPassword", self.new_password)
        d.click_button(page, "security.changePassword")
        d.wait_until(lambda: page.notice_label.isVisible() or page.error_label.isVisible(),
                     what="password change answer")
        assert not page.error_label.isVisible(), page.error_label.text()

    def set_custom_data(self) -> None:
        d = self.driver
        services, window = self.app
        page: Any = d.open_page(window, "customData")
        fields = d.find(page, QTreeWidget, "customData.fields")
        d.wait_until(lambda: not page.presenter.busy, what="custom data loaded")
        # The page lists the pool's defined fields by label (the demo pool defines "school"):
        # pick the row like a user, type the value, set it.
        def key(i: int) -> object:
            return fields.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)

        row = next((fields.topLevelItem(i) for i in range(fields.topLevelItemCount())
                    if key(i) == "school"), None)
        assert row is not None, "the pool's 'school' field is not listed"
        fields.scrollToItem(row)
        d.click(fields.viewport(), fields.visualItemRect(row).center())
        d.type_into(page, "customData.stringValue", "Tsinghua")
        d.click_button(page, "customData.set")

        def shown() -> bool:
            return any(key(i) == "school"
                       and "Tsinghua" in [fields.topLevelItem(i).text(c)
                                          for c in range(fields.columnCount())]
                       for i in range(fields.topLevelItemCount()))

        d.wait_until(shown, what="custom data set")
        assert services.session.user is not None

    def visit_and_refresh_every_page(self) -> None:
        """Open each account page, wait for its load, press F5 and wait for the reload."""
        for key in ACCOUNT_PAGES:
            self._open_and_refresh(key)

    def _open_and_refresh(self, key: str) -> None:
        d = self.driver
        _services, window = self.app
        page: Any = d.open_page(window, key)
        busy = page.busy_bar
        d.wait_until(lambda: not busy.isVisibleTo(page), what=f"{key} loaded")
        loads: list[int] = []
        load = page.load

        def counted() -> None:
            loads.append(1)
            load()

        page.load = counted
        try:
            d.find(page, QAbstractButton, f"{key}.refresh").setFocus()
            d.key(page.focusWidget() or page, Qt.Key.Key_F5)
            d.wait_until(lambda: bool(loads), what=f"{key} F5")
            d.wait_until(lambda: not busy.isVisibleTo(page), what=f"{key} reloaded")
        finally:
            del page.load
        error = d.find(page, QLabel, f"{key}.error")
        assert not error.isVisible(), f"{key}: {error.text()}"

    def sign_in_again(self) -> None:
        """With the changed email and password, remembered."""
        d = self.driver
        _services, window = self.app
        page = d.open_page(window, "signin")
        d.type_into(page, "signin.email", self.new_email)
        d.type_into(page, "signin.password", self.new_password)
        remember = d.find(page, QAbstractButton, "signin.remember")
        if not remember.isChecked():
            d.click(remember)
        d.click_button(page, "signin.submit")
        self._signed_in()
        assert self.stored_token(self.new_email) is not None

    def restart_restores(self) -> None:
        """Quit, start again on the same settings and keychain: signed in without typing."""
        started = time.perf_counter()
        self.quit()
        self.launch()
        self.startup_spans.append((started, self.startup_spans[-1][1]))
        services, _window = self.app
        self._signed_in()
        assert services.session.account == self.new_email
        assert services.session.user is not None
        assert services.session.user.email == self.new_email

    # ------------------------------------------------------------------ all

    STEPS = ("sign_up", "sign_out", "sign_in_with_captcha", "edit_profile", "bind_phone",
             "change_email", "change_password", "set_custom_data",
             "visit_and_refresh_every_page", "sign_out", "sign_in_again", "restart_restores",
             "sign_out")

    def run(self, after_step: Callable[[str], None] | None = None) -> None:
        """Launch, every step in order, quit. ``after_step(name)`` runs after each step."""
        self.launch()
        try:
            for name in self.STEPS:
                getattr(self, name)()
                self.steps_done.append(name)
                if after_step is not None:
                    after_step(name)
        finally:
            if self.services is not None:
                self.quit()


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    """The scroll area ``widget`` sits in, if any (a user scrolls to it before clicking)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None \
                and parent.widget().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None

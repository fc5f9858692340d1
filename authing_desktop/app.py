"""Bootstrap: command line, then either a `pool ...` subcommand (no Qt) or the GUI.

The GUI part is the composition root: it builds the services once, hands them to the window,
runs everything on one qasync loop (``asyncio.Runner`` with a ``qasync.QEventLoop`` factory:
``asyncio.run`` has no ``loop_factory`` on 3.11) and shuts down in order: cancel tasks, run the
async closers (HTTP client, local pool), close the loop.

Qt is imported inside the functions that need it, so ``pool ...``, ``--version`` and ``--help``
stay fast and work without Qt's system libraries.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from authing_desktop import APP_DISPLAY_NAME, APP_NAME, ORG_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from authing_desktop.services.app_services import AppServices
    from authing_desktop.services.single_instance import SingleInstance
    from authing_desktop.ui.main_window import MainWindow

SMOKE_TIMEOUT_S = 10.0
# How long start-up waits for the window shell's first frame before going on regardless.
FIRST_PAINT_WAIT_MS = 2000
# Background start-up work (keychain, local pool) waits for the first frame, but not forever.
BACKGROUND_START_FALLBACK_MS = 1000


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "pool":
        # The pool CLI must not pay for (or need) Qt.
        from authing_desktop.localpool.cli import main as pool_main

        return int(pool_main(args[1:]))
    if args and args[0] == "replay":
        # Support tool: replays a flow transcript on a local pool, without Qt.
        from authing_desktop.replay.cli import main as replay_main

        return int(replay_main(args[1:]))
    options = parse_args(args)
    return run_gui(options)


def parse_args(args: list[str]) -> argparse.Namespace:
    return _argument_parser().parse_args(args)


def _argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description=f"{APP_DISPLAY_NAME}: the self-service center for your Authing account. "
        "'pool ...' runs the local Authing-compatible user pool (see 'pool --help'); "
        "'replay FILE' replays a flow transcript (see 'replay --help').",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--smoke-test", action="store_true",
        help="start offscreen, build the main window, print one JSON line and exit")
    parser.add_argument(
        "--debug", action="store_true",
        help="verbose (still redacted) logging and crash reports on stderr")
    parser.add_argument(
        "--basedir", type=Path, metavar="DIR",
        help="keep settings, data and crash reports under DIR instead of the user's dirs")
    parser.add_argument(
        "--no-local-pool", action="store_true",
        help="do not start the built-in local user pool, even when its profile is selected")
    # For tests/benchmarks/startup.py: print the time.perf_counter() of the first paint (the
    # window shell) and of the first paint with the services attached ("ready"), then quit.
    parser.add_argument("--first-paint-exit", action="store_true", help=argparse.SUPPRESS)
    # For tests/benchmarks/startup.py: with a remembered sign-in, print the perf_counter() of
    # the account page's first paint ("account"), then quit.
    parser.add_argument("--account-paint-exit", action="store_true", help=argparse.SUPPRESS)
    # For tests/services/test_single_instance.py: JSON lines on stdout when this run becomes
    # the first one ({"instance": "primary"}), hands over ("secondary") or is raised ("raised").
    parser.add_argument("--instance-events", action="store_true", help=argparse.SUPPRESS)
    return parser


def run_gui(options: argparse.Namespace) -> int:
    """Build the app and run it until it quits; returns the exit code.

    Two stages: the bare window shell first (Qt, settings, language and theme only), and once
    it painted, everything else (asyncio, services, pages), so the window shows at about the
    time a bare Qt window would."""
    if options.smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from authing_desktop.logs import setup_logging

    setup_logging(debug=options.debug)
    if options.debug and sys.stderr is not None:
        import faulthandler

        faulthandler.enable()  # Python frames of a hard crash (segfault in Qt), no values

    from authing_desktop.services.app_paths import AppPaths
    from authing_desktop.services.bus import MessageBus
    from authing_desktop.services.crash_handler import CrashHandler
    from authing_desktop.services.language import UiLanguage
    from authing_desktop.services.settings import SettingsStore
    from authing_desktop.services.single_instance import SingleInstance
    from authing_desktop.ui.theme import ThemeManager, apply_first_theme

    paths = AppPaths.under(options.basedir.resolve()) if options.basedir else AppPaths.for_user()
    crash = CrashHandler(paths.crash_dir, debug=options.debug)
    crash.install()
    instance: SingleInstance | None = None
    try:
        app = _make_application()
        # The smoke test may run next to the user's own app: it never hands over.
        instance = None if options.smoke_test else SingleInstance(paths.state_dir, app)
        # The lock now (a second launch must not show a window), the socket after the first
        # frame (_async_main).
        if instance is not None and not instance.claim(listen=False):
            _instance_event(options, "secondary")
            print(f"{APP_DISPLAY_NAME} is already running: its window was brought to the front.",
                  file=sys.stderr if sys.stderr is not None else sys.stdout)
            return 0
        _instance_event(options, "primary")
        bus = MessageBus()
        settings = SettingsStore(paths.settings_file, bus)
        settings.load()
        # Both follow the settings live (View menu) and stay until the app goes.
        language = UiLanguage(app, settings, parent=app)
        theme = apply_first_theme(app, settings.current.theme)
        window = _show_window_shell(options, settings.current.window)
        # After the first frame: QIcon's first use takes time the first frame need not wait
        # for, and the window manager shows the icon a moment later at most.
        app.setWindowIcon(_app_icon())
        ThemeManager(app, settings, applied=theme, parent=app)

        # The first frame is up: now the rest, the local pool's process first (it takes the
        # longest to be ready: a remembered sign-in waits for it).
        spawned_pool = None
        if (settings.current.selected_profile.is_local and not options.no_local_pool
                and not options.smoke_test):
            from authing_desktop.services.pool_launcher import early_pool

            spawned_pool = early_pool(paths.local_pool_dir)
        import asyncio

        import qasync

        from authing_desktop.services.app_services import AppServices

        services = AppServices.create(
            paths, bus=bus, settings=settings, crash=crash,
            local_pool=_no_local_pool if options.no_local_pool or options.smoke_test else None,
            open_url=_open_in_system_browser, spawned_pool=spawned_pool)
        crash.add_section("Settings", lambda: _settings_summary(services))
        language.bind_connection(services.connection)

        quit_state = _QuitState()
        app.aboutToQuit.connect(quit_state.qt_quit)
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            try:
                code = runner.run(_async_main(app, window, services, options, instance))
            except RuntimeError:
                # Something called QApplication.quit() directly (the desktop session ending):
                # Qt's loop ended before main() completed ("Event loop stopped before Future
                # completed").
                if not quit_state.qt_quit_seen:
                    raise
                code = 0
            # In that case main() could not clean up either; finish it (a no-op otherwise).
            runner.run(services.aclose())
            return code
    except Exception as error:
        # Start-up or shutdown failed outside any event loop: a redacted report on stderr
        # (and in the crash dir) rather than Python's raw traceback.
        crash.attach_view(None)
        crash.handle(error, where="start-up or shutdown")
        return 1
    finally:
        if instance is not None:
            instance.release()
        crash.uninstall()


class _QuitState:
    def __init__(self) -> None:
        self.qt_quit_seen = False

    def qt_quit(self) -> None:
        self.qt_quit_seen = True


def _show_window_shell(options: argparse.Namespace, placement: str = "") -> MainWindow:
    """Show the window's bare shell and return once it painted (or after
    `FIRST_PAINT_WAIT_MS`: a window system that never exposes it must not stop the app).

    Qt's own nested loop, before any asyncio loop or coroutine exists; user input waits (it is
    delivered once the app runs), so nothing reaches a window without its services."""
    from PySide6.QtCore import QEventLoop, QTimer

    from authing_desktop.ui.main_window import MainWindow

    window = MainWindow()
    window.restore_placement(placement)
    if options.first_paint_exit:
        window.first_painted.connect(lambda stamp: _print_stamp("first_paint", stamp))
    window.show()
    if not window.painted:
        waiting = QEventLoop()
        window.first_painted.connect(waiting.quit)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, waiting.quit)
        waiting.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    return window


async def _async_main(app: QApplication, window: MainWindow, services: AppServices,
                      options: argparse.Namespace, instance: SingleInstance | None = None) -> int:
    """Give the window its services, then wait until the app is asked to quit; clean up in
    ``finally``."""
    import asyncio

    from authing_desktop.services.quit_signals import QuitSignals
    from authing_desktop.ui.application import Application

    loop = asyncio.get_running_loop()
    if services.crash is not None:
        services.crash.install_loop(loop)
    quit_event = asyncio.Event()
    # Every way out: Qt quitting (aboutToQuit), the window closed, Ctrl+C / SIGTERM.
    app.aboutToQuit.connect(quit_event.set)
    def last_window_closed() -> None:
        # Kept in the tray (sign-in alerts): a dialog closing while the window is hidden is
        # not the last window closing.
        if window.close_to_tray is None or not window.close_to_tray():
            quit_event.set()

    app.lastWindowClosed.connect(last_window_closed)
    signals = QuitSignals(quit_event.set)
    if isinstance(app, Application):  # QApplication.quit() becomes our own clean quit

        def quit_requested() -> None:
            logging.getLogger("authing_desktop.init").info("quit requested")
            quit_event.set()

        app.quit_requested.connect(quit_requested)
        app.intercept_quit = True
    signals.install(loop)

    profile = services.settings.current.selected_profile
    if profile.is_local and not options.no_local_pool and not options.smoke_test:
        # At once: a process of its own that takes longer to be ready than the window, and
        # what a remembered sign-in waits for.
        services.tasks.start(services.pool_launcher.start(), name="local-pool.start")
    window.open(services)
    if instance is not None:
        instance.activation_requested.connect(lambda: _bring_to_front(window, options))
    try:
        if options.first_paint_exit:
            window.ready_painted.connect(lambda stamp: _print_ready(stamp, quit_event))
        else:
            _start_background_when_ready(window, services, options, instance)
        if options.account_paint_exit:
            _exit_at_account_paint(window, quit_event)
        if options.smoke_test:
            return await _smoke_test(window, services)
        await quit_event.wait()
        return 0
    finally:
        signals.uninstall()
        if isinstance(app, Application):
            app.intercept_quit = False
        # Not when Qt quit under us; never for the smoke test, which writes no settings.
        if loop.is_running() and not options.smoke_test:
            await _keep_placement(window, services)
        window.close_to_tray = None  # quitting: the window really closes
        window.close()
        if loop.is_running():  # not when Qt quit under us: run_gui() finishes the job then
            await services.aclose()
        window.deleteLater()


async def _keep_placement(window: MainWindow, services: AppServices) -> None:
    """Remember the window's size and position for the next start (not worth failing a quit
    over)."""
    settings = services.settings.current
    placement = window.placement()
    if placement == settings.window:
        return
    try:
        await services.settings.save(settings.with_window(placement))
    except OSError as error:
        logging.getLogger("authing_desktop.init").warning(
            "could not keep the window's placement (%s)", type(error).__name__)


def _start_background_when_ready(window: MainWindow, services: AppServices,
                                 options: argparse.Namespace,
                                 instance: SingleInstance | None = None) -> None:
    """What the Sign in page does not need starts once it painted: the keychain (it competes
    for the GIL), the remembered sign-in, this device's registration, listening for later
    launches."""
    from PySide6.QtCore import QTimer

    started = False

    def start(*_args: Any) -> None:
        nonlocal started
        if started or services.tasks.closed:  # the fallback timer may fire while quitting
            return
        started = True
        logging.getLogger("authing_desktop.init").debug("window painted: starting background work")
        from authing_desktop.services.this_device import ThisDevice

        # This computer is registered as a device of the account after each sign-in.
        ThisDevice(services.paths.config_dir, services.session, services.tasks, parent=window)
        from authing_desktop.ui.alerts_wiring import install_sign_in_alerts

        # New sign-ins to the account: polled while signed in, shown in the window and tray.
        install_sign_in_alerts(window, services)
        if instance is not None:
            instance.listen()
        if services.session.remembered_accounts():
            # Restoring the remembered sign-in needs the keychain and the api layer now.
            # Otherwise an idle window needs neither: both load with the first use (the api
            # layer at the user's first input, see PageWarmUp.user_started).
            services.tasks.start(services.token_store.open(), name="token-store.open")
            services.connection.load_api()
        if not options.smoke_test:
            # A remembered sign-in opens the account pages without typing (it waits for the
            # keychain and, on the local profile, for the pool).
            services.tasks.start(services.session.restore(), name="session.restore")

    window.ready_painted.connect(start)
    QTimer.singleShot(BACKGROUND_START_FALLBACK_MS, start)


def _bring_to_front(window: MainWindow, options: argparse.Namespace) -> None:
    """Another launch asked: show the window (restored if minimised) and activate it."""
    from PySide6.QtCore import Qt

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    _instance_event(options, "raised")


def _instance_event(options: argparse.Namespace, event: str) -> None:
    if options.instance_events:
        _print_json({"instance": event})


def _open_in_system_browser(url: str) -> bool:
    """Show ``url`` in the user's browser (the browser sign-in's opener)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return bool(QDesktopServices.openUrl(QUrl(url)))


async def _no_local_pool() -> None:
    """The local pool is turned off (``--no-local-pool``): the connection says so."""


def _print_stamp(name: str, stamp: float) -> None:
    _print_json({name: stamp})


def _print_json(line: dict[str, Any]) -> None:
    """One JSON line on stdout (for tests and benchmarks); json is not needed before that."""
    import json

    print(json.dumps(line), flush=True)


def _exit_at_account_paint(window: MainWindow, quit_event: Any) -> None:
    """Print the time the account page first paints, then quit (the startup benchmark)."""
    from PySide6.QtCore import QEvent, QObject

    from authing_desktop.ui.workspace import ACCOUNT_HOME_KEY

    workspace = window.workspace
    assert workspace is not None

    class PaintWatcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                _print_stamp("account", time.perf_counter())
                quit_event.set()
            return False

    watcher = PaintWatcher(window)

    def shown(key: str) -> None:
        if key == ACCOUNT_HOME_KEY:
            workspace.page(key).installEventFilter(watcher)

    workspace.page_changed.connect(shown)


def _print_ready(stamp: float, quit_event: Any) -> None:
    _print_stamp("ready", stamp)
    quit_event.set()


async def _smoke_test(window: MainWindow, services: AppServices) -> int:
    import asyncio

    from PySide6 import QtCore

    from authing_desktop.services.token_store import KeyringTokenStore

    painted = asyncio.Event()
    window.first_painted.connect(lambda _stamp: painted.set())
    if window.painted:  # before we connected
        painted.set()
    await asyncio.wait_for(painted.wait(), SMOKE_TIMEOUT_S)
    await asyncio.wait_for(services.token_store.open(), SMOKE_TIMEOUT_S)
    store = services.token_store
    backend = store.backend_name if isinstance(store, KeyringTokenStore) else type(store).__name__
    ok = services.crash is None or not services.crash.reports
    line = {"version": __version__, "qt": QtCore.qVersion(), "keyring_backend": backend, "ok": ok}
    _print_json(line)
    return 0 if ok else 1


def _app_icon() -> QIcon:
    """The app icon in every size we ship (QIcon loads a file only when that size is drawn;
    given no size, it would open each file now to read it)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from authing_desktop.services.resource_files import resource_path

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        path = resource_path("icons", f"authing-desktop-{size}.png")
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def _make_application() -> QApplication:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from authing_desktop.ui.application import Application

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else Application(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    # Matches resources/linux/authing-desktop.desktop, so a Wayland compositor finds the entry.
    app.setDesktopFileName(APP_NAME)
    # Closing the window asks main() to quit, which cleans up and then ends Qt's loop itself.
    app.setQuitOnLastWindowClosed(False)

    qt_log = logging.getLogger("authing_desktop.qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def qt_message(mode: QtMsgType, _context: Any, message: str) -> None:
        if "propagateSizeHints" in message:  # offscreen platform noise
            return
        qt_log.log(levels.get(mode, logging.WARNING), "%s", message)

    qInstallMessageHandler(qt_message)
    return app


def _settings_summary(services: AppServices) -> str:
    settings = services.settings.current
    profile = settings.selected_profile
    return "\n".join([
        f"selected profile kind: {profile.kind}",
        f"number of profiles: {len(settings.profiles)}",
        f"language: {settings.language or 'system'}",
        f"keychain memory only: {services.token_store.memory_only}",
        f"local pool: {services.pool_launcher.status.value}",
    ])

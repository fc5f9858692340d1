"""One cold start of the app, offscreen, with a new user's first input at a chosen moment.

    .venv/bin/python -m tests.flows.first_input --delay-ms 120 --hold-ms 90 --basedir DIR
        [--local-pool]

What a new user does in the first seconds: press "Create an account", click into the email
field and type. The input goes through the native window (QTest on the ``QWindow``, as the
window system delivers it), as a person gives it: a mouse button is held ``--hold-ms`` between
press and release, keys come one at a time. It starts ``--delay-ms`` after the first frame,
while the app is still warming up. Prints one JSON line: ``ok`` (the typed text arrived whole,
no crash report, also none written while quitting, the warm-up finished, and no two threads
imported modules at the same time: `tests.flows.import_watch`), and what went wrong otherwise.
`tests/flows/first_input_runs.py` runs many of these.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

TYPED = "new.user@example.com"
KEY_INTERVAL_MS = 15  # a quick typist: the warm-up runs while the keys arrive
POLL_MS = 5  # how often the "user" looks whether the next control is there yet
RETRY_AFTER_MS = 500  # a click that changed nothing is tried again after this
# Generous: on a loaded 2-core machine a start, the warm-up and a local pool take seconds.
WATCHDOG_MS = 30_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay-ms", type=int, required=True)
    parser.add_argument("--hold-ms", type=int, default=90,
                        help="time between a mouse button's press and release")
    parser.add_argument("--basedir", type=Path, required=True)
    parser.add_argument("--local-pool", action="store_true",
                        help="start the embedded local pool, as a fresh install does")
    args = parser.parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit, QWidget

    from authing_desktop import app as desktop
    from authing_desktop.ui.application import Application
    from tests.flows.import_watch import ImportWatch

    qapp = Application(sys.argv[:1])  # what run_gui would make: quit() becomes a clean quit
    watch = ImportWatch()
    result: dict[str, object] = {"delay_ms": args.delay_ms, "hold_ms": args.hold_ms}
    steps: list[str] = []

    def shell() -> QWidget | None:
        return next((w for w in qapp.topLevelWidgets() if w.objectName() == "shell"), None)

    def find(name: str) -> QWidget | None:
        window = shell()
        found = window.findChild(QWidget, name) if window is not None else None
        return found if found is not None and found.isVisible() else None

    def when_shown(name: str, then: object) -> None:
        """Call ``then(widget)`` once the widget ``name`` is on screen (the user waits)."""
        widget = find(name)
        if widget is None:
            QTimer.singleShot(POLL_MS, lambda: when_shown(name, then))
            return
        then(widget)  # type: ignore[operator]

    def click(widget: QWidget, then: object) -> None:
        window = shell()
        assert window is not None
        handle = window.windowHandle()
        point = widget.mapTo(window, widget.rect().center())
        at = QPoint(point.x(), point.y())
        button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QTest.mousePress(handle, button, none, at)

        def release() -> None:
            QTest.mouseRelease(handle, button, none, at)
            QTimer.singleShot(1, then)  # type: ignore[arg-type]

        QTimer.singleShot(args.hold_ms, release)

    def create_account(button: QWidget) -> None:
        # The window has its services now: ask its warm-up whether its worker imports.
        warm_up = getattr(getattr(shell(), "services", None), "warm_up", None)
        if warm_up is not None:
            watch.worker_busy = lambda: warm_up.worker_busy
        steps.append("create-account")
        click(button, lambda: wait_for_sign_up(RETRY_AFTER_MS // POLL_MS))

    def wait_for_sign_up(polls_left: int) -> None:
        email = find("signup.email")
        if email is not None:
            click_email(email)
        elif polls_left:
            QTimer.singleShot(POLL_MS, lambda: wait_for_sign_up(polls_left - 1))
        else:
            # The page moved under the pointer (the local pool's note appeared while the button
            # was held): the release missed the button, and a person clicks again.
            when_shown("signin.signUp", create_account)

    def click_email(email: QWidget) -> None:
        steps.append("typing")
        click(email, lambda: type_from(0))

    def type_from(index: int) -> None:
        window = shell()
        if index == len(TYPED) or window is None:
            settle()
            return
        QTest.keyClick(window.windowHandle(), TYPED[index])
        QTimer.singleShot(KEY_INTERVAL_MS, lambda: type_from(index + 1))

    def settle() -> None:
        window = shell()
        if window is not None and getattr(window, "warming_up", False):
            QTimer.singleShot(10, settle)
            return
        finish("done")

    def finish(reason: str) -> None:
        if "reason" in result:
            return
        result["steps"] = steps
        result["reason"] = reason
        email = find("signup.email")
        result["typed"] = email.text() if isinstance(email, QLineEdit) else None
        qapp.quit()

    def start_when_painted() -> None:
        window = shell()
        if window is None or not getattr(window, "painted", False):
            QTimer.singleShot(1, start_when_painted)
            return
        watch.start()  # from the first frame on: start-up itself is one thread
        QTimer.singleShot(args.delay_ms, lambda: when_shown("signin.signUp", create_account))

    QTimer.singleShot(0, start_when_painted)
    QTimer.singleShot(WATCHDOG_MS, lambda: finish("watchdog: no progress"))
    options = ["--basedir", str(args.basedir)]
    if not args.local_pool:
        options.append("--no-local-pool")
    code = desktop.run_gui(desktop.parse_args(options))
    watch.stop()
    breaches = watch.breaches()
    result["import_breaches"] = breaches.summary()
    result.setdefault("reason", f"app exited ({code}) before the script finished")
    # Quitting counts too: a report written then is a crash all the same.
    crash_dir = args.basedir / "state" / "crash-reports"
    reports = sorted(crash_dir.glob("*")) if crash_dir.is_dir() else []
    result["crash"] = _error_line(reports[0]) if reports else None
    result["ok"] = (result["reason"] == "done" and result.get("typed") == TYPED
                    and not reports and code == 0 and not breaches.count)
    print(json.dumps(result), flush=True)
    return 0


def _error_line(report: Path) -> str:
    """The line under a crash report's "== Error ==" heading."""
    lines = report.read_text(errors="replace").splitlines()
    return lines[lines.index("== Error ==") + 1] if "== Error ==" in lines else report.name


if __name__ == "__main__":
    sys.exit(main())

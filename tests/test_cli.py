"""The command line, run as the user would: a subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from authing_desktop import __version__

SECRET_SERVICE = "keyring.backends.SecretService.Keyring"


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # Own config/state dirs, but the real session bus (and so the real keychain) if any.
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    return env


def _app(*args: str) -> list[str]:
    return [sys.executable, "-m", "authing_desktop", *args]


def test_version(tmp_path: Path) -> None:
    result = subprocess.run(_app("--version"), capture_output=True, text=True, timeout=30,
                            env=_env(tmp_path), check=False)
    assert result.returncode == 0
    assert result.stdout.strip() == f"authing-desktop {__version__}"


def test_unknown_option_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(_app("--frobnicate"), capture_output=True, text=True, timeout=30,
                            env=_env(tmp_path), check=False)
    assert result.returncode == 2
    assert "unrecognized arguments: --frobnicate" in result.stderr


def test_smoke_test_prints_one_json_line(tmp_path: Path) -> None:
    env = _env(tmp_path)
    env.pop("QT_QPA_PLATFORM")  # --smoke-test goes offscreen by itself
    started = time.monotonic()
    result = subprocess.run(_app("--smoke-test"), capture_output=True, text=True, timeout=60,
                            env=env, check=False)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    print(lines[0])  # visible with -s: what the CI environment's smoke test said
    report = json.loads(lines[0])
    assert set(report) == {"version", "qt", "keyring_backend", "ok"}
    assert report["ok"] is True
    assert report["version"] == __version__
    assert report["qt"].startswith("6.")
    assert report["keyring_backend"].startswith("keyring.backends.")
    if os.environ.get("REQUIRE_SECRET_SERVICE") == "1":
        assert report["keyring_backend"] == SECRET_SERVICE
    assert elapsed < 15
    assert not (tmp_path / "state").exists()  # no crash report written
    assert not (tmp_path / "config").exists()  # nothing saved


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_the_gui_quits_cleanly_on_a_signal(tmp_path: Path, signum: int) -> None:
    process = subprocess.Popen(
        _app("--debug", "--no-local-pool", "--basedir", str(tmp_path / "base")),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env(tmp_path))
    assert process.stderr is not None
    try:
        deadline = time.monotonic() + 30
        for line in process.stderr:
            if "starting background work" in line or time.monotonic() > deadline:
                break
        process.send_signal(signum)
        rest = process.communicate(timeout=15)[1]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(5)
    assert process.returncode == 0, rest
    assert "quitting" in rest
    assert "closed local pool" in rest
    assert "Traceback" not in rest
    # The state dir holds the single-instance lock; no crash report may be there.
    assert not (tmp_path / "base" / "state" / "crash-reports").exists()


def test_an_outside_quit_still_shuts_down_cleanly(tmp_path: Path) -> None:
    """QApplication.quit() from elsewhere (e.g. the desktop session ending) stops Qt's loop
    before main() finished its clean-up; the bootstrap must finish it, not crash."""
    driver = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])  # not the app's own: Qt really quits under us\n"
        "def quit_when_ready():\n"
        "    shells = [w for w in app.topLevelWidgets() if w.objectName() == 'shell']\n"
        "    if shells and shells[0].attached:\n"
        "        QTimer.singleShot(300, app.quit)  # after the window's next paint\n"
        "    else:\n"
        "        QTimer.singleShot(10, quit_when_ready)\n"
        "QTimer.singleShot(0, quit_when_ready)\n"
        "from authing_desktop.app import main\n"
        f"sys.exit(main(['--debug', '--no-local-pool', '--basedir', {str(tmp_path)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", driver], capture_output=True, text=True,
                            timeout=60, env=_env(tmp_path), check=False)
    assert result.returncode == 0, result.stderr
    assert "starting background work" in result.stderr
    assert "closed local pool" in result.stderr  # the async closers ran
    assert "Traceback" not in result.stderr
    assert "crash" not in result.stderr.lower()


def test_a_start_up_crash_gives_a_redacted_report_on_stderr(tmp_path: Path) -> None:
    driver = (
        "import sys\n"
        "import authing_desktop.ui.main_window as shell\n"
        "def broken(*args, **kwargs):\n"
        "    raise ValueError('window broke, token=abc123secret for bob@example.com')\n"
        "shell.MainWindow.__init__ = broken\n"
        "from authing_desktop.app import main\n"
        f"sys.exit(main(['--no-local-pool', '--basedir', {str(tmp_path)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", driver], capture_output=True, text=True,
                            timeout=60, env=_env(tmp_path), check=False)
    assert result.returncode == 1
    assert "hit an unexpected error: ValueError: window broke, token=[redacted]" in result.stderr
    assert "abc123secret" not in result.stderr and "bob@" not in result.stderr
    reports = list((tmp_path / "state" / "crash-reports").glob("crash-*.txt"))
    assert len(reports) == 1
    assert "abc123secret" not in reports[0].read_text(encoding="utf-8")


def test_an_outside_quit_during_a_request_cancels_it_cleanly(tmp_path: Path) -> None:
    """QApplication.quit() while a request is in flight (the sign-up view loading the pool's
    custom fields): the request is cancelled while the event loop still runs, so its clean-up
    works and no crash report is written (it used to find no running loop)."""
    driver = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QWidget\n"
        "from authing_desktop.ui.application import Application\n"
        "app = Application(sys.argv[:1])\n"
        "def shell():\n"
        "    return next((w for w in app.topLevelWidgets() if w.objectName() == 'shell'), None)\n"
        "def go():\n"
        "    w = shell()\n"
        "    if w is None or not w.attached or w.services.pool_launcher.status.value != 'ready':\n"
        "        QTimer.singleShot(5, go)\n"
        "        return\n"
        "    w.findChild(QWidget, 'signin.page').show_sign_up()\n"
        "    app.quit()\n"
        "QTimer.singleShot(0, go)\n"
        "from authing_desktop.app import main\n"
        f"sys.exit(main(['--debug', '--basedir', {str(tmp_path)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", driver], capture_output=True, text=True,
                            timeout=60, env=_env(tmp_path), check=False)
    assert result.returncode == 0, result.stderr
    assert "quit requested" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "state" / "crash-reports").exists()

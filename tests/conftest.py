"""Suite-wide set-up: offscreen Qt before any QApplication exists, and the shared fixtures."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = [
    "tests.fixtures.qt_loop",
    "tests.fixtures.app_services",
    "tests.fixtures.pool",
    "tests.fixtures.clocked_pool",
    "tests.fixtures.account_session",
    "tests.fixtures.pool_services",
    "tests.fixtures.slapd",
]

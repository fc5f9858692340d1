"""The baseline of tests/benchmarks/bundle.py: a bare PySide6 window, bundled with the same spec
options as the app (``packaging/build --bare``).

``--first-paint-exit`` prints ``{"first_paint": perf_counter}`` at the first paint and quits,
like the app's hidden flag of the same name. ``--qt-info`` prints where Qt looks for its
translations and whether ``qtbase_zh_CN`` loads (checks the frozen Qt layout) and quits.
"""

import json
import sys
import time

from PySide6.QtCore import QLibraryInfo, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class Window(QMainWindow):
    """A main window with one label."""

    def __init__(self, exit_on_paint: bool) -> None:
        super().__init__()
        self._exit_on_paint = exit_on_paint
        self.painted = False
        self.setWindowTitle("bare window")
        self.setCentralWidget(QLabel("Hello"))
        self.resize(960, 640)

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            if self._exit_on_paint:
                print(json.dumps({"first_paint": time.perf_counter()}), flush=True)
                QTimer.singleShot(0, QApplication.instance().quit)


def main() -> int:
    args = sys.argv[1:]
    app = QApplication(sys.argv[:1])
    if "--qt-info" in args:
        path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator()
        print(json.dumps({"translations_path": path,
                          "qtbase_zh_CN": translator.load("qtbase_zh_CN", path),
                          "platform": app.platformName()}), flush=True)
        return 0
    window = Window(exit_on_paint="--first-paint-exit" in args)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

"""What the window loads and builds ahead of use, through the app's warm-up queue.

At the user's first input (or when a remembered sign-in is being restored) the page modules load,
one per step (`load_pages`); then the pages the user is about to need are built, laid out at
the stack's size and painted once off screen, a step each (`plan`), so that opening one later
only shows it. A window nobody uses loads none of it. See docs/start-up.md.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QPixmap, QRegion
from PySide6.QtWidgets import QWidget

from authing_desktop.services.gc_tuning import freeze_startup_objects
from authing_desktop.services.session import SessionState
from authing_desktop.services.warm_up import ModuleGroup
from authing_desktop.ui.pages import WARM_UP_MODULES, Section

if TYPE_CHECKING:
    from authing_desktop.ui.pages.account_base import AccountPage
    from authing_desktop.ui.workspace import Workspace

# The warm-up's group of steps that build pages ahead of use (replaced when the plan changes).
PREBUILD = "pages.prebuild"
# The warm-up's group of the window's own page builds and shows waiting for its worker.
WINDOW_STEPS = "pages.window"
# A page is painted ahead in bands this high, one step each: a whole page in one step would be
# a stall of its own.
PAINT_BAND = 200


class PageWarmUp:
    """Loads the page modules and builds pages ahead of use for one `Workspace`."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace
        self._loading = False
        self._loaded = False
        self._user_started = False
        # One band's canvas, reused by every band (a new one per paint would cost fresh pages of
        # memory each time), dropped once the pages are built.
        self._canvas: QPixmap | None = None

    @property
    def busy(self) -> bool:
        """True while page modules load or pages are built ahead of use."""
        return (self._loading and not self._loaded) or self._workspace.services.warm_up.busy

    def stop(self) -> None:
        """Drop the pages' queued build, polish, paint and show steps (the window is closing:
        their widgets are about to go)."""
        self._workspace.services.warm_up.replace(PREBUILD, [])
        self._workspace.services.warm_up.replace(WINDOW_STEPS, [])
        self._canvas = None

    def user_started(self) -> None:
        """The user's first input: load everything the next clicks need."""
        self._user_started = True
        services = self._workspace.services
        services.connection.load_api()  # the first request needs it
        self.load_pages()
        self.plan()

    def load_pages(self) -> None:
        """Load the page modules (once), one per step, after the API layer (the first request
        waits for it) and the third-party modules the pages need: the first visit of a page
        then only builds widgets."""
        services = self._workspace.services
        if self._loading or services.tasks.closed:
            return
        self._loading = True
        services.tasks.start(self._load_pages(), name="pages.load")

    async def _load_pages(self) -> None:
        services = self._workspace.services
        await services.connection.load_api()
        await services.warm_up.load_modules(ModuleGroup.PAGES)
        for name in WARM_UP_MODULES:
            services.warm_up.add(lambda name=name: importlib.import_module(name))  # type: ignore[misc]
        services.warm_up.add(self._pages_loaded)

    def _pages_loaded(self) -> None:
        # Start-up is over: what exists now stays, and need not be walked by every full
        # collection (each a UI stall).
        freeze_startup_objects()
        self._loaded = True
        self.plan()

    def plan(self) -> None:
        """(Re)plan the pages to build ahead for the session's state: the Profile page while a
        remembered sign-in is restored, every account page once signed in, the sign-in page's
        other views and Profile once the user started using the signed-out window."""
        workspace = self._workspace
        if not self._loaded:
            return
        state = workspace.services.session.state
        builds: list[Callable[[], QWidget]] = []
        keys: list[str] = []
        if state == SessionState.RESTORING:
            keys = ["profile"]
        elif state == SessionState.SIGNED_IN:
            keys = [key for key, spec in workspace.specs.items()
                    if spec.section is Section.ACCOUNT]
        elif self._user_started:
            sign_in = workspace.built_pages.get("signin")
            prebuild = getattr(sign_in, "prebuild_steps", None)
            builds = list(prebuild()) if prebuild is not None else []
            keys = ["profile"]  # opened right after the sign-in
        builds += [lambda key=key: workspace.page(key)  # type: ignore[misc]
                   for key in keys
                   if key in workspace.specs and key not in workspace.built_pages]
        workspace.services.warm_up.replace(PREBUILD, [
            *(lambda build=build: self._build_ahead(build)
              for build in builds),
            self._drop_canvas])

    def _build_ahead(self, build: Callable[[], QWidget]) -> None:
        """One build step: the page's first part (a page built in parts builds each other
        part in a step of its own, next). Its first show would also polish every child with
        the style sheet's rules, lay them out at the stack's size and paint them with cold
        caches: steps of their own, after."""
        from authing_desktop.ui.pages.account_base import parts_deferred

        with parts_deferred() as in_parts:
            widget = build()
        self._build_parts(widget, in_parts)

    def _build_parts(self, widget: QWidget, in_parts: list[AccountPage]) -> None:
        warm_up = self._workspace.services.warm_up
        while in_parts and not in_parts[0].build_next_part():
            in_parts.pop(0)  # whole (built by the call that found it so, or shown meanwhile)
        if in_parts:
            warm_up.add(lambda: self._build_parts(widget, in_parts), first=True,
                        group=PREBUILD)
            return
        size = self._workspace.stack.contentsRect().size()
        warm_up.add(lambda: self._paint_ahead(widget, 0), first=True, group=PREBUILD)
        warm_up.add(lambda: _polish_ahead(widget, size), first=True, group=PREBUILD)

    def _paint_ahead(self, widget: QWidget, top: int) -> None:
        """Paint the band of a hidden page from ``top`` off screen, and queue the next band as
        the next step: its first real paint then finds the glyphs and the style's pixmaps
        cached."""
        if widget.isVisible() or widget.size().isEmpty():
            return  # shown meanwhile: painted for real
        ratio = widget.devicePixelRatioF()
        band = QSize(widget.width(), PAINT_BAND)
        canvas = self._canvas
        if canvas is None or canvas.size() != band * ratio:
            canvas = self._canvas = QPixmap(band * ratio)
            canvas.setDevicePixelRatio(ratio)
        widget.render(canvas, QPoint(0, 0), QRegion(0, top, band.width(), band.height()))
        if top + PAINT_BAND < widget.height():
            self._workspace.services.warm_up.add(
                lambda: self._paint_ahead(widget, top + PAINT_BAND), first=True,
                group=PREBUILD)

    def _drop_canvas(self) -> None:
        self._canvas = None


def _polish_ahead(widget: QWidget, size: QSize) -> None:
    """What a hidden page's first show would do: polish it and its children, lay it out at the
    size it will have."""
    widget.ensurePolished()
    if not widget.isVisible():
        widget.resize(size)
    layout = widget.layout()
    if layout is not None:
        layout.activate()


"""Avatar and logo images by URL: memory, then disk (``<cache dir>/avatars``), then download.

Disk reads and writes run in the executor (never on the UI thread); concurrent requests for
one URL share a single download. A failure is remembered for a while so a broken avatar URL is
not fetched again on every page show. Decoding into a QImage is the UI's job (also off the UI
thread): this layer hands out the bytes only.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from authing_desktop.services.warm_up import ModuleGroup, WarmUp

if TYPE_CHECKING:
    from authing_desktop.api.avatars import ImageDownloader

log = logging.getLogger("authing_desktop.avatars")

Fetch = Callable[[str], Awaitable[bytes]]
FAILURE_TTL_S = 300.0
MEMORY_ENTRIES = 64


class AvatarCache:
    """Image bytes by URL, or None when they cannot be had (the UI shows a placeholder)."""

    def __init__(self, directory: Path, warm_up: WarmUp, fetch: Fetch | None = None) -> None:
        self.directory = directory
        self._warm_up = warm_up
        self._fetch = fetch
        self._downloader: ImageDownloader | None = None
        self._making: asyncio.Future[ImageDownloader] | None = None
        self._memory: dict[str, bytes] = {}
        self._failed: dict[str, float] = {}
        self._pending: dict[str, asyncio.Future[bytes | None]] = {}

    def _path(self, url: str) -> Path:
        import hashlib  # here: it loads OpenSSL, which start-up does not need

        return self.directory / hashlib.sha256(url.encode("utf-8")).hexdigest()

    async def get(self, url: str | None) -> bytes | None:
        """The image at ``url`` (None for no URL, an unreachable one or not an image)."""
        if not url:
            return None
        cached = self._memory.get(url)
        if cached is not None:
            return cached
        failed_at = self._failed.get(url)
        if failed_at is not None and time.monotonic() - failed_at < FAILURE_TTL_S:
            return None
        pending = self._pending.get(url)
        if pending is None:
            pending = asyncio.ensure_future(self._load(url))
            self._pending[url] = pending
            pending.add_done_callback(lambda _done: self._pending.pop(url, None))
        # Shielded: one page going away must not cancel the download another page waits for.
        return await asyncio.shield(pending)

    def forget(self, url: str) -> None:
        """Drop a remembered failure (e.g. the user pressed Refresh)."""
        self._failed.pop(url, None)

    async def _load(self, url: str) -> bytes | None:
        loop = asyncio.get_running_loop()
        path = self._path(url)
        data = await loop.run_in_executor(None, _read, path)
        if data is None:
            try:
                data = await self._download(url)
            except Exception as error:  # noqa: BLE001 - any failure means "show a placeholder"
                log.info("avatar not loaded: %s", type(error).__name__)
                self._failed[url] = time.monotonic()
                return None
            await loop.run_in_executor(None, _write, path, data)
        self._remember(url, data)
        return data

    async def _download(self, url: str) -> bytes:
        if self._fetch is None:
            if self._making is None:
                self._making = asyncio.ensure_future(self._make_downloader())
            downloader = await asyncio.shield(self._making)
            if self._fetch is None:
                self._downloader = downloader
                self._fetch = downloader.fetch
        return await self._fetch(url)

    async def _make_downloader(self) -> ImageDownloader:
        """On first use, through the warm-up: httpx loads in its worker, the downloader's
        module on the UI thread, the TLS context (the CA bundle) in the worker again."""
        warm_up = self._warm_up
        await warm_up.load_modules(ModuleGroup.API)
        await warm_up.add(lambda: importlib.import_module("authing_desktop.api.avatars"),
                          first=True)
        from authing_desktop.api.avatars import ImageDownloader
        from authing_desktop.api.tls import verifying_context

        await warm_up.run_in_worker(verifying_context)
        return ImageDownloader()

    def _remember(self, url: str, data: bytes) -> None:
        self._memory[url] = data
        while len(self._memory) > MEMORY_ENTRIES:
            self._memory.pop(next(iter(self._memory)))

    async def aclose(self) -> None:
        """Close the HTTP client, if one was made."""
        for future in list(self._pending.values()):
            future.cancel()
        downloader = self._downloader
        self._downloader = None
        making, self._making = self._making, None
        if (downloader is None and making is not None and making.done()
                and not making.cancelled() and making.exception() is None):
            downloader = making.result()  # built, but its first download was cancelled
        if downloader is not None:
            await downloader.aclose()




def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".part")
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError as error:  # a full or read-only disk only costs a re-download
        log.info("avatar not cached on disk: %s", type(error).__name__)

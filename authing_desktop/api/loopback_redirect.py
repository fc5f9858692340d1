"""The loopback redirect listener of a native-app sign-in (RFC 8252 section 7.3).

A tiny asyncio HTTP/1.x server on ``127.0.0.1`` and a port the OS picks, waiting for ONE
authorization response ``GET /callback?code=...&state=...`` (or ``?error=...``). The browser
gets a short "you can close this tab" page; the waiting coroutine gets the code, or an error:

- `RedirectStateMismatch`: the response's ``state`` is not this attempt's (a stale tab, or
  someone else's response): refused;
- `RedirectCancelled`: ``error=access_denied`` (the user cancelled on the sign-in page);
- `RedirectTimeout`: no response in time;
- `RedirectError`: any other error response, or a response without a code.

Nothing of the request (the code) is logged. Requests to other paths (``/favicon.ico``) get a
404 and do not end the wait.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import html
import logging
from typing import Self
from urllib.parse import parse_qs, urlsplit

from authing_desktop.api.errors import ApiError

log = logging.getLogger(__name__)

LOOPBACK_HOST = "127.0.0.1"
CALLBACK_PATH = "/callback"
MAX_REQUEST_BYTES = 16 * 1024
REQUEST_READ_TIMEOUT_S = 10.0
_DONE_TITLE = "Sign-in complete"
_DONE_TEXT = "You are signed in. You can close this tab and return to the app."
_FAILED_TITLE = "Sign-in not completed"


class RedirectError(ApiError):
    """The authorization response was an error (``error`` is its OAuth error code)."""

    def __init__(self, error: str, description: str = "") -> None:
        super().__init__(f"{error}: {description}" if description else error)
        self.error = error
        self.description = description


class RedirectStateMismatch(RedirectError):  # noqa: N818 - reads as the event it reports
    """The response's ``state`` does not belong to this sign-in attempt."""


class RedirectCancelled(RedirectError):  # noqa: N818 - reads as the event it reports
    """The user cancelled (``error=access_denied``)."""


class RedirectTimeout(RedirectError):  # noqa: N818 - reads as the event it reports
    """No authorization response arrived in time."""


def _page(title: str, text: str) -> bytes:
    return (
        "<!doctype html><html><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title></head><body style=\"font-family:sans-serif;"
        f"margin:3rem\"><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></body></html>"
    ).encode()


def _response(status: str, body: bytes) -> bytes:
    head = (
        f"HTTP/1.1 {status}\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Cache-Control: no-store\r\n"
        "Referrer-Policy: no-referrer\r\n"
        "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class LoopbackRedirectListener:
    """Listens on ``127.0.0.1:<random port>`` for one authorization response carrying
    ``expected_state``. Use as ``async with``; `redirect_uri` is known once started.
    Subclasses may read other answers (`_outcome`) and say other words to the browser."""

    done_title = _DONE_TITLE
    done_text = _DONE_TEXT
    failed_title = _FAILED_TITLE

    def __init__(self, expected_state: str, *, path: str = CALLBACK_PATH) -> None:
        if not expected_state:
            raise ValueError("expected_state must not be empty")
        self._state = expected_state
        self._path = path
        self._server: asyncio.Server | None = None
        self._result: asyncio.Future[str] | None = None
        self._port = 0

    @property
    def redirect_uri(self) -> str:
        """``http://127.0.0.1:<port>/callback`` (after `start`)."""
        if self._server is None:
            raise RuntimeError("the listener is not started")
        return f"http://{LOOPBACK_HOST}:{self._port}{self._path}"

    async def start(self) -> None:
        """Bind a free loopback port and accept connections (OSError when it cannot)."""
        self._result = asyncio.get_running_loop().create_future()
        self._server = await asyncio.start_server(self._handle, LOOPBACK_HOST, 0)
        self._port = int(self._server.sockets[0].getsockname()[1])

    async def wait(self, timeout: float) -> str:
        """The authorization code, or one of the `RedirectError`s."""
        if self._result is None:
            raise RuntimeError("the listener is not started")
        try:
            return await asyncio.wait_for(asyncio.shield(self._result), timeout)
        except TimeoutError:
            raise RedirectTimeout("timeout", "no answer from the browser in time") from None

    async def aclose(self) -> None:
        """Stop listening (idempotent)."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(server.wait_closed(), 2.0)
        if self._result is not None and not self._result.done():
            self._result.cancel()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # ------------------------------------------------------------------ requests
    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"),
                                          REQUEST_READ_TIMEOUT_S)
            writer.write(self._answer(head))
            await writer.drain()
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError,
                ConnectionError):
            pass  # a speculative or broken connection: nothing to answer
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    def _answer(self, head: bytes) -> bytes:
        if len(head) > MAX_REQUEST_BYTES:
            return _response("431 Request Header Fields Too Large", b"")
        request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
        parts = request_line.split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/"):
            return _response("400 Bad Request", b"")
        method, target = parts[0], parts[1]
        url = urlsplit(target)
        if url.path != self._path:
            return _response("404 Not Found", b"")
        if method != "GET":
            return _response("405 Method Not Allowed", b"")
        if self._result is None or self._result.done():
            return _response("409 Conflict", _page(
                self.failed_title, "This attempt has already ended. Return to the app."))
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        outcome = self._outcome(query)
        if isinstance(outcome, RedirectError):
            self._result.set_exception(outcome)
            return _response("400 Bad Request", _page(self.failed_title,
                                                      self._failure_text(outcome)))
        self._result.set_result(outcome)
        return _response("200 OK", _page(self.done_title, self.done_text))

    def _outcome(self, query: dict[str, str]) -> str | RedirectError:
        state = query.get("state", "")
        if not hmac.compare_digest(state.encode(), self._state.encode()):
            return RedirectStateMismatch("state_mismatch",
                                         "the answer belongs to another sign-in attempt")
        error = query.get("error")
        if error == "access_denied":
            return RedirectCancelled(error, query.get("error_description", ""))
        if error:
            return RedirectError(error, query.get("error_description", ""))
        code = query.get("code")
        if not code:
            return RedirectError("invalid_response", "the answer carries no code")
        return code

    def _failure_text(self, error: RedirectError) -> str:
        return _failure_text(error)


def _failure_text(error: RedirectError) -> str:
    if isinstance(error, RedirectCancelled):
        return "The sign-in was cancelled. You can close this tab."
    if isinstance(error, RedirectStateMismatch):
        return "This answer does not belong to the sign-in the app started. Start again."
    return "The sign-in failed. Return to the app for details."

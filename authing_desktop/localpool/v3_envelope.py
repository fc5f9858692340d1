"""The v3 response envelope and request parsing (docs/protocol.md, v3 envelope).

Every v3 answer is HTTP 200 with ``{statusCode, message, apiCode?, requestId, data?}``;
``statusCode`` 200 is success. A `PoolError` keeps its Authing code as ``apiCode`` and gets the
``statusCode`` class of the table below; local argument errors (400 / 404 / 500) carry no
``apiCode``.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.step_up import REAUTH_REQUIRED

log = logging.getLogger(__name__)

Handler = Callable[[Request], Awaitable[Response]]

_STATUS: dict[int, int] = {
    errors.NOT_LOGGED_IN: 401, errors.LOGIN_EXPIRED: 401, errors.TOKEN_INVALID: 401,
    2021: 401,  # mfaToken invalid
    errors.NO_PERMISSION: 403, errors.WRONG_CREDENTIALS: 403, 2006: 403,
    errors.USER_LOCKED: 403, 6001: 403, 6002: 403,
    errors.USER_NOT_FOUND: 404, errors.NOT_FOUND: 404, errors.CONFLICT: 409,
    errors.SEND_TOO_OFTEN: 422, errors.LAST_LOGIN_METHOD: 422, errors.UNLINK_NOT_LINKED: 404,
    errors.INTERNAL: 500, REAUTH_REQUIRED: 403,
}
_PLAIN = (errors.BAD_ARGUMENT, errors.NOT_FOUND, errors.CONFLICT, errors.INTERNAL)
BOOLEAN_TEXT = {"true": True, "false": False, "1": True, "0": False}


def _request_id() -> str:
    return secrets.token_hex(8)


def v3_ok(data: Any = None, message: str = "", *, with_data: bool = True) -> JSONResponse:
    """A success envelope (``with_data=False``: a CommonResponseDto, no ``data`` key)."""
    body: dict[str, Any] = {"statusCode": 200, "message": message, "requestId": _request_id()}
    if with_data:
        body["data"] = data
    return JSONResponse(body)


def v3_error(error: PoolError) -> JSONResponse:
    """The envelope of a business error (HTTP 200, the status in the body)."""
    body: dict[str, Any] = {"statusCode": _STATUS.get(error.code, 400),
                            "message": error.message, "requestId": _request_id()}
    if error.code not in _PLAIN:
        body["apiCode"] = error.code
    if error.data is not None:
        body["data"] = error.data
    return JSONResponse(body)


def v3_guarded(handler: Handler) -> Handler:
    """`PoolError` becomes the v3 envelope, anything else a JSON 500 envelope."""
    async def wrapper(request: Request) -> Response:
        try:
            return await handler(request)
        except PoolError as exc:
            return v3_error(exc)
        except Exception:
            log.exception("%s %s failed", request.method, request.url.path)
            return v3_error(PoolError(errors.INTERNAL, "internal error of the local pool"))

    wrapper.__name__ = handler.__name__
    wrapper.__doc__ = handler.__doc__
    return wrapper


def parse_bool(name: str, value: str | None) -> bool | None:
    """``true``/``True``/``1`` and ``false``/``False``/``0`` (None when absent)."""
    if value is None or value == "":
        return None
    parsed = BOOLEAN_TEXT.get(value.strip().lower())
    if parsed is None:
        raise PoolError(errors.BAD_ARGUMENT, f"{name} must be true or false")
    return parsed


def parse_int(name: str, value: str | None, default: int, *, low: int, high: int) -> int:
    """An integer in ``[low, high]`` (``default`` when absent)."""
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise PoolError(errors.BAD_ARGUMENT, f"{name} must be an integer") from None
    if not low <= number <= high:
        raise PoolError(errors.BAD_ARGUMENT, f"{name} must be between {low} and {high}")
    return number


def parse_ms(name: str, value: str | None) -> float | None:
    """Epoch milliseconds as epoch seconds (None when absent)."""
    if value is None or value == "":
        return None
    try:
        millis = float(value)
    except ValueError:
        raise PoolError(errors.BAD_ARGUMENT, f"{name} must be epoch milliseconds") from None
    if millis < 0 or millis != millis or millis > 1e15:
        raise PoolError(errors.BAD_ARGUMENT, f"{name} must be epoch milliseconds")
    return millis / 1000.0


def text_field(body: dict[str, Any], name: str, *, required: bool = True,
               limit: int = 256) -> str | None:
    """A string field of a JSON body (trimmed; 2231 when required and missing)."""
    value = body.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise PoolError(errors.PARAMS_INCOMPLETE, f"{name} is required")
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise PoolError(errors.BAD_ARGUMENT, f"{name} must be a string of at most {limit}"
                        " characters")
    return value.strip()

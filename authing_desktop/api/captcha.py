"""The image captcha a pool asks for after repeated failed password logins (code 2000).

``GET {host}/api/v2/security/captcha`` answers a PNG, not JSON, so it cannot go through
`Transport.rest`. It is fetched on the connection's own HTTP client: same headers, and the same
cookie jar, so a cloud pool that ties the captcha to a session cookie sees the same session at
login.
"""

from __future__ import annotations

import httpx

from authing_desktop.api.client_core import ClientCore
from authing_desktop.api.errors import MalformedResponse, NetworkError, RequestTimeout

CAPTCHA_PATH = "/api/v2/security/captcha"
MAX_CAPTCHA_BYTES = 1_000_000


async def fetch_captcha(client: ClientCore) -> bytes:
    """The captcha image bytes (PNG/JPEG/GIF/SVG as the server chooses)."""
    url = client.profile.host + CAPTCHA_PATH
    http = client.transport._client  # noqa: SLF001 - the connection's session, by design
    try:
        response = await http.get(url)
    except httpx.TimeoutException as exc:
        raise RequestTimeout(f"timed out ({type(exc).__name__})", url=url) from exc
    except httpx.TransportError as exc:
        raise NetworkError(f"network failure ({type(exc).__name__})", url=url) from exc
    kind = response.headers.get("content-type", "").split(";", 1)[0].strip()
    if response.status_code != 200 or not kind.startswith("image/"):
        raise MalformedResponse(f"captcha answer is not an image ({kind or 'no type'})",
                                status_code=response.status_code, url=url)
    if not response.content or len(response.content) > MAX_CAPTCHA_BYTES:
        raise MalformedResponse("captcha image is empty or too large",
                                status_code=response.status_code, url=url)
    return response.content

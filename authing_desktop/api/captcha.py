"""The image captcha a pool asks for after repeated failed password logins (code 2000;
docs/protocol.md#captcha).

``GET {host}/api/v2/security/captcha`` answers a PNG, not JSON, so it cannot go through
`Transport.rest`. It is fetched on the connection's own HTTP client: same headers, and the same
cookie jar, so a cloud pool that ties the captcha to a session cookie sees the same session at
login.
"""

from __future__ import annotations

from authing_desktop.api.client_core import ClientCore
from authing_desktop.api.errors import MalformedResponse

CAPTCHA_PATH = "/api/v2/security/captcha"
MAX_CAPTCHA_BYTES = 1_000_000


async def fetch_captcha(client: ClientCore) -> bytes:
    """The captcha image bytes (PNG/JPEG/GIF/SVG as the server chooses)."""
    kind, image = await client.transport.fetch_bytes(CAPTCHA_PATH, max_bytes=MAX_CAPTCHA_BYTES)
    if not kind.startswith("image/"):
        raise MalformedResponse(f"captcha answer is not an image ({kind or 'no type'})")
    return image

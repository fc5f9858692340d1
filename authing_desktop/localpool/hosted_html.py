"""The HTML frame of the pool's hosted pages: one escaped title, a body made by the caller,
and the security headers every page carries (docs/local-pool-security.md)."""

from __future__ import annotations

import html

from starlette.responses import HTMLResponse

SECURITY_HEADERS = {
    "cache-control": "no-store",
    "pragma": "no-cache",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    # No form-action: browsers apply it to the redirect after the post (to the client).
    # Scripts only from the pool itself (the WebAuthn script), never inline; fetch only to it.
    "content-security-policy": ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self';"
                                " script-src 'self'; connect-src 'self';"
                                " frame-ancestors 'none'; base-uri 'none'"),
}
_CSS = """body{font-family:system-ui,sans-serif;background:#f4f6fa;margin:0}
main{max-width:22rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;
box-shadow:0 1px 4px #0002}h1{font-size:1.3rem;margin-top:0}label{display:block;
margin:.8rem 0 .2rem}input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
.actions{display:flex;gap:.5rem;margin-top:1.2rem}button{flex:1;padding:.6rem;font-size:1rem}
.error{color:#b00020;background:#fdecee;padding:.5rem;border-radius:4px}
.captcha{display:block;margin-top:.5rem}.notice{color:#0a5c2f;background:#e7f5ec;padding:.5rem;
border-radius:4px}.passkey{margin-top:1.2rem;border-top:1px solid #ddd;padding-top:.4rem}
ul.passkeys{padding-left:1.2rem}"""


def page(title: str, body: str, status: int = 200) -> HTMLResponse:
    """A page titled ``title`` around ``body`` (HTML the caller has escaped)."""
    document = (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>"
        f"<body><main><h1>{html.escape(title)}</h1>{body}</main></body></html>"
    )
    return HTMLResponse(document, status_code=status, headers=SECURITY_HEADERS)


def message_page(title: str, text: str, status: int = 200) -> HTMLResponse:
    """A page with one escaped paragraph."""
    return page(title, f"<p>{html.escape(text)}</p>", status)

"""The TLS context every HTTP client of the process shares."""

from __future__ import annotations

import functools
import ssl

import httpx


@functools.cache
def verifying_context() -> ssl.SSLContext:
    """A certificate-verifying context with certifi's CA bundle (what httpx uses by default).

    Building one parses the whole CA bundle, holding the GIL, and keeps it in memory. Each
    client (the pool's, the image downloader, a new one per profile switch) would otherwise
    build its own."""
    return httpx.create_ssl_context(trust_env=False)

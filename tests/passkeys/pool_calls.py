"""The pool's passkey routes called over loopback HTTP with a `SoftAuthenticator` (shared by the
pool tests and any other test that needs a passkey on an account)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import httpx

from tests.fixtures.pool import RunningPool
from tests.passkeys.soft_authenticator import (
    SoftAuthenticator,
    gen1_authentication_credential,
    gen1_registration_credential,
)

WEBAUTHN = "/api/v3/webauthn"


def webauthn_origin(pool: RunningPool) -> str:
    """The origin a client puts into clientDataJSON against ``pool``: its URL with the
    loopback address spelled ``localhost`` (docs/passkeys.md)."""
    parts = urlsplit(pool.url)
    return f"http://localhost:{parts.port}"


def v3(pool: RunningPool, method: str, path: str, token: str | None = None,
       **kwargs: Any) -> dict[str, Any]:
    """A v3 call's envelope (``path`` under /api/v3/webauthn when it starts with ``/``
    and is not already an /api path)."""
    if not path.startswith("/api/"):
        path = WEBAUTHN + path
    headers = dict(kwargs.pop("headers", {}))
    if token:
        headers["authorization"] = f"Bearer {token}"
    response = httpx.request(method, f"{pool.url}{path}", headers=headers, timeout=30, **kwargs)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def ok(body: dict[str, Any]) -> Any:
    """The ``data`` of a successful v3 envelope (fails the test otherwise)."""
    assert body["statusCode"] == 200, body
    return body.get("data")


def start_registration(pool: RunningPool, token: str) -> tuple[dict[str, Any], str]:
    """``(registrationOptions, ticket)`` for the signed-in user."""
    data = ok(v3(pool, "GET", "/registration", token))
    return data["registrationOptions"], data["ticket"]


def finish_registration(pool: RunningPool, token: str, ticket: str,
                        created: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """POST a RegistrationResponseJSON as the Gen-1 body; the envelope."""
    return v3(pool, "POST", "/registration", token, json={
        "ticket": ticket, "registrationCredential": gen1_registration_credential(created),
        **extra})


def register_passkey(pool: RunningPool, token: str, key: SoftAuthenticator,
                     **extra: Any) -> str:
    """Register a new credential of ``key`` on the signed-in account; its credential id
    (``extra``: ``name``, ``authenticatorCode``)."""
    options, ticket = start_registration(pool, token)
    created = key.create(options, webauthn_origin(pool))
    data = ok(finish_registration(pool, token, ticket, created, **extra))
    assert data["verified"] is True, data
    assert data["credentialId"] == created["id"]
    return str(created["id"])


def start_sign_in(pool: RunningPool) -> tuple[dict[str, Any], str]:
    """``(authenticationOptions, ticket)`` of a passwordless sign-in."""
    data = ok(v3(pool, "GET", "/authentication"))
    return data["authenticationOptions"], data["ticket"]


def finish_sign_in(pool: RunningPool, ticket: str, asserted: dict[str, Any],
                   **extra: Any) -> dict[str, Any]:
    """POST an AuthenticationResponseJSON as the Gen-1 body; the envelope."""
    return v3(pool, "POST", "/authentication", json={
        "ticket": ticket, "authenticationCredential": gen1_authentication_credential(asserted),
        **extra})


def passkey_sign_in(pool: RunningPool, key: SoftAuthenticator, *, origin: str | None = None,
                    **get_options: Any) -> dict[str, Any]:
    """A whole passwordless sign-in with ``key``; the envelope of the finish step
    (``get_options`` go to `SoftAuthenticator.get`)."""
    options, ticket = start_sign_in(pool)
    asserted = key.get(options, origin or webauthn_origin(pool), **get_options)
    return finish_sign_in(pool, ticket, asserted)


def passkeys_of(pool: RunningPool, token: str) -> list[dict[str, Any]]:
    """The list items of the signed-in user's credentials."""
    data = ok(v3(pool, "POST", "/page-authenticator-device", token, json={}))
    assert data["totalCount"] == len(data["list"])
    return list(data["list"])

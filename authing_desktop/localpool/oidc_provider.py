"""The pool as an OIDC provider (docs/protocol.md, Tokens): authorization requests, single-use
authorization codes bound to client + redirect URI + PKCE challenge, the token exchange,
RS256 access tokens with a published JWKS, and HS256 id_tokens that are also login tokens (so
the desktop app can use an id_token from the browser flow like any login token). A grant with
``offline_access`` also gets a refresh token (`refresh_tokens`, docs/local-pool.md).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import sqlite3
import string
import threading
from dataclasses import dataclass, field
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from authing_desktop.localpool.browser_state import ExpiringStore, redirect_allowed
from authing_desktop.localpool.inputs import secret_equals
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.refresh_tokens import (
    RefreshGrant,
    RefreshTokens,
    Refusal,
    is_refresh_token,
    revoke_families_of,
)
from authing_desktop.localpool.storage import Database
from authing_desktop.localpool.tokens import decode_on
from authing_desktop.localpool.users import Caller, get_user

ACCESS_TOKEN_LIFETIME_S = 3600
ACCESS = "access"
SIGNING_KEY_BITS = 2048
OFFLINE_ACCESS = "offline_access"
SUPPORTED_SCOPES = ("openid", "profile", "email", "phone", "address", OFFLINE_ACCESS)
DEFAULT_SCOPE = "openid profile email phone address"
_VERIFIER_CHARS = frozenset(string.ascii_letters + string.digits + "-._~")
CLIENT_SECRET_BASIC = "client_secret_basic"  # noqa: S105 - a method name
CLIENT_SECRET_POST = "client_secret_post"  # noqa: S105 - a method name
NONE = "none"


class OAuthError(Exception):
    """An RFC 6749 error: ``redirect`` says whether it may go back to the client's redirect URI
    (only once client and redirect URI are verified)."""

    def __init__(self, error: str, description: str, *, status: int = 400,
                 redirect: bool = False) -> None:
        super().__init__(f"{error}: {description}")
        self.error = error
        self.description = description
        self.status = status
        self.redirect = redirect


@dataclass(frozen=True)
class AuthorizationRequest:
    """A validated ``/oidc/auth`` (or ``/oauth/auth``) request."""

    flavour: str
    client_id: str
    redirect_uri: str
    scope: str
    state: str | None
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    prompt: str


@dataclass
class AuthorizationCode:
    """What a code stands for; ``issued`` lists the tokens it produced (revoked on replay)."""

    request: AuthorizationRequest
    user_id: str
    auth_time: int
    used: bool = False
    issued: list[str] = field(default_factory=list)


def s256(verifier: str) -> str:
    """RFC 7636 S256: base64url(SHA-256(verifier)) without padding."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def _half_hash(token: str) -> str:
    """OIDC at_hash: the left half of SHA-256, base64url."""
    digest = hashlib.sha256(token.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest[:16]).decode("ascii").rstrip("=")


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    if not values:
        return None
    if len(values) > 1:
        raise OAuthError("invalid_request", f"{name} given more than once")
    return values[0]


def userinfo_claims(user: dict[str, Any], scope: str | None) -> dict[str, Any]:
    """OIDC standard claims of a user view, limited to ``scope`` (None: every claim)."""
    scopes = set(scope.split()) if scope is not None else set(SUPPORTED_SCOPES)
    claims: dict[str, Any] = {"sub": user["id"]}
    if "profile" in scopes:
        claims.update({
            "name": user["name"], "given_name": user["givenName"],
            "family_name": user["familyName"], "middle_name": user["middleName"],
            "nickname": user["nickname"], "preferred_username": user["preferredUsername"],
            "profile": user["profile"], "picture": user["photo"], "website": user["website"],
            "gender": user["gender"], "birthdate": user["birthdate"],
            "zoneinfo": user["zoneinfo"], "locale": user["locale"],
            "updated_at": user["updatedAt"],
        })
    if "email" in scopes:
        claims.update({"email": user["email"], "email_verified": user["emailVerified"]})
    if "phone" in scopes:
        claims.update({"phone_number": user["phone"],
                       "phone_number_verified": user["phoneVerified"]})
    if "address" in scopes:
        claims["address"] = {
            "formatted": user["formatted"], "street_address": user["streetAddress"],
            "locality": user["locality"], "region": user["region"],
            "postal_code": user["postalCode"], "country": user["country"]}
    return claims


class AuthorizationServer:
    """Codes, token issuing and verification of the pool's OIDC provider."""

    def __init__(self, core: PoolCore, db: Database, issuer: str) -> None:
        self.core = core
        self.db = db
        self.issuer = f"{issuer}/oidc"
        self.base_url = issuer
        self._codes: ExpiringStore[AuthorizationCode] = ExpiringStore(core.clock)
        self._key_lock = threading.Lock()
        self._key: tuple[str, rsa.RSAPrivateKey] | None = None
        self.refresh_tokens = RefreshTokens(core.clock,
                                            max_guesses=core.settings.max_code_attempts)

    # ------------------------------------------------------------------ signing key
    def signing_key(self) -> tuple[str, rsa.RSAPrivateKey]:
        """(kid, key) of the RS256 access-token key; created on first use (blocking)."""
        with self._key_lock:
            if self._key is None:
                self._key = self.db.write(self._load_or_create_key)
            return self._key

    def _load_or_create_key(self, conn: sqlite3.Connection) -> tuple[str, rsa.RSAPrivateKey]:
        row = conn.execute(
            "SELECT kid, private_key_pem FROM signing_keys ORDER BY created_at DESC LIMIT 1"
        ).fetchone()
        if row is None:
            key = rsa.generate_private_key(public_exponent=65537, key_size=SIGNING_KEY_BITS)
            kid = secrets.token_hex(8)
            pem = key.private_bytes(serialization.Encoding.PEM,
                                    serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()).decode("ascii")
            conn.execute("INSERT INTO signing_keys(kid, private_key_pem, created_at)"
                         " VALUES (?, ?, ?)", (kid, pem, self.core.clock.now()))
            return kid, key
        loaded = serialization.load_pem_private_key(row["private_key_pem"].encode(), None)
        if not isinstance(loaded, rsa.RSAPrivateKey):
            raise RuntimeError("the pool's signing key is not an RSA key")
        return str(row["kid"]), loaded

    def jwks(self) -> dict[str, Any]:
        """The public signing keys (blocking on first use)."""
        kid, key = self.signing_key()
        jwk: dict[str, Any] = json.loads(RSAAlgorithm.to_jwk(key.public_key()))
        jwk.update({"kid": kid, "use": "sig", "alg": "RS256"})
        return {"keys": [jwk]}

    def discovery(self) -> dict[str, Any]:
        """``/oidc/.well-known/openid-configuration``."""
        base = self.base_url
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{base}/oidc/auth",
            "token_endpoint": f"{base}/oidc/token",
            "userinfo_endpoint": f"{base}/oidc/me",
            "jwks_uri": f"{base}/oidc/.well-known/jwks.json",
            "introspection_endpoint": f"{base}/oidc/token/introspection",
            "revocation_endpoint": f"{base}/oidc/token/revocation",
            "end_session_endpoint": f"{base}/oidc/session/end",
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "grant_types_supported": ["authorization_code", "refresh_token"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["HS256"],
            "token_endpoint_auth_methods_supported": [
                CLIENT_SECRET_POST, CLIENT_SECRET_BASIC, NONE],
            "introspection_endpoint_auth_methods_supported": [
                CLIENT_SECRET_POST, CLIENT_SECRET_BASIC, NONE],
            "revocation_endpoint_auth_methods_supported": [
                CLIENT_SECRET_POST, CLIENT_SECRET_BASIC, NONE],
            "code_challenge_methods_supported": ["S256", "plain"],
            "scopes_supported": list(SUPPORTED_SCOPES),
            "claims_supported": [
                "sub", "name", "given_name", "family_name", "middle_name", "nickname",
                "preferred_username", "profile", "picture", "website", "email",
                "email_verified", "gender", "birthdate", "zoneinfo", "locale", "phone_number",
                "phone_number_verified", "address", "updated_at"],
        }

    # ------------------------------------------------------------------ authorization
    def parse_request(self, flavour: str, params: dict[str, list[str]]) -> AuthorizationRequest:
        """Validate an authorization request. Client and redirect URI problems are shown to
        the user (never redirected); later problems may be redirected to the client."""
        identity = self.core.identity
        client_id = _one(params, "client_id")
        if client_id != identity.app_id:
            raise OAuthError("invalid_client", "unknown client_id")
        redirect_uri = _one(params, "redirect_uri")
        if not redirect_allowed(redirect_uri, self.core.settings.redirect_uris):
            raise OAuthError("invalid_request",
                             "redirect_uri is missing or not registered for this client")
        assert redirect_uri is not None
        response_type = _one(params, "response_type")
        if response_type != "code":
            raise OAuthError("unsupported_response_type", "only response_type=code is supported",
                             redirect=True)
        response_mode = _one(params, "response_mode")
        if response_mode not in (None, "query"):
            raise OAuthError("invalid_request", "only response_mode=query is supported",
                             redirect=True)
        scope = " ".join((_one(params, "scope") or DEFAULT_SCOPE).split())
        if flavour == "oidc" and "openid" not in scope.split():
            raise OAuthError("invalid_scope", "the openid scope is required", redirect=True)
        challenge = _one(params, "code_challenge")
        method = _one(params, "code_challenge_method")
        if challenge is not None:
            method = method or "plain"  # RFC 7636 4.3
            if method not in ("S256", "plain"):
                raise OAuthError("invalid_request",
                                 "code_challenge_method must be S256 or plain", redirect=True)
            if not 43 <= len(challenge) <= 128 or not set(challenge) <= _VERIFIER_CHARS:
                raise OAuthError("invalid_request", "malformed code_challenge", redirect=True)
        elif method is not None:
            raise OAuthError("invalid_request", "code_challenge_method needs a code_challenge",
                             redirect=True)
        prompt = _one(params, "prompt") or ""
        for name in ("state", "nonce"):
            value = _one(params, name)
            if value is not None and len(value) > 512:
                raise OAuthError("invalid_request", f"{name} is too long", redirect=True)
        return AuthorizationRequest(
            flavour=flavour, client_id=client_id, redirect_uri=redirect_uri, scope=scope,
            state=_one(params, "state"), nonce=_one(params, "nonce"), code_challenge=challenge,
            code_challenge_method=method if challenge else None, prompt=prompt,
        )

    def issue_code(self, request: AuthorizationRequest, user_id: str) -> str:
        """A new single-use authorization code for ``user_id``."""
        code = secrets.token_urlsafe(32)
        self._codes.put(code, AuthorizationCode(request, user_id, int(self.core.clock.now())),
                        self.core.settings.authorization_code_lifetime)
        return code

    # ------------------------------------------------------------------ token exchange
    def client_method(self, authorization: str | None, form: dict[str, str]) -> str | None:
        """How the client authenticated at the token endpoint, or None when it failed."""
        identity = self.core.identity
        if authorization and authorization.lower().startswith("basic "):
            try:
                decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode()
            except (ValueError, UnicodeDecodeError):
                return None
            client_id, _, secret = decoded.partition(":")
            if form.get("client_id") not in (None, client_id):
                return None
            ok = (secret_equals(client_id, identity.app_id)
                  and secret_equals(secret, identity.app_secret))
            return CLIENT_SECRET_BASIC if ok else None
        if form.get("client_id") != identity.app_id:
            return None
        posted = form.get("client_secret")
        if posted is None:
            return NONE
        return CLIENT_SECRET_POST if secret_equals(posted, identity.app_secret) else None

    def exchange_code(self, form: dict[str, str], method: str, caller: Caller) -> dict[str, Any]:
        """``grant_type=authorization_code`` (blocking): the token response."""
        code_value = form.get("code") or ""
        with self._codes.lock:
            code = self._codes.get(code_value)
            if code is not None and code.used:
                # RFC 6749 4.1.2: a replayed code revokes what it produced.
                self.db.write(lambda conn: self._revoke_grant(conn, code.issued))
                raise OAuthError("invalid_grant", "the authorization code was already used")
            if code is not None:
                code.used = True
        if code is None:
            raise OAuthError("invalid_grant", "unknown or expired authorization code")
        request = code.request
        if form.get("redirect_uri") != request.redirect_uri:
            raise OAuthError("invalid_grant", "redirect_uri differs from the authorization's")
        verifier = form.get("code_verifier")
        if request.code_challenge is None:
            if method == NONE:
                raise OAuthError("invalid_grant", "a public client must use PKCE")
        else:
            if not verifier:
                raise OAuthError("invalid_grant", "code_verifier is required")
            if not 43 <= len(verifier) <= 128 or not set(verifier) <= _VERIFIER_CHARS:
                raise OAuthError("invalid_grant", "malformed code_verifier")
            expected = s256(verifier) if request.code_challenge_method == "S256" else verifier
            if not hmac.compare_digest(expected, request.code_challenge):
                raise OAuthError("invalid_grant", "code_verifier does not match the challenge")
        key = self.signing_key()  # outside the write transaction: it may create the key
        return self.db.write(lambda conn: self._issue_tokens(conn, code, caller, key))

    def _issue_tokens(self, conn: sqlite3.Connection, code: AuthorizationCode, caller: Caller,
                      key: tuple[str, rsa.RSAPrivateKey]) -> dict[str, Any]:
        request = code.request
        user = get_user(conn, code.user_id)
        if user["blocked"] or user["status"] != "Activated":
            raise OAuthError("invalid_grant", "the account is blocked")
        access_token, jti = self._access_token(conn, code.user_id, request.scope, key)
        extra: dict[str, Any] = {"at_hash": _half_hash(access_token), "auth_time": code.auth_time,
                                 "azp": request.client_id}
        if request.nonce is not None:
            extra["nonce"] = request.nonce
        view = self.core.login_result(conn, code.user_id, caller, extra_claims=extra)
        id_token = str(view["token"])
        id_jti = str(jwt.decode(id_token, options={"verify_signature": False})["jti"])
        code.issued.extend([jti, id_jti])
        answer = {"access_token": access_token, "id_token": id_token,
                  "expires_in": ACCESS_TOKEN_LIFETIME_S, "token_type": "Bearer",
                  "scope": request.scope}
        if OFFLINE_ACCESS in request.scope.split():
            answer["refresh_token"] = self.refresh_tokens.start_family(
                conn, user_id=code.user_id, client_id=request.client_id, scope=request.scope,
                auth_time=code.auth_time, jtis=(jti, id_jti))
        return answer

    # ------------------------------------------------------------------ refresh tokens
    def exchange_refresh_token(self, form: dict[str, str], caller: Caller) -> dict[str, Any]:
        """``grant_type=refresh_token`` (blocking): new tokens and the next refresh token;
        the presented one is spent (docs/local-pool.md, "Refresh tokens")."""
        requested = form.get("scope")
        if requested is not None and len(requested) > 512:
            raise OAuthError("invalid_scope", "scope is too long")
        key = self.signing_key()  # outside the write transaction: it may create the key
        outcome = self.db.write(
            lambda conn: self._refresh(conn, form.get("refresh_token"), requested, caller, key))
        if isinstance(outcome, OAuthError):
            raise outcome  # after the commit: a counted guess or a revoked family stays
        return outcome

    def _refresh(self, conn: sqlite3.Connection, token: str | None, requested: str | None,
                 caller: Caller, key: tuple[str, rsa.RSAPrivateKey],
                 ) -> dict[str, Any] | OAuthError:
        found = self.refresh_tokens.find(conn, token, self.core.identity.app_id)
        if isinstance(found, Refusal):
            return OAuthError("invalid_grant", found.description)
        scope = self._narrowed(found, requested)
        if scope is None:
            return OAuthError("invalid_scope", "scope asks for more than was granted")
        user = get_user(conn, found.user_id)
        if user["blocked"] or user["status"] != "Activated":
            return OAuthError("invalid_grant", "the account is blocked")
        access_token, jti = self._access_token(conn, found.user_id, scope, key,
                                               proven_at=float(found.auth_time))
        issued = self.core.tokens.issue(
            conn, user, client_ip=caller.peer_ip, user_agent=caller.user_agent,
            extra_claims={"at_hash": _half_hash(access_token), "auth_time": found.auth_time,
                          "azp": found.client_id},
            proven_at=float(found.auth_time))
        refresh_token = self.refresh_tokens.rotate(conn, found, (jti, issued.jti))
        return {"access_token": access_token, "id_token": issued.token,
                "refresh_token": refresh_token, "expires_in": ACCESS_TOKEN_LIFETIME_S,
                "token_type": "Bearer", "scope": scope}

    @staticmethod
    def _narrowed(grant: RefreshGrant, requested: str | None) -> str | None:
        """The scope of refreshed tokens: the grant's, or the part of it ``requested``
        (RFC 6749 section 6); None when ``requested`` goes beyond the grant."""
        if not requested or not requested.strip():
            return grant.scope
        granted = grant.scope.split()
        wanted = set(requested.split())
        if not wanted <= set(granted):
            return None
        return " ".join(name for name in granted if name in wanted)

    def revoke_refresh_token(self, token: str | None) -> bool:
        """Revoke a refresh token's family (blocking); False when it is not one."""
        if not is_refresh_token(token):
            return False
        return self.db.write(lambda conn: self.refresh_tokens.revoke_token(conn, token))

    def _access_token(self, conn: sqlite3.Connection, user_id: str, scope: str,
                      signing: tuple[str, rsa.RSAPrivateKey], *,
                      proven_at: float | None = None) -> tuple[str, str]:
        """A new access token; ``proven_at``: the sign-in it comes from, for a refresh (a
        refresh proves nothing: docs/step-up.md)."""
        kid, key = signing
        now = int(self.core.clock.now())
        jti = secrets.token_hex(16)
        claims = {"jti": jti, "sub": user_id, "iat": now, "exp": now + ACCESS_TOKEN_LIFETIME_S,
                  "scope": scope, "iss": self.issuer, "aud": self.core.identity.app_id}
        token = jwt.encode(claims, key, "RS256", headers={"kid": kid})
        conn.execute(
            "INSERT INTO tokens(jti, user_id, app_id, kind, issued_at, expires_at, proven_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (jti, user_id, self.core.identity.app_id, ACCESS, now, claims["exp"],
             now if proven_at is None else proven_at),
        )
        return token, jti

    def _revoke_all(self, conn: sqlite3.Connection, jtis: list[str]) -> None:
        for jti in jtis:
            conn.execute("UPDATE tokens SET revoked_at = ? WHERE jti = ? AND revoked_at IS NULL",
                         (self.core.clock.now(), jti))

    def _revoke_grant(self, conn: sqlite3.Connection, jtis: list[str]) -> None:
        """A replayed code: what it produced, its refresh family included."""
        self._revoke_all(conn, jtis)
        revoke_families_of(conn, jtis, self.core.clock.now())

    # ------------------------------------------------------------------ access tokens
    def access_claims(self, token: str | None) -> dict[str, Any] | None:
        """The claims of a live access token of this provider (blocking), else None."""
        if not token or token.count(".") != 2:
            return None
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            return None
        if header.get("alg") != "RS256":
            return None
        kid, key = self.signing_key()
        if header.get("kid") != kid:
            return None
        try:
            claims: dict[str, Any] = decode_on(
                self.core.clock, token, key.public_key(), algorithms=["RS256"],
                audience=self.core.identity.app_id, issuer=self.issuer,
                require=["exp", "iat", "jti", "sub"])
        except jwt.PyJWTError:
            return None
        row = self.db.read(lambda conn: conn.execute(
            "SELECT revoked_at, user_id FROM tokens WHERE jti = ? AND kind = ?",
            (str(claims["jti"]), ACCESS)).fetchone())
        if row is None or row["revoked_at"] is not None or row["user_id"] != claims["sub"]:
            return None
        return claims

    def revoke_access(self, jti: str) -> None:
        """Revoke one access token (blocking)."""
        self.db.write(lambda conn: self._revoke_all(conn, [jti]))

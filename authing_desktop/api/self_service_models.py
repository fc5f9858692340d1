"""Typed results of the MFA and v3 self-service operations (docs/protocol.md#mfa-challenge,
docs/protocol.md#v3-self-service).

Built like `models`: ``from_wire`` maps camelCase wire fields, tolerates unknown ones and keeps
the object in ``raw``. Secrets (mfaTokens, TOTP secrets, recovery codes, deletion tickets) stay
out of ``repr``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from authing_desktop.api.error_codes import ErrorCode, ErrorGroup, in_group
from authing_desktop.api.errors import AuthingError, MalformedResponse
from authing_desktop.api.models import User, WireModel, _list_of, _raw


def _secret(wire: str | None = None) -> Any:
    metadata = {"wire": wire} if wire else {}
    return field(default=None, repr=False, metadata=metadata)


def parse_time(value: str | None) -> dt.datetime | None:
    """An ISO 8601 wire time (``Z`` or an offset) as an aware datetime; None when absent or
    unreadable."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


# ------------------------------------------------------------------------------- MFA


@dataclass(frozen=True)
class MfaChallenge(WireModel):
    """A sign-in held up for a second factor: ``AuthingError`` 1635 (authenticator app) or
    1636 (the application's factors: SMS, email ...), built with `from_error`. Complete it
    with ``verify_totp_mfa`` / ``verify_totp_recovery_code`` / ``verify_app_sms_mfa`` /
    ``verify_app_email_mfa`` and `mfa_token`."""

    mfa_token: str = field(default="", repr=False)
    totp_mfa_enabled: bool | None = None
    face_mfa_enabled: bool | None = None
    # Whether the user has a passkey that can answer (docs/passkeys.md#second-factor).
    passkey_enabled: bool | None = None
    application_mfa: list[dict[str, Any]] = field(default_factory=list)
    phone: str | None = None
    phone_country_code: str | None = None
    email: str | None = None
    mfa_phone: str | None = None
    mfa_email: str | None = None
    username: str | None = None
    nickname: str | None = None
    avatar: str | None = None
    code: int = ErrorCode.PERSONAL_MFA_REQUIRED
    raw: dict[str, Any] = _raw()

    @classmethod
    def _convert(cls, values: dict[str, Any]) -> None:
        if not isinstance(values.get("mfa_token"), str) or not values["mfa_token"]:
            raise MalformedResponse("MFA challenge has no mfaToken")
        policies = values.get("application_mfa")
        values["application_mfa"] = [p for p in policies if isinstance(p, Mapping)] \
            if isinstance(policies, list) else []
        values["code"] = ErrorCode.PERSONAL_MFA_REQUIRED

    @classmethod
    def from_error(cls, error: BaseException) -> MfaChallenge | None:
        """The challenge carried by a 1635 / 1636 `AuthingError`, else None."""
        if (not isinstance(error, AuthingError)
                or not in_group(error.code, ErrorGroup.MFA_REQUIRED)
                or not isinstance(error.data, Mapping)):
            return None
        try:
            challenge = cls.from_wire(error.data)
        except MalformedResponse:
            return None
        return challenge.with_code(error.code)

    def with_code(self, code: int) -> MfaChallenge:
        """This challenge with the error code it arrived with."""
        return dataclasses.replace(self, code=code)

    @property
    def factors(self) -> list[str]:
        """The factors that can answer it, in the server's order: ``OTP``, ``SMS``,
        ``EMAIL``, ``PASSKEY`` (an enrolled authenticator always counts)."""
        ordered = sorted((p for p in self.application_mfa if p.get("status", 1) == 1),
                         key=lambda p: p.get("sort", 0))
        kinds = [str(p.get("mfaPolicy")) for p in ordered if p.get("mfaPolicy")]
        if self.totp_mfa_enabled and "OTP" not in kinds:
            kinds.insert(0, "OTP")
        return kinds


@dataclass(frozen=True)
class TotpEnrollment(WireModel):
    """``mfa/totp/associate``: the secret for manual entry, the ``otpauth://`` URI for a QR
    code (and the server's own PNG data URL), and the single recovery code. Show the
    recovery code once; confirm with a code from the app."""

    secret: str | None = _secret("secret")
    qrcode_uri: str | None = _secret("qrcode_uri")
    qrcode_data_url: str | None = _secret("qrcode_data_url")
    recovery_code: str | None = _secret("recovery_code")
    authenticator_type: str | None = field(default=None, metadata={"wire": "authenticator_type"})
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class MfaAuthenticator(WireModel):
    """An enrolled TOTP authenticator (the pool never lists its secret)."""

    id: str | None = None
    enable: bool | None = None
    authenticator_type: str | None = None
    source: str | None = None
    user_id: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class RecoveryCodeLogin:
    """``verify_totp_recovery_code``: the signed-in user and the NEXT recovery code (the one
    just used no longer works: show this one to the user)."""

    user: User
    recovery_code: str = field(repr=False)


@dataclass(frozen=True)
class RecoveryCodeState:
    """Whether the authenticator has a recovery code and when it was made (docs/protocol.md,
    "Recovery code state"); ``code`` only in the answer of a regeneration, shown once."""

    exists: bool
    created_at: dt.datetime | None = None
    code: str = field(default="", repr=False)

    @classmethod
    def from_wire(cls, data: Any) -> RecoveryCodeState:
        if not isinstance(data, Mapping):
            raise MalformedResponse("the recovery code state is not an object")
        code = data.get("recoveryCode")
        created = data.get("createdAt")
        return cls(exists=bool(data.get("exists", bool(code))),
                   created_at=parse_time(created if isinstance(created, str) else None),
                   code=code if isinstance(code, str) else "")


@dataclass(frozen=True)
class EnrolledFactor(WireModel):
    """A v3 factor (``OTP``, ``SMS``, ``EMAIL``); ``profile`` holds ``phoneNumber`` or
    ``email``."""

    factor_id: str | None = None
    factor_type: str | None = None
    profile: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = _raw()

    @classmethod
    def _convert(cls, values: dict[str, Any]) -> None:
        profile = values.get("profile")
        values["profile"] = dict(profile) if isinstance(profile, Mapping) else {}


@dataclass(frozen=True)
class FactorEnrollment(WireModel):
    """``send-enroll-factor-request``: the token to finish with, and for ``OTP`` the
    authenticator data (``qr_code_uri``, ``secret``, ``recovery_code``)."""

    enrollment_token: str | None = _secret("enrollmentToken")
    qr_code_uri: str | None = field(default=None, repr=False)
    qr_code_data_url: str | None = field(default=None, repr=False)
    secret: str | None = field(default=None, repr=False)
    recovery_code: str | None = field(default=None, repr=False)
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_wire(cls, data: Any) -> FactorEnrollment:
        built = super().from_wire(data)
        otp = built.raw.get("otpData")  # the OTP fields arrive nested
        if not isinstance(otp, Mapping):
            return built
        return dataclasses.replace(
            built, qr_code_uri=otp.get("qrCodeUri"), qr_code_data_url=otp.get("qrCodeDataUrl"),
            secret=otp.get("secret"), recovery_code=otp.get("recoveryCode"))


# --------------------------------------------------------------------- devices


@dataclass(frozen=True)
class DeviceInfo(WireModel):
    """``TerminalSessionDto.device``: what the device is."""

    device_id: str | None = None
    name: str | None = None
    version: str | None = None
    type: str | None = None
    mod: str | None = None
    os: str | None = None
    producer: str | None = None
    browser: str | None = None
    status: str | None = None
    user_agent: str | None = None
    raw: dict[str, Any] = _raw()


@dataclass(frozen=True)
class DeviceSession(WireModel):
    """One device of mine and its sessions (``online``: it holds a live one; ``current``: the
    session this client uses)."""

    device: DeviceInfo | None = None
    last_login_time: str | None = None
    last_active_time: str | None = None
    last_ip: str | None = None
    online: bool | None = None
    current: bool | None = None
    session_count: int | None = None
    raw: dict[str, Any] = _raw()

    @classmethod
    def _convert(cls, values: dict[str, Any]) -> None:
        device = values.get("device")
        values["device"] = DeviceInfo.from_wire(device) if device is not None else None

    @property
    def device_id(self) -> str | None:
        """The id to revoke or unbind it with."""
        return self.device.device_id if self.device is not None else None


# --------------------------------------------------------------------- history, apps


@dataclass(frozen=True)
class ParsedUserAgent(WireModel):
    """``parsedUserAgent``: device type, browser (or client program) and OS."""

    device: str | None = None
    browser: str | None = None
    os: str | None = None
    raw: dict[str, Any] = _raw()

    @classmethod
    def from_wire(cls, data: Any) -> ParsedUserAgent:
        built = super().from_wire(data)
        if built.browser is None and isinstance(built.raw.get("name"), str):  # 2024 DTO
            return dataclasses.replace(built, browser=built.raw["name"])
        return built


@dataclass(frozen=True)
class LoginHistoryEntry(WireModel):
    """One sign-in attempt. ``code`` is 200 on success, else the error (1635/1636: a second
    factor was asked for)."""

    user_id: str | None = None
    app_id: str | None = None
    app_name: str | None = None
    app_login_url: str | None = None
    app_logo: str | None = None
    login_at: str | None = None
    client_ip: str | None = None
    success: bool | None = None
    code: int | None = None
    error_message: str | None = None
    user_agent: str | None = None
    parsed_user_agent: ParsedUserAgent | None = None
    login_method: str | None = None
    second_factor: str | None = None
    device_id: str | None = None
    raw: dict[str, Any] = _raw()

    @classmethod
    def _convert(cls, values: dict[str, Any]) -> None:
        parsed = values.get("parsed_user_agent")
        values["parsed_user_agent"] = (ParsedUserAgent.from_wire(parsed)
                                       if isinstance(parsed, Mapping) else None)

    @property
    def login_time(self) -> dt.datetime | None:
        """``login_at`` as an aware datetime."""
        return parse_time(self.login_at)


@dataclass(frozen=True)
class LoggedInApp(WireModel):
    """An app I signed in to (``active``: a session is live)."""

    app_id: str | None = None
    app_name: str | None = None
    app_login_url: str | None = None
    app_logo: str | None = None
    active: bool | None = None
    last_access_time: str | None = None  # the local pool's addition (docs/protocol.md)
    raw: dict[str, Any] = _raw()


# ------------------------------------------------------------------ identities, security


@dataclass(frozen=True)
class LinkedIdentity(WireModel):
    """An external identity linked to my account (v3 ``IdentityDto``); unlink it by
    ``ext_idp_id``."""

    identity_id: str | None = None
    ext_idp_id: str | None = None
    provider: str | None = None
    type: str | None = None
    user_id_in_idp: str | None = None
    user_info_in_idp: dict[str, Any] = field(default_factory=dict)
    origin_conn_ids: list[str] = field(default_factory=list)
    created_at: str | None = None  # the local pool's addition (docs/linked-accounts.md)
    raw: dict[str, Any] = _raw()

    @classmethod
    def _convert(cls, values: dict[str, Any]) -> None:
        info = values.get("user_info_in_idp")
        values["user_info_in_idp"] = dict(info) if isinstance(info, Mapping) else {}
        ids = values.get("origin_conn_ids")
        values["origin_conn_ids"] = [str(i) for i in ids] if isinstance(ids, list) else []


@dataclass(frozen=True)
class SecurityInfo(WireModel):
    """v3 ``get-security-info`` (the same score as v2 ``SecurityLevel``)."""

    security_score: int | None = None
    email_binded: bool | None = None
    phone_binded: bool | None = None
    password_set: bool | None = None
    password_security_level: int | None = None
    mfa_enrolled: bool | None = None
    raw: dict[str, Any] = _raw()


@dataclass(frozen=True)
class DeleteAccountTicket(WireModel):
    """Step 1 of account deletion: pass ``delete_account_token`` to ``delete_account``
    within ``token_expires_in`` seconds."""

    delete_account_token: str | None = field(default=None, repr=False)
    token_expires_in: int | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


def list_of(model: type[Any], data: Any) -> list[Any]:
    """A wire list as ``model`` items."""
    items: list[Any] = _list_of(model, data)
    return items

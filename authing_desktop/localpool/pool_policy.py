"""The user-pool policy an admin sets (``updateUserpool`` / ``userPool.update``, `pool admin`,
scenario files) and reads back (``userpool``, ``GET /api/v2/userpools/detail``):
docs/pool-admin.md, "The pool policy".

Only what an admin changed is stored, key by key (the ``pool_policy`` table, camelCase keys of
``UpdateUserpoolInput``, each value a whole normalized JSON object or scalar). Every other key
takes its default from the pool's `PoolSettings` (flags / settings.json), so a pool nobody
administered behaves as before. End-user routes read `current_policy` per request: a change
takes effect at once, without a restart.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.settings import PoolSettings
from authing_desktop.localpool.step_up import DEFAULT_MAX_AGE_S, MAX_MAX_AGE_S
from authing_desktop.localpool.timefmt import iso

# The two values of Authing's loginFailStrategy (docs/pool-admin.md).
CAPTCHA = "captcha"
BLOCK_ACCOUNT = "block-account"
LOGIN_FAIL_STRATEGIES = (CAPTCHA, BLOCK_ACCOUNT)

# Seconds in which failed sign-ins count towards the captcha by default (`guess_limits`).
DEFAULT_FAIL_WINDOW_S = 900
DEFAULT_REGISTER_WINDOW_S = 300
DEFAULT_REGISTER_LIMIT = 10
DEFAULT_CODE_LENGTH = 6
MIN_CODE_LENGTH, MAX_CODE_LENGTH = 4, 10
DEFAULT_FORCED_CYCLE_DAYS = 90
MAX_TOKEN_LIFETIME_S = 10 * 366 * 86_400
MAX_INTERVAL_S = 366 * 86_400
MAX_COUNT = 1_000_000
MAX_CYCLE_DAYS = 36_500


@dataclass(frozen=True)
class FailCheck:
    """A counting rule: ``limit`` events within ``time_interval`` seconds, when ``enabled``."""

    enabled: bool
    time_interval: int
    limit: int

    def view(self) -> dict[str, Any]:
        """The camelCase ``{enabled, timeInterval, limit}``."""
        return {"enabled": self.enabled, "timeInterval": self.time_interval,
                "limit": self.limit}


@dataclass(frozen=True)
class PasswordUpdatePolicy:
    """Periodic password change: once ``enabled``, a password older than ``forced_cycle`` days
    must be changed at sign-in (2058); ``difference_cycle`` is stored and shown only."""

    enabled: bool
    forced_cycle: int
    difference_cycle: int

    def view(self) -> dict[str, Any]:
        """The camelCase ``{enabled, forcedCycle, differenceCycle}``."""
        return {"enabled": self.enabled, "forcedCycle": self.forced_cycle,
                "differenceCycle": self.difference_cycle}


@dataclass(frozen=True)
class Whitelist:
    """Which registration identifiers are limited to the pool's whitelist."""

    phone_enabled: bool
    email_enabled: bool
    username_enabled: bool

    def view(self) -> dict[str, Any]:
        """The camelCase ``{phoneEnabled, emailEnabled, usernameEnabled}``."""
        return {"phoneEnabled": self.phone_enabled, "emailEnabled": self.email_enabled,
                "usernameEnabled": self.username_enabled}


@dataclass(frozen=True)
class PoolPolicy:
    """Every ``UpdateUserpoolInput`` key the local pool honours (docs/pool-admin.md)."""

    login_require_email_verified: bool
    email_verified_default: bool
    verify_old_email: bool  # changeEmailStrategy.verifyOldEmail
    verify_old_phone: bool  # changePhoneStrategy.verifyOldPhone
    login_fail_check: FailCheck
    login_fail_strategy: str  # CAPTCHA or BLOCK_ACCOUNT
    login_password_fail_check: FailCheck
    register_disabled: bool
    frequent_register_check: FailCheck
    token_expires_after: int  # seconds
    verify_code_length: int
    password_update_policy: PasswordUpdatePolicy
    whitelist: Whitelist
    # Local: seconds a sign-in or step-up proof counts for sensitive changes; 0 = off
    # (docs/step-up.md).
    step_up_max_age: int = DEFAULT_MAX_AGE_S


def default_policy(settings: PoolSettings) -> PoolPolicy:
    """The policy of a pool nobody administered: what `settings` already make the pool do
    (a captcha after `captcha_after` failures, a lock after `lockout_after` wrong passwords for
    `lockout_seconds`, tokens living `token_lifetime`, the old email or phone proven on a
    change), everything else off."""
    return PoolPolicy(
        login_require_email_verified=False,
        email_verified_default=False,
        # The pool always asked for the old address's code before the policy existed.
        verify_old_email=True,
        verify_old_phone=True,
        login_fail_check=FailCheck(True, DEFAULT_FAIL_WINDOW_S, settings.captcha_after),
        login_fail_strategy=CAPTCHA,
        login_password_fail_check=FailCheck(settings.lockout_seconds > 0,
                                            max(1, int(settings.lockout_seconds)),
                                            settings.lockout_after),
        register_disabled=False,
        frequent_register_check=FailCheck(False, DEFAULT_REGISTER_WINDOW_S,
                                          DEFAULT_REGISTER_LIMIT),
        token_expires_after=int(settings.token_lifetime),
        verify_code_length=DEFAULT_CODE_LENGTH,
        password_update_policy=PasswordUpdatePolicy(False, DEFAULT_FORCED_CYCLE_DAYS, 0),
        whitelist=Whitelist(False, False, False),
    )


# ------------------------------------------------------------------ validation
def _invalid(message: str) -> PoolError:
    return PoolError(errors.PARAMS_INCOMPLETE, message)


def _bool(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _invalid(f"{name} must be true or false")
    return value


def _int(name: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _invalid(f"{name} must be an integer from {low} to {high}")
    return value


def _object(name: str, value: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise _invalid(f"{name} must be an object with {', '.join(keys)}")
    unknown = sorted(str(key) for key in value if key not in keys)
    if unknown:
        raise _invalid(f"{name} has no field {unknown[0]!r} (known: {', '.join(keys)})")
    return {key: item for key, item in value.items() if item is not None}


def _fail_check(name: str, value: Any, current: FailCheck) -> FailCheck:
    fields = _object(name, value, ("enabled", "timeInterval", "limit"))
    return FailCheck(
        enabled=_bool(f"{name}.enabled", fields.get("enabled", current.enabled)),
        time_interval=_int(f"{name}.timeInterval",
                           fields.get("timeInterval", current.time_interval), 1, MAX_INTERVAL_S),
        limit=_int(f"{name}.limit", fields.get("limit", current.limit), 1, MAX_COUNT),
    )


def _one_flag(name: str, flag: str, value: Any) -> bool:
    fields = _object(name, value, (flag,))
    if flag not in fields:
        raise _invalid(f"{name}.{flag} is required")
    return _bool(f"{name}.{flag}", fields[flag])


def _apply(policy: PoolPolicy, key: str, value: Any) -> PoolPolicy:
    """``policy`` with the camelCase ``key`` set to ``value`` (2231 when it does not fit)."""
    if key in _BOOLEANS:
        changed: dict[str, Any] = {_BOOLEANS[key]: _bool(key, value)}
        return replace(policy, **changed)
    if key == "changeEmailStrategy":
        return replace(policy, verify_old_email=_one_flag(key, "verifyOldEmail", value))
    if key == "changePhoneStrategy":
        return replace(policy, verify_old_phone=_one_flag(key, "verifyOldPhone", value))
    if key in _FAIL_CHECKS:
        attribute = _FAIL_CHECKS[key]
        check: dict[str, Any] = {
            attribute: _fail_check(key, value, getattr(policy, attribute))}
        return replace(policy, **check)
    if key == "loginFailStrategy":
        if value not in LOGIN_FAIL_STRATEGIES:
            raise _invalid(f"loginFailStrategy must be one of {', '.join(LOGIN_FAIL_STRATEGIES)}")
        return replace(policy, login_fail_strategy=value)
    if key == "tokenExpiresAfter":
        return replace(policy, token_expires_after=_int(key, value, 1, MAX_TOKEN_LIFETIME_S))
    if key == "stepUpMaxAge":
        return replace(policy, step_up_max_age=_int(key, value, 0, MAX_MAX_AGE_S))
    if key == "verifyCodeLength":
        return replace(policy, verify_code_length=_int(key, value, MIN_CODE_LENGTH,
                                                       MAX_CODE_LENGTH))
    if key == "passwordUpdatePolicy":
        fields = _object(key, value, ("enabled", "forcedCycle", "differenceCycle"))
        old = policy.password_update_policy
        return replace(policy, password_update_policy=PasswordUpdatePolicy(
            enabled=_bool(f"{key}.enabled", fields.get("enabled", old.enabled)),
            forced_cycle=_int(f"{key}.forcedCycle", fields.get("forcedCycle", old.forced_cycle),
                              1, MAX_CYCLE_DAYS),
            difference_cycle=_int(f"{key}.differenceCycle",
                                  fields.get("differenceCycle", old.difference_cycle),
                                  0, MAX_COUNT)))
    if key == "whitelist":
        fields = _object(key, value, ("phoneEnabled", "emailEnabled", "usernameEnabled"))
        old_list = policy.whitelist
        return replace(policy, whitelist=Whitelist(
            phone_enabled=_bool(f"{key}.phoneEnabled",
                                fields.get("phoneEnabled", old_list.phone_enabled)),
            email_enabled=_bool(f"{key}.emailEnabled",
                                fields.get("emailEnabled", old_list.email_enabled)),
            username_enabled=_bool(f"{key}.usernameEnabled",
                                   fields.get("usernameEnabled", old_list.username_enabled))))
    raise _invalid(f"unknown user pool setting {key!r} (known: {', '.join(POLICY_KEYS)})")


_BOOLEANS = {
    "loginRequireEmailVerified": "login_require_email_verified",
    "emailVerifiedDefault": "email_verified_default",
    "registerDisabled": "register_disabled",
}
_FAIL_CHECKS = {
    "loginFailCheck": "login_fail_check",
    "loginPasswordFailCheck": "login_password_fail_check",
    "frequentRegisterCheck": "frequent_register_check",
}
POLICY_KEYS: tuple[str, ...] = (
    "loginRequireEmailVerified", "emailVerifiedDefault", "changeEmailStrategy",
    "changePhoneStrategy", "loginFailCheck", "loginFailStrategy", "loginPasswordFailCheck",
    "registerDisabled", "frequentRegisterCheck", "tokenExpiresAfter", "verifyCodeLength",
    "passwordUpdatePolicy", "whitelist", "stepUpMaxAge",
)
"""Every ``UpdateUserpoolInput`` key the local pool accepts."""


def _stored_value(policy: PoolPolicy, key: str) -> Any:
    """The whole normalized value of ``key`` in ``policy`` (what the table keeps)."""
    view = _policy_fields(policy)
    return view[key]


def _policy_fields(policy: PoolPolicy) -> dict[str, Any]:
    return {
        "loginRequireEmailVerified": policy.login_require_email_verified,
        "emailVerifiedDefault": policy.email_verified_default,
        "changeEmailStrategy": {"verifyOldEmail": policy.verify_old_email},
        "changePhoneStrategy": {"verifyOldPhone": policy.verify_old_phone},
        "loginFailCheck": policy.login_fail_check.view(),
        "loginFailStrategy": policy.login_fail_strategy,
        "loginPasswordFailCheck": policy.login_password_fail_check.view(),
        "registerDisabled": policy.register_disabled,
        "frequentRegisterCheck": policy.frequent_register_check.view(),
        "tokenExpiresAfter": policy.token_expires_after,
        "verifyCodeLength": policy.verify_code_length,
        "passwordUpdatePolicy": policy.password_update_policy.view(),
        "whitelist": policy.whitelist.view(),
        "stepUpMaxAge": policy.step_up_max_age,
    }


# ------------------------------------------------------------------ storage
def current_policy(conn: sqlite3.Connection, settings: PoolSettings) -> PoolPolicy:
    """The pool's policy now: the stored changes over `default_policy` (read per request)."""
    policy = default_policy(settings)
    for row in conn.execute("SELECT key, value FROM pool_policy ORDER BY key"):
        if row[0] in POLICY_KEYS:  # a key a later version dropped is ignored, not fatal
            policy = _apply(policy, row[0], json.loads(row[1]))
    return policy


def update_policy(conn: sqlite3.Connection, settings: PoolSettings,
                  changes: Mapping[str, Any], now: float | None = None) -> PoolPolicy:
    """Validate the camelCase ``changes`` (``UpdateUserpoolInput`` keys: `POLICY_KEYS`; a
    nested object may be partial, its other fields keep their values; a null value leaves the
    key unchanged) and store them, all or nothing; the new policy. An unknown key or a bad
    value raises `PoolError` 2231 naming it. ``now``: the pool's clock (the row's time).
    Call it inside a write transaction."""
    if not isinstance(changes, Mapping):
        raise _invalid("the user pool settings must be an object")
    policy = current_policy(conn, settings)
    touched: list[str] = []
    for key, value in changes.items():
        if not isinstance(key, str):
            raise _invalid("user pool setting names must be strings")
        if value is None:
            if key not in POLICY_KEYS:
                raise _invalid(f"unknown user pool setting {key!r}")
            continue
        policy = _apply(policy, key, value)
        touched.append(key)
    for key in touched:
        conn.execute(
            "INSERT INTO pool_policy(key, value, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value,"
            " updated_at = excluded.updated_at",
            (key, json.dumps(_stored_value(policy, key)), now),
        )
    return policy


def reset_policy(conn: sqlite3.Connection, keys: tuple[str, ...] | None = None) -> None:
    """Forget the admin's changes of ``keys`` (all when None): they follow the settings
    again."""
    if keys is None:
        conn.execute("DELETE FROM pool_policy")
        return
    for key in keys:
        conn.execute("DELETE FROM pool_policy WHERE key = ?", (key,))


def policy_view(conn: sqlite3.Connection, settings: PoolSettings, *, user_pool_id: str,
                secret: str, name: str = "Local pool") -> dict[str, Any]:
    """The ``UserPool`` object of ``userpool`` / ``updateUserpool`` / ``userpools/detail``:
    the policy in camelCase plus the pool's fixed facts. ``secret`` is the user pool secret
    (the admin's own); ``jwtSecret`` is never shown (docs/pool-admin.md)."""
    row = conn.execute("SELECT created_at FROM identity WHERE id = 1").fetchone()
    created = iso(row[0]) if row else None
    changed = conn.execute("SELECT MAX(updated_at) FROM pool_policy").fetchone()[0]
    policy = current_policy(conn, settings)
    return {
        "id": user_pool_id, "name": name, "domain": None,
        "description": "The local Authing-compatible user pool", "secret": secret,
        "jwtSecret": "******", "ownerId": None, "userpoolTypes": [], "logo": None,
        "createdAt": created, "updatedAt": iso(changed) if changed else created,
        "sendWelcomeEmail": False, "appSsoEnabled": False,
        "showWxQRCodeWhenRegisterDisabled": False, "allowedOrigins": None, "isDeleted": False,
        "qrcodeLoginStrategy": None, "app2WxappLoginStrategy": None, "customSMSProvider": None,
        "packageType": None, "useCustomUserStore": False,
        **_policy_fields(policy),
    }

"""Typed results of the API layer.

Each model is built from the wire object with `from_wire`: known camelCase fields become
snake_case attributes, unknown fields are tolerated, and the whole object stays in ``raw``.
Secrets (tokens, raw objects that hold them) are kept out of ``repr`` so a stray log line
cannot leak them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Self, TypeVar

from authing_desktop.api.errors import MalformedResponse


def _wire_name(f: dataclasses.Field[Any]) -> str:
    explicit = f.metadata.get("wire")
    if isinstance(explicit, str):
        return explicit
    head, *rest = f.name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


_WIRE_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}


def _wire_fields(cls: type) -> tuple[tuple[str, str], ...]:
    known = _WIRE_FIELDS.get(cls)
    if known is None:
        known = _WIRE_FIELDS[cls] = tuple(
            (f.name, _wire_name(f)) for f in dataclasses.fields(cls) if f.name != "raw")
    return known


def _mapping(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise MalformedResponse(f"{what} is not an object")
    return value


def _raw() -> Any:
    return field(default_factory=dict, repr=False, compare=False)


def _wire(name: str) -> Any:
    return field(default=None, metadata={"wire": name})


class WireModel:
    """Base of the models: `from_wire` maps the wire object onto the dataclass fields."""

    raw: dict[str, Any]

    @classmethod
    def from_wire(cls, data: Any) -> Self:
        mapping = _mapping(data, cls.__name__)
        values = {name: mapping.get(wire) for name, wire in _wire_fields(cls)}
        cls._convert(values)
        built: Self = cls(raw=dict(mapping), **values)  # type: ignore[call-arg]
        return built

    @classmethod
    def _convert(cls, values: dict[str, Any]) -> None:
        """Hook for nested objects and typed values; edits ``values`` in place."""


M = TypeVar("M", bound=WireModel)
T = TypeVar("T")


def _list_of(model: type[M], value: Any) -> list[M]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise MalformedResponse(f"list of {model.__name__} is not a list")
    return [model.from_wire(item) for item in value]


# --------------------------------------------------------------------------- users


@dataclass(frozen=True)
class User(WireModel):
    """An Authing user as returned by login/register/users/me/update mutations."""

    id: str
    arn: str | None = None
    status: str | None = None
    user_pool_id: str | None = None
    username: str | None = None
    email: str | None = None
    email_verified: bool | None = None
    phone: str | None = None
    phone_verified: bool | None = None
    unionid: str | None = None
    openid: str | None = None
    nickname: str | None = None
    register_source: list[str] | None = None
    photo: str | None = None
    token: str | None = field(default=None, repr=False)
    token_expired_at: str | None = None
    logins_count: int | None = None
    last_login: str | None = None
    last_ip: str | None = _wire("lastIP")
    signed_up: str | None = None
    blocked: bool | None = None
    is_deleted: bool | None = None
    device: str | None = None
    browser: str | None = None
    company: str | None = None
    name: str | None = None
    given_name: str | None = None
    family_name: str | None = None
    middle_name: str | None = None
    profile: str | None = None
    preferred_username: str | None = None
    website: str | None = None
    gender: str | None = None
    birthdate: str | None = None
    zoneinfo: str | None = None
    locale: str | None = None
    address: str | None = None
    formatted: str | None = None
    street_address: str | None = None
    locality: str | None = None
    region: str | None = None
    postal_code: str | None = None
    city: str | None = None
    province: str | None = None
    country: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    external_id: str | None = None
    phone_country_code: str | None = None
    # v3 get-profile only: when the password was last set (ISO time; None without a password).
    password_last_set_at: str | None = None
    raw: dict[str, Any] = _raw()

    @classmethod
    def _convert(cls, values: dict[str, Any]) -> None:
        if not isinstance(values.get("id"), str) or not values["id"]:
            raise MalformedResponse("user object has no id")

    def with_token(self, token: str | None) -> User:
        """This user carrying ``token`` (in the attribute and in ``raw``)."""
        return dataclasses.replace(self, token=token, raw={**self.raw, "token": token})


@dataclass(frozen=True)
class LoginStatus(WireModel):
    """``checkLoginStatus``: whether a token is valid; never raised as an error."""

    code: int | None = None
    message: str | None = None
    status: bool | None = None
    exp: int | None = None
    iat: int | None = None
    user_id: str | None = None
    user_pool_id: str | None = None
    arn: str | None = None
    raw: dict[str, Any] = _raw()

    @classmethod
    def from_wire(cls, data: Any) -> Self:
        status = super().from_wire(data)
        detail = status.raw.get("data")
        if isinstance(detail, Mapping):
            status = dataclasses.replace(
                status, user_id=detail.get("id"), user_pool_id=detail.get("userPoolId"),
                arn=detail.get("arn"))
        return status

    @property
    def logged_in(self) -> bool:
        return bool(self.status) and self.code == 200


@dataclass(frozen=True)
class RefreshResult(WireModel):
    """``refreshToken``: the new token and its issue/expiry epoch seconds."""

    token: str | None = field(default=None, repr=False)
    iat: int | None = None
    exp: int | None = None
    raw: dict[str, Any] = _raw()


@dataclass(frozen=True)
class CommonMessage(WireModel):
    """``{code, message}`` answers (send email/SMS, reset password)."""

    code: int | None = None
    message: str | None = None
    raw: dict[str, Any] = _raw()


@dataclass(frozen=True)
class PasswordStrength(WireModel):
    """``checkPasswordStrength``: whether the pool's password policy accepts a password."""

    valid: bool | None = None
    message: str | None = None
    raw: dict[str, Any] = _raw()


@dataclass(frozen=True)
class SecurityLevel(WireModel):
    """``users/me/security-level``: score (≤100) and which protections are in place."""

    score: int | None = None
    email: bool | None = None
    phone: bool | None = None
    password: bool | None = None
    password_security_level: int | None = None
    mfa: bool | None = None
    raw: dict[str, Any] = _raw()


# --------------------------------------------------------------------- custom data


def decode_udv_value(data_type: str | None, value: Any) -> Any:
    """A stored UDF value typed by its ``dataType`` (what the SDK's converter does, but
    DATETIME epochs become aware UTC datetimes and undecodable values stay as sent)."""
    if not isinstance(value, str):
        if data_type == "DATETIME" and isinstance(value, int | float) \
                and not isinstance(value, bool):
            return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC)
        return value
    if data_type in ("NUMBER", "BOOLEAN", "OBJECT"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    if data_type == "DATETIME":
        text = value.strip()
        if text.lstrip("-").replace(".", "", 1).isdigit():
            return dt.datetime.fromtimestamp(float(text) / 1000, tz=dt.UTC)
        try:
            return dt.datetime.fromisoformat(text.strip('"'))
        except ValueError:
            return value
    return value


@dataclass(frozen=True)
class UdfValue(WireModel):
    """One user-defined field value, ``value`` typed by ``data_type``."""

    key: str | None = None
    data_type: str | None = None
    value: Any = None
    label: str | None = None
    raw: dict[str, Any] = _raw()

    @classmethod
    def _convert(cls, values: dict[str, Any]) -> None:
        values["value"] = decode_udv_value(values.get("data_type"), values.get("value"))


@dataclass(frozen=True)
class UdfDefinition(WireModel):
    """One user-defined field the pool defines: ``key``, ``data_type`` (STRING, NUMBER,
    BOOLEAN, DATETIME, OBJECT, SELECT), ``label``, and ``options`` for a SELECT (the server's
    text, usually a JSON list)."""

    key: str | None = None
    data_type: str | None = None
    label: str | None = None
    options: str | None = None
    target_type: str | None = None
    raw: dict[str, Any] = _raw()


# ---------------------------------------------------------------- roles, resources


@dataclass(frozen=True)
class RoleParent(WireModel):
    """The parent of a role (no id in the SDK's selection)."""

    code: str | None = None
    namespace: str | None = None
    arn: str | None = None
    description: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    raw: dict[str, Any] = _raw()


@dataclass(frozen=True)
class Role(WireModel):
    """A role the user holds."""

    id: str | None = None
    code: str | None = None
    namespace: str | None = None
    arn: str | None = None
    description: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    parent: RoleParent | None = None
    raw: dict[str, Any] = _raw()

    @classmethod
    def _convert(cls, values: dict[str, Any]) -> None:
        parent = values.get("parent")
        values["parent"] = RoleParent.from_wire(parent) if parent is not None else None


@dataclass(frozen=True)
class Resource(WireModel):
    """A resource the user is authorized for, with the allowed actions."""

    code: str | None = None
    type: str | None = None
    actions: list[str] = field(default_factory=list)
    raw: dict[str, Any] = _raw()

    @classmethod
    def _convert(cls, values: dict[str, Any]) -> None:
        values["actions"] = list(values.get("actions") or [])


@dataclass(frozen=True)
class Page(Generic[T]):
    """A ``{totalCount, list}`` page of models."""

    total_count: int = 0
    items: list[T] = field(default_factory=list)
    raw: dict[str, Any] = _raw()


def page_of(model: type[M], data: Any) -> Page[M]:
    """``{totalCount, list}`` with the items built as ``model``."""
    mapping = _mapping(data, "page")
    items = _list_of(model, mapping.get("list"))
    total = mapping.get("totalCount")
    return Page(total_count=total if isinstance(total, int) else len(items), items=items,
                raw=dict(mapping))


# ------------------------------------------------------------ apps, orgs, departments


@dataclass(frozen=True)
class Application(WireModel):
    """An application the user may use."""

    id: str | None = None
    name: str | None = None
    logo: str | None = None
    domain: str | None = None
    description: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    protocol: str | None = None
    raw: dict[str, Any] = _raw()


@dataclass(frozen=True)
class OrgNode(WireModel):
    """One item of an organization path: the org itself (``type == "org"``, no name) first,
    then its nodes from the root down to the user's node (``type == "node"``)."""

    id: str | None = None
    type: str | None = None
    org_id: str | None = None
    root_node_id: str | None = None
    user_pool_id: str | None = None
    name: str | None = None
    name_i18n: Any = None
    description: str | None = None
    description_i18n: Any = None
    code: str | None = None
    order: int | None = None
    logo: str | None = None
    leader_user_id: str | None = None
    root: bool | None = None
    depth: int | None = None
    path: list[str] | None = None
    code_path: list[str] | None = None
    name_path: list[str] | None = None
    children: list[str] | None = None
    created_at: str | None = None
    updated_at: str | None = None
    raw: dict[str, Any] = _raw()


def org_paths(data: Any) -> list[list[OrgNode]]:
    """``users/me/orgs``: a list of paths, each a list of nodes."""
    if data is None:
        return []
    if not isinstance(data, list):
        raise MalformedResponse("org list is not a list")
    paths: list[list[OrgNode]] = []
    for path in data:
        paths.append(_list_of(OrgNode, path))
    return paths


@dataclass(frozen=True)
class Department(WireModel):
    """A department (an org node) as selected by ``getUserDepartments``."""

    id: str | None = None
    org_id: str | None = None
    name: str | None = None
    name_i18n: Any = None
    description: str | None = None
    description_i18n: Any = None
    order: int | None = None
    code: str | None = None
    root: bool | None = None
    depth: int | None = None
    path: list[str] | None = None
    code_path: list[str] | None = None
    name_path: list[str] | None = None
    created_at: str | None = None
    updated_at: str | None = None
    children: list[str] | None = None
    raw: dict[str, Any] = _raw()


@dataclass(frozen=True)
class UserDepartment(WireModel):
    """The user's membership in one department."""

    department: Department | None = None
    is_main_department: bool | None = None
    joined_at: str | None = None
    raw: dict[str, Any] = _raw()

    @classmethod
    def _convert(cls, values: dict[str, Any]) -> None:
        department = values.get("department")
        values["department"] = (
            Department.from_wire(department) if department is not None else None)


# ---------------------------------------------------------------------------- OIDC


@dataclass(frozen=True)
class TokenSet(WireModel):
    """The OIDC/OAuth token endpoint's answer to an authorization code."""

    access_token: str | None = field(default=None, repr=False, metadata={"wire": "access_token"})
    id_token: str | None = field(default=None, repr=False, metadata={"wire": "id_token"})
    refresh_token: str | None = field(
        default=None, repr=False, metadata={"wire": "refresh_token"})
    expires_in: int | None = _wire("expires_in")
    token_type: str | None = _wire("token_type")
    scope: str | None = None
    raw: dict[str, Any] = _raw()


@dataclass(frozen=True)
class UserInfo(WireModel):
    """OIDC userinfo claims (``sub`` and the standard profile claims in ``raw``)."""

    sub: str | None = None
    name: str | None = None
    nickname: str | None = None
    preferred_username: str | None = _wire("preferred_username")
    email: str | None = None
    email_verified: bool | None = _wire("email_verified")
    phone_number: str | None = _wire("phone_number")
    phone_number_verified: bool | None = _wire("phone_number_verified")
    picture: str | None = None
    raw: dict[str, Any] = _raw()

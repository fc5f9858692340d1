"""Async Authing v2 API layer (httpx, no Qt): the AuthenticationClient operations, typed
results and errors."""

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.errors import (
    ApiError,
    AuthingArgumentError,
    AuthingError,
    MalformedResponse,
    NetworkError,
    RequestTimeout,
)
from authing_desktop.api.models import (
    Application,
    CommonMessage,
    Department,
    LoginStatus,
    OrgNode,
    Page,
    PasswordStrength,
    RefreshResult,
    Resource,
    Role,
    SecurityLevel,
    TokenSet,
    UdfValue,
    User,
    UserDepartment,
    UserInfo,
)
from authing_desktop.api.profile import ConnectionProfile
from authing_desktop.api.transport import CallObserver, CallRecord
from authing_desktop.api.user_messages import user_message_source

__all__ = [
    "ApiError",
    "Application",
    "AuthenticationClient",
    "AuthingArgumentError",
    "AuthingError",
    "CallObserver",
    "CallRecord",
    "CommonMessage",
    "ConnectionProfile",
    "Department",
    "LoginStatus",
    "MalformedResponse",
    "NetworkError",
    "OrgNode",
    "Page",
    "PasswordStrength",
    "RefreshResult",
    "RequestTimeout",
    "Resource",
    "Role",
    "SecurityLevel",
    "TokenSet",
    "UdfValue",
    "User",
    "UserDepartment",
    "UserInfo",
    "user_message_source",
]

"""`AuthenticationClient`: every operation of the Authing v2 SDK's AuthenticationClient, async.

Usage::

    profile = ConnectionProfile(host="https://pool.example", app_id="...", user_pool_id="...")
    async with AuthenticationClient(profile) as client:
        user = await client.login_by_email("a@example.com", "secret")
        level = await client.get_security_level()
"""

from __future__ import annotations

from authing_desktop.api.access import AccessOperations
from authing_desktop.api.account import AccountOperations
from authing_desktop.api.authentication import AuthenticationOperations
from authing_desktop.api.custom_data import CustomDataOperations
from authing_desktop.api.linked_accounts import LinkedAccountOperations
from authing_desktop.api.mfa import MfaOperations
from authing_desktop.api.oidc import OidcOperations
from authing_desktop.api.passkeys import PasskeyOperations
from authing_desktop.api.self_service import SelfServiceOperations
from authing_desktop.api.step_up_operations import StepUpOperations


class AuthenticationClient(
    AuthenticationOperations,
    AccountOperations,
    CustomDataOperations,
    AccessOperations,
    OidcOperations,
    MfaOperations,
    SelfServiceOperations,
    PasskeyOperations,
    LinkedAccountOperations,
    StepUpOperations,
):
    """One user pool connection: a keep-alive HTTP client, the password key and the session
    (``token``, ``current_user``). Wire-compatible with authing==4.5.18's AuthenticationClient,
    with its bugs fixed (docs/protocol.md#sdk-bugs-the-client-fixes). Not safe to share
    between event loops; close it with `aclose` (or ``async with``)."""

"""MFA through the api layer against the local pool: TOTP enrolment with real codes, the
1635 / 1636 challenge read with `MfaChallenge`, and completing it with a TOTP, the recovery
code (the next one works, the used one not), an SMS or an email code."""

from __future__ import annotations

import time
from collections.abc import Callable

import pyotp
import pytest

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.errors import AuthingArgumentError, AuthingError
from authing_desktop.api.self_service_models import MfaChallenge
from tests.api.support import client_for, run
from tests.api.test_authentication import PASSWORD, new_phone
from tests.fixtures.pool import RunningPool, unique


async def _challenge(client: AuthenticationClient, email: str) -> MfaChallenge:
    with pytest.raises(AuthingError) as caught:
        await client.login_by_email(email, PASSWORD)
    challenge = MfaChallenge.from_error(caught.value)
    assert challenge is not None, caught.value
    return challenge


async def _enrol_totp(client: AuthenticationClient) -> tuple[pyotp.TOTP, str]:
    enrollment = await client.associate_mfa_authenticator()
    assert enrollment.secret and enrollment.qrcode_uri and enrollment.recovery_code
    assert enrollment.secret not in repr(enrollment)
    totp = pyotp.TOTP(enrollment.secret)
    assert await client.confirm_associate_mfa_authenticator(totp.now()) is None
    return totp, enrollment.recovery_code


def test_totp_sign_in_and_recovery_codes(pool: RunningPool) -> None:
    email = f"{unique('mfa')}@example.com"

    async def scenario() -> None:
        async with client_for(pool) as owner:
            await owner.register_by_email(email, PASSWORD, force_login=True)
            assert await owner.get_mfa_authenticators() == []
            before = (await owner.get_security_level()).score or 0
            totp, recovery = await _enrol_totp(owner)
            authenticators = await owner.get_mfa_authenticators()
            assert [a.enable for a in authenticators] == [True]
            level = await owner.get_security_level()
            assert level.mfa is True and level.score == before + 20

        async with client_for(pool) as client:
            challenge = await _challenge(client, email)
            assert challenge.code == 1635 and challenge.factors == ["OTP"]
            assert challenge.email == email and challenge.mfa_token not in repr(challenge)
            assert client.token is None
            with pytest.raises(AuthingError) as caught:
                await client.verify_totp_mfa(challenge.mfa_token, "12345x")
            assert caught.value.code == 6001
            user = await client.verify_totp_mfa(challenge.mfa_token, totp.now())
            assert user.email == email and user.token
            assert client.token == user.token and client.current_user == user
            assert (await client.get_current_user()).id == user.id

        async with client_for(pool) as client:
            challenge = await _challenge(client, email)
            with pytest.raises(AuthingError) as caught:
                await client.verify_totp_recovery_code(challenge.mfa_token, "0000-0000-0000")
            assert caught.value.code == 6002
            result = await client.verify_totp_recovery_code(challenge.mfa_token, recovery)
            assert result.user.token and client.token == result.user.token
            assert result.recovery_code != recovery
            assert result.recovery_code not in repr(result)
            fresh = result.recovery_code

        async with client_for(pool) as client:
            challenge = await _challenge(client, email)
            with pytest.raises(AuthingError) as caught:  # the used code is dead
                await client.verify_totp_recovery_code(challenge.mfa_token, recovery)
            assert caught.value.code == 6002
            result = await client.verify_totp_recovery_code(challenge.mfa_token, fresh)
            assert result.user.email == email
            # The spent challenge cannot sign in again.
            with pytest.raises(AuthingError) as caught:
                await client.verify_totp_mfa(challenge.mfa_token, totp.at(time.time() + 30))
            assert caught.value.code == 2021
            assert await client.delete_mfa_authenticator() is True
            with pytest.raises(AuthingError):
                await client.delete_mfa_authenticator()
            assert (await client.login_by_email(email, PASSWORD)).token  # no challenge

    run(scenario())


def test_sms_and_email_second_factors(make_pool: Callable[..., RunningPool]) -> None:
    pool = make_pool(resend_interval=0)  # codes to one phone back to back
    email = f"{unique('mfa')}@example.com"
    phone = new_phone()
    mfa_email = f"{unique('second')}@example.com"

    async def scenario() -> None:
        async with client_for(pool) as owner:
            await owner.register_by_email(email, PASSWORD, force_login=True)
            started = await owner.send_enroll_factor_request("SMS", phone=phone)
            assert started.enrollment_token and started.secret is None
            await owner.enroll_factor("SMS", started.enrollment_token, pool.latest_code(phone))
            factors = await owner.list_enrolled_factors()
            assert [(f.factor_type, f.profile) for f in factors] == [
                ("SMS", {"phoneNumber": phone})]
            assert await owner.list_factors_to_enroll() == ["OTP", "EMAIL"]

        async with client_for(pool) as client:
            challenge = await _challenge(client, email)
            assert challenge.code == 1636 and challenge.factors == ["SMS"]
            assert challenge.mfa_phone == phone
            assert await client.phone_or_email_bindable(challenge.mfa_token, phone=new_phone())
            await client.send_mfa_sms_code(phone)
            code = pool.latest_code(phone)
            with pytest.raises(AuthingError) as caught:
                await client.verify_app_sms_mfa(challenge.mfa_token, phone,
                                                "000000" if code != "000000" else "111111")
            assert caught.value.code == 2001
            user = await client.verify_app_sms_mfa(challenge.mfa_token, phone, code)
            assert user.token and client.token == user.token
            started = await client.send_enroll_factor_request("EMAIL", email=mfa_email)
            await client.enroll_factor("EMAIL", str(started.enrollment_token),
                                       pool.latest_code(mfa_email))

        async with client_for(pool) as client:
            challenge = await _challenge(client, email)
            assert challenge.factors == ["SMS", "EMAIL"] and challenge.mfa_email == mfa_email
            await client.send_mfa_email_code(mfa_email)
            user = await client.verify_app_email_mfa(challenge.mfa_token, mfa_email,
                                                     pool.latest_code(mfa_email))
            assert user.email == email
            for factor in await client.list_enrolled_factors():
                assert await client.reset_factor(str(factor.factor_id))
            assert await client.list_enrolled_factors() == []
            assert (await client.login_by_email(email, PASSWORD)).token

    run(scenario())


def test_mfa_argument_checks(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            with pytest.raises(AuthingArgumentError):
                await client.verify_totp_mfa("", "123456")
            with pytest.raises(AuthingArgumentError):
                await client.associate_mfa_authenticator(source="ELSEWHERE")
            with pytest.raises(AuthingArgumentError):
                await client.send_enroll_factor_request("FACE")
            with pytest.raises(AuthingArgumentError):
                await client.phone_or_email_bindable("token")
            with pytest.raises(AuthingError) as caught:
                await client.verify_totp_mfa("not-a-token", "123456")
            assert caught.value.code == 2021
            assert MfaChallenge.from_error(caught.value) is None
            assert MfaChallenge.from_error(AuthingError(1635, "no data")) is None

    run(scenario())

"""Security presenter against the local pool: the score and checklist follow binding a phone
and a stronger password; the password change checks old password and pool policy."""

from __future__ import annotations

import random
from typing import Any

from authing_desktop.presenters.security import SecurityPresenter, method_states
from authing_desktop.services.app_services import AppServices
from tests.fixtures.account_session import ACCOUNT_PASSWORD, SignedInSession, pool_client, settle
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool


def _open(presenter: SecurityPresenter) -> list[str]:
    assert presenter.overview is not None
    return [item.key for item in presenter.overview.items if not item.done]


def test_score_follows_phone_and_stronger_password(
        qtbot: Any, app_services: AppServices, account: SignedInSession,
        pool: RunningPool) -> None:
    presenter = SecurityPresenter(account, app_services.tasks)
    settle(qtbot, presenter.load())
    assert presenter.overview is not None
    first = presenter.overview.score
    assert first == 50  # password 20 + medium strength 10 + email 20
    assert _open(presenter) == ["strongPassword", "phone", "mfa"]
    # The ways to sign in: a medium password is weak, codes go to the email only, no
    # authenticator and so no recovery code.
    states = {s.key: s for s in method_states(presenter.overview, False)}
    assert states["password"].on and states["password"].weak
    assert states["code"].on and states["code"].email and not states["code"].phone
    assert states["authenticator"].on is False and states["recovery"].on is False
    assert all(s.on is None for s in method_states(None, None))
    targets = {item.key: item.target for item in presenter.overview.items}
    assert targets["phone"] == "contacts" and targets["strongPassword"] == "security"

    phone = "139" + "".join(random.choices("0123456789", k=8))
    drive(qtbot, account.client.send_sms_code(phone))
    drive(qtbot, account.client.bind_phone(phone, pool.latest_code(phone)))
    settle(qtbot, presenter.load())
    assert presenter.overview.score == first + 20
    assert _open(presenter) == ["strongPassword", "mfa"]

    changed: list[bool] = []
    presenter.password_changed.connect(lambda: changed.append(True))
    assert settle(qtbot, presenter.change_password(
        ACCOUNT_PASSWORD, "Much-Str0nger-Passw0rd", "Much-Str0nger-Passw0rd")) is True
    assert changed == [True]
    assert presenter.overview.score == first + 30
    assert _open(presenter) == ["mfa"]
    states = {s.key: s for s in method_states(presenter.overview, True)}
    assert not states["password"].weak and states["code"].phone and states["recovery"].on

    async def sign_in_with_new_password() -> str:
        async with pool_client(pool) as other:
            return (await other.login_by_email(account.account, "Much-Str0nger-Passw0rd")).id

    assert drive(qtbot, sign_in_with_new_password()) == account.user.id  # type: ignore[union-attr]


def test_password_change_errors(qtbot: Any, app_services: AppServices,
                                account: SignedInSession) -> None:
    presenter = SecurityPresenter(account, app_services.tasks)
    settle(qtbot, presenter.load())

    assert settle(qtbot, presenter.change_password("", "abc", "abd")) is False
    assert set(presenter.field_errors) == {"old", "new", "confirm"}

    # The pool's policy: two character classes at least.
    assert settle(qtbot, presenter.change_password(
        ACCOUNT_PASSWORD, "onlylowercase", "onlylowercase")) is None
    assert "two" in presenter.field_errors["new"]
    assert presenter.error == "Choose a password the user pool accepts."

    assert settle(qtbot, presenter.change_password(
        "wrong-0ld-password", "N3w-password!", "N3w-password!")) is None
    assert presenter.error == "The current password is wrong."
    assert presenter.detail  # the server's own words under the translated text

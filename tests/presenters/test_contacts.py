"""Phone & email presenter against the local pool: bind, change (old and new proven) and
unbind phone and email with codes from the outbox; wrong code, expired code, the last-method
2217 refusal, the verification mail and the send-code countdown."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from authing_desktop.presenters.contacts import OLD_PHONE, PHONE, ContactsPresenter
from authing_desktop.services.app_services import AppServices
from tests.fixtures.account_session import SignedInSession, settle
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, start_pool, unique


def new_phone() -> str:
    return "139" + "".join(random.choices("0123456789", k=8))


@pytest.fixture(scope="module")
def quick_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPool]:
    """Codes may be re-sent at once: a change proves the phone that was just bound."""
    running = start_pool(tmp_path_factory.mktemp("quick"), resend_interval=0)
    try:
        yield running
    finally:
        running.stop()


def _signed_in(qtbot: Any, pool: RunningPool) -> SignedInSession:
    from tests.fixtures.account_session import ACCOUNT_PASSWORD, _sign_in

    return drive(qtbot, _sign_in(pool, f"{unique('c')}@example.com", ACCOUNT_PASSWORD,
                                 register=True))


@pytest.fixture
def quick_account(qloop: Any, qtbot: Any, quick_pool: RunningPool) -> Iterator[SignedInSession]:
    session = _signed_in(qtbot, quick_pool)
    yield session
    drive(qtbot, session.client.aclose())


def test_bind_change_and_unbind_phone(qtbot: Any, app_services: AppServices,
                                      quick_account: SignedInSession,
                                      quick_pool: RunningPool) -> None:
    presenter = ContactsPresenter(quick_account, app_services.tasks)
    settle(qtbot, presenter.load())
    assert presenter.contacts.phone == ""
    assert presenter.contacts.email == quick_account.account
    done: list[str] = []
    presenter.completed.connect(done.append)

    phone = new_phone()
    assert settle(qtbot, presenter.send_phone_code(phone)) is True
    assert presenter.cooldowns[PHONE].active and presenter.cooldowns[PHONE].remaining == 60
    assert settle(qtbot, presenter.bind_phone(phone, "000000")) is None
    assert presenter.error == "The verification code is wrong."
    refreshes = quick_account.refreshes
    assert settle(qtbot, presenter.bind_phone(phone, quick_pool.latest_code(phone))) is True
    assert presenter.contacts.phone == phone and presenter.contacts.phone_verified
    assert quick_account.user is not None and quick_account.user.phone == phone
    assert quick_account.refreshes == refreshes  # the mutation's own answer: one round trip
    assert done == ["phoneBound"]
    assert not presenter.cooldowns[PHONE].active  # a new action starts afresh

    second = new_phone()
    settle(qtbot, presenter.send_old_phone_code())
    settle(qtbot, presenter.send_phone_code(second))
    assert presenter.cooldowns[OLD_PHONE].active
    old_code = quick_pool.latest_code(phone)
    assert settle(qtbot, presenter.change_phone(second, quick_pool.latest_code(second),
                                                old_code)) is True
    assert presenter.contacts.phone == second
    assert done[-1] == "phoneChanged"

    assert settle(qtbot, presenter.unbind_phone()) is True
    assert presenter.contacts.phone == ""
    assert done[-1] == "phoneUnbound"


def test_bind_change_unbind_email_and_last_method(qtbot: Any, app_services: AppServices,
                                                  quick_account: SignedInSession,
                                                  quick_pool: RunningPool) -> None:
    presenter = ContactsPresenter(quick_account, app_services.tasks)
    settle(qtbot, presenter.load())

    # The email is the only way to sign in (no username, no phone): 2217, said plainly.
    assert settle(qtbot, presenter.unbind_email()) is None
    assert presenter.error == "This is your only way to sign in, so it cannot be removed."
    assert presenter.contacts.email == quick_account.account

    new_email = f"{unique('n')}@example.com"
    settle(qtbot, presenter.send_old_email_code())
    settle(qtbot, presenter.send_email_code(new_email))
    old_code = quick_pool.latest_code(quick_account.account, "CHANGE_EMAIL")
    assert settle(qtbot, presenter.change_email(new_email, quick_pool.latest_code(new_email),
                                                old_code)) is True
    assert presenter.contacts.email == new_email and presenter.contacts.email_verified

    # With a phone bound the email may go, and a new one can be bound.
    phone = new_phone()
    settle(qtbot, presenter.send_phone_code(phone))
    settle(qtbot, presenter.bind_phone(phone, quick_pool.latest_code(phone)))
    assert settle(qtbot, presenter.unbind_email()) is True
    assert presenter.contacts.email == ""
    third = f"{unique('t')}@example.com"
    settle(qtbot, presenter.send_email_code(third))
    assert settle(qtbot, presenter.bind_email(third, quick_pool.latest_code(third))) is True
    assert presenter.contacts.email == third


def test_input_is_checked_before_sending(qtbot: Any, app_services: AppServices,
                                         account: SignedInSession) -> None:
    presenter = ContactsPresenter(account, app_services.tasks)
    settle(qtbot, presenter.load())
    assert settle(qtbot, presenter.send_phone_code("12")) is False
    assert "phone" in presenter.field_errors
    assert settle(qtbot, presenter.bind_email("not-an-email", "12ab")) is False
    assert set(presenter.field_errors) == {"email", "emailCode"}
    assert not presenter.cooldowns[PHONE].active


def test_phone_taken_and_send_rate_limit(qtbot: Any, app_services: AppServices,
                                         account: SignedInSession, pool: RunningPool) -> None:
    presenter = ContactsPresenter(account, app_services.tasks)
    settle(qtbot, presenter.load())
    phone = new_phone()
    settle(qtbot, presenter.send_phone_code(phone))
    # The session pool keeps the default 60 s resend interval. The countdown forgotten (a
    # restart), the server's refusal says how long to wait: the send button counts that down.
    presenter.cooldowns[PHONE].stop()
    assert settle(qtbot, presenter.send_phone_code(phone)) is None
    assert "wait a minute" in presenter.error
    assert 0 < presenter.cooldowns[PHONE].remaining <= 60
    assert settle(qtbot, presenter.bind_phone("18800000000", "123456")) is None
    assert presenter.error == "This phone number is already in use."


def test_expired_code(qtbot: Any, app_services: AppServices, qloop: Any,
                      make_pool: Callable[..., RunningPool]) -> None:
    short = make_pool(code_lifetime=60)
    session = _signed_in(qtbot, short)
    try:
        presenter = ContactsPresenter(session, app_services.tasks)
        settle(qtbot, presenter.load())
        phone = new_phone()
        settle(qtbot, presenter.send_phone_code(phone))
        code = short.latest_code(phone)
        short.advance_clock(61)
        assert settle(qtbot, presenter.bind_phone(phone, code)) is None
        assert presenter.error == \
            "The verification code has expired. Please request a new one."
    finally:
        drive(qtbot, session.client.aclose())


def test_verification_mail_for_an_unverified_email(qtbot: Any, app_services: AppServices,
                                                   account: SignedInSession,
                                                   pool: RunningPool, tmp_path: Path) -> None:
    presenter = ContactsPresenter(account, app_services.tasks)
    settle(qtbot, presenter.load())
    assert not presenter.contacts.email_verified  # registered without a code
    done: list[str] = []
    presenter.completed.connect(done.append)
    assert settle(qtbot, presenter.send_verification_email()) is True
    assert done == ["verificationSent"]
    assert pool.latest_code(account.account, "VERIFY_EMAIL")

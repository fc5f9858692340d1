"""The Security Checkup: the step evaluation with data (green, amber and why, the one-phone
warning), and the presenter against the local pool (what it reads, the fixes it runs, what the
summary counts)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from authing_desktop.presenters.checkup_steps import (
    Change,
    CheckupFacts,
    Connection,
    Fix,
    Reason,
    Step,
    evaluate,
)
from authing_desktop.presenters.devices import DeviceRow
from authing_desktop.presenters.security_checkup import SecurityCheckupPresenter, row_key
from authing_desktop.services.app_services import AppServices
from tests.fixtures.account_session import ACCOUNT_PASSWORD, SignedInSession, pool_client, settle
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import login_email, rest

NOW = dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)
HEALTHY = CheckupFacts(phone="13900000000", phone_verified=True, email="a@example.com",
                       email_verified=True, has_password=True, password_level=3,
                       password_set_at=NOW - dt.timedelta(days=30), authenticator_on=True,
                       recovery_code=True)


def _states(facts: CheckupFacts, confirmed: frozenset[Step] = frozenset()) -> dict[Step, Any]:
    return {state.step: state for state in evaluate(facts, NOW, confirmed)}


def _replace(**changes: Any) -> CheckupFacts:
    import dataclasses

    return dataclasses.replace(HEALTHY, **changes)


def test_a_healthy_account_is_green_in_every_step_in_order() -> None:
    states = evaluate(HEALTHY, NOW)
    assert [s.step for s in states] == list(Step)
    assert all(s.ok and s.fix == Fix.NONE for s in states)
    assert states[0].reason == Reason.CONTACTS_OK and states[0].count == 2
    assert states[3].when == NOW - dt.timedelta(days=30)


def test_contacts_missing_or_unverified() -> None:
    none = _states(_replace(phone="", email=""))[Step.CONTACTS]
    assert (none.ok, none.reason, none.fix) == (False, Reason.NO_CONTACT, Fix.CONTACTS_PAGE)
    email = _states(_replace(email_verified=False))[Step.CONTACTS]
    assert (email.ok, email.reason, email.fix) == (False, Reason.EMAIL_UNVERIFIED,
                                                   Fix.VERIFY_EMAIL)
    phone = _states(_replace(phone_verified=False))[Step.CONTACTS]
    assert phone.reason == Reason.PHONE_UNVERIFIED and phone.fix == Fix.CONTACTS_PAGE
    only_email = _states(_replace(phone=""))[Step.CONTACTS]
    assert only_email.ok and only_email.count == 1


def test_recovery_code_and_second_factor() -> None:
    off = _states(_replace(authenticator_on=False, recovery_code=False))
    assert off[Step.RECOVERY_CODE].fix == Fix.TWO_STEP
    assert off[Step.RECOVERY_CODE].reason == Reason.CODE_NEEDS_AUTHENTICATOR
    assert (off[Step.SECOND_FACTOR].reason, off[Step.SECOND_FACTOR].fix) == (
        Reason.NO_FACTOR, Fix.TWO_STEP)
    lost = _states(_replace(recovery_code=False))
    assert lost[Step.RECOVERY_CODE].fix == Fix.RECOVERY_CODE
    # A pool that cannot tell: the authenticator came with a code.
    assert _states(_replace(recovery_code=None))[Step.RECOVERY_CODE].ok


def test_the_only_second_factor_on_one_phone_without_a_recovery_code_is_a_warning() -> None:
    sms = _replace(authenticator_on=False, recovery_code=False, factor_types=("SMS",),
                   sms_phones=("13900000000",))
    state = _states(sms)[Step.SECOND_FACTOR]
    assert (state.ok, state.reason, state.fix) == (False, Reason.ONE_PHONE, Fix.TWO_STEP)
    # The authenticator alone, its code lost: make a new code.
    app = _states(_replace(recovery_code=False))[Step.SECOND_FACTOR]
    assert (app.reason, app.fix) == (Reason.ONE_PHONE, Fix.RECOVERY_CODE)
    # A second way that is not that phone, or a recovery code: no warning.
    assert _states(sms.__class__(**{**sms.__dict__, "factor_types": ("EMAIL", "SMS")}))[
        Step.SECOND_FACTOR].ok
    two_phones = _replace(authenticator_on=False, recovery_code=False, factor_types=("SMS",),
                          sms_phones=("13900000000", "13900000001"))
    assert _states(two_phones)[Step.SECOND_FACTOR].ok
    assert _states(_replace(factor_types=("SMS",)))[Step.SECOND_FACTOR].count == 2
    # A security key still signs in when the phone is lost.
    with_key = _replace(authenticator_on=False, recovery_code=False, factor_types=("SMS",),
                        sms_phones=("13900000000",), passkeys=1)
    assert _states(with_key)[Step.SECOND_FACTOR].ok


def test_password_missing_weak_or_old() -> None:
    assert _states(_replace(has_password=False))[Step.PASSWORD].reason == Reason.NO_PASSWORD
    weak = _states(_replace(password_level=2))[Step.PASSWORD]
    assert (weak.ok, weak.reason, weak.fix) == (False, Reason.WEAK_PASSWORD, Fix.PASSWORD)
    old = _states(_replace(password_set_at=NOW - dt.timedelta(days=400)))[Step.PASSWORD]
    assert (old.ok, old.reason) == (False, Reason.OLD_PASSWORD)
    assert old.when == NOW - dt.timedelta(days=400)
    unknown_age = _states(_replace(password_set_at=None))[Step.PASSWORD]
    assert unknown_age.ok and unknown_age.when is None


def test_list_steps_are_amber_until_acted_on_or_confirmed() -> None:
    device = DeviceRow("d1", "", "Android", "Chrome", "10.0.0.2", None, None, True, False)
    facts = _replace(other_devices=(device, device),
                     connections=(Connection("identity", "idp1", "github"),))
    states = _states(facts)
    assert (states[Step.DEVICES].ok, states[Step.DEVICES].count) == (False, 2)
    assert states[Step.DEVICES].fix == Fix.SIGN_OUT_DEVICE
    assert states[Step.CONNECTIONS].fix == Fix.REMOVE_CONNECTION
    assert states[Step.ACTIVITY].ok and states[Step.ACTIVITY].reason == Reason.NO_EVENTS
    confirmed = _states(facts, frozenset({Step.DEVICES}))
    assert confirmed[Step.DEVICES].ok and confirmed[Step.DEVICES].reason == (
        Reason.DEVICES_CONFIRMED)
    assert not confirmed[Step.CONNECTIONS].ok


def test_the_presenter_reads_the_account_and_counts_the_fixes(
        qtbot: Any, app_services: AppServices, account: SignedInSession,
        pool: RunningPool) -> None:
    drive(qtbot, account.client.create_device("checkup-test-1", name="Laptop", os="Linux"))
    presenter = SecurityCheckupPresenter(account, app_services.tasks)
    states = settle(qtbot, presenter.load())
    assert states is not None and presenter.facts is not None
    facts = presenter.facts
    by_step = {s.step: s for s in states}
    # A fresh account: an unverified email, a medium password set just now, no second factor.
    assert by_step[Step.CONTACTS].reason == Reason.EMAIL_UNVERIFIED
    assert by_step[Step.SECOND_FACTOR].reason == Reason.NO_FACTOR
    assert by_step[Step.PASSWORD].reason == Reason.WEAK_PASSWORD
    assert facts.password_set_at is not None
    assert abs(facts.password_set_at - dt.datetime.now(dt.UTC)) < dt.timedelta(hours=1)
    assert by_step[Step.DEVICES].ok and by_step[Step.ACTIVITY].ok, facts
    assert by_step[Step.CONNECTIONS].ok

    # Another computer signs in (another User-Agent: another device to the pool).
    other = login_email(pool, account.account, ACCOUNT_PASSWORD)
    settle(qtbot, presenter.load())
    devices = presenter.facts.other_devices
    assert len(devices) == 1 and devices[0].online and not devices[0].current
    assert [row.success for row in presenter.facts.sign_ins] == [True]
    activity = presenter.state_of(Step.ACTIVITY)
    assert activity is not None and (activity.ok, activity.count) == (False, 1)
    presenter.confirm(Step.ACTIVITY)
    activity = presenter.state_of(Step.ACTIVITY)
    assert activity is not None and activity.reason == Reason.EVENTS_CONFIRMED

    running: list[str] = []
    presenter.running_changed.connect(running.append)
    assert settle(qtbot, presenter.sign_out_device(devices[0].device_id)) is True
    qtbot.waitUntil(lambda: presenter.running == "")  # a task's end callbacks run a turn later
    assert running == [f"devices:{devices[0].device_id}", ""]
    assert presenter.facts.other_devices == ()
    assert presenter.state_of(Step.DEVICES).ok  # type: ignore[union-attr]
    assert rest(pool, "GET", "/api/v2/users/me", other["token"])["code"] == 2020
    # A fix started while another runs replaces it; the first one's end leaves the second's
    # row busy until the second ends.
    running.clear()
    replaced = presenter.sign_out_device("no-such-device")
    sent = presenter.send_verification()
    # Runs right after the presenter's own end of the replaced fix (callbacks run in the order
    # they were added), long before the second fix has its answer from the pool.
    at_its_end: list[str] = []
    replaced.add_done_callback(lambda _t: at_its_end.append(presenter.running))
    assert settle(qtbot, sent) is True
    assert replaced.cancelled() and at_its_end == [Step.CONTACTS.value]
    qtbot.waitUntil(lambda: presenter.running == "")  # the second fix's own end, a turn later
    assert running == [row_key(Step.DEVICES, "no-such-device"), Step.CONTACTS.value, ""]
    assert presenter.verification_sent
    assert any(m["to"] == account.account and m["scene"] == "VERIFY_EMAIL"
               for m in pool.outbox())
    assert presenter.changes == {Change.DEVICES_SIGNED_OUT: 1, Change.VERIFICATION_SENT: 1}


def test_a_linked_account_is_unlinked_from_its_row(qtbot: Any, app_services: AppServices,
                                                   pool: RunningPool) -> None:
    from tests.fixtures.pool import unique
    from tests.localpool.helpers import gql, unique_phone
    from tests.localpool.test_mfa import BIND_PHONE, call

    # A WeChat sign-in, with a phone bound so that the link is not the only way in.
    issued = call(pool, "POST", "/_localpool/wechat/code", json={"identity": unique("wx")},
                  headers=pool.admin_headers)["data"]
    signed_in = call(pool, "GET", f"/connection/social/wechat:mobile/{pool.user_pool_id}"
                     f"/callback?code={issued['code']}")
    token = signed_in["data"]["token"]
    phone = unique_phone()
    call(pool, "POST", "/api/v2/sms/send", json={"phone": phone})
    gql(pool, BIND_PHONE, {"phone": phone, "phoneCode": pool.latest_code(phone)}, token)
    client = pool_client(pool)
    client.set_token(token)
    session = SignedInSession(client, drive(qtbot, client.get_current_user()), phone, "")
    try:
        presenter = SecurityCheckupPresenter(session, app_services.tasks)
        settle(qtbot, presenter.load())
        assert presenter.facts is not None
        assert presenter.facts.connections == (
            Connection("identity", "wechat:mobile", "WeChat"),)
        state = presenter.state_of(Step.CONNECTIONS)
        assert state is not None and (state.ok, state.fix) == (False, Fix.REMOVE_CONNECTION)
        assert presenter.state_of(Step.PASSWORD).reason == Reason.NO_PASSWORD  # type: ignore[union-attr]
        assert settle(qtbot, presenter.remove_connection(presenter.facts.connections[0]))
        assert presenter.facts.connections == ()
        assert call(pool, "GET", "/api/v3/get-identities", token)["data"] == []
        assert presenter.changes == {Change.ACCOUNTS_UNLINKED: 1}
    finally:
        drive(qtbot, client.aclose())

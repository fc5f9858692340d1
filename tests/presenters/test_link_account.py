"""Link account presenter: sign in to the secondary account with its own client, refuse the
primary account itself, then the link call (the local pool has no social identities and
refuses; the refusal is shown plainly)."""

from __future__ import annotations

from typing import Any

from authing_desktop.presenters.link_account import (
    CONFIRM,
    EMAIL,
    SIGN_IN,
    USERNAME,
    LinkAccountPresenter,
)
from authing_desktop.services.app_services import AppServices
from tests.fixtures.account_session import SignedInSession, settle
from tests.fixtures.app_services import drive


def test_link_flow(qtbot: Any, app_services: AppServices, account: SignedInSession) -> None:
    presenter = LinkAccountPresenter(account, app_services.tasks)
    primary_token = account.client.token
    stages: list[str] = []
    presenter.stage_changed.connect(stages.append)
    try:
        assert settle(qtbot, presenter.sign_in(EMAIL, "not-an-email", "")) is False
        assert set(presenter.field_errors) == {"account", "password"}

        assert settle(qtbot, presenter.sign_in(EMAIL, account.account, account.password)) \
            is False
        assert "signed in with" in presenter.field_errors["account"]

        assert settle(qtbot, presenter.sign_in(USERNAME, "demo", "wrong")) is None
        assert presenter.error == "Wrong account or password."
        assert presenter.stage == SIGN_IN

        assert settle(qtbot, presenter.sign_in(USERNAME, "demo", "passw0rd")) is True
        assert presenter.stage == CONFIRM and stages == [CONFIRM]
        assert presenter.secondary is not None and presenter.secondary.username == "demo"
        # The session is untouched by the secondary sign-in.
        assert account.client.token == primary_token

        assert settle(qtbot, presenter.link()) is None
        assert presenter.error  # the pool refuses: no social identities to link
        assert presenter.detail
        assert presenter.stage == CONFIRM

        presenter.back()
        assert presenter.stage == SIGN_IN and presenter.error == ""
    finally:
        drive(qtbot, presenter.close())

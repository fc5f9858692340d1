"""The sign-in view model: method switcher, validation, captcha, forced password resets,
remembered accounts, browser sign-in. The view owns the typed text and hands a `SignInForm`
snapshot to `submit`, so nothing here can clear the form."""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from authing_desktop.api.error_codes import ErrorCode
from authing_desktop.presenters.form import SMS, SignInFlowPresenter
from authing_desktop.presenters.identifier_checks import (
    check_code,
    check_email,
    check_password,
    check_phone,
    check_required,
)
from authing_desktop.presenters.second_factor import SecondFactorAsker, SecondFactorPresenter
from authing_desktop.services.browser_sign_in import BrowserSignIn
from authing_desktop.services.errors import UserFacingError
from authing_desktop.services.session import Session

if TYPE_CHECKING:
    from authing_desktop.api.client import AuthenticationClient
    from authing_desktop.api.errors import AuthingError
    from authing_desktop.api.models import User

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "passw0rd"  # noqa: S105 - the local pool's published demo credential



class Method(enum.Enum):
    """Sign-in methods, in switcher order; the value is the widget-name suffix."""

    EMAIL = "email"
    USERNAME = "username"
    PHONE_PASSWORD = "phonePassword"  # noqa: S105 - a method name, not a secret
    PHONE_CODE = "phoneCode"
    LDAP = "ldap"
    AD = "ad"
    SUB_ACCOUNT = "subAccount"

    @property
    def uses_password(self) -> bool:
        return self is not Method.PHONE_CODE

    @property
    def can_auto_register(self) -> bool:
        """autoRegister exists for the email/username/phone password logins only."""
        return self in (Method.EMAIL, Method.USERNAME, Method.PHONE_PASSWORD)

    @property
    def can_captcha(self) -> bool:
        return self in (Method.EMAIL, Method.USERNAME, Method.PHONE_PASSWORD,
                        Method.SUB_ACCOUNT)

    @property
    def identifier_field(self) -> str:
        """The form field holding the account."""
        return {Method.EMAIL: "email", Method.USERNAME: "username",
                Method.PHONE_PASSWORD: "phone", Method.PHONE_CODE: "phone"}.get(self, "account")


class ResetReason(enum.Enum):
    """Why a new password is needed before signing in."""

    FIRST_LOGIN = "firstLogin"  # 1639
    FORCED = "forced"  # 2058


NewPasswordApplier = Callable[[str], Awaitable[None]]


class PasswordResetAsker(Protocol):
    """Asks the user for a new password (the view's dialog). It calls ``apply(new)`` until
    that succeeds (showing its errors) and returns the new password, or None if cancelled."""

    async def ask_new_password(self, reason: ResetReason, account: str,
                               apply: NewPasswordApplier) -> str | None: ...


@dataclass(frozen=True)
class SignInForm:
    """What the user typed. ``account`` is the LDAP/AD/sub-account name."""

    method: Method = Method.EMAIL
    email: str = ""
    username: str = ""
    phone: str = ""
    password: str = ""
    code: str = ""
    account: str = ""
    captcha: str = ""
    auto_register: bool = False
    remember: bool = False


def method_for_account(name: str) -> tuple[Method, str]:
    """The method and field a remembered account name belongs to (names only are stored)."""
    if "@" in name:
        return Method.EMAIL, "email"
    digits = name.lstrip("+")
    if digits.isdigit() and len(digits) >= 6:
        return Method.PHONE_PASSWORD, "phone"
    return Method.USERNAME, "username"



class SignInPresenter(SignInFlowPresenter):
    """``signed_in`` carries the `User`; ``captcha_changed`` the image bytes (b"" hides the
    captcha row); ``method_changed`` the `Method`."""

    signed_in = Signal(object)
    captcha_changed = Signal(bytes)
    method_changed = Signal(object)

    def __init__(self, session: Session, asker: PasswordResetAsker,
                 browser: BrowserSignIn, parent: QObject | None = None, *,
                 second_factor: SecondFactorAsker | None = None, **kwargs: Any) -> None:
        super().__init__(session, parent, **kwargs)
        self._asker = asker
        self._second_factor = second_factor
        self._browser = browser
        self._method = Method.EMAIL
        self._captcha = b""

    # ------------------------------------------------------------------ state

    @property
    def method(self) -> Method:
        return self._method

    @property
    def captcha_required(self) -> bool:
        return bool(self._captcha)

    @property
    def captcha_image(self) -> bytes:
        return self._captcha

    def set_method(self, method: Method) -> None:
        if method is not self._method:
            self._method = method
            self.set_field_errors({})
            self.method_changed.emit(method)

    def remembered_accounts(self) -> tuple[str, ...]:
        return self._session.remembered_accounts()

    def demo_form(self) -> SignInForm:
        """The local pool's demo account, to fill the form with."""
        return SignInForm(method=Method.EMAIL, email=DEMO_EMAIL, password=DEMO_PASSWORD)

    # ------------------------------------------------------------- validation

    def validate(self, form: SignInForm) -> tuple[dict[str, str], dict[str, str]]:
        """``(values to send, errors by field)``; nothing is sent while errors exist."""
        values: dict[str, str] = {}
        errors: dict[str, str] = {}

        def take(field: str, result: tuple[str, str]) -> None:
            values[field], problem = result
            if problem:
                errors[field] = problem

        method = form.method
        if method is Method.EMAIL:
            take("email", check_email(form.email))
        elif method is Method.USERNAME:
            take("username", check_required(form.username, QCoreApplication.translate(
                "SignInPresenter", "Please enter your username.")))
        elif method in (Method.PHONE_PASSWORD, Method.PHONE_CODE):
            take("phone", check_phone(form.phone))
        else:
            take("account", check_required(form.account, QCoreApplication.translate(
                "SignInPresenter", "Please enter your account name.")))
        if method.uses_password:
            take("password", check_password(form.password))
        else:
            take("code", check_code(form.code))
        if self.captcha_required and method.can_captcha:
            take("captcha", check_required(
                form.captcha, QCoreApplication.translate(
                    "SignInPresenter", "Please type the characters shown in the image.")))
        return values, errors

    # ---------------------------------------------------------------- intents

    async def submit(self, form: SignInForm) -> User | None:
        """Validate, sign in, adopt the user into the session."""
        values, errors = self.validate(form)
        self.set_field_errors(errors)
        if errors:
            return None
        self.set_notice("")
        client = await self._session.connection.wait_ready()
        user = await self._login_handling_challenges(client, form, values)
        if user is None:
            return None
        self._set_captcha(b"")
        await self._session.adopt(user, remember=form.remember,
                                  account=values[form.method.identifier_field])
        self.signed_in.emit(user)
        return user

    async def send_phone_code(self, phone: str) -> bool:
        """The SMS code for the phone-code method."""
        return await self.send_code(SMS, phone, field="phone")

    async def refresh_captcha(self) -> None:
        """A new captcha image (the old one may be burnt or unreadable)."""
        from authing_desktop.api.captcha import fetch_captcha

        client = await self._session.connection.wait_ready()
        self._set_captcha(await fetch_captcha(client))

    async def sign_in_with_browser(self, *, remember: bool) -> User | None:
        """The system-browser flow (OIDC + PKCE), when the connection offers it."""
        client = await self._session.connection.wait_ready()
        signed_in = await self._browser.sign_in(client)
        user = signed_in.user
        account = user.email or user.username or user.phone or user.id
        await self._session.adopt(user, remember=remember, account=account,
                                  refresh_token=signed_in.refresh_token)
        self.signed_in.emit(user)
        return user

    # -------------------------------------------------------------- internals

    async def _login_handling_challenges(self, client: AuthenticationClient,
                                         form: SignInForm, values: dict[str, str]) -> User | None:
        from authing_desktop.api.errors import AuthingError

        try:
            return await self._login(client, form, values)
        except AuthingError as error:
            if error.code == ErrorCode.CAPTCHA_REQUIRED and form.method.can_captcha:
                await self.refresh_captcha()
                raise
            if (error.code == ErrorCode.WRONG_CODE and self.captcha_required
                    and form.method.can_captcha):
                # The server calls it a wrong code; for the user it is the picture's text.
                from authing_desktop.services.errors import UserFacingError

                await self.refresh_captcha()  # a wrong answer burns the captcha
                self.set_field_errors({"captcha": QCoreApplication.translate(
                    "SignInPresenter", "That was not the text in the picture.")})
                raise UserFacingError(QCoreApplication.translate(
                    "SignInPresenter",
                    "The captcha was wrong. Type the characters in the new picture.")) from error
            if error.code in (ErrorCode.FIRST_LOGIN_RESET, ErrorCode.FORCED_RESET):
                return await self._reset_then_login(client, form, values, error)
            return await self._second_step_or_raise(client, error)

    async def _second_step_or_raise(self, client: AuthenticationClient,
                                    error: AuthingError) -> User | None:
        """A 1635 / 1636 challenge goes to the second-factor step (whatever the method);
        any other error is raised as it is."""
        from authing_desktop.api.self_service_models import MfaChallenge

        challenge = MfaChallenge.from_error(error)
        if challenge is None or self._second_factor is None:
            raise error
        step = SecondFactorPresenter(client, challenge, self._session.tasks, parent=self)
        try:
            user = await self._second_factor.ask_second_factor(step)
        finally:
            step.deleteLater()
        if user is None:
            self.set_notice(QCoreApplication.translate(
                "SignInPresenter", "Sign-in stopped: the second step was not completed."))
        return user

    async def _login(self, client: AuthenticationClient, form: SignInForm,
                     values: dict[str, str]) -> User:
        method = form.method
        captcha = values.get("captcha") or None
        password = values.get("password", "")
        auto = form.auto_register and method.can_auto_register
        if method is Method.EMAIL:
            return await client.login_by_email(values["email"], password, auto_register=auto,
                                               captcha_code=captcha)
        if method is Method.USERNAME:
            return await client.login_by_username(values["username"], password,
                                                  auto_register=auto, captcha_code=captcha)
        if method is Method.PHONE_PASSWORD:
            return await client.login_by_phone_password(values["phone"], password,
                                                        auto_register=auto, captcha_code=captcha)
        if method is Method.PHONE_CODE:
            return await client.login_by_phone_code(values["phone"], values["code"])
        if method is Method.LDAP:
            return await client.login_by_ldap(values["account"], password)
        if method is Method.AD:
            return await client.login_by_ad(values["account"], password)
        return await client.login_by_sub_account(values["account"], password,
                                                 captcha_code=captcha)

    async def _reset_then_login(self, client: AuthenticationClient, form: SignInForm,
                                values: dict[str, str], error: AuthingError) -> User | None:
        data = error.data if isinstance(error.data, dict) else {}
        token = data.get("token")
        if not isinstance(token, str) or not token:
            raise error
        reason = (ResetReason.FIRST_LOGIN if error.code == ErrorCode.FIRST_LOGIN_RESET
                  else ResetReason.FORCED)
        old_password = values.get("password", "")

        async def apply(new_password: str) -> None:
            if reason is ResetReason.FIRST_LOGIN:
                await client.reset_password_by_first_token(token, new_password)
            else:
                await client.reset_password_with_force_reset(token, old_password, new_password)

        account = values[form.method.identifier_field]
        new_password = await self._asker.ask_new_password(reason, account, apply)
        if new_password is None:
            raise UserFacingError(QCoreApplication.translate(
                "SignInPresenter", "You need to set a new password before you can sign in."))
        self.set_notice(QCoreApplication.translate("SignInPresenter", "Your new password is set."))
        from authing_desktop.api.errors import AuthingError

        try:
            return await self._login(client, replace(form, captcha=""),
                                     {**values, "password": new_password, "captcha": ""})
        except AuthingError as challenged:
            return await self._second_step_or_raise(client, challenged)

    def _set_captcha(self, image: bytes) -> None:
        if image != self._captcha:
            self._captcha = image
            self.captcha_changed.emit(image)

"""The Security Checkup in words (context ``CheckupWording``): each step's title and what it
looks at, why it is green or amber, the label of its fix, and the summary's lines (plural
forms through ``%n``)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QObject

from authing_desktop.presenters.checkup_steps import (
    Change,
    CheckupFacts,
    Fix,
    Reason,
    Step,
    StepState,
)
from authing_desktop.presenters.wording import local_date


class CheckupWording(QObject):
    """The texts; a QObject so that plural forms (``%n``) reach the translation files."""

    def step_title(self, step: Step) -> str:
        titles = {
            Step.CONTACTS: self.tr("Recovery phone and email"),
            Step.RECOVERY_CODE: self.tr("Recovery code"),
            Step.SECOND_FACTOR: self.tr("Second step at sign-in"),
            Step.PASSWORD: self.tr("Password"),
            Step.DEVICES: self.tr("Devices and sessions"),
            Step.ACTIVITY: self.tr("Recent security events"),
            Step.CONNECTIONS: self.tr("Linked accounts and apps"),
        }
        return titles[step]

    def step_intro(self, step: Step) -> str:
        """What the step looks at and why it matters."""
        intros = {
            Step.CONTACTS: self.tr(
                "A verified phone number or email address lets you reset your password and "
                "get back in if you are locked out."),
            Step.RECOVERY_CODE: self.tr(
                "A recovery code gets you past the second step when your authenticator is "
                "not at hand. Keep it somewhere safe."),
            Step.SECOND_FACTOR: self.tr(
                "A second step at sign-in stops someone who learned your password."),
            Step.PASSWORD: self.tr(
                "A long password that you use nowhere else, changed now and then."),
            Step.DEVICES: self.tr(
                "These devices are signed in to your account now. Sign out any you do not "
                "recognise."),
            Step.ACTIVITY: self.tr(
                "Sign-in attempts from other devices in the last 30 days. If one was not you, "
                "secure your account."),
            Step.CONNECTIONS: self.tr(
                "Other accounts that can sign you in, and other applications you are signed "
                "in to. Remove what you do not use."),
        }
        return intros[step]

    def reason_text(self, state: StepState, facts: CheckupFacts | None,
                    verification_sent: bool = False) -> str:
        """Why the step is green or amber, in a sentence."""
        email = facts.email if facts else ""
        reason, n = state.reason, state.count
        if reason == Reason.EMAIL_UNVERIFIED and verification_sent:
            return self.tr("We sent a link to {email}. Open it, then run the checkup "
                           "again.").format(email=email)
        set_on = ""
        if state.step == Step.PASSWORD and state.when is not None:
            set_on = self.tr("Last changed on {date}.").format(date=local_date(state.when))
        texts = {
            Reason.CONTACTS_OK: self.tr("Verified and ready to help you get back in."),
            Reason.NO_CONTACT: self.tr(
                "No phone number or email address can help you get back in. Add one on the "
                "Phone & email page."),
            Reason.EMAIL_UNVERIFIED: self.tr(
                "{email} is not verified yet, so it cannot help you get back in.").format(
                    email=email),
            Reason.PHONE_UNVERIFIED: self.tr(
                "Your phone number is not verified yet. Verify it on the Phone & email page."),
            Reason.CODE_OK: self.tr("You have a recovery code."),
            Reason.CODE_NEEDS_AUTHENTICATOR: self.tr(
                "You have no recovery code. Turning on an authenticator app gives you one."),
            Reason.CODE_MISSING: self.tr(
                "Your authenticator has no recovery code. Make one and keep it safe."),
            Reason.FACTOR_OK: self.tr("Signing in asks for a second step."),
            Reason.NO_FACTOR: self.tr("Signing in asks only for your password."),
            Reason.ONE_PHONE: self.tr(
                "Your only second step is on one phone and you saved no recovery code: if you "
                "lose that phone, you are locked out."),
            Reason.PASSWORD_OK: self.tr("Your password is strong."),
            Reason.NO_PASSWORD: self.tr("Your account has no password yet."),
            Reason.WEAK_PASSWORD: self.tr("Your password is easy to guess."),
            Reason.OLD_PASSWORD: self.tr("Your password is strong but over a year old."),
            Reason.ONLY_THIS_DEVICE: self.tr("Only this device is signed in."),
            Reason.OTHER_DEVICES: self.tr("%n other device(s) signed in.", "", n),
            Reason.DEVICES_CONFIRMED: self.tr("You recognised the %n other device(s).", "", n),
            Reason.NO_EVENTS: self.tr("No sign-in from another device in the last 30 days."),
            Reason.EVENTS: self.tr("%n sign-in attempt(s) from other devices.", "", n),
            Reason.EVENTS_CONFIRMED: self.tr("You said the %n attempt(s) were you.", "", n),
            Reason.NO_CONNECTIONS: self.tr("No other account or application is connected."),
            Reason.CONNECTIONS: self.tr("%n account(s) and application(s) connected.", "", n),
            Reason.CONNECTIONS_CONFIRMED: self.tr("You use the %n connected one(s).", "", n),
        }
        if not set_on:
            return texts[reason]
        return self.tr("{sentence} {more}").format(sentence=texts[reason], more=set_on)

    def fix_text(self, fix: Fix, *, again: bool = False) -> str:
        """The label of the step's fixing button ("" for the per-row and no fixes)."""
        if fix == Fix.VERIFY_EMAIL and again:
            return self.tr("Send the link again")
        texts = {
            Fix.CONTACTS_PAGE: self.tr("Go to Phone && email"),
            Fix.VERIFY_EMAIL: self.tr("Send a verification link"),
            Fix.TWO_STEP: self.tr("Turn on two-step verification…"),
            Fix.RECOVERY_CODE: self.tr("Make a recovery code…"),
            Fix.PASSWORD: self.tr("Change password"),
        }
        return texts.get(fix, "")

    def confirm_text(self, step: Step) -> str:
        """The "these are all mine" button of a list step."""
        texts = {
            Step.DEVICES: self.tr("These are all mine"),
            Step.ACTIVITY: self.tr("These were all me"),
            Step.CONNECTIONS: self.tr("I use all of these"),
        }
        return texts.get(step, "")

    def change_line(self, change: Change, n: int) -> str:
        """One line of the summary's "what changed"."""
        if change == Change.TWO_STEP_ON:
            return self.tr("Turned on two-step verification")
        if change == Change.RECOVERY_CODE_MADE:
            return self.tr("Made a new recovery code")
        if change == Change.PASSWORD_CHANGED:
            return self.tr("Changed your password")
        if change == Change.VERIFICATION_SENT:
            return self.tr("Sent a verification link to your email")
        if change == Change.DEVICES_SIGNED_OUT:
            return self.tr("Signed out %n device(s)", "", n)
        if change == Change.ACCOUNTS_UNLINKED:
            return self.tr("Unlinked %n account(s)", "", n)
        if change == Change.APPS_SIGNED_OUT:
            return self.tr("Signed out of %n application(s)", "", n)
        return self.tr("Reported %n sign-in(s) that were not you", "", n)

    def change_lines(self, changes: Counter[Change]) -> list[str]:
        """The summary's "what changed" lines, in the order of `Change`."""
        return [self.change_line(change, changes[change]) for change in Change
                if changes[change] > 0]


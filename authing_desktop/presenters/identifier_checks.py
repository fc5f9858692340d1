"""Checks of what the user typed, before any request: emails (email-validator, no DNS), phone
numbers (phonenumbers, default region CN) and required fields. Each returns the value to send
and an error text ("" when fine).

The validators are imported on first use, and they are slow to import: the warm-up imports
them in its worker thread at the user's first input (docs/start-up.md), so neither start-up
nor the UI thread pays for them."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

DEFAULT_REGION = "CN"
# A code of an authenticator app (and of the pool's text and email messages).
SIX_DIGITS = re.compile(r"\d{6}")


def check_email(text: str) -> tuple[str, str]:
    """The normalised address, or an error."""
    value = text.strip()
    if not value:
        return "", QCoreApplication.translate(
            "IdentifierChecks", "Please enter your email address.")
    import email_validator

    try:
        result = email_validator.validate_email(value, check_deliverability=False)
    except email_validator.EmailNotValidError:
        return value, QCoreApplication.translate(
            "IdentifierChecks", "This is not a valid email address.")
    return result.normalized, ""


def check_phone(text: str) -> tuple[str, str]:
    """The number as the pool stores it (mainland China: the 11 digits; elsewhere: E.164), or
    an error."""
    value = text.strip()
    if not value:
        return "", QCoreApplication.translate("IdentifierChecks", "Please enter your phone number.")
    import phonenumbers

    try:
        number = phonenumbers.parse(value, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return value, QCoreApplication.translate(
            "IdentifierChecks", "This is not a valid phone number.")
    if not phonenumbers.is_valid_number(number):
        return value, QCoreApplication.translate(
            "IdentifierChecks", "This is not a valid phone number.")
    if number.country_code == 86:
        return phonenumbers.national_significant_number(number), ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), ""


def check_required(text: str, message: str) -> tuple[str, str]:
    """``text`` trimmed, or ``message`` when it is empty."""
    value = text.strip()
    return value, "" if value else message


def check_password(text: str) -> tuple[str, str]:
    """Passwords are sent as typed (spaces count), but must not be empty."""
    return text, "" if text else QCoreApplication.translate(
        "IdentifierChecks", "Please enter your password.")


def check_new_password(password: str, confirm: str) -> dict[str, str]:
    """Errors of a new password and its confirmation, by field (``password``, ``confirm``)."""
    errors = {}
    if not password:
        errors["password"] = QCoreApplication.translate(
            "IdentifierChecks", "Please choose a password.")
    elif len(password) < 6:
        errors["password"] = QCoreApplication.translate(
            "IdentifierChecks", "The password must have at least 6 characters.")
    if password and confirm != password:
        errors["confirm"] = QCoreApplication.translate(
            "IdentifierChecks", "The two passwords do not match.")
    return errors


def check_code(text: str) -> tuple[str, str]:
    """A verification code: digits, required."""
    value = text.strip()
    if not value:
        return "", QCoreApplication.translate(
            "IdentifierChecks", "Please enter the verification code.")
    if not value.isdigit() or len(value) > 12:
        return value, QCoreApplication.translate("IdentifierChecks", "The code is made of digits.")
    return value, ""


def check_app_code(text: str) -> tuple[str, str]:
    """An authenticator app's code, spaces dropped, or an error."""
    value = text.strip().replace(" ", "")
    if not value:
        return "", QCoreApplication.translate(
            "IdentifierChecks", "Please enter the 6-digit code from your app.")
    if not SIX_DIGITS.fullmatch(value):
        return value, QCoreApplication.translate("IdentifierChecks", "The code has 6 digits.")
    return value, ""

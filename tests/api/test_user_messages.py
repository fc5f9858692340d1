"""The code → user message table and what errors show (no secrets anywhere)."""

from __future__ import annotations

import ast
from pathlib import Path

from authing_desktop.api import user_messages
from authing_desktop.api.errors import (
    AuthingArgumentError,
    AuthingError,
    MalformedResponse,
    NetworkError,
    RequestTimeout,
)
from authing_desktop.api.models import User
from authing_desktop.api.transport import CallRecord
from authing_desktop.api.user_messages import user_message_source

SECTION_5_CODES = {
    1000, 1001, 1576, 1635, 1636, 1639, 1640, 1641, 2000, 2001, 2003, 2204, 2004, 2005, 2006,
    2016, 2020, 2026, 2027, 2028, 2029, 2031, 2032, 2034, 2035, 2037, 2038, 2058, 2100, 2200,
    2201, 2203, 2206, 2207, 2213, 2214, 2215, 2216, 2217, 2218, 2219, 2224, 2225, 2226, 2227,
    2229, 2230, 2231, 2300, 2333, 6001, 6002, 6003, 6004, 500,
}


def test_every_section_5_code_has_a_message() -> None:
    assert set(user_messages.USER_MESSAGES) >= SECTION_5_CODES
    assert all(text and text[0].isupper() and text.endswith(".")
               for text in user_messages.USER_MESSAGES.values())


def test_texts_are_marked_for_lupdate() -> None:
    """pyside6-lupdate only sees literal QT_TRANSLATE_NOOP("AuthingError", "...") calls."""
    tree = ast.parse(Path(user_messages.__file__).read_text(encoding="utf-8"))
    marked = {node.args[1].value for node in ast.walk(tree)
              if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
              and isinstance(node.args[1], ast.Constant)}
    assert set(user_messages.USER_MESSAGES.values()) <= marked
    assert user_messages.NETWORK_ERROR in marked and user_messages.TIMEOUT_ERROR in marked


def test_user_message_source_per_error_kind() -> None:
    context = "AuthingError"
    assert user_message_source(AuthingError(2333, "用户名或密码错误")) == (
        context, "Wrong account or password.")
    assert user_message_source(AuthingError(99999, "?"))[1] == user_messages.UNKNOWN_SERVER_ERROR
    assert user_message_source(NetworkError("x"))[1] == user_messages.NETWORK_ERROR
    assert user_message_source(RequestTimeout("x"))[1] == user_messages.TIMEOUT_ERROR
    assert user_message_source(MalformedResponse("x"))[1] == user_messages.MALFORMED_ERROR
    assert user_message_source(AuthingArgumentError("x"))[1] == user_messages.ARGUMENT_ERROR
    assert user_message_source(RuntimeError("x"))[1] == user_messages.UNEXPECTED_ERROR


def test_reprs_and_error_texts_hold_no_secrets() -> None:
    user = User.from_wire({"id": "u1", "token": "SECRET-TOKEN", "password": "SECRET-HASH"})
    record = CallRecord(kind="rest", name="/x", method="GET", url="http://h/x", duration=0.1,
                        code=200, message="", variables={"password": "SECRET-PW"},
                        response={"token": "SECRET-TOKEN"}, status_code=200)
    error = AuthingError(1635, "MFA", {"mfaToken": "SECRET-MFA"})
    for text in (repr(user), str(user), repr(record), str(error), repr(error)):
        assert "SECRET" not in text


def test_the_locking_wrong_password_reads_as_a_lock() -> None:
    """2057 (the guess that locked the account) says what 2005 says (docs/pool-admin.md)."""
    messages = user_messages.USER_MESSAGES
    assert messages[2057] == messages[2005] == "This account is locked."

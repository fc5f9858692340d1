"""The account security level: one computation behind v2 ``users/me/security-level`` and v3
``get-security-info`` (docs/protocol.md, v3 self-service).

Score (documented local formula, the one docs/protocol.md describes): password set 20 + password
strength 0 / 10 / 20 (LOW / MIDDLE / HIGH) + email bound 20 + phone bound 20 + an enabled
second factor (authenticator app, SMS, email, or a passkey where it counts) 20 = at most 100.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from authing_desktop.localpool.mfa_factors import SecondFactors

STRENGTH_POINTS = {1: 0, 2: 10, 3: 20}


@dataclass(frozen=True)
class SecurityAssessment:
    """What protects an account, and the resulting score."""

    score: int
    email: bool
    phone: bool
    password: bool
    password_level: int | None  # 1 LOW, 2 MIDDLE, 3 HIGH, None never evaluated / no password
    mfa: bool

    def v2(self) -> dict[str, Any]:
        """The v2 ``users/me/security-level`` data."""
        return {"score": self.score, "email": self.email, "phone": self.phone,
                "password": self.password, "passwordSecurityLevel": self.password_level,
                "mfa": self.mfa}

    def v3(self) -> dict[str, Any]:
        """The v3 ``get-security-info`` data."""
        return {"securityScore": self.score, "emailBinded": self.email,
                "phoneBinded": self.phone, "passwordSet": self.password,
                "passwordSecurityLevel": self.password_level, "mfaEnrolled": self.mfa}


def assess(conn: sqlite3.Connection, user: sqlite3.Row,
           factors: SecondFactors) -> SecurityAssessment:
    """The security level of ``user`` now."""
    has_password = bool(user["password_hash"])
    level = user["password_level"] if has_password else None
    mfa = factors.has_mfa(conn, user["id"])
    score = ((20 if has_password else 0) + STRENGTH_POINTS.get(level or 0, 0)
             + (20 if user["email"] else 0) + (20 if user["phone"] else 0)
             + (20 if mfa else 0))
    return SecurityAssessment(score=score, email=bool(user["email"]),
                              phone=bool(user["phone"]), password=has_password,
                              password_level=level, mfa=mfa)

"""``GET /_localpool/verify-email?token=...``: the link a VERIFY_EMAIL mail carries (local pool
only, like the outbox that shows it). Following it once marks the address verified and answers
a small HTML page; a used, unknown or expired link answers a page that says so."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from authing_desktop.localpool import errors
from authing_desktop.localpool.codes import VERIFY_EMAIL_PATH
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.features import PoolFeatures
from authing_desktop.localpool.hosted_html import message_page
from authing_desktop.localpool.storage import Database

_FAILURES = {
    errors.CODE_EXPIRED: "This verification link has expired. Ask the app for a new email.",
    errors.USER_NOT_FOUND: "No account has this email address any more.",
}


class EmailVerificationRoutes:
    """The verification link's route, bound to one pool."""

    def __init__(self, features: PoolFeatures, db: Database) -> None:
        self.features = features
        self.db = db

    def routes(self) -> list[Route]:
        """The one route."""
        return [Route(VERIFY_EMAIL_PATH, self.verify, methods=["GET"])]

    async def verify(self, request: Request) -> Response:
        """Spend the token and mark the address verified."""
        token = request.query_params.get("token")
        try:
            email = await self.db.run(self.features.contacts.verify_email_link, token)
        except PoolError as error:
            text = _FAILURES.get(
                error.code, "This verification link is not valid or was already used.")
            return message_page("Email not verified", text, 400)
        return message_page(
            "Email verified",
            f"{email} is verified. You can close this page and press Refresh in the app.")

"""The loopback listener that learns a browser linking has ended (docs/linked-accounts.md):
the pool sends the browser to ``target_url?state=...&success=...&errMsg=...``. The app trusts
none of that answer's claims: it re-reads the linked identities (it only uses ``errCode`` to
word a failure)."""

from __future__ import annotations

import hmac

from authing_desktop.api.loopback_redirect import (
    LoopbackRedirectListener,
    RedirectError,
    RedirectStateMismatch,
)

LINKED_PATH = "/linked"


class LinkResultListener(LoopbackRedirectListener):
    """Waits for one ``GET /linked?state=<ours>&...``; `wait` returns the ``errCode`` the
    answer gave ("" when none)."""

    done_title = "Return to the app"
    done_text = "The app now checks whether the account was linked. You can close this tab."
    failed_title = "Linking not completed"

    def __init__(self, expected_state: str) -> None:
        super().__init__(expected_state, path=LINKED_PATH)
        self._expected = expected_state

    @property
    def target_url(self) -> str:
        """Where the browser is sent at the end: the listener, with our state."""
        return f"{self.redirect_uri}?state={self._expected}"

    def _outcome(self, query: dict[str, str]) -> str | RedirectError:
        state = query.get("state", "")
        if not hmac.compare_digest(state.encode(), self._expected.encode()):
            return RedirectStateMismatch("state_mismatch",
                                         "the answer belongs to another linking attempt")
        code = query.get("errCode", "")
        return code if code.isascii() and code.isdigit() and len(code) < 8 else ""

    def _failure_text(self, error: RedirectError) -> str:
        return "This answer does not belong to the linking the app started. Start again."

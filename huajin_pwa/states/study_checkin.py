"""/study/checkin/<token>: what a member's phone opens from a session's QR code; opening it
signed in checks the member in (once); signed out, the page says to sign in first."""

from urllib.parse import quote

import reflex as rx

from huajin_pwa import db, text
from huajin_pwa.services import study_attendance
from huajin_pwa.services.errors import DomainError
from huajin_pwa.states.session import SessionState

T = text.StudySessions


class CheckinState(SessionState):
    """The outcome of opening a check-in link: ok (签到成功), again (已经签到), refused."""

    outcome: str = ""  # "", ok, again, refused, signed_out
    headline: str = ""
    detail: str = ""
    sign_in_href: str = "/login"  # back to this link after signing in

    @rx.event
    def load(self):
        """Check the signed-in member in with the link's code."""
        self.outcome, self.headline, self.detail = "", "", ""
        actor = self._actor()
        self._show_actor(actor)
        if actor is None:
            self.token = ""
            self.sign_in_href = "/login?next=" + quote(self.router.url.path, safe="/")
            self.outcome, self.headline, self.detail = "signed_out", T.SIGN_IN_FIRST, T.SIGN_IN_HOW
            return
        code = self.router.page.params.get("token", "")
        try:
            with db.transaction() as session:
                result = study_attendance.check_in(session, actor, code)
        except DomainError as error:
            self.outcome, self.headline, self.detail = "refused", error.message, T.REFUSED_HELP
            return
        self.outcome = "ok" if result.created else "again"
        self.headline, self.detail = result.title, result.message

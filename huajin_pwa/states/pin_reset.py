"""Forgotten PIN: the helper's page that issues a code, and the member's page that uses it."""

from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.services import pin_reset
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import FormError
from huajin_pwa.states.forms import form_dict
from huajin_pwa.states.mixins import FormErrors
from huajin_pwa.states.session import SessionState

FOCUS_ERRORS = "window.huajinFocusErrors()"


class IssueResetState(FormErrors, SessionState):
    """A secretary or staff member gives a member a one-time reset code."""

    code: str = ""
    code_for: str = ""
    expires: str = ""

    @rx.event
    def load(self):
        """Open /reset-pin (secretaries and staff)."""
        actor = self._require("secretary", "staff")
        if not isinstance(actor, Actor):
            return actor
        self.errors, self.code, self.code_for, self.expires = {}, "", "", ""

    @rx.event
    def issue(self, form: Any):
        """Make a code for the member with this phone number."""
        actor = self._require("secretary", "staff")
        if not isinstance(actor, Actor):
            return actor
        try:
            with db.transaction() as session:
                issued = pin_reset.issue(session, actor, form_dict(form).get("phone"))
        except FormError as error:
            self.errors, self.code = error.errors, ""
            return rx.call_script(FOCUS_ERRORS)
        self.errors = {}
        self.code = issued.code
        self.code_for = text.Reset.CODE_FOR.format(name=issued.name, phone=issued.phone)
        self.expires = text.Reset.CODE_EXPIRES.format(until=present.day_time(issued.expires_at))

    @rx.event
    def another(self):
        """Clear the code from the screen."""
        self.code, self.code_for, self.expires = "", "", ""


class RedeemResetState(FormErrors, SessionState):
    """A member sets a new PIN with the code."""

    @rx.event
    def load(self):
        """Open /login/reset."""
        self.refresh()
        self.errors = {}

    @rx.event
    def redeem(self, form: Any):
        """Check the code and set the new PIN; then the member is signed in."""
        with db.transaction() as session:
            result = pin_reset.redeem(session, form_dict(form))
        if result.errors:
            self.errors = result.errors
            return rx.call_script(FOCUS_ERRORS)
        self.token, self.errors = result.token, {}
        self.refresh()
        self.notice = text.Reset.DONE
        return rx.redirect("/me")

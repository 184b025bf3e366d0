"""Sign-in: the mobile number first, then the PIN keypad or a password."""

from typing import Any

import reflex as rx

from huajin_pwa import db
from huajin_pwa.components.keypad import PIN_LENGTH
from huajin_pwa.services import auth
from huajin_pwa.services.errors import FormError
from huajin_pwa.states.forms import form_dict
from huajin_pwa.states.mixins import FormErrors
from huajin_pwa.states.session import SessionState


class LoginState(FormErrors, SessionState):
    """One sign-in attempt on this device."""

    phone: str = ""
    step: str = "phone"  # phone, pin, password
    pin_length: int = 0
    _pin: str = ""
    _next: str = ""  # where to go after signing in (?next=, a path on this site)

    @rx.event
    def load(self):
        """Open /login: a signed-in person goes on (home, or where ?next= says)."""
        self.refresh()
        self.step, self.errors, self._pin, self.pin_length = "phone", {}, "", 0
        self._next = auth.return_path(self.router.url.query_parameters.get("next", ""))
        if self.signed_in:
            return rx.redirect(self._next or "/")

    @rx.event
    def submit_phone(self, form: Any):
        """Check the number and choose the PIN keypad or the password field."""
        data = form_dict(form)
        try:
            with db.transaction() as session:
                kind = auth.secret_kind_for(session, data.get("phone"))
        except FormError as error:
            self.errors = error.errors
            return rx.call_script("window.huajinFocusErrors()")
        self.phone = "".join(ch for ch in str(data.get("phone", "")) if ch.isdigit())
        self.errors, self._pin, self.pin_length = {}, "", 0
        self.step = "pin" if kind == "pin" else "password"

    @rx.event
    def change_phone(self):
        """Back to the number."""
        self.step, self.errors, self._pin, self.pin_length = "phone", {}, "", 0

    @rx.event
    def press_digit(self, digit: Any):
        """One keypad digit; the sixth signs in."""
        if not (isinstance(digit, str) and len(digit) == 1 and digit.isdigit()):
            return
        if len(self._pin) >= PIN_LENGTH:
            return
        self._pin += digit
        self.pin_length = len(self._pin)
        if self.pin_length == PIN_LENGTH:
            return self._finish(self._pin, field="pin")

    @rx.event
    def delete_digit(self):
        """Remove the last digit."""
        self._pin = self._pin[:-1]
        self.pin_length = len(self._pin)

    @rx.event
    def clear_pin(self):
        """Start the PIN again."""
        self._pin, self.pin_length = "", 0

    @rx.event
    def submit_password(self, form: Any):
        """Sign in with a password."""
        return self._finish(form_dict(form).get("password"), field="password")

    def _finish(self, secret: Any, field: str):
        with db.transaction() as session:
            result = auth.sign_in(session, self.phone, secret)
        self._pin, self.pin_length = "", 0
        if result.error:
            self.errors = {field: result.error}
            return rx.call_script("window.huajinFocusErrors()")
        self.token = result.token
        self.errors, self.step = {}, "phone"
        self.refresh()
        if self._next:
            return rx.redirect(self._next)
        return rx.redirect("/staff" if "staff" in self.roles or "admin" in self.roles else "/")

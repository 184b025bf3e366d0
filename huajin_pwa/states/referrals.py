"""以老带新: a member's referral form, and the staff list that follows referrals up."""

from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.services import referral
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import FormErrors, Paged
from huajin_pwa.states.session import SessionState


class ReferState(FormErrors, SessionState):
    """A member refers a fellow member."""

    can_refer: bool = False
    done: bool = False

    @rx.event
    def load(self):
        """Open /me/refer."""
        actor = self._require()
        if not isinstance(actor, Actor):
            return actor
        self.errors, self.done = {}, False
        self.can_refer = actor.has("member", "staff", "admin")

    @rx.event
    def submit(self, form: Any):
        """Send the referral to staff."""
        actor = self._require()
        if not isinstance(actor, Actor):
            return actor
        try:
            with db.transaction() as session:
                referral.refer(session, actor, form_dict(form))
        except FormError as error:
            self.errors = error.errors
            return rx.call_script("window.huajinFocusErrors()")
        except DomainError as error:
            self.errors = {"name": error.message}
            return rx.call_script("window.huajinFocusErrors()")
        self.errors, self.done = {}, True


class StaffReferralState(Paged, SessionState):
    """Staff follow referrals up and link them to the disclosure they led to."""

    rows: list[dict[str, str]] = []
    row_errors: dict[str, str] = {}
    open_only: bool = True

    @rx.event
    def load(self):
        """Open /staff/referrals."""
        self.page, self.row_errors = 1, {}
        return self._reload()

    def _reload(self):
        actor = self._require("staff")
        if not isinstance(actor, Actor):
            return actor
        with db.transaction() as session:
            result = referral.staff_list(session, actor, self.open_only, self.page)
        self.page, self.pages = result.page, result.pages
        self.rows = [
            {
                "id": str(r.id),
                "name": r.name,
                "whereabouts": r.whereabouts,
                "how_known": r.how_known,
                "status": text.Status.REFERRAL[r.status],
                "tone": "ok"
                if r.status == "disclosed"
                else "warn"
                if r.status == "new"
                else "plain",
                "note": r.staff_note,
                "referrer": text.Staff.REFERRED_BY.format(name=referrer),
                "when": present.day(r.created_at),
            }
            for r, referrer in result.rows
        ]

    @rx.event
    def toggle_open_only(self):
        """Show all referrals, or only those still open."""
        self.open_only = not self.open_only
        self.page = 1
        return self._reload()

    def _change_row(self, form: Any, change):
        """Run change(session, actor, referral id, form data) and show it, or the row's error."""
        actor = self._require("staff")
        if not isinstance(actor, Actor):
            return actor
        data = form_dict(form)
        row = row_id(data.get("referral_id"))
        try:
            with db.transaction() as session:
                change(session, actor, row, data)
            self.row_errors, self.notice = {}, text.Staff.SAVED
        except FormError as error:
            self.row_errors = {str(row): "；".join(error.errors.values())}
        except DomainError as error:
            self.row_errors = {str(row): error.message}
        return self._reload()

    @rx.event
    def follow_up(self, form: Any):
        """Mark a referral as being followed up, or close it, with a note."""
        return self._change_row(
            form,
            lambda session, actor, row, data: referral.follow_up(
                session, actor, row, data.get("status"), data.get("note", "")
            ),
        )

    @rx.event
    def link(self, form: Any):
        """Link a referral to the disclosure made with a phone number."""
        return self._change_row(
            form,
            lambda session, actor, row, data: referral.link(session, actor, row, data.get("phone")),
        )

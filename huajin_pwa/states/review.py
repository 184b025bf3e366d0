"""/staff/disclosures/<id>: one disclosure, approve or reject with a reason."""

from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.models import Account, Building, Grid
from huajin_pwa.services import approval
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import FormErrors
from huajin_pwa.states.session import SessionState


class ReviewState(FormErrors, SessionState):
    """Reviewing one disclosure."""

    rows: list[list[str]] = []
    status: str = ""
    status_label: str = ""
    name: str = ""
    found: bool = False
    _disclosure_id: int = 0

    def _route_id(self) -> int:
        return row_id(self.router.page.params.get("disclosure_id", ""))

    @rx.event
    def load(self):
        """Open the detail page."""
        self.errors = {}
        return self._reload(self._route_id())

    def _reload(self, disclosure_id: int):
        actor = self._require("staff")
        if not isinstance(actor, Actor):
            return actor
        try:
            with db.transaction() as session:
                item = approval.review_detail(session, actor, disclosure_id)
                account = session.get(Account, item.account_id)
                building = session.get(Building, item.building_id) if item.building_id else None
                grid = session.get(Grid, item.grid_id) if item.grid_id else None
                filler = session.get(Account, item.filled_by_id) if item.filled_by_id else None
        except DomainError as error:
            self.found, self.notice = False, error.message
            return
        self.found, self._disclosure_id = True, item.id
        self.name, self.status = item.name, item.status
        self.status_label = text.Status.DISCLOSURE[item.status]
        labels = text.Join.FIELD_LABELS
        address = (
            text.Join.ADDRESS_FORMAT.format(
                building=building.number, unit=item.unit, room=item.room
            )
            if building
            else ""
        )
        moved = text.Join.MOVED_IN_YEAR_ONLY.format(year=item.moved_in_year)
        if item.moved_in_month:
            moved = text.Join.MOVED_IN_FORMAT.format(
                year=item.moved_in_year, month=item.moved_in_month
            )
        self.rows = [
            [labels["name"], item.name],
            [labels["phone"], account.phone if account else ""],
            [labels["gender"], text.Join.GENDERS.get(item.gender, "")],
            [labels["birth_year"], str(item.birth_year or "")],
            [labels["address"], address],
            [labels["grid"], grid.name if grid else text.Staff.NO_GRID],
            [labels["org"], f"{item.org_place} {item.org_name}"],
            [labels["party_year"], str(item.party_year or "")],
            [labels["moved_in"], moved],
            [labels["mobility_limited"], present.yes_no(item.mobility_limited)],
            [labels["family_difficulty"], present.yes_no(item.family_difficulty)],
            [labels["hobbies"], present.codes(item.hobbies, text.Join.HOBBIES)],
            [labels["wishes"], present.codes(item.wishes, text.Join.WISHES)],
            [text.Staff.SUBMITTED_AT, present.day_time(item.submitted_at)],
            [labels["filled_by"], filler.name if filler else text.Kit.NO],
        ]
        if item.review_reason:
            self.rows.append([text.Staff.REJECT_REASON, item.review_reason])

    @rx.event
    def approve(self):
        """核实通过."""
        actor = self._require("staff")
        if not isinstance(actor, Actor):
            return actor
        try:
            with db.transaction() as session:
                approval.approve(session, actor, self._disclosure_id)
            self.notice = text.Staff.APPROVED
        except DomainError as error:
            self.notice = error.message
        return self._reload(self._disclosure_id)

    @rx.event
    def reject(self, form: Any):
        """不通过, with the reason the member will read."""
        actor = self._require("staff")
        if not isinstance(actor, Actor):
            return actor
        reason = form_dict(form).get("reason", "")
        try:
            with db.transaction() as session:
                approval.reject(session, actor, self._disclosure_id, reason)
            self.notice, self.errors = text.Staff.REJECTED, {}
        except FormError as error:
            self.errors = error.errors
            return rx.call_script("window.huajinFocusErrors()")
        except DomainError as error:
            self.notice = error.message
        return self._reload(self._disclosure_id)

"""/me: disclosure status and badge, roles, teams, service hours, referrals made; withdrawing a
pending disclosure."""

from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.models import Account, Grid
from huajin_pwa.services import disclosure, referral
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError
from huajin_pwa.states.service_hours import MyTeamsHoursVars
from huajin_pwa.states.session import SessionState
from huajin_pwa.states.study_record import StudyRecordVars


class MeState(StudyRecordVars, MyTeamsHoursVars, SessionState):
    """What 我的 shows (the study record from StudyRecordVars, teams and service hours from
    MyTeamsHoursVars)."""

    phone: str = ""
    status: str = ""
    status_label: str = ""
    status_tone: str = "plain"
    reason: str = ""
    submitted_on: str = ""
    grid_name: str = ""
    filled_by: str = ""
    role_names: list[str] = []
    referrals_made: int = 0
    referrals_disclosed: int = 0
    asking_withdraw: bool = False
    _disclosure_id: int = 0

    @rx.var
    def approved(self) -> bool:
        """Whether the 已亮明身份 badge shows."""
        return self.status == "approved"

    @rx.event
    def load(self):
        """Open /me (signed in only)."""
        actor = self._require()
        if not isinstance(actor, Actor):
            return actor
        self.asking_withdraw = False
        self._load(actor)

    def _load(self, actor: Actor) -> None:
        with db.transaction() as session:
            latest = disclosure.latest_for(session, actor.account_id)
            made, disclosed = referral.credit(session, actor.account_id)
            self._load_study_record(session, actor)
            self._load_teams_hours(session, actor)
            grid = session.get(Grid, latest.grid_id) if latest and latest.grid_id else None
            filler = (
                session.get(Account, latest.filled_by_id)
                if latest and latest.filled_by_id
                else None
            )
        self.phone = actor.phone
        self.role_names = [
            text.Me.ROLE_NAMES[r] for r in sorted(actor.roles) if r in text.Me.ROLE_NAMES
        ]
        self.referrals_made, self.referrals_disclosed = made, disclosed
        self.grid_name = grid.name if grid else ""
        self.filled_by = text.Me.FILLED_BY.format(name=filler.name) if filler else ""
        if latest is None:
            self.status, self.status_label, self.status_tone = "", text.Status.NONE, "plain"
            self.reason, self.submitted_on, self._disclosure_id = "", "", 0
            return
        self._disclosure_id = latest.id
        self.status = latest.status
        self.status_label = text.Status.DISCLOSURE[latest.status]
        self.status_tone = present.status_tone(latest.status)
        self.reason = latest.review_reason if latest.status == "rejected" else ""
        self.submitted_on = (
            text.Me.SUBMITTED_ON.format(date=present.day(latest.submitted_at))
            if latest.submitted_at
            else ""
        )

    @rx.event
    def ask_withdraw(self, asking: Any):
        """Show (or hide) the inline question before withdrawing."""
        self.asking_withdraw = asking is True

    @rx.event
    def withdraw(self):
        """Take back a pending disclosure."""
        actor = self._require()
        if not isinstance(actor, Actor):
            return actor
        self.asking_withdraw = False
        try:
            with db.transaction() as session:
                disclosure.withdraw(session, actor, self._disclosure_id)
            self.notice = text.Me.WITHDRAWN
        except DomainError as error:
            self.notice = error.message
        self._load(actor)

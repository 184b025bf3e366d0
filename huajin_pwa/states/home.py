"""/: the signed-in person's own home."""

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.services import disclosure
from huajin_pwa.states.activities import today_rows, upcoming_rows
from huajin_pwa.states.session import SessionState
from huajin_pwa.states.study_record import ThisWeekVars


class HomeState(ThisWeekVars, SessionState):
    """Home: status of the person's disclosure, what they can do next, this week's study."""

    status_code: str = ""
    status_label: str = ""
    status_tone: str = "plain"
    today_activities: list[dict[str, str]] = []  # signed out: 今天的活动
    my_activities: list[dict[str, str]] = []  # signed in: 我报名的活动 (the next three)

    @rx.var
    def is_office(self) -> bool:
        """Staff or admin."""
        return "staff" in self.roles or "admin" in self.roles

    @rx.var
    def is_member(self) -> bool:
        """An approved member."""
        return "member" in self.roles

    @rx.var
    def is_secretary(self) -> bool:
        """Holds the grid secretary role (网格工作 on /secretary)."""
        return "secretary" in self.roles

    @rx.var
    def can_fill_for_others(self) -> bool:
        """Secretaries and staff fill disclosures on members' behalf."""
        return self.is_office or "secretary" in self.roles

    @rx.event
    def load(self):
        """Open /."""
        actor = self._actor()
        self._show_actor(actor)
        if actor is None:
            self.status_code, self.my_activities = "", []
            with db.transaction() as session:
                self.today_activities = today_rows(session, None)
            return
        with db.transaction() as session:
            latest = disclosure.latest_for(session, actor.account_id)
            self._load_this_week(session, actor)
            self.my_activities = upcoming_rows(session, actor)
        self.today_activities = []
        self.status_code = latest.status if latest else ""
        self.status_label = text.Status.DISCLOSURE[latest.status] if latest else text.Status.NONE
        self.status_tone = present.status_tone(self.status_code)

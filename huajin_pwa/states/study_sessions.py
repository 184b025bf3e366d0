"""/secretary/sessions (the grid's study sessions) and /secretary/sessions/new (planning one)."""

from datetime import timedelta
from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.models import StudySession
from huajin_pwa.services import clock, community, study_sessions, validate
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.services.study_sessions import SessionLine
from huajin_pwa.states.forms import form_dict
from huajin_pwa.states.mixins import FormErrors
from huajin_pwa.states.secretary import ROLES, SecretaryList, SecretaryState
from huajin_pwa.states.session import SessionState

T = text.StudySessions
FIELDS = ("grid", "week", "held_on", "part", "starts_at", "place")
ANSWER_LIMIT = 100  # what is kept of an answer to show it again (the service checks lengths)


def when_words(found: StudySession) -> str:
    """11月30日 周一 夜学 19:30."""
    return T.WHEN.format(
        day=present.date_label(found.held_on), part=T.PARTS[found.part], time=found.starts_at
    ).strip()


def session_row(line: SessionLine, show_grid: bool) -> dict[str, str]:
    """A session as its card shows it: every value a ready string."""
    found = line.session
    today = clock.today()
    if found.held_on == today:
        status, tone = T.TODAY, "ok"
    elif found.held_on > today:
        status, tone = T.UPCOMING, "warn"
    else:
        status, tone = T.PAST, "plain"
    when = when_words(found)
    return {
        "id": str(found.id),
        "when": when,
        "status": status,
        "tone": tone,
        "place": T.PLACE.format(place=found.place),
        "week": T.WEEK.format(title=line.week_title),
        "attended": T.ATTENDED.format(count=line.attended),
        "grid": line.grid_name if show_grid else "",
        "open_label": T.OPEN_LABEL.format(when=when),
    }


class StudySessionsState(SecretaryList, SecretaryState):
    """/secretary/sessions: the sessions of the grids in view, coming ones first."""

    def _fetch(self, session, actor: Actor) -> None:
        found = study_sessions.grid_sessions(session, actor, self.page, self._grid_id())
        show_grid = len(self.grid_options) > 1 and not self._grid_id()
        self._show(found, [session_row(line, show_grid) for line in found.rows])


class NewStudySessionState(FormErrors, SessionState):
    """/secretary/sessions/new: the form that plans a session."""

    allowed: bool = False
    notice_warn: bool = False
    week_options: list[list[str]] = []
    grid_options: list[list[str]] = []
    answers: dict[str, str] = {}
    day_min: str = ""
    day_max: str = ""
    form_key: int = 0

    @rx.event
    def load(self):
        """Open the form with today's date and the newest published week chosen."""
        self.errors, self.notice_warn = {}, False
        actor = self._require(*ROLES)
        if not isinstance(actor, Actor):
            self.allowed = False
            return actor
        self._options(actor)
        today = clock.today()
        self.answers = {
            "grid": self.grid_options[0][0] if len(self.grid_options) == 1 else "",
            "week": self.week_options[0][0] if self.week_options else "",
            "held_on": today.isoformat(),
            "part": "",
            "starts_at": "",
            "place": "",
        }
        self.form_key += 1

    def _options(self, actor: Actor) -> None:
        today = clock.today()
        with db.transaction() as session:
            weeks = study_sessions.weeks_to_choose(session, actor)
            grids = [
                grid
                for grid in community.grids(session)
                if actor.is_office or grid.id in actor.secretary_grids
            ]
        self.week_options = [
            [
                str(week.id),
                T.WEEK_OPTION.format(week=present.date_label(week.week_of), title=week.title),
            ]
            for week in weeks
        ]
        self.grid_options = [[str(grid.id), grid.name] for grid in grids]
        self.day_min = (today - timedelta(days=study_sessions.PAST_DAYS)).isoformat()
        self.day_max = (today + timedelta(days=study_sessions.AHEAD_DAYS)).isoformat()
        self.allowed = True

    @rx.event
    def submit(self, form: Any):
        """安排学习: plan it and open its page (with the QR code), or show what to fix."""
        actor = self._require(*ROLES)
        if not isinstance(actor, Actor):
            self.allowed = False
            return actor
        data = form_dict(form)
        try:
            with db.transaction() as session:
                made = study_sessions.schedule(session, actor, data)
                made_id = made.id
        except FormError as error:
            self.errors = error.errors
            self.answers = {
                name: validate.as_text(data.get(name))[:ANSWER_LIMIT] for name in FIELDS
            }
            self.notice = ""
            return rx.call_script("window.huajinFocusErrors()")
        except DomainError as error:
            self.errors, self.notice, self.notice_warn = {}, error.message, True
            return None
        self.errors, self.notice, self.notice_warn = {}, T.SCHEDULED, False
        return rx.redirect(f"/secretary/session/{made_id}")

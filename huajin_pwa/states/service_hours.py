"""/leader/activity/<id>/hours (the leader confirms service hours), /me/hours (the member's
one-page summary) and what /me shows of teams and hours (MyTeamsHoursVars)."""

from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.services import clock, service_hours, team_access, validate
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.services.service_hours import HoursLine, Sheet, hours_words
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import FormErrors, Paged
from huajin_pwa.states.session import SessionState

T = text.ServiceHours
W = text.TeamWords
ROLES = ("leader", "staff")
ANSWER_LIMIT = 12  # what is kept of a typed answer to show it again


def activity_about(activity, team_name: str) -> list[list[str]]:
    """[label, value] rows: team, kind, when, place."""
    starts, ends = clock.as_utc(activity.starts_at), clock.as_utc(activity.ends_at)
    when = f"{present.day(starts)} {present.local(starts):%H:%M}–{present.local(ends):%H:%M}"
    return [
        [T.ABOUT_TEAM, team_name],
        [T.ABOUT_KIND, W.ACTIVITY_KINDS.get(activity.kind, activity.kind)],
        [T.ABOUT_WHEN, when],
        [T.ABOUT_PLACE, activity.place],
    ]


def line_row(line: HoursLine) -> dict[str, str]:
    """One confirmed activity as the member's pages show it."""
    return {
        "key": str(line.activity_id),
        "day": present.day(line.starts_at),
        "title": line.title,
        "team": line.team_name,
        "hours": T.HOURS.format(hours=hours_words(line.minutes)),
    }


class LeaderHoursState(FormErrors, Paged, SessionState):
    """/leader/activity/<id>/hours: one row per person checked in, hours to confirm or locked."""

    found: bool = False
    notice_warn: bool = False
    back_href: str = "/leader"
    title: str = ""
    about: list[list[str]] = []
    ended: bool = False
    length: str = ""
    hint: str = ""
    rows: list[dict[str, str]] = []
    total: int = 0
    open_count: int = 0
    form_key: int = 0
    _activity_id: int = 0

    @rx.event
    def load(self):
        """Open the page of the activity the address names."""
        self.notice, self.notice_warn, self.errors, self.page = "", False, {}, 1
        self._activity_id = row_id(self.router.page.params.get("activity_id", ""))
        return self._reload()

    def _forget(self) -> None:
        self.found, self.title, self.about, self.rows = False, "", [], []
        self.ended, self.total, self.open_count = False, 0, 0

    def _reload(self, typed: dict[int, str] | None = None):
        actor = self._require(*ROLES)
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        try:
            with db.transaction() as session:
                found = service_hours.sheet(session, actor, self._activity_id, self.page)
        except DomainError as error:
            self._forget()
            self.notice, self.notice_warn = error.message, True
            return None
        self._show(found, typed or {})
        return None

    def _show(self, found: Sheet, typed: dict[int, str]) -> None:
        activity = found.activity
        longest = hours_words(service_hours.length_minutes(activity))
        self.found, self.title, self.ended = True, activity.title, found.ended
        self.back_href = f"/leader/activity/{found.activity.id}"
        self.about = activity_about(activity, found.team_name)
        self.length = T.LENGTH.format(hours=longest)
        self.hint = T.FIELD_HINT.format(hours=longest)
        self.page, self.pages, self.total = found.page, found.pages, found.total
        self.rows = [
            {
                "id": str(line.signup_id),
                "field": service_hours.field_name(line.signup_id),
                "name": line.name,
                "label": T.FIELD_LABEL.format(name=line.name),
                "hours": typed.get(line.signup_id, hours_words(line.minutes)),
                "locked": "yes" if line.confirmed else "",
                "tag": T.CONFIRMED_TAG.format(hours=hours_words(line.minutes)),
            }
            for line in found.lines
        ]
        self.open_count = sum(1 for line in found.lines if not line.confirmed)
        self.form_key += 1

    @rx.event
    def confirm(self, form: Any):
        """确认时长: every open row on this page, all or nothing."""
        actor = self._require(*ROLES)
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        data = form_dict(form)
        hours = {
            name.removeprefix("hours-"): value
            for name, value in data.items()
            if isinstance(name, str) and name.startswith("hours-")
        }
        try:
            with db.transaction() as session:
                count = service_hours.confirm(session, actor, self._activity_id, hours)
        except FormError as error:
            self.errors = error.errors
            typed = {
                row_id(key): validate.as_text(value)[:ANSWER_LIMIT] for key, value in hours.items()
            }
            self._reload(typed)
            self.notice, self.notice_warn = "", False
            return rx.call_script("window.huajinFocusErrors()")
        except DomainError as error:
            self.errors = {}
            self._reload()
            self.notice, self.notice_warn = error.message, True
            return None
        self.errors = {}
        self._reload()
        self.notice, self.notice_warn = T.SAVED.format(count=count), False
        return None


class MyHoursState(SessionState):
    """/me/hours: name, total hours, number of activities, the table, the printing date."""

    name: str = ""
    total: str = ""
    count: str = ""
    rows: list[dict[str, str]] = []
    more: str = ""
    printed_on: str = ""

    @rx.event
    def load(self):
        """Open the summary (signed in only)."""
        actor = self._require()
        if not isinstance(actor, Actor):
            self.rows = []
            return actor
        with db.transaction() as session:
            found = service_hours.summary(session, actor)
        self.name = found.name
        self.total = T.HOURS.format(hours=hours_words(found.minutes))
        self.count = T.PRINT_COUNT_VALUE.format(count=found.count)
        self.rows = [line_row(line) for line in found.lines]
        shown = len(found.lines)
        self.more = (
            T.PRINT_MORE.format(shown=shown, count=found.count) if shown < found.count else ""
        )
        self.printed_on = T.PRINT_ON.format(day=present.date_label(clock.today()))
        return None


class MyTeamsHoursVars(rx.State, mixin=True):
    """/me: 我的队伍, 志愿服务时长 (total and the last 3) and whether to link 队长工作台."""

    my_teams: list[dict[str, str]] = []
    hours_total: str = ""
    hours_recent: list[dict[str, str]] = []
    leads_a_team: bool = False

    def _load_teams_hours(self, session, actor: Actor) -> None:
        """Fill from the services: four statements however many teams and activities."""
        self.my_teams = [
            {
                "id": str(team.id),
                "name": team.name,
                "role": T.TEAM_ROLES["pending" if place.status != "active" else place.role],
                "tone": "ok" if place.status == "active" else "warn",
            }
            for team, place in team_access.my_teams(session, actor)
        ]
        self.leads_a_team = bool(team_access.led_team_ids(session, actor))
        minutes, count = service_hours.totals(session, actor)
        self.hours_total = T.TOTAL.format(hours=hours_words(minutes), count=count)
        self.hours_recent = [line_row(line) for line in service_hours.recent(session, actor)]

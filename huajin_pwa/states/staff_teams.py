"""/staff/teams (the list), /staff/teams/new and /staff/teams/<id> (the form, its leaders,
stopping the team), and the 参与情况 figures on /staff (ParticipationMixin)."""

from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.services import participation, team_admin, validate
from huajin_pwa.services.actor import STAFF, Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import FormErrors, Paged
from huajin_pwa.states.session import SessionState

T = text.StaffTeams
W = text.TeamWords
FOCUS_ERRORS = "window.huajinFocusErrors()"
SHOW_NOTICE = (
    "requestAnimationFrame(() => document.getElementById('page-notice')"
    "?.scrollIntoView({block: 'center'}))"
)


def hours(minutes: int) -> str:
    """Minutes as hours with at most one decimal: 150 -> 2.5, 120 -> 2."""
    return f"{minutes / 60:.1f}".removesuffix(".0")


def share(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


class ParticipationMixin(rx.State, mixin=True):
    """The 参与情况 section of /staff (mixed into StaffState, filled by _show_participation)."""

    part_in_teams: str = ""
    part_in_teams_share: str = ""
    part_activities: str = ""
    part_activities_words: str = ""
    part_attendance: str = ""
    part_attendance_words: str = ""
    part_hours_total: str = ""
    part_hours: list[dict[str, str]] = []  # the top ten teams, bars scaled to the first
    part_hours_rest: str = ""  # the other teams summed, in words

    def _show_participation(self, shown: participation.Participation) -> None:
        self.part_in_teams_share = f"{share(shown.in_teams, shown.members)}%"
        self.part_in_teams = T.PART_IN_TEAMS_WORDS.format(
            count=shown.in_teams, total=shown.members, percent=share(shown.in_teams, shown.members)
        )
        self.part_activities = str(shown.activities)
        self.part_activities_words = T.PART_ACTIVITIES_WORDS.format(count=shown.activities)
        if shown.signed:
            rate = share(shown.attended, shown.signed)
            self.part_attendance = f"{rate}%"
            self.part_attendance_words = T.PART_ATTENDANCE_WORDS.format(
                came=shown.attended, signed=shown.signed, percent=rate
            )
        else:
            self.part_attendance, self.part_attendance_words = "—", T.PART_ATTENDANCE_NONE
        rows = shown.hours_by_team
        largest = max((minutes for _name, minutes in rows), default=0)
        self.part_hours_rest = (
            T.PART_REST.format(count=shown.rest_teams, hours=hours(shown.rest_minutes))
            if shown.rest_teams
            else ""
        )
        self.part_hours_total = T.PART_HOURS_TOTAL.format(hours=hours(shown.total_minutes))
        self.part_hours = [
            {
                "label": name,
                "bar_label": T.PART_HOURS_BAR.format(team=name),
                "words": T.PART_HOURS_ROW.format(hours=hours(minutes)),
                "width": present.percent(minutes, largest),
                "done": str(minutes),
                "total": str(largest),
            }
            for name, minutes in rows
        ]


class StaffTeamsState(Paged, SessionState):
    """/staff/teams: every team, active ones first, with members and leaders."""

    rows: list[dict[str, str]] = []
    total: int = 0

    @rx.event
    def load(self):
        """Open the list on its first page."""
        self.page = 1
        return self._reload()

    def _reload(self):
        actor = self._require(STAFF)
        if not isinstance(actor, Actor):
            self.rows, self.total = [], 0
            return actor
        with db.transaction() as session:
            found = team_admin.team_list(session, actor, self.page)
        self.page, self.pages, self.total = found.page, found.pages, found.total
        self.rows = [
            {
                "id": str(line.team.id),
                "name": line.team.name,
                "kind": W.TEAM_KINDS.get(line.team.kind, ""),
                "members": T.MEMBERS.format(count=line.members),
                "leaders": T.LEADERS.format(names="、".join(line.leaders))
                if line.leaders
                else T.NO_LEADER,
                "stopped": "" if line.team.active else T.STOPPED,
            }
            for line in found.rows
        ]
        return None


class StaffTeamState(FormErrors, SessionState):
    """/staff/teams/new (a new team) and /staff/teams/<id> (edit, leaders, stop)."""

    ready: bool = False
    editing: bool = False
    active: bool = True
    team_id: str = ""
    team_name: str = ""
    stop_ask: str = ""
    members_line: str = ""
    answers: dict[str, str] = {}
    form_key: int = 0
    leader_key: int = 0  # a new leader form (empty) after each leader set
    leaders: list[dict[str, str]] = []
    confirm_remove: str = ""  # the leader whose 取消队长 asks to be confirmed
    confirm_stop: bool = False
    notice_warn: bool = False
    _team_id: int = 0
    _seen: dict[str, str] = {}

    def _forget(self) -> None:
        self.ready, self.team_id, self._team_id, self._seen = False, "", 0, {}
        self.answers, self.leaders, self.team_name, self.members_line = {}, [], "", ""

    def _start(self) -> None:
        self.errors, self.notice, self.notice_warn = {}, "", False
        self.confirm_remove, self.confirm_stop = "", False

    @rx.event
    def load_new(self):
        """Open an empty form."""
        self._start()
        self._forget()
        self.editing = False
        actor = self._require(STAFF)
        if not isinstance(actor, Actor):
            return actor
        self.answers = {name: "" for name in team_admin.FIELDS}
        self.active, self.ready = True, True
        self.form_key += 1
        return None

    @rx.event
    def load_edit(self):
        """Open the team in the address (?created=1: just made)."""
        self._start()
        self.editing = True
        actor = self._require(STAFF)
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        self._show(actor, row_id(self.router.page.params.get("team_id", "")))
        if self.ready and self.router.url.query_parameters.get("created") == "1":
            self.notice = T.CREATED.format(name=self.team_name)
        return None

    def _show(self, actor: Actor, team_id: int) -> None:
        """The team as it stands now; the form starts again from it."""
        try:
            with db.transaction() as session:
                shown = team_admin.team_view(session, actor, team_id)
        except DomainError as error:
            self._forget()
            self.notice, self.notice_warn = error.message, True
            return
        team = shown.team
        self._team_id, self.team_id, self.team_name = team.id, str(team.id), team.name
        self.stop_ask = T.STOP_ASK.format(name=team.name)
        self._seen = team_admin.seen_of(team)
        self.answers = dict(self._seen)
        self.active = team.active
        self.members_line = T.MEMBERS.format(count=shown.members)
        self.leaders = [
            {
                "id": str(line.account_id),
                "name": line.name,
                "line": T.LEADER_LINE.format(name=line.name, phone=line.phone),
                "ask": T.REMOVE_ASK.format(name=line.name),
            }
            for line in shown.leaders
        ]
        self.ready = True
        self.form_key += 1

    def _staff(self) -> Actor | Any:
        actor = self._require(STAFF)
        if not isinstance(actor, Actor):
            self._forget()
        return actor

    @rx.event
    def save(self, form: Any):
        """建立队伍 (new) or 保存修改 (edit, refused if someone changed it meanwhile)."""
        actor = self._staff()
        if not isinstance(actor, Actor) or not self.ready or (self.editing and not self.active):
            return None if isinstance(actor, Actor) else actor
        data = form_dict(form)
        kept = {name: validate.as_text(data.get(name))[:400] for name in team_admin.FIELDS}
        self.confirm_remove, self.confirm_stop = "", False
        try:
            with db.transaction() as session:
                if self.editing:
                    team_admin.edit_team(session, actor, self._team_id, self._seen, data)
                else:
                    team = team_admin.create_team(session, actor, data)
        except FormError as error:
            self.errors, self.answers, self.notice = error.errors, kept, ""
            return rx.call_script(FOCUS_ERRORS)
        except DomainError as error:
            self.errors = {}
            if self.editing:  # someone changed it first: show the newest
                self._show(actor, self._team_id)
            self.notice, self.notice_warn = error.message, True
            return rx.call_script(SHOW_NOTICE)
        self.errors = {}
        if not self.editing:
            return rx.redirect(f"/staff/teams/{team.id}?created=1")
        self._show(actor, self._team_id)
        self.notice, self.notice_warn = T.SAVED, False
        return rx.call_script(SHOW_NOTICE)

    def _after(self, actor: Actor, message: str, warn: bool):
        self._show(actor, self._team_id)
        self.notice, self.notice_warn = message, warn
        return rx.call_script(SHOW_NOTICE)

    @rx.event
    def add_leader(self, form: Any):
        """设置队长: the mobile number of an existing, active account."""
        actor = self._staff()
        if not isinstance(actor, Actor) or not self._team_id:
            return None if isinstance(actor, Actor) else actor
        self.confirm_remove, self.confirm_stop = "", False
        try:
            with db.transaction() as session:
                account = team_admin.set_leader(
                    session, actor, self._team_id, form_dict(form).get("phone")
                )
        except FormError as error:
            self.errors, self.notice = error.errors, ""
            return rx.call_script(FOCUS_ERRORS)
        except DomainError as error:
            self.errors = {}
            return self._after(actor, error.message, True)
        self.errors = {}
        self.leader_key += 1
        return self._after(actor, T.LEADER_SET.format(name=account.name), False)

    @rx.event
    def ask_remove(self, account_id: Any):
        """取消队长: ask to confirm, on the leader's line."""
        wanted = str(row_id(account_id) or "")
        if any(leader["id"] == wanted for leader in self.leaders):
            self.confirm_remove, self.confirm_stop = wanted, False

    @rx.event
    def keep_leader(self):
        """先不取消."""
        self.confirm_remove = ""

    @rx.event
    def remove_leader(self):
        """确定取消队长 (the leader whose confirmation is open)."""
        actor = self._staff()
        if not isinstance(actor, Actor) or not self.confirm_remove:
            return None if isinstance(actor, Actor) else actor
        wanted, self.confirm_remove, self.errors = self.confirm_remove, "", {}
        try:
            with db.transaction() as session:
                account = team_admin.remove_leader(session, actor, self._team_id, wanted)
        except DomainError as error:
            return self._after(actor, error.message, True)
        return self._after(actor, T.LEADER_REMOVED.format(name=account.name), False)

    @rx.event
    def ask_stop(self):
        """停止活动: ask to confirm."""
        if self.ready and self.editing and self.active:
            self.confirm_stop, self.confirm_remove = True, ""

    @rx.event
    def keep_going(self):
        """先不停止."""
        self.confirm_stop = False

    @rx.event
    def stop(self):
        """确定停止活动; the confirmation says how many of its activities are still to come."""
        actor = self._staff()
        if not isinstance(actor, Actor) or not self.confirm_stop:
            return None if isinstance(actor, Actor) else actor
        self.confirm_stop, self.errors = False, {}
        try:
            with db.transaction() as session:
                team, upcoming = team_admin.stop_team(session, actor, self._team_id)
        except DomainError as error:
            return self._after(actor, error.message, True)
        message = T.STOPPED_DONE.format(name=team.name)
        if upcoming:
            message += T.STOPPED_UPCOMING.format(count=upcoming)
        return self._after(actor, message, False)

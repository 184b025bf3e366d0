"""/leader (the team leader's workbench: 入队申请 · 队员 · 活动 for one team at a time) and
/leader/refer/<member_id> (以老带新: refer an undisclosed team member to staff)."""

from typing import Any
from urllib.parse import quote, urlencode

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.services import activity_calendar, clock, leader, leader_referral, validate
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import FormErrors, Paged
from huajin_pwa.states.session import SessionState

T = text.Leader
W = text.TeamWords
TABS = tuple(T.TABS)
PHASE_TONES = {"open": "warn", "started": "ok", "ended": "plain", "cancelled": "bad"}


def sign_in_path(path: str, params: dict[str, str]) -> str:
    """/login?next=<this page, query and all>."""
    here = path + ("?" + urlencode(params) if params else "")
    return "/login?next=" + quote(here, safe="/")


def team_option(name: str, waiting: int) -> str:
    """老红帽（2人申请）, or just the name when nobody is waiting (short enough for 特大)."""
    return T.TEAM_OPTION.format(name=name, count=waiting) if waiting else name


def request_row(line: leader.RequestLine) -> dict[str, str]:
    return {
        "id": str(line.member.id),
        "version": str(line.member.version),
        "name": line.name,
        "team": T.ASKED_TEAM.format(team=line.team_name),
        "asked": T.ASKED_ON.format(day=present.day(clock.as_utc(line.member.asked_at))),
        "approve_label": T.APPROVE_LABEL.format(name=line.name),
        "decline_label": T.DECLINE_LABEL.format(name=line.name),
    }


def member_row(line: leader.RosterLine) -> dict[str, str]:
    return {
        "id": str(line.member_id),
        "name": line.name,
        "phone": line.phone,
        "leader": T.IS_LEADER if line.role == "leader" else "",
        "disclosed": "yes" if line.disclosed else "",
        "status": T.DISCLOSED if line.disclosed else T.NOT_DISCLOSED,
        "tone": "ok" if line.disclosed else "warn",
        "referred": "yes" if line.referred else "",
        "refer_label": T.REFER_LABEL.format(name=line.name),
    }


def activity_row(line: leader.ActivityLine) -> dict[str, str]:
    found = line.activity
    starts, ends = clock.as_utc(found.starts_at), clock.as_utc(found.ends_at)
    phase = activity_calendar.phase(found)
    return {
        "id": str(found.id),
        "title": found.title,
        "kind": W.ACTIVITY_KINDS.get(found.kind, found.kind),
        "when": T.WHEN.format(
            day=present.day(starts),
            start=f"{present.local(starts):%H:%M}",
            end=f"{present.local(ends):%H:%M}",
        ),
        "signed": T.SIGNED.format(signed=found.seats_taken, capacity=found.capacity),
        "checked": T.CHECKED_IN.format(count=line.checked_in),
        "status": W.ACTIVITY_PHASES[phase],
        "tone": PHASE_TONES[phase],
        "open_label": T.OPEN_ACTIVITY.format(title=found.title),
    }


class LeaderState(Paged, SessionState):
    """/leader?tab=requests|members|activities&team=<id>."""

    allowed: bool = False
    leads_nothing: bool = False
    notice_warn: bool = False
    tab: str = "requests"
    team_id: str = ""
    team_name: str = ""
    team_options: list[list[str]] = []
    n_requests: int = 0
    requests: list[dict[str, str]] = []
    members: list[dict[str, str]] = []
    activities: list[dict[str, str]] = []

    @rx.event
    def load(self):
        """Open the workbench on the tab and team the address names."""
        self.notice, self.notice_warn, self.page = "", False, 1
        params = dict(self.router.url.query_parameters)
        tab = params.get("tab", "")
        self.tab = tab if tab in TABS else "requests"
        self.team_id = str(row_id(params.get("team", "")) or "")
        return self._reload()

    def _forget(self) -> None:
        self.allowed, self.team_name, self.team_options = False, "", []
        self.requests, self.members, self.activities, self.n_requests = [], [], [], 0

    def _reload(self):
        actor = self._actor()
        self._show_actor(actor)
        if actor is None:
            self.token = ""
            self._forget()
            asked = {"tab": self.tab if self.tab != TABS[0] else "", "team": self.team_id}
            params = {name: value for name, value in asked.items() if value}
            return rx.redirect(sign_in_path("/leader", params))
        with db.transaction() as session:
            teams = leader.led_teams(session, actor)
            counts = leader.pending_counts(session, [team.id for team in teams])
            self.leads_nothing = not teams
            if not teams:
                self._forget()
                return None
            chosen = self._choose(teams, counts)
            self._fetch(session, actor, chosen.id)
        self.allowed, self.team_id, self.team_name = True, str(chosen.id), chosen.name
        self.n_requests = counts.get(chosen.id, 0)
        self.team_options = [
            [str(team.id), team_option(team.name, counts.get(team.id, 0))] for team in teams
        ]
        return None

    def _choose(self, teams, counts):
        """The team the address names, else the first with people waiting, else the first."""
        wanted = row_id(self.team_id)
        for team in teams:
            if team.id == wanted:
                return team
        return next((team for team in teams if counts.get(team.id)), teams[0])

    def _fetch(self, session, actor: Actor, team_id: int) -> None:
        if self.tab == "members":
            found = leader.roster(session, actor, team_id, self.page)
            self.members = [member_row(line) for line in found.rows]
        elif self.tab == "activities":
            found = leader.activities(session, actor, team_id, self.page)
            self.activities = [activity_row(line) for line in found.rows]
        else:
            found = leader.requests(session, actor, team_id, self.page)
            self.requests = [request_row(line) for line in found.rows]
        self.page, self.pages = found.page, found.pages

    @rx.event
    def choose_team(self, form: Any):
        """Look at another of the teams one leads."""
        team = row_id(form_dict(form).get("team"))
        params = {"tab": self.tab, "team": str(team)} if team else {"tab": self.tab}
        return rx.redirect("/leader?" + urlencode(params))

    @rx.event
    def approve(self, member_id: Any, version: Any):
        """同意: the person joins the team and is told."""
        return self._decide(member_id, version, True)

    @rx.event
    def decline(self, member_id: Any, version: Any):
        """不同意: the request is declined and the person is told."""
        return self._decide(member_id, version, False)

    def _decide(self, member_id: Any, version: Any, approve: bool):
        actor = self._actor()
        if actor is None:
            return self._reload()
        wanted = row_id(member_id)
        name = next((row["name"] for row in self.requests if row["id"] == str(wanted)), "")
        try:
            with db.transaction() as session:
                leader.decide(session, actor, wanted, approve, row_id(version) or None)
        except DomainError as error:
            self.notice, self.notice_warn = error.message, True
            return self._reload()
        self.notice = (T.APPROVED if approve else T.DECLINED).format(name=name)
        self.notice_warn = False
        return self._reload()


class LeaderReferState(FormErrors, SessionState):
    """/leader/refer/<member_id>: why the leader thinks this team member is a party member."""

    found: bool = False
    done: bool = False
    name: str = ""
    team_name: str = ""
    team_id: str = ""
    how_known: str = ""
    form_key: int = 0
    _member_id: int = 0

    @rx.event
    def load(self):
        """Open the form for the team member the address names, or say why not."""
        self.errors, self.done, self.notice, self.how_known = {}, False, "", ""
        self._member_id = row_id(self.router.page.params.get("member_id", ""))
        return self._check()

    def _check(self):
        actor = self._actor()
        self._show_actor(actor)
        if actor is None:
            self.token, self.found = "", False
            return rx.redirect(sign_in_path(f"/leader/refer/{self._member_id}", {}))
        try:
            with db.transaction() as session:
                found = leader_referral.candidate(session, actor, self._member_id)
        except DomainError as error:
            self.found, self.notice = False, error.message
            return None
        self.found, self.name = True, found.name
        self.team_name, self.team_id = found.team.name, str(found.team.id)
        self.form_key += 1
        return None

    @rx.event
    def submit(self, form: Any):
        """推荐给社区: send the referral to staff, or show what to fix (the answer kept)."""
        actor = self._actor()
        if actor is None:
            return self._check()
        data = form_dict(form)
        try:
            with db.transaction() as session:
                leader_referral.refer(session, actor, self._member_id, data)
        except FormError as error:
            self.errors = error.errors
            self.how_known = validate.as_text(data.get("how_known"))[:400]
            self.form_key += 1
            return rx.call_script("window.huajinFocusErrors()")
        except DomainError as error:
            self.errors, self.found, self.notice = {}, False, error.message
            return None
        self.errors, self.done = {}, True
        self.notice = T.REFER_DONE.format(name=self.name)
        return None

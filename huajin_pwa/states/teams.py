"""/teams and /teams/<id>: the public list of troupes and volunteer teams (by kind, a page at a
time, one's own teams on top) and one team with 申请加入 / 撤回申请 / 退出队伍."""

from typing import Any
from urllib.parse import quote

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.models import Activity
from huajin_pwa.services import team_access, teams
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError
from huajin_pwa.services.teams import TeamLine, TeamView
from huajin_pwa.states.forms import row_id
from huajin_pwa.states.mixins import Paged
from huajin_pwa.states.session import SessionState

T = text.TeamPages
W = text.TeamWords


def team_row(line: TeamLine) -> dict[str, str]:
    """A team as its card in the list shows it: every value a ready string."""
    team = line.team
    return {
        "id": str(team.id),
        "name": team.name,
        "kind": W.TEAM_KINDS.get(team.kind, ""),
        "summary": team.summary,
        "when": team.meets_when,
        "where": team.meets_where,
        "leaders": leaders_line(line.leaders),
        "members": T.MEMBERS.format(count=line.members),
        "href": f"/teams/{team.id}",
    }


def leaders_line(names: list[str]) -> str:
    """队长：甲、乙 (or 暂未确定)."""
    return T.LEADERS.format(names="、".join(names)) if names else T.NO_LEADER


def activity_row(activity: Activity) -> dict[str, str]:
    """A coming activity on the team's page."""
    start, end = present.local(activity.starts_at), present.local(activity.ends_at)
    return {
        "id": str(activity.id),
        "title": activity.title,
        "kind": W.ACTIVITY_KINDS.get(activity.kind, ""),
        "when": T.ACTIVITY_WHEN.format(
            day=present.day(activity.starts_at), start=f"{start:%H:%M}", end=f"{end:%H:%M}"
        ),
        "place": activity.place,
        "audience": W.AUDIENCES.get(activity.audience, ""),
        "href": f"/activities/{activity.id}",
    }


class TeamsState(Paged, SessionState):
    """The list: 全部 / 文艺队 / 志愿服务队 from ?kind=, a page at a time."""

    kind: str = teams.ALL
    rows: list[dict[str, str]] = []
    total: int = 0
    mine: list[dict[str, str]] = []

    @rx.event
    def load(self):
        """Open /teams (anyone): the chosen kind's first page, and one's own teams."""
        self.kind = teams.clean_kind(self.router.url.query_parameters.get("kind", ""))
        self.page = 1
        actor = self._actor()
        self._show_actor(actor)
        with db.transaction() as session:
            own = team_access.my_teams(session, actor)
        self.mine = [
            {
                "name": T.MY_TEAM_LINE.format(
                    name=team.name, status=W.MEMBER_STATUS.get(row.status, "")
                ),
                "href": f"/teams/{team.id}",
            }
            for team, row in own
        ]
        self._reload()

    def _reload(self):
        with db.transaction() as session:
            found = teams.list_teams(session, self.kind, self.page)
        self.rows = [team_row(line) for line in found.rows]
        self.page, self.pages, self.total = found.page, found.pages, found.total


class TeamState(SessionState):
    """One team: what it is, its coming activities and the viewer's place in it."""

    found: bool = False
    missing: str = ""  # why nothing is shown (a missing or stopped team)
    name: str = ""
    kind: str = ""
    summary: str = ""
    meets_when: str = ""
    meets_where: str = ""
    leaders: str = ""
    members: str = ""
    activities: list[dict[str, str]] = []
    status: str = ""  # the viewer's row: "", pending, active, declined, left
    leads: bool = False
    confirming: bool = False  # 退出队伍 asked: the inline question shows
    notice_warn: bool = False
    sign_in_href: str = "/login"
    _team_id: int = 0

    @rx.event
    def load(self):
        """Open /teams/<id> (anyone)."""
        self.notice, self.notice_warn, self.confirming = "", False, False
        self._team_id = row_id(self.router.page.params.get("team_id", ""))
        path = f"/teams/{self._team_id}" if self._team_id else "/teams"
        self.sign_in_href = "/login?next=" + quote(path, safe="/")
        actor = self._actor()
        self._show_actor(actor)
        self._fetch(actor)

    def _fetch(self, actor: Actor | None) -> None:
        try:
            with db.transaction() as session:
                view = teams.team_page(session, actor, self._team_id)
        except DomainError as error:
            self.found, self.missing, self.activities = False, error.message, []
            self.status, self.leads = "", False
            return
        self._show(view)

    def _show(self, view: TeamView) -> None:
        team = view.team
        self.found, self.missing = True, ""
        self.name, self.kind = team.name, W.TEAM_KINDS.get(team.kind, "")
        self.summary, self.meets_when, self.meets_where = (
            team.summary,
            team.meets_when,
            team.meets_where,
        )
        self.leaders = "、".join(view.leaders) or T.LEADER_UNKNOWN
        self.members = T.MEMBERS.format(count=view.members)
        self.activities = [activity_row(activity) for activity in view.upcoming]
        self.status = view.mine.status if view.mine else ""
        self.leads = view.leads

    def _act(self, service, done: str):
        actor = self._actor()
        self._show_actor(actor)
        self.confirming = False
        if actor is None:
            return rx.redirect(self.sign_in_href)
        try:
            with db.transaction() as session:
                service(session, actor, self._team_id)
            self.notice, self.notice_warn = done.format(team=self.name), False
        except DomainError as error:
            self.notice, self.notice_warn = error.message, True
        self._fetch(actor)
        return None

    @rx.event
    def ask(self):
        """申请加入: one tap (signed out: to /login and back here)."""
        return self._act(teams.ask_to_join, T.ASKED)

    @rx.event
    def withdraw(self):
        """撤回申请."""
        return self._act(teams.withdraw, T.WITHDRAWN)

    @rx.event
    def confirm_leave(self, asking: Any = True):
        """退出队伍 (or 不退出): show or hide the inline question."""
        self.confirming = asking is True and self.status == "active" and not self.leads

    @rx.event
    def leave(self):
        """确定退出."""
        return self._act(teams.leave, T.LEFT)

"""文艺先行 and 志愿服务 in the demo (issue 5): the 29 volunteer teams and four arts troupes
(team_data.py), their leaders and members, a few join asks waiting, and the people of
activity_cast.py where the browser tests expect them.

Leaders are approved members outside grid 1 (13800000003 leads 华锦艺术团 and 老红帽); each
holds a RoleGrant leader. Troupes also take residents whose disclosure is not approved (no
member role): that is how leaders spot undisclosed party members. Drawn from its own
random.Random(TEAM_SEED); rows go in bulk. Summaries end with "（演示数据）"."""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import insert
from sqlmodel import Session

from huajin_pwa import text
from huajin_pwa.demo import activity_cast as cast
from huajin_pwa.demo.records import CAST_PHONES, SEED, SIGN_IN_PHONES, Person, Plan
from huajin_pwa.demo.team_data import TROUPES, VOLUNTEER_TEAMS
from huajin_pwa.models import RoleGrant, Team, TeamMember

TEAM_SEED = SEED * 10 + 5
TEAM_DAYS_AGO = 80  # when staff entered the teams into the app
# Active members every team holds besides the ones fixed below (13800000004 only in the troupe,
# the crew in 老红帽, the leaver in 巧姐姐, the undisclosed resident in the troupe).
FIXED = {
    cast.LEADER_TROUPE: (cast.MEMBER_PHONE, cast.UNDISCLOSED),
    cast.LEADER_TEAM: cast.CREW,
    "巧姐姐": (cast.LEAVER,),
}
KEPT_OUT = SIGN_IN_PHONES | set(CAST_PHONES)  # in no team unless fixed above


@dataclass
class Roster:
    """The teams written, for the activity demo: ids, leaders and active members."""

    ids: dict[str, int] = field(default_factory=dict)
    kinds: dict[int, str] = field(default_factory=dict)
    places: dict[int, str] = field(default_factory=dict)
    leaders: dict[int, int] = field(default_factory=dict)
    members: dict[int, list[int]] = field(default_factory=dict)  # the leader first
    rows: int = 0


def seed_teams(
    session: Session, plan: Plan, now: datetime, account_ids: dict[str, int], staff_id: int
) -> Roster:
    """Write the teams and their members into the caller's transaction."""
    return _Teams(session, plan, now, account_ids, staff_id).write()


class _Teams:
    def __init__(self, session, plan: Plan, now: datetime, account_ids, staff_id: int):
        self.session, self.now, self.ids, self.staff = session, now, account_ids, staff_id
        self.rng = random.Random(TEAM_SEED)
        self.people = {p.phone: p for p in plan.everyone}
        bulk = [p for p in plan.people if p.phone not in KEPT_OUT]
        self.approved = [p for p in bulk if p.status == "approved"]
        self.unapproved = [p for p in bulk if p.status != "approved"]
        self.roster = Roster()
        self.rows: list[dict] = []

    def at(self, days_ago: float) -> datetime:
        return self.now - timedelta(days=days_ago)

    def write(self) -> Roster:
        teams = [
            Team(
                name=name,
                kind=kind,
                summary=summary + text.Demo.SUFFIX,
                meets_when=when,
                meets_where=where,
                created_at=self.at(TEAM_DAYS_AGO),
            )
            for kind, specs in (("troupe", TROUPES), ("volunteer", VOLUNTEER_TEAMS))
            for name, summary, when, where in specs
        ]
        self.session.add_all(teams)
        self.session.flush()
        leaders = self._leaders(teams)
        for team in teams:
            self.roster.ids[team.name] = team.id
            self.roster.kinds[team.id] = team.kind
            self.roster.places[team.id] = team.meets_where
            self._fill(team, leaders[team.name])
        self._asks(teams)
        self.session.execute(insert(TeamMember), self.rows)
        self._grants(set(leaders.values()))
        self.roster.rows = len(self.rows)
        return self.roster

    def _leaders(self, teams: list[Team]) -> dict[str, Person]:
        """13800000003 for his two teams; approved members outside grid 1 for the rest."""
        pool = [p for p in self.approved if p.grid != 1]
        self.rng.shuffle(pool)
        fixed = (cast.LEADER_TROUPE, cast.LEADER_TEAM)
        others = [t.name for t in teams if t.name not in fixed]
        leaders = {name: pool[i % len(pool)] for i, name in enumerate(others)}
        return leaders | {name: self.people[cast.LEADER_PHONE] for name in fixed}

    def _row(self, team: Team, person: Person, status: str, role: str = "member", **extra):
        asked = extra.pop("asked_ago", None)
        if asked is None:
            asked = min(TEAM_DAYS_AGO, person.created_ago) * self.rng.uniform(0.4, 0.95)
        decided = None if status == "pending" else max(0.01, asked - self.rng.uniform(0.1, 2))
        leader = self.roster.leaders.get(team.id, self.staff)
        self.rows.append(
            {
                "team_id": team.id,
                "account_id": self.ids[person.phone],
                "status": status,
                "role": role,
                "asked_at": self.at(asked),
                "decided_at": self.at(decided) if decided is not None else None,
                "decided_by_id": None if decided is None else (extra.get("by") or leader),
                "left_at": self.at(decided / 2) if status == "left" else None,
                "version": 1 if status == "pending" else 2 + (status == "left"),
            }
        )

    def _fill(self, team: Team, leader: Person) -> None:
        days = min(TEAM_DAYS_AGO, leader.created_ago)
        self._row(team, leader, "active", "leader", asked_ago=days, by=self.staff)
        self.roster.leaders[team.id] = self.ids[leader.phone]
        chosen = [self.people[phone] for phone in FIXED.get(team.name, ())]
        size = self.rng.randint(9, 14) if team.kind == "troupe" else self.rng.randint(5, 10)
        others = [p for p in self.approved if p.phone != leader.phone]
        chosen += self.rng.sample(others, size)
        if team.kind == "troupe":  # residents not (yet) disclosed join troupes too
            chosen += self.rng.sample(self.unapproved, self.rng.randint(2, 3))
        for person in chosen:
            self._row(team, person, "active")
        self.roster.members[team.id] = [self.ids[leader.phone]] + [
            self.ids[p.phone] for p in chosen
        ]

    def _asks(self, teams: list[Team]) -> None:
        """The two askers waiting for 老红帽's leader; a few asks, one decline and two who
        left elsewhere."""
        red = next(t for t in teams if t.name == cast.LEADER_TEAM)
        for phone, ago in zip(cast.JOIN_ASKERS, (1.6, 0.7), strict=True):
            self._row(red, self.people[phone], "pending", asked_ago=ago)
        others = [t for t in teams if t.name not in FIXED]
        for status in ("pending", "pending", "pending", "declined", "left", "left"):
            team = self.rng.choice(others)
            taken = set(self.roster.members[team.id])
            taken |= {r["account_id"] for r in self.rows if r["team_id"] == team.id}
            person = self.rng.choice([p for p in self.approved if self.ids[p.phone] not in taken])
            ago = self.rng.uniform(0.5, 4) if status == "pending" else None
            self._row(team, person, status, asked_ago=ago)

    def _grants(self, leaders: set[Person]) -> None:
        self.session.add_all(
            RoleGrant(
                account_id=self.ids[p.phone], role="leader", created_at=self.at(TEAM_DAYS_AGO)
            )
            for p in sorted(leaders, key=lambda p: p.phone)
            if "leader" not in p.roles
        )

"""The activity benchmark's dataset: a community of members in 33 teams with `activities`
activities (all five kinds, about a quarter members only) from a year ago to twelve weeks
ahead, `busy` of them in next week, and `signups` sign-ups (most holding a seat, some waiting
or cancelled; past ones mostly checked in, past 志愿服务 with confirmed hours). One leader leads
three teams with `asks` join requests waiting; one member is signed up for `mine` activities.
Written with bulk inserts; seats_taken equals the signed rows of each activity."""

import random
import secrets
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import insert, text
from sqlmodel import Session

from bench.visit_dataset import account_row
from huajin_pwa.demo import data
from huajin_pwa.models import Account, Activity, ActivitySignup, RoleGrant, Team, TeamMember
from huajin_pwa.services import clock
from huajin_pwa.services.actor import Actor

TEAMS = 33
LED = 3  # teams the leader leads: ids 1 to 3
KINDS = ("show", "rehearsal", "service", "service", "sale", "study")
BATCH = 10_000


class Dataset:
    """Who the benchmark acts as, and how big the data came out."""

    def __init__(self, activities: int, signups: int):
        self.activities = activities
        self.wanted_signups = signups
        self.members = max(60, signups // 25)
        self.busy = max(45, activities // 10)
        self.asks = max(45, activities // 10)
        self.mine = max(45, activities // 10)
        self.busy_member_id = 1
        self.leader_id = self.members + 1
        self.staff_id = self.members + 2
        self.signups = 0
        self.busy_monday = clock.monday(clock.today()) + timedelta(days=7)

    def staff(self) -> Actor:
        return Actor(self.staff_id, "工作人员", "13800000001", frozenset({"staff"}))

    def leader(self) -> Actor:
        return Actor(self.leader_id, "队长", "13800000003", frozenset({"member", "leader"}))

    def member(self) -> Actor:
        return Actor(self.busy_member_id, "成员", "13900000000", frozenset({"member"}))


def seed(engine, activities: int, signups: int) -> Dataset:
    """The dataset; seconds on SQLite, a little longer on PostgreSQL."""
    rng = random.Random(2019)
    found = Dataset(activities, signups)
    now = clock.now()
    with Session(engine) as session:
        _people(session, rng, found, now)
        rows = _activities(rng, found, now)
        signup_rows = _signups(rng, found, rows, now)  # sets seats_taken
        for start in range(0, len(rows), BATCH):
            session.execute(insert(Activity), rows[start : start + BATCH])
        for start in range(0, len(signup_rows), BATCH):
            session.execute(insert(ActivitySignup), signup_rows[start : start + BATCH])
        found.signups = len(signup_rows)
        if engine.dialect.name == "postgresql":  # the ids above were given, not drawn
            for table in ("account", "team", "activity"):
                session.execute(
                    text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))")
                )
        session.commit()
    if engine.dialect.name == "postgresql":  # autovacuum's job in production
        with engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    return found


def _people(session: Session, rng: random.Random, found: Dataset, now: datetime) -> None:
    accounts, grants, teams, places = [], [], [], []
    for n in range(found.members):
        name = rng.choice(data.SURNAMES) + rng.choice(data.MALE_GIVEN + data.FEMALE_GIVEN)
        accounts.append(account_row(n + 1, f"139{n:08d}", name, now))
        grants.append({"account_id": n + 1, "role": "member", "grid_id": None})
    accounts.append(account_row(found.leader_id, "13800000003", "队长", now))
    accounts.append(account_row(found.staff_id, "13800000001", "工作人员", now))
    grants += [
        {"account_id": found.leader_id, "role": role, "grid_id": None}
        for role in ("member", "leader")
    ]
    grants.append({"account_id": found.staff_id, "role": "staff", "grid_id": None})
    for n in range(1, TEAMS + 1):
        teams.append(
            {
                "id": n,
                "name": f"志愿服务队{n:02d}",
                "kind": "troupe" if n % 8 == 0 else "volunteer",
                "summary": "benchmark",
                "meets_when": "每周二上午",
                "meets_where": f"活动室{n}",
                "active": True,
                "created_at": now,
            }
        )
        places.append(f"活动室{n}")
    session.execute(insert(Account), accounts)
    session.execute(insert(RoleGrant), grants)
    session.execute(insert(Team), teams)
    members = [_member(n, found.leader_id, "active", "leader", now) for n in range(1, LED + 1)]
    for account in range(2, found.members + 1):  # the busy member asks below
        members.append(_member(1 + account % TEAMS, account, "active", "member", now))
    for n in range(found.asks):  # waiting for the leader, spread over the three teams
        account, team = found.members - n, 1 + n % LED
        if team == 1 + account % TEAMS:  # already in it: ask to join the next one
            team = 1 + (n + 1) % LED
        members.append(_member(team, account, "pending", "member", now - timedelta(hours=n)))
    session.execute(insert(TeamMember), members)


def _member(team: int, account: int, status: str, role: str, at: datetime) -> dict:
    return {
        "team_id": team,
        "account_id": account,
        "status": status,
        "role": role,
        "asked_at": at,
        "decided_at": None if status == "pending" else at,
        "decided_by_id": None,
        "left_at": None,
        "version": 1,
    }


def _local(day: date, hour: float) -> datetime:
    moment = datetime.combine(day, time(int(hour), int(hour % 1 * 60)), clock.LOCAL_TZ)
    return moment.astimezone(UTC)


def _activities(rng: random.Random, found: Dataset, now: datetime) -> list[dict]:
    today = clock.today()
    rows = []
    for n in range(found.activities):
        if n < found.busy:
            day = found.busy_monday + timedelta(days=rng.randint(0, 6))
        else:
            day = today + timedelta(days=rng.randint(-365, 84))
            if found.busy_monday <= day < found.busy_monday + timedelta(days=7):
                day += timedelta(days=7)
        starts = _local(day, rng.choice((8.5, 9, 9.5, 14, 14.5, 19)))
        team = rng.randint(0, TEAMS) if n % 8 else 1 + n // 8 % LED  # 0: the community's
        rows.append(
            {
                "id": n + 1,
                "team_id": team or None,
                "kind": rng.choice(KINDS),
                "title": f"活动{n + 1}",
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=2),
                "place": f"活动室{team}",
                "capacity": 40,
                "seats_taken": 0,
                "audience": "members" if rng.random() < 0.25 else "public",
                "description": "",
                "picture_id": None,
                "token": secrets.token_urlsafe(32),
                "status": "cancelled" if rng.random() < 0.02 else "open",
                "created_by_id": found.leader_id if team and team <= LED else found.staff_id,
                "created_at": min(now, starts - timedelta(days=7)),
                "updated_at": min(now, starts - timedelta(days=7)),
                "version": 1,
            }
        )
    return rows


def _signups(rng: random.Random, found: Dataset, activities: list[dict], now) -> list[dict]:
    """About signups/activities per activity from the members (never two for one person),
    and the busy member at `mine` activities; seats_taken is set to match."""
    per = found.wanted_signups / found.activities
    mine = set(rng.sample(range(len(activities)), min(found.mine, len(activities))))
    rows = []
    for index, activity in enumerate(activities):
        count = min(38, max(1, round(rng.gauss(per, per / 4))))
        people = rng.sample(range(2, found.members + 1), count)
        if index in mine:
            people[0] = found.busy_member_id
        for account in people:
            status = rng.choices(("signed", "waiting", "cancelled"), (90, 4, 6))[0]
            rows.append(_signup(rng, activity, account, status, now, found.leader_id))
        activity["seats_taken"] = sum(r["status"] == "signed" for r in rows[len(rows) - count :])
    return rows


def _signup(rng, activity: dict, account: int, status: str, now, leader: int) -> dict:
    past = activity["ends_at"] < now
    came = past and status == "signed" and rng.random() < 0.85
    hours = came and activity["kind"] == "service" and rng.random() < 0.9
    at = activity["created_at"]
    return {
        "activity_id": activity["id"],
        "account_id": account,
        "status": status,
        "created_at": at,
        "updated_at": at,
        "checked_in_at": activity["starts_at"] if came else None,
        "check_in_via": "scan" if came else "",
        "service_minutes": 120 if hours else None,
        "hours_confirmed_at": activity["ends_at"] if hours else None,
        "hours_confirmed_by_id": leader if hours else None,
    }

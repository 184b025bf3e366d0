"""The 上门看望 benchmark's dataset: six grids, members all disclosed, about 10% in difficulty
(困难) and 8% frail, and visits over the last 12 months, written with bulk inserts."""

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, text
from sqlmodel import Session

from huajin_pwa.demo import data
from huajin_pwa.models import Account, Building, Campaign, Disclosure, Grid, RoleGrant, Visit
from huajin_pwa.services import clock, visits
from huajin_pwa.services.actor import Actor

GRIDS = 6
REASONS = ("chat", "help", "study", "health", "other")
PARTS = ("am", "pm", "eve")


class Offices:
    """The staff member and grid one's secretary a benchmark acts as (staff_id, secretary_id
    and grid_one are set by the dataset)."""

    staff_id: int
    secretary_id: int
    grid_one: int

    def staff(self) -> Actor:
        return Actor(self.staff_id, "工作人员", "13800000001", frozenset({"staff"}))

    def secretary(self) -> Actor:
        return Actor(
            self.secretary_id,
            "网格书记",
            "13800000002",
            frozenset({"secretary"}),
            frozenset({self.grid_one}),
        )


class Dataset(Offices):
    """Who the benchmark acts as, once the data is in."""

    def __init__(self, members: int):
        self.members = members
        self.staff_id = members + 1
        self.secretary_id = members + 2
        self.campaign_id = 1
        self.busy_member_id = 0
        self.grid_one = 1
        self.visit_count = 0
        self.open_requests = 0

    def member(self) -> Actor:
        return Actor(self.busy_member_id, "成员", "", frozenset({"member"}))


def account_row(account_id: int, phone: str, name: str, now: datetime) -> dict:
    """A bench member's account row (no usable PIN)."""
    return {
        "id": account_id,
        "phone": phone,
        "name": name,
        "secret_kind": "pin",
        "secret_hash": "x",
        "active": True,
        "failed_tries": 0,
        "created_at": now,
    }


def approved_row(
    rng, account_id: int, name: str, building: Building, now: datetime, frail: float, hard: bool
) -> dict:
    """An approved disclosure row; frail: the share 行动不便, hard: in difficulty."""
    return {
        "account_id": account_id,
        "status": "approved",
        "name": name,
        "gender": "",
        "birth_year": rng.randint(1940, 1965),
        "grid_id": building.grid_id,
        "building_id": building.id,
        "unit": rng.randint(1, 4),
        "room": f"{rng.randint(1, 30)}{rng.randint(1, 6):02d}",
        "org_name": "",
        "org_place": "",
        "hobbies": "",
        "wishes": "",
        "review_reason": "",
        "mobility_limited": rng.random() < frail,
        "family_difficulty": hard,
        "version": 3,
        "created_at": now - timedelta(days=400),
        "submitted_at": now - timedelta(days=400),
        "reviewed_at": now - timedelta(days=399),
    }


def _visit(member_id: int, grid_id: int, created: datetime, **values) -> dict:
    row = {
        "member_id": member_id,
        "grid_id": grid_id,
        "source": "request",
        "campaign_id": None,
        "reason": "chat",
        "wish_day": None,
        "wish_part": "",
        "note": "",
        "status": "received",
        "visit_day": None,
        "visit_part": "",
        "visitor_id": None,
        "decline_reason": "",
        "visited_on": None,
        "outcome": "",
        "help_need": "",
        "health_concern": "",
        "study_at_home": False,
        "created_by_id": member_id,
        "handled_by_id": None,
        "created_at": created,
        "updated_at": created,
        "version": 1,
    }
    row.update(values)
    return row


def seed(engine, members: int, total_visits: int) -> Dataset:
    """The dataset, in bulk inserts; about a minute on PostgreSQL, less on SQLite."""
    rng = random.Random(2019)
    today = clock.today()
    now = datetime.now(UTC)
    month = clock.month_start(today)
    found = Dataset(members)
    with Session(engine) as session:
        grids = [Grid(number=n, name=f"第{n}网格") for n in range(1, GRIDS + 1)]
        session.add_all(grids)
        session.flush()
        found.grid_one = grids[0].id
        buildings = [
            Building(
                number=n, grid_id=grids[(n - 1) // 5].id, units=4, floors=30, rooms_per_floor=6
            )
            for n in range(1, GRIDS * 5 + 1)
        ]
        session.add_all(buildings)
        session.flush()
        accounts, disclosures, people = [], [], []
        for n in range(members):
            account_id = n + 1
            building = buildings[rng.randrange(len(buildings))]
            name = rng.choice(data.SURNAMES) + rng.choice(data.MALE_GIVEN + data.FEMALE_GIVEN)
            difficulty = rng.random() < 0.10
            people.append((account_id, building.grid_id, difficulty))
            accounts.append(account_row(account_id, f"139{n:08d}", name, now))
            disclosures.append(approved_row(rng, account_id, name, building, now, 0.08, difficulty))
        for account_id, phone in (
            (found.staff_id, "13800000001"),
            (found.secretary_id, "13800000002"),
        ):
            accounts.append(
                {
                    "id": account_id,
                    "phone": phone,
                    "name": "办公室",
                    "secret_kind": "password",
                    "secret_hash": "x",
                    "active": True,
                    "failed_tries": 0,
                    "created_at": now,
                }
            )
        session.execute(insert(Account), accounts)
        session.execute(insert(Disclosure), disclosures)
        session.add(RoleGrant(account_id=found.staff_id, role="staff"))
        session.add(RoleGrant(account_id=found.secretary_id, role="secretary", grid_id=grids[0].id))
        campaign = Campaign(
            name="冬至慰问",
            starts_on=today - timedelta(days=10),
            ends_on=today + timedelta(days=20),
            audience="all",
            task_count=members,
            created_by_id=found.staff_id,
        )
        session.add(campaign)
        session.flush()
        found.campaign_id = campaign.id
        if engine.dialect.name == "postgresql":  # the ids above were given, not drawn
            session.execute(text("SELECT setval('account_id_seq', (SELECT max(id) FROM account))"))
        rows = _one_open_request_per_reason(_visits(rng, found, people, today, month, total_visits))
        for start in range(0, len(rows), 10_000):
            session.execute(insert(Visit), rows[start : start + 10_000])
        session.commit()
        found.visit_count = len(rows)
        found.open_requests = sum(
            1 for r in rows if r["source"] == "request" and r["status"] in visits.OPEN
        )
    if engine.dialect.name == "postgresql":  # autovacuum's job in production; SQLite as shipped
        with engine.begin() as connection:  # has no statistics, so none are made for it here
            connection.execute(text("ANALYZE"))
    return found


def _one_open_request_per_reason(rows: list[dict]) -> list[dict]:
    """A member has one open request per reason (the app enforces it): later ones cancelled."""
    seen = set()
    for row in rows:
        if row["source"] == "request" and row["status"] in visits.OPEN:
            key = (row["member_id"], row["reason"])
            if key in seen:
                row["status"] = "cancelled"
            seen.add(key)
    return rows


def _visits(rng, found: Dataset, people, today, month, total: int) -> list[dict]:
    """Duty visits, a campaign task each, and requests to make up the total."""

    def moment(day) -> datetime:
        local = datetime.combine(day, datetime.min.time(), clock.LOCAL_TZ)
        return (local + timedelta(hours=rng.uniform(8, 20))).astimezone(UTC)

    secretary = found.secretary_id
    months, first = [], month  # (first day, last day) of this month and the 11 before
    for _ in range(12):
        last = today if first == month else months[-1][0] - timedelta(days=1)
        months.append((first, last))
        first = clock.month_start(first - timedelta(days=1))
    rows = []
    for account_id, grid_id, difficulty in people:
        if not difficulty:
            continue
        for first, last in months:
            if first == month and rng.random() < 0.5:
                continue  # not yet visited this month
            day = first + timedelta(days=rng.randint(0, (last - first).days))
            rows.append(
                _visit(
                    account_id,
                    grid_id,
                    moment(day),
                    source="logged",
                    status="done",
                    visited_on=day,
                    visitor_id=secretary,
                    created_by_id=secretary,
                    handled_by_id=secretary,
                    outcome="例行看望，一切都好",
                )
            )
    start = today - timedelta(days=10)
    for account_id, grid_id, _difficulty in people:
        created = moment(start)
        status = rng.choices(("done", "scheduled", "received"), (50, 10, 40))[0]
        values = {"source": "campaign", "campaign_id": found.campaign_id, "reason": "holiday"}
        if status == "done":
            day = start + timedelta(days=rng.randint(0, 10))
            values |= {"visited_on": day, "outcome": "送去慰问品", "visitor_id": secretary}
        elif status == "scheduled":
            day = today + timedelta(days=rng.randint(1, 15))
            values |= {"visit_day": day, "visit_part": "am", "visitor_id": secretary}
        rows.append(
            _visit(
                account_id, grid_id, created, status=status, created_by_id=found.staff_id, **values
            )
        )
    busy = next(person for person in people if person[1] == found.grid_one)
    found.busy_member_id = busy[0]
    while len(rows) < total:
        account_id, grid_id, _difficulty = busy if len(rows) % 5000 == 0 else rng.choice(people)
        age = rng.randint(0, 365)
        created_on = today - timedelta(days=age)
        created = moment(created_on)
        reason = rng.choice(REASONS)
        if age <= 14 and rng.random() < 0.7:
            status = rng.choice(("received", "received", "scheduled"))
        else:
            status = rng.choices(("done", "cancelled", "declined"), (85, 8, 7))[0]
        values = {"reason": reason, "status": status}
        if rng.random() < 0.1:
            values["source"] = "logged"
            values["status"] = "done"
            status = "done"
        if status == "scheduled":
            values |= {
                "visit_day": today + timedelta(days=rng.randint(0, 10)),
                "visit_part": rng.choice(PARTS),
                "visitor_id": secretary,
                "version": 2,
            }
        elif status == "done":
            day = min(today, created_on + timedelta(days=rng.randint(0, 5)))
            values |= {
                "visited_on": day,
                "visitor_id": secretary,
                "outcome": "看望了",
                "version": 3,
            }
        elif status == "declined":
            values |= {"decline_reason": "时间排不开", "version": 2}
        rows.append(_visit(account_id, grid_id, created, **values))
    return rows

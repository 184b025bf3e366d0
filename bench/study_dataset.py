"""The branch-study benchmark's dataset: six grids, the first with `members` approved members
and the others with `others` each; 12 published weeks (this one included) with about 70% of
members studying each; about 10% of members 行动不便 with a 送学上门 visit now and then; and
reflections waiting for a reply. Written with bulk inserts."""

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, text
from sqlmodel import Session

from bench.visit_dataset import Offices, account_row, approved_row
from huajin_pwa.demo import data
from huajin_pwa.models import (
    Account,
    Building,
    Disclosure,
    Grid,
    RoleGrant,
    StudyRecord,
    StudyReflection,
    StudyWeek,
    Visit,
)
from huajin_pwa.services import clock

GRIDS = 6
WEEKS = 12
STUDY_SHARE = 0.7
FRAIL_SHARE = 0.1
HOWS = ("self", "self", "self", "group", "night")


class Dataset(Offices):
    """Who the benchmark acts as, and how big the data came out."""

    def __init__(self, members: int, others: int):
        self.members = members
        self.total_members = members + others * (GRIDS - 1)
        self.staff_id = self.total_members + 1
        self.secretary_id = self.total_members + 2
        self.grid_one = 1
        self.records = 0


def seed(engine, members: int, others: int) -> Dataset:
    """The dataset; seconds on SQLite, a little longer on PostgreSQL."""
    rng = random.Random(2019)
    today = clock.today()
    now = datetime.now(UTC)
    found = Dataset(members, others)
    with Session(engine) as session:
        grids = [Grid(number=n, name=f"第{n}网格") for n in range(1, GRIDS + 1)]
        session.add_all(grids)
        session.flush()
        found.grid_one = grids[0].id
        buildings = [
            Building(number=n, grid_id=grid.id, units=4, floors=30, rooms_per_floor=6)
            for n, grid in enumerate(grids, start=1)
        ]
        session.add_all(buildings)
        session.flush()
        accounts, disclosures = [], []
        for n in range(found.total_members):
            account_id = n + 1
            building = buildings[0] if n < members else buildings[1 + (n - members) % 5]
            name = rng.choice(data.SURNAMES) + rng.choice(data.MALE_GIVEN + data.FEMALE_GIVEN)
            accounts.append(account_row(account_id, f"139{n:08d}", name, now))
            disclosures.append(
                approved_row(rng, account_id, name, building, now, FRAIL_SHARE, rng.random() < 0.1)
            )
        accounts.append(account_row(found.staff_id, "13800000001", "工作人员", now))
        accounts.append(account_row(found.secretary_id, "13800000002", "网格书记", now))
        session.execute(insert(Account), accounts)
        session.execute(insert(Disclosure), disclosures)
        session.add(RoleGrant(account_id=found.staff_id, role="staff"))
        session.add(RoleGrant(account_id=found.secretary_id, role="secretary", grid_id=grids[0].id))
        this_monday = clock.monday(today)
        weeks = [
            StudyWeek(
                week_of=this_monday - timedelta(weeks=n),
                title=f"第{WEEKS - n}周学习材料",
                publish_on=this_monday - timedelta(weeks=n),
                created_by_id=found.staff_id,
            )
            for n in range(WEEKS)
        ]
        session.add_all(weeks)
        session.flush()
        if engine.dialect.name == "postgresql":  # the ids above were given, not drawn
            session.execute(text("SELECT setval('account_id_seq', (SELECT max(id) FROM account))"))
        records, visits, reflections = [], [], []
        for disclosure in disclosures:
            member_id = disclosure["account_id"]
            grid_id = disclosure["grid_id"]
            for week in weeks:
                if rng.random() >= STUDY_SHARE:
                    continue
                day = week.week_of + timedelta(
                    days=rng.randint(0, 6 if week.week_of < this_monday else 0)
                )
                moment = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=3)
                how = "home" if disclosure["mobility_limited"] else rng.choice(HOWS)
                records.append(
                    {
                        "member_id": member_id,
                        "week_id": week.id,
                        "studied_at": moment,
                        "how": how,
                        "version_seen": 1,
                    }
                )
                if how == "home":
                    visits.append(_delivery(member_id, grid_id, found.secretary_id, day, moment))
                elif rng.random() < 0.05:
                    reflections.append(_reflection(member_id, week.id, grid_id, moment))
        for rows, model in (
            (records, StudyRecord),
            (visits, Visit),
            (reflections, StudyReflection),
        ):
            for start in range(0, len(rows), 10_000):
                session.execute(insert(model), rows[start : start + 10_000])
        session.commit()
        found.records = len(records)
    if engine.dialect.name == "postgresql":  # autovacuum's job in production
        with engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    return found


def _delivery(member_id: int, grid_id: int, secretary_id: int, day, moment) -> dict:
    return {
        "member_id": member_id,
        "grid_id": grid_id,
        "source": "logged",
        "campaign_id": None,
        "reason": "study",
        "wish_day": None,
        "wish_part": "",
        "note": "",
        "status": "done",
        "visit_day": None,
        "visit_part": "",
        "visitor_id": secretary_id,
        "decline_reason": "",
        "visited_on": day,
        "outcome": "送学上门",
        "help_need": "",
        "health_concern": "",
        "study_at_home": True,
        "created_by_id": secretary_id,
        "handled_by_id": secretary_id,
        "created_at": moment,
        "updated_at": moment,
        "version": 1,
    }


def _reflection(member_id: int, week_id: int, grid_id: int, moment) -> dict:
    return {
        "member_id": member_id,
        "week_id": week_id,
        "grid_id": grid_id,
        "body": "学习以后很有收获。",
        "status": "waiting",
        "reply": "",
        "replied_by_id": None,
        "replied_at": None,
        "created_at": moment,
        "updated_at": moment,
        "version": 1,
    }

"""Builders for the activity calendar and sign-up tests (others may import them): a fixed
clock, activities starting some time from now, people of each kind and reading rows back."""

from datetime import UTC, datetime, timedelta
from itertools import count

import pytest
from sqlmodel import Session, select

from huajin_pwa import db
from huajin_pwa.models import Account, Activity, ActivitySignup
from huajin_pwa.services import clock
from tests.conftest import make_actor

# Wednesday 25 November 2026, 10:00 in Wuhan.
NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
TODAY = NOW.astimezone(clock.LOCAL_TZ).date()
MONDAY = clock.monday(TODAY)
_numbers = count(1)


@pytest.fixture
def fixed_now(monkeypatch):
    """clock.now() and clock.today() say NOW; returns a function that moves the clock."""

    def move(moment: datetime) -> None:
        monkeypatch.setattr(clock, "now", lambda: moment)
        monkeypatch.setattr(clock, "today", lambda: moment.astimezone(clock.LOCAL_TZ).date())

    move(NOW)
    return move


def at_local(day_offset: int, hour: int, minute: int = 0) -> timedelta:
    """How far from NOW a local time day_offset days from today is (for starts_in)."""
    local = datetime.combine(
        TODAY + timedelta(days=day_offset), datetime.min.time(), clock.LOCAL_TZ
    ) + timedelta(hours=hour, minutes=minute)
    return local - NOW


def make_activity(
    session: Session,
    team_id: int | None,
    kind: str = "show",
    starts_in: timedelta = timedelta(days=2),
    hours: float = 2,
    capacity: int = 10,
    audience: str = "public",
    title: str = "",
    created_by_id: int | None = None,
    **more,
) -> Activity:
    """An activity starting starts_in from clock.now() (committed)."""
    number = next(_numbers)
    creator = created_by_id or session.exec(select(Account.id).order_by(Account.id)).first()
    starts = clock.now() + starts_in
    activity = Activity(
        team_id=team_id,
        kind=kind,
        title=title or f"活动{number}",
        starts_at=starts,
        ends_at=starts + timedelta(hours=hours),
        place=more.pop("place", "社区党群服务中心"),
        capacity=capacity,
        audience=audience,
        token=more.pop("token", f"activity-token-{number}"),
        created_by_id=creator,
        **more,
    )
    session.add(activity)
    session.commit()
    return activity


def person(session: Session, n: int, roles=("member",), name: str = "") -> object:
    """The n-th test person (an actor), holding roles (none: a resident with an account)."""
    return make_actor(session, f"1370000{n:04d}", name or f"居民{n}", roles=roles)


def seat(session: Session, activity: Activity, account_id: int, status: str = "signed", **more):
    """Put someone on the activity directly (committed), keeping seats_taken in step."""
    row = ActivitySignup(activity_id=activity.id, account_id=account_id, status=status, **more)
    session.add(row)
    if status == "signed":
        activity.seats_taken += 1
        session.add(activity)
    session.commit()
    return row


def fresh(model, row_id):
    """A row read back from the database."""
    with db.transaction() as session:
        return session.get(model, row_id)


def signup_of(activity_id: int, account_id: int) -> ActivitySignup | None:
    with db.transaction() as session:
        return session.exec(
            select(ActivitySignup).where(
                ActivitySignup.activity_id == activity_id,
                ActivitySignup.account_id == account_id,
            )
        ).first()

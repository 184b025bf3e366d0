"""The visit figures on the staff home: this month's visits, open requests by age, and the
members in difficulty not yet visited this month, by grid."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import case, exists, func
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from huajin_pwa.models import Disclosure, Grid, Visit
from huajin_pwa.services import clock
from huajin_pwa.services.actor import STAFF, Actor, require_role
from huajin_pwa.services.visits import OPEN

AGE_BUCKETS = (3, 7)  # open 0-3 days, 4-7 days, more than 7 days


@dataclass(frozen=True)
class VisitOverview:
    """Visits done this month; open requests (fresh, a few days, over a week); per grid
    (name, members in difficulty, of them not yet visited this month)."""

    visits_this_month: int
    open_by_age: tuple[int, int, int]
    difficulty_by_grid: list[tuple[str, int, int]]


def _start_of(day) -> datetime:
    return datetime.combine(day, time.min, tzinfo=clock.LOCAL_TZ)


def overview(session: Session, actor: Actor | None) -> VisitOverview:
    """The figures, in five queries."""
    require_role(actor, STAFF)
    today = clock.today()
    month = clock.month_start(today)
    visits_this_month = session.exec(
        select(func.count())
        .select_from(Visit)
        .where(Visit.status == "done", Visit.visited_on >= month, Visit.visited_on <= today)
    ).one()
    fresh = _start_of(today - timedelta(days=AGE_BUCKETS[0]))
    week = _start_of(today - timedelta(days=AGE_BUCKETS[1]))
    ages = session.exec(
        select(
            func.sum(case((Visit.created_at >= fresh, 1), else_=0)),
            func.sum(case(((Visit.created_at < fresh) & (Visit.created_at >= week), 1), else_=0)),
            func.sum(case((Visit.created_at < week, 1), else_=0)),
        ).where(Visit.source == "request", Visit.status.in_(OPEN))
    ).one()
    done = aliased(Visit)
    visited = (
        exists()
        .where(
            done.member_id == Disclosure.account_id,
            done.status == "done",
            done.visited_on >= month,
        )
        .correlate(Disclosure)
    )
    in_difficulty = (Disclosure.status == "approved", Disclosure.family_difficulty.is_(True))
    totals = dict(
        session.exec(
            select(Disclosure.grid_id, func.count())
            .where(*in_difficulty)
            .group_by(Disclosure.grid_id)
        ).all()
    )
    unvisited = dict(
        session.exec(
            select(Disclosure.grid_id, func.count())
            .where(*in_difficulty, ~visited)
            .group_by(Disclosure.grid_id)
        ).all()
    )
    grids = session.exec(select(Grid).order_by(Grid.number)).all()
    return VisitOverview(
        visits_this_month=visits_this_month,
        open_by_age=tuple(int(n or 0) for n in ages),
        difficulty_by_grid=[
            (grid.name, totals.get(grid.id, 0), unvisited.get(grid.id, 0)) for grid in grids
        ],
    )

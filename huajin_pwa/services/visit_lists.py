"""What the grid secretary sees: open requests and tasks, the monthly duty list, the grid's
members; each page costs a fixed number of queries however many visits there are."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, func
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from huajin_pwa.models import Account, Building, Disclosure, Grid, Visit
from huajin_pwa.services import clock, validate
from huajin_pwa.services.actor import ADMIN, SECRETARY, STAFF, Actor, require_role
from huajin_pwa.services.pagination import paginate
from huajin_pwa.services.visit_work import require_grid
from huajin_pwa.services.visits import OPEN

DUTY_ALERT_DAY = 20  # from this day of the month, the unvisited are flagged
KINDS = ("request", "campaign")


@dataclass(frozen=True)
class MemberLine:
    """A member as a secretary needs to see them to arrange a visit."""

    member_id: int
    name: str
    phone: str
    building: int | None
    unit: int | None
    room: str
    birth_year: int | None
    mobility_limited: bool
    family_difficulty: bool
    last_visit: date | None


@dataclass(frozen=True)
class VisitLine:
    """An open visit with the member it is for and who is to go."""

    visit: Visit
    member: MemberLine
    visitor_name: str


@dataclass(frozen=True)
class DutyLine:
    """A member in difficulty: visited this month or not, and overdue from day 20."""

    member: MemberLine
    visited_this_month: bool
    overdue: bool


@dataclass(frozen=True)
class Lines:
    """One page of lines and where it stands; unvisited is the duty list's count."""

    lines: list[Any]
    page: int
    pages: int
    total: int
    unvisited: int = 0
    alerting: bool = False


def last_visit_of(member_id_column):
    """The day of the member's last completed visit (a correlated subquery on an index)."""
    done = aliased(Visit)
    return (
        select(func.max(done.visited_on))
        .where(done.member_id == member_id_column, done.status == "done")
        .correlate_except(done)
        .scalar_subquery()
    )


def _member_columns(member_id_column):
    return (
        Account.name,
        Account.phone,
        Building.number,
        Disclosure.unit,
        Disclosure.room,
        Disclosure.birth_year,
        Disclosure.mobility_limited,
        Disclosure.family_difficulty,
        last_visit_of(member_id_column).label("last_visit"),
    )


def member_line(member_id: int, row) -> MemberLine:
    name, phone, building, unit, room, birth_year, mobility, difficulty, last_visit = row
    return MemberLine(
        member_id=member_id,
        name=name,
        phone=phone,
        building=building,
        unit=unit,
        room=room or "",
        birth_year=birth_year,
        mobility_limited=bool(mobility),
        family_difficulty=bool(difficulty),
        last_visit=last_visit,
    )


def grids_in_view(session: Session, actor: Actor | None, grid_id: Any = None) -> list[int]:
    """The grids the actor works in (staff: all, or the one asked for)."""
    actor = require_role(actor, SECRETARY, STAFF)
    wanted = validate.row_id(grid_id)
    if actor.has(STAFF, ADMIN):
        if wanted:
            return [wanted]
        return list(session.exec(select(Grid.id)).all())
    if wanted:
        require_grid(actor, wanted)
        return [wanted]
    return sorted(actor.secretary_grids)


def open_visits(
    session: Session, actor: Actor | None, kind: Any = "request", grid_id: Any = None, page=1
) -> Lines:
    """Open requests (or holiday tasks) in the actor's grids, oldest first."""
    grids = grids_in_view(session, actor, grid_id)
    source = kind if kind in KINDS else "request"
    visitor = aliased(Account)
    query = (
        select(Visit, visitor.name, *_member_columns(Visit.member_id))
        .join(Account, Account.id == Visit.member_id)
        .join(
            Disclosure,
            (Disclosure.account_id == Visit.member_id) & (Disclosure.status == "approved"),
            isouter=True,
        )
        .join(Building, Building.id == Disclosure.building_id, isouter=True)
        .join(visitor, visitor.id == Visit.visitor_id, isouter=True)
        .where(Visit.grid_id.in_(grids), Visit.status.in_(OPEN), Visit.source == source)
        .order_by(Visit.created_at, Visit.id)
    )
    found = paginate(session, query, page)
    lines = [
        VisitLine(
            visit=row[0], member=member_line(row[0].member_id, row[2:]), visitor_name=row[1] or ""
        )
        for row in found.rows
    ]
    return Lines(lines, found.page, found.pages, found.total)


def members_query(grids: list[int]):
    return (
        select(Disclosure.account_id, *_member_columns(Disclosure.account_id))
        .join(Account, Account.id == Disclosure.account_id)
        .join(Building, Building.id == Disclosure.building_id, isouter=True)
        .where(Disclosure.status == "approved", Disclosure.grid_id.in_(grids))
    )


def duty_list(session: Session, actor: Actor | None, grid_id: Any = None, page=1) -> Lines:
    """Members in difficulty, the unvisited of this month first: three queries."""
    grids = grids_in_view(session, actor, grid_id)
    today = clock.today()
    start = clock.month_start(today)
    last_visit = last_visit_of(Disclosure.account_id)
    unvisited = (last_visit.is_(None)) | (last_visit < start)
    query = (
        members_query(grids)
        .where(Disclosure.family_difficulty.is_(True))
        .order_by(case((unvisited, 0), else_=1), last_visit.asc().nulls_first(), Account.name)
    )
    found = paginate(session, query, page)
    unvisited_count = session.exec(
        select(func.count())
        .select_from(Disclosure)
        .where(
            Disclosure.status == "approved",
            Disclosure.grid_id.in_(grids),
            Disclosure.family_difficulty.is_(True),
            unvisited,
        )
    ).one()
    alerting = today.day >= DUTY_ALERT_DAY
    lines = []
    for row in found.rows:
        member = member_line(row[0], row[1:])
        visited = member.last_visit is not None and member.last_visit >= start
        lines.append(DutyLine(member, visited, alerting and not visited))
    return Lines(lines, found.page, found.pages, found.total, unvisited_count, alerting)


def grid_members(
    session: Session, actor: Actor | None, search: Any = "", grid_id: Any = None, page=1
) -> Lines:
    """The grid's disclosed members by name, maybe matching a name or a phone number."""
    grids = grids_in_view(session, actor, grid_id)
    query = members_query(grids).order_by(Account.name, Disclosure.account_id)
    words = validate.as_text(search)[:30]
    if words:
        query = query.where(
            Account.name.contains(words, autoescape=True)
            | (Account.phone == words.replace(" ", ""))
        )
    found = paginate(session, query, page)
    lines = [member_line(row[0], row[1:]) for row in found.rows]
    return Lines(lines, found.page, found.pages, found.total)

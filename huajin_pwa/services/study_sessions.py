"""The grid branch's study sessions (集中学习 by day, 夜学 at night): a secretary (or staff)
schedules one on a week's material; the list of the grid's sessions; one session's roster.
Recording attendance is in study_attendance."""

import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import and_, case, func
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import Account, Disclosure, Grid, StudyAttendance, StudySession, StudyWeek
from huajin_pwa.services import audit, clock, records, validate
from huajin_pwa.services.actor import SECRETARY, STAFF, Actor, require_role
from huajin_pwa.services.errors import DomainError, FormError, PermissionDenied
from huajin_pwa.services.pagination import Page, paginate
from huajin_pwa.services.visit_lists import grids_in_view
from huajin_pwa.services.visit_work import require_grid

T = text.StudySessions
PAST_DAYS = 7  # a session may be recorded up to a week after it was held ...
AHEAD_DAYS = 60  # ... and planned up to two months ahead
WEEK_SPAN_DAYS = 56  # its material within 8 weeks of the session's week
TIME_RE = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def _grid(session: Session, actor: Actor, value: Any) -> int:
    """The grid to hold the session in: staff name it; a secretary of one grid needs not."""
    raw = validate.as_text(value)
    if not raw and not actor.is_office and len(actor.secretary_grids) == 1:
        return next(iter(actor.secretary_grids))
    grid_id = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else 0
    if not grid_id or session.get(Grid, grid_id) is None:
        raise ValueError(T.GRID_MISSING)
    if not actor.is_office and grid_id not in actor.secretary_grids:
        raise PermissionDenied(T.NOT_YOUR_GRID_PLAN)
    return grid_id


def _week(session: Session, value: Any) -> StudyWeek:
    week = records.fetch(session, StudyWeek, as_id(value))
    if week is None:
        raise ValueError(T.WEEK_MISSING)
    return week


def as_id(value: Any) -> int | None:
    """An id from a number or a string of digits (a form sends text)."""
    if type(value) is int:
        return value
    raw = validate.as_text(value)
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 10 else None


def _starts_at(value: Any) -> str:
    raw = validate.as_text(value).replace("：", ":")
    if raw and not TIME_RE.match(raw):
        raise ValueError(T.TIME_INVALID)
    return raw


def schedule(session: Session, actor: Actor | None, form: Any) -> StudySession:
    """Plan a session. form: grid (id), week (id), held_on (YYYY-MM-DD), part (day|night),
    starts_at (HH:MM, may be blank), place."""
    actor = require_role(actor, SECRETARY, STAFF)
    data = form if isinstance(form, dict) else {}
    today = clock.today()
    clean = validate.collect(
        data,
        {
            "grid": lambda v: _grid(session, actor, v),
            "week": lambda v: _week(session, v),
            "held_on": lambda v: validate.day(
                v,
                today - timedelta(days=PAST_DAYS),
                today + timedelta(days=AHEAD_DAYS),
                T.DAY_INVALID,
                T.DAY_RANGE,
            ),
            "part": lambda v: validate.one_of(v, T.PARTS, T.PART_INVALID),
            "starts_at": _starts_at,
            "place": lambda v: validate.free_text(v, 2, 60, T.PLACE_INVALID),
        },
    )
    week, held_on = clean["week"], clean["held_on"]
    if week.publish_on > held_on:
        raise FormError({"week": T.WEEK_NOT_READY})
    if abs((week.week_of - clock.monday(held_on)).days) > WEEK_SPAN_DAYS:
        raise FormError({"week": T.WEEK_FAR})
    row = StudySession(
        grid_id=clean["grid"],
        week_id=week.id,
        held_on=held_on,
        part=clean["part"],
        starts_at=clean["starts_at"],
        place=clean["place"],
        token=secrets.token_urlsafe(24),
        created_by_id=actor.account_id,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor.account_id, "study_session_scheduled", "study_session", row.id)
    return row


def weeks_to_choose(session: Session, actor: Actor | None) -> list[StudyWeek]:
    """The published weeks a session may cover now: within 8 weeks of this week, newest first."""
    require_role(actor, SECRETARY, STAFF)
    today = clock.today()
    this_monday = clock.monday(today)
    span = timedelta(days=WEEK_SPAN_DAYS)
    return list(
        session.exec(
            select(StudyWeek)
            .where(
                StudyWeek.publish_on <= today,
                StudyWeek.week_of.between(this_monday - span, this_monday + span),
            )
            .order_by(StudyWeek.week_of.desc())
        ).all()
    )


@dataclass(frozen=True)
class SessionLine:
    """A session in the list, with its material's title, its grid and how many came."""

    session: StudySession
    week_title: str
    grid_name: str
    attended: int


def _attended():
    return (
        select(func.count())
        .select_from(StudyAttendance)
        .where(StudyAttendance.session_id == StudySession.id)
        .correlate(StudySession)
        .scalar_subquery()
    )


def grid_sessions(
    session: Session, actor: Actor | None, page: Any = 1, grid_id: Any = None
) -> Page:
    """The sessions of the grids in view: today's and the coming ones first (soonest first),
    then the past ones (latest first); rows are SessionLine (two queries for any length)."""
    grids = grids_in_view(session, actor, grid_id)
    coming = StudySession.held_on >= clock.today()
    query = (
        select(StudySession, StudyWeek.title, Grid.name, _attended())
        .join(StudyWeek, StudyWeek.id == StudySession.week_id)
        .join(Grid, Grid.id == StudySession.grid_id)
        .where(StudySession.grid_id.in_(grids))
        .order_by(
            case((coming, 0), else_=1),
            case((coming, StudySession.held_on), else_=None),
            StudySession.held_on.desc(),
            StudySession.starts_at,
            StudySession.id,
        )
    )
    found = paginate(session, query, page)
    lines = [
        SessionLine(row, title, name, int(count or 0)) for row, title, name, count in found.rows
    ]
    return Page(rows=lines, page=found.page, pages=found.pages, total=found.total)


@dataclass(frozen=True)
class RosterLine:
    """A member of the session's grid, and how they were checked in ("" when absent)."""

    member_id: int
    name: str
    via: str


@dataclass(frozen=True)
class Roster:
    """A session, its material, its grid and every approved member of the grid by name."""

    session: StudySession
    week: StudyWeek
    grid_name: str
    lines: list[RosterLine]

    @property
    def present(self) -> int:
        return sum(1 for line in self.lines if line.via)


def session_of(session: Session, actor: Actor | None, session_id: Any, refusal: str = ""):
    """The session, its week and its grid's name, for a secretary of the grid or staff."""
    actor = require_role(actor, SECRETARY, STAFF)
    wanted = validate.row_id(session_id)
    row = (
        session.exec(
            select(StudySession, StudyWeek, Grid.name)
            .join(StudyWeek, StudyWeek.id == StudySession.week_id)
            .join(Grid, Grid.id == StudySession.grid_id)
            .where(StudySession.id == wanted)
        ).first()
        if wanted
        else None
    )
    if row is None:
        raise DomainError(T.NOT_FOUND)
    try:
        require_grid(actor, row[0].grid_id)
    except PermissionDenied:
        raise PermissionDenied(refusal or T.NOT_YOUR_SESSION) from None
    return actor, row


def roster(session: Session, actor: Actor | None, session_id: Any) -> Roster:
    """The session and every approved member of its grid, present or not (two queries)."""
    _actor, (found, week, grid_name) = session_of(session, actor, session_id)
    came = and_(
        StudyAttendance.session_id == found.id,
        StudyAttendance.member_id == Disclosure.account_id,
    )
    rows = session.exec(
        select(Disclosure.account_id, Account.name, StudyAttendance.via)
        .join(Account, Account.id == Disclosure.account_id)
        .join(StudyAttendance, came, isouter=True)
        .where(Disclosure.status == "approved", Disclosure.grid_id == found.grid_id)
        .order_by(Account.name, Disclosure.account_id)
    ).all()
    lines = [RosterLine(member_id, name, via or "") for member_id, name, via in rows]
    return Roster(found, week, grid_name, lines)

"""周周讲进家庭 in the grid branch: who has and has not studied this week's material, the last
12 weeks' completion, the 送学上门 list and recording a delivery, and the staff's study
figures. Every list costs a fixed number of queries however long it is."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from huajin_pwa import present, text
from huajin_pwa.models import Account, Disclosure, Grid, StudyRecord, StudyWeek, Visit
from huajin_pwa.services import audit, clock, inbox, reflections, secretary_nav, validate
from huajin_pwa.services.actor import STAFF, Actor, require_role
from huajin_pwa.services.errors import DomainError
from huajin_pwa.services.pagination import paginate
from huajin_pwa.services.study_member import record_study, so_far
from huajin_pwa.services.visit_lists import MemberLine, grids_in_view, member_line, members_query
from huajin_pwa.services.visit_work import grid_member

T = text.StudyBranch
SHOWS = ("not", "done")  # 未学习, 已学习
WEEKS_SHOWN = 12
HOME_WINDOW_DAYS = 7
APPROVED = Disclosure.status == "approved"


def this_week(session: Session) -> StudyWeek | None:
    """The week members study now (secretary_nav.this_week_id), or None before any."""
    week_id = secretary_nav.this_week_id(session)
    return session.get(StudyWeek, week_id) if week_id else None


def _studied(week_id: int):
    """The join condition: the member's record of that week."""
    return and_(StudyRecord.member_id == Disclosure.account_id, StudyRecord.week_id == week_id)


def percent(done: int, total: int) -> int:
    """done of total as a whole percentage (0 when there is nobody)."""
    return round(100 * done / total) if total else 0


@dataclass(frozen=True)
class ProgressLine:
    """A member of the branch and how they studied this week ("" when not yet)."""

    member: MemberLine
    how: str


@dataclass(frozen=True)
class Progress:
    """One page of the branch's members who have (done) or have not (not) studied."""

    week: StudyWeek | None
    show: str
    lines: list[ProgressLine]
    page: int
    pages: int
    total: int
    studied: int
    not_studied: int


def branch_progress(
    session: Session, actor: Actor | None, grid_id: Any = None, show: Any = "not", page: Any = 1
) -> Progress:
    """This week's material and one page of the grid's approved members who have not (show
    "not", the default) or have ("done") studied it, by name; five or six queries."""
    grids = grids_in_view(session, actor, grid_id)
    show = show if show in SHOWS else "not"
    week = this_week(session)
    if week is None:
        return Progress(None, show, [], 1, 1, 0, 0, 0)
    members, studied = session.exec(
        select(func.count(Disclosure.id), func.count(StudyRecord.id))
        .select_from(Disclosure)
        .join(StudyRecord, _studied(week.id), isouter=True)
        .where(APPROVED, Disclosure.grid_id.in_(grids))
    ).one()
    done = StudyRecord.id.is_not(None) if show == "done" else StudyRecord.id.is_(None)
    query = (
        members_query(grids)
        .add_columns(StudyRecord.how)
        .join(StudyRecord, _studied(week.id), isouter=True)
        .where(done)
        .order_by(Account.name, Disclosure.account_id)
    )
    found = paginate(session, query, page)
    lines = [ProgressLine(member_line(row[0], row[1:10]), row[10] or "") for row in found.rows]
    return Progress(
        week, show, lines, found.page, found.pages, found.total, studied, members - studied
    )


@dataclass(frozen=True)
class WeekCompletion:
    """How many of the members studied one week's material."""

    week_of: date
    title: str
    members: int
    studied: int
    percent: int


def _completion(session: Session, in_scope, weeks: Any) -> list[WeekCompletion]:
    """The last published weeks up to this one, newest first, for the members in_scope selects;
    three queries."""
    count = weeks if type(weeks) is int and 0 < weeks <= 52 else WEEKS_SHOWN
    shown = session.exec(
        select(StudyWeek.id, StudyWeek.week_of, StudyWeek.title)
        .where(*so_far())
        .order_by(StudyWeek.week_of.desc())
        .limit(count)
    ).all()
    members = session.exec(
        select(func.count()).select_from(Disclosure).where(APPROVED, in_scope)
    ).one()
    studied = dict(
        session.exec(
            select(StudyRecord.week_id, func.count(func.distinct(StudyRecord.member_id)))
            .join(Disclosure, and_(Disclosure.account_id == StudyRecord.member_id, APPROVED))
            .where(in_scope, StudyRecord.week_id.in_([row[0] for row in shown]))
            .group_by(StudyRecord.week_id)
        ).all()
    )
    return [
        WeekCompletion(
            week_of,
            title,
            members,
            studied.get(week_id, 0),
            percent(studied.get(week_id, 0), members),
        )
        for week_id, week_of, title in shown
    ]


def completion_weeks(
    session: Session, actor: Actor | None, grid_id: Any = None, weeks: Any = WEEKS_SHOWN
) -> list[WeekCompletion]:
    """Completion of the last 12 published weeks up to this one, newest first, in the grid(s);
    three or four queries.

    Every week is counted against the grid's approved members as they are now: a member who
    joined later counts as not having studied the earlier weeks, and one who moved away is
    counted in no week (their records go with them). The figures say how the branch as it is
    today has kept up, and the percentages of old weeks may be lower than they were then."""
    grids = grids_in_view(session, actor, grid_id)
    return _completion(session, Disclosure.grid_id.in_(grids), weeks)


@dataclass(frozen=True)
class HomeLine:
    """A frail member who has not studied this week, and when study was last taken to them."""

    member: MemberLine
    last_home: date | None


@dataclass(frozen=True)
class HomeStudy:
    """One page of the 送学上门 list."""

    week: StudyWeek | None
    lines: list[HomeLine]
    page: int
    pages: int
    total: int


def _last_home(member_id_column):
    """The day study was last delivered to the member at home (a correlated subquery)."""
    done = aliased(Visit)
    return (
        select(func.max(done.visited_on))
        .where(
            done.member_id == member_id_column,
            done.status == "done",
            done.study_at_home.is_(True),
        )
        .correlate_except(done)
        .scalar_subquery()
    )


def home_study_list(
    session: Session, actor: Actor | None, grid_id: Any = None, page: Any = 1
) -> HomeStudy:
    """行动不便 members of the grid(s) who have not studied this week, those longest without a
    delivery first: four or five queries."""
    grids = grids_in_view(session, actor, grid_id)
    week = this_week(session)
    if week is None:
        return HomeStudy(None, [], 1, 1, 0)
    last_home = _last_home(Disclosure.account_id)
    query = (
        members_query(grids)
        .add_columns(last_home.label("last_home"))
        .join(StudyRecord, _studied(week.id), isouter=True)
        .where(Disclosure.mobility_limited.is_(True), StudyRecord.id.is_(None))
        .order_by(last_home.asc().nulls_first(), Account.name, Disclosure.account_id)
    )
    found = paginate(session, query, page)
    lines = [HomeLine(member_line(row[0], row[1:10]), row[10]) for row in found.rows]
    return HomeStudy(week, lines, found.page, found.pages, found.total)


def _delivery_rules(week: StudyWeek) -> dict[str, Any]:
    today = clock.today()

    def visited_on(value: Any) -> date:
        day = validate.day(value, date.min, date.max, T.DAY_INVALID, T.DAY_INVALID)
        if not today - timedelta(days=HOME_WINDOW_DAYS) <= day <= today:
            raise ValueError(T.DAY_RANGE)
        if day < week.publish_on:
            raise ValueError(T.DAY_BEFORE_WEEK.format(day=present.date_label(week.publish_on)))
        return day

    return {
        "visited_on": visited_on,
        "note": lambda v: validate.free_text(v, 0, 200, T.NOTE_LONG),
    }


def record_home_study(session: Session, actor: Actor | None, member_id: Any, form: Any) -> Visit:
    """送学上门: this week's material taken to a member of the actor's grid. It counts as
    studied at home and as a done visit in the visit history; a member who already studied
    this week is refused and nothing changes. The member is told."""
    disclosure = grid_member(session, actor, member_id)
    week = this_week(session)
    if week is None:
        raise DomainError(T.NO_WEEK)
    member = disclosure.account_id
    mine = (StudyRecord.member_id == member, StudyRecord.week_id == week.id)
    if session.exec(select(StudyRecord.id).where(*mine)).first() is not None:
        raise DomainError(T.ALREADY)  # said before complaining about the form
    clean = validate.collect(form, _delivery_rules(week))
    _record, created = record_study(session, member, week, "home")
    if not created:  # recorded by someone else a moment ago: undo everything
        raise DomainError(T.ALREADY)
    visit = Visit(
        member_id=member,
        grid_id=disclosure.grid_id,
        source="logged",
        reason="study",
        status="done",
        visited_on=clean["visited_on"],
        outcome=clean["note"] or T.OUTCOME.format(title=week.title),
        study_at_home=True,
        visitor_id=actor.account_id,
        created_by_id=actor.account_id,
        handled_by_id=actor.account_id,
    )
    session.add(visit)
    session.flush()
    body = T.TOLD_BODY.format(
        day=present.date_label(visit.visited_on), secretary=actor.name, title=week.title
    )
    inbox.send(session, member, T.TOLD_TITLE, body, "/study")
    audit.record(session, actor.account_id, "study_home", "account", member, week.title)
    return visit


@dataclass(frozen=True)
class GridCompletion:
    """This week in one grid."""

    grid: str
    members: int
    studied: int
    percent: int


@dataclass(frozen=True)
class Awaiting:
    """Reflections in one grid waiting for the secretary's reply, and the oldest one's day."""

    grid: str
    waiting: int
    oldest: date | None


@dataclass(frozen=True)
class StaffStudyFigures:
    """The 学习 section of /staff."""

    week: StudyWeek | None
    by_grid: list[GridCompletion]
    by_week: list[WeekCompletion]
    awaiting: list[Awaiting]


def staff_study_figures(session: Session, actor: Actor | None) -> StaffStudyFigures:
    """This week's completion by grid, the last 12 weeks across the community, and the
    reflections awaiting a reply by grid: eight queries."""
    actor = require_role(actor, STAFF)
    week = this_week(session)
    grids = session.exec(select(Grid.id, Grid.name).order_by(Grid.number)).all()
    per_grid = {
        grid_id: (members, studied)
        for grid_id, members, studied in session.exec(
            select(Disclosure.grid_id, func.count(Disclosure.id), func.count(StudyRecord.id))
            .join(StudyRecord, _studied(week.id if week else 0), isouter=True)
            .where(APPROVED, Disclosure.grid_id.is_not(None))
            .group_by(Disclosure.grid_id)
        ).all()
    }
    by_grid = []
    for grid_id, name in grids:
        members, studied = per_grid.get(grid_id, (0, 0))
        by_grid.append(GridCompletion(name, members, studied, percent(studied, members)))
    by_week = _completion(session, Disclosure.grid_id.is_not(None), WEEKS_SHOWN)
    awaiting = [
        Awaiting(name, waiting, oldest)
        for name, waiting, oldest in reflections.awaiting_by_grid(session, actor)
    ]
    return StaffStudyFigures(week, by_grid, by_week, awaiting)

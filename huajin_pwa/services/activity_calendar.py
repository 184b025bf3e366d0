"""The public activity calendar: one week at a time (today first in this week), filtered by
kind, grouped by day; one activity's page; today's activities for the home page. Members-only
activities exist only for people who may see them. Each list costs a fixed number of queries."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, true
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import Activity, ActivitySignup, CharitySale, Team
from huajin_pwa.services import clock, team_access
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError, PermissionDenied
from huajin_pwa.services.pagination import paginate

PAGE_SIZE = 20
KINDS = tuple(text.TeamWords.ACTIVITY_KINDS)
WEEKS_AWAY = 104  # ?week= may go two years either way


def local_midnight(day: date) -> datetime:
    """The UTC moment a local (Shanghai) day begins."""
    return datetime.combine(day, time(), clock.LOCAL_TZ).astimezone(UTC)


def week_of(value: Any) -> date:
    """The Monday of ?week= (any day of a week counts), else this week's Monday."""
    this_monday = clock.monday(clock.today())
    raw = value.strip() if isinstance(value, str) else ""
    try:
        chosen = clock.monday(date.fromisoformat(raw)) if len(raw) == 10 else this_monday
    except ValueError:
        return this_monday
    if abs((chosen - this_monday).days) > WEEKS_AWAY * 7:
        return this_monday
    return chosen


def kind_of(value: Any) -> str:
    """?kind= if it is an activity kind, else "" (every kind)."""
    return value if isinstance(value, str) and value in KINDS else ""


def audience_rule(actor: Actor | None):
    """The WHERE clause that hides members-only activities from those who may not see them."""
    if team_access.sees_members_only(actor):
        return true()
    return Activity.audience == "public"


def phase(activity: Activity, now: datetime | None = None) -> str:
    """cancelled, ended, started or open (sign-up possible)."""
    now = now or clock.now()
    if activity.status == "cancelled":
        return "cancelled"
    if clock.as_utc(activity.ends_at) <= now:
        return "ended"
    if clock.as_utc(activity.starts_at) <= now:
        return "started"
    return "open"


@dataclass(frozen=True)
class CalendarRow:
    """An activity in a list, its team's name (社区活动 without one) and the viewer's status
    (signed, waiting, cancelled or "")."""

    activity: Activity
    team_name: str
    my_status: str = ""

    @property
    def full(self) -> bool:
        return self.activity.seats_taken >= self.activity.capacity


@dataclass(frozen=True)
class DayGroup:
    """The rows of one local day on the page."""

    day: date
    rows: list[CalendarRow]


@dataclass(frozen=True)
class CalendarWeek:
    """One page of a week of activities, grouped by day."""

    monday: date
    first_day: date  # today in this week, else the Monday
    last_day: date  # the Sunday; yesterday for this week's earlier days
    earlier: bool  # this week's days before today
    kind: str
    days: list[DayGroup]
    page: int
    pages: int
    total: int

    @property
    def is_this_week(self) -> bool:
        return self.monday == clock.monday(clock.today())

    @property
    def has_earlier(self) -> bool:
        """This week from today on, with days before today to look back at."""
        return self.is_this_week and not self.earlier and self.first_day > self.monday


def _listed(actor: Actor | None):
    team_name = func.coalesce(Team.name, text.TeamWords.COMMUNITY_ACTIVITY)
    return (
        select(Activity, team_name)
        .join(Team, Team.id == Activity.team_id, isouter=True)
        .where(audience_rule(actor))
    )


def my_statuses(session: Session, actor: Actor | None, activity_ids: list[int]) -> dict[int, str]:
    """The viewer's sign-up status on each of these activities (one query; none signed out)."""
    if actor is None or not activity_ids:
        return {}
    rows = session.exec(
        select(ActivitySignup.activity_id, ActivitySignup.status).where(
            ActivitySignup.account_id == actor.account_id,
            ActivitySignup.activity_id.in_(activity_ids),
        )
    ).all()
    return dict(rows)


def week(
    session: Session,
    actor: Actor | None,
    week: Any = None,
    kind: Any = None,
    page: Any = 1,
    earlier: Any = False,
) -> CalendarWeek:
    """One page of a week's activities the actor may see: in this week from today on (or,
    with earlier, the days before today), other weeks whole; soonest first, grouped by day
    (three queries whatever the numbers)."""
    monday, chosen = week_of(week), kind_of(kind)
    today = clock.today()
    first_day, last_day = monday, monday + timedelta(days=6)
    this_week = monday <= today <= last_day
    earlier = this_week and today > monday and (earlier is True or earlier == "1")
    if earlier:
        last_day = today - timedelta(days=1)
    elif this_week:
        first_day = today
    query = _listed(actor).where(
        Activity.starts_at >= local_midnight(first_day),
        Activity.starts_at < local_midnight(last_day + timedelta(days=1)),
    )
    if chosen:
        query = query.where(Activity.kind == chosen)
    found = paginate(session, query.order_by(Activity.starts_at, Activity.id), page, PAGE_SIZE)
    mine = my_statuses(session, actor, [row.id for row, _name in found.rows])
    days: list[DayGroup] = []
    for activity, team_name in found.rows:
        day = clock_day(activity.starts_at)
        if not days or days[-1].day != day:
            days.append(DayGroup(day, []))
        days[-1].rows.append(CalendarRow(activity, team_name, mine.get(activity.id, "")))
    return CalendarWeek(
        monday, first_day, last_day, earlier, chosen, days, found.page, found.pages, found.total
    )


def clock_day(moment: datetime) -> date:
    """The local (Shanghai) date of a stored moment."""
    return clock.as_utc(moment).astimezone(clock.LOCAL_TZ).date()


def today_activities(session: Session, actor: Actor | None, limit: int = 5) -> list[CalendarRow]:
    """Today's open activities the actor may see, soonest first, at most limit (one query)."""
    today = clock.today()
    rows = session.exec(
        _listed(actor)
        .where(
            Activity.status == "open",
            Activity.starts_at >= local_midnight(today),
            Activity.starts_at < local_midnight(today + timedelta(days=1)),
        )
        .order_by(Activity.starts_at, Activity.id)
        .limit(limit)
    ).all()
    return [CalendarRow(activity, name) for activity, name in rows]


def visible_activity(session: Session, actor: Actor | None, activity_id: Any) -> Activity:
    """The activity if the actor may see it; a members-only one is missing for others."""
    activity = team_access.activity_of(session, activity_id)
    if activity.audience != "public" and not team_access.sees_members_only(actor):
        raise DomainError(text.TeamWords.NO_ACTIVITY)
    return activity


@dataclass(frozen=True)
class ActivityView:
    """One activity's page: the activity, its team, the waiting list's length, the viewer's
    sign-up and place in the queue, the sale's result and whether the viewer manages it."""

    activity: Activity
    team_name: str
    phase: str
    waiting: int
    mine: ActivitySignup | None
    my_place: int
    sale: CharitySale | None
    can_manage: bool


def waiting_place(session: Session, signup: ActivitySignup) -> int:
    """Where a waiting sign-up stands in the queue (1 = next to get a seat)."""
    ahead = session.exec(
        select(func.count())
        .select_from(ActivitySignup)
        .where(
            ActivitySignup.activity_id == signup.activity_id,
            ActivitySignup.status == "waiting",
            or_(
                ActivitySignup.created_at < signup.created_at,
                and_(
                    ActivitySignup.created_at == signup.created_at,
                    ActivitySignup.id < signup.id,
                ),
            ),
        )
    ).one()
    return int(ahead) + 1


def mine_of(session: Session, actor: Actor | None, activity_id: int) -> ActivitySignup | None:
    """The actor's own sign-up row for the activity (any status), if any."""
    if actor is None:
        return None
    return session.exec(
        select(ActivitySignup).where(
            ActivitySignup.activity_id == activity_id,
            ActivitySignup.account_id == actor.account_id,
        )
    ).first()


def detail(session: Session, actor: Actor | None, activity_id: Any) -> ActivityView:
    """Everything /activities/<id> shows, for anyone who may see the activity."""
    activity = visible_activity(session, actor, activity_id)
    team = session.get(Team, activity.team_id) if activity.team_id else None
    waiting = session.exec(
        select(func.count())
        .select_from(ActivitySignup)
        .where(ActivitySignup.activity_id == activity.id, ActivitySignup.status == "waiting")
    ).one()
    mine = mine_of(session, actor, activity.id)
    place = waiting_place(session, mine) if mine and mine.status == "waiting" else 0
    sale = None
    if activity.kind == "sale":
        sale = session.exec(
            select(CharitySale).where(CharitySale.activity_id == activity.id)
        ).first()
    try:
        can_manage = actor is not None and bool(
            team_access.require_activity_manager(session, actor, activity.id)
        )
    except PermissionDenied:
        can_manage = False
    return ActivityView(
        activity,
        team.name if team else text.TeamWords.COMMUNITY_ACTIVITY,
        phase(activity),
        int(waiting),
        mine,
        place,
        sale,
        can_manage,
    )

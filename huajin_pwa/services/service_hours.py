"""志愿服务时长: after a 志愿服务 activity ends, its leader (or staff) confirms the hours of each
person checked in; confirmed hours are locked. Members read their totals and history.

Hours are typed with at most one decimal (2.5), > 0 and no more than the activity's length,
and stored as minutes. A confirmation is all or nothing; each row is locked by a conditional
UPDATE (hours_confirmed_at IS NULL), so of two leaders confirming at once one wins and the
other is told who did."""

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from huajin_pwa import present, text
from huajin_pwa.models import Account, Activity, ActivitySignup, Team
from huajin_pwa.services import audit, clock, inbox, team_access, validate
from huajin_pwa.services.actor import Actor, require_signed_in
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.services.pagination import Page, paginate

T = text.ServiceHours
MAX_ROWS = 1000  # an activity holds at most 1,000 people
SHEET_SIZE = 20  # people on one page of the leader's sheet
PRINT_MAX = 200  # activities listed on the one-page summary
HOURS_RE = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def length_minutes(activity: Activity) -> int:
    """How long the activity lasts, in whole minutes."""
    return int(
        (clock.as_utc(activity.ends_at) - clock.as_utc(activity.starts_at)).total_seconds() // 60
    )


def hours_words(minutes: int) -> str:
    """Minutes as hours with at most one decimal: 150 -> 2.5, 120 -> 2."""
    tenths = minutes // 6
    return f"{tenths // 10}" if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}"


def default_minutes(activity: Activity) -> int:
    """The default: the activity's length, rounded down to a tenth of an hour."""
    return length_minutes(activity) // 6 * 6


@dataclass(frozen=True)
class SheetLine:
    """One person checked in: the minutes to show (default or confirmed) and if locked."""

    signup_id: int
    name: str
    minutes: int
    confirmed: bool


@dataclass(frozen=True)
class Sheet:
    """The leader's page: the activity, its team, whether hours may be confirmed yet, and one
    page of the people checked in."""

    activity: Activity
    team_name: str
    ended: bool
    lines: list[SheetLine]
    page: int
    pages: int
    total: int


def _service_activity(session: Session, actor: Actor | None, activity_id: Any) -> Activity:
    activity = team_access.require_activity_manager(session, actor, activity_id)
    if activity.kind != "service":
        raise DomainError(T.NOT_SERVICE)
    if activity.status == "cancelled":
        raise DomainError(T.CANCELLED)
    return activity


def _attended(activity_id: int):
    return (
        ActivitySignup.activity_id == activity_id,
        ActivitySignup.status == "signed",
        col(ActivitySignup.checked_in_at).is_not(None),
    )


def team_name(session: Session, activity: Activity) -> str:
    """The activity's team name, or 社区活动."""
    team = session.get(Team, activity.team_id) if activity.team_id else None
    return team.name if team else text.TeamWords.COMMUNITY_ACTIVITY


def sheet(session: Session, actor: Actor | None, activity_id: Any, page: Any = 1) -> Sheet:
    """The people checked in, in the order they came, a page at a time."""
    activity = _service_activity(session, actor, activity_id)
    query = (
        select(ActivitySignup, Account.name)
        .join(Account, Account.id == ActivitySignup.account_id)
        .where(*_attended(activity.id))
        .order_by(ActivitySignup.checked_in_at, ActivitySignup.id)
    )
    found = paginate(session, query, page, SHEET_SIZE)
    default = default_minutes(activity)
    lines = [
        SheetLine(
            signup_id=row.id,
            name=name,
            minutes=row.service_minutes if row.hours_confirmed_at else default,
            confirmed=row.hours_confirmed_at is not None,
        )
        for row, name in found.rows
    ]
    return Sheet(
        activity=activity,
        team_name=team_name(session, activity),
        ended=clock.as_utc(activity.ends_at) <= clock.now(),
        lines=lines,
        page=found.page,
        pages=found.pages,
        total=found.total,
    )


def field_name(signup_id: int) -> str:
    """The form field of one person's hours."""
    return f"hours-{signup_id}"


def _minutes(raw: Any, name: str, longest: int) -> int:
    """Typed hours as minutes, or ValueError with the message for this person's field."""
    value = validate.as_text(raw)
    if not value:
        raise ValueError(T.HOURS_MISSING.format(name=name))
    if len(value) > 12 or not value.isascii() or not HOURS_RE.match(value):
        raise ValueError(T.HOURS_INVALID.format(name=name))
    if value.startswith("-"):
        raise ValueError(T.HOURS_NEGATIVE.format(name=name))
    whole, _, decimals = value.partition(".")
    if len(decimals.rstrip("0")) > 1:
        raise ValueError(T.HOURS_DECIMALS.format(name=name))
    tenths = int(whole) * 10 + int((decimals + "0")[0])
    if tenths == 0:
        raise ValueError(T.HOURS_ZERO.format(name=name))
    if tenths * 6 > longest:
        raise ValueError(T.HOURS_TOO_LONG.format(name=name, hours=hours_words(longest)))
    return tenths * 6


def _wanted(hours_by_signup: Any) -> dict[int, Any]:
    """{signup id: typed hours} from an untrusted client, or a refusal."""
    if not isinstance(hours_by_signup, dict) or len(hours_by_signup) > MAX_ROWS:
        raise DomainError(T.BAD_LIST)
    wanted = {team_access.as_id(key): value for key, value in hours_by_signup.items()}
    if None in wanted or len(wanted) != len(hours_by_signup):
        raise DomainError(T.BAD_LIST)
    if not wanted:
        raise DomainError(T.NOTHING)
    return wanted


def confirm(session: Session, actor: Actor | None, activity_id: Any, hours_by_signup: Any) -> int:
    """Confirm the hours of the people given ({signup id: hours as typed}); returns how many.
    Every row must be this activity's, checked in and not yet confirmed. All or nothing."""
    activity = _service_activity(session, actor, activity_id)
    if clock.as_utc(activity.ends_at) > clock.now():
        raise DomainError(T.NOT_ENDED)
    wanted = _wanted(hours_by_signup)
    rows = session.exec(
        select(ActivitySignup, Account.name)
        .join(Account, Account.id == ActivitySignup.account_id)
        .where(col(ActivitySignup.id).in_(list(wanted)), *_attended(activity.id))
    ).all()
    if len(rows) != len(wanted):
        raise DomainError(T.BAD_LIST)
    for row, name in rows:
        if row.hours_confirmed_at is not None:
            _refuse_confirmed(session, row.id, name)
    longest, minutes, errors = length_minutes(activity), {}, {}
    for row, name in sorted(rows, key=lambda pair: pair[0].id):
        try:
            minutes[row.id] = _minutes(wanted[row.id], name, longest)
        except ValueError as error:
            errors[field_name(row.id)] = str(error)
    if errors:
        raise FormError(errors)
    now = clock.now()
    for row, name in rows:
        _lock(session, actor, row, name, minutes[row.id], now)
        inbox.send(
            session,
            row.account_id,
            T.MESSAGE_TITLE,
            T.MESSAGE_BODY.format(
                title=activity.title,
                day=present.day(clock.as_utc(activity.starts_at)),
                hours=hours_words(minutes[row.id]),
            ),
            "/me/hours",
        )
    audit.record(
        session,
        actor.account_id,
        "service_hours_confirmed",
        "activity",
        activity.id,
        "; ".join(f"{row.account_id}:{minutes[row.id]}" for row, _name in rows),
    )
    return len(rows)


def _lock(session: Session, actor: Actor, row: ActivitySignup, name: str, minutes: int, now):
    """Set one row's minutes unless someone confirmed it first (then tell who)."""
    done = session.exec(
        update(ActivitySignup)
        .where(
            ActivitySignup.id == row.id,
            col(ActivitySignup.hours_confirmed_at).is_(None),
        )
        .values(
            service_minutes=minutes,
            hours_confirmed_at=now,
            hours_confirmed_by_id=actor.account_id,
            updated_at=now,
        )
    )
    if done.rowcount != 1:
        _refuse_confirmed(session, row.id, name)


def _refuse_confirmed(session: Session, signup_id: int, name: str) -> None:
    """Refuse, naming who confirmed this row's hours (read fresh from the database)."""
    session.expire_all()
    who = session.exec(
        select(Account.name)
        .join(ActivitySignup, ActivitySignup.hours_confirmed_by_id == Account.id)
        .where(ActivitySignup.id == signup_id)
    ).first()
    raise DomainError(T.ALREADY.format(name=who or "", who=name))


# --- the member's own hours ---------------------------------------------------------------


@dataclass(frozen=True)
class HoursLine:
    """One activity the member served at, with its confirmed minutes."""

    activity_id: int
    title: str
    starts_at: datetime
    team_name: str
    minutes: int


def _confirmed_of(account_id: int):
    return (
        ActivitySignup.account_id == account_id,
        col(ActivitySignup.hours_confirmed_at).is_not(None),
    )


def totals(session: Session, actor: Actor | None) -> tuple[int, int]:
    """(minutes, activities) of the actor's confirmed service hours; one statement."""
    actor = require_signed_in(actor)
    minutes, count = session.exec(
        select(func.coalesce(func.sum(ActivitySignup.service_minutes), 0), func.count()).where(
            *_confirmed_of(actor.account_id)
        )
    ).one()
    return int(minutes), int(count)


def _history_query(account_id: int):
    return (
        select(
            Activity.id,
            Activity.title,
            Activity.starts_at,
            Team.name,
            ActivitySignup.service_minutes,
        )
        .join(Activity, Activity.id == ActivitySignup.activity_id)
        .join(Team, Team.id == Activity.team_id, isouter=True)
        .where(*_confirmed_of(account_id))
        .order_by(col(Activity.starts_at).desc(), col(Activity.id).desc())
    )


def _line(row) -> HoursLine:
    activity_id, title, starts_at, name, minutes = row
    return HoursLine(
        activity_id=activity_id,
        title=title,
        starts_at=clock.as_utc(starts_at),
        team_name=name or text.TeamWords.COMMUNITY_ACTIVITY,
        minutes=minutes or 0,
    )


def recent(session: Session, actor: Actor | None, limit: int = 3) -> list[HoursLine]:
    """The actor's last few confirmed activities, newest first; one statement."""
    actor = require_signed_in(actor)
    rows = session.exec(_history_query(actor.account_id).limit(max(1, min(limit, 50)))).all()
    return [_line(row) for row in rows]


def history(session: Session, actor: Actor | None, page: Any = 1) -> Page:
    """The actor's confirmed activities, newest first, a page at a time (rows: HoursLine)."""
    actor = require_signed_in(actor)
    found = paginate(session, _history_query(actor.account_id), page)
    return Page([_line(row) for row in found.rows], found.page, found.pages, found.total)


@dataclass(frozen=True)
class Summary:
    """The one-page summary to show or print: totals and the most recent activities."""

    name: str
    minutes: int
    count: int
    lines: list[HoursLine]


def summary(session: Session, actor: Actor | None) -> Summary:
    """Totals and up to PRINT_MAX activities, newest first; two statements."""
    actor = require_signed_in(actor)
    minutes, count = totals(session, actor)
    rows = session.exec(_history_query(actor.account_id).limit(PRINT_MAX)).all()
    return Summary(actor.name, minutes, count, [_line(row) for row in rows])

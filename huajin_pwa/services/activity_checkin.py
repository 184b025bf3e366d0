"""Checking people in to an activity: a phone opens the QR link (a signed-up person is checked
in once; someone not signed up takes a free seat as a walk-in), the leader ticks or unticks
names, the roster and the live counts.

Choices: the scan window runs from 60 minutes before the start to the end; ticking opens at
the same moment and stays open after the end (the leader may fill the list in later) until
that person's hours are confirmed. The leader may untick a scanned check-in too (someone who
scanned and went home). The roster is one list, not pages: seats are at most 1,000, so it is
one SELECT of at most 1,000 rows, and one form of tick boxes works on the spot."""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from huajin_pwa import present, text
from huajin_pwa.models import Account, Activity, ActivitySignup, Team
from huajin_pwa.services import audit, clock, team_access
from huajin_pwa.services.actor import Actor, require_signed_in
from huajin_pwa.services.errors import DomainError, PermissionDenied
from huajin_pwa.services.study_attendance import qr_svg  # noqa: F401  (the same QR code)

T = text.ActivityCheckin
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{20,43}$")
EARLY = timedelta(minutes=60)  # scanning opens an hour before the start
MAX_NAMES = 1000  # no activity seats more people


def opens_at(activity: Activity) -> datetime:
    """When scanning and ticking open."""
    return clock.as_utc(activity.starts_at) - EARLY


def checkin_path(token: str) -> str:
    """The path a phone opens from the activity's QR code."""
    return f"/activities/checkin/{token}"


@dataclass(frozen=True)
class CheckIn:
    """What a scan did: checked in now (walk_in when it took a free seat) or already."""

    created: bool
    walk_in: bool
    activity_id: int
    title: str
    message: str


def _by_token(session: Session, token: Any) -> Activity:
    raw = token.strip() if isinstance(token, str) else ""
    found = (
        session.exec(select(Activity).where(Activity.token == raw)).first()
        if TOKEN_RE.match(raw)
        else None
    )
    if found is None:
        raise DomainError(T.INVALID_CODE)
    return found


def _words(activity: Activity) -> dict[str, str]:
    return {"day": present.day(clock.as_utc(activity.starts_at)), "title": activity.title}


def _already(activity: Activity) -> CheckIn:
    return CheckIn(
        False, False, activity.id, T.ALREADY, T.ALREADY_DETAIL.format(**_words(activity))
    )


def check_in(session: Session, actor: Actor | None, token: Any) -> CheckIn:
    """A phone opens the activity's check-in link: checked in once, within the window; a
    walk-in (not signed up, cancelled or waiting) takes a free seat or is told it is full."""
    actor = require_signed_in(actor)
    activity = _by_token(session, token)
    if activity.status != "open":
        raise DomainError(T.CANCELLED)
    if activity.audience == "members" and not team_access.sees_members_only(actor):
        raise PermissionDenied(T.MEMBERS_ONLY)
    row = _signup(session, activity.id, actor.account_id)
    if row is not None and row.status == "signed" and row.checked_in_at is not None:
        return _already(activity)
    now = clock.now()
    if now < opens_at(activity):
        raise DomainError(
            T.NOT_YET.format(start=present.day_time(clock.as_utc(activity.starts_at)))
        )
    if now > clock.as_utc(activity.ends_at):
        raise DomainError(T.OVER.format(end=present.day_time(clock.as_utc(activity.ends_at))))
    if row is None or row.status != "signed":
        if _walk_in(session, activity, row, actor, now):
            words = T.WALK_IN_DETAIL.format(**_words(activity))
            return CheckIn(True, True, activity.id, T.CHECKED_IN, words)
        # another scan of theirs, or the waiting list moving up, got there first
        row = _signup(session, activity.id, actor.account_id)
        if row is None or row.status != "signed":
            raise DomainError(T.TRY_AGAIN)
    if not _mark(session, [row.id], now, "scan"):
        return _already(activity)  # a second scan at the same moment: the first stays
    words = T.CHECKED_IN_DETAIL.format(**_words(activity))
    return CheckIn(True, False, activity.id, T.CHECKED_IN, words)


def _signup(session: Session, activity_id: int, account_id: int) -> ActivitySignup | None:
    """The person's row for the activity, as the database holds it now."""
    return session.exec(
        select(ActivitySignup)
        .where(ActivitySignup.activity_id == activity_id, ActivitySignup.account_id == account_id)
        .execution_options(populate_existing=True)
    ).first()


def _mark(session: Session, ids: list[int], now: datetime, via: str) -> int:
    """Check these signed rows in unless they already are; how many were."""
    result = session.exec(
        update(ActivitySignup)
        .where(
            col(ActivitySignup.id).in_(ids),
            ActivitySignup.status == "signed",
            col(ActivitySignup.checked_in_at).is_(None),
            col(ActivitySignup.hours_confirmed_at).is_(None),
        )
        .values(checked_in_at=now, check_in_via=via, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount


def _seat(session: Session, activity: Activity, change: int) -> bool:
    """Take (+1, only while one is free) or give back (-1) a seat, as sign-up does."""
    wanted = Activity.id == activity.id
    if change > 0:
        wanted = wanted & (Activity.seats_taken < Activity.capacity) & (Activity.status == "open")
    return bool(
        session.exec(
            update(Activity)
            .where(wanted)
            .values(seats_taken=Activity.seats_taken + change)
            .execution_options(synchronize_session=False)
        ).rowcount
    )


def _walk_in(
    session: Session, activity: Activity, row: ActivitySignup | None, actor: Actor, now: datetime
) -> bool:
    """Take a free seat (or FULL), then sign the person up, checked in; False (the seat given
    back) when their row changed meanwhile (another scan of theirs, the waiting list). The
    seat comes first: it opens the transaction, so the savepoint nests in it on SQLite too."""
    if not _seat(session, activity, +1):
        raise DomainError(T.FULL)
    if row is None:
        row = ActivitySignup(
            activity_id=activity.id,
            account_id=actor.account_id,
            status="signed",
            checked_in_at=now,
            check_in_via="scan",
        )
        try:
            with session.begin_nested():
                session.add(row)
                session.flush()
            return True
        except IntegrityError:  # the savepoint's rollback drops the row from the session
            pass
    elif session.exec(
        update(ActivitySignup)
        .where(ActivitySignup.id == row.id, ActivitySignup.status == row.status)
        .values(status="signed", checked_in_at=now, check_in_via="scan", updated_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount:
        return True
    _seat(session, activity, -1)
    return False


@dataclass(frozen=True)
class Ticked:
    """What the leader's tap did: how many were checked in or taken back."""

    changed: int


def _signup_ids(value: Any) -> list[int]:
    """A list of sign-up ids from an untrusted client, or a refusal."""
    if not isinstance(value, (list, tuple)) or len(value) > MAX_NAMES:
        raise DomainError(T.BAD_NAMES)
    ids = [team_access.as_id(item) if type(item) in (int, str) else None for item in value]
    if any(item is None for item in ids):
        raise DomainError(T.BAD_NAMES)
    return sorted(set(ids))


def _managed(session: Session, actor: Actor | None, activity_id: Any, value: Any):
    """The activity, its signed rows among these ids and this moment, for its manager."""
    activity = team_access.require_activity_manager(session, actor, activity_id)
    ids = _signup_ids(value)
    if activity.status != "open":
        raise DomainError(T.TICK_CANCELLED)
    now = clock.now()
    if now < opens_at(activity):
        raise DomainError(T.TICK_NOT_YET)
    rows = session.exec(
        select(ActivitySignup).where(
            col(ActivitySignup.id).in_(ids),
            ActivitySignup.activity_id == activity.id,
            ActivitySignup.status == "signed",
        )
    ).all()
    if len(rows) != len(ids):
        raise DomainError(T.NOT_ON_LIST)
    if any(row.hours_confirmed_at is not None for row in rows):
        raise DomainError(T.HOURS_LOCKED)
    return activity, ids, now


def tick(session: Session, actor: Actor | None, activity_id: Any, signup_ids: Any) -> Ticked:
    """The leader checks these signed-up people in (队长登记); those already in stay as they
    were. All or nothing."""
    activity, ids, now = _managed(session, actor, activity_id, signup_ids)
    changed = _mark(session, ids, now, "tick") if ids else 0
    if changed:
        detail = ",".join(map(str, ids))
        audit.record(
            session, actor.account_id, "activity_checkin_ticked", "activity", activity.id, detail
        )
    return Ticked(changed)


def untick(session: Session, actor: Actor | None, activity_id: Any, signup_ids: Any) -> Ticked:
    """The leader takes these check-ins back (a tick by mistake, or someone who left)."""
    activity, ids, now = _managed(session, actor, activity_id, signup_ids)
    if not ids:
        return Ticked(0)
    result = session.exec(
        update(ActivitySignup)
        .where(
            col(ActivitySignup.id).in_(ids),
            col(ActivitySignup.checked_in_at).is_not(None),
            col(ActivitySignup.hours_confirmed_at).is_(None),
        )
        .values(checked_in_at=None, check_in_via="", updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount:
        detail = ",".join(map(str, ids))
        audit.record(
            session, actor.account_id, "activity_checkin_unticked", "activity", activity.id, detail
        )
    return Ticked(result.rowcount)


@dataclass(frozen=True)
class Counts:
    """已报名 · 已签到 · 候补."""

    signed: int
    present: int
    waiting: int


def counts(session: Session, activity_id: int) -> Counts:
    """The three numbers of the leader's page, in one statement."""
    signed = ActivitySignup.status == "signed"
    row = session.exec(
        select(
            func.coalesce(func.sum(case((signed, 1), else_=0)), 0),
            func.coalesce(
                func.sum(
                    case((signed & col(ActivitySignup.checked_in_at).is_not(None), 1), else_=0)
                ),
                0,
            ),
            func.coalesce(func.sum(case((ActivitySignup.status == "waiting", 1), else_=0)), 0),
        ).where(ActivitySignup.activity_id == activity_id)
    ).one()
    return Counts(*(int(value) for value in row))


@dataclass(frozen=True)
class RosterLine:
    """A signed-up person and how they were checked in ("" when not)."""

    signup_id: int
    name: str
    via: str
    locked: bool  # hours confirmed: the check-in can no longer change


@dataclass(frozen=True)
class Roster:
    """The activity, whether ticking is open now, the counts and every signed-up person."""

    activity: Activity
    team_name: str
    can_tick: bool
    counts: Counts
    lines: list[RosterLine]


def roster(session: Session, actor: Actor | None, activity_id: Any) -> Roster:
    """The leader's page: a fixed number of statements however many signed up (at most
    MAX_NAMES seats, so the whole list in one SELECT)."""
    activity = team_access.require_activity_manager(session, actor, activity_id)
    rows = session.exec(
        select(
            ActivitySignup.id,
            Account.name,
            ActivitySignup.check_in_via,
            ActivitySignup.checked_in_at,
            ActivitySignup.hours_confirmed_at,
        )
        .join(Account, Account.id == ActivitySignup.account_id)
        .where(ActivitySignup.activity_id == activity.id, ActivitySignup.status == "signed")
        .order_by(Account.name, ActivitySignup.id)
        .limit(MAX_NAMES)
    ).all()
    lines = [
        RosterLine(signup_id, name, (via or "scan") if came else "", confirmed is not None)
        for signup_id, name, via, came, confirmed in rows
    ]
    team_name = ""
    if activity.team_id is not None:
        team = session.get(Team, activity.team_id)
        team_name = team.name if team else ""
    can_tick = activity.status == "open" and clock.now() >= opens_at(activity)
    return Roster(activity, team_name, can_tick, counts(session, activity.id), lines)


def live_counts(session: Session, actor: Actor | None, activity_id: Any) -> Counts:
    """The counts again for the open page (permission re-checked each time)."""
    activity = team_access.require_activity_manager(session, actor, activity_id)
    return counts(session, activity.id)

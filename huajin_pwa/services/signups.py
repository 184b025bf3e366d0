"""Signing up for an activity, the waiting list and cancelling. A seat is only ever taken by a
conditional UPDATE (seats_taken < capacity), so the last seat goes to exactly one phone; a
cancelled seat goes to the first person waiting (told in the inbox), else back to the pool."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from huajin_pwa import present, text
from huajin_pwa.models import Activity, ActivitySignup, Team
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import audit, clock, inbox
from huajin_pwa.services.activity_calendar import phase, visible_activity
from huajin_pwa.services.actor import Actor, require_signed_in
from huajin_pwa.services.errors import DomainError

R = text.SignupRules
HELD = ("signed", "waiting")


def _open_activity(session: Session, actor: Actor | None, activity_id: Any, started: str):
    """The signed-in actor and the activity, if it may still be signed up for or left."""
    actor = require_signed_in(actor)
    activity = visible_activity(session, actor, activity_id)
    now = phase(activity)
    if now == "cancelled":
        raise DomainError(R.CANCELLED)
    if now != "open":
        raise DomainError(started)
    return actor, activity


def _mine(session: Session, actor: Actor, activity: Activity) -> ActivitySignup | None:
    return session.exec(
        select(ActivitySignup).where(
            ActivitySignup.activity_id == activity.id,
            ActivitySignup.account_id == actor.account_id,
        )
    ).first()


def _refuse_if_held(row: ActivitySignup | None) -> None:
    if row is not None and row.status == "signed":
        raise DomainError(R.ALREADY_SIGNED)
    if row is not None and row.status == "waiting":
        raise DomainError(R.ALREADY_WAITING)


def take_seat(session: Session, activity: Activity) -> bool:
    """Take one seat if one is free: the conditional UPDATE only one phone can win."""
    result = session.exec(
        update(Activity)
        .where(
            Activity.id == activity.id,
            Activity.seats_taken < Activity.capacity,
            Activity.status == "open",
        )
        .values(seats_taken=Activity.seats_taken + 1)
    )
    return result.rowcount == 1


def _hold(session: Session, actor: Actor, activity: Activity, row, status: str):
    """Write the actor's row as signed or waiting: a new row, or the cancelled one reused
    (the queue order restarts). A second tap racing this one loses and is refused."""
    now = utcnow()
    if row is None:
        row = ActivitySignup(
            activity_id=activity.id, account_id=actor.account_id, status=status, created_at=now
        )
        session.add(row)
        try:
            session.flush()
        except IntegrityError:  # the transaction is rolled back whole
            raise DomainError(R.ALREADY_SIGNED) from None
        return row
    result = session.exec(
        update(ActivitySignup)
        .where(ActivitySignup.id == row.id, ActivitySignup.status == "cancelled")
        .values(status=status, created_at=now, updated_at=now)
    )
    if result.rowcount != 1:
        raise DomainError(R.ALREADY_SIGNED)
    session.refresh(row)
    return row


def sign_up(session: Session, actor: Actor | None, activity_id: Any) -> ActivitySignup:
    """报名: a seat for the actor, before the start of an open activity they may see."""
    actor, activity = _open_activity(session, actor, activity_id, R.STARTED)
    row = _mine(session, actor, activity)
    _refuse_if_held(row)
    if not take_seat(session, activity):
        raise DomainError(R.FULL)
    return _hold(session, actor, activity, row, "signed")


def join_waiting_list(session: Session, actor: Actor | None, activity_id: Any) -> ActivitySignup:
    """排队候补: a place at the end of the queue of a full activity."""
    actor, activity = _open_activity(session, actor, activity_id, R.STARTED)
    row = _mine(session, actor, activity)
    _refuse_if_held(row)
    if activity.seats_taken < activity.capacity:
        raise DomainError(R.NOT_FULL)
    return _hold(session, actor, activity, row, "waiting")


def promote(session: Session, actor: Actor, activity: Activity) -> ActivitySignup | None:
    """Give the freed seat to the first person waiting (told in the inbox); None if nobody."""
    queue = session.exec(
        select(ActivitySignup)
        .where(ActivitySignup.activity_id == activity.id, ActivitySignup.status == "waiting")
        .order_by(ActivitySignup.created_at, ActivitySignup.id)
        .limit(5)
    ).all()
    for row in queue:
        moved = session.exec(
            update(ActivitySignup)
            .where(ActivitySignup.id == row.id, ActivitySignup.status == "waiting")
            .values(status="signed", updated_at=utcnow())
        )
        if moved.rowcount == 1:
            when = present.day_time(activity.starts_at)
            inbox.send(
                session,
                row.account_id,
                R.PROMOTED_TITLE.format(title=activity.title),
                R.PROMOTED_BODY.format(title=activity.title, when=when, place=activity.place),
                f"/activities/{activity.id}",
            )
            audit.record(
                session, actor.account_id, "activity_waiting_promoted", "activity_signup", row.id
            )
            return row
    return None


def release(session: Session, row: ActivitySignup, was: str) -> None:
    """Mark the sign-up cancelled, unless another phone of the same person did first."""
    result = session.exec(
        update(ActivitySignup)
        .where(ActivitySignup.id == row.id, ActivitySignup.status == was)
        .values(status="cancelled", updated_at=utcnow())
    )
    if result.rowcount != 1:
        raise DomainError(R.NOT_SIGNED)


def cancel(session: Session, actor: Actor | None, activity_id: Any) -> str:
    """取消报名 or 退出候补, before the start; returns the status left (signed or waiting).
    A freed seat goes to the first person waiting, else back to the pool."""
    actor, activity = _open_activity(session, actor, activity_id, R.STARTED_CANCEL)
    row = _mine(session, actor, activity)
    if row is None or row.status not in HELD:
        raise DomainError(R.NOT_SIGNED)
    was = row.status
    release(session, row, was)
    if was == "signed" and promote(session, actor, activity) is None:
        session.exec(
            update(Activity)
            .where(Activity.id == activity.id, Activity.seats_taken > 0)
            .values(seats_taken=Activity.seats_taken - 1)
        )
    return was


@dataclass(frozen=True)
class MySignup:
    """One of the actor's coming activities: the activity, its team's name, the status."""

    activity: Activity
    team_name: str
    status: str


def my_upcoming(session: Session, actor: Actor | None, limit: int = 3) -> list[MySignup]:
    """The actor's signed or waiting activities not yet ended, soonest first (one query)."""
    if actor is None:
        return []
    now: datetime = clock.now()
    rows = session.exec(
        select(Activity, Team.name, ActivitySignup.status)
        .join(ActivitySignup, ActivitySignup.activity_id == Activity.id)
        .join(Team, Team.id == Activity.team_id, isouter=True)
        .where(
            ActivitySignup.account_id == actor.account_id,
            ActivitySignup.status.in_(HELD),
            Activity.status == "open",
            Activity.ends_at > now,
        )
        .order_by(Activity.starts_at, Activity.id)
        .limit(max(1, min(int(limit), 20)))
    ).all()
    return [
        MySignup(activity, name or text.TeamWords.COMMUNITY_ACTIVITY, status)
        for activity, name, status in rows
    ]

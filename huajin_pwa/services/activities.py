"""Team leaders and staff create, change and cancel activities: the form's rules (times are
typed in Wuhan time and stored in UTC), the teams the form offers, the activity's picture and
the messages a cancellation sends."""

import re
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, select

from huajin_pwa import present, text
from huajin_pwa.models import Account, Activity, ActivitySignup, AuditEntry, StudyImage, Team
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import (
    audit,
    clock,
    inbox,
    signups,
    study_images,
    team_access,
    validate,
)
from huajin_pwa.services.actor import Actor, require_signed_in
from huajin_pwa.services.errors import DomainError, FormError, PermissionDenied

T = text.ActivityForm
W = text.TeamWords
FIELDS = (
    "title",
    "team",
    "kind",
    "day",
    "starts",
    "ends",
    "place",
    "capacity",
    "audience",
    "description",
)
AHEAD_DAYS = 366  # activities are planned up to a year ahead
TIME_RE = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
MAX_CAPACITY = 1000


@dataclass(frozen=True)
class Choices:
    """What the form offers the actor: [id, name] of the teams they may choose, and whether
    they may leave the team empty (社区活动, staff only)."""

    teams: list[list[str]]
    community: bool


def require_organiser(session: Session, actor: Actor | None) -> Actor:
    """The actor, if they lead an active team or are staff; else a refusal."""
    actor = require_signed_in(actor)
    if not actor.is_office and not team_access.led_team_ids(session, actor):
        raise PermissionDenied(T.NOT_ORGANISER)
    return actor


def choices(session: Session, actor: Actor | None) -> Choices:
    """The teams the form offers: every active team for staff, the led ones for a leader."""
    actor = require_organiser(session, actor)
    query = select(Team.id, Team.name).where(Team.active).order_by(Team.kind, Team.id)
    if not actor.is_office:
        query = query.where(Team.id.in_(team_access.led_team_ids(session, actor)))
    teams = [[str(team_id), name] for team_id, name in session.exec(query).all()]
    return Choices(teams=teams, community=actor.is_office)


def _team(session: Session, actor: Actor, value: Any) -> int | None:
    raw = validate.as_text(value)
    if not raw:
        if actor.is_office:
            return None
        raise ValueError(T.TEAM_MISSING)
    team_id = team_access.as_id(raw)
    team = session.get(Team, team_id) if team_id else None
    if team is None or not team.active:
        raise ValueError(T.TEAM_MISSING)
    if not team_access.leads(session, actor, team.id):
        raise ValueError(T.NOT_YOUR_TEAM)
    return team.id


def _day(value: Any) -> date:
    today = clock.today()
    return validate.day(
        value, date.min, today + timedelta(days=AHEAD_DAYS), T.DAY_INVALID, T.DAY_FAR
    )


def _time(value: Any) -> time:
    raw = validate.as_text(value).replace("：", ":")
    if not TIME_RE.match(raw):
        raise ValueError(T.TIME_INVALID)
    return time.fromisoformat(raw)


def _capacity(value: Any) -> int:
    if type(value) is int:
        value = str(value)
    return validate.small_int(value, 1, MAX_CAPACITY, T.CAPACITY_INVALID)


def _clean(session: Session, actor: Actor, form: Any) -> dict[str, Any]:
    """The checked answers, with starts_at and ends_at in UTC; every problem by its field."""
    rules = {
        "title": lambda v: validate.free_text(v, 2, 30, T.TITLE_INVALID),
        "team": lambda v: _team(session, actor, v),
        "kind": lambda v: validate.one_of(v, W.ACTIVITY_KINDS, T.KIND_INVALID),
        "day": _day,
        "starts": _time,
        "ends": _time,
        "place": lambda v: validate.free_text(v, 2, 60, T.PLACE_INVALID),
        "capacity": _capacity,
        "audience": lambda v: validate.one_of(v, W.AUDIENCES, T.AUDIENCE_INVALID),
        "description": lambda v: validate.free_text(v, 0, 1000, T.DESCRIPTION_INVALID),
    }
    errors: dict[str, str] = {}
    try:
        clean = validate.collect(form, rules)
    except FormError as error:
        errors, clean = dict(error.errors), {}
        data = form if isinstance(form, dict) else {}
        for name in ("day", "starts", "ends"):  # still compare the times that are right
            if name not in errors:
                clean[name] = rules[name](data.get(name))
    day, starts, ends = clean.get("day"), clean.get("starts"), clean.get("ends")
    if starts is not None and ends is not None and ends <= starts:
        errors["ends"] = T.END_BEFORE_START
    if day is not None and day < clock.today():
        errors["day"] = T.DAY_PAST
    elif day is not None and starts is not None and _utc(day, starts) <= clock.now():
        errors["starts"] = T.START_PAST
    if errors:
        raise FormError(_in_order(errors))
    return {**clean, "starts_at": _utc(day, starts), "ends_at": _utc(day, ends)}


def _in_order(errors: dict[str, str]) -> dict[str, str]:
    """The errors in the order of the form's fields (the summary lists them so)."""
    return {name: errors[name] for name in FIELDS if name in errors}


def _utc(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=clock.LOCAL_TZ).astimezone(UTC)


def _picture(session: Session, picture_id: Any) -> int | None:
    if picture_id is None or picture_id == "":
        return None
    image_id = team_access.as_id(picture_id)
    if image_id is None or session.get(StudyImage, image_id) is None:
        raise FormError({study_images.FIELD: T.PICTURE_MISSING})
    return image_id


def _values(clean: dict[str, Any], picture_id: int | None) -> dict[str, Any]:
    return {
        "team_id": clean["team"],
        "kind": clean["kind"],
        "title": clean["title"],
        "starts_at": clean["starts_at"],
        "ends_at": clean["ends_at"],
        "place": clean["place"],
        "capacity": clean["capacity"],
        "audience": clean["audience"],
        "description": clean["description"],
        "picture_id": picture_id,
    }


def create(session: Session, actor: Actor | None, form: Any, picture_id: Any = None) -> Activity:
    """A leader (for a team they lead) or staff (any team, or none) plans an activity. form:
    title, team (id, or empty for 社区活动), kind, day (YYYY-MM-DD), starts and ends (HH:MM,
    Wuhan time), place, capacity, audience, description; picture_id an uploaded picture."""
    actor = require_organiser(session, actor)
    clean = _clean(session, actor, form)
    picture = _picture(session, picture_id)
    activity = Activity(
        **_values(clean, picture),
        token=secrets.token_urlsafe(32),
        created_by_id=actor.account_id,
    )
    session.add(activity)
    session.flush()
    audit.record(
        session, actor.account_id, "activity_created", "activity", activity.id, activity.title
    )
    return activity


def _open(activity: Activity) -> Activity:
    """The activity, if it may still be changed: not cancelled and not yet started."""
    if activity.status != "open":
        raise DomainError(T.CANCELLED_ALREADY)
    if clock.as_utc(activity.starts_at) <= clock.now():
        raise DomainError(T.STARTED)
    return activity


def for_edit(session: Session, actor: Actor | None, activity_id: Any) -> Activity:
    """The activity to change or cancel, for its team's leader or staff, before it starts."""
    return _open(team_access.require_activity_manager(session, actor, activity_id))


def answers_of(activity: Activity) -> dict[str, str]:
    """The activity as the form shows it (times in Wuhan)."""
    starts = clock_local(activity.starts_at)
    return {
        "title": activity.title,
        "team": str(activity.team_id or ""),
        "kind": activity.kind,
        "day": starts.date().isoformat(),
        "starts": f"{starts:%H:%M}",
        "ends": f"{clock_local(activity.ends_at):%H:%M}",
        "place": activity.place,
        "capacity": str(activity.capacity),
        "audience": activity.audience,
        "description": activity.description,
    }


def clock_local(moment: datetime) -> datetime:
    """A stored UTC moment in Wuhan time."""
    return clock.as_utc(moment).astimezone(clock.LOCAL_TZ)


def edit(
    session: Session,
    actor: Actor | None,
    activity_id: Any,
    version: Any,
    form: Any,
    picture_id: Any = None,
) -> Activity:
    """Change an activity before it starts. version is the one the form was loaded at: a save
    on top of someone else's newer one is refused (the form shows the newest); the capacity
    may not drop below the seats already taken."""
    actor = require_signed_in(actor)
    activity = for_edit(session, actor, activity_id)
    if type(version) is not int or version != activity.version:
        raise DomainError(_stale(session, activity))
    clean = _clean(session, actor, form)
    picture = _picture(session, picture_id)
    before = _when_and_where(activity)
    if clean["capacity"] < activity.seats_taken:
        raise _below_taken(activity.seats_taken)
    changed = session.exec(
        update(Activity)
        .where(
            Activity.id == activity.id,
            Activity.version == version,
            Activity.status == "open",
            Activity.starts_at > clock.now(),
            Activity.seats_taken <= clean["capacity"],
        )
        .values(**_values(clean, picture), updated_at=utcnow(), version=Activity.version + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.refresh(activity)
    if changed != 1:  # a sign-up, an edit or a cancellation got there first
        _open(activity)
        if activity.version != version:
            raise DomainError(_stale(session, activity))
        raise _below_taken(activity.seats_taken)
    audit.record(
        session, actor.account_id, "activity_edited", "activity", activity.id, f"v{version + 1}"
    )
    if _when_and_where(activity) != before:
        _tell_of_change(session, activity)
    _seat_the_waiting(session, actor, activity)
    return activity


def _when_and_where(activity: Activity) -> tuple[str, str]:
    """11月30日 周一 09:00–11:00 and the place: what people signed up must hear about."""
    starts, ends = clock.as_utc(activity.starts_at), clock.as_utc(activity.ends_at)
    return f"{present.day_time(starts)}–{clock_local(ends):%H:%M}", activity.place


def _tell_of_change(session: Session, activity: Activity) -> None:
    """A message to everyone signed up or waiting: the new time and place."""
    when, place = _when_and_where(activity)
    for account_id in people_to_tell(session, activity.id):
        inbox.send(
            session,
            account_id,
            T.CHANGED_TITLE.format(title=activity.title),
            T.CHANGED_BODY.format(title=activity.title, when=when, place=place),
            f"/activities/{activity.id}",
        )


def _seat_the_waiting(session: Session, actor: Actor, activity: Activity) -> None:
    """Places added by a bigger capacity go to the people waiting, first come first (each is
    told); a seat taken for nobody is given back."""
    while signups.take_seat(session, activity):
        if signups.promote(session, actor, activity) is None:
            session.exec(
                update(Activity)
                .where(Activity.id == activity.id)
                .values(seats_taken=Activity.seats_taken - 1)
            )
            break
    session.refresh(activity)


def _below_taken(count: int) -> FormError:
    return FormError({"capacity": T.CAPACITY_BELOW_TAKEN.format(count=count)})


def _stale(session: Session, activity: Activity) -> str:
    """Who changed the activity last (from the audit log)."""
    name = session.exec(
        select(Account.name)
        .join(AuditEntry, AuditEntry.actor_id == Account.id)
        .where(AuditEntry.target_type == "activity", AuditEntry.target_id == activity.id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    ).first()
    return T.STALE.format(name=name or T.STALE_SOMEONE)


def people_to_tell(session: Session, activity_id: int) -> list[int]:
    """Accounts signed up or waiting for the activity."""
    return list(
        session.exec(
            select(ActivitySignup.account_id)
            .where(
                ActivitySignup.activity_id == activity_id,
                ActivitySignup.status.in_(("signed", "waiting")),
            )
            .order_by(ActivitySignup.id)
        ).all()
    )


def cancel(session: Session, actor: Actor | None, activity_id: Any) -> tuple[Activity, int]:
    """Cancel an activity before it starts; everyone signed up or waiting gets a message.
    Returns the activity and how many were told."""
    actor = require_signed_in(actor)
    activity = for_edit(session, actor, activity_id)
    changed = session.exec(
        update(Activity)
        .where(
            Activity.id == activity.id,
            Activity.status == "open",
            Activity.starts_at > clock.now(),
        )
        .values(status="cancelled", updated_at=utcnow(), version=Activity.version + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.refresh(activity)
    if changed != 1:  # cancelled or started meanwhile
        _open(activity)
    when = present.day_time(clock.as_utc(activity.starts_at))
    told = people_to_tell(session, activity.id)
    for account_id in told:
        inbox.send(
            session,
            account_id,
            T.MESSAGE_TITLE.format(title=activity.title),
            T.MESSAGE_BODY.format(title=activity.title, when=when, place=activity.place),
            f"/activities/{activity.id}",
        )
    audit.record(
        session, actor.account_id, "activity_cancelled", "activity", activity.id, activity.title
    )
    return activity, len(told)


def upload_picture(session: Session, actor: Actor | None, filename: Any, data: Any) -> StudyImage:
    """Keep a picture a leader or staff chose for an activity (checked as study pictures
    are: a real JPEG, PNG, GIF or WEBP of at most 5 MB); served at /study/image/<id>."""
    actor = require_organiser(session, actor)
    return study_images.store_image(session, actor, filename, data, "activity_picture_uploaded")


def picture_url(picture_id: int | None) -> str:
    """Where the picture is served, or empty."""
    return study_images.URL.format(id=picture_id) if picture_id else ""

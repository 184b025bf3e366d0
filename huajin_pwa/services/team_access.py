"""Who leads which team: the permission checks every team and activity service uses, and a
member's own teams (for /me and the pages that show them)."""

from typing import Any

from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import Activity, Team, TeamMember
from huajin_pwa.services.actor import (
    ADMIN,
    LEADER,
    MEMBER,
    SECRETARY,
    STAFF,
    Actor,
    require_signed_in,
)
from huajin_pwa.services.errors import DomainError, PermissionDenied


def as_id(value: Any) -> int | None:
    """A positive database id from untrusted input, else None."""
    if isinstance(value, bool):
        return None
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


MEMBERS_ONLY_ROLES = (MEMBER, LEADER, SECRETARY, STAFF, ADMIN)


def sees_members_only(actor: Actor | None) -> bool:
    """Whether the actor may see and join activities open to party members only."""
    return actor is not None and actor.has(*MEMBERS_ONLY_ROLES)


def team_of(session: Session, team_id: Any, active_only: bool = True) -> Team:
    """The team with this id, or a refusal (stopped teams count as missing by default)."""
    number = as_id(team_id)
    team = session.get(Team, number) if number else None
    if team is None or (active_only and not team.active):
        raise DomainError(text.TeamWords.NO_TEAM)
    return team


def led_team_ids(session: Session, actor: Actor | None) -> list[int]:
    """Ids of the active teams the actor leads (none for nobody signed in)."""
    if actor is None:
        return []
    rows = session.exec(
        select(TeamMember.team_id)
        .join(Team, Team.id == TeamMember.team_id)
        .where(
            TeamMember.account_id == actor.account_id,
            TeamMember.role == "leader",
            TeamMember.status == "active",
            Team.active,
        )
        .order_by(TeamMember.team_id)
    ).all()
    return list(rows)


def leads(session: Session, actor: Actor | None, team_id: int | None) -> bool:
    """Whether the actor leads this team (staff and admin count as leading every team)."""
    if actor is None or team_id is None:
        return actor is not None and actor.is_office
    return actor.is_office or team_id in led_team_ids(session, actor)


def require_leader(session: Session, actor: Actor | None, team_id: Any) -> Team:
    """The team, if the actor leads it or is staff; else a refusal."""
    actor = require_signed_in(actor)
    team = team_of(session, team_id)
    if not leads(session, actor, team.id):
        raise PermissionDenied(text.TeamWords.NOT_LEADER)
    return team


def activity_of(session: Session, activity_id: Any) -> Activity:
    """The activity with this id, or a refusal."""
    number = as_id(activity_id)
    activity = session.get(Activity, number) if number else None
    if activity is None:
        raise DomainError(text.TeamWords.NO_ACTIVITY)
    return activity


def require_activity_manager(session: Session, actor: Actor | None, activity_id: Any) -> Activity:
    """The activity, if the actor leads its team or is staff (a community activity without a
    team is managed by staff only); else a refusal."""
    actor = require_signed_in(actor)
    activity = activity_of(session, activity_id)
    if activity.team_id is None:
        allowed = actor.is_office
    else:
        allowed = leads(session, actor, activity.team_id)
    if not allowed:
        raise PermissionDenied(text.TeamWords.NOT_LEADER)
    return activity


def my_teams(session: Session, actor: Actor | None) -> list[tuple[Team, TeamMember]]:
    """The actor's teams (asked, in or leading; not left or declined), troupes first."""
    if actor is None:
        return []
    rows = session.exec(
        select(Team, TeamMember)
        .join(TeamMember, TeamMember.team_id == Team.id)
        .where(
            TeamMember.account_id == actor.account_id,
            TeamMember.status.in_(("pending", "active")),
            Team.active,
        )
        .order_by(Team.kind, Team.id)
    ).all()
    return list(rows)

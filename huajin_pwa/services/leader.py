"""The team leader's workbench (/leader): the teams one leads, the join requests to decide, a
team's roster and its activities. Staff and admin count as leading every active team.
以老带新 from the roster is in leader_referral."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import case, exists, func, update
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import (
    Account,
    Activity,
    ActivitySignup,
    Referral,
    RoleGrant,
    Team,
    TeamMember,
)
from huajin_pwa.services import audit, clock, inbox, records, team_access
from huajin_pwa.services.actor import MEMBER, Actor, require_signed_in
from huajin_pwa.services.errors import DomainError
from huajin_pwa.services.pagination import Page, paginate
from huajin_pwa.services.referral import OPEN_STATUSES

T = text.Leader
RECENT_DAYS = 14  # the activities tab shows the last two weeks and everything to come
REFERRAL_ACTION = "leader_referral"


def led_teams(session: Session, actor: Actor | None) -> list[Team]:
    """The active teams the actor leads (staff and admin: all), troupes first."""
    actor = require_signed_in(actor)
    query = select(Team).where(Team.active)
    if not actor.is_office:
        query = query.join(TeamMember, TeamMember.team_id == Team.id).where(
            TeamMember.account_id == actor.account_id,
            TeamMember.role == "leader",
            TeamMember.status == "active",
        )
    return list(session.exec(query.order_by(Team.kind, Team.id)).all())


def pending_counts(session: Session, team_ids: list[int]) -> dict[int, int]:
    """How many are waiting to join each of these teams (one grouped query)."""
    if not team_ids:
        return {}
    rows = session.exec(
        select(TeamMember.team_id, func.count())
        .where(TeamMember.team_id.in_(team_ids), TeamMember.status == "pending")
        .group_by(TeamMember.team_id)
    ).all()
    return dict(rows)


def _scope(session: Session, actor: Actor | None, team_id: Any) -> list[int]:
    """The team chosen (if the actor leads it), or every team the actor leads."""
    if team_id is None:
        return [team.id for team in led_teams(session, actor)]
    return [team_access.require_leader(session, actor, team_id).id]


@dataclass(frozen=True)
class RequestLine:
    """Someone asking to join: the TeamMember row, their name and the team's name."""

    member: TeamMember
    name: str
    team_name: str


def requests(session: Session, actor: Actor | None, team_id: Any = None, page: Any = 1) -> Page:
    """Pending join requests for the teams in view, oldest first; rows are RequestLine."""
    teams = _scope(session, actor, team_id)
    query = (
        select(TeamMember, Account.name, Team.name)
        .join(Account, Account.id == TeamMember.account_id)
        .join(Team, Team.id == TeamMember.team_id)
        .where(TeamMember.team_id.in_(teams), TeamMember.status == "pending")
        .order_by(TeamMember.asked_at, TeamMember.id)
    )
    found = paginate(session, query, page)
    lines = [RequestLine(row, name, team) for row, name, team in found.rows]
    return Page(rows=lines, page=found.page, pages=found.pages, total=found.total)


def decide(
    session: Session, actor: Actor | None, member_id: Any, approve: bool, version: Any = None
) -> TeamMember:
    """同意 (active) or 不同意 (declined) a pending request, in one conditional update so two
    leaders deciding at once give one decision; the other is told who decided. The member is
    told in /messages. version is what the leader's page showed (None: no check)."""
    actor = require_signed_in(actor)
    if type(approve) is not bool:
        raise DomainError(text.Err.BAD_REQUEST)
    row = records.fetch(session, TeamMember, member_id)
    if row is None:
        raise DomainError(T.NO_REQUEST)
    team = team_access.require_leader(session, actor, row.team_id)
    seen = version if type(version) is int else None
    if row.status != "pending" or (seen is not None and seen != row.version):
        raise DomainError(_what_happened(session, row))
    status = "active" if approve else "declined"
    changed = session.exec(
        update(TeamMember)
        .where(
            TeamMember.id == row.id,
            TeamMember.status == "pending",
            TeamMember.version == row.version,
        )
        .values(
            status=status,
            decided_at=clock.now(),
            decided_by_id=actor.account_id,
            version=TeamMember.version + 1,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    session.refresh(row)
    if changed != 1:
        raise DomainError(_what_happened(session, row))
    by = T.BY_STAFF if actor.is_office else T.BY_LEADER
    words = {"team": team.name, "leader": by.format(name=actor.name)}
    title, body = (
        (T.APPROVED_TITLE, T.APPROVED_BODY) if approve else (T.DECLINED_TITLE, T.DECLINED_BODY)
    )
    inbox.send(
        session, row.account_id, title.format(**words), body.format(**words), f"/teams/{team.id}"
    )
    action = "team_join_approved" if approve else "team_join_declined"
    audit.record(session, actor.account_id, action, "account", row.account_id, team.name)
    return row


def _what_happened(session: Session, row: TeamMember) -> str:
    """What a leader acting on a stale page is told: who decided, and how it stands now."""
    status = text.TeamWords.MEMBER_STATUS.get(row.status, row.status)
    who = session.get(Account, row.decided_by_id) if row.decided_by_id else None
    if who is None or row.status == "pending":
        return T.CHANGED.format(status=status)
    return T.DECIDED_BY.format(name=who.name, status=status)


@dataclass(frozen=True)
class RosterLine:
    """An active team member: the TeamMember id, who they are, whether they hold the member
    role (have disclosed) and whether the actor has an open referral for them."""

    member_id: int
    account_id: int
    name: str
    phone: str
    role: str
    disclosed: bool
    referred: bool


def roster(session: Session, actor: Actor | None, team_id: Any, page: Any = 1) -> Page:
    """The team's active members, the leader first then by name; rows are RosterLine."""
    actor = require_signed_in(actor)
    team = team_access.require_leader(session, actor, team_id)
    disclosed = exists().where(
        RoleGrant.account_id == TeamMember.account_id, RoleGrant.role == MEMBER
    )
    referred = exists().where(
        Referral.account_id == TeamMember.account_id, Referral.status.in_(OPEN_STATUSES)
    )
    query = (
        select(TeamMember.id, TeamMember.account_id, Account.name, Account.phone, TeamMember.role)
        .add_columns(disclosed, referred)
        .join(Account, Account.id == TeamMember.account_id)
        .where(TeamMember.team_id == team.id, TeamMember.status == "active")
        .order_by(case((TeamMember.role == "leader", 0), else_=1), Account.name, TeamMember.id)
    )
    found = paginate(session, query, page)
    lines = [RosterLine(*row[:5], bool(row[5]), bool(row[6])) for row in found.rows]
    return Page(rows=lines, page=found.page, pages=found.pages, total=found.total)


@dataclass(frozen=True)
class ActivityLine:
    """One of the team's activities, its team's name and how many have checked in."""

    activity: Activity
    team_name: str
    checked_in: int


def activities(session: Session, actor: Actor | None, team_id: Any = None, page: Any = 1) -> Page:
    """The teams' activities of the last 14 days and to come: those not yet over first
    (soonest first), then the ended ones (latest first); rows are ActivityLine."""
    teams = _scope(session, actor, team_id)
    now = clock.now()
    not_over = Activity.ends_at >= now
    query = (
        select(Activity, Team.name)
        .join(Team, Team.id == Activity.team_id)
        .where(Activity.team_id.in_(teams), Activity.starts_at >= now - timedelta(days=RECENT_DAYS))
        .order_by(
            case((not_over, 0), else_=1),
            case((not_over, Activity.starts_at), else_=None),
            Activity.starts_at.desc(),
            Activity.id,
        )
    )
    found = paginate(session, query, page)
    counts = _checked_in(session, [row.id for row, _name in found.rows])
    lines = [ActivityLine(row, name, counts.get(row.id, 0)) for row, name in found.rows]
    return Page(rows=lines, page=found.page, pages=found.pages, total=found.total)


def _checked_in(session: Session, activity_ids: list[int]) -> dict[int, int]:
    """Checked-in count per activity, in one grouped query (none for an empty page)."""
    rows = session.exec(
        select(ActivitySignup.activity_id, func.count())
        .where(
            ActivitySignup.activity_id.in_(activity_ids or [0]),
            ActivitySignup.checked_in_at.is_not(None),
        )
        .group_by(ActivitySignup.activity_id)
    ).all()
    return dict(rows)

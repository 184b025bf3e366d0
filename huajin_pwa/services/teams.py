"""The public team pages and a person's own place in a team: the list of active teams, one
team with its coming activities, asking to join (one tap), withdrawing an ask and leaving."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import Account, Activity, Team, TeamMember
from huajin_pwa.services import clock, inbox, validate
from huajin_pwa.services.actor import Actor, require_signed_in
from huajin_pwa.services.errors import DomainError
from huajin_pwa.services.pagination import Page, paginate
from huajin_pwa.services.team_access import sees_members_only, team_of

T = text.TeamPages
KINDS = ("troupe", "volunteer")
ALL = "all"
UPCOMING = 5  # coming activities shown on a team's page


def clean_kind(value: Any) -> str:
    """troupe, volunteer or all (anything else) from untrusted input."""
    raw = validate.as_text(value)
    return raw if raw in KINDS else ALL


def active_members():
    """The count of a team's active members (leaders too), as a correlated subquery."""
    return (
        select(func.count())
        .select_from(TeamMember)
        .where(TeamMember.team_id == Team.id, TeamMember.status == "active")
        .correlate(Team)
        .scalar_subquery()
    )


def leader_names(session: Session, team_ids: list[int]) -> dict[int, list[str]]:
    """The active leaders' names of each team, in one query."""
    if not team_ids:
        return {}
    rows = session.exec(
        select(TeamMember.team_id, Account.name)
        .join(Account, Account.id == TeamMember.account_id)
        .where(
            TeamMember.team_id.in_(team_ids),
            TeamMember.role == "leader",
            TeamMember.status == "active",
        )
        .order_by(TeamMember.team_id, TeamMember.id)
    ).all()
    names: dict[int, list[str]] = {}
    for team_id, name in rows:
        names.setdefault(team_id, []).append(name)
    return names


@dataclass(frozen=True)
class TeamLine:
    """A team in the list: how many are in it and who leads it."""

    team: Team
    members: int
    leaders: list[str]


def list_teams(session: Session, kind: Any = ALL, page: Any = 1) -> Page:
    """Active teams, troupes first, one page of TeamLine (three queries for any length)."""
    chosen = clean_kind(kind)
    query = select(Team, active_members()).where(Team.active)
    if chosen != ALL:
        query = query.where(Team.kind == chosen)
    found = paginate(session, query.order_by(Team.kind, Team.id), page)
    leaders = leader_names(session, [team.id for team, _count in found.rows])
    lines = [
        TeamLine(team, int(count or 0), leaders.get(team.id, [])) for team, count in found.rows
    ]
    return Page(rows=lines, page=found.page, pages=found.pages, total=found.total)


@dataclass(frozen=True)
class TeamView:
    """One team as its page shows it to the viewer: leaders, size, the coming activities the
    viewer may see, and the viewer's own row (None when signed out or never asked)."""

    team: Team
    members: int
    leaders: list[str]
    upcoming: list[Activity]
    mine: TeamMember | None

    @property
    def leads(self) -> bool:
        """Whether the viewer leads this team."""
        return self.mine is not None and self.mine.role == "leader" and self.is_in

    @property
    def is_in(self) -> bool:
        """Whether the viewer is in the team now."""
        return self.mine is not None and self.mine.status == "active"


def team_page(session: Session, actor: Actor | None, team_id: Any) -> TeamView:
    """One active team for anyone (five queries at most); a missing or stopped one refused."""
    number = team_of(session, team_id).id
    team, members = session.exec(select(Team, active_members()).where(Team.id == number)).one()
    coming = select(Activity).where(
        Activity.team_id == team.id,
        Activity.status == "open",
        Activity.ends_at > clock.now(),
    )
    if not sees_members_only(actor):
        coming = coming.where(Activity.audience == "public")
    upcoming = session.exec(coming.order_by(Activity.starts_at, Activity.id).limit(UPCOMING))
    return TeamView(
        team,
        int(members or 0),
        leader_names(session, [team.id]).get(team.id, []),
        list(upcoming.all()),
        own_row(session, actor, team.id) if actor else None,
    )


def own_row(session: Session, actor: Actor, team_id: int) -> TeamMember | None:
    """The actor's row in the team, read fresh from the database."""
    return session.exec(
        select(TeamMember)
        .where(TeamMember.team_id == team_id, TeamMember.account_id == actor.account_id)
        .execution_options(populate_existing=True)
    ).first()


def _refuse_if_in(row: TeamMember) -> None:
    if row.status == "pending":
        raise DomainError(T.ALREADY_ASKED)
    if row.status == "active":
        raise DomainError(T.ALREADY_IN)


def _tell_leaders(session: Session, team: Team, title: str, body: str) -> None:
    leader_ids = session.exec(
        select(TeamMember.account_id).where(
            TeamMember.team_id == team.id,
            TeamMember.role == "leader",
            TeamMember.status == "active",
        )
    ).all()
    for leader_id in leader_ids:
        inbox.send(session, leader_id, title, body, "/leader")


def ask_to_join(session: Session, actor: Actor | None, team_id: Any) -> TeamMember:
    """申请加入: any signed-in account asks (pending); after leaving or a decline the row is
    reused. Two taps at once make one ask: the unique row or the conditional update lets one
    through and the other is told it has asked already. The team's leaders are told."""
    actor = require_signed_in(actor)
    team = team_of(session, team_id)
    row = own_row(session, actor, team.id)
    if row is None:
        row = TeamMember(team_id=team.id, account_id=actor.account_id)
        try:
            with session.begin_nested():
                session.add(row)
                session.flush()
        except IntegrityError:  # another tap added it first
            raise DomainError(T.ALREADY_ASKED) from None
    else:
        _refuse_if_in(row)
        changed = session.exec(
            update(TeamMember)
            .where(
                TeamMember.id == row.id,
                TeamMember.version == row.version,
                TeamMember.status.in_(("left", "declined")),
            )
            .values(
                status="pending",
                role="member",
                asked_at=clock.now(),
                decided_at=None,
                decided_by_id=None,
                left_at=None,
                version=TeamMember.version + 1,
            )
        )
        if changed.rowcount != 1:
            _refuse_if_in(own_row(session, actor, team.id))
            raise DomainError(T.ALREADY_ASKED)
        row = own_row(session, actor, team.id)
    _tell_leaders(
        session,
        team,
        T.ASK_TITLE.format(team=team.name),
        T.ASK_BODY.format(name=actor.name, team=team.name),
    )
    return row


def _to_left(session: Session, actor: Actor, team: Team, status: str, refusal: str) -> None:
    changed = session.exec(
        update(TeamMember)
        .where(
            TeamMember.team_id == team.id,
            TeamMember.account_id == actor.account_id,
            TeamMember.status == status,
            TeamMember.role == "member",
        )
        .values(status="left", left_at=clock.now(), version=TeamMember.version + 1)
    )
    if changed.rowcount != 1:
        raise DomainError(refusal)


def withdraw(session: Session, actor: Actor | None, team_id: Any) -> Team:
    """撤回申请: a pending ask becomes left (the row is kept, to ask again later)."""
    actor = require_signed_in(actor)
    team = team_of(session, team_id, active_only=False)
    _to_left(session, actor, team, "pending", T.NOT_ASKED)
    return team


def leave(session: Session, actor: Actor | None, team_id: Any) -> Team:
    """退出队伍: an active member leaves and the leaders are told; a leader cannot leave (staff
    change leaders)."""
    actor = require_signed_in(actor)
    team = team_of(session, team_id, active_only=False)
    row = own_row(session, actor, team.id)
    if row is None or row.status != "active":
        raise DomainError(T.NOT_IN)
    if row.role == "leader":
        raise DomainError(T.LEADER_CANNOT_LEAVE)
    _to_left(session, actor, team, "active", T.NOT_IN)
    _tell_leaders(
        session,
        team,
        T.LEFT_TITLE.format(team=team.name),
        T.LEFT_BODY.format(name=actor.name, team=team.name),
    )
    return team

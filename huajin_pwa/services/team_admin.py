"""Staff managing the teams: create and edit a team, stop it, set and remove its leaders; the
staff list of teams with member counts and leader names."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import Account, Activity, RoleGrant, Team, TeamMember
from huajin_pwa.services import audit, clock, inbox, team_access, teams, validate
from huajin_pwa.services.accounts import add_role
from huajin_pwa.services.actor import LEADER, STAFF, Actor, require_role
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.services.pagination import Page, paginate

T = text.StaffTeams
FIELDS = ("name", "kind", "summary", "meets_when", "meets_where")
LEADER_LINK = "/leader"


def _rules(session: Session, team_id: int | None) -> dict[str, Any]:
    def name(value: Any) -> str:
        clean = validate.free_text(value, 2, 20, T.NAME_INVALID)
        taken = select(Team.id).where(Team.name == clean)
        if team_id is not None:
            taken = taken.where(Team.id != team_id)
        if session.exec(taken).first() is not None:
            raise ValueError(T.NAME_TAKEN)
        return clean

    return {
        "name": name,
        "kind": lambda v: validate.one_of(v, text.TeamWords.TEAM_KINDS, T.KIND_INVALID),
        "summary": lambda v: validate.free_text(v, 2, 300, T.SUMMARY_INVALID),
        "meets_when": lambda v: validate.free_text(v, 2, 60, T.MEETS_WHEN_INVALID),
        "meets_where": lambda v: validate.free_text(v, 2, 60, T.MEETS_WHERE_INVALID),
    }


def _clean(session: Session, form: Any, team_id: int | None = None) -> dict[str, str]:
    """The answers checked, the name not used by another team (stopped ones included)."""
    return validate.collect(form, _rules(session, team_id))


def _write(session: Session, change) -> Any:
    """Run change in a savepoint: a name another staff member took a moment ago is refused."""
    try:
        with session.begin_nested():
            return change()
    except IntegrityError:
        raise FormError({"name": T.NAME_TAKEN}) from None


def create_team(session: Session, actor: Actor | None, form: Any) -> Team:
    """A new active team from form (name, kind, summary, meets_when, meets_where)."""
    actor = require_role(actor, STAFF)
    clean = _clean(session, form)
    team = Team(**clean)

    def add() -> Team:
        session.add(team)
        session.flush()
        return team

    _write(session, add)
    audit.record(session, actor.account_id, "team_created", "team", team.id, team.name)
    return team


def seen_of(team: Team) -> dict[str, str]:
    """The values a form was opened with: an edit goes through only if they are still there."""
    return {name: getattr(team, name) for name in FIELDS}


def edit_team(session: Session, actor: Actor | None, team_id: Any, seen: Any, form: Any) -> Team:
    """Change a team's details; refused when someone changed them since seen (seen_of) was read."""
    actor = require_role(actor, STAFF)
    team = team_access.team_of(session, team_id)
    if not isinstance(seen, dict) or any(not isinstance(seen.get(n), str) for n in FIELDS):
        raise DomainError(text.Err.BAD_REQUEST)
    clean = _clean(session, form, team.id)
    same = [getattr(Team, name) == seen[name] for name in FIELDS]
    changed = _write(
        session,
        lambda: (
            session.exec(
                update(Team).where(Team.id == team.id, Team.active, *same).values(**clean)
            ).rowcount
        ),
    )
    if changed != 1:
        raise DomainError(T.STALE)
    session.refresh(team)
    audit.record(session, actor.account_id, "team_edited", "team", team.id, team.name)
    return team


def _leader_ids(session: Session, team_id: int) -> list[int]:
    return list(
        session.exec(
            select(TeamMember.account_id).where(
                TeamMember.team_id == team_id,
                TeamMember.role == "leader",
                TeamMember.status == "active",
            )
        ).all()
    )


def _drop_leader_grant_if_free(session: Session, account_ids: list[int]) -> None:
    """Take the leader role from those who now lead no active team."""
    if not account_ids:
        return
    still = set(
        session.exec(
            select(TeamMember.account_id)
            .join(Team, Team.id == TeamMember.team_id)
            .where(
                TeamMember.account_id.in_(account_ids),
                TeamMember.role == "leader",
                TeamMember.status == "active",
                Team.active,
            )
        ).all()
    )
    free = [account_id for account_id in account_ids if account_id not in still]
    if free:
        session.exec(
            delete(RoleGrant).where(RoleGrant.account_id.in_(free), RoleGrant.role == LEADER)
        )


def stop_team(session: Session, actor: Actor | None, team_id: Any) -> tuple[Team, int]:
    """Stop a team (kept, no longer listed); returns it and how many of its open activities
    are still to come (they stay: the confirmation says so). Its leaders are told."""
    actor = require_role(actor, STAFF)
    team = team_access.team_of(session, team_id)
    stopped = session.exec(
        update(Team).where(Team.id == team.id, Team.active).values(active=False)
    ).rowcount
    if stopped != 1:
        raise DomainError(text.TeamWords.NO_TEAM)
    session.refresh(team)
    upcoming = session.exec(
        select(func.count())
        .select_from(Activity)
        .where(
            Activity.team_id == team.id,
            Activity.status == "open",
            Activity.starts_at > clock.now(),
        )
    ).one()
    leaders = _leader_ids(session, team.id)
    for account_id in leaders:
        inbox.send(
            session,
            account_id,
            T.TEAM_STOP_TITLE.format(team=team.name),
            T.TEAM_STOP_BODY.format(team=team.name),
        )
    _drop_leader_grant_if_free(session, leaders)
    detail = f"{team.name}；未开始的活动 {upcoming} 个"
    audit.record(session, actor.account_id, "team_stopped", "team", team.id, detail)
    return team, int(upcoming)


def _account_by_phone(session: Session, phone: Any) -> Account:
    clean = validate.collect({"phone": phone}, {"phone": validate.phone})
    account = session.exec(select(Account).where(Account.phone == clean["phone"])).first()
    if account is None:
        raise FormError({"phone": text.Field.PHONE_UNKNOWN})
    if not account.active:
        raise FormError({"phone": T.ACCOUNT_DISABLED})
    return account


def set_leader(session: Session, actor: Actor | None, team_id: Any, phone: Any) -> Account:
    """Make the account with this mobile number a leader of the team: an active TeamMember
    with role leader (their row reused if they have one) and the leader role; they are told."""
    actor = require_role(actor, STAFF)
    team = team_access.team_of(session, team_id)
    account = _account_by_phone(session, phone)
    row = session.exec(
        select(TeamMember).where(TeamMember.team_id == team.id, TeamMember.account_id == account.id)
    ).first()
    if row is not None and row.role == "leader" and row.status == "active":
        raise FormError({"phone": T.ALREADY_LEADER})
    decided = {
        "status": "active",
        "role": "leader",
        "decided_at": clock.now(),
        "decided_by_id": actor.account_id,
    }
    if row is None:
        try:
            with session.begin_nested():
                session.add(TeamMember(team_id=team.id, account_id=account.id, **decided))
                session.flush()
        except IntegrityError:
            raise DomainError(T.STALE) from None
    else:
        changed = session.exec(
            update(TeamMember)
            .where(TeamMember.id == row.id, TeamMember.version == row.version)
            .values(**decided, version=row.version + 1)
        ).rowcount
        if changed != 1:
            raise DomainError(T.STALE)
    add_role(session, account.id, LEADER)
    inbox.send(
        session,
        account.id,
        T.MADE_LEADER_TITLE.format(team=team.name),
        T.MADE_LEADER_BODY.format(team=team.name),
        LEADER_LINK,
    )
    audit.record(session, actor.account_id, "team_leader_set", "account", account.id, team.name)
    return account


def remove_leader(session: Session, actor: Actor | None, team_id: Any, account_id: Any) -> Account:
    """Make a leader an ordinary member of the team again; the leader role goes when they
    lead no other active team. They are told."""
    actor = require_role(actor, STAFF)
    team = team_access.team_of(session, team_id)
    wanted = team_access.as_id(account_id)
    row = (
        session.exec(
            select(TeamMember).where(TeamMember.team_id == team.id, TeamMember.account_id == wanted)
        ).first()
        if wanted
        else None
    )
    if row is None or row.role != "leader" or row.status != "active":
        raise DomainError(T.NOT_LEADER)
    changed = session.exec(
        update(TeamMember)
        .where(
            TeamMember.id == row.id,
            TeamMember.version == row.version,
            TeamMember.role == "leader",
            TeamMember.status == "active",
        )
        .values(role="member", version=row.version + 1)
    ).rowcount
    if changed != 1:
        raise DomainError(T.NOT_LEADER)
    _drop_leader_grant_if_free(session, [row.account_id])
    account = session.get(Account, row.account_id)
    inbox.send(
        session,
        account.id,
        T.UNMADE_LEADER_TITLE.format(team=team.name),
        T.UNMADE_LEADER_BODY.format(team=team.name),
    )
    audit.record(session, actor.account_id, "team_leader_removed", "account", account.id, team.name)
    return account


@dataclass(frozen=True)
class TeamLine:
    """A team in the staff list: how many are in it, who leads it."""

    team: Team
    members: int
    leaders: list[str]


def team_list(session: Session, actor: Actor | None, page: Any = 1) -> Page:
    """Every team for staff, active ones first, troupes before volunteer teams; rows are
    TeamLine (three queries for any length)."""
    require_role(actor, STAFF)
    query = select(Team, teams.active_members()).order_by(Team.active.desc(), Team.kind, Team.id)
    found = paginate(session, query, page)
    leaders = teams.leader_names(session, [team.id for team, _count in found.rows])
    lines = [
        TeamLine(team, int(count or 0), leaders.get(team.id, [])) for team, count in found.rows
    ]
    return Page(rows=lines, page=found.page, pages=found.pages, total=found.total)


@dataclass(frozen=True)
class LeaderLine:
    account_id: int
    name: str
    phone: str


@dataclass(frozen=True)
class TeamView:
    """One team for staff: its details, how many are in it, its leaders."""

    team: Team
    members: int
    leaders: list[LeaderLine]


def team_view(session: Session, actor: Actor | None, team_id: Any) -> TeamView:
    """A team (stopped ones too) with its member count and leaders, for staff."""
    require_role(actor, STAFF)
    team = team_access.team_of(session, team_id, active_only=False)
    members = session.exec(
        select(func.count())
        .select_from(TeamMember)
        .where(TeamMember.team_id == team.id, TeamMember.status == "active")
    ).one()
    rows = session.exec(
        select(Account.id, Account.name, Account.phone)
        .join(TeamMember, TeamMember.account_id == Account.id)
        .where(
            TeamMember.team_id == team.id,
            TeamMember.role == "leader",
            TeamMember.status == "active",
        )
        .order_by(TeamMember.decided_at, TeamMember.id)
    ).all()
    return TeamView(team, int(members), [LeaderLine(*row) for row in rows])

"""The 参与情况 figures on /staff: members in a team, this month's activities, attendance at
the ones that have ended, and this year's confirmed service hours by team."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import case, distinct, exists, func
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import Account, Activity, ActivitySignup, RoleGrant, Team, TeamMember
from huajin_pwa.services import clock
from huajin_pwa.services.actor import MEMBER, STAFF, Actor, require_role

TOP_TEAMS = 10  # the teams named in the hours list; the others are summed as one row


@dataclass(frozen=True)
class Participation:
    """Approved members in at least one active team, of all; activities this month (not
    cancelled); check-ins and sign-ups at this month's ended activities; confirmed service
    minutes this year by team (largest first, the top ten) and the rest summed."""

    in_teams: int
    members: int
    activities: int
    attended: int
    signed: int
    hours_by_team: list[tuple[str, int]]
    rest_teams: int
    rest_minutes: int

    @property
    def total_minutes(self) -> int:
        return sum(minutes for _name, minutes in self.hours_by_team) + self.rest_minutes


def _utc_start(day: date) -> datetime:
    """Midnight in Wuhan on day, as UTC."""
    return datetime.combine(day, time.min, tzinfo=clock.LOCAL_TZ).astimezone(UTC)


def _month(today: date) -> tuple[datetime, datetime]:
    first = clock.month_start(today)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return _utc_start(first), _utc_start(following)


def _members(session: Session) -> tuple[int, int]:
    in_team = (
        exists()
        .where(
            TeamMember.account_id == RoleGrant.account_id,
            TeamMember.status == "active",
            Team.id == TeamMember.team_id,
            Team.active,
        )
        .correlate(RoleGrant)
    )
    members, in_teams = session.exec(
        select(
            func.count(distinct(RoleGrant.account_id)),
            func.count(distinct(case((in_team, RoleGrant.account_id), else_=None))),
        )
        .join(Account, Account.id == RoleGrant.account_id)
        .where(RoleGrant.role == MEMBER, Account.active)
    ).one()
    return int(in_teams or 0), int(members or 0)


def _hours(session: Session, today: date) -> list[tuple[str, int]]:
    year_from, year_to = _utc_start(date(today.year, 1, 1)), _utc_start(date(today.year + 1, 1, 1))
    minutes = func.sum(ActivitySignup.service_minutes)
    rows = session.exec(
        select(Activity.team_id, Team.name, minutes)
        .join(Activity, Activity.id == ActivitySignup.activity_id)
        .join(Team, Team.id == Activity.team_id, isouter=True)
        .where(
            ActivitySignup.hours_confirmed_at.is_not(None),
            ActivitySignup.service_minutes > 0,
            Activity.starts_at >= year_from,
            Activity.starts_at < year_to,
        )
        .group_by(Activity.team_id, Team.name)
        .order_by(minutes.desc(), Activity.team_id)
    ).all()
    return [(name or text.TeamWords.COMMUNITY_ACTIVITY, int(total)) for _id, name, total in rows]


def figures(session: Session, actor: Actor | None) -> Participation:
    """The figures, in four queries however many teams and activities there are."""
    require_role(actor, STAFF)
    today, now = clock.today(), clock.now()
    month_from, month_to = _month(today)
    in_teams, members = _members(session)
    this_month = (
        Activity.starts_at >= month_from,
        Activity.starts_at < month_to,
        Activity.status != "cancelled",
    )
    activities = session.exec(select(func.count()).select_from(Activity).where(*this_month)).one()
    signed, attended = session.exec(
        select(
            func.count(ActivitySignup.id),
            func.sum(case((ActivitySignup.checked_in_at.is_not(None), 1), else_=0)),
        )
        .join(Activity, Activity.id == ActivitySignup.activity_id)
        .where(*this_month, Activity.ends_at <= now, ActivitySignup.status == "signed")
    ).one()
    hours = _hours(session, today)
    rest = hours[TOP_TEAMS:]
    return Participation(
        in_teams=in_teams,
        members=members,
        activities=int(activities),
        attended=int(attended or 0),
        signed=int(signed or 0),
        hours_by_team=hours[:TOP_TEAMS],
        rest_teams=len(rest),
        rest_minutes=sum(minutes for _name, minutes in rest),
    )

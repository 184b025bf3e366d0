"""Small builders for the team tests (other team and activity tests may import them): a team
with an optional leader, a person's row in a team, an activity, reading rows back, and a
`world` fixture (use it by assigning `world = team_support.world` in a test module)."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlmodel import Session, select

from huajin_pwa import db
from huajin_pwa.models import Activity, Message, Team, TeamMember
from huajin_pwa.services import clock
from tests.conftest import make_actor


def make_team(
    session: Session, name: str, kind: str = "volunteer", leader_id: int | None = None, **more
) -> Team:
    """An active team (committed); given leader_id, that account leads it."""
    team = Team(
        name=name,
        kind=kind,
        summary=more.pop("summary", f"{name}的活动介绍"),
        meets_when=more.pop("meets_when", "每周二上午"),
        meets_where=more.pop("meets_where", "社区党群服务中心"),
        **more,
    )
    session.add(team)
    session.commit()
    if leader_id is not None:
        add_member(session, team, leader_id, "active", "leader")
    return team


def add_member(
    session: Session, team: Team, account_id: int, status: str = "active", role: str = "member"
) -> TeamMember:
    """A person's row in a team (committed)."""
    row = TeamMember(team_id=team.id, account_id=account_id, status=status, role=role)
    session.add(row)
    session.commit()
    return row


def make_activity(
    session: Session, team: Team | None, creator_id: int, title: str, days: float = 2, **more
) -> Activity:
    """An open activity starting days from now, two hours long (committed)."""
    starts = clock.now() + timedelta(days=days)
    activity = Activity(
        team_id=team.id if team else None,
        kind=more.pop("kind", "service"),
        title=title,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        place=more.pop("place", "社区广场"),
        capacity=more.pop("capacity", 20),
        token=more.pop("token", f"token-{title}-{days}"),
        created_by_id=creator_id,
        **more,
    )
    session.add(activity)
    session.commit()
    return activity


def row_of(team_id: int, account_id: int) -> TeamMember | None:
    """The person's row in the team, fresh from the database."""
    with db.transaction() as session:
        return session.exec(
            select(TeamMember).where(
                TeamMember.team_id == team_id, TeamMember.account_id == account_id
            )
        ).first()


def messages_to(account_id: int) -> list[Message]:
    """An account's inbox, oldest first."""
    with db.transaction() as session:
        return list(
            session.exec(
                select(Message).where(Message.account_id == account_id).order_by(Message.id)
            ).all()
        )


@pytest.fixture
def world(session, community, staff):
    """巧姐姐 (volunteer, led by 周队长) and 华锦艺术团 (troupe, led by 周队长 and 吴队长); a member
    and a resident with an account but no member role."""
    leader = make_actor(session, "13900000010", "周队长", roles=["member", "leader"])
    second = make_actor(session, "13900000011", "吴队长", roles=["member", "leader"])
    member = make_actor(session, "13900000012", "陈秀英", roles=["member"])
    resident = make_actor(session, "13900000013", "孙丽华")
    volunteer = make_team(session, "巧姐姐", "volunteer", leader.account_id)
    troupe = make_team(session, "华锦艺术团", "troupe", leader.account_id)
    add_member(session, troupe, second.account_id, "active", "leader")
    return SimpleNamespace(
        staff=staff,
        leader=leader,
        second=second,
        member=member,
        resident=resident,
        volunteer=volunteer,
        troupe=troupe,
    )

"""The people and the activity of the check-in tests: 老红帽 led by a member, an activity under
way (began 30 minutes ago, two hours long, three seats), staff, another team's leader and a
resident with an account but no member role."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlmodel import select

from huajin_pwa import db
from huajin_pwa.models import Activity, ActivitySignup
from huajin_pwa.services.actor import Actor
from tests.conftest import make_actor
from tests.unit.activity_support import NOW, make_activity, person, seat
from tests.unit.team_support import make_team

STARTED = NOW - timedelta(minutes=30)  # the activity under way
ENDS = STARTED + timedelta(hours=2)


@dataclass
class World:
    staff: Actor
    leader: Actor  # leads 老红帽
    other_leader: Actor  # leads 爱之翼
    member: Actor  # signed up for the activity
    crew: Actor  # signed up too
    walker: Actor  # a member who did not sign up
    resident: Actor  # an account without the member role
    activity: Activity
    signups: dict[str, int]  # who -> sign-up id


def token() -> str:
    return secrets.token_urlsafe(24)


def add_activity(session, team_id, **more) -> Activity:
    """An activity of the team under way now unless told otherwise."""
    more.setdefault("starts_in", -timedelta(minutes=30))
    more.setdefault("kind", "service")
    more.setdefault("capacity", 3)
    return make_activity(session, team_id, token=token(), **more)


@pytest.fixture
def world(session, community, fixed_now, fast_hashing) -> World:
    staff = make_actor(session, "13900000001", "王敏", roles=["staff"], password="staff-password-1")
    leader = person(session, 1, ("member", "leader"), "张桂芳")
    other_leader = person(session, 2, ("member", "leader"), "刘建国")
    member, crew, walker = (
        person(session, n, name=name) for n, name in [(3, "李秀兰"), (4, "陈国华"), (5, "赵玉梅")]
    )
    resident = person(session, 6, (), "孙丽")
    team = make_team(session, "老红帽", leader_id=leader.account_id)
    make_team(session, "爱之翼", leader_id=other_leader.account_id)
    activity = add_activity(session, team.id, title="老红帽路口引导")
    signups = {
        "member": seat(session, activity, member.account_id).id,
        "crew": seat(session, activity, crew.account_id).id,
    }
    return World(staff, leader, other_leader, member, crew, walker, resident, activity, signups)


def signups(activity_id: int) -> dict[int, tuple[str, str, bool]]:
    """account id -> (status, via, checked in) of an activity's rows."""
    with db.transaction() as session:
        rows = session.exec(
            select(ActivitySignup).where(ActivitySignup.activity_id == activity_id)
        ).all()
        return {
            row.account_id: (row.status, row.check_in_via, row.checked_in_at is not None)
            for row in rows
        }


def seats(activity_id: int) -> int:
    with db.transaction() as session:
        return session.get(Activity, activity_id).seats_taken

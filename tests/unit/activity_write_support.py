"""Shared by the tests of creating, changing and cancelling activities: a fixed clock, three
teams with their leader, a good form, and pictures."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from io import BytesIO
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import update
from sqlmodel import select

from huajin_pwa import db
from huajin_pwa.models import Activity, ActivitySignup, AuditEntry, Message, Team, TeamMember
from huajin_pwa.services import activities, clock
from huajin_pwa.services.actor import Actor
from tests.conftest import make_actor
from tests.states.helpers import snapshot

TODAY = date(2026, 6, 10)  # a Wednesday
NOW = datetime(2026, 6, 10, 2, 0, tzinfo=UTC)  # 10:00 in Wuhan
TOMORROW = "2026-06-11"


@pytest.fixture
def fixed_clock(monkeypatch):
    """clock.now() and clock.today() say NOW; returns a function that moves them."""

    def move(moment: datetime) -> None:
        monkeypatch.setattr(clock, "now", lambda: moment)
        monkeypatch.setattr(clock, "today", lambda: moment.astimezone(clock.LOCAL_TZ).date())

    move(NOW)
    return move


@dataclass
class World:
    troupe: Team
    crew: Team
    other: Team
    stopped: Team
    leader: Actor
    plain: Actor  # a member leading nothing (in a team as a member)


def _team(name: str, kind: str = "volunteer", active: bool = True) -> Team:
    return Team(
        name=name, kind=kind, summary="活动", meets_when="周六", meets_where="南门", active=active
    )


@pytest.fixture
def world(session, community, fixed_clock) -> World:
    """华锦艺术团 and 老红帽 led by the leader, 爱之翼 led by nobody here, a stopped team."""
    teams = [
        _team("华锦艺术团", "troupe"),
        _team("老红帽"),
        _team("爱之翼"),
        _team("旧队", active=False),
    ]
    session.add_all(teams)
    session.commit()
    leader = make_actor(session, "13900000005", "周建国", roles=["member", "leader"])
    plain = make_actor(session, "13900000006", "吴桂芳", roles=["member"])
    for team in (teams[0], teams[1], teams[3]):
        session.add(
            TeamMember(
                team_id=team.id, account_id=leader.account_id, status="active", role="leader"
            )
        )
    session.add(TeamMember(team_id=teams[1].id, account_id=plain.account_id, status="active"))
    session.commit()
    return World(*teams, leader=leader, plain=plain)


def good(team: Team | None, /, **changes: Any) -> dict[str, str]:
    """A form that passes: tomorrow 09:00-11:00, 20 places, open to everyone."""
    form = {
        "title": "老红帽路口引导",
        "team": str(team.id) if team else "",
        "kind": "service",
        "day": TOMORROW,
        "starts": "09:00",
        "ends": "11:00",
        "place": "华锦社区南门路口",
        "capacity": "20",
        "audience": "public",
        "description": "穿好红马甲，八点五十在南门集合。",
    }
    return {**form, **changes}


def png(colour=(10, 120, 30)) -> bytes:
    out = BytesIO()
    Image.new("RGB", (6, 4), colour).save(out, format="PNG")
    return out.getvalue()


def load(activity_id: int) -> Activity:
    with db.transaction() as session:
        return session.get(Activity, activity_id)


def audits(action: str) -> list[AuditEntry]:
    with db.transaction() as session:
        return list(session.exec(select(AuditEntry).where(AuditEntry.action == action)).all())


def messages() -> list[Message]:
    with db.transaction() as session:
        return list(session.exec(select(Message).order_by(Message.id)).all())


def made(run, world: World, **changes: Any) -> Activity:
    """An activity of 老红帽 the leader created with the good form."""
    return run(activities.create, world.leader, good(world.crew, **changes))


def sign(activity: Activity, actor: Actor, status: str = "signed") -> None:
    """Put a person on the activity's list (holding a seat when signed)."""
    with db.transaction() as session:
        session.add(
            ActivitySignup(activity_id=activity.id, account_id=actor.account_id, status=status)
        )
        if status == "signed":
            session.exec(
                update(Activity)
                .where(Activity.id == activity.id)
                .values(seats_taken=Activity.seats_taken + 1)
            )


def refused(run, error_type, service, *args, **kwargs):
    """service(*args) raises error_type and changes nothing; returns the error."""
    before = snapshot()
    with pytest.raises(error_type) as caught:
        run(service, *args, **kwargs)
    assert snapshot() == before
    return caught.value

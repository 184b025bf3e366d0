"""Who leads which team: the checks every team and activity service relies on."""

from datetime import timedelta

import pytest

from huajin_pwa.models import Activity, Team, TeamMember
from huajin_pwa.services import clock, team_access
from huajin_pwa.services.errors import DomainError, NotSignedIn, PermissionDenied
from tests.conftest import make_actor


@pytest.fixture
def teams(session, community):
    """A troupe and a volunteer team, a stopped team, and their people."""
    troupe = Team(
        name="华锦艺术团",
        kind="troupe",
        summary="唱歌跳舞",
        meets_when="周二上午",
        meets_where="活动室",
    )
    crew = Team(
        name="老红帽", kind="volunteer", summary="路口引导", meets_when="周六", meets_where="南门"
    )
    stopped = Team(
        name="旧队",
        kind="volunteer",
        summary="已停",
        meets_when="无",
        meets_where="无",
        active=False,
    )
    session.add_all([troupe, crew, stopped])
    session.commit()
    return troupe, crew, stopped


def _place(session, team, actor, status="active", role="member"):
    session.add(TeamMember(team_id=team.id, account_id=actor.account_id, status=status, role=role))
    session.commit()


def _activity(session, team, actor):
    start = clock.now() + timedelta(days=1)
    activity = Activity(
        team_id=team.id if team else None,
        kind="service",
        title="路口引导",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        place="南门",
        capacity=10,
        token="t" * 43 if team else "u" * 43,
        created_by_id=actor.account_id,
    )
    session.add(activity)
    session.commit()
    return activity


def test_a_leader_leads_only_active_teams_where_they_are_active_leaders(session, teams, member):
    troupe, crew, stopped = teams
    _place(session, troupe, member, role="leader")
    _place(session, crew, member, status="pending", role="leader")
    _place(session, stopped, member, role="leader")
    assert team_access.led_team_ids(session, member) == [troupe.id]
    assert team_access.leads(session, member, troupe.id)
    assert not team_access.leads(session, member, crew.id)
    assert team_access.require_leader(session, member, str(troupe.id)) == troupe
    with pytest.raises(PermissionDenied):
        team_access.require_leader(session, member, crew.id)


def test_staff_lead_every_team_and_nobody_signed_in_leads_none(session, teams, staff):
    troupe, crew, _ = teams
    assert team_access.leads(session, staff, crew.id)
    assert team_access.require_leader(session, staff, troupe.id) == troupe
    assert team_access.led_team_ids(session, None) == []
    assert not team_access.leads(session, None, crew.id)
    with pytest.raises(NotSignedIn):
        team_access.require_leader(session, None, crew.id)


@pytest.mark.parametrize("junk", [None, "", "x", -1, 0, True, 3.5, [], "9" * 40])
def test_junk_and_stopped_team_ids_are_not_found(session, teams, staff, junk):
    with pytest.raises(DomainError) as refusal:
        team_access.team_of(session, junk)
    assert refusal.value.message == "没有找到这支队伍，它可能已经停止活动。"
    with pytest.raises(DomainError):
        team_access.require_leader(session, staff, teams[2].id)
    assert team_access.team_of(session, teams[2].id, active_only=False) == teams[2]


def test_activities_are_managed_by_their_team_leader_or_staff(session, teams, member, staff):
    troupe, crew, _ = teams
    _place(session, crew, member, role="leader")
    other = make_actor(session, "13900000009", "周红", roles=["member"])
    _place(session, troupe, other, role="leader")
    activity = _activity(session, crew, member)
    community_activity = _activity(session, None, staff)
    assert team_access.require_activity_manager(session, member, activity.id) == activity
    assert team_access.require_activity_manager(session, staff, activity.id) == activity
    with pytest.raises(PermissionDenied):
        team_access.require_activity_manager(session, other, activity.id)
    with pytest.raises(PermissionDenied):  # a community activity: staff only
        team_access.require_activity_manager(session, member, community_activity.id)
    with pytest.raises(DomainError):
        team_access.require_activity_manager(session, staff, "nope")


def test_my_teams_lists_asked_and_joined_teams_troupes_first(session, teams, member):
    troupe, crew, stopped = teams
    _place(session, crew, member, status="pending")
    _place(session, troupe, member)
    _place(session, stopped, member)
    other = make_actor(session, "13900000009", "周红", roles=["member"])
    _place(session, crew, other, status="left")
    assert [(t.name, m.status) for t, m in team_access.my_teams(session, member)] == [
        ("华锦艺术团", "active"),
        ("老红帽", "pending"),
    ]
    assert team_access.my_teams(session, other) == []
    assert team_access.my_teams(session, None) == []


def test_members_only_activities_are_for_people_with_a_role(session, community, member, staff):
    nobody = make_actor(session, "13900000009", "周红")
    assert team_access.sees_members_only(member)
    assert team_access.sees_members_only(staff)
    assert not team_access.sees_members_only(nobody)
    assert not team_access.sees_members_only(None)

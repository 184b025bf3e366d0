"""Staff managing teams: create, edit (refused when stale), stop, set and remove leaders, the
staff list; every refusal leaves the database as it was (SQLite and PostgreSQL)."""

import secrets
import threading
from datetime import timedelta

import pytest

from huajin_pwa import db, text
from huajin_pwa.models import Account, Activity, RoleGrant, Team, TeamMember
from huajin_pwa.services import clock, team_admin
from huajin_pwa.services.errors import DomainError, FormError, PermissionDenied
from tests.conftest import make_actor
from tests.unit import visit_support as vs
from tests.unit.study_support import count_queries

T = text.StaffTeams
GOOD = {
    "name": "银龄书法社",
    "kind": "troupe",
    "summary": "一起练毛笔字，写春联送邻居",
    "meets_when": "每周三上午",
    "meets_where": "党群服务中心二楼",
}


def new_team(run, staff, **changes) -> Team:
    return run(team_admin.create_team, staff, {**GOOD, **changes})


def grants(account_id: int) -> list[str]:
    return sorted(g.role for g in vs.rows(RoleGrant) if g.account_id == account_id)


def membership(team_id: int, account_id: int) -> TeamMember | None:
    found = [r for r in vs.rows(TeamMember) if (r.team_id, r.account_id) == (team_id, account_id)]
    return found[0] if found else None


@pytest.fixture
def team(run, staff):
    return new_team(run, staff)


@pytest.fixture
def leader(session, community):
    """Someone already holding the leader role (of no team here)."""
    return make_actor(session, "13900000005", "周国强", roles=["member", "leader"])


# --- create and edit ---------------------------------------------------------------------


def test_staff_create_a_team_and_it_is_audited(run, staff, team):
    stored = vs.load(Team, team.id)
    assert (stored.name, stored.kind, stored.active) == ("银龄书法社", "troupe", True)
    assert stored.meets_where == "党群服务中心二楼"
    assert [(a.actor_id, a.target_id) for a in vs.audits("team_created")] == [
        (staff.account_id, team.id)
    ]


def test_an_admin_may_create_a_team_too(run, admin):
    assert new_team(run, admin, name="老红帽").kind == "troupe"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", T.NAME_INVALID),
        ("name", "书", T.NAME_INVALID),
        ("name", "书" * 21, T.NAME_INVALID),
        ("kind", "choir", T.KIND_INVALID),
        ("kind", ["troupe"], T.KIND_INVALID),
        ("summary", "好", T.SUMMARY_INVALID),
        ("summary", "好" * 301, T.SUMMARY_INVALID),
        ("meets_when", "", T.MEETS_WHEN_INVALID),
        ("meets_when", "周" * 61, T.MEETS_WHEN_INVALID),
        ("meets_where", None, T.MEETS_WHERE_INVALID),
        ("meets_where", "楼" * 61, T.MEETS_WHERE_INVALID),
    ],
)
def test_bad_answers_are_refused_field_by_field(run, staff, field, value, message):
    errors = vs.field_errors(run, team_admin.create_team, staff, {**GOOD, field: value})
    assert errors == {field: message}
    assert vs.rows(Team) == []


def test_the_longest_answers_are_kept(run, staff):
    made = new_team(run, staff, name="书" * 20, summary="好" * 300, meets_when="周" * 60)
    assert len(vs.load(Team, made.id).summary) == 300


def test_a_name_in_use_is_refused_even_by_a_stopped_team(run, staff, team):
    run(team_admin.stop_team, staff, team.id)
    errors = vs.field_errors(run, team_admin.create_team, staff, {**GOOD, "kind": "volunteer"})
    assert errors == {"name": T.NAME_TAKEN}


@pytest.mark.parametrize("form", [None, "x", 5, [], ["a"], {"nested": {"a": 1}}])
def test_junk_forms_are_refused(run, staff, form):
    errors = vs.field_errors(run, team_admin.create_team, staff, form)
    assert set(errors) == set(team_admin.FIELDS)


def test_staff_edit_a_team_from_what_they_saw(run, staff, team):
    seen = team_admin.seen_of(team)
    run(team_admin.edit_team, staff, team.id, seen, {**GOOD, "meets_when": "每周五下午"})
    assert vs.load(Team, team.id).meets_when == "每周五下午"
    assert len(vs.audits("team_edited")) == 1


def test_an_edit_after_someone_elses_is_refused(run, staff, admin, team):
    seen = team_admin.seen_of(team)
    run(team_admin.edit_team, admin, team.id, seen, {**GOOD, "summary": "写字、画画、下棋"})
    message = vs.refused(
        DomainError, run, team_admin.edit_team, staff, team.id, seen, {**GOOD, "name": "书法社"}
    ).message
    assert message == T.STALE
    assert vs.load(Team, team.id).name == "银龄书法社"


@pytest.mark.parametrize("seen", [None, "x", {}, {"name": 5}, ["银龄书法社"]])
def test_an_edit_without_what_was_seen_is_refused(run, staff, team, seen):
    vs.refused(DomainError, run, team_admin.edit_team, staff, team.id, seen, GOOD)


def test_an_edit_may_not_take_another_teams_name(run, staff, team):
    new_team(run, staff, name="老红帽")
    seen = team_admin.seen_of(team)
    errors = vs.field_errors(
        run, team_admin.edit_team, staff, team.id, seen, {**GOOD, "name": "老红帽"}
    )
    assert errors == {"name": T.NAME_TAKEN}


def test_a_stopped_team_is_not_edited(run, staff, team):
    seen = team_admin.seen_of(team)
    run(team_admin.stop_team, staff, team.id)
    vs.refused(DomainError, run, team_admin.edit_team, staff, team.id, seen, GOOD)


def test_two_staff_naming_two_teams_alike_at_once_exactly_one_wins(run, staff, admin, monkeypatch):
    """Both check the name is free before either writes; the database's unique name decides."""
    both_checked = threading.Barrier(2, timeout=20)
    real_write = team_admin._write

    def write_after_both_checked(session, change):
        both_checked.wait()
        return real_write(session, change)

    monkeypatch.setattr(team_admin, "_write", write_after_both_checked)
    results: dict[str, object] = {}

    def act(name, actor):
        try:
            with db.transaction() as session:
                results[name] = team_admin.create_team(session, actor, GOOD).id
        except Exception as error:  # the loser's error is asserted below
            results[name] = error

    threads = [threading.Thread(target=act, args=pair) for pair in (("甲", staff), ("乙", admin))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    lost = [r for r in results.values() if isinstance(r, Exception)]
    assert len(lost) == 1 and isinstance(lost[0], FormError), results
    assert lost[0].errors == {"name": T.NAME_TAKEN}
    assert [t.name for t in vs.rows(Team)] == ["银龄书法社"]


# --- who may ------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["member", "leader", "secretary", None])
def test_only_staff_and_admin_manage_teams(run, request, staff, team, who):
    actor = request.getfixturevalue(who) if who else None
    seen = team_admin.seen_of(team)
    calls = [
        (team_admin.create_team, {**GOOD, "name": "新队伍"}),
        (team_admin.edit_team, team.id, seen, GOOD),
        (team_admin.stop_team, team.id),
        (team_admin.set_leader, team.id, staff.phone),
        (team_admin.remove_leader, team.id, staff.account_id),
        (team_admin.team_list, 1),
        (team_admin.team_view, team.id),
    ]
    for service, *args in calls:
        vs.refused(PermissionDenied, run, service, actor, *args)


@pytest.mark.parametrize("junk", ["x", None, -1, 0, 3.5, True, [], {}, "9" * 40])
def test_junk_team_ids_are_refused(run, staff, team, member, junk):
    for service, *args in [
        (team_admin.edit_team, team_admin.seen_of(team), GOOD),
        (team_admin.stop_team,),
        (team_admin.set_leader, member.phone),
        (team_admin.remove_leader, member.account_id),
        (team_admin.team_view,),
    ]:
        error = vs.refused(DomainError, run, service, staff, junk, *args)
        assert error.message == text.TeamWords.NO_TEAM


# --- leaders ------------------------------------------------------------------------------


def test_setting_a_leader_makes_them_an_active_leader_with_the_role(run, staff, team, member):
    run(team_admin.set_leader, staff, team.id, "139 0000 0003")
    row = membership(team.id, member.account_id)
    assert (row.status, row.role, row.decided_by_id) == ("active", "leader", staff.account_id)
    assert grants(member.account_id) == ["leader", "member"]
    told = vs.messages_to(member.account_id, T.MADE_LEADER_TITLE.format(team=team.name))
    assert len(told) == 1 and told[0].link == "/leader"
    assert [a.target_id for a in vs.audits("team_leader_set")] == [member.account_id]


def test_a_former_member_row_is_reused(run, staff, team, member, session):
    session.add(TeamMember(team_id=team.id, account_id=member.account_id, status="left"))
    session.commit()
    run(team_admin.set_leader, staff, team.id, member.phone)
    rows = [r for r in vs.rows(TeamMember) if r.team_id == team.id]
    assert [(r.account_id, r.status, r.role, r.version) for r in rows] == [
        (member.account_id, "active", "leader", 2)
    ]


def test_a_leader_of_another_team_keeps_one_role_grant(run, staff, team, member):
    other = new_team(run, staff, name="老红帽", kind="volunteer")
    run(team_admin.set_leader, staff, team.id, member.phone)
    run(team_admin.set_leader, staff, other.id, member.phone)
    assert grants(member.account_id) == ["leader", "member"]


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("", text.Field.PHONE_INVALID),
        ("12345", text.Field.PHONE_INVALID),
        (["13900000003"], text.Field.PHONE_INVALID),
        ("13911112222", text.Field.PHONE_UNKNOWN),
    ],
)
def test_a_bad_or_unknown_phone_is_refused(run, staff, team, member, phone, message):
    errors = vs.field_errors(run, team_admin.set_leader, staff, team.id, phone)
    assert errors == {"phone": message}


def test_a_disabled_account_cannot_lead(run, staff, team, member, session):
    account = session.get(Account, member.account_id)
    account.active = False
    session.add(account)
    session.commit()
    errors = vs.field_errors(run, team_admin.set_leader, staff, team.id, member.phone)
    assert errors == {"phone": T.ACCOUNT_DISABLED}


def test_setting_someone_already_leader_is_refused(run, staff, team, member):
    run(team_admin.set_leader, staff, team.id, member.phone)
    errors = vs.field_errors(run, team_admin.set_leader, staff, team.id, member.phone)
    assert errors == {"phone": T.ALREADY_LEADER}


def test_removing_a_leader_keeps_them_as_member_and_drops_the_role(run, staff, team, member):
    run(team_admin.set_leader, staff, team.id, member.phone)
    run(team_admin.remove_leader, staff, team.id, member.account_id)
    row = membership(team.id, member.account_id)
    assert (row.status, row.role, row.version) == ("active", "member", 2)
    assert grants(member.account_id) == ["member"]
    assert vs.messages_to(member.account_id, T.UNMADE_LEADER_TITLE.format(team=team.name))
    assert len(vs.audits("team_leader_removed")) == 1


def test_the_role_stays_while_they_lead_another_active_team(run, staff, team, member):
    other = new_team(run, staff, name="老红帽", kind="volunteer")
    for led in (team, other):
        run(team_admin.set_leader, staff, led.id, member.phone)
    run(team_admin.remove_leader, staff, team.id, member.account_id)
    assert grants(member.account_id) == ["leader", "member"]
    run(team_admin.stop_team, staff, other.id)  # leading a stopped team is leading none
    assert grants(member.account_id) == ["member"]


def test_removing_someone_who_is_not_leader_is_refused(run, staff, team, member, session):
    session.add(TeamMember(team_id=team.id, account_id=member.account_id, status="active"))
    session.commit()
    for who in (member.account_id, staff.account_id, "x", None, 2**40):
        error = vs.refused(DomainError, run, team_admin.remove_leader, staff, team.id, who)
        assert error.message == T.NOT_LEADER


# --- stopping ----------------------------------------------------------------------------


def activity(team_id: int, created_by: int, starts_in: timedelta, status: str = "open"):
    starts = clock.now() + starts_in
    return Activity(
        team_id=team_id,
        kind="rehearsal",
        title="排练",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        place="活动室",
        capacity=20,
        token=secrets.token_urlsafe(24),
        status=status,
        created_by_id=created_by,
    )


def test_stopping_keeps_the_team_and_counts_its_coming_activities(
    run, staff, team, member, session
):
    run(team_admin.set_leader, staff, team.id, member.phone)
    session.add_all(
        [
            activity(team.id, staff.account_id, timedelta(days=3)),
            activity(team.id, staff.account_id, timedelta(days=4)),
            activity(team.id, staff.account_id, timedelta(days=5), status="cancelled"),
            activity(team.id, staff.account_id, -timedelta(days=5)),
        ]
    )
    session.commit()
    stopped, upcoming = run(team_admin.stop_team, staff, team.id)
    assert (stopped.active, upcoming) == (False, 2)
    assert [a.status for a in vs.rows(Activity)] == ["open", "open", "cancelled", "open"]
    assert grants(member.account_id) == ["member"]
    assert vs.messages_to(member.account_id, T.TEAM_STOP_TITLE.format(team=team.name))
    assert len(vs.audits("team_stopped")) == 1
    error = vs.refused(DomainError, run, team_admin.stop_team, staff, team.id)
    assert error.message == text.TeamWords.NO_TEAM
    vs.refused(DomainError, run, team_admin.set_leader, staff, team.id, member.phone)


# --- the list ----------------------------------------------------------------------------


def test_the_list_shows_members_and_leaders(run, staff, team, member, leader, session):
    run(team_admin.set_leader, staff, team.id, member.phone)
    run(team_admin.set_leader, staff, team.id, leader.phone)
    session.add(TeamMember(team_id=team.id, account_id=staff.account_id, status="pending"))
    session.commit()
    other = new_team(run, staff, name="老红帽", kind="volunteer")
    found = run(team_admin.team_list, staff)
    assert [(line.team.name, line.members, line.leaders) for line in found.rows] == [
        ("银龄书法社", 2, ["陈秀英", "周国强"]),
        ("老红帽", 0, []),
    ]
    shown = run(team_admin.team_view, staff, team.id)
    assert shown.members == 2
    assert [(line.name, line.phone) for line in shown.leaders] == [
        ("陈秀英", member.phone),
        ("周国强", leader.phone),
    ]
    run(team_admin.stop_team, staff, other.id)
    assert run(team_admin.team_view, staff, other.id).team.active is False


def test_the_list_costs_the_same_for_2_and_30_teams(engine, run, staff, member, session):
    def teams(n: int) -> None:
        have = len(vs.rows(Team))
        for i in range(have, n):
            made = Team(
                name=f"队伍{i}",
                kind="volunteer",
                summary="服务",
                meets_when="周一",
                meets_where="社区",
            )
            session.add(made)
            session.flush()
            session.add(
                TeamMember(
                    team_id=made.id, account_id=member.account_id, status="active", role="leader"
                )
            )
        session.commit()

    teams(2)
    few, found = count_queries(engine, lambda: run(team_admin.team_list, staff))
    assert len(found.rows) == 2
    teams(30)
    many, found = count_queries(engine, lambda: run(team_admin.team_list, staff, 2))
    assert len(found.rows) == 10 and found.rows[0].leaders == ["陈秀英"]
    assert few == many

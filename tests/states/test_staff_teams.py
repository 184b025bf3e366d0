"""The staff team pages: StaffTeamsState (/staff/teams), StaffTeamState (/staff/teams/new and
/staff/teams/<id>: the form, leaders, 停止活动) and the 参与情况 figures on /staff
(StaffState); signed-out, non-staff and crafted clients refused, nothing half-saved."""

import pytest

from huajin_pwa import text
from huajin_pwa.models import Team, TeamMember
from huajin_pwa.services import team_admin
from huajin_pwa.services.participation import Participation
from huajin_pwa.states.staff import StaffState
from huajin_pwa.states.staff_teams import StaffTeamsState, StaffTeamState
from tests.unit import visit_support as vs
from tests.unit.study_support import count_queries

from .conftest import token_for
from .helpers import FOCUS_ERRORS, JUNK, form, redirect_path, script, send, snapshot

T = text.StaffTeams
ROUTE = "/staff/teams/[team_id]"
GOOD = {
    "name": "银龄书法社",
    "kind": "troupe",
    "summary": "一起练毛笔字，写春联送邻居",
    "meets_when": "每周三上午",
    "meets_where": "党群服务中心二楼",
}


def make_team(run, staff, **changes) -> Team:
    return run(team_admin.create_team, staff, {**GOOD, **changes})


def editing(client, who, team_id) -> StaffTeamState:
    state = client(
        StaffTeamState,
        who,
        path=f"/staff/teams/{team_id}",
        route=ROUTE,
        params={"team_id": str(team_id)},
    )
    send(state, "load_edit")
    return state


@pytest.fixture
def team(run, staff):
    return make_team(run, staff)


# --- the list -------------------------------------------------------------------------------


def test_the_list_shows_kind_members_leaders_and_stopped_teams(client, run, staff, team, member):
    run(team_admin.set_leader, staff, team.id, member.phone)
    other = make_team(run, staff, name="老红帽", kind="volunteer")
    run(team_admin.stop_team, staff, other.id)
    state = client(StaffTeamsState, staff, path="/staff/teams")
    send(state, "load")
    assert state.rows == [
        {
            "id": str(team.id),
            "name": "银龄书法社",
            "kind": "文艺队",
            "members": T.MEMBERS.format(count=1),
            "leaders": T.LEADERS.format(names="陈秀英"),
            "stopped": "",
        },
        {
            "id": str(other.id),
            "name": "老红帽",
            "kind": "志愿服务队",
            "members": T.MEMBERS.format(count=0),
            "leaders": T.NO_LEADER,
            "stopped": T.STOPPED,
        },
    ]


def test_the_list_is_paged_at_a_fixed_cost(client, run, staff, engine):
    for n in range(2):
        make_team(run, staff, name=f"队伍{n:02d}")
    state = client(StaffTeamsState, staff, path="/staff/teams")
    few, _ = count_queries(engine, lambda: send(state, "load"))
    for n in range(2, 30):
        make_team(run, staff, name=f"队伍{n:02d}")
    many, _ = count_queries(engine, lambda: send(state, "load"))
    assert few == many
    assert (len(state.rows), state.pages, state.total) == (10, 3, 30)
    send(state, "go", delta=1)
    assert state.page == 2 and state.rows[0]["name"] == "队伍10"
    for junk in JUNK:
        send(state, "go", delta=junk)
    assert state.page == 2


@pytest.mark.parametrize(("who", "to"), [("member", "/"), ("secretary", "/"), (None, "/login")])
def test_only_staff_open_the_pages(client, request, team, who, to):
    actor = request.getfixturevalue(who) if who else None
    listing = client(StaffTeamsState, actor, path="/staff/teams")
    assert redirect_path(send(listing, "load")) == to and listing.rows == []
    assert redirect_path(send(client(StaffTeamState, actor), "load_new")) == to
    shown = editing(client, actor, team.id)
    assert not shown.ready and shown.answers == {} and shown.leaders == []


# --- new -------------------------------------------------------------------------------------


def test_an_empty_name_is_shown_with_the_answers_kept(client, staff):
    state = client(StaffTeamState, staff, path="/staff/teams/new")
    send(state, "load_new")
    assert state.ready and not state.editing
    before = snapshot()
    result = send(state, "save", form=form(**{**GOOD, "name": "  "}))
    assert script(result) == FOCUS_ERRORS
    assert state.errors == {"name": T.NAME_INVALID}
    assert state.error_list == [["name", T.NAME_INVALID]]
    assert state.answers["summary"] == GOOD["summary"]
    assert snapshot() == before


def test_a_new_team_opens_its_own_page(client, staff):
    state = client(StaffTeamState, staff, path="/staff/teams/new")
    send(state, "load_new")
    path = redirect_path(send(state, "save", form=form(**GOOD)))
    (made,) = vs.rows(Team)
    assert path == f"/staff/teams/{made.id}?created=1"
    shown = client(
        StaffTeamState,
        staff,
        path=path,
        route=ROUTE,
        params={"team_id": str(made.id)},
    )
    send(shown, "load_edit")
    assert shown.notice == T.CREATED.format(name="银龄书法社")
    assert shown.answers == GOOD and shown.leaders == [] and shown.active


# --- edit ------------------------------------------------------------------------------------


def test_saving_an_edit_and_a_stale_one(client, run, staff, admin, team):
    state = editing(client, staff, team.id)
    assert state.team_name == "银龄书法社" and state.members_line == T.MEMBERS.format(count=0)
    send(state, "save", form=form(**{**GOOD, "meets_when": "每周五下午"}))
    assert (state.notice, state.notice_warn) == (T.SAVED, False)
    assert vs.load(Team, team.id).meets_when == "每周五下午"
    other = editing(client, admin, team.id)
    send(other, "save", form=form(**{**GOOD, "meets_when": "每周五下午", "summary": "写字画画"}))
    before = snapshot()
    send(state, "save", form=form(**{**GOOD, "name": "书法社"}))
    assert (state.notice, state.notice_warn) == (T.STALE, True)
    assert state.answers["summary"] == "写字画画"  # the newest text is shown
    assert snapshot() == before


def test_unknown_teams_say_so(client, staff):
    for junk in ["999", "x", "-1", "9" * 40]:
        state = client(
            StaffTeamState,
            staff,
            path=f"/staff/teams/{junk}",
            route=ROUTE,
            params={"team_id": junk},
        )
        send(state, "load_edit")
        assert not state.ready and state.notice == text.TeamWords.NO_TEAM


# --- leaders and stopping ------------------------------------------------------------------------


def test_setting_and_removing_a_leader(client, run, staff, team, member):
    state = editing(client, staff, team.id)
    before = snapshot()
    send(state, "add_leader", form=form(phone="13911112222"))
    assert state.errors == {"phone": text.Field.PHONE_UNKNOWN}
    assert snapshot() == before
    send(state, "add_leader", form=form(phone=member.phone))
    assert state.errors == {} and state.notice == T.LEADER_SET.format(name="陈秀英")
    assert [row["name"] for row in state.leaders] == ["陈秀英"]
    send(state, "ask_remove", account_id="999")  # not one of its leaders
    assert state.confirm_remove == ""
    send(state, "ask_remove", account_id=str(member.account_id))
    assert state.confirm_remove == str(member.account_id)
    send(state, "keep_leader")
    assert state.confirm_remove == "" and len(state.leaders) == 1
    send(state, "ask_remove", account_id=str(member.account_id))
    send(state, "remove_leader")
    assert state.leaders == [] and state.notice == T.LEADER_REMOVED.format(name="陈秀英")
    (row,) = vs.rows(TeamMember)
    assert (row.role, row.status) == ("member", "active")


def test_stopping_asks_first_and_says_what_stays(client, run, staff, team):
    state = editing(client, staff, team.id)
    before = snapshot()
    send(state, "stop")  # not asked yet: nothing happens
    assert snapshot() == before
    send(state, "ask_stop")
    assert state.confirm_stop and state.stop_ask == T.STOP_ASK.format(name="银龄书法社")
    send(state, "keep_going")
    assert not state.confirm_stop and vs.load(Team, team.id).active
    send(state, "ask_stop")
    send(state, "stop")
    assert not state.active and state.notice == T.STOPPED_DONE.format(name="银龄书法社")
    assert not vs.load(Team, team.id).active
    before = snapshot()
    send(state, "save", form=form(**GOOD))  # a stopped team's form is gone: nothing saved
    send(state, "ask_stop")
    assert not state.confirm_stop and snapshot() == before


@pytest.mark.parametrize("who", ["member", "secretary", None])
def test_a_crafted_client_without_the_role_changes_nothing(
    client, request, run, staff, team, member, who
):
    run(team_admin.set_leader, staff, team.id, member.phone)
    state = editing(client, staff, team.id)
    send(state, "ask_remove", account_id=str(member.account_id))
    send(state, "ask_stop")
    state.token = token_for(request.getfixturevalue(who)) if who else ""
    before = snapshot()
    for handler, payload in [
        ("save", {"form": form(**{**GOOD, "name": "改名"})}),
        ("add_leader", {"form": form(phone="13900000002")}),
        ("remove_leader", {}),
        ("stop", {}),
    ]:
        assert redirect_path(send(state, handler, **payload)) in ("/", "/login")
    assert snapshot() == before


def test_junk_arguments_change_nothing(client, staff, team):
    state = editing(client, staff, team.id)
    before = snapshot()
    for junk in JUNK:
        send(state, "save", form=junk)
        send(state, "add_leader", form=junk)
        send(state, "ask_remove", account_id=junk)
        send(state, "remove_leader")
    assert state.confirm_remove == ""
    assert snapshot() == before


# --- 参与情况 on /staff ------------------------------------------------------------------------


def test_staff_home_shows_the_participation_figures(client, run, staff, team, member):
    run(team_admin.set_leader, staff, team.id, member.phone)
    state = client(StaffState, staff, path="/staff")
    send(state, "load")
    assert state.part_in_teams == T.PART_IN_TEAMS_WORDS.format(count=1, total=1, percent=100)
    assert state.part_in_teams_share == "100%"
    assert state.part_activities == "0"
    assert (state.part_attendance, state.part_attendance_words) == ("—", T.PART_ATTENDANCE_NONE)
    assert state.part_hours == [] and state.part_hours_total == T.PART_HOURS_TOTAL.format(hours="0")
    assert state.part_hours_rest == ""


def test_staff_home_costs_the_same_for_2_and_30_teams(client, run, staff, engine):
    for n in range(2):
        make_team(run, staff, name=f"队伍{n:02d}")
    state = client(StaffState, staff, path="/staff")
    few, _ = count_queries(engine, lambda: send(state, "load"))
    for n in range(2, 30):
        make_team(run, staff, name=f"队伍{n:02d}")
    many, _ = count_queries(engine, lambda: send(state, "load"))
    assert few == many


def test_hours_by_team_are_bars_with_their_hours_written_out(client, staff):
    state = client(StaffState, staff, path="/staff")
    shown = Participation(
        in_teams=3, members=8, activities=5, attended=7, signed=9,
        hours_by_team=[("老红帽", 600), ("爱之翼", 150)], rest_teams=2, rest_minutes=45,
    )  # fmt: skip
    state._show_participation(shown)
    assert state.part_in_teams == T.PART_IN_TEAMS_WORDS.format(count=3, total=8, percent=38)
    assert state.part_activities_words == T.PART_ACTIVITIES_WORDS.format(count=5)
    assert state.part_attendance == "78%"
    assert state.part_hours_total == T.PART_HOURS_TOTAL.format(hours="13.2")
    assert [(r["label"], r["words"], r["width"]) for r in state.part_hours] == [
        ("老红帽", T.PART_HOURS_ROW.format(hours="10"), "100%"),
        ("爱之翼", T.PART_HOURS_ROW.format(hours="2.5"), "25%"),
    ]
    assert state.part_hours_rest == T.PART_REST.format(count=2, hours="0.8")
    assert state.part_hours[1]["bar_label"] == T.PART_HOURS_BAR.format(team="爱之翼")

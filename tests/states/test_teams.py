"""/teams and /teams/<id> in the browser's states: the list by kind and page, one's own teams,
one team for anyone, 申请加入 / 撤回申请 / 退出队伍 with the inline question; junk from crafted
clients and signed-out clients refused, nothing changed."""

import pytest

from huajin_pwa import text
from huajin_pwa.states.teams import TeamsState, TeamState
from tests.unit import team_support
from tests.unit.team_support import add_member, make_activity, make_team, row_of

from .helpers import JUNK, redirect_path, send, snapshot

world = team_support.world
T = text.TeamPages


def on_list(client, who=None, query: str = "") -> TeamsState:
    state = client(TeamsState, who, path="/teams" + query)
    send(state, "load")
    return state


def on_team(client, who, team_id) -> TeamState:
    state = client(
        TeamState,
        who,
        path=f"/teams/{team_id}",
        route="/teams/[team_id]",
        params={"team_id": str(team_id)},
    )
    send(state, "load")
    return state


# --- the list ---------------------------------------------------------------------------------


def test_anyone_sees_the_teams_in_large_print_cards(client, session, world):
    add_member(session, world.volunteer, world.member.account_id)
    state = on_list(client)
    assert (state.kind, state.total, state.mine) == ("all", 2, [])
    troupe, volunteer = state.rows
    assert troupe["name"] == "华锦艺术团" and troupe["kind"] == "文艺队"
    assert troupe["leaders"] == "队长：周队长、吴队长" and troupe["members"] == "2 名队员"
    assert volunteer["kind"] == "志愿服务队" and volunteer["members"] == "2 名队员"
    assert volunteer["when"] == "每周二上午" and volunteer["where"] == "社区党群服务中心"
    assert volunteer["href"] == f"/teams/{world.volunteer.id}"


@pytest.mark.parametrize(
    ("query", "kind", "names"),
    [
        ("?kind=troupe", "troupe", ["华锦艺术团"]),
        ("?kind=volunteer", "volunteer", ["巧姐姐"]),
        ("?kind=nonsense", "all", ["华锦艺术团", "巧姐姐"]),
        ("?kind=", "all", ["华锦艺术团", "巧姐姐"]),
    ],
)
def test_the_tabs_come_from_the_address(client, world, query, kind, names):
    state = on_list(client, query=query)
    assert state.kind == kind and [row["name"] for row in state.rows] == names


def test_the_list_pages_on_the_server(client, session, world):
    for number in range(25):
        make_team(session, f"志愿队{number:02d}", "volunteer")
    state = on_list(client, query="?kind=volunteer")
    assert (state.page, state.pages, state.total, len(state.rows)) == (1, 3, 26, 10)
    send(state, "go", delta=1)
    assert state.page == 2 and state.rows[0]["name"] == "志愿队09"
    for junk in JUNK:
        if junk not in (-1, 1):  # True counts as 1 for the shared pager: one page on
            send(state, "go", delta=junk)
            assert state.page == 2
    send(state, "go", delta=1)
    send(state, "go", delta=1)
    assert (state.page, len(state.rows)) == (3, 6)
    send(state, "load")
    assert state.page == 1


def test_signed_in_people_see_their_own_teams_on_top(client, session, world):
    add_member(session, world.volunteer, world.member.account_id, "pending")
    add_member(session, world.troupe, world.member.account_id, "active")
    state = on_list(client, world.member)
    assert [row["name"] for row in state.mine] == ["华锦艺术团（已入队）", "巧姐姐（待队长同意）"]
    assert state.mine[0]["href"] == f"/teams/{world.troupe.id}"
    assert on_list(client, "expired-token").mine == []


# --- one team ---------------------------------------------------------------------------------


def test_signed_out_the_team_shows_and_joining_leads_to_sign_in(client, session, world):
    activity = make_activity(session, world.volunteer, world.staff.account_id, "路口引导")
    make_activity(session, world.volunteer, world.staff.account_id, "党员会", audience="members")
    state = on_team(client, None, world.volunteer.id)
    assert state.found and (state.name, state.kind) == ("巧姐姐", "志愿服务队")
    assert (state.leaders, state.members, state.status) == ("周队长", "1 名队员", "")
    assert [row["title"] for row in state.activities] == ["路口引导"]
    assert state.activities[0]["href"] == f"/activities/{activity.id}"
    assert state.activities[0]["kind"] == "志愿服务"
    assert state.sign_in_href == f"/login?next=/teams/{world.volunteer.id}"
    before = snapshot()
    for handler in ("ask", "withdraw", "leave"):
        assert redirect_path(send(state, handler)) == state.sign_in_href
    assert snapshot() == before


@pytest.mark.parametrize("team_id", ["999999", "0", "abc", "9" * 40, "-1", "²"])
def test_an_unknown_team_gives_a_clear_page(client, world, team_id):
    state = on_team(client, world.member, team_id)
    assert not state.found and state.missing == text.TeamWords.NO_TEAM
    before = snapshot()
    send(state, "ask")
    assert state.notice == text.TeamWords.NO_TEAM and state.notice_warn
    assert snapshot() == before


def test_a_stopped_team_gives_a_clear_page(client, session, world):
    stopped = make_team(session, "停办的队", "troupe", active=False)
    state = on_team(client, None, stopped.id)
    assert not state.found and state.missing == text.TeamWords.NO_TEAM


def test_one_tap_asks_then_the_ask_is_withdrawn(client, world):
    state = on_team(client, world.resident, world.troupe.id)  # no member role: may still ask
    send(state, "ask")
    assert state.status == "pending" and state.notice == "已申请加入华锦艺术团，等待队长同意。"
    assert not state.notice_warn
    before = snapshot()
    send(state, "ask")  # a second tap
    assert state.notice == T.ALREADY_ASKED and state.notice_warn
    assert snapshot() == before
    send(state, "withdraw")
    assert state.status == "left" and state.notice == "已撤回加入华锦艺术团的申请。"
    assert row_of(world.troupe.id, world.resident.account_id).status == "left"
    send(state, "ask")
    assert state.status == "pending"


def test_leaving_asks_first_inline(client, session, world):
    add_member(session, world.volunteer, world.member.account_id)
    state = on_team(client, world.member, world.volunteer.id)
    assert state.status == "active" and not state.leads and not state.confirming
    for junk in JUNK:
        if junk is not True:
            send(state, "confirm_leave", asking=junk)
            assert not state.confirming
    send(state, "confirm_leave", asking=True)
    assert state.confirming
    send(state, "confirm_leave", asking=False)
    assert not state.confirming
    send(state, "confirm_leave")
    send(state, "leave")
    assert (state.status, state.confirming) == ("left", False)
    assert state.notice == "您已退出巧姐姐。" and state.members == "1 名队员"
    assert row_of(world.volunteer.id, world.member.account_id).status == "left"


def test_a_leader_sees_the_leader_page_and_cannot_leave(client, world):
    state = on_team(client, world.leader, world.volunteer.id)
    assert state.leads and state.status == "active"
    send(state, "confirm_leave", asking=True)
    assert not state.confirming
    before = snapshot()
    send(state, "leave")
    assert state.notice == T.LEADER_CANNOT_LEAVE and state.notice_warn
    assert snapshot() == before


def test_withdrawing_or_leaving_without_a_place_is_refused(client, world):
    state = on_team(client, world.member, world.volunteer.id)
    before = snapshot()
    send(state, "withdraw")
    assert state.notice == T.NOT_ASKED and state.notice_warn
    send(state, "leave")
    assert state.notice == T.NOT_IN
    assert snapshot() == before

"""The public team pages and one's own place in a team: the list, one team, asking to join,
withdrawing, leaving; every refusal leaves the database as it was; two taps at once."""

import threading

import pytest

from huajin_pwa import db, text
from huajin_pwa.services import teams
from huajin_pwa.services.errors import DomainError, NotSignedIn
from tests.conftest import make_actor
from tests.states.helpers import JUNK, snapshot
from tests.unit import team_support
from tests.unit.study_support import count_queries
from tests.unit.team_support import (
    add_member,
    make_activity,
    make_team,
    messages_to,
    row_of,
)

T = text.TeamPages


world = team_support.world


def refused(run, service, actor, team_id, message: str) -> None:
    """The service refuses with message and changes nothing."""
    before = snapshot()
    with pytest.raises(DomainError) as caught:
        run(service, actor, team_id)
    assert caught.value.message == message
    assert snapshot() == before


# --- the list ---------------------------------------------------------------------------------


def test_list_shows_active_teams_troupes_first_with_counts_and_leaders(session, run, world):
    add_member(session, world.volunteer, world.member.account_id, "active")
    add_member(session, world.volunteer, world.resident.account_id, "pending")
    add_member(session, world.troupe, world.member.account_id, "left")
    make_team(session, "停办的队", "troupe", active=False)
    found = run(teams.list_teams)
    assert [line.team.name for line in found.rows] == ["华锦艺术团", "巧姐姐"]
    assert [line.members for line in found.rows] == [2, 2]  # leaders count, pending/left not
    assert [line.leaders for line in found.rows] == [["周队长", "吴队长"], ["周队长"]]
    assert found.total == 2


@pytest.mark.parametrize(
    ("kind", "names"),
    [("troupe", ["华锦艺术团"]), ("volunteer", ["巧姐姐"]), ("all", ["华锦艺术团", "巧姐姐"])]
    + [(junk, ["华锦艺术团", "巧姐姐"]) for junk in JUNK],
)
def test_list_filters_by_kind_and_ignores_junk(run, world, kind, names):
    assert [line.team.name for line in run(teams.list_teams, kind).rows] == names


def test_list_pages_through_many_teams(session, run, world):
    for number in range(29):
        make_team(session, f"志愿队{number:02d}", "volunteer")
    first = run(teams.list_teams, "volunteer", 1)
    last = run(teams.list_teams, "volunteer", "3")
    assert (first.total, first.pages, len(first.rows)) == (30, 3, 10)
    assert first.rows[0].team.name == "巧姐姐" and first.rows[1].leaders == []
    assert (last.page, len(last.rows)) == (3, 10)
    assert run(teams.list_teams, "volunteer", "junk").page == 1


def test_list_costs_the_same_statements_for_2_and_30_teams(session, engine, world):
    def cost() -> int:
        with db.transaction() as inner:
            return count_queries(engine, lambda: teams.list_teams(inner))[0]

    few = cost()
    for number in range(28):
        team = make_team(session, f"志愿队{number:02d}", "volunteer", world.leader.account_id)
        add_member(session, team, world.member.account_id)
    assert cost() == few == 3


# --- one team ---------------------------------------------------------------------------------


def test_team_page_for_anyone_with_leaders_size_and_coming_activities(session, run, world):
    add_member(session, world.volunteer, world.member.account_id, "active")
    creator = world.staff.account_id
    later = make_activity(session, world.volunteer, creator, "晚些的服务", days=3)
    soon = make_activity(session, world.volunteer, creator, "马上的服务", days=1)
    make_activity(session, world.volunteer, creator, "已结束的服务", days=-1)
    make_activity(session, world.volunteer, creator, "取消的服务", days=1, status="cancelled")
    make_activity(session, world.troupe, creator, "别的队的排练", days=1)
    party = make_activity(session, world.volunteer, creator, "党员学习", days=2, audience="members")
    seen = run(teams.team_page, None, str(world.volunteer.id))
    assert (seen.team.name, seen.members, seen.leaders) == ("巧姐姐", 2, ["周队长"])
    assert [a.id for a in seen.upcoming] == [soon.id, later.id]  # no members-only when signed out
    assert seen.mine is None and not seen.is_in and not seen.leads
    resident = run(teams.team_page, world.resident, world.volunteer.id)
    assert [a.id for a in resident.upcoming] == [soon.id, later.id]
    member = run(teams.team_page, world.member, world.volunteer.id)
    assert [a.id for a in member.upcoming] == [soon.id, party.id, later.id]
    assert member.is_in and not member.leads and member.mine.status == "active"
    assert run(teams.team_page, world.leader, world.volunteer.id).leads


def test_team_page_shows_at_most_five_coming_activities_soonest_first(session, run, world):
    made = [
        make_activity(session, world.volunteer, world.staff.account_id, f"服务{n}", days=n + 1)
        for n in range(7)
    ]
    seen = run(teams.team_page, None, world.volunteer.id)
    assert [a.id for a in seen.upcoming] == [a.id for a in made[:5]]


def test_an_activity_under_way_still_shows(session, run, world):
    now = make_activity(session, world.volunteer, world.staff.account_id, "正在服务", days=-0.02)
    assert [a.id for a in run(teams.team_page, None, world.volunteer.id).upcoming] == [now.id]


@pytest.mark.parametrize("team_id", ["0", "999999", "-3", "abc", None, 3.5, True, "9" * 40])
def test_team_page_refuses_unknown_ids(run, world, team_id):
    with pytest.raises(DomainError) as caught:
        run(teams.team_page, None, team_id)
    assert caught.value.message == text.TeamWords.NO_TEAM


def test_a_stopped_team_is_neither_listed_nor_shown(session, run, world):
    world.volunteer.active = False
    session.add(world.volunteer)
    session.commit()
    assert [line.team.name for line in run(teams.list_teams).rows] == ["华锦艺术团"]
    with pytest.raises(DomainError):
        run(teams.team_page, world.member, world.volunteer.id)


def test_team_page_costs_the_same_statements_however_much_it_holds(session, engine, world):
    def cost(team_id) -> int:
        with db.transaction() as inner:
            return count_queries(engine, lambda: teams.team_page(inner, world.member, team_id))[0]

    empty = make_team(session, "新队", "volunteer")
    few = cost(empty.id)
    for number in range(8):
        make_activity(session, world.volunteer, world.staff.account_id, f"服务{number}", number + 1)
        add_member(
            session, world.volunteer, make_actor(session, f"1370000010{number}", "甲").account_id
        )
    assert cost(world.volunteer.id) == few == 5


# --- asking to join ---------------------------------------------------------------------------


def test_anyone_signed_in_asks_with_one_tap_and_the_leaders_are_told(run, world):
    row = run(teams.ask_to_join, world.resident, str(world.troupe.id))
    assert (row.status, row.role, row.version) == ("pending", "member", 1)
    fresh = row_of(world.troupe.id, world.resident.account_id)
    assert (fresh.id, fresh.status) == (row.id, "pending")
    for leader in (world.leader, world.second):
        [message] = messages_to(leader.account_id)
        assert message.title == "有人申请加入华锦艺术团"
        assert "孙丽华" in message.body and message.link == "/leader"
    assert messages_to(world.resident.account_id) == []


def test_asking_while_pending_or_in_is_refused(session, run, world):
    run(teams.ask_to_join, world.member, world.volunteer.id)
    refused(run, teams.ask_to_join, world.member, world.volunteer.id, T.ALREADY_ASKED)
    add_member(session, world.troupe, world.member.account_id, "active")
    refused(run, teams.ask_to_join, world.member, world.troupe.id, T.ALREADY_IN)
    refused(run, teams.ask_to_join, world.leader, world.troupe.id, T.ALREADY_IN)


@pytest.mark.parametrize("before", ["left", "declined"])
def test_asking_again_after_leaving_or_a_decline_reuses_the_row(session, run, world, before):
    old = add_member(session, world.volunteer, world.member.account_id, before)
    row = run(teams.ask_to_join, world.member, world.volunteer.id)
    assert (row.id, row.status, row.version, row.left_at) == (old.id, "pending", 2, None)
    assert len(messages_to(world.leader.account_id)) == 1


def test_asking_needs_a_signed_in_account_and_an_active_team(session, run, world):
    refused(run, teams.ask_to_join, None, world.volunteer.id, text.Err.NOT_SIGNED_IN)
    stopped = make_team(session, "停办的队", "troupe", active=False)
    for team_id in [stopped.id, 999999, *JUNK]:
        refused(run, teams.ask_to_join, world.member, team_id, text.TeamWords.NO_TEAM)
    with pytest.raises(NotSignedIn):
        run(teams.ask_to_join, None, world.volunteer.id)


# --- withdrawing and leaving ------------------------------------------------------------------


def test_withdrawing_keeps_the_row_and_a_new_ask_reuses_it(run, world):
    asked = run(teams.ask_to_join, world.member, world.volunteer.id)
    assert run(teams.withdraw, world.member, world.volunteer.id).name == "巧姐姐"
    row = row_of(world.volunteer.id, world.member.account_id)
    assert (row.id, row.status, row.version) == (asked.id, "left", 2)
    assert row.left_at is not None
    again = run(teams.ask_to_join, world.member, world.volunteer.id)
    assert (again.id, again.status, again.version) == (asked.id, "pending", 3)


def test_withdrawing_without_a_pending_ask_is_refused(session, run, world):
    refused(run, teams.withdraw, world.member, world.volunteer.id, T.NOT_ASKED)
    add_member(session, world.volunteer, world.member.account_id, "active")
    refused(run, teams.withdraw, world.member, world.volunteer.id, T.NOT_ASKED)
    refused(run, teams.withdraw, None, world.volunteer.id, text.Err.NOT_SIGNED_IN)
    refused(run, teams.withdraw, world.member, "x", text.TeamWords.NO_TEAM)


def test_a_member_leaves_and_the_leaders_are_told(session, run, world):
    add_member(session, world.troupe, world.member.account_id, "active")
    run(teams.leave, world.member, world.troupe.id)
    row = row_of(world.troupe.id, world.member.account_id)
    assert (row.status, row.version) == ("left", 2) and row.left_at is not None
    [message] = messages_to(world.second.account_id)
    assert message.title == "有队员退出了华锦艺术团" and "陈秀英" in message.body
    refused(run, teams.leave, world.member, world.troupe.id, T.NOT_IN)


def test_a_leader_cannot_leave_and_outsiders_cannot_either(session, run, world):
    refused(run, teams.leave, world.leader, world.volunteer.id, T.LEADER_CANNOT_LEAVE)
    refused(run, teams.leave, world.member, world.volunteer.id, T.NOT_IN)
    add_member(session, world.troupe, world.member.account_id, "pending")
    refused(run, teams.leave, world.member, world.troupe.id, T.NOT_IN)
    refused(run, teams.leave, None, world.troupe.id, text.Err.NOT_SIGNED_IN)
    refused(run, teams.leave, world.member, 999999, text.TeamWords.NO_TEAM)


# --- two taps at once -------------------------------------------------------------------------


@pytest.mark.parametrize("before", [None, "left"])
def test_two_taps_at_once_make_one_ask(session, run, world, monkeypatch, before):
    """Both taps read the person's row (none, or left) before either writes: the unique row or
    the conditional update lets one through; the other is told it has asked already."""
    if before:
        add_member(session, world.volunteer, world.member.account_id, before)
    both_read = threading.Barrier(2, timeout=20)
    real = teams.own_row
    waited: set[str] = set()

    def read_then_wait(session, actor, team_id):
        row = real(session, actor, team_id)
        name = threading.current_thread().name
        if name not in waited:
            waited.add(name)
            both_read.wait()
        return row

    monkeypatch.setattr(teams, "own_row", read_then_wait)
    results: dict[str, object] = {}

    def tap(name):
        try:
            with db.transaction() as inner:
                results[name] = teams.ask_to_join(inner, world.member, world.volunteer.id).id
        except Exception as error:  # what the loser got is asserted below
            results[name] = error

    threads = [threading.Thread(target=tap, args=(name,), name=name) for name in ("甲", "乙")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert waited == {"甲", "乙"}
    errors = [r for r in results.values() if isinstance(r, Exception)]
    assert len(errors) == 1, results
    assert isinstance(errors[0], DomainError) and errors[0].message == T.ALREADY_ASKED
    row = row_of(world.volunteer.id, world.member.account_id)
    assert row.status == "pending" and row.version == (2 if before else 1)
    assert len(messages_to(world.leader.account_id)) == 1


def test_clean_kind():
    assert [teams.clean_kind(v) for v in ("troupe", "volunteer", " troupe ", "x", None)] == [
        "troupe",
        "volunteer",
        "troupe",
        "all",
        "all",
    ]

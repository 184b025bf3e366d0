"""Activity check-in in the browser's states: the leader's page (QR code, counts, tick boxes,
the live refresh and when it stops) and the scan page; junk from crafted clients and the wrong
people refused, nothing changed."""

from datetime import timedelta

import pytest

from huajin_pwa import db, text
from huajin_pwa.services import activity_checkin as checkin
from huajin_pwa.states import activity_checkin as states
from huajin_pwa.states.activity_checkin import ActivityScanState, LeaderActivityState
from tests.unit import activity_checkin_support as support
from tests.unit import activity_support
from tests.unit.activity_checkin_support import ENDS, signups
from tests.unit.activity_support import seat

from .helpers import JUNK, open_page, redirect_path, run_async, send, snapshot

world = support.world
fixed_now = activity_support.fixed_now
T = text.ActivityCheckin


def on_leader_page(client, who, activity_id) -> LeaderActivityState:
    state = client(
        LeaderActivityState,
        who,
        path=f"/leader/activity/{activity_id}",
        route="/leader/activity/[activity_id]",
        params={"activity_id": str(activity_id)},
    )
    send(state, "load")
    return state


def on_scan(client, who, token) -> ActivityScanState:
    state = client(
        ActivityScanState,
        who,
        path=f"/activities/checkin/{token}",
        route="/activities/checkin/[token]",
        params={"token": token},
    )
    send(state, "load")
    return state


# --- the leader's page ----------------------------------------------------------------------


def test_the_leader_sees_the_code_the_counts_and_the_roster(client, world, session):
    seat(session, world.activity, world.walker.account_id, "waiting")
    state = on_leader_page(client, world.leader, world.activity.id)
    assert state.found and state.title == "老红帽路口引导"
    assert state.checkin_url == "http://localhost:3000/activities/checkin/" + world.activity.token
    assert state.qr_uri.startswith("data:image/svg+xml")
    assert state.count_line == "已报名 2 · 已签到 0 · 候补 1"
    assert [(p["name"], p["how"], p["locked"]) for p in state.people] == sorted(
        [("李秀兰", "未签到", ""), ("陈国华", "未签到", "")]
    )
    assert dict(state.about)[T.TEAM_ROW] == "老红帽" and state.can_tick
    assert not state.show_hours and not state.show_sale and not state.cancelled
    assert not state.show_edit  # under way: changes stopped at the start


def test_a_tap_on_a_tick_box_checks_in_and_a_second_takes_it_back(client, world):
    state = on_leader_page(client, world.leader, world.activity.id)
    crew = str(world.signups["crew"])
    send(state, "set_present", signup_id=crew, checked=True)
    assert signups(world.activity.id)[world.crew.account_id] == ("signed", "tick", True)
    assert state.roster_notice == "已为陈国华登记签到。" and not state.roster_warn
    assert state.count_line == "已报名 2 · 已签到 1 · 候补 0"
    assert next(p for p in state.people if p["id"] == crew)["how"] == "队长登记"
    send(state, "set_present", signup_id=crew, checked=False)
    assert signups(world.activity.id)[world.crew.account_id] == ("signed", "", False)
    assert state.roster_notice == "已取消陈国华的签到。"


@pytest.mark.parametrize("junk", [*JUNK, "999999"])
def test_junk_taps_change_nothing(client, world, junk):
    state = on_leader_page(client, world.leader, world.activity.id)
    before = snapshot()
    send(state, "set_present", signup_id=junk, checked=True)
    assert snapshot() == before
    assert state.roster_warn and state.roster_notice in (T.BAD_NAMES, T.NOT_ON_LIST)


def test_a_stranger_is_refused_and_a_signed_out_phone_sent_to_sign_in(client, world):
    state = on_leader_page(client, world.other_leader, world.activity.id)
    assert not state.found and state.notice == text.TeamWords.NOT_LEADER
    before = snapshot()
    state._activity = world.activity.id  # a crafted client cannot reach it either
    send(state, "set_present", signup_id=str(world.signups["crew"]), checked=True)
    assert snapshot() == before and not state.found
    signed_out = client(
        LeaderActivityState,
        None,
        path=f"/leader/activity/{world.activity.id}",
        route="/leader/activity/[activity_id]",
        params={"activity_id": str(world.activity.id)},
    )
    assert redirect_path(send(signed_out, "load")) == "/login"
    assert redirect_path(send(signed_out, "set_present", signup_id="1", checked=True)) == "/login"
    for junk in ["x", "0", "-1", "9" * 40]:
        state = on_leader_page(client, world.leader, junk)
        assert not state.found and state.notice == text.TeamWords.NO_ACTIVITY


def test_after_the_end_a_service_activity_offers_the_hours(client, world, fixed_now):
    fixed_now(ENDS + timedelta(minutes=1))
    state = on_leader_page(client, world.staff, world.activity.id)
    assert state.show_hours and state.can_tick and not state.show_edit
    fixed_now(ENDS - timedelta(hours=4))  # before the start: not yet tickable, still editable
    state = on_leader_page(client, world.leader, world.activity.id)
    assert state.show_edit and not state.can_tick and not state.show_hours
    assert {p["locked"] for p in state.people} == {"yes"}


# --- the live refresh -----------------------------------------------------------------------


def test_the_counts_refresh_while_the_page_is_open_and_stop_when_it_is_left(
    client, world, monkeypatch
):
    state = on_leader_page(client, world.leader, world.activity.id)
    seen = []

    async def turn(_seconds):
        seen.append(state.count_line)
        if len(seen) == 1:  # a phone scans while the page is open
            with db.transaction() as session:
                checkin.check_in(session, world.member, world.activity.token)
        if len(seen) == 3:  # the leader goes to another page
            open_page(state, "/leader")

    monkeypatch.setattr(states.asyncio, "sleep", turn)
    run_async(type(state).event_handlers["watch"].fn(state))
    assert seen == ["已报名 2 · 已签到 0 · 候补 0"] + ["已报名 2 · 已签到 1 · 候补 0"] * 2
    assert next(p for p in state.people if p["name"] == "李秀兰")["how"] == "扫码签到"


@pytest.mark.parametrize("how", ["unmount", "new_watch", "signed_out", "disconnected"])
def test_the_refresh_stops(client, world, monkeypatch, how):
    state = on_leader_page(client, world.leader, world.activity.id)
    turns = []

    async def turn(_seconds):
        turns.append(1)
        if how == "unmount":
            send(state, "stop_watching")
        elif how == "new_watch":
            send(state, "load")  # the page opened again: the newer watch takes over
        elif how == "signed_out":
            state.token = ""

    monkeypatch.setattr(states.asyncio, "sleep", turn)
    if how == "disconnected":
        monkeypatch.setattr(states, "client_connected", lambda token: False)
    run_async(type(state).event_handlers["watch"].fn(state))
    assert turns == [1]


# --- the scan page --------------------------------------------------------------------------


def test_scanning_says_checked_in_then_already(client, world):
    state = on_scan(client, world.member, world.activity.token)
    assert (state.outcome, state.headline) == ("ok", T.CHECKED_IN)
    assert state.activity_href == f"/activities/{world.activity.id}" and state.help_text == ""
    again = on_scan(client, world.member, world.activity.token)
    assert (again.outcome, again.headline) == ("again", T.ALREADY)


def test_a_forged_link_is_refused_with_what_to_do(client, world):
    token = "x" * 32
    state = client(
        ActivityScanState,
        world.member,
        path=f"/activities/checkin/{token}",
        route="/activities/checkin/[token]",
        params={"token": token},
    )
    before = snapshot()
    send(state, "load")
    assert (state.outcome, state.headline, state.detail) == ("refused", T.REFUSED, T.INVALID_CODE)
    assert state.help_text == T.REFUSED_HELP
    assert snapshot() == before and state.activity_href == ""


def test_signed_out_the_scan_page_says_to_sign_in_and_come_back(client, world):
    state = on_scan(client, None, world.activity.token)
    assert state.outcome == "signed_out" and state.headline == T.SIGN_IN_FIRST
    assert state.sign_in_href == f"/login?next=/activities/checkin/{world.activity.token}"
    assert signups(world.activity.id)[world.member.account_id] == ("signed", "", False)

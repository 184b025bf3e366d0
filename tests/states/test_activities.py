"""The calendar, one activity's page and the home page's activity cards in the browser's
states: signed out, residents, members and leaders; junk from crafted clients changes nothing."""

from datetime import timedelta

import pytest

from huajin_pwa import text
from huajin_pwa.models import Activity, CharitySale
from huajin_pwa.states.activities import ActivityState, CalendarState
from huajin_pwa.states.home import HomeState
from tests.unit import activity_support as sup
from tests.unit.activity_support import MONDAY, at_local, fresh, make_activity, seat, signup_of
from tests.unit.team_support import make_team

from .helpers import JUNK, redirect_path, send, snapshot

T = text.ActivityPages
fixed_now = sup.fixed_now


@pytest.fixture
def world(session, community, fixed_now):
    class World:
        pass

    w = World()
    w.leader = sup.person(session, 1, roles=("member", "leader"), name="队长")
    w.member = sup.person(session, 2, name="党员")
    w.resident = sup.person(session, 3, roles=(), name="居民")
    w.other = sup.person(session, 4, name="邻居")
    w.team = make_team(session, "华锦艺术团", kind="troupe", leader_id=w.leader.account_id)
    tid = w.team.id
    w.show = make_activity(session, tid, "show", at_local(0, 15), title="新年演出", capacity=2)
    w.study = make_activity(
        session, None, "study", at_local(1, 9), title="党员学习", audience="members"
    )
    w.later = make_activity(session, tid, "rehearsal", at_local(8, 9), title="下周排练")
    return w


def calendar(client, who=None, query: str = "") -> CalendarState:
    state = client(CalendarState, who, path="/activities" + query, route="/activities")
    send(state, "load")
    return state


def titles(state: CalendarState) -> list[str]:
    return [row["title"] for row in state.rows]


def test_calendar_signed_out(client, world):
    state = calendar(client)
    assert titles(state) == ["新年演出"]  # members-only hidden, next week not yet
    row = state.rows[0]
    assert row["heading"] == "11月25日 周三" and row["kind"] == "演出"
    assert (row["time"], row["team"], row["seats"]) == (
        "15:00–17:00",
        "华锦艺术团",
        "已报名 0 / 名额 2",
    )
    assert row["href"] == f"/activities/{world.show.id}" and row["mine"] == ""
    assert state.week_title == T.THIS_WEEK and state.week_range == "11月25日 周三 至 11月29日 周日"
    assert state.next_href == "/activities?week=2026-11-30"
    assert state.prev_href == "/activities?week=2026-11-16"
    assert [k["current"] for k in state.kinds].count("page") == 1


def test_calendar_next_week_and_kind(client, world):
    state = calendar(client, None, "?week=2026-11-30&kind=rehearsal")
    assert titles(state) == ["下周排练"] and not state.is_this_week
    assert state.this_week_href == "/activities?kind=rehearsal"
    current = [k["label"] for k in state.kinds if k["current"] == "page"]
    assert current == ["排练"]
    assert state.kinds[1]["href"] == "/activities?week=2026-11-30&kind=show"
    assert titles(calendar(client, None, "?kind=show")) == ["新年演出"]
    assert titles(calendar(client, None, "?kind=sale")) == []


def test_calendar_for_members_with_their_status(client, session, world):
    seat(session, world.show, world.member.account_id)
    state = calendar(client, world.member)
    assert titles(state) == ["新年演出", "党员学习"]
    assert state.rows[0]["mine"] == "我：已报名" and state.rows[0]["mine_tone"] == "ok"
    assert state.rows[1]["team"] == text.TeamWords.COMMUNITY_ACTIVITY
    assert titles(calendar(client, world.resident)) == ["新年演出"]


def test_calendar_junk_from_a_crafted_client(client, world):
    state = calendar(client, None, "?week=zzz&kind=<script>")
    assert titles(state) == ["新年演出"] and state.week_title == T.THIS_WEEK
    for junk in JUNK:
        send(state, "go", delta=junk)
        assert state.page == 1 and titles(state) == ["新年演出"]


def data() -> dict:
    """Every table but the sign-ins (each new test client signs in anew)."""
    return {name: rows for name, rows in snapshot().items() if name != "auth_session"}


def on_activity(client, who, activity_id) -> ActivityState:
    state = client(
        ActivityState,
        who,
        path=f"/activities/{activity_id}",
        route="/activities/[activity_id]",
        params={"activity_id": str(activity_id)},
    )
    send(state, "load")
    return state


def test_activity_signed_out(client, world):
    state = on_activity(client, None, world.show.id)
    assert state.found and state.title == "新年演出" and state.phase == "open"
    assert state.team_href == f"/teams/{world.team.id}" and not state.can_manage
    assert state.sign_in_href == f"/login?next=/activities/{world.show.id}"
    assert state.seats_line == "已报名 0 / 名额 2" and state.waiting_line == T.NO_WAITING
    assert state.share_url == f"http://localhost:3000/activities/{world.show.id}"
    before = snapshot()
    assert redirect_path(send(state, "sign_up")) == state.sign_in_href
    assert redirect_path(send(state, "join_waiting")) == state.sign_in_href
    assert snapshot() == before


def test_sign_up_and_cancel_with_confirmation(client, world):
    state = on_activity(client, world.member, world.show.id)
    assert state.my_status == "" and state.my_status_words == T.NOT_SIGNED
    send(state, "ask_cancel")
    assert not state.confirming  # nothing to cancel yet
    send(state, "sign_up")
    assert (state.my_status, state.note, state.note_warn) == ("signed", T.SIGNED_UP, False)
    assert state.seats_line == "已报名 1 / 名额 2"
    send(state, "sign_up")  # a second tap
    assert state.note == text.SignupRules.ALREADY_SIGNED and state.note_warn
    send(state, "ask_cancel")
    assert state.confirming
    send(state, "keep")
    assert not state.confirming and state.my_status == "signed"
    send(state, "ask_cancel")
    send(state, "cancel")
    assert (state.my_status, state.note, state.confirming) == ("", T.CANCEL_DONE, False)
    assert fresh(Activity, world.show.id).seats_taken == 0


def test_waiting_list_on_the_page(client, session, world):
    seat(session, world.show, world.leader.account_id)
    seat(session, world.show, world.other.account_id)
    state = on_activity(client, world.member, world.show.id)
    assert state.full and state.my_status == ""
    send(state, "join_waiting")
    assert state.my_status == "waiting" and state.my_place == 1
    assert state.leave_label == "退出候补（第 1 位）" and state.waiting_line == "候补 1 人"
    assert state.note == T.WAITING_JOINED.format(n=1)
    resident = on_activity(client, world.resident, world.show.id)
    send(resident, "join_waiting")
    assert resident.my_status_words == "候补第 2 位"
    send(state, "cancel")
    assert state.my_status == "" and state.note == T.WAITING_LEFT
    assert signup_of(world.show.id, world.member.account_id).status == "cancelled"


def test_members_only_and_junk_ids_are_not_found(client, world):
    for who in (None, world.resident):
        state = on_activity(client, who, world.study.id)
        assert not state.found and state.note == text.TeamWords.NO_ACTIVITY
    before = data()
    for junk in [*JUNK, "999999"]:
        state = on_activity(client, world.member, junk)
        assert not state.found and state.note_warn
        send(state, "sign_up")
        send(state, "cancel")
        assert not state.found
    assert data() == before
    assert on_activity(client, world.member, world.study.id).found


def test_resident_cannot_sign_up_for_members_only_by_crafting(client, world):
    state = on_activity(client, world.resident, world.show.id)
    state.router.page.params["activity_id"] = str(world.study.id)
    before = snapshot()
    send(state, "sign_up")
    assert snapshot() == before and not state.found


def test_started_activity_and_the_leaders_links(client, session, world, fixed_now):
    fixed_now(sup.NOW + timedelta(hours=5, minutes=1))  # 15:01 in Wuhan
    state = on_activity(client, world.leader, world.show.id)
    assert (state.phase, state.phase_words) == ("started", T.STARTED)
    assert state.can_manage and state.roster_href == f"/leader/activity/{world.show.id}"
    assert state.edit_href == f"/activities/{world.show.id}/edit"
    send(state, "sign_up")
    assert state.note == text.SignupRules.STARTED


def test_home_cards(client, session, world):
    home = client(HomeState, None, path="/")
    send(home, "load")
    assert [row["title"] for row in home.today_activities] == ["新年演出"]
    seat(session, world.later, world.member.account_id)
    seat(session, world.study, world.member.account_id, "waiting")
    mine = client(HomeState, world.member, path="/")
    send(mine, "load")
    assert [(row["title"], row["mine"]) for row in mine.my_activities] == [
        ("党员学习", "我：候补中"),
        ("下周排练", "我：已报名"),
    ]
    assert mine.today_activities == [] and mine.my_activities[1]["day"] == "12月3日 周四"


def test_week_navigation_reaches_older_weeks(client, session, world):
    make_activity(session, world.team.id, "service", at_local(-9, 9), title="上周服务")
    state = calendar(client, None, f"?week={(MONDAY - timedelta(days=7)).isoformat()}")
    assert titles(state) == ["上周服务"] and state.week_range.startswith("11月16日")


def test_this_weeks_earlier_days_are_one_link_away(client, session, world):
    make_activity(session, world.team.id, "service", at_local(-2, 9), title="周一服务")
    state = calendar(client, None, "?kind=service")
    assert titles(state) == [] and state.earlier_href == (
        "/activities?week=2026-11-23&kind=service&earlier=1"
    )
    earlier = calendar(client, None, "?week=2026-11-23&kind=service&earlier=1")
    assert titles(earlier) == ["周一服务"] and earlier.earlier_href == ""
    assert earlier.week_title == T.EARLIER_DAYS
    assert earlier.week_range == "11月23日 周一 至 11月24日 周二"
    assert not earlier.is_this_week and earlier.this_week_href == "/activities?kind=service"
    assert earlier.kinds[0]["href"] == "/activities?week=2026-11-23&earlier=1"


def test_on_sunday_the_week_is_one_day(client, session, world, fixed_now):
    fixed_now(sup.NOW + timedelta(days=4))  # Sunday 29 November
    state = calendar(client)
    assert state.week_range == "11月29日 周日" and titles(state) == []
    assert state.next_href == "/activities?week=2026-11-30"


def test_an_ended_sale_shows_what_it_raised(client, session, world):
    sale = make_activity(session, world.team.id, "sale", -timedelta(days=2), title="串珠义卖")
    session.add(
        CharitySale(
            activity_id=sale.id,
            amount_fen=381950,
            purpose="给独居老人买棉被",
            recorded_by_id=world.leader.account_id,
        )
    )
    session.commit()
    state = on_activity(client, None, sale.id)
    assert (state.phase, state.phase_words) == ("ended", T.ENDED)
    assert state.sale_line == "这次义卖筹得 3,819.50 元，用于：给独居老人买棉被"
    assert on_activity(client, None, world.show.id).sale_line == ""

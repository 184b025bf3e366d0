"""VisitsState (/visits: the member's visits, cancelling, the care record), VisitHistoryState
(/visits/history) and the home page's way in (请求上门, 网格工作)."""

from datetime import date, timedelta

import pytest

from huajin_pwa import present, text
from huajin_pwa.services import care, visit_work, visits
from huajin_pwa.states.home import HomeState
from huajin_pwa.states.visits import VisitHistoryState, VisitsState

from . import visit_member_support as support
from .helpers import JUNK, redirect_path, script, send, snapshot
from .visit_member_support import ask, record_done, schedule, visit

today = support.today
me = support.me
other = support.other

P = text.VisitPage


def visits_page(client, who) -> VisitsState:
    state = client(VisitsState, who, path="/visits")
    assert send(state, "load") is None
    return state


def row_of(state: VisitsState, visit_id: int) -> dict[str, str]:
    [row] = [row for row in state.rows if row["id"] == str(visit_id)]
    return row


# --- how each visit stands -------------------------------------------------------------------


def test_a_new_request_is_received_and_can_be_cancelled(client, run, me, today):
    asked = ask(run, me, "chat", day=(today + timedelta(days=2)).isoformat(), part="am")
    row = row_of(visits_page(client, me), asked)
    wish = f"{present.date_label(today + timedelta(days=2))} 上午"
    assert (row["reason"], row["status"], row["tone"], row["step"]) == (
        "看望聊天",
        "已收到",
        "warn",
        "1",
    )
    assert row["asked"] == P.ASKED_ON.format(day=present.date_label(today))
    assert row["wish"] == P.WISH.format(when=wish)
    assert row["can_cancel"] == "1" and row["scheduled"] == row["visitor"] == ""


def test_a_scheduled_visit_says_when_and_who(client, run, me, secretary, today):
    asked = ask(run, me, "help", note="请带表格")
    schedule(run, secretary, asked, today + timedelta(days=3), "pm")
    row = row_of(visits_page(client, me), asked)
    day = present.date_label(today + timedelta(days=3))
    assert (row["status"], row["tone"], row["step"]) == ("已安排", "ok", "2")
    assert row["scheduled"] == P.SCHEDULED.format(day=day, part="下午")
    assert row["visitor"] == P.VISITOR.format(name=secretary.name)
    assert row["note"] == P.YOUR_NOTE.format(note="请带表格") and row["can_cancel"] == "1"


def test_a_done_visit_shows_the_day_and_outcome_and_joins_the_history(
    client, run, me, secretary, today
):
    asked = ask(run, me, "health")
    record_done(run, secretary, asked, today, "量了血压，一切正常")
    state = visits_page(client, me)
    row = row_of(state, asked)
    assert (row["status"], row["step"], row["can_cancel"]) == ("已完成", "3", "")
    assert row["done"] == P.DONE_ON.format(day=present.date_label(today))
    assert row["outcome"] == P.OUTCOME.format(outcome="量了血压，一切正常")
    assert row["visitor"] == P.VISITOR.format(name=secretary.name)
    assert state.history_count == 1
    history = client(VisitHistoryState, me, path="/visits/history")
    assert send(history, "load") is None
    assert [(r["id"], r["reason"], r["day"]) for r in history.rows] == [
        (str(asked), "健康关怀", present.date_label(today))
    ]
    assert history.total == 1 and history.blocked_to == ""


def test_a_declined_request_gives_the_reason(client, run, me, secretary):
    asked = ask(run, me, "other")
    run(visit_work.decline, secretary, asked, None, "本周都在外地开会")
    row = row_of(visits_page(client, me), asked)
    assert (row["status"], row["tone"], row["step"], row["can_cancel"]) == (
        "未能安排",
        "bad",
        "",
        "",
    )
    assert row["declined"] == P.DECLINED.format(why="本周都在外地开会")


def test_a_visit_nobody_asked_for_shows_once_scheduled(client, run, me, secretary, today):
    run(
        visit_work.log_visit,
        secretary,
        me.account_id,
        {"reason": "chat", "visited_on": today.isoformat(), "outcome": "路过看望，聊了家常"},
    )
    [row] = visits_page(client, me).rows
    assert (row["source"], row["status"], row["asked"], row["can_cancel"]) == (
        "主动看望",
        "已完成",
        "",
        "",
    )


def test_open_ones_come_first_and_the_list_pages(client, run, me):
    for _ in range(10):
        run(visits.cancel, me, ask(run, me, "chat"))
    still_open = ask(run, me, "study")
    state = visits_page(client, me)
    assert (state.page, state.pages, state.rows[0]["id"]) == (1, 2, str(still_open))
    send(state, "go", delta=1)
    assert state.page == 2 and len(state.rows) == 1 and state.rows[0]["status"] == "已取消"
    for junk in [junk for junk in JUNK if junk not in (-1, 1)]:  # True == 1: a real step
        send(state, "go", delta=junk)
        assert state.page == 2


def test_someone_elses_visits_are_not_listed(client, run, me, other):
    ask(run, other, "chat")
    assert visits_page(client, me).rows == []


# --- cancelling ------------------------------------------------------------------------------


def test_cancel_asks_inline_then_cancels(client, run, me, secretary):
    asked = ask(run, me, "chat")
    state = visits_page(client, me)
    assert "cancel-ask-" in script(send(state, "ask_cancel", visit_id=str(asked)))
    assert state.asking == str(asked)
    send(state, "keep_visit")
    assert state.asking == "" and visit(asked).status == "received"
    send(state, "ask_cancel", visit_id=str(asked))
    result = send(state, "cancel", visit_id=str(asked))
    assert visit(asked).status == "cancelled" and "visits-told" in script(result)
    assert (state.told, state.told_warn, state.asking) == (P.CANCELLED, False, "")
    assert row_of(state, asked)["status"] == "已取消"
    assert support.titles_to(secretary.account_id)[-1] == text.Visit.MEMBER_CANCELLED_TITLE


def test_a_scheduled_visit_can_be_cancelled(client, run, me, secretary, today):
    asked = ask(run, me, "chat")
    schedule(run, secretary, asked, today + timedelta(days=1))
    send(visits_page(client, me), "cancel", visit_id=asked)
    assert visit(asked).status == "cancelled"


def test_someone_elses_request_cannot_be_cancelled(client, run, me, other):
    theirs = ask(run, other, "chat")
    state = visits_page(client, me)
    before = snapshot()
    send(state, "ask_cancel", visit_id=str(theirs))
    assert state.asking == ""
    send(state, "cancel", visit_id=str(theirs))
    assert (state.told, state.told_warn) == (text.Visit.NOT_YOURS, True)
    assert snapshot() == before


def test_a_done_visit_cannot_be_cancelled(client, run, me, secretary, today):
    asked = ask(run, me, "chat")
    record_done(run, secretary, asked, today, "聊了一个小时")
    state = visits_page(client, me)
    before = snapshot()
    send(state, "ask_cancel", visit_id=str(asked))
    assert state.asking == ""
    send(state, "cancel", visit_id=str(asked))
    assert state.told == text.Visit.CANNOT_CANCEL.format(status="已完成") and state.told_warn
    assert snapshot() == before


def test_junk_to_every_handler_changes_nothing(client, run, me):
    asked = ask(run, me, "chat")
    state = visits_page(client, me)
    before = snapshot()
    for junk in JUNK:
        send(state, "ask_cancel", visit_id=junk)
        assert state.asking == ""
        send(state, "cancel", visit_id=junk)
        assert state.told_warn
    send(state, "keep_visit")
    send(state, "load")
    assert snapshot() == before and visit(asked).status == "received"


# --- the care record -------------------------------------------------------------------------


def test_the_care_record_shows_health_and_help(client, run, me, secretary, today):
    state = visits_page(client, me)
    assert (state.health, state.health_tone, state.helps) == (P.HEALTH_UNKNOWN, "plain", [])
    since = date(2021, 3, 5)
    run(care.set_health, secretary, me.account_id, {"has_record": "yes", "since": "2021-03-05"})
    form = {"what": "送米和油", "given_on": today.isoformat(), "given_by": "爱之翼志愿队"}
    run(care.add_help, secretary, me.account_id, form)
    send(state, "load")
    assert (state.health, state.health_tone) == (P.HEALTH_YES, "ok")
    assert state.health_since == P.HEALTH_SINCE.format(day=present.date_label(since))
    assert state.helps == [
        {
            "what": "送米和油",
            "day": present.date_label(today),
            "by": P.HELP_BY.format(by="爱之翼志愿队"),
        }
    ]
    run(care.set_health, secretary, me.account_id, {"has_record": "no"})
    send(state, "load")
    assert (state.health, state.health_since) == (P.HEALTH_NO, "")


# --- who may look ----------------------------------------------------------------------------


@pytest.mark.parametrize("cls", [VisitsState, VisitHistoryState])
def test_signed_out_is_sent_to_sign_in(client, me, cls):
    state = client(cls)
    assert redirect_path(send(state, "load")) == "/login"
    if cls is VisitsState:
        before = snapshot()
        assert redirect_path(send(state, "cancel", visit_id="1")) == "/login"
        assert snapshot() == before


@pytest.mark.parametrize("cls", [VisitsState, VisitHistoryState])
@pytest.mark.parametrize(
    ("who", "goes_to"), [("member", "join"), ("pending", "me"), ("staff", "join")]
)
def test_without_an_approved_disclosure_the_page_says_why(client, request, cls, who, goes_to):
    person = request.getfixturevalue(who)
    state = client(cls, getattr(person, "token", None) or person)
    assert send(state, "load") is None
    assert state.ready and state.blocked_to == goes_to and state.rows == []


def test_a_pending_applicant_cannot_cancel_a_request(client, run, me, pending):
    asked = ask(run, me, "chat")
    state = client(VisitsState, pending.token)
    send(state, "load")
    before = snapshot()
    send(state, "cancel", visit_id=str(asked))
    assert state.told == text.Err.NO_PERMISSION and snapshot() == before


# --- the home page ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "asks", "grid_work"),
    [("me", True, False), ("secretary", False, True), ("staff", False, False)],
)
def test_home_shows_the_ways_in(client, request, who, asks, grid_work):
    state = client(HomeState, request.getfixturevalue(who))
    send(state, "load")
    assert (state.is_member, state.is_secretary) == (asks, grid_work)


def test_home_signed_out_shows_neither(client, me):
    state = client(HomeState)
    send(state, "load")
    assert not state.is_member and not state.is_secretary

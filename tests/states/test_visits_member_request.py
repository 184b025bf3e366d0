"""VisitRequestState: 请求上门 in three taps (/visits/new, /visits/new/when, /visits/new/note),
called as the browser calls it, and everything a crafted client may send instead."""

from datetime import date, timedelta

import pytest

from huajin_pwa import present, text
from huajin_pwa.services import visits
from huajin_pwa.states.visit_request import VisitRequestState

from . import visit_member_support as support
from .conftest import token_for
from .helpers import FOCUS_ERRORS, JUNK, form, open_page, redirect_path, script, send, snapshot
from .visit_member_support import all_visits, ask, in_days, on_page, visits_page_of

today = support.today
me = support.me
other = support.other

NOTE_PAGE = "/visits/new/note?reason={reason}&day={day}&part={part}"


def note_page(client, who, reason="chat", day="soon", part="any") -> VisitRequestState:
    state = client(VisitRequestState, who)
    assert on_page(state, NOTE_PAGE.format(reason=reason, day=day, part=part)) is None
    return state


# --- the three pages -------------------------------------------------------------------------


def test_the_reason_page_knows_what_is_already_asked(client, run, me):
    state = client(VisitRequestState, me)
    assert on_page(state, "/visits/new") is None
    assert state.ready and state.blocked_to == "" and state.open_reasons == {}
    asked = ask(run, me, "health")
    on_page(state, "/visits/new")
    assert state.open_reasons == {"health": str(asked)}


def test_the_when_page_offers_the_next_fourteen_days(client, me, today):
    state = client(VisitRequestState, me)
    assert on_page(state, "/visits/new/when?reason=help") is None
    assert (state.reason, state.reason_label, state.problem) == ("help", "困难帮扶", "")
    assert state.part == visits.ANY_PART  # 全天都行 unless chosen
    assert [day["iso"] for day in state.days] == [in_days(today, n) for n in range(1, 15)]
    first = date.fromisoformat(state.days[0]["iso"])
    assert state.days[0]["label"] == present.date_label(first)
    assert [day["near"] for day in state.days[:3]] == ["明天", "后天", ""]
    send(state, "set_part", part="eve")
    assert state.part == "eve" and state.when_href == "/visits/new/when?reason=help&part=eve"


def test_the_when_page_reads_the_part_back_from_the_address(client, me):
    state = client(VisitRequestState, me)
    on_page(state, "/visits/new/when?reason=chat&part=am")
    assert state.part == "am"
    on_page(state, "/visits/new/when?reason=chat&part=noon")
    assert state.part == visits.ANY_PART


def test_the_when_page_with_a_crafted_reason_says_so(client, me):
    state = client(VisitRequestState, me)
    on_page(state, "/visits/new/when?reason=party")
    assert state.problem == text.Visit.REASON_INVALID and state.reason == ""


def test_the_note_page_sums_up_the_choices(client, me, today):
    day = in_days(today, 3)
    state = note_page(client, me, "study", day, "am")
    label = present.date_label(today + timedelta(days=3))
    assert state.problem == "" and state.when_label == f"{label} 上午"
    assert state.summary == [
        ["上门做什么", "送学上门", "/visits/new"],
        ["什么时候", f"{label} 上午", "/visits/new/when?reason=study&part=am"],
    ]
    assert note_page(client, me, "chat", "soon").when_label == "尽快"
    assert note_page(client, me, "chat", day, "any").when_label == f"{label} 全天都行"


@pytest.mark.parametrize(
    ("reason", "day", "problem"),
    [
        ("party", "soon", text.Visit.REASON_INVALID),
        ("chat", "today", text.Visit.WISH_DAY_INVALID),
        ("chat", "", text.Visit.WISH_DAY_INVALID),
        ("chat", 0, text.Visit.WISH_DAY_RANGE),  # today itself
        ("chat", 15, text.Visit.WISH_DAY_RANGE),
        ("chat", -3, text.Visit.WISH_DAY_RANGE),
    ],
)
def test_the_note_page_with_a_crafted_address_says_so(client, me, today, reason, day, problem):
    day = in_days(today, day) if isinstance(day, int) else day
    assert note_page(client, me, reason, day).problem == problem


# --- 提交 --------------------------------------------------------------------------------------


def test_submit_asks_for_exactly_one_visit(client, me, today, secretary):
    day = in_days(today, 2)
    state = note_page(client, me, "help", day, "pm")
    result = send(state, "submit", form=form(note="  下午三点后在家  "))
    assert redirect_path(result) == "/visits"
    [row] = all_visits()
    assert (row.member_id, row.source, row.reason, row.status) == (
        me.account_id,
        "request",
        "help",
        "received",
    )
    assert (row.wish_day.isoformat(), row.wish_part, row.note) == (day, "pm", "下午三点后在家")
    assert support.titles_to(me.account_id)[-1] == text.Visit.RECEIVED_TITLE
    assert support.titles_to(secretary.account_id).count(text.Visit.NEW_REQUEST_TITLE) == 1
    assert state.errors == {} and state.problem == "" and state.note == ""
    page = visits_page_of(state)
    send(page, "load")  # /visits says it once
    assert page.told == text.VisitPage.CREATED and not page.told_warn
    assert [r["reason"] for r in page.rows] == ["困难帮扶"]
    send(page, "load")
    assert page.told == ""


def test_soon_needs_no_part(client, me):
    send(note_page(client, me, "chat", "soon", "am"), "submit", form=form(note=""))
    [row] = all_visits()
    assert (row.wish_day, row.wish_part, row.note) == (None, "", "")


def test_the_same_reason_again_is_met_with_the_open_one(client, run, me):
    first = ask(run, me, "chat")
    state = note_page(client, me, "chat", "soon")
    before = snapshot()
    assert redirect_path(send(state, "submit", form=form(note="再来一次"))) == "/visits"
    assert snapshot() == before
    page = visits_page_of(state)
    send(page, "load")
    assert page.told == text.Visit.ALREADY_OPEN.format(reason="看望聊天")
    assert [r["id"] for r in page.rows] == [str(first)]


def test_a_different_reason_is_a_second_request(client, run, me):
    ask(run, me, "chat")
    send(note_page(client, me, "health", "soon"), "submit", form=form(note=""))
    assert sorted(v.reason for v in all_visits()) == ["chat", "health"]


@pytest.mark.parametrize(
    ("reason", "day", "part", "problem"),
    [
        ("party", "soon", "any", text.Visit.REASON_INVALID),
        ("holiday", "soon", "any", text.Visit.REASON_INVALID),
        ("chat", 0, "any", text.Visit.WISH_DAY_RANGE),
        ("chat", 15, "any", text.Visit.WISH_DAY_RANGE),
        ("chat", "2026-02-30", "any", text.Visit.WISH_DAY_INVALID),
        ("chat", 3, "noon", text.Visit.PART_INVALID),
    ],
)
def test_a_crafted_address_is_refused_and_saves_nothing(
    client, me, today, reason, day, part, problem
):
    day = in_days(today, day) if isinstance(day, int) else day
    state = client(VisitRequestState, me)
    open_page(state, NOTE_PAGE.format(reason=reason, day=day, part=part))
    before = snapshot()
    result = send(state, "submit", form=form(note="你好"))
    assert state.problem == problem and state.errors == {}
    assert redirect_path(result) is None and "visit-problem" in script(result)
    assert snapshot() == before


def test_a_note_over_500_characters_is_refused_and_kept(client, me):
    state = note_page(client, me)
    before = snapshot()
    long_note = "说" * 501
    result = send(state, "submit", form=form(note=long_note))
    assert state.errors == {"note": text.Visit.NOTE_LONG} and state.problem == ""
    assert script(result) == FOCUS_ERRORS and redirect_path(result) is None
    assert state.note == long_note  # the answer is kept
    assert snapshot() == before
    assert redirect_path(send(state, "submit", form=form(note="说" * 500))) == "/visits"
    assert len(all_visits()) == 1


def test_the_form_cannot_change_the_reason_or_the_member(client, me, other, today):
    state = note_page(client, me, "chat", "soon")
    sneaky = form(note="", reason="help", day=in_days(today, 30), member_id=str(other.account_id))
    send(state, "submit", form=sneaky)
    [row] = all_visits()
    assert (row.member_id, row.reason, row.wish_day) == (me.account_id, "chat", None)


def test_the_note_is_remembered_while_a_choice_changes(client, me, today):
    state = note_page(client, me, "chat", "soon")
    send(state, "set_note", note="楼下有狗，请先打电话")
    on_page(state, "/visits/new/when?reason=chat&part=any")
    on_page(state, NOTE_PAGE.format(reason="chat", day=in_days(today, 1), part="am"))
    assert state.note == "楼下有狗，请先打电话"


def test_someone_else_on_the_same_browser_does_not_see_the_note(client, me, other):
    state = note_page(client, me)
    send(state, "set_note", note="我的私事")
    state.token = token_for(other)
    on_page(state, NOTE_PAGE.format(reason="chat", day="soon", part="any"))
    assert state.note == ""


# --- who may ask -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/visits/new", "/visits/new/when?reason=chat", NOTE_PAGE])
def test_signed_out_is_sent_to_sign_in(client, me, path):
    state = client(VisitRequestState)
    assert redirect_path(on_page(state, path.format(reason="chat", day="soon", part="any"))) == (
        "/login"
    )
    assert redirect_path(send(state, "submit", form=form(note=""))) == "/login"
    assert all_visits() == []


@pytest.mark.parametrize(
    ("who", "goes_to", "refusal"),
    [
        ("member", "join", text.Visit.NOT_DISCLOSED),  # the role, but no approved disclosure
        ("pending", "me", text.Err.NO_PERMISSION),
        ("resident", "me", text.Err.NO_PERMISSION),
        ("staff", "join", text.Err.NO_PERMISSION),
    ],
)
def test_without_an_approved_disclosure_nobody_can_ask(client, request, who, goes_to, refusal):
    person = request.getfixturevalue(who)
    state = client(VisitRequestState, getattr(person, "token", None) or person)
    for path in ["/visits/new", "/visits/new/when?reason=chat", NOTE_PAGE]:
        assert on_page(state, path.format(reason="chat", day="soon", part="any")) is None
        assert state.ready and state.blocked_to == goes_to
    before = snapshot()
    send(state, "submit", form=form(note="你好"))
    assert state.problem == refusal and snapshot() == before


def test_junk_to_every_handler_changes_nothing(client, me):
    state = note_page(client, me)  # a good address: only the junk can be wrong
    before = snapshot()
    for junk in [*JUNK, {"note": ["a"]}, form(note=None), form(note={"a": 1})]:
        send(state, "set_part", part=junk)
        assert state.part in (*text.Visit.PARTS, visits.ANY_PART)
        send(state, "set_note", note=junk)
        result = send(state, "submit", form=junk)
        assert redirect_path(result) is None, junk
        assert state.errors == {"note": text.Err.BAD_REQUEST} and script(result) == FOCUS_ERRORS
    for handler in ("load_reason", "load_when", "load_note"):
        send(state, handler)
    assert snapshot() == before

"""SecretaryMemberState (/secretary/member/<id>): one member's care record; health record, help
given, visit history, logging a visit; staff reads audited; others refused."""

from datetime import timedelta

import pytest
from sqlmodel import select

from huajin_pwa import db, present, text
from huajin_pwa.models import HealthRecord, HelpRecord, Visit
from huajin_pwa.services import care
from huajin_pwa.states.secretary_member import SecretaryMemberState

from . import secretary_visit_support as support
from .helpers import FOCUS_ERRORS, JUNK, form, redirect_path, script, send, snapshot
from .secretary_visit_support import TODAY, audits, days

people = support.people

ROUTE = "/secretary/member/[member_id]"
T = text.SecretaryVisitPage
C = text.Care
W = text.VisitWork
FORMS = ("set_health", "add_help", "log_visit")
GOOD = {
    "set_health": {"has_record": "yes", "since": days(-400)},
    "add_help": {"what": "送米面油", "given_on": days(-2), "given_by": "爱之翼志愿队"},
    "log_visit": {"reason": "chat", "visited_on": days(-1), "outcome": "每月走访，一切都好"},
}

HELP = GOOD["add_help"]


def on_member(client, who, member_id) -> SecretaryMemberState:
    """A browser on /secretary/member/<id>, the page loaded."""
    state = client(
        SecretaryMemberState,
        who,
        path=f"/secretary/member/{member_id}",
        route=ROUTE,
        params={"member_id": str(member_id)},
    )
    send(state, "load")
    return state


def act(state, handler: str, **fields):
    return send(state, handler, form=form(**fields))


def all_rows(model):
    with db.transaction() as session:
        return list(session.exec(select(model).order_by(model.id)).all())


@pytest.fixture
def member_id(people):
    return people.member.account_id


# --- opening it -----------------------------------------------------------------------------


def test_a_secretary_of_the_grid_opens_the_record(client, people, member_id):
    state = on_member(client, people.secretary, member_id)
    assert state.found and state.person["name"] == "王秀兰"
    assert state.person["grid"] == "第一网格" and state.person["age"] == "74岁"
    assert state.person_tags == [T.MOBILITY, T.DIFFICULTY]
    assert state.health_status == T.HEALTH_UNKNOWN and state.health_choice == ""
    assert state.helps == [] and state.visits == [] and state.help_total == 0
    assert state.answers["visited_on"] == days(0) and state.answers["given_on"] == days(0)
    assert state.visited_min == days(-60) and state.today_iso == days(0)
    assert audits("care_record_read") == []  # a secretary's reads are not audited


def test_staff_opening_the_record_is_audited(client, people, member_id):
    state = on_member(client, people.staff, member_id)
    assert state.found
    entries = audits("care_record_read")
    assert [(e.actor_id, e.target_id) for e in entries] == [(people.staff.account_id, member_id)]


def test_a_secretary_of_another_grid_is_refused(client, people, member_id):
    state = on_member(client, people.stranger, member_id)
    assert not state.found and state.notice == C.NOT_ALLOWED and state.notice_warn
    assert state.person == {} and state.helps == [] and state.visits == []
    before = snapshot()
    for handler in FORMS:
        state._member_id = member_id  # the worst case: a crafted client
        assert act(state, handler, **GOOD[handler]) is None
        assert not state.found and state.notice in (C.NOT_ALLOWED, W.NOT_YOUR_GRID)
    for handler in ("helps_go", "visits_go"):
        state._member_id = member_id
        send(state, handler, delta=1)
        assert not state.found and state.visits == [] and state.helps == []
    assert snapshot() == before


@pytest.mark.parametrize("who", ["member", "nobody"])
def test_members_and_the_signed_out_are_sent_away(client, people, member_id, who):
    token = people.member_token if who == "member" else None  # even the member themselves
    state = client(
        SecretaryMemberState,
        token,
        path=f"/secretary/member/{member_id}",
        route=ROUTE,
        params={"member_id": str(member_id)},
    )
    home = "/" if who == "member" else "/login"
    assert redirect_path(send(state, "load")) == home and not state.found
    state._member_id = member_id
    before = snapshot()
    for handler in FORMS:
        assert redirect_path(act(state, handler, **GOOD[handler])) == home
    for handler in ("helps_go", "visits_go"):
        assert redirect_path(send(state, handler, delta=1)) == home
    assert snapshot() == before and state.person == {}


def test_someone_who_is_not_a_disclosed_member(client, people):
    for raw in [str(people.secretary.account_id), "999", "abc", "0", "9" * 30]:
        state = on_member(client, people.secretary, raw)
        assert not state.found and state.notice == C.NOT_ALLOWED


# --- the health record ----------------------------------------------------------------------


def test_record_a_health_record_and_then_none(client, people, member_id):
    state = on_member(client, people.secretary, member_id)
    assert act(state, "set_health", has_record="yes", since=days(-400)) is None
    [record] = all_rows(HealthRecord)
    assert record.has_record and record.since.isoformat() == days(-400)
    since = present.date_label(TODAY - timedelta(days=400))
    assert state.health_status == T.HEALTH_YES + "，" + T.HEALTH_SINCE.format(day=since)
    assert state.notice == T.HEALTH_SAVED and state.health_choice == "yes"
    assert state.answers["since"] == days(-400)
    act(state, "set_health", has_record="no", since=days(-400))
    [record] = all_rows(HealthRecord)
    assert not record.has_record and record.since is None
    assert state.health_status == T.HEALTH_NO and state.answers["since"] == ""


def test_the_since_field_follows_the_choice(client, people, member_id):
    state = on_member(client, people.secretary, member_id)
    send(state, "choose_health", value="yes")
    assert state.health_choice == "yes"
    for junk in [*JUNK, "maybe"]:
        send(state, "choose_health", value=junk)
        assert state.health_choice == "yes"
    send(state, "choose_health", value="no")
    assert state.health_choice == "no"


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({}, {"has_record": C.HAS_RECORD_MISSING}),
        ({"has_record": "yes"}, {"since": C.SINCE_INVALID}),
        ({"has_record": "yes", "since": days(1)}, {"since": C.SINCE_INVALID}),
        ({"has_record": "yes", "since": "1999-12-31"}, {"since": C.SINCE_INVALID}),
    ],
)
def test_bad_health_answers(client, people, member_id, fields, errors):
    state = on_member(client, people.secretary, member_id)
    key = state.health_key
    before = snapshot()
    result = act(state, "set_health", **fields)
    assert state.errors == errors and script(result) == FOCUS_ERRORS
    assert snapshot() == before and state.health_key == key
    for name, value in fields.items():
        assert state.answers[name] == value


# --- help given -----------------------------------------------------------------------------


def test_add_help(client, people, member_id):
    state = on_member(client, people.secretary, member_id)
    key = state.help_key
    act(state, "add_help", **GOOD["add_help"])
    [record] = all_rows(HelpRecord)
    assert (record.what, record.given_on.isoformat(), record.given_by) == (
        "送米面油",
        days(-2),
        "爱之翼志愿队",
    )
    assert state.notice == T.HELP_SAVED and state.help_total == 1
    line = T.HELP_LINE.format(day=present.date_label(TODAY - timedelta(days=2)), by="爱之翼志愿队")
    assert state.helps == [{"what": "送米面油", "when": line}]
    assert state.help_key > key and state.answers["what"] == ""  # a fresh form for the next


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"what": "", "given_on": days(0), "given_by": "社区"}, {"what": C.HELP_WHAT_INVALID}),
        (
            {"what": "长" * 101, "given_on": days(0), "given_by": "社区"},
            {"what": C.HELP_WHAT_INVALID},
        ),
        (
            {"what": "送米", "given_on": days(1), "given_by": "社区"},
            {"given_on": C.HELP_DAY_INVALID},
        ),
        ({"what": "送米", "given_on": days(0), "given_by": ""}, {"given_by": C.HELP_BY_INVALID}),
        (
            {"what": "送米", "given_on": days(0), "given_by": "长" * 31},
            {"given_by": C.HELP_BY_INVALID},
        ),
    ],
)
def test_bad_help_answers(client, people, member_id, fields, errors):
    state = on_member(client, people.secretary, member_id)
    before = snapshot()
    result = act(state, "add_help", **fields)
    assert state.errors == errors and script(result) == FOCUS_ERRORS and snapshot() == before
    for name, value in fields.items():
        assert state.answers[name] == value


def test_paging_through_help(client, run, people, member_id):
    for n in range(12):
        help_form = {"what": f"第{n + 1}次帮扶", "given_on": days(-n), "given_by": "社区"}
        run(care.add_help, people.secretary, member_id, help_form)
    state = on_member(client, people.secretary, member_id)
    assert (state.help_page, state.help_pages, state.help_total) == (1, 2, 12)
    assert state.helps[0]["what"] == "第1次帮扶" and len(state.helps) == 10
    send(state, "helps_go", delta=1)
    assert state.help_page == 2 and [h["what"] for h in state.helps] == ["第11次帮扶", "第12次帮扶"]
    for junk in [item for item in JUNK if item != -1]:  # -1 is the previous page
        send(state, "helps_go", delta=junk)
        assert state.help_page == 2
    send(state, "helps_go", delta=-1)
    assert state.help_page == 1


# --- visits ---------------------------------------------------------------------------------


def test_log_a_visit(client, people, member_id):
    state = on_member(client, people.secretary, member_id)
    key = state.log_key
    act(state, "log_visit", **GOOD["log_visit"], help_need="想要大字版学习材料", study_at_home="on")
    [visit] = all_rows(Visit)
    assert (visit.source, visit.status, visit.reason) == ("logged", "done", "chat")
    assert visit.visited_on.isoformat() == days(-1) and visit.study_at_home
    assert visit.visitor_id == people.secretary.account_id
    assert state.notice == T.LOGGED and state.visit_total == 1 and state.log_key > key
    [line] = state.visits
    assert line["outcome"] == "每月走访，一切都好" and line["who"] == "看望人：李建华"
    assert line["follow_ups"] == "帮扶需求：想要大字版学习材料；已送学上门"
    assert state.person["last_visit"] == present.date_label(TODAY - timedelta(days=1))
    assert state.answers["outcome"] == "" and state.answers["visited_on"] == days(0)


def test_staff_may_log_a_visit(client, people, member_id):
    state = on_member(client, people.staff, member_id)
    act(state, "log_visit", **GOOD["log_visit"])
    assert [v.visitor_id for v in all_rows(Visit)] == [people.staff.account_id]


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({**GOOD["log_visit"], "reason": "holiday"}, {"reason": text.Visit.REASON_INVALID}),
        ({**GOOD["log_visit"], "visited_on": days(1)}, {"visited_on": W.VISITED_RANGE}),
        ({**GOOD["log_visit"], "visited_on": days(-61)}, {"visited_on": W.VISITED_RANGE}),
        ({**GOOD["log_visit"], "outcome": ""}, {"outcome": W.OUTCOME_INVALID}),
        ({**GOOD["log_visit"], "outcome": "长" * 501}, {"outcome": W.OUTCOME_INVALID}),
        ({**GOOD["log_visit"], "health_concern": "长" * 201}, {"health_concern": W.FOLLOW_UP_LONG}),
    ],
)
def test_bad_visit_answers(client, people, member_id, fields, errors):
    state = on_member(client, people.secretary, member_id)
    key = state.log_key
    before = snapshot()
    result = act(state, "log_visit", **fields)
    assert state.errors == errors and script(result) == FOCUS_ERRORS and snapshot() == before
    assert state.log_key == key
    for name, value in fields.items():
        assert state.answers[name] == value


def test_paging_through_visits(client, run, people, member_id):
    from huajin_pwa.services import visit_work

    for n in range(11):
        log = {"reason": "chat", "visited_on": days(-n), "outcome": f"第{n + 1}次走访"}
        run(visit_work.log_visit, people.secretary, member_id, log)
    state = on_member(client, people.secretary, member_id)
    assert (state.visit_pages, state.visit_total) == (2, 11)
    assert state.person["last_visit"] == present.date_label(TODAY)
    send(state, "visits_go", delta=1)
    assert [v["outcome"] for v in state.visits] == ["第11次走访"]
    assert state.person["last_visit"] == present.date_label(TODAY)  # still the latest


# --- crafted clients ------------------------------------------------------------------------


def test_junk_arguments_change_nothing(client, people, member_id):
    state = on_member(client, people.secretary, member_id)
    before = snapshot()
    for handler in FORMS:
        for junk in [*JUNK, {"what": ["送米"], "reason": {"a": "chat"}, "has_record": ["yes"]}]:
            result = send(state, handler, form=junk)
            assert state.errors and script(result) == FOCUS_ERRORS, (handler, junk)
    for handler in ("helps_go", "visits_go", "choose_health"):
        argument = "value" if handler == "choose_health" else "delta"
        for junk in JUNK:
            send(state, handler, **{argument: junk})
    assert snapshot() == before and state.found

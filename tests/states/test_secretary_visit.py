"""SecretaryVisitState (/secretary/visit/<id>): arrange, move, decline and record a visit; two
secretaries at once; other grids, members and crafted clients refused."""

import pytest
from sqlmodel import select

from huajin_pwa import db, present, text
from huajin_pwa.models import Message
from huajin_pwa.services import visits
from huajin_pwa.states.secretary_visit import SecretaryVisitState

from . import secretary_visit_support as support
from .helpers import FOCUS_ERRORS, JUNK, form, redirect_path, script, send, snapshot
from .secretary_visit_support import TODAY, ask, days, visit_row

people = support.people

ROUTE = "/secretary/visit/[visit_id]"
T = text.SecretaryVisitPage
W = text.VisitWork
V = text.Visit
HANDLERS = ("schedule", "decline", "record_done")
GOOD = {
    "schedule": {"day": days(3), "part": "pm", "visitor": ""},
    "decline": {"reason": "书记这周外出学习，请下周再约"},
    "record_done": {"visited_on": days(0), "outcome": "聊了家常，老人精神不错"},
}


def on_visit(client, who, visit_id) -> SecretaryVisitState:
    """A browser on /secretary/visit/<id>, the page loaded."""
    state = client(
        SecretaryVisitState,
        who,
        path=f"/secretary/visit/{visit_id}",
        route=ROUTE,
        params={"visit_id": str(visit_id)},
    )
    send(state, "load")
    return state


@pytest.fixture
def visit_id(run, people):
    return ask(run, people.member, "chat", note="腿脚不好，想找人聊聊")


def act(state, handler: str, **fields):
    return send(state, handler, form=form(**fields))


# --- seeing it ------------------------------------------------------------------------------


def test_a_secretary_of_the_grid_sees_the_request(client, people, visit_id):
    state = on_visit(client, people.secretary, visit_id)
    assert state.found and state.status == "received" and state.is_open
    assert state.status_label == "已收到" and state.status_tone == "warn"
    assert state.person["name"] == "王秀兰" and state.person["phone"] == "13700000031"
    assert state.person["address"] == "1栋2单元1502室" and state.person["age"] == "74岁"
    assert state.person["last_visit"] == T.NEVER_VISITED
    assert state.person_tags == [T.MOBILITY, T.DIFFICULTY]
    assert [T.REASON, "看望聊天"] in state.about and [T.WISH, "尽快"] in state.about
    assert [T.NOTE, "腿脚不好，想找人聊聊"] in state.about
    assert state.answers["visited_on"] == days(0) and state.answers["day"] == ""
    assert (state.day_min, state.day_max) == (days(0), days(60))
    assert state.visited_min == days(0)  # asked today: no visit before the request
    assert state.notice == "" and state.errors == {}


def test_a_wished_day_prefills_the_form(client, run, people):
    visit_id = ask(run, people.member, "health", day=days(2), part="eve")
    state = on_visit(client, people.secretary, visit_id)
    assert (state.answers["day"], state.answers["part"]) == (days(2), "eve")


def test_a_holiday_task_says_which_campaign(client, people):
    from huajin_pwa.models import Campaign, Visit

    with db.transaction() as session:
        campaign = Campaign(
            name="端午慰问",
            starts_on=TODAY,
            ends_on=TODAY,
            audience="all",
            created_by_id=people.staff.account_id,
        )
        session.add(campaign)
        session.flush()
        task = Visit(
            member_id=people.member.account_id,
            grid_id=people.grid1,
            source="campaign",
            campaign_id=campaign.id,
            reason="holiday",
            created_by_id=people.staff.account_id,
        )
        session.add(task)
        session.flush()
        task_id = task.id
    state = on_visit(client, people.secretary, task_id)
    assert [T.REASON, "节日慰问：端午慰问"] in state.about and state.is_campaign
    assert state.back_href == "/secretary/tasks"


def test_staff_may_open_and_arrange_any_grids_visit(client, people, visit_id):
    state = on_visit(client, people.staff, visit_id)
    assert state.found
    act(state, "schedule", **GOOD["schedule"])
    assert visit_row(visit_id).status == "scheduled"
    assert visit_row(visit_id).visitor_id == people.staff.account_id


# --- moving it on ---------------------------------------------------------------------------


def test_confirm_a_request(client, people, visit_id):
    state = on_visit(client, people.secretary, visit_id)
    assert act(state, "schedule", day=days(3), part="pm", visitor="") is None
    row = visit_row(visit_id)
    assert (row.status, row.visit_day.isoformat(), row.visit_part) == ("scheduled", days(3), "pm")
    assert row.visitor_id == people.secretary.account_id and row.version == 2
    assert state.notice == T.SCHEDULED and not state.notice_warn
    assert state.status == "scheduled" and state.is_open
    assert (state.answers["day"], state.answers["part"], state.answers["visitor"]) == (
        days(3),
        "pm",
        "",
    )
    assert [T.VISITOR, "李建华"] in state.progress
    with db.transaction() as session:
        told = session.exec(
            select(Message).where(Message.account_id == people.member.account_id)
        ).all()
    assert any(message.title == text.Visit.SCHEDULED_TITLE for message in told)


def test_reschedule_with_another_visitor(client, people, visit_id):
    state = on_visit(client, people.secretary, visit_id)
    act(state, "schedule", **GOOD["schedule"])
    key = state.form_key
    act(state, "schedule", day=days(5), part="am", visitor="139 0000 0012")
    row = visit_row(visit_id)
    assert (row.visit_day.isoformat(), row.visit_part) == (days(5), "am")
    assert row.visitor_id == people.colleague.account_id and row.version == 3
    assert state.notice == T.RESCHEDULED
    assert state.answers["visitor"] == "13900000012"  # prefilled: someone else goes
    assert state.form_key > key  # the form starts again from what is saved


def test_decline_a_request(client, people, visit_id):
    state = on_visit(client, people.secretary, visit_id)
    act(state, "decline", reason="书记这周外出学习，请下周再约")
    row = visit_row(visit_id)
    assert (row.status, row.decline_reason) == ("declined", "书记这周外出学习，请下周再约")
    assert state.notice == T.DECLINED and state.status == "declined" and not state.is_open
    assert [T.DECLINE_REASON_SHOWN, "书记这周外出学习，请下周再约"] in state.progress


def test_decline_a_scheduled_visit(client, people, visit_id):
    state = on_visit(client, people.secretary, visit_id)
    act(state, "schedule", **GOOD["schedule"])
    act(state, "decline", **GOOD["decline"])
    assert visit_row(visit_id).status == "declined"


def test_record_a_visit_done(client, people, visit_id):
    state = on_visit(client, people.secretary, visit_id)
    act(
        state,
        "record_done",
        visited_on=days(0),
        outcome="聊了家常，老人精神不错",
        help_need="需要帮忙买药",
        health_concern="血压偏高",
        study_at_home="on",
    )
    row = visit_row(visit_id)
    assert (row.status, row.visited_on.isoformat(), row.outcome) == (
        "done",
        days(0),
        "聊了家常，老人精神不错",
    )
    assert (row.help_need, row.health_concern, row.study_at_home) == (
        "需要帮忙买药",
        "血压偏高",
        True,
    )
    assert row.visitor_id == people.secretary.account_id
    assert state.notice == T.RECORDED and state.status == "done" and not state.is_open
    assert [T.OUTCOME, "聊了家常，老人精神不错"] in state.progress
    assert [T.STUDY_AT_HOME, text.Kit.YES] in state.progress
    assert state.person["last_visit"] == present.date_label(TODAY)


def test_record_a_scheduled_visit_without_follow_ups(client, people, visit_id):
    state = on_visit(client, people.secretary, visit_id)
    act(state, "schedule", day=days(0), part="am", visitor="13900000012")
    act(state, "record_done", **GOOD["record_done"])
    row = visit_row(visit_id)
    assert row.status == "done" and not row.study_at_home and row.help_need == ""
    assert row.visitor_id == people.colleague.account_id  # who was sent, not who recorded


# --- two secretaries at once ----------------------------------------------------------------


@pytest.mark.parametrize("first", HANDLERS)
@pytest.mark.parametrize("second", HANDLERS)
def test_two_secretaries_at_once_the_first_wins(client, people, visit_id, first, second):
    mine = on_visit(client, people.secretary, visit_id)
    theirs = on_visit(client, people.colleague, visit_id)
    act(mine, first, **GOOD[first])
    decided = visit_row(visit_id)
    before = snapshot()
    result = act(theirs, second, **GOOD[second])
    assert snapshot() == before  # the database holds exactly the first decision
    assert redirect_path(result) is None and script(result) is None
    status = text.Visit.STATUS[decided.status]
    if second == "record_done" and decided.status not in visits.OPEN:
        expected = W.CANNOT_RECORD.format(status=status)
    else:
        expected = W.CHANGED_BY.format(name="李建华", status=status)
    assert theirs.notice == expected and theirs.notice_warn and theirs.errors == {}
    # the second page now shows the visit as it stands, with a fresh form
    assert theirs.found and theirs.status == decided.status
    assert theirs.progress == mine.progress
    assert theirs.answers == {**mine.answers, "visitor": theirs.answers["visitor"]}


def test_after_being_told_the_second_can_act_on_what_is_now(client, people, visit_id):
    mine = on_visit(client, people.secretary, visit_id)
    theirs = on_visit(client, people.colleague, visit_id)
    act(mine, "schedule", **GOOD["schedule"])
    act(theirs, "schedule", day=days(4), part="eve", visitor="")
    assert visit_row(visit_id).visit_day.isoformat() == days(3)
    assert theirs.answers["day"] == days(3)  # the form shows the saved plan, not the stale one
    act(theirs, "schedule", day=days(4), part="eve", visitor="")
    assert visit_row(visit_id).visit_day.isoformat() == days(4)
    assert theirs.notice == T.RESCHEDULED


# --- refusals -------------------------------------------------------------------------------


def test_a_secretary_of_another_grid_is_refused(client, people, visit_id):
    state = on_visit(client, people.stranger, visit_id)
    assert not state.found and state.notice == W.NOT_YOUR_GRID and state.notice_warn
    assert state.person == {} and state.about == [] and state.progress == []
    before = snapshot()
    for handler in HANDLERS:
        state._visit_id, state._version = visit_id, 1  # the worst case: a crafted client
        assert act(state, handler, **GOOD[handler]) is None
        assert state.notice == W.NOT_YOUR_GRID and not state.found
    assert snapshot() == before and visit_row(visit_id).status == "received"


@pytest.mark.parametrize("who", ["member", "nobody"])
def test_members_and_the_signed_out_are_sent_away(client, people, visit_id, who):
    token = people.member_token if who == "member" else None
    state = client(
        SecretaryVisitState,
        token,
        path=f"/secretary/visit/{visit_id}",
        route=ROUTE,
        params={"visit_id": str(visit_id)},
    )
    home = "/" if who == "member" else "/login"
    assert redirect_path(send(state, "load")) == home and not state.found
    state._visit_id, state._version = visit_id, 1
    before = snapshot()
    for handler in HANDLERS:
        assert redirect_path(act(state, handler, **GOOD[handler])) == home
    assert snapshot() == before and state.person == {}


def test_confirming_a_cancelled_request_is_refused(client, run, people, visit_id):
    run(visits.cancel, people.member, visit_id)
    state = on_visit(client, people.secretary, visit_id)
    assert state.status == "cancelled" and not state.is_open
    before = snapshot()
    act(state, "schedule", **GOOD["schedule"])
    assert state.notice == W.CANNOT_SCHEDULE.format(status="已取消")
    act(state, "decline", **GOOD["decline"])
    assert state.notice == W.CANNOT_DECLINE.format(status="已取消")
    assert snapshot() == before and state.status == "cancelled"


def test_a_stale_page_is_told_the_member_cancelled(client, run, people, visit_id):
    state = on_visit(client, people.secretary, visit_id)
    run(visits.cancel, people.member, visit_id)
    before = snapshot()
    act(state, "schedule", **GOOD["schedule"])
    assert state.notice == W.CHANGED_BY.format(name="王秀兰", status="已取消")
    assert snapshot() == before and state.status == "cancelled" and not state.is_open


def test_completing_twice_is_refused(client, people, visit_id):
    state = on_visit(client, people.secretary, visit_id)
    act(state, "record_done", **GOOD["record_done"])
    before = snapshot()
    act(state, "record_done", visited_on=days(0), outcome="又去了一次")
    assert state.notice == W.CANNOT_RECORD.format(status="已完成") and state.notice_warn
    assert snapshot() == before and visit_row(visit_id).outcome == "聊了家常，老人精神不错"


def test_an_unknown_visit(client, people):
    for raw in ["999", "abc", "-1", "9" * 30, "²"]:
        state = on_visit(client, people.secretary, raw)
        assert not state.found and state.notice == text.Err.NOT_FOUND


# --- bad answers ----------------------------------------------------------------------------


LONG = "长"
SAID = "聊了家常"
BAD_ANSWERS = [
    ("schedule", {"day": days(-1), "part": "am"}, {"day": W.SCHEDULE_RANGE}),
    ("schedule", {"day": days(61), "part": "am"}, {"day": W.SCHEDULE_RANGE}),
    ("schedule", {"day": "明天", "part": "noon"}, {"day": W.DAY_INVALID, "part": V.PART_INVALID}),
    (
        "schedule",
        {"day": days(1), "visitor": "13800009999"},
        {"part": V.PART_INVALID, "visitor": W.VISITOR_UNKNOWN},
    ),
    (
        "schedule",
        {"day": days(1), "part": "am", "visitor": "13900000022"},
        {"visitor": W.VISITOR_UNKNOWN},
    ),
    ("decline", {"reason": ""}, {"reason": W.DECLINE_REASON_INVALID}),
    ("decline", {"reason": LONG * 201}, {"reason": W.DECLINE_REASON_INVALID}),
    ("record_done", {"visited_on": days(0), "outcome": ""}, {"outcome": W.OUTCOME_INVALID}),
    ("record_done", {"visited_on": days(0), "outcome": LONG * 501}, {"outcome": W.OUTCOME_INVALID}),
    ("record_done", {"visited_on": days(1), "outcome": SAID}, {"visited_on": W.VISITED_RANGE}),
    ("record_done", {"visited_on": days(-61), "outcome": SAID}, {"visited_on": W.VISITED_RANGE}),
    (
        "record_done",
        {"visited_on": days(-1), "outcome": SAID},
        {"visited_on": W.VISITED_BEFORE_REQUEST},
    ),
    ("record_done", {"visited_on": "", "outcome": SAID}, {"visited_on": W.DAY_INVALID}),
    (
        "record_done",
        {
            "visited_on": days(0),
            "outcome": SAID,
            "help_need": LONG * 201,
            "health_concern": LONG * 201,
        },
        {"help_need": W.FOLLOW_UP_LONG, "health_concern": W.FOLLOW_UP_LONG},
    ),
]


@pytest.mark.parametrize(("handler", "fields", "errors"), BAD_ANSWERS)
def test_bad_answers_are_shown_with_the_answers_kept(
    client, people, visit_id, handler, fields, errors
):
    state = on_visit(client, people.secretary, visit_id)
    key = state.form_key
    before = snapshot()
    result = act(state, handler, **fields)
    assert state.errors == errors and script(result) == FOCUS_ERRORS
    assert snapshot() == before and visit_row(visit_id).status == "received"
    for name, value in fields.items():
        assert state.answers[name] == value
    assert state.form_key == key  # the form is not started again: what was typed stays
    assert [item[0] for item in state.error_list] == list(errors)


def test_a_good_answer_after_a_bad_one_clears_the_errors(client, people, visit_id):
    state = on_visit(client, people.secretary, visit_id)
    act(state, "schedule", day=days(-1), part="am")
    act(state, "schedule", **GOOD["schedule"])
    assert state.errors == {} and visit_row(visit_id).status == "scheduled"


def test_junk_arguments_change_nothing(client, people, visit_id):
    state = on_visit(client, people.secretary, visit_id)
    before = snapshot()
    for handler in HANDLERS:
        for junk in [*JUNK, {"day": [days(3)], "part": {"a": "am"}, "outcome": ["好"] * 3}]:
            result = send(state, handler, form=junk)
            assert state.errors and script(result) == FOCUS_ERRORS, (handler, junk)
    assert snapshot() == before and visit_row(visit_id).status == "received"


def test_extra_fields_are_ignored(client, people, visit_id):
    state = on_visit(client, people.secretary, visit_id)
    sneaky = {**GOOD["schedule"], "status": "done", "version": "1", "member_id": "1"}
    act(state, "schedule", **sneaky)
    row = visit_row(visit_id)
    assert row.status == "scheduled" and row.member_id == people.member.account_id

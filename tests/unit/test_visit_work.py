"""The grid secretary's visit work: confirming, declining, recording, logging; who may do it;
stale pages (two secretaries racing for real: test_visit_race.py)."""

from datetime import UTC, datetime, timedelta

import pytest

from huajin_pwa import db, present, text
from huajin_pwa.models import Account, Visit
from huajin_pwa.services import visit_work, visits
from huajin_pwa.services.errors import DomainError, NotSignedIn, PermissionDenied
from tests.unit import visit_support as vs
from tests.unit.visit_support import DONE, JUNK, PLAN, TODAY, days, field_errors, refused

world = vs.world
asked = vs.asked


def schedule(run, actor, visit_id, version=1, **changes):
    return run(visit_work.schedule, actor, visit_id, version, {**PLAN, **changes})


def done(run, actor, visit_id, version=1, **changes):
    return run(visit_work.record_done, actor, visit_id, version, {**DONE, **changes})


# --- schedule --------------------------------------------------------------------------------


def test_the_secretary_confirms_a_request(run, world, asked):
    schedule(run, world.secretary, asked)
    row = vs.load(Visit, asked)
    assert (row.status, row.visit_day, row.visit_part) == ("scheduled", TODAY + timedelta(2), "pm")
    me = world.secretary.account_id
    assert (row.visitor_id, row.handled_by_id, row.version) == (me, me, 2)
    [told] = vs.messages_to(world.member.account_id, text.Visit.SCHEDULED_TITLE)
    assert told.body == text.Visit.SCHEDULED_BODY.format(
        visitor="李建华",
        day=present.date_label(TODAY + timedelta(days=2)),
        part="下午",
        reason="看望聊天",
    )
    [entry] = vs.audits("visit_scheduled")
    assert (entry.actor_id, entry.target_type, entry.target_id) == (
        world.secretary.account_id,
        "visit",
        asked,
    )


def test_moving_a_visit_tells_the_member_of_the_change(run, world, asked):
    schedule(run, world.secretary, asked)
    schedule(run, world.colleague, asked, version=2, day=days(5), part="eve")
    row = vs.load(Visit, asked)
    assert (row.visit_day, row.visit_part, row.visitor_id, row.version) == (
        TODAY + timedelta(days=5),
        "eve",
        world.colleague.account_id,
        3,
    )
    assert len(vs.messages_to(world.member.account_id, text.Visit.RESCHEDULED_TITLE)) == 1
    assert len(vs.audits("visit_scheduled")) == 2


def test_staff_act_in_any_grid(run, world):
    theirs = vs.ask(run, world.neighbour)
    schedule(run, world.staff, theirs)
    assert vs.load(Visit, theirs).visitor_id == world.staff.account_id
    done(run, world.staff, theirs, version=2)
    assert vs.load(Visit, theirs).status == "done"


@pytest.mark.parametrize("offset", [0, 1, 60])
def test_a_visit_day_from_today_to_60_days_ahead(run, world, asked, offset):
    schedule(run, world.secretary, asked, day=days(offset))
    assert vs.load(Visit, asked).visit_day == TODAY + timedelta(days=offset)


@pytest.mark.parametrize(
    ("day", "message"),
    [(days(-1), text.VisitWork.SCHEDULE_RANGE), (days(61), text.VisitWork.SCHEDULE_RANGE),
     ("", text.VisitWork.DAY_INVALID), ("下周三", text.VisitWork.DAY_INVALID),
     (None, text.VisitWork.DAY_INVALID), (["2026-06-12"], text.VisitWork.DAY_INVALID)],
)  # fmt: skip
def test_a_bad_visit_day_is_refused(run, world, asked, day, message):
    errors = field_errors(run, visit_work.schedule, world.secretary, asked, 1, {**PLAN, "day": day})
    assert errors == {"day": message}


@pytest.mark.parametrize("part", ["", "any", "night", None])
def test_a_visit_needs_a_part_of_day(run, world, asked, part):
    form = {**PLAN, "part": part}
    assert field_errors(run, visit_work.schedule, world.secretary, asked, 1, form) == {
        "part": text.Visit.PART_INVALID
    }


def test_the_visitor_may_be_a_member_or_secretary_of_the_grid(run, world, asked):
    helper = vs.add_member("郑国强")
    schedule(run, world.secretary, asked, visitor=f" {helper.phone[:3]} {helper.phone[3:]} ")
    assert vs.load(Visit, asked).visitor_id == helper.account_id
    schedule(run, world.secretary, asked, version=2, visitor=world.colleague.phone)
    assert vs.load(Visit, asked).visitor_id == world.colleague.account_id


def test_a_visitor_other_than_the_secretary_is_told_when_and_whom(run, world, asked):
    helper = vs.add_member("郑国强")
    schedule(run, world.secretary, asked, visitor=helper.phone)
    [told] = vs.messages_to(helper.account_id, text.Visit.VISITOR_TITLE)
    member = world.member
    assert told.body == text.Visit.VISITOR_BODY.format(
        secretary="李建华",
        day=present.date_label(TODAY + timedelta(days=2)),
        part="下午",
        name=member.name,
        phone=member.phone,
        reason="看望聊天",
    )
    schedule(run, world.secretary, asked, version=2)  # the secretary goes in person
    assert vs.messages_to(world.secretary.account_id, text.Visit.VISITOR_TITLE) == []


@pytest.mark.parametrize(
    "who", ["neighbour", "other_secretary", "staff", "waiting", "inactive", "unknown"]
)
def test_a_visitor_from_outside_the_grid_is_refused(run, world, asked, who):
    if who == "waiting":
        phone = vs.add_member("吴桂芳", status="pending").phone
    elif who == "inactive":
        phone = vs.add_member("郑国强").phone
        with db.transaction() as session:
            session.get(Account, vs.rows(Account)[-1].id).active = False
    elif who == "unknown":
        phone = "13012345678"
    else:
        phone = getattr(world, who).phone
    form = {**PLAN, "visitor": phone}
    assert field_errors(run, visit_work.schedule, world.secretary, asked, 1, form) == {
        "visitor": text.VisitWork.VISITOR_UNKNOWN
    }


@pytest.mark.parametrize("phone", ["abc", "1380000", "1" * 30, "２3800000000", "13800000004x"])
def test_a_garbled_visitor_phone_is_refused(run, world, asked, phone):
    form = {**PLAN, "visitor": phone}
    errors = field_errors(run, visit_work.schedule, world.secretary, asked, 1, form)
    assert errors == {"visitor": text.Field.PHONE_INVALID}


# --- decline ---------------------------------------------------------------------------------


def test_the_secretary_declines_with_a_reason(run, world, asked):
    run(visit_work.decline, world.secretary, asked, 1, "  本周网格人手不够  ")
    row = vs.load(Visit, asked)
    assert (row.status, row.decline_reason, row.handled_by_id) == (
        "declined",
        "本周网格人手不够",
        world.secretary.account_id,
    )
    [told] = vs.messages_to(world.member.account_id, text.Visit.DECLINED_TITLE)
    assert "原因：本周网格人手不够" in told.body
    [entry] = vs.audits("visit_declined")
    assert (entry.target_id, entry.detail) == (asked, "本周网格人手不够")


def test_declining_a_holiday_task_sends_the_member_nothing(run, world):
    campaign = vs.add_campaign(world.staff)
    task = vs.add_visit(world.member, world.grid1, source="campaign", campaign_id=campaign,
                        reason="holiday", status="received")  # fmt: skip
    run(visit_work.decline, world.secretary, task, 1, "本人外出探亲")
    assert vs.load(Visit, task).status == "declined"
    assert vs.messages_to(world.member.account_id, text.Visit.DECLINED_TITLE) == []
    assert [entry.target_id for entry in vs.audits("visit_declined")] == [task]


@pytest.mark.parametrize("reason", ["", "不", "不" * 201, None, ["本周不行"]])
def test_a_decline_needs_a_reason(run, world, asked, reason):
    errors = field_errors(run, visit_work.decline, world.secretary, asked, 1, reason)
    assert errors == {"reason": text.VisitWork.DECLINE_REASON_INVALID}


# --- record_done -----------------------------------------------------------------------------


def test_the_secretary_records_the_visit(run, world, asked):
    schedule(run, world.colleague, asked)
    done(run, world.secretary, asked, version=2, study_at_home="on", health_concern="血压偏高")
    row = vs.load(Visit, asked)
    assert (row.status, row.visited_on, row.outcome, row.help_need, row.health_concern) == (
        "done",
        TODAY - timedelta(days=1),
        DONE["outcome"],
        DONE["help_need"],
        "血压偏高",
    )
    assert row.study_at_home is True
    assert (row.visitor_id, row.handled_by_id, row.version) == (
        world.colleague.account_id,  # who went, as planned
        world.secretary.account_id,
        3,
    )
    [told] = vs.messages_to(world.member.account_id, text.Visit.DONE_TITLE)
    assert told.body == text.Visit.DONE_BODY.format(
        day=present.date_label(TODAY - timedelta(days=1))
    )
    assert [entry.target_id for entry in vs.audits("visit_done")] == [asked]


def test_an_unplanned_request_recorded_done_was_visited_by_the_recorder(run, world, asked):
    done(run, world.secretary, asked, help_need="", study_at_home="")
    row = vs.load(Visit, asked)
    assert (row.visitor_id, row.study_at_home, row.help_need) == (
        world.secretary.account_id,
        False,
        "",
    )


@pytest.mark.parametrize("offset", [0, -3])
def test_a_visit_day_from_the_request_day_to_today(run, world, asked, offset):
    done(run, world.secretary, asked, visited_on=days(offset))
    assert vs.load(Visit, asked).visited_on == TODAY + timedelta(days=offset)


@pytest.mark.parametrize(
    ("offset", "message"),
    [(1, text.VisitWork.VISITED_RANGE), (-4, text.VisitWork.VISITED_BEFORE_REQUEST)],
)
def test_a_visit_day_in_the_future_or_before_the_request_is_refused(
    run, world, asked, offset, message
):
    form = {**DONE, "visited_on": days(offset)}
    errors = field_errors(run, visit_work.record_done, world.secretary, asked, 1, form)
    assert errors == {"visited_on": message}


def test_visits_are_recorded_within_60_days(run, world):
    old = vs.ask(run, world.member, made=TODAY - timedelta(days=90))
    form = {**DONE, "visited_on": days(-61)}
    errors = field_errors(run, visit_work.record_done, world.secretary, old, 1, form)
    assert errors == {"visited_on": text.VisitWork.VISITED_RANGE}
    done(run, world.secretary, old, visited_on=days(-60))
    assert vs.load(Visit, old).visited_on == TODAY - timedelta(days=60)


def test_the_request_day_is_the_day_in_wuhan(run, world):
    late = vs.ask(run, world.member)  # 23:30 UTC on the 6th is 07:30 on the 7th in Wuhan
    vs.set_created(late, datetime(2026, 6, 6, 23, 30, tzinfo=UTC))
    form = {**DONE, "visited_on": "2026-06-06"}
    errors = field_errors(run, visit_work.record_done, world.secretary, late, 1, form)
    assert errors == {"visited_on": text.VisitWork.VISITED_BEFORE_REQUEST}
    done(run, world.secretary, late, visited_on="2026-06-07")


@pytest.mark.parametrize(
    ("changes", "errors"),
    [({"outcome": ""}, {"outcome": text.VisitWork.OUTCOME_INVALID}),
     ({"outcome": "好"}, {"outcome": text.VisitWork.OUTCOME_INVALID}),
     ({"outcome": "好" * 501}, {"outcome": text.VisitWork.OUTCOME_INVALID}),
     ({"help_need": "要" * 201}, {"help_need": text.VisitWork.FOLLOW_UP_LONG}),
     ({"health_concern": "要" * 201}, {"health_concern": text.VisitWork.FOLLOW_UP_LONG}),
     ({"visited_on": "昨天"}, {"visited_on": text.VisitWork.DAY_INVALID})],
)  # fmt: skip
def test_a_bad_record_is_refused(run, world, asked, changes, errors):
    form = {**DONE, **changes}
    assert field_errors(run, visit_work.record_done, world.secretary, asked, 1, form) == errors


def test_the_longest_outcome_and_follow_ups_are_kept(run, world, asked):
    long = {"outcome": "好" * 500, "help_need": "要" * 200, "health_concern": "查" * 200}
    done(run, world.secretary, asked, **long)
    row = vs.load(Visit, asked)
    assert (row.outcome, row.help_need, row.health_concern) == tuple(long.values())


# --- refusals common to every action ---------------------------------------------------------

ACTIONS = {
    "schedule": lambda visit_id: (visit_work.schedule, visit_id, 1, PLAN),
    "decline": lambda visit_id: (visit_work.decline, visit_id, 1, "本周人手不够"),
    "record_done": lambda visit_id: (visit_work.record_done, visit_id, 1, DONE),
}
CANNOT = {
    "schedule": text.VisitWork.CANNOT_SCHEDULE,
    "decline": text.VisitWork.CANNOT_DECLINE,
    "record_done": text.VisitWork.CANNOT_RECORD,
}


@pytest.mark.parametrize("action", ACTIONS)
def test_a_secretary_of_another_grid_is_refused(run, world, asked, action):
    service, *args = ACTIONS[action](asked)
    error = refused(PermissionDenied, run, service, world.other_secretary, *args)
    assert error.message == text.VisitWork.NOT_YOUR_GRID


@pytest.mark.parametrize("action", ACTIONS)
def test_members_and_the_signed_out_are_refused(run, world, asked, action):
    service, *args = ACTIONS[action](asked)
    refused(NotSignedIn, run, service, None, *args)
    for actor in (world.member, world.neighbour):
        error = refused(PermissionDenied, run, service, actor, *args)
        assert error.message == text.Err.NO_PERMISSION


@pytest.mark.parametrize("action", ACTIONS)
def test_a_crafted_visit_id_is_not_found(run, world, asked, action):
    for junk in (*JUNK, 0, 999_999):
        service, *args = ACTIONS[action](junk)
        error = refused(DomainError, run, service, world.secretary, *args)
        assert error.message == text.Err.NOT_FOUND


@pytest.mark.parametrize("action", ACTIONS)
def test_a_cancelled_request_cannot_be_acted_on(run, world, asked, action):
    run(visits.cancel, world.member, asked)
    service, visit_id, _version, *rest = ACTIONS[action](asked)
    error = refused(DomainError, run, service, world.secretary, visit_id, 2, *rest)
    assert error.message == CANNOT[action].format(status="已取消")


@pytest.mark.parametrize("action", ACTIONS)
def test_a_done_visit_cannot_be_acted_on_again(run, world, asked, action):
    done(run, world.secretary, asked)
    service, visit_id, _version, *rest = ACTIONS[action](asked)
    for version in (2, None):  # the latest page, or no version at all
        error = refused(DomainError, run, service, world.colleague, visit_id, version, *rest)
        assert error.message == CANNOT[action].format(status="已完成")


def test_completing_twice_says_so_before_judging_the_form(run, world, asked):
    done(run, world.secretary, asked)
    form = {"visited_on": "", "outcome": ""}
    error = refused(DomainError, run, visit_work.record_done, world.colleague, asked, 2, form)
    assert error.message == text.VisitWork.CANNOT_RECORD.format(status="已完成")


@pytest.mark.parametrize("action", ACTIONS)
def test_a_stale_page_is_told_who_acted(run, world, asked, action):
    schedule(run, world.secretary, asked)
    service, *args = ACTIONS[action](asked)  # the colleague's page still shows version 1
    error = refused(DomainError, run, service, world.colleague, *args)
    assert error.message == text.VisitWork.CHANGED_BY.format(name="李建华", status="已安排")


# --- log_visit -------------------------------------------------------------------------------

LOG = {"reason": "help", "visited_on": days(0), "outcome": "送去米和油"}


def test_the_secretary_logs_a_visit_nobody_asked_for(run, world):
    visit = run(visit_work.log_visit, world.secretary, world.member.account_id, LOG)
    row = vs.load(Visit, visit.id)
    assert (row.member_id, row.grid_id, row.source, row.status, row.reason) == (
        world.member.account_id,
        world.grid1,
        "logged",
        "done",
        "help",
    )
    me = world.secretary.account_id
    assert (row.visitor_id, row.created_by_id, row.handled_by_id) == (me, me, me)
    assert (row.visited_on, row.outcome) == (TODAY, "送去米和油")
    assert len(vs.messages_to(world.member.account_id, text.Visit.DONE_TITLE)) == 1
    assert [entry.target_id for entry in vs.audits("visit_logged")] == [visit.id]


def test_staff_log_visits_in_any_grid(run, world):
    visit = run(visit_work.log_visit, world.staff, world.neighbour.account_id, LOG)
    assert vs.load(Visit, visit.id).grid_id == world.grid2


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [({"reason": "holiday"}, "reason", text.Visit.REASON_INVALID),
     ({"visited_on": days(1)}, "visited_on", text.VisitWork.VISITED_RANGE),
     ({"visited_on": days(-61)}, "visited_on", text.VisitWork.VISITED_RANGE),
     ({"outcome": ""}, "outcome", text.VisitWork.OUTCOME_INVALID)],
)  # fmt: skip
def test_a_bad_log_is_refused(run, world, changes, field, message):
    form = {**LOG, **changes}
    errors = field_errors(run, visit_work.log_visit, world.secretary, world.member.account_id, form)
    assert errors == {field: message}


def test_logging_outside_ones_grid_is_refused(run, world):
    args = (world.neighbour.account_id, LOG)
    error = refused(PermissionDenied, run, visit_work.log_visit, world.secretary, *args)
    assert error.message == text.VisitWork.NOT_YOUR_GRID
    refused(PermissionDenied, run, visit_work.log_visit, world.member, *args)
    refused(NotSignedIn, run, visit_work.log_visit, None, *args)


def test_logging_for_someone_who_is_not_a_disclosed_member(run, world):
    waiting = vs.add_member("吴桂芳", status="pending").account_id
    for member_id in (world.staff.account_id, waiting, *JUNK, 0, 999_999):
        error = refused(DomainError, run, visit_work.log_visit, world.secretary, member_id, LOG)
        assert error.message == text.VisitWork.NOT_A_MEMBER

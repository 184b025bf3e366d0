"""上门看望, the member's side: asking for a visit, seeing one's visits, cancelling."""

from datetime import timedelta

import pytest

from huajin_pwa import db, present, text
from huajin_pwa.models import Account, Visit
from huajin_pwa.services import visit_work, visits
from huajin_pwa.services.errors import DomainError, NotSignedIn, PermissionDenied
from tests.unit import visit_support as vs
from tests.unit.visit_support import JUNK, TODAY, days, field_errors, refused

world = vs.world

GOOD = {"reason": "chat", "day": days(1), "part": "am", "note": "下午要去医院，上午在家"}


def request(run, actor, **changes):
    return run(visits.request_visit, actor, {**GOOD, **changes})


# --- request_visit ---------------------------------------------------------------------------


def test_a_member_asks_for_a_visit(run, world):
    visit, created = request(run, world.member)
    assert created
    row = vs.load(Visit, visit.id)
    assert (row.member_id, row.grid_id, row.source, row.reason, row.status) == (
        world.member.account_id,
        world.grid1,
        "request",
        "chat",
        "received",
    )
    assert (row.wish_day, row.wish_part, row.note) == (
        TODAY + timedelta(days=1),
        "am",
        GOOD["note"],
    )
    assert (row.created_by_id, row.handled_by_id, row.version) == (world.member.account_id, None, 1)
    [received] = vs.messages_to(world.member.account_id, text.Visit.RECEIVED_TITLE)
    assert received.body == text.Visit.RECEIVED_BODY.format(reason="看望聊天")
    when = f"{present.date_label(TODAY + timedelta(days=1))} 上午"
    for secretary in (world.secretary, world.colleague):
        [told] = vs.messages_to(secretary.account_id)
        assert told.title == text.Visit.NEW_REQUEST_TITLE
        assert told.body == text.Visit.NEW_REQUEST_BODY.format(
            name="周凤兰", reason="看望聊天", when=when
        )
        assert told.link == f"/secretary/visit/{visit.id}"
    assert vs.messages_to(world.other_secretary.account_id) == []
    assert vs.messages_to(world.staff.account_id) == []


def test_a_secretary_whose_account_is_off_is_not_told(run, world):
    with db.transaction() as session:
        session.get(Account, world.colleague.account_id).active = False
    request(run, world.member)
    assert len(vs.messages_to(world.secretary.account_id)) == 1
    assert vs.messages_to(world.colleague.account_id) == []


def test_as_soon_as_possible_has_no_day_and_no_part(run, world):
    visit, _created = request(run, world.member, day=" soon ", part="pm")
    row = vs.load(Visit, visit.id)
    assert (row.wish_day, row.wish_part) == (None, "")
    assert visits.wish_text(row) == "尽快"
    [told] = vs.messages_to(world.secretary.account_id)
    assert told.body.endswith("希望的时间：尽快。")


def test_a_day_without_a_part_of_day_means_any_time(run, world):
    visit, _created = request(run, world.member, part="")
    assert vs.load(Visit, visit.id).wish_part == "any"
    assert visits.wish_text(visit).endswith(" 全天都行")


@pytest.mark.parametrize("offset", [1, 7, 14])
def test_a_day_from_tomorrow_to_two_weeks_ahead(run, world, offset):
    visit, _created = request(run, world.member, day=days(offset))
    assert vs.load(Visit, visit.id).wish_day == TODAY + timedelta(days=offset)


@pytest.mark.parametrize("offset", [0, 15, -1, -400, 400])
def test_a_day_outside_the_window_is_refused(run, world, offset):
    errors = field_errors(run, visits.request_visit, world.member, {**GOOD, "day": days(offset)})
    assert errors == {"day": text.Visit.WISH_DAY_RANGE}


GARBLED_DAYS = [
    *("", None, "明天", "2026-6-11", "2026-06-31", "2026-13-01", "２０２６-06-11", "20260611"),
    *("2026-06-11T09", 20260611, 3.5, True, [], ["2026-06-11"], {"day": "2026-06-11"}),
]


def test_a_garbled_day_is_refused(run, world):
    for value in GARBLED_DAYS:
        errors = field_errors(run, visits.request_visit, world.member, {**GOOD, "day": value})
        assert errors == {"day": text.Visit.WISH_DAY_INVALID}, value


@pytest.mark.parametrize("reason", ["", None, "holiday", "visit", "CHAT", 1, ["chat"]])
def test_an_unknown_reason_is_refused(run, world, reason):
    errors = field_errors(run, visits.request_visit, world.member, {**GOOD, "reason": reason})
    assert errors == {"reason": text.Visit.REASON_INVALID}


@pytest.mark.parametrize("part", ["noon", "whenever", "上午", 1, 3.5])
def test_an_unknown_part_of_day_is_refused(run, world, part):
    errors = field_errors(run, visits.request_visit, world.member, {**GOOD, "part": part})
    assert errors == {"part": text.Visit.PART_INVALID}


def test_a_note_of_500_characters_is_kept_and_501_refused(run, world):
    errors = field_errors(run, visits.request_visit, world.member, {**GOOD, "note": "话" * 501})
    assert errors == {"note": text.Visit.NOTE_LONG}
    visit, _created = request(run, world.member, note=f"  {'话' * 500}  ")
    assert vs.load(Visit, visit.id).note == "话" * 500


def test_a_crafted_form_is_refused(run, world):
    for junk in JUNK:
        errors = field_errors(run, visits.request_visit, world.member, junk)
        assert errors["reason"] == text.Visit.REASON_INVALID


def test_every_bad_answer_is_reported_at_once(run, world):
    bad = {"reason": "x", "day": "tomorrow", "part": "x", "note": "话" * 501}
    assert set(field_errors(run, visits.request_visit, world.member, bad)) == set(bad)


def test_asking_on_someone_elses_behalf_is_refused(run, world):
    other = world.neighbour.account_id
    error = refused(
        PermissionDenied, run, visits.request_visit, world.member, {**GOOD, "member_id": other}
    )
    assert error.message == text.Visit.NOT_YOURS
    visit, created = request(run, world.member, member_id=world.member.account_id)
    assert created and visit.member_id == world.member.account_id


def test_a_member_without_an_approved_disclosure_is_told_to_disclose(run, world, member, admin):
    for actor in (member, admin):  # the member role (admin holds every role), no disclosure
        error = refused(DomainError, run, visits.request_visit, actor, GOOD)
        assert error.message == text.Visit.NOT_DISCLOSED


def test_someone_whose_disclosure_waits_for_review_is_refused(run, world, join):
    waiting = join.submitted("13700000033", name="吴桂芳")
    refused(PermissionDenied, run, visits.request_visit, waiting.actor(), GOOD)


def test_non_members_are_refused(run, world, actor_with):
    refused(NotSignedIn, run, visits.request_visit, None, GOOD)
    for actor in (actor_with(()), world.staff, world.secretary):
        error = refused(PermissionDenied, run, visits.request_visit, actor, GOOD)
        assert error.message == text.Err.NO_PERMISSION


def test_one_open_request_per_reason(run, world):
    first, _created = request(run, world.member)
    before = vs.snapshot()
    again, created = request(run, world.member, day=days(5), part="pm", note="再问一次")
    assert (again.id, created) == (first.id, False)
    assert (again.wish_day, again.note) == (TODAY + timedelta(days=1), GOOD["note"])
    assert vs.snapshot() == before  # no new row, no new messages
    other, created = request(run, world.member, reason="health")
    assert created and other.id != first.id
    assert run(visits.my_open_reasons, world.member) == {"chat": first.id, "health": other.id}


def test_a_scheduled_request_still_counts_as_open(run, world):
    first = vs.ask(run, world.member)
    run(visit_work.schedule, world.secretary, first, 1, {"day": days(1), "part": "am"})
    again, created = request(run, world.member)
    assert (again.id, created) == (first, False)


@pytest.mark.parametrize("ending", ["cancelled", "done", "declined"])
def test_a_new_request_once_the_first_is_over(run, world, ending):
    first = vs.ask(run, world.member)
    if ending == "cancelled":
        run(visits.cancel, world.member, first)
    elif ending == "done":
        form = {"visited_on": days(0), "outcome": "聊了家常"}
        run(visit_work.record_done, world.secretary, first, 1, form)
    else:
        run(visit_work.decline, world.secretary, first, 1, "本周人手不够")
    second, created = request(run, world.member)
    assert created and second.id != first
    assert run(visits.my_open_reasons, world.member) == {"chat": second.id}


# --- my_visits -------------------------------------------------------------------------------


def test_my_visits_shows_only_the_members_own(run, world):
    campaign = vs.add_campaign(world.staff)
    old = vs.ask(run, world.member, reason="health", made=TODAY - timedelta(days=20))
    run(visits.cancel, world.member, old)
    logged = vs.add_visit(world.member, world.grid1, visited_on=TODAY, created=TODAY)
    task_done = vs.add_visit(
        world.member, world.grid1, source="campaign", campaign_id=campaign, reason="holiday",
        visited_on=TODAY, created=TODAY - timedelta(days=2),
    )  # fmt: skip
    vs.add_visit(  # an open holiday task is the secretary's to-do, not shown to the member
        world.member, world.grid1, source="campaign", campaign_id=campaign, reason="holiday",
        status="received", created=TODAY - timedelta(days=1),
    )  # fmt: skip
    vs.add_visit(world.neighbour, world.grid2, visited_on=TODAY)
    vs.ask(run, world.neighbour)
    mine = vs.ask(run, world.member, made=TODAY - timedelta(days=30))
    run(visit_work.schedule, world.secretary, mine, 1, {"day": days(2), "part": "pm"})
    page = run(visits.my_visits, world.member)
    assert [(visit.id, name) for visit, name in page.rows] == [
        (mine, "李建华"),  # open first
        (logged, None),  # then newest first
        (task_done, None),
        (old, None),
    ]
    assert page.total == 4
    refused(PermissionDenied, run, visits.my_visits, world.secretary)


# --- cancel ----------------------------------------------------------------------------------


def test_a_member_cancels_a_received_request(run, world):
    visit_id = vs.ask(run, world.member)
    cancelled = run(visits.cancel, world.member, visit_id)
    row = vs.load(Visit, visit_id)
    assert cancelled.status == row.status == "cancelled"
    assert (row.handled_by_id, row.version) == (world.member.account_id, 2)
    [told] = vs.messages_to(world.member.account_id, text.Visit.CANCELLED_TITLE)
    assert told.body == text.Visit.CANCELLED_BODY.format(reason="看望聊天")
    for secretary in (world.secretary, world.colleague):
        [told] = vs.messages_to(secretary.account_id, text.Visit.MEMBER_CANCELLED_TITLE)
        assert told.body == text.Visit.MEMBER_CANCELLED_BODY.format(
            name="周凤兰", reason="看望聊天"
        )
    assert vs.messages_to(world.other_secretary.account_id) == []


def test_cancelling_a_scheduled_visit_tells_the_visitor(run, world):
    helper = vs.add_member("郑国强")
    visit_id = vs.ask(run, world.member)
    form = {"day": days(3), "part": "am", "visitor": helper.phone}
    run(visit_work.schedule, world.secretary, visit_id, 1, form)
    run(visits.cancel, world.member, visit_id)
    assert vs.load(Visit, visit_id).status == "cancelled"
    for account in (helper, world.secretary, world.colleague):
        assert len(vs.messages_to(account.account_id, text.Visit.MEMBER_CANCELLED_TITLE)) == 1


def test_a_secretary_going_themselves_is_told_once(run, world):
    visit_id = vs.ask(run, world.member)
    run(visit_work.schedule, world.secretary, visit_id, 1, {"day": days(3), "part": "am"})
    run(visits.cancel, world.member, visit_id)
    assert len(vs.messages_to(world.secretary.account_id, text.Visit.MEMBER_CANCELLED_TITLE)) == 1


def test_cancelling_someone_elses_request_is_refused(run, world):
    theirs = vs.ask(run, world.neighbour)
    error = refused(PermissionDenied, run, visits.cancel, world.member, theirs)
    assert error.message == text.Visit.NOT_YOURS


@pytest.mark.parametrize("source", ["logged", "campaign"])
def test_only_requests_can_be_cancelled_by_the_member(run, world, source):
    extra = {"campaign_id": vs.add_campaign(world.staff)} if source == "campaign" else {}
    visit_id = vs.add_visit(world.member, world.grid1, source=source, status="scheduled", **extra)
    error = refused(PermissionDenied, run, visits.cancel, world.member, visit_id)
    assert error.message == text.Visit.NOT_YOURS


@pytest.mark.parametrize(
    ("status", "shown"), [("done", "已完成"), ("cancelled", "已取消"), ("declined", "未能安排")]
)
def test_a_request_that_is_over_cannot_be_cancelled(run, world, status, shown):
    visit_id = vs.add_visit(world.member, world.grid1, source="request", status=status)
    error = refused(DomainError, run, visits.cancel, world.member, visit_id)
    assert error.message == text.Visit.CANNOT_CANCEL.format(status=shown)


def test_cancel_with_a_crafted_id_is_refused(run, world):
    vs.ask(run, world.member)
    for junk in (*JUNK, 0, 2**31, 999_999):
        error = refused(PermissionDenied, run, visits.cancel, world.member, junk)
        assert error.message == text.Visit.NOT_YOURS


def test_only_members_cancel(run, world):
    visit_id = vs.ask(run, world.member)
    refused(NotSignedIn, run, visits.cancel, None, visit_id)
    refused(PermissionDenied, run, visits.cancel, world.secretary, visit_id)

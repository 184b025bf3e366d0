"""Health and help records and the visit history: who may read and write them; staff reading
someone else's record is audited."""

from datetime import date, timedelta

import pytest

from huajin_pwa import text
from huajin_pwa.models import HealthRecord, HelpRecord
from huajin_pwa.services import care
from huajin_pwa.services.errors import DomainError, NotSignedIn, PermissionDenied
from tests.unit import visit_support as vs
from tests.unit.visit_support import JUNK, TODAY, days, field_errors, refused

world = vs.world

HELP = {"what": "送米面油各一袋", "given_on": days(-2), "given_by": "社区"}


def health(run, actor, member, **form):
    return run(care.set_health, actor, member.account_id, form)


# --- reading ---------------------------------------------------------------------------------


def test_the_member_reads_their_own_record_unaudited(run, world):
    view = run(care.care_view, world.member, world.member.account_id)
    assert (view.member.name, view.member.building, view.grid_name) == ("周凤兰", 1, "第一网格")
    assert (view.health, view.helps) == (None, [])
    assert vs.audits("care_record_read") == []


@pytest.mark.parametrize("reader", ["secretary", "colleague"])
def test_the_grids_secretaries_read_unaudited(run, world, reader):
    view = run(care.care_view, getattr(world, reader), world.member.account_id)
    assert view.member.member_id == world.member.account_id
    assert vs.audits("care_record_read") == []


@pytest.mark.parametrize("reader", ["staff", "admin"])
def test_staff_reading_a_record_is_audited(run, world, admin, reader):
    actor = admin if reader == "admin" else world.staff
    run(care.care_view, actor, world.neighbour.account_id)
    [entry] = vs.audits("care_record_read")
    assert (entry.actor_id, entry.target_type, entry.target_id) == (
        actor.account_id,
        "account",
        world.neighbour.account_id,
    )


READERS = {
    "care_view": care.care_view,
    "help_history": care.help_history,
    "visit_history": care.visit_history,
}


@pytest.mark.parametrize("reading", READERS)
def test_nobody_else_reads_a_record(run, world, actor_with, reading):
    service = READERS[reading]
    target = world.member.account_id
    for actor in (world.other_secretary, world.neighbour, actor_with(("leader",))):
        error = refused(PermissionDenied, run, service, actor, target)
        assert error.message == text.Care.NOT_ALLOWED
    refused(NotSignedIn, run, service, None, target)


@pytest.mark.parametrize("reading", READERS)
def test_a_record_of_no_disclosed_member_is_refused(run, world, reading):
    waiting = vs.add_member("吴桂芳", status="pending").account_id
    for member_id in (*JUNK, 0, 999_999, world.staff.account_id, waiting):
        error = refused(PermissionDenied, run, READERS[reading], world.staff, member_id)
        assert error.message == text.Care.NOT_ALLOWED


def test_the_visit_history_holds_done_visits_newest_first(run, world):
    member = world.member
    older = vs.add_visit(member, world.grid1, visited_on=TODAY - timedelta(days=30))
    newer = vs.add_visit(
        member,
        world.grid1,
        visited_on=TODAY - timedelta(days=2),
        visitor_id=world.colleague.account_id,
    )
    vs.add_visit(member, world.grid1, status="cancelled", source="request")
    vs.add_visit(member, world.grid1, status="scheduled", source="request")
    vs.add_visit(world.neighbour, world.grid2, visited_on=TODAY)
    page = run(care.visit_history, world.secretary, member.account_id)
    assert [(visit.id, name) for visit, name in page.rows] == [(newer, "何春梅"), (older, None)]
    assert run(care.visit_history, member, member.account_id).total == 2


# --- the health record -----------------------------------------------------------------------


def test_the_secretary_records_a_health_record_and_since_when(run, world):
    health(run, world.secretary, world.member, has_record="yes", since="2019-03-01")
    [row] = vs.rows(HealthRecord)
    assert (row.member_id, row.has_record, row.since, row.updated_by_id) == (
        world.member.account_id,
        True,
        date(2019, 3, 1),
        world.secretary.account_id,
    )
    health(run, world.staff, world.member, has_record="no", since="2019-03-01")
    [row] = vs.rows(HealthRecord)  # still one record, now saying no, with no date
    assert (row.has_record, row.since, row.updated_by_id) == (False, None, world.staff.account_id)
    assert [entry.actor_id for entry in vs.audits("health_record_set")] == [
        world.secretary.account_id,
        world.staff.account_id,
    ]
    view = run(care.care_view, world.member, world.member.account_id)
    assert view.health.has_record is False


def test_a_health_record_can_start_today(run, world):
    assert (
        health(run, world.secretary, world.member, has_record="yes", since=days(0)).since == TODAY
    )


@pytest.mark.parametrize(
    ("form", "errors"),
    [({}, {"has_record": text.Care.HAS_RECORD_MISSING}),
     ({"has_record": "maybe"}, {"has_record": text.Care.HAS_RECORD_MISSING}),
     ({"has_record": ["yes"]}, {"has_record": text.Care.HAS_RECORD_MISSING}),
     ({"has_record": "yes"}, {"since": text.Care.SINCE_INVALID}),
     ({"has_record": "yes", "since": days(1)}, {"since": text.Care.SINCE_INVALID}),
     ({"has_record": "yes", "since": "1999-12-31"}, {"since": text.Care.SINCE_INVALID}),
     ({"has_record": "yes", "since": "去年"}, {"since": text.Care.SINCE_INVALID})],
)  # fmt: skip
def test_a_bad_health_record_is_refused(run, world, form, errors):
    args = (world.secretary, world.member.account_id, form)
    assert field_errors(run, care.set_health, *args) == errors


def test_a_crafted_health_form_is_refused(run, world):
    for junk in JUNK:
        args = (world.secretary, world.member.account_id, junk)
        assert field_errors(run, care.set_health, *args) == {
            "has_record": text.Care.HAS_RECORD_MISSING
        }


# --- help given ------------------------------------------------------------------------------


def test_help_given_is_recorded_and_shown_newest_first(run, world):
    for n in range(7):
        form = {**HELP, "what": f"第{n}次帮扶", "given_on": days(-10 + n)}
        run(care.add_help, world.secretary if n % 2 else world.staff, world.member.account_id, form)
    helps = vs.rows(HelpRecord)
    assert (helps[0].member_id, helps[0].given_by, helps[0].recorded_by_id) == (
        world.member.account_id,
        "社区",
        world.staff.account_id,
    )
    view = run(care.care_view, world.member, world.member.account_id)
    assert [help.what for help in view.helps] == [f"第{n}次帮扶" for n in (6, 5, 4, 3, 2)]
    history = run(care.help_history, world.member, world.member.account_id)
    assert [help.what for help in history.rows] == [f"第{n}次帮扶" for n in range(6, -1, -1)]
    assert len(vs.audits("help_recorded")) == 7


def test_the_longest_and_shortest_help_answers_are_kept(run, world):
    form = {"what": "送米", "given_on": "2000-01-01", "given_by": "社" * 30}
    run(care.add_help, world.secretary, world.member.account_id, form)
    form = {"what": "米" * 100, "given_on": days(0), "given_by": "我"}
    run(care.add_help, world.secretary, world.member.account_id, form)
    assert [(row.what, row.given_on) for row in vs.rows(HelpRecord)] == [
        ("送米", date(2000, 1, 1)),
        ("米" * 100, TODAY),
    ]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [({"what": "米"}, "what", text.Care.HELP_WHAT_INVALID),
     ({"what": "米" * 101}, "what", text.Care.HELP_WHAT_INVALID),
     ({"given_on": days(1)}, "given_on", text.Care.HELP_DAY_INVALID),
     ({"given_on": "1999-12-31"}, "given_on", text.Care.HELP_DAY_INVALID),
     ({"given_on": ""}, "given_on", text.Care.HELP_DAY_INVALID),
     ({"given_by": " "}, "given_by", text.Care.HELP_BY_INVALID),
     ({"given_by": "社" * 31}, "given_by", text.Care.HELP_BY_INVALID)],
)  # fmt: skip
def test_bad_help_is_refused(run, world, changes, field, message):
    args = (world.secretary, world.member.account_id, {**HELP, **changes})
    assert field_errors(run, care.add_help, *args) == {field: message}


# --- who writes ------------------------------------------------------------------------------

WRITERS = {
    "set_health": (care.set_health, {"has_record": "no"}),
    "add_help": (care.add_help, HELP),
}


@pytest.mark.parametrize("writing", WRITERS)
def test_only_the_grids_secretaries_and_staff_write(run, world, writing):
    service, form = WRITERS[writing]
    error = refused(
        PermissionDenied, run, service, world.other_secretary, world.member.account_id, form
    )
    assert error.message == text.VisitWork.NOT_YOUR_GRID
    for member in (world.member, world.neighbour):  # not even on one's own record
        error = refused(PermissionDenied, run, service, member, world.member.account_id, form)
        assert error.message == text.Err.NO_PERMISSION
    refused(NotSignedIn, run, service, None, world.member.account_id, form)
    for actor in (world.colleague, world.staff):
        run(service, actor, world.member.account_id, form)


@pytest.mark.parametrize("writing", WRITERS)
def test_writing_for_no_disclosed_member_is_refused(run, world, writing):
    service, form = WRITERS[writing]
    for member_id in (*JUNK, 0, 999_999, world.staff.account_id):
        error = refused(DomainError, run, service, world.staff, member_id, form)
        assert error.message == text.VisitWork.NOT_A_MEMBER

"""送学上门: the list of frail members who have not studied this week, recording a delivery (a
study record "at home" and a done visit, all or nothing), and a visit with 送学上门 ticked."""

from datetime import timedelta

import pytest

from huajin_pwa import present, text
from huajin_pwa.models import StudyRecord, Visit
from huajin_pwa.services import study_branch, visit_work
from huajin_pwa.services.errors import DomainError, NotSignedIn, PermissionDenied
from tests.unit import study_branch_support as sb
from tests.unit import visit_support as vs
from tests.unit.study_support import MONDAY, TODAY, week
from tests.unit.visit_support import JUNK, days, field_errors, refused

world = sb.world
weeks = sb.weeks
T = text.StudyBranch
GOOD = {"visited_on": days(0), "note": ""}


def names(found) -> list[str]:
    return [line.member.name for line in found.lines]


@pytest.fixture
def frail(world, weeks):
    """Grid 1's frail members: 马兰芳 (never had study delivered), 高秀珍 (delivered 3 weeks ago),
    钱国强 (already studied); a frail member in grid 2; a frail pending disclosure."""
    people = {
        "马兰芳": vs.add_member("马兰芳", mobility=True),
        "高秀珍": vs.add_member("高秀珍", mobility=True),
        "钱国强": vs.add_member("钱国强", mobility=True),
        "grid2": vs.add_member("冯玉兰", grid=2, mobility=True),
    }
    vs.add_member("郑和平", mobility=True, status="pending")
    vs.add_visit(
        people["高秀珍"], world.grid1, reason="study", study_at_home=True, visited_on=week(-3)
    )
    vs.add_visit(people["马兰芳"], world.grid1, visited_on=TODAY)  # a visit, but no study
    sb.study(people["钱国强"], weeks[0], "night")
    return people


def deliver(run, actor, member, **changes):
    return run(*delivery(actor, member, **changes))


def delivery(actor, member, **changes) -> tuple:
    """The service and its arguments, for refused() and field_errors()."""
    return study_branch.record_home_study, actor, member.account_id, {**GOOD, **changes}


# --- home_study_list -------------------------------------------------------------------------


def test_frail_members_who_have_not_studied_longest_without_delivery_first(run, world, frail):
    found = run(study_branch.home_study_list, world.secretary)
    assert found.week.title == "本周的学习材料"
    assert names(found) == ["马兰芳", "高秀珍"]
    assert [line.last_home for line in found.lines] == [None, week(-3)]
    assert found.lines[0].member.last_visit == TODAY
    assert found.lines[0].member.phone == frail["马兰芳"].phone


def test_staff_see_every_grid(run, world, frail):
    found = names(run(study_branch.home_study_list, world.staff))
    assert sorted(found) == sorted(["冯玉兰", "高秀珍", "马兰芳"])
    with pytest.raises(PermissionDenied):
        run(study_branch.home_study_list, world.secretary, world.grid2)
    with pytest.raises(PermissionDenied):
        run(study_branch.home_study_list, world.member)
    with pytest.raises(NotSignedIn):
        run(study_branch.home_study_list, None)


def test_before_any_week_there_is_no_list(run, world):
    vs.add_member("马兰芳", mobility=True)
    found = run(study_branch.home_study_list, world.secretary)
    assert (found.week, found.lines, found.total) == (None, [], 0)


# --- record_home_study -----------------------------------------------------------------------


def test_a_delivery_counts_as_studied_at_home_and_as_a_visit(run, world, weeks, frail):
    member = frail["马兰芳"]
    visit = deliver(run, world.secretary, member, visited_on=days(-1))
    assert sb.records_of(member) == {weeks[0].id: "home"}
    row = vs.load(Visit, visit.id)
    assert (row.member_id, row.grid_id, row.source, row.reason, row.status) == (
        member.account_id,
        world.grid1,
        "logged",
        "study",
        "done",
    )
    assert (row.visited_on, row.study_at_home, row.outcome) == (
        TODAY - timedelta(days=1),
        True,
        "送学上门：本周的学习材料",
    )
    me = world.secretary.account_id
    assert (row.visitor_id, row.created_by_id, row.handled_by_id) == (me, me, me)
    [told] = vs.messages_to(member.account_id, T.TOLD_TITLE)
    assert told.body == T.TOLD_BODY.format(
        day=present.date_label(TODAY - timedelta(days=1)),
        secretary="李建华",
        title="本周的学习材料",
    )
    [entry] = vs.audits("study_home")
    assert (entry.actor_id, entry.target_type, entry.target_id, entry.detail) == (
        me,
        "account",
        member.account_id,
        "本周的学习材料",
    )
    assert names(run(study_branch.home_study_list, world.secretary)) == ["高秀珍"]
    studied = run(study_branch.branch_progress, world.secretary, None, "done")
    assert ("马兰芳", "home") in [(line.member.name, line.how) for line in studied.lines]


def test_the_note_becomes_the_visit_outcome(run, world, frail):
    visit = deliver(run, world.colleague, frail["高秀珍"], note="  读了要点，老人很高兴  ")
    assert vs.load(Visit, visit.id).outcome == "读了要点，老人很高兴"


def test_staff_may_record_a_delivery_in_any_grid(run, world, weeks, frail):
    deliver(run, world.staff, frail["grid2"])
    assert sb.records_of(frail["grid2"]) == {weeks[0].id: "home"}


def test_a_member_who_already_studied_is_refused_and_nothing_changes(run, world, frail):
    error = refused(DomainError, run, *delivery(world.secretary, frail["钱国强"]))
    assert error.message == T.ALREADY
    deliver(run, world.secretary, frail["马兰芳"])
    error = refused(DomainError, run, *delivery(world.colleague, frail["马兰芳"], visited_on="x"))
    assert error.message == T.ALREADY  # said before complaining about the form


def test_another_grid_is_refused(run, world, frail):
    refused(PermissionDenied, run, *delivery(world.secretary, frail["grid2"]))
    refused(PermissionDenied, run, *delivery(world.other_secretary, frail["马兰芳"]))
    refused(PermissionDenied, run, *delivery(world.member, frail["马兰芳"]))
    refused(NotSignedIn, run, *delivery(None, frail["马兰芳"]))


@pytest.mark.parametrize("member_id", [*JUNK, 0, 999_999, "3"])
def test_someone_who_is_not_a_member_is_refused(run, world, frail, member_id):
    error = refused(
        DomainError, run, study_branch.record_home_study, world.secretary, member_id, GOOD
    )
    assert error.message == text.VisitWork.NOT_A_MEMBER


def test_a_pending_member_is_refused(run, world, frail):
    pending = vs.add_member("孔令华", mobility=True, status="pending")
    refused(DomainError, run, *delivery(world.secretary, pending))


def test_nothing_to_deliver_before_a_week_is_published(run, world):
    member = vs.add_member("马兰芳", mobility=True)
    error = refused(DomainError, run, *delivery(world.secretary, member))
    assert error.message == T.NO_WEEK


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"visited_on": ""}, {"visited_on": T.DAY_INVALID}),
        ({"visited_on": "2026-13-01"}, {"visited_on": T.DAY_INVALID}),
        ({"visited_on": "２０２６-06-10"}, {"visited_on": T.DAY_INVALID}),
        ({"visited_on": days(1)}, {"visited_on": T.DAY_RANGE}),
        ({"visited_on": days(-8)}, {"visited_on": T.DAY_RANGE}),
        (
            {"visited_on": days(-3)},  # before this week's material was published (Monday)
            {"visited_on": T.DAY_BEFORE_WEEK.format(day=present.date_label(MONDAY))},
        ),
        ({"note": "很" * 201}, {"note": T.NOTE_LONG}),
        (
            {"visited_on": ["2026-06-10"], "note": "x" * 300},
            {"visited_on": T.DAY_INVALID, "note": T.NOTE_LONG},
        ),
    ],
)  # fmt: skip
def test_bad_answers_are_refused_and_nothing_changes(run, world, frail, changes, errors):
    assert field_errors(run, *delivery(world.secretary, frail["马兰芳"], **changes)) == errors


def test_a_form_that_is_not_a_form_is_refused(run, world, frail):
    for junk in JUNK:
        refused(
            DomainError,
            run,
            study_branch.record_home_study,
            world.secretary,
            frail["马兰芳"].account_id,
            junk,
        )


# --- a visit with 送学上门 ticked ----------------------------------------------------------------

LOG = {"reason": "chat", "visited_on": days(0), "outcome": "聊了家常，送了学习材料"}


def test_logging_a_visit_with_study_at_home_records_this_weeks_study(run, world, weeks):
    run(
        visit_work.log_visit,
        world.secretary,
        world.member.account_id,
        {**LOG, "study_at_home": "on"},
    )
    assert sb.records_of(world.member) == {weeks[0].id: "home"}


def test_without_the_tick_nothing_is_studied(run, world, weeks):
    run(visit_work.log_visit, world.secretary, world.member.account_id, LOG)
    assert sb.records_of(world.member) == {}


def test_a_member_who_studied_already_keeps_the_record(run, world, weeks):
    sb.study(world.member, weeks[0])
    run(
        visit_work.log_visit,
        world.secretary,
        world.member.account_id,
        {**LOG, "study_at_home": "on"},
    )
    assert sb.records_of(world.member) == {weeks[0].id: "self"}
    assert len(vs.rows(Visit)) == 1


def test_an_earlier_visit_counts_for_the_week_members_studied_then(run, world, weeks):
    form = {**LOG, "visited_on": (week(-2) + timedelta(days=3)).isoformat(), "study_at_home": "on"}
    run(visit_work.log_visit, world.secretary, world.member.account_id, form)
    assert sb.records_of(world.member) == {weeks[-2].id: "home"}


def test_before_any_week_the_visit_is_logged_without_a_study_record(run, world):
    run(
        visit_work.log_visit,
        world.secretary,
        world.member.account_id,
        {**LOG, "study_at_home": "on"},
    )
    assert len(vs.rows(Visit)) == 1 and vs.rows(StudyRecord) == []


def test_recording_a_requested_visit_with_study_at_home(run, world, weeks):
    asked = vs.ask(run, world.member, "study")
    form = {"visited_on": days(0), "outcome": "送去学习材料，一起读了", "study_at_home": "on"}
    run(visit_work.record_done, world.secretary, asked, 1, form)
    assert sb.records_of(world.member) == {weeks[0].id: "home"}
    assert vs.load(Visit, asked).study_at_home is True

"""Study sessions: the secretary ticking names and members scanning the session's code;
attending counts the week as studied; every refusal leaves the database as it was."""

from datetime import timedelta
from urllib.parse import unquote

import pytest

from huajin_pwa import text
from huajin_pwa.services import study_attendance as attendance
from huajin_pwa.services import study_member
from huajin_pwa.services.errors import DomainError, NotSignedIn, PermissionDenied
from tests.unit import study_session_support as sessions_support
from tests.unit import visit_support as vs
from tests.unit.study_session_support import attendance_rows, record_of, schedule
from tests.unit.study_support import TODAY
from tests.unit.visit_support import JUNK, add_member, audits, refused

world = vs.world
weeks = sessions_support.weeks
T = text.StudySessions

# --- ticking names --------------------------------------------------------------------------


def test_ticking_checks_members_in_and_counts_the_week_as_studied(run, world, weeks):
    night = schedule(run, world.secretary, weeks)
    day = schedule(run, world.secretary, weeks, week=str(weeks[-2].id), part="day")
    other = add_member("吴国强")
    studied = add_member("郑美华")
    run(study_member.mark_studied, studied, weeks[0].id)  # studied by themselves first
    ids = [world.member.account_id, other.account_id, studied.account_id]
    result = run(attendance.tick, world.secretary, night.id, ids)
    assert (result.added, result.removed) == (3, 0)
    assert sorted(attendance_rows()) == sorted((night.id, i, "tick") for i in ids)
    assert record_of(world.member.account_id, weeks[0].id).how == "night"
    assert record_of(studied.account_id, weeks[0].id).how == "self"  # the first record stays
    run(attendance.tick, world.secretary, day.id, [other.account_id])
    assert record_of(other.account_id, weeks[-2].id).how == "group"
    again = run(attendance.tick, world.secretary, night.id, ids)
    assert again.added == 0 and len(attendance_rows()) == 4
    assert [entry.detail for entry in audits("study_attendance_ticked")] == ["3", "1"]


def test_staff_tick_in_any_grid(run, world, weeks):
    made = schedule(run, world.staff, weeks, grid=str(world.grid2))
    run(attendance.tick, world.staff, made.id, [world.neighbour.account_id])
    assert attendance_rows() == [(made.id, world.neighbour.account_id, "tick")]


def test_a_secretary_cannot_tick_in_another_grid(run, world, weeks):
    made = schedule(run, world.staff, weeks, grid=str(world.grid2))
    error = refused(
        PermissionDenied,
        run,
        attendance.tick,
        world.secretary,
        made.id,
        [world.neighbour.account_id],
    )
    assert error.message == "不能为其他网格登记出勤"


def test_a_member_of_another_grid_cannot_be_ticked_and_nothing_is_half_saved(run, world, weeks):
    made = schedule(run, world.secretary, weeks)
    ids = [world.member.account_id, world.neighbour.account_id]
    error = refused(DomainError, run, attendance.tick, world.secretary, made.id, ids)
    assert error.message == T.NOT_IN_GRID
    pending = add_member("还在审核", status="pending")
    refused(DomainError, run, attendance.tick, world.secretary, made.id, [pending.account_id])
    refused(DomainError, run, attendance.tick, world.secretary, made.id, [999999])


@pytest.mark.parametrize(
    "junk", [*JUNK[:3], [True], [0], [-4], ["1e3"], [2**40], list(range(2001))]
)
def test_junk_names_are_refused(run, world, weeks, junk):
    made = schedule(run, world.secretary, weeks)
    error = refused(DomainError, run, attendance.tick, world.secretary, made.id, junk)
    assert error.message in (T.BAD_NAMES, T.NOT_IN_GRID)


def test_unknown_sessions_and_members_are_refused(run, world, weeks):
    for junk in [*JUNK, 999999]:
        refused(DomainError, run, attendance.tick, world.secretary, junk, [1])
    made = schedule(run, world.secretary, weeks)
    refused(PermissionDenied, run, attendance.tick, world.member, made.id, [1])
    refused(NotSignedIn, run, attendance.tick, None, made.id, [1])


def test_a_session_to_come_cannot_be_ticked_yet(run, world, weeks):
    made = schedule(run, world.secretary, weeks, held_on=TODAY + timedelta(days=1))
    error = refused(
        DomainError, run, attendance.tick, world.secretary, made.id, [world.member.account_id]
    )
    assert error.message == T.NOT_YET


def test_a_past_session_can_be_filled_in_later(run, world, weeks):
    made = schedule(run, world.secretary, weeks, held_on=TODAY - timedelta(days=2))
    assert run(attendance.tick, world.secretary, made.id, [world.member.account_id]).added == 1


def test_a_tick_can_be_taken_back_on_the_day_only_and_not_a_scan(run, world, weeks):
    made = schedule(run, world.secretary, weeks)
    other = add_member("吴国强")
    run(attendance.tick, world.secretary, made.id, [other.account_id])
    run(attendance.check_in, world.member, made.token)
    ids = [other.account_id, world.member.account_id]
    result = run(attendance.untick, world.secretary, made.id, ids)
    assert result.removed == 1
    assert attendance_rows() == [(made.id, world.member.account_id, "scan")]
    assert record_of(other.account_id, weeks[0].id).how == "night"  # the record stays
    run(attendance.tick, world.secretary, made.id, [other.account_id])
    world.move(TODAY + timedelta(days=1))
    error = refused(DomainError, run, attendance.untick, world.secretary, made.id, ids)
    assert error.message == T.UNTICK_SAME_DAY
    refused(PermissionDenied, run, attendance.untick, world.other_secretary, made.id, ids)


# --- scanning in ----------------------------------------------------------------------------


def test_a_member_scans_in_once_and_a_repeat_says_so(run, world, weeks):
    made = schedule(run, world.secretary, weeks)
    first = run(attendance.check_in, world.member, made.token)
    assert first.created and first.title == T.CHECKED_IN
    assert "6月10日 周三" in first.message and "夜学" in first.message
    assert attendance_rows() == [(made.id, world.member.account_id, "scan")]
    assert record_of(world.member.account_id, weeks[0].id).how == "night"
    before = vs.snapshot()
    again = run(attendance.check_in, world.member, made.token)
    assert not again.created and again.title == T.ALREADY == "您已经签到过了"
    assert vs.snapshot() == before
    world.move(TODAY + timedelta(days=1))  # already in: still told so the next day
    assert run(attendance.check_in, world.member, made.token).title == T.ALREADY


def test_a_day_session_counts_as_group_study(run, world, weeks):
    made = schedule(run, world.secretary, weeks, part="day")
    run(attendance.check_in, world.member, made.token)
    assert record_of(world.member.account_id, weeks[0].id).how == "group"


@pytest.mark.parametrize(
    "token",
    ["", "x" * 32, "A" * 43, "../../etc", "A" * 44, None, 5, ["a"], {"t": 1}, "²" * 32],
)
def test_a_forged_code_is_invalid(run, world, weeks, token):
    schedule(run, world.secretary, weeks)
    error = refused(DomainError, run, attendance.check_in, world.member, token)
    assert error.message == "这个签到码无效"


def test_another_grids_code_is_refused(run, world, weeks):
    theirs = schedule(run, world.staff, weeks, grid=str(world.grid2))
    error = refused(DomainError, run, attendance.check_in, world.member, theirs.token)
    assert error.message == "这是其他网格的学习，不能在这里签到"
    assert run(attendance.check_in, world.neighbour, theirs.token).created


@pytest.mark.parametrize("days", [-1, 1, 5])
def test_codes_work_on_the_day_of_the_session_only(run, world, weeks, days):
    made = schedule(run, world.secretary, weeks, held_on=TODAY + timedelta(days=days))
    error = refused(DomainError, run, attendance.check_in, world.member, made.token)
    assert error.message == "签到只在学习当天有效"


def test_only_approved_members_scan_in(run, world, weeks):
    made = schedule(run, world.secretary, weeks)
    refused(PermissionDenied, run, attendance.check_in, world.secretary, made.token)
    refused(NotSignedIn, run, attendance.check_in, None, made.token)


def test_the_qr_code_is_an_svg_image():
    uri = attendance.qr_svg("https://example.org/study/checkin/abc")
    assert uri.startswith("data:image/svg+xml")
    svg = unquote(uri.split(",", 1)[1])
    assert svg.startswith("<svg") and "viewBox" in svg
    assert "fill='#fff'" in svg and "stroke='#000'" in svg

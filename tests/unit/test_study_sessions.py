"""Study sessions (集中学习, 夜学): scheduling, the list, the roster, ticking names, and members
scanning the session's code; every refusal leaves the database as it was."""

from datetime import timedelta
from urllib.parse import unquote

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import StudyAttendance, StudyRecord, StudySession
from huajin_pwa.services import study_attendance as attendance
from huajin_pwa.services import study_member, study_sessions
from huajin_pwa.services.errors import DomainError, FormError, NotSignedIn, PermissionDenied
from tests.unit import visit_support as vs
from tests.unit.study_support import MONDAY, TODAY, count_queries, week, write
from tests.unit.visit_support import JUNK, add_member, audits, field_errors, refused, rows

world = vs.world
T = text.StudySessions


@pytest.fixture
def weeks(run, world):
    """This week and two weeks ago published; next week published on its Monday (ahead)."""
    return {
        0: write(run, world.staff, MONDAY),
        -2: write(run, world.staff, week(-2)),
        1: write(run, world.staff, week(1)),
        -10: write(run, world.staff, week(-10)),
    }


def plan(weeks, day=TODAY, **changes) -> dict:
    """A good form for a 夜学 session of this week's material."""
    return {
        "week": str(weeks[0].id),
        "held_on": day.isoformat(),
        "part": "night",
        "starts_at": "19:30",
        "place": "社区党群服务中心二楼",
        **changes,
    }


def schedule(run, actor, weeks, **changes) -> StudySession:
    return run(study_sessions.schedule, actor, plan(weeks, **changes))


def attendance_rows() -> list[tuple[int, int, str]]:
    return [(row.session_id, row.member_id, row.via) for row in rows(StudyAttendance)]


def record_of(member_id: int, week_id: int) -> StudyRecord | None:
    with db.transaction() as session:
        return session.exec(
            select(StudyRecord).where(
                StudyRecord.member_id == member_id, StudyRecord.week_id == week_id
            )
        ).first()


# --- scheduling -----------------------------------------------------------------------------


def test_a_secretary_of_one_grid_schedules_a_night_session_in_it(run, world, weeks):
    made = schedule(run, world.secretary, weeks)
    assert (made.grid_id, made.week_id, made.held_on) == (world.grid1, weeks[0].id, TODAY)
    assert (made.part, made.starts_at, made.place) == ("night", "19:30", "社区党群服务中心二楼")
    assert len(made.token) == 32 and made.created_by_id == world.secretary.account_id
    other = schedule(run, world.secretary, weeks, starts_at="", part="day")
    assert other.token != made.token and other.starts_at == ""
    assert [entry.target_id for entry in audits("study_session_scheduled")] == [made.id, other.id]


def test_staff_must_say_which_grid_and_may_choose_any(run, world, weeks):
    assert field_errors(run, study_sessions.schedule, world.staff, plan(weeks)) == {
        "grid": T.GRID_MISSING
    }
    made = schedule(run, world.staff, weeks, grid=str(world.grid2))
    assert made.grid_id == world.grid2


def test_a_secretary_cannot_plan_for_another_grid(run, world, weeks):
    error = refused(
        PermissionDenied,
        run,
        study_sessions.schedule,
        world.secretary,
        plan(weeks, grid=str(world.grid2)),
    )
    assert error.message == T.NOT_YOUR_GRID_PLAN


@pytest.mark.parametrize("who", ["member", "neighbour", None])
def test_members_and_strangers_cannot_plan(run, world, weeks, who):
    actor = getattr(world, who) if who else None
    error_type = NotSignedIn if who is None else PermissionDenied
    refused(error_type, run, study_sessions.schedule, actor, plan(weeks))


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"week": ""}, {"week": T.WEEK_MISSING}),
        ({"week": "999999"}, {"week": T.WEEK_MISSING}),
        ({"held_on": "2026-6-1"}, {"held_on": T.DAY_INVALID}),
        ({"held_on": "2026-02-30"}, {"held_on": T.DAY_INVALID}),
        ({"held_on": (TODAY - timedelta(days=8)).isoformat()}, {"held_on": T.DAY_RANGE}),
        ({"held_on": (TODAY + timedelta(days=61)).isoformat()}, {"held_on": T.DAY_RANGE}),
        ({"part": "evening"}, {"part": T.PART_INVALID}),
        ({"starts_at": "7:30"}, {"starts_at": T.TIME_INVALID}),
        ({"starts_at": "24:00"}, {"starts_at": T.TIME_INVALID}),
        ({"place": "楼"}, {"place": T.PLACE_INVALID}),
        ({"place": "楼" * 61}, {"place": T.PLACE_INVALID}),
        (
            {"week": "", "part": "", "place": "", "held_on": ""},
            {
                "week": T.WEEK_MISSING,
                "held_on": T.DAY_INVALID,
                "part": T.PART_INVALID,
                "place": T.PLACE_INVALID,
            },
        ),
    ],
)
def test_bad_answers_are_refused_field_by_field(run, world, weeks, changes, errors):
    assert field_errors(run, study_sessions.schedule, world.secretary, plan(weeks, **changes)) == (
        errors
    )


def test_the_week_must_be_published_by_the_day_and_near_it(run, world, weeks):
    soon = TODAY + timedelta(days=1)
    too_early = plan(weeks, day=soon, week=str(weeks[1].id))  # next week's comes out on its Monday
    assert field_errors(run, study_sessions.schedule, world.secretary, too_early) == {
        "week": T.WEEK_NOT_READY
    }
    on_monday = schedule(run, world.secretary, weeks, week=str(weeks[1].id), held_on=week(1))
    assert on_monday.week_id == weeks[1].id
    far = plan(weeks, week=str(weeks[-10].id))
    assert field_errors(run, study_sessions.schedule, world.secretary, far) == {"week": T.WEEK_FAR}


@pytest.mark.parametrize("junk", JUNK)
def test_junk_forms_are_refused(run, world, weeks, junk):
    refused(FormError, run, study_sessions.schedule, world.secretary, junk)
    refused(FormError, run, study_sessions.schedule, world.secretary, plan(weeks, week=junk))


def test_the_weeks_to_choose_are_published_and_recent(run, world, weeks):
    found = run(study_sessions.weeks_to_choose, world.secretary)
    assert [w.id for w in found] == [weeks[0].id, weeks[-2].id]


# --- the list -------------------------------------------------------------------------------


def test_coming_sessions_first_soonest_first_then_past_latest_first(run, world, weeks):
    days = [-3, 5, 0, -1, 12]
    made = {
        n: schedule(
            run,
            world.secretary,
            weeks,
            held_on=TODAY + timedelta(days=n),
            week=str(weeks[0 if n > -3 else -2].id),
        )
        for n in days
    }
    schedule(run, world.staff, weeks, grid=str(world.grid2))
    member = add_member("吴国强")
    run(attendance.tick, world.secretary, made[0].id, [world.member.account_id, member.account_id])
    found = run(study_sessions.grid_sessions, world.secretary, 1)
    assert [line.session.id for line in found.rows] == [made[n].id for n in (0, 5, 12, -1, -3)]
    assert [line.attended for line in found.rows] == [2, 0, 0, 0, 0]
    assert found.rows[0].week_title == weeks[0].title and found.rows[0].grid_name == "第一网格"
    everyone = run(study_sessions.grid_sessions, world.staff, 1)
    assert everyone.total == 6
    assert run(study_sessions.grid_sessions, world.staff, 1, world.grid2).total == 1


def test_the_list_costs_the_same_for_2_and_30_sessions(run, world, weeks, engine):
    for _ in range(2):
        schedule(run, world.secretary, weeks)
    small, _found = count_queries(
        engine, lambda: run(study_sessions.grid_sessions, world.secretary, 1)
    )
    for _ in range(28):
        schedule(run, world.secretary, weeks)
    large, found = count_queries(
        engine, lambda: run(study_sessions.grid_sessions, world.secretary, 2)
    )
    assert small == large and found.total == 30 and len(found.rows) == 10


def test_the_list_refuses_members_and_other_grids(run, world, weeks):
    refused(PermissionDenied, run, study_sessions.grid_sessions, world.member, 1)
    refused(PermissionDenied, run, study_sessions.grid_sessions, world.secretary, 1, world.grid2)


# --- the roster -----------------------------------------------------------------------------


def test_the_roster_lists_every_member_of_the_grid_by_name_and_how_they_came(run, world, weeks):
    made = schedule(run, world.secretary, weeks)
    came = add_member("吴国强")
    add_member("别处的人", grid=2)
    add_member("还在审核", status="pending")
    run(attendance.tick, world.secretary, made.id, [came.account_id])
    run(attendance.check_in, world.member, made.token)
    found = run(study_sessions.roster, world.secretary, made.id)
    assert found.session.id == made.id and found.week.id == weeks[0].id
    assert found.grid_name == "第一网格"
    expected = sorted([("吴国强", "tick"), ("周凤兰", "scan")])
    assert [(line.name, line.via) for line in found.lines] == expected
    assert found.present == 2


def test_the_roster_costs_the_same_for_2_and_30_members(run, world, weeks, engine):
    made = schedule(run, world.secretary, weeks)
    add_member("成员一")
    small, found = count_queries(
        engine, lambda: run(study_sessions.roster, world.secretary, made.id)
    )
    assert len(found.lines) == 2
    extra = [add_member(f"成员{n:02d}") for n in range(28)]
    run(attendance.tick, world.secretary, made.id, [m.account_id for m in extra[:10]])
    large, found = count_queries(
        engine, lambda: run(study_sessions.roster, world.secretary, made.id)
    )
    assert len(found.lines) == 30 and found.present == 10
    assert small == large <= 2


def test_the_roster_of_another_grid_or_no_session_is_refused(run, world, weeks):
    made = schedule(run, world.secretary, weeks)
    error = refused(PermissionDenied, run, study_sessions.roster, world.other_secretary, made.id)
    assert error.message == T.NOT_YOUR_SESSION
    refused(PermissionDenied, run, study_sessions.roster, world.member, made.id)
    for junk in [*JUNK, 10**6]:
        assert refused(DomainError, run, study_sessions.roster, world.staff, junk).message == (
            T.NOT_FOUND
        )


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

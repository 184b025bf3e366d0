"""Study sessions (集中学习, 夜学): scheduling, the list and the roster; every refusal leaves
the database as it was (attendance: test_study_attendance.py)."""

from datetime import timedelta

import pytest

from huajin_pwa import text
from huajin_pwa.services import study_attendance as attendance
from huajin_pwa.services import study_sessions
from huajin_pwa.services.errors import DomainError, FormError, NotSignedIn, PermissionDenied
from tests.unit import study_session_support as sessions_support
from tests.unit import visit_support as vs
from tests.unit.study_session_support import plan, schedule
from tests.unit.study_support import TODAY, count_queries, week
from tests.unit.visit_support import JUNK, add_member, audits, field_errors, refused

world = vs.world
weeks = sessions_support.weeks
T = text.StudySessions

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

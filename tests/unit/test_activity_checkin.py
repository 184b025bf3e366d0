"""Activity check-in: scanning the QR link (once; walk-ins on a free seat), the leader's ticks,
the roster and the counts; every refusal leaves the database as it was."""

from datetime import timedelta

import pytest

from huajin_pwa import text
from huajin_pwa.models import ActivitySignup
from huajin_pwa.services import activity_checkin as checkin
from huajin_pwa.services import study_attendance
from huajin_pwa.services.errors import DomainError, NotSignedIn, PermissionDenied
from tests.states.helpers import snapshot
from tests.unit import activity_checkin_support as support
from tests.unit import activity_support
from tests.unit.activity_checkin_support import ENDS, STARTED, add_activity, seats, signups
from tests.unit.activity_support import person, seat
from tests.unit.study_support import count_queries
from tests.unit.visit_support import JUNK, audits, load, refused

world = support.world
fixed_now = activity_support.fixed_now
T = text.ActivityCheckin
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华"  # 28 more people


# --- scanning -------------------------------------------------------------------------------


def test_a_signed_up_member_is_checked_in_once(run, world):
    result = run(checkin.check_in, world.member, world.activity.token)
    assert (result.created, result.walk_in, result.title) == (True, False, T.CHECKED_IN)
    assert "老红帽路口引导" in result.message
    assert signups(world.activity.id)[world.member.account_id] == ("signed", "scan", True)
    first = load(ActivitySignup, world.signups["member"]).checked_in_at
    before = snapshot()
    again = run(checkin.check_in, world.member, " " + world.activity.token + " ")
    assert (again.created, again.title) == (False, T.ALREADY)
    assert snapshot() == before
    assert load(ActivitySignup, world.signups["member"]).checked_in_at == first
    assert seats(world.activity.id) == 2


def test_a_walk_in_takes_a_free_seat(run, world):
    result = run(checkin.check_in, world.walker, world.activity.token)
    assert (result.created, result.walk_in) == (True, True)
    assert signups(world.activity.id)[world.walker.account_id] == ("signed", "scan", True)
    assert seats(world.activity.id) == 3
    assert run(checkin.check_in, world.walker, world.activity.token).title == T.ALREADY


def test_a_walk_in_is_told_when_it_is_full(run, world, session):
    other = person(session, 7, name="周红")
    run(checkin.check_in, world.walker, world.activity.token)  # the last seat
    error = refused(DomainError, run, checkin.check_in, other, world.activity.token)
    assert error.message == T.FULL


def test_waiting_and_cancelled_people_walk_in_on_a_free_seat_or_are_told_it_is_full(
    run, world, session
):
    waiting = seat(session, world.activity, world.walker.account_id, "waiting")
    gone = person(session, 8, name="吴芳")
    seat(session, world.activity, gone.account_id, "cancelled")
    assert run(checkin.check_in, world.walker, world.activity.token).walk_in
    assert signups(world.activity.id)[world.walker.account_id] == ("signed", "scan", True)
    assert load(ActivitySignup, waiting.id).status == "signed"
    error = refused(DomainError, run, checkin.check_in, gone, world.activity.token)
    assert error.message == T.FULL
    assert signups(world.activity.id)[gone.account_id] == ("cancelled", "", False)


@pytest.mark.parametrize("junk", [*JUNK, "x" * 32, "activity-token-999999999", "../" * 10])
def test_forged_and_unknown_links_are_refused(run, world, junk):
    error = refused(DomainError, run, checkin.check_in, world.member, junk)
    assert error.message == T.INVALID_CODE


def test_a_link_of_a_cancelled_activity_is_refused(run, world, session):
    world.activity.status = "cancelled"
    session.add(world.activity)
    session.commit()
    error = refused(DomainError, run, checkin.check_in, world.member, world.activity.token)
    assert error.message == T.CANCELLED


def test_scanning_opens_an_hour_before_the_start_and_closes_at_the_end(run, world, fixed_now):
    fixed_now(STARTED - timedelta(minutes=61))
    error = refused(DomainError, run, checkin.check_in, world.member, world.activity.token)
    assert error.message.startswith("还没到签到时间")
    fixed_now(ENDS + timedelta(minutes=1))
    error = refused(DomainError, run, checkin.check_in, world.member, world.activity.token)
    assert error.message.startswith("活动已经结束")
    fixed_now(STARTED - timedelta(minutes=60))
    assert run(checkin.check_in, world.member, world.activity.token).created
    fixed_now(ENDS)
    assert run(checkin.check_in, world.crew, world.activity.token).created
    fixed_now(ENDS + timedelta(hours=1))  # already checked in: said so, even afterwards
    assert run(checkin.check_in, world.member, world.activity.token).title == T.ALREADY


def test_members_only_activities_refuse_people_without_the_member_role(run, world, session):
    closed = add_activity(session, world.activity.team_id, audience="members", title="党员学习会")
    error = refused(PermissionDenied, run, checkin.check_in, world.resident, closed.token)
    assert error.message == T.MEMBERS_ONLY
    assert run(checkin.check_in, world.walker, closed.token).walk_in
    assert run(checkin.check_in, world.resident, world.activity.token).walk_in  # public


def test_signed_out_phones_are_refused(run, world):
    refused(NotSignedIn, run, checkin.check_in, None, world.activity.token)


# --- the leader's ticks ---------------------------------------------------------------------


def test_the_leader_ticks_and_unticks_names(run, world):
    ids = [world.signups["member"], world.signups["crew"]]
    run(checkin.check_in, world.member, world.activity.token)
    assert run(checkin.tick, world.leader, world.activity.id, ids).changed == 1
    assert signups(world.activity.id)[world.member.account_id] == ("signed", "scan", True)
    assert signups(world.activity.id)[world.crew.account_id] == ("signed", "tick", True)
    assert run(checkin.tick, world.leader, world.activity.id, [str(ids[1])]).changed == 0
    assert [entry.detail for entry in audits("activity_checkin_ticked")] == [f"{ids[0]},{ids[1]}"]
    assert run(checkin.untick, world.leader, world.activity.id, ids).changed == 2
    assert signups(world.activity.id)[world.member.account_id] == ("signed", "", False)
    assert run(checkin.untick, world.leader, world.activity.id, ids).changed == 0
    assert len(audits("activity_checkin_unticked")) == 1
    assert run(checkin.tick, world.staff, world.activity.id, []).changed == 0
    assert run(checkin.tick, world.staff, world.activity.id, ids[:1]).changed == 1


def test_only_the_teams_leader_or_staff_may_tick(run, world):
    ids = [world.signups["crew"]]
    for who in (world.other_leader, world.member, world.resident):
        error = refused(PermissionDenied, run, checkin.tick, who, world.activity.id, ids)
        assert error.message == text.TeamWords.NOT_LEADER
        refused(PermissionDenied, run, checkin.untick, who, world.activity.id, ids)
    refused(NotSignedIn, run, checkin.tick, None, world.activity.id, ids)
    for junk in [*JUNK, 999999]:
        refused(DomainError, run, checkin.tick, world.leader, junk, ids)


@pytest.mark.parametrize(
    "junk", [*JUNK[:3], [True], [0], [-4], ["1e3"], [2**40], [None], [1.0], list(range(1, 1002))]
)
def test_junk_name_lists_are_refused(run, world, junk):
    for service in (checkin.tick, checkin.untick):
        error = refused(DomainError, run, service, world.leader, world.activity.id, junk)
        assert error.message in (T.BAD_NAMES, T.NOT_ON_LIST)


def test_names_not_signed_up_for_this_activity_are_refused_and_nothing_is_half_saved(
    run, world, session
):
    other = add_activity(session, world.activity.team_id, title="另一个活动")
    elsewhere = seat(session, other, world.walker.account_id).id
    waiting = seat(session, world.activity, world.resident.account_id, "waiting").id
    for stranger in (elsewhere, waiting, 999999):
        ids = [world.signups["crew"], stranger]
        error = refused(DomainError, run, checkin.tick, world.leader, world.activity.id, ids)
        assert error.message == T.NOT_ON_LIST


def test_ticking_opens_an_hour_before_and_stays_open_after_the_end(run, world, fixed_now):
    ids = [world.signups["crew"]]
    fixed_now(STARTED - timedelta(minutes=61))
    error = refused(DomainError, run, checkin.tick, world.leader, world.activity.id, ids)
    assert error.message == T.TICK_NOT_YET
    fixed_now(ENDS + timedelta(days=3))
    assert run(checkin.tick, world.leader, world.activity.id, ids).changed == 1


def test_confirmed_hours_lock_the_check_in(run, world, session):
    row = session.get(ActivitySignup, world.signups["crew"])
    row.checked_in_at, row.check_in_via = STARTED, "tick"
    row.service_minutes, row.hours_confirmed_at = 120, ENDS
    session.add(row)
    session.commit()
    for service in (checkin.tick, checkin.untick):
        ids = [world.signups["member"], world.signups["crew"]]
        error = refused(DomainError, run, service, world.leader, world.activity.id, ids)
        assert error.message == T.HOURS_LOCKED


def test_a_cancelled_activity_cannot_be_ticked(run, world, session):
    world.activity.status = "cancelled"
    session.add(world.activity)
    session.commit()
    ids = [world.signups["crew"]]
    error = refused(DomainError, run, checkin.tick, world.leader, world.activity.id, ids)
    assert error.message == T.TICK_CANCELLED


# --- the roster and the counts --------------------------------------------------------------


def test_the_roster_names_everyone_signed_up_and_how_they_came(run, world, session):
    seat(session, world.activity, world.resident.account_id, "waiting")
    run(checkin.check_in, world.member, world.activity.token)
    found = run(checkin.roster, world.leader, world.activity.id)
    assert found.team_name == "老红帽" and found.can_tick
    assert [(line.name, line.via, line.locked) for line in found.lines] == sorted(
        [("李秀兰", "scan", False), ("陈国华", "", False)]
    )
    assert (found.counts.signed, found.counts.present, found.counts.waiting) == (2, 1, 1)
    assert run(checkin.live_counts, world.staff, world.activity.id) == found.counts
    refused(PermissionDenied, run, checkin.roster, world.other_leader, world.activity.id)
    refused(PermissionDenied, run, checkin.live_counts, world.member, world.activity.id)


def test_the_counts_are_one_statement_and_the_roster_a_fixed_number(engine, run, world, session):
    def cost(action):
        return count_queries(engine, lambda: run(action, world.leader, world.activity.id))[0]

    small = (cost(checkin.roster), cost(checkin.live_counts))
    assert count_queries(engine, lambda: run(checkin.counts, world.activity.id))[0] == 1
    world.activity.capacity = 40
    session.add(world.activity)
    session.commit()
    for n, surname in enumerate(SURNAMES, start=10):
        row = seat(session, world.activity, person(session, n, name=surname + "阿姨").account_id)
        if n % 2:
            run(checkin.tick, world.leader, world.activity.id, [row.id])
    assert (cost(checkin.roster), cost(checkin.live_counts)) == small
    assert count_queries(engine, lambda: run(checkin.counts, world.activity.id))[0] == 1
    assert len(run(checkin.roster, world.leader, world.activity.id).lines) == 30


def test_the_qr_code_is_the_study_one_and_holds_the_link():
    assert checkin.qr_svg is study_attendance.qr_svg
    assert checkin.checkin_path("abc") == "/activities/checkin/abc"
    assert checkin.qr_svg("http://x/activities/checkin/abc").startswith("data:image/svg+xml")

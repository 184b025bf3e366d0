"""Signing up, the waiting list and cancelling: every rule and refusal, refusals leaving the
database as it was; a cancelled seat goes to the first person waiting, who is told."""

from datetime import timedelta

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Activity, AuditEntry
from huajin_pwa.services import signups
from huajin_pwa.services.errors import DomainError, NotSignedIn
from tests.states.helpers import snapshot
from tests.unit import activity_support as sup
from tests.unit.activity_support import fresh, make_activity, seat, signup_of
from tests.unit.team_support import make_team, messages_to

R = text.SignupRules
fixed_now = sup.fixed_now


@pytest.fixture
def world(session, community, fast_hashing, fixed_now):
    class World:
        pass

    w = World()
    w.member = sup.person(session, 1, name="党员甲")
    w.other = sup.person(session, 2, name="党员乙")
    w.third = sup.person(session, 3, name="党员丙")
    w.resident = sup.person(session, 4, roles=(), name="居民丁")
    w.team = make_team(session, "爱之翼")
    return w


def refused(run, service, actor, activity_id, message):
    before = snapshot()
    with pytest.raises(DomainError) as error:
        run(service, actor, activity_id)
    assert error.value.message == message
    assert snapshot() == before


def test_sign_up_takes_a_seat(run, session, world):
    activity = make_activity(session, world.team.id, capacity=2)
    row = run(signups.sign_up, world.member, str(activity.id))
    assert (row.status, row.account_id) == ("signed", world.member.account_id)
    assert fresh(Activity, activity.id).seats_taken == 1
    run(signups.sign_up, world.resident, activity.id)  # residents join public activities
    assert fresh(Activity, activity.id).seats_taken == 2


def test_sign_up_refusals_change_nothing(run, session, world, fixed_now):
    full = make_activity(session, world.team.id, capacity=1)
    seat(session, full, world.other.account_id)
    mine = make_activity(session, world.team.id)
    seat(session, mine, world.member.account_id)
    waiting = make_activity(session, world.team.id, capacity=1)
    seat(session, waiting, world.other.account_id)
    seat(session, waiting, world.member.account_id, "waiting")
    members = make_activity(session, world.team.id, audience="members")
    cancelled = make_activity(session, world.team.id, status="cancelled")
    started = make_activity(session, world.team.id, starts_in=-timedelta(minutes=1))
    ended = make_activity(session, world.team.id, starts_in=-timedelta(hours=5))
    cases = [
        (world.member, full.id, R.FULL),
        (world.member, mine.id, R.ALREADY_SIGNED),
        (world.member, waiting.id, R.ALREADY_WAITING),
        (world.resident, members.id, text.TeamWords.NO_ACTIVITY),
        (world.member, cancelled.id, R.CANCELLED),
        (world.member, started.id, R.STARTED),
        (world.member, ended.id, R.STARTED),
        (world.member, 99999, text.TeamWords.NO_ACTIVITY),
    ]
    for actor, activity_id, message in cases:
        refused(run, signups.sign_up, actor, activity_id, message)
    with pytest.raises(NotSignedIn):
        run(signups.sign_up, None, mine.id)
    for junk in ["x", None, -1, 3.5, True, [], {"a": 1}, "9" * 40, "²"]:
        refused(run, signups.sign_up, world.member, junk, text.TeamWords.NO_ACTIVITY)
    assert run(signups.sign_up, world.member, members.id).status == "signed"


def test_waiting_list_only_when_full(run, session, world):
    activity = make_activity(session, world.team.id, capacity=1)
    refused(run, signups.join_waiting_list, world.member, activity.id, R.NOT_FULL)
    run(signups.sign_up, world.other, activity.id)
    first = run(signups.join_waiting_list, world.member, activity.id)
    second = run(signups.join_waiting_list, world.resident, activity.id)
    assert (first.status, second.status) == ("waiting", "waiting")
    assert fresh(Activity, activity.id).seats_taken == 1
    refused(run, signups.join_waiting_list, world.member, activity.id, R.ALREADY_WAITING)
    refused(run, signups.join_waiting_list, world.other, activity.id, R.ALREADY_SIGNED)
    with pytest.raises(NotSignedIn):
        run(signups.join_waiting_list, None, activity.id)


def test_cancel_gives_the_seat_back(run, session, world):
    activity = make_activity(session, world.team.id, capacity=3)
    run(signups.sign_up, world.member, activity.id)
    assert run(signups.cancel, world.member, activity.id) == "signed"
    assert signup_of(activity.id, world.member.account_id).status == "cancelled"
    assert fresh(Activity, activity.id).seats_taken == 0
    refused(run, signups.cancel, world.member, activity.id, R.NOT_SIGNED)
    refused(run, signups.cancel, world.other, activity.id, R.NOT_SIGNED)


def test_cancel_moves_the_first_waiting_person_up_and_tells_her(run, session, world):
    activity = make_activity(session, world.team.id, capacity=1, title="陪老人读报")
    run(signups.sign_up, world.member, activity.id)
    run(signups.join_waiting_list, world.other, activity.id)
    run(signups.join_waiting_list, world.third, activity.id)
    run(signups.cancel, world.member, activity.id)
    assert signup_of(activity.id, world.other.account_id).status == "signed"
    assert signup_of(activity.id, world.third.account_id).status == "waiting"
    assert fresh(Activity, activity.id).seats_taken == 1
    [message] = messages_to(world.other.account_id)
    assert message.title == R.PROMOTED_TITLE.format(title="陪老人读报")
    assert message.link == f"/activities/{activity.id}" and "陪老人读报" in message.body
    assert messages_to(world.third.account_id) == []
    with db.transaction() as s:
        entries = s.exec(
            select(AuditEntry).where(AuditEntry.action == "activity_waiting_promoted")
        ).all()
    assert [(e.actor_id, e.target_type) for e in entries] == [
        (world.member.account_id, "activity_signup")
    ]


def test_leaving_the_waiting_list_keeps_the_seats(run, session, world):
    activity = make_activity(session, world.team.id, capacity=1)
    run(signups.sign_up, world.member, activity.id)
    run(signups.join_waiting_list, world.other, activity.id)
    assert run(signups.cancel, world.other, activity.id) == "waiting"
    assert fresh(Activity, activity.id).seats_taken == 1
    assert signup_of(activity.id, world.member.account_id).status == "signed"


def test_signing_up_again_reuses_the_row_at_the_back_of_the_queue(run, session, world):
    activity = make_activity(session, world.team.id, capacity=1)
    run(signups.sign_up, world.third, activity.id)
    first = run(signups.join_waiting_list, world.member, activity.id)
    run(signups.join_waiting_list, world.other, activity.id)
    run(signups.cancel, world.member, activity.id)
    again = run(signups.join_waiting_list, world.member, activity.id)
    assert again.id == first.id and again.created_at > first.created_at
    run(signups.cancel, world.third, activity.id)  # the seat goes to 乙, now first in line
    assert signup_of(activity.id, world.other.account_id).status == "signed"
    assert signup_of(activity.id, world.member.account_id).status == "waiting"


def test_no_cancelling_once_started_or_cancelled(run, session, world, fixed_now):
    activity = make_activity(session, world.team.id, starts_in=timedelta(hours=1))
    run(signups.sign_up, world.member, activity.id)
    fixed_now(sup.NOW + timedelta(hours=1, minutes=1))
    refused(run, signups.cancel, world.member, activity.id, R.STARTED_CANCEL)
    gone = make_activity(session, world.team.id, status="cancelled")
    seat(session, gone, world.other.account_id)
    refused(run, signups.cancel, world.other, gone.id, R.CANCELLED)
    with pytest.raises(NotSignedIn):
        run(signups.cancel, None, activity.id)


def test_my_upcoming(run, session, world):
    later = make_activity(session, world.team.id, starts_in=timedelta(days=3), title="后来")
    soon = make_activity(session, None, starts_in=timedelta(hours=2), title="马上", capacity=1)
    under_way = make_activity(session, world.team.id, starts_in=-timedelta(hours=1), title="进行中")
    over = make_activity(session, world.team.id, starts_in=-timedelta(hours=3), title="结束了")
    left = make_activity(session, world.team.id, title="退出了")
    extra = make_activity(session, world.team.id, starts_in=timedelta(days=6), title="第四个")
    seat(session, soon, world.other.account_id)
    for activity in (later, under_way, over, extra):
        seat(session, activity, world.member.account_id)
    seat(session, soon, world.member.account_id, "waiting")
    seat(session, left, world.member.account_id, "cancelled")
    mine = run(signups.my_upcoming, world.member)
    assert [(m.activity.title, m.status) for m in mine] == [
        ("进行中", "signed"),
        ("马上", "waiting"),
        ("后来", "signed"),
    ]
    assert mine[1].team_name == text.TeamWords.COMMUNITY_ACTIVITY
    assert len(run(signups.my_upcoming, world.member, 10)) == 4
    assert run(signups.my_upcoming, None) == []

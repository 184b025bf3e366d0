"""Two phones at the same moment, for real in two threads with two sessions (SQLite and
PostgreSQL): the last seat goes to exactly one; one person cancelling on two phones frees one
seat and moves one waiting person up."""

import threading

import pytest

from huajin_pwa import db, text
from huajin_pwa.models import Activity
from huajin_pwa.services import signups
from huajin_pwa.services.errors import DomainError
from tests.unit import activity_support as sup
from tests.unit.activity_support import fresh, make_activity, seat, signup_of
from tests.unit.team_support import make_team, messages_to

fixed_now = sup.fixed_now


@pytest.fixture
def world(session, community, fast_hashing, fixed_now):
    class World:
        pass

    w = World()
    w.one = sup.person(session, 1, name="甲")
    w.two = sup.person(session, 2, name="乙")
    w.third = sup.person(session, 3, name="丙")
    w.team = make_team(session, "爱之翼")
    return w


def race(monkeypatch, name: str, calls: dict) -> dict:
    """Run calls (thread name -> (service, actor, activity id)) at once; services.name waits
    until both threads have reached it (both have read the rows before either writes)."""
    both_there = threading.Barrier(2, timeout=20)
    real = getattr(signups, name)

    def wait_then(*args, **kwargs):
        both_there.wait()
        return real(*args, **kwargs)

    monkeypatch.setattr(signups, name, wait_then)
    results: dict = {}

    def act(who):
        service, actor, activity_id = calls[who]
        try:
            with db.transaction() as session:
                results[who] = service(session, actor, activity_id)
        except Exception as error:  # what the loser got is asserted by the caller
            results[who] = error

    threads = [threading.Thread(target=act, args=(who,), name=who) for who in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_phones_for_the_last_seat_exactly_one_gets_it(monkeypatch, session, world):
    activity = make_activity(session, world.team.id, capacity=2)
    seat(session, activity, world.third.account_id)
    calls = {
        "甲": (signups.sign_up, world.one, activity.id),
        "乙": (signups.sign_up, world.two, activity.id),
    }
    results = race(monkeypatch, "take_seat", calls)
    winners = [who for who, result in results.items() if not isinstance(result, Exception)]
    assert len(winners) == 1, results
    [loser] = set(calls) - set(winners)
    assert isinstance(results[loser], DomainError)
    assert results[loser].message == text.SignupRules.FULL
    assert fresh(Activity, activity.id).seats_taken == 2
    loser_id = calls[loser][1].account_id
    assert signup_of(activity.id, loser_id) is None  # nothing half-written


def test_cancelling_on_two_phones_frees_one_seat(monkeypatch, session, world):
    activity = make_activity(session, world.team.id, capacity=1)
    seat(session, activity, world.one.account_id)
    seat(session, activity, world.two.account_id, "waiting")
    calls = {
        "手机一": (signups.cancel, world.one, activity.id),
        "手机二": (signups.cancel, world.one, activity.id),
    }
    results = race(monkeypatch, "release", calls)
    outcomes = sorted(str(result) for result in results.values())
    assert outcomes == sorted(["signed", text.SignupRules.NOT_SIGNED]), results
    assert signup_of(activity.id, world.two.account_id).status == "signed"
    assert fresh(Activity, activity.id).seats_taken == 1
    assert len(messages_to(world.two.account_id)) == 1


def test_cancelling_on_two_phones_with_nobody_waiting(monkeypatch, session, world):
    activity = make_activity(session, world.team.id, capacity=3)
    seat(session, activity, world.one.account_id)
    seat(session, activity, world.two.account_id)
    calls = {
        "手机一": (signups.cancel, world.one, activity.id),
        "手机二": (signups.cancel, world.one, activity.id),
    }
    results = race(monkeypatch, "release", calls)
    assert sum(1 for result in results.values() if result == "signed") == 1, results
    assert fresh(Activity, activity.id).seats_taken == 1

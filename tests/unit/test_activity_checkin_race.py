"""Two phones scanning at the same moment, for real in two threads with two sessions (SQLite
and PostgreSQL): the last seat goes to one walk-in, a person is checked in once, a scan and the
leader's tick of the same person make one check-in."""

import threading

import pytest

from huajin_pwa import db, text
from huajin_pwa.models import ActivitySignup
from huajin_pwa.services import activity_checkin as checkin
from huajin_pwa.services.errors import DomainError
from tests.unit import activity_checkin_support as support
from tests.unit import activity_support
from tests.unit.activity_checkin_support import seats, signups
from tests.unit.activity_support import person, seat
from tests.unit.visit_support import load

world = support.world
fixed_now = activity_support.fixed_now
T = text.ActivityCheckin


def at_once(monkeypatch, step: str, calls: dict) -> dict:
    """Run calls (name -> (service, actor, argument...)) in two threads that both pass the
    reads before either writes (a barrier in front of step); name -> result or error."""
    both_read = threading.Barrier(2, timeout=20)
    real = getattr(checkin, step)

    def after_both_read(*args, **kwargs):
        both_read.wait()
        return real(*args, **kwargs)

    monkeypatch.setattr(checkin, step, after_both_read)
    results: dict = {}

    def act(name):
        service, *args = calls[name]
        try:
            with db.transaction() as session:
                results[name] = service(session, *args)
        except Exception as error:  # what the loser got is asserted by the caller
            results[name] = error

    threads = [threading.Thread(target=act, args=(name,)) for name in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_walk_ins_for_the_last_seat_one_gets_it(monkeypatch, world, session):
    other = person(session, 7, name="周红")
    token = world.activity.token
    calls = {
        "甲": (checkin.check_in, world.walker, token),
        "乙": (checkin.check_in, other, token),
    }
    results = at_once(monkeypatch, "_walk_in", calls)
    won = [name for name, result in results.items() if isinstance(result, checkin.CheckIn)]
    assert len(won) == 1, results
    [lost] = set(calls) - set(won)
    assert isinstance(results[lost], DomainError) and results[lost].message == T.FULL
    assert results[won[0]].created and results[won[0]].walk_in
    assert seats(world.activity.id) == 3
    rows = signups(world.activity.id)
    assert len(rows) == 3
    winner = calls[won[0]][1]
    assert rows[winner.account_id] == ("signed", "scan", True)
    assert calls[lost][1].account_id not in rows


def test_two_scans_of_a_signed_up_person_check_in_once(monkeypatch, world):
    token = world.activity.token
    calls = {
        "甲": (checkin.check_in, world.member, token),
        "乙": (checkin.check_in, world.member, token),
    }
    results = at_once(monkeypatch, "_mark", calls)
    assert sorted(result.created for result in results.values()) == [False, True], results
    assert {result.title for result in results.values()} == {T.CHECKED_IN, T.ALREADY}
    assert signups(world.activity.id)[world.member.account_id] == ("signed", "scan", True)


def test_two_scans_of_a_walk_in_take_one_seat(monkeypatch, world, session):
    world.activity.capacity = 10
    session.add(world.activity)
    session.commit()
    token = world.activity.token
    calls = {
        "甲": (checkin.check_in, world.walker, token),
        "乙": (checkin.check_in, world.walker, token),
    }
    results = at_once(monkeypatch, "_walk_in", calls)
    assert sorted(result.created for result in results.values()) == [False, True], results
    assert seats(world.activity.id) == 3  # the second scan gave its seat back
    assert signups(world.activity.id)[world.walker.account_id] == ("signed", "scan", True)


def test_a_scan_and_the_leaders_tick_at_once_make_one_check_in(monkeypatch, world):
    signup = world.signups["member"]
    calls = {
        "scan": (checkin.check_in, world.member, world.activity.token),
        "tick": (checkin.tick, world.leader, world.activity.id, [signup]),
    }
    results = at_once(monkeypatch, "_mark", calls)
    assert not any(isinstance(result, Exception) for result in results.values()), results
    scanned = results["scan"].created
    ticked = results["tick"].changed == 1
    assert scanned != ticked  # exactly one of them checked the person in
    row = load(ActivitySignup, signup)
    assert row.check_in_via == ("scan" if scanned else "tick") and row.checked_in_at is not None


@pytest.mark.parametrize("meanwhile", ["signed", "cancelled"])
def test_a_waiting_person_whose_row_changes_while_scanning(monkeypatch, world, session, meanwhile):
    """Between reading their waiting row and taking a seat, the waiting list moves them up
    (then they are checked in on that seat) or they cancel on another phone (scan again)."""
    world.activity.capacity = 10
    session.add(world.activity)
    session.commit()
    waiting = seat(session, world.activity, world.walker.account_id, "waiting")
    real = checkin._walk_in

    def changed_first(*args):
        with db.transaction() as other:
            row = other.get(ActivitySignup, waiting.id)
            row.status = meanwhile
            other.add(row)
        return real(*args)

    monkeypatch.setattr(checkin, "_walk_in", changed_first)
    if meanwhile == "signed":
        result = run_check_in(world.walker, world.activity.token)
        assert (result.created, result.walk_in) == (True, False)
        assert signups(world.activity.id)[world.walker.account_id] == ("signed", "scan", True)
    else:
        with pytest.raises(DomainError) as caught:
            run_check_in(world.walker, world.activity.token)
        assert caught.value.message == T.TRY_AGAIN
        assert signups(world.activity.id)[world.walker.account_id] == ("cancelled", "", False)
    assert seats(world.activity.id) == 2  # the seat taken for a walk-in was given back


def run_check_in(actor, token):
    with db.transaction() as session:
        return checkin.check_in(session, actor, token)

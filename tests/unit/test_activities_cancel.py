"""Changing and cancelling activities when two phones act at once (conditional UPDATEs, for
real in two threads on SQLite and PostgreSQL), and cancelling: who is told, and only once."""

import threading

import pytest

from huajin_pwa import db, text
from huajin_pwa.services import activities
from huajin_pwa.services.errors import DomainError, FormError
from tests.unit import activity_write_support as aw
from tests.unit.activity_write_support import good, made, refused

T = text.ActivityForm
world = aw.world
fixed_clock = aw.fixed_clock


def test_a_seat_taken_between_reading_and_writing_still_holds_the_capacity(
    run, world, member, monkeypatch
):
    """The conditional UPDATE sees the seat taken after the check and refuses the change."""
    activity = made(run, world)
    aw.sign(activity, world.plain)
    real_clean = activities._clean

    def clean_then_someone_signs(session, actor, form):
        result = real_clean(session, actor, form)
        aw.sign(activity, member)
        return result

    monkeypatch.setattr(activities, "_clean", clean_then_someone_signs)
    with pytest.raises(FormError) as caught:
        run(activities.edit, world.leader, activity.id, 1, good(world.crew, capacity="1"))
    assert caught.value.errors == {"capacity": T.CAPACITY_BELOW_TAKEN.format(count=2)}
    row = aw.load(activity.id)
    assert (row.capacity, row.seats_taken, row.version) == (20, 2, 1)


def test_two_editors_at_once_exactly_one_wins(run, world, staff, monkeypatch):
    """Both load version 1 before either writes; the second is told the activity changed."""
    activity = made(run, world)
    both_loaded = threading.Barrier(2, timeout=20)
    real_clean = activities._clean

    def clean_after_both_loaded(session, actor, form):
        result = real_clean(session, actor, form)
        both_loaded.wait()
        return result

    monkeypatch.setattr(activities, "_clean", clean_after_both_loaded)
    places = {"甲": (world.leader, "社区活动室"), "乙": (staff, "南湖公园")}
    results: dict[str, object] = {}

    def act(name):
        who, place = places[name]
        try:
            with db.transaction() as session:
                form = good(world.crew, place=place)
                results[name] = activities.edit(session, who, activity.id, 1, form).place
        except Exception as error:  # what the loser got is asserted below
            results[name] = error

    threads = [threading.Thread(target=act, args=(name,)) for name in places]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    winners = [name for name, result in results.items() if isinstance(result, str)]
    assert len(winners) == 1, results
    [loser] = set(places) - set(winners)
    assert isinstance(results[loser], DomainError)
    assert results[loser].message == T.STALE.format(name=places[winners[0]][0].name)
    row = aw.load(activity.id)
    assert (row.place, row.version) == (places[winners[0]][1], 2)
    assert len(aw.audits("activity_edited")) == 1


# --- cancelling ------------------------------------------------------------------------------


def test_cancelling_tells_everyone_signed_up_or_waiting(run, world, member, staff, secretary):
    activity = made(run, world)
    aw.sign(activity, member)
    aw.sign(activity, world.plain, "waiting")
    aw.sign(activity, secretary, "cancelled")
    cancelled, told = run(activities.cancel, world.leader, activity.id)
    assert told == 2 and cancelled.status == "cancelled"
    row = aw.load(activity.id)
    assert (row.status, row.version) == ("cancelled", 2)
    sent = aw.messages()
    assert sorted(m.account_id for m in sent) == sorted([member.account_id, world.plain.account_id])
    assert {m.title for m in sent} == {T.MESSAGE_TITLE.format(title="老红帽路口引导")}
    assert all(m.link == f"/activities/{activity.id}" for m in sent)
    assert "6月11日 周四 09:00" in sent[0].body and "华锦社区南门路口" in sent[0].body
    [entry] = aw.audits("activity_cancelled")
    assert (entry.actor_id, entry.target_id) == (world.leader.account_id, activity.id)


def test_a_cancelled_activity_is_not_cancelled_or_changed_again(run, world, staff):
    activity = made(run, world)
    run(activities.cancel, staff, activity.id)
    error = refused(run, DomainError, activities.cancel, world.leader, activity.id)
    assert error.message == T.CANCELLED_ALREADY
    error = refused(
        run, DomainError, activities.edit, world.leader, activity.id, 2, good(world.crew)
    )
    assert error.message == T.CANCELLED_ALREADY


def test_two_cancels_at_once_send_one_set_of_messages(run, world, staff, member, monkeypatch):
    activity = made(run, world)
    aw.sign(activity, member)
    both_loaded = threading.Barrier(2, timeout=20)
    real_for_edit = activities.for_edit

    def for_edit_then_wait(session, actor, activity_id):
        found = real_for_edit(session, actor, activity_id)
        both_loaded.wait()
        return found

    monkeypatch.setattr(activities, "for_edit", for_edit_then_wait)
    results: list[object] = []

    def act(who):
        try:
            with db.transaction() as session:
                results.append(activities.cancel(session, who, activity.id)[1])
        except DomainError as error:
            results.append(error.message)

    threads = [threading.Thread(target=act, args=(who,)) for who in (world.leader, staff)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(results, key=str) == sorted([1, T.CANCELLED_ALREADY], key=str)
    assert len(aw.messages()) == 1 and len(aw.audits("activity_cancelled")) == 1


def test_a_bigger_capacity_seats_the_people_waiting_in_order(run, world, member, secretary):
    activity = made(run, world, capacity="1")
    aw.sign(activity, member)
    aw.sign(activity, world.plain, "waiting")
    aw.sign(activity, secretary, "waiting")
    run(activities.edit, world.leader, activity.id, 1, good(world.crew, capacity="2"))
    assert aw.load(activity.id).seats_taken == 2
    assert [m.account_id for m in aw.messages()] == [world.plain.account_id]
    changed = run(activities.edit, world.leader, activity.id, 2, good(world.crew, capacity="5"))
    assert aw.load(activity.id).seats_taken == changed.seats_taken == 3  # nobody else waits
    assert [m.account_id for m in aw.messages()] == [
        world.plain.account_id,
        secretary.account_id,
    ]
    assert len(aw.audits("activity_waiting_promoted")) == 2


def test_a_new_time_or_place_is_told_to_everyone_signed_up_or_waiting(run, world, member):
    activity = made(run, world, capacity="1")
    aw.sign(activity, member)
    aw.sign(activity, world.plain, "waiting")

    def changes():
        title = T.CHANGED_TITLE.format(title="老红帽路口引导")
        return [m for m in aw.messages() if m.title == title]

    keep = {"capacity": "1"}
    run(
        activities.edit,
        world.leader,
        activity.id,
        1,
        good(world.crew, description="带水杯", **keep),
    )
    assert aw.messages() == []  # the description is not worth a message
    run(activities.edit, world.leader, activity.id, 2, good(world.crew, starts="09:30", **keep))
    sent = changes()
    assert sorted(m.account_id for m in sent) == sorted([member.account_id, world.plain.account_id])
    assert "6月11日 周四 09:30–11:00，华锦社区南门路口" in sent[0].body
    assert all(m.link == f"/activities/{activity.id}" for m in sent)
    moved = good(world.crew, starts="09:30", place="北门", **keep)
    run(activities.edit, world.leader, activity.id, 3, moved)
    assert len(changes()) == 4 and "北门" in changes()[-1].body

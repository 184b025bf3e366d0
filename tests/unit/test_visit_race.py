"""Two secretaries acting on the same request at the same moment: exactly one wins, the other
is told who acted, for real in two threads with two sessions (SQLite and PostgreSQL)."""

import threading
from datetime import timedelta

import pytest

from huajin_pwa import db, text
from huajin_pwa.models import Visit
from huajin_pwa.services import visit_work, visits
from huajin_pwa.services.errors import DomainError
from tests.unit import visit_support as vs
from tests.unit.visit_support import DONE, PLAN, TODAY, days

world = vs.world
asked = vs.asked


RACES = {
    "schedule": lambda actor, day: (visit_work.schedule, {**PLAN, "day": days(day)}),
    "record_done": lambda actor, day: (visit_work.record_done, {**DONE, "visited_on": days(-day)}),
}


@pytest.mark.parametrize("action", RACES)
def test_two_secretaries_acting_at_once_exactly_one_wins(run, world, asked, monkeypatch, action):
    """Both transactions load the visit (version 1) before either writes; on PostgreSQL the
    second UPDATE waits for the first to commit and then matches no row, on SQLite the second
    writer waits for the first; either way the loser is told who acted."""
    both_loaded = threading.Barrier(2, timeout=20)
    seen: dict[str, int] = {}
    real_change = visits.change

    def change_after_both_loaded(session, visit, *args, **values):
        seen[threading.current_thread().name] = visit.version
        both_loaded.wait()
        return real_change(session, visit, *args, **values)

    monkeypatch.setattr(visit_work, "change", change_after_both_loaded)
    actors = {"甲": (world.secretary, 1), "乙": (world.colleague, 2)}
    results: dict[str, object] = {}

    def act(name):
        actor, day = actors[name]
        service, form = RACES[action](actor, day)
        try:
            with db.transaction() as session:
                results[name] = service(session, actor, asked, 1, form).id
        except Exception as error:  # what the loser got is asserted below
            results[name] = error

    threads = [threading.Thread(target=act, args=(name,), name=name) for name in actors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert seen == {"甲": 1, "乙": 1}  # both read the request before either wrote
    winners = [name for name, result in results.items() if result == asked]
    assert len(winners) == 1, results
    [loser] = set(actors) - set(winners)
    winner, day = actors[winners[0]]
    assert isinstance(results[loser], DomainError)
    status = "已安排" if action == "schedule" else "已完成"
    assert results[loser].message == text.VisitWork.CHANGED_BY.format(
        name=winner.name, status=status
    )
    row = vs.load(Visit, asked)
    assert (row.handled_by_id, row.version) == (winner.account_id, 2)
    if action == "schedule":
        assert (row.visit_day, row.visitor_id) == (TODAY + timedelta(day), winner.account_id)
    else:
        assert row.visited_on == TODAY - timedelta(days=day)
    audited = "visit_scheduled" if action == "schedule" else "visit_done"
    assert [entry.actor_id for entry in vs.audits(audited)] == [winner.account_id]


def test_two_taps_at_once_make_one_request(run, world, monkeypatch):
    """Both taps pass the 'is one open?' check before either saves: the unique index on open
    requests lets one in and hands the other the request that won."""
    real = visits.open_requests
    calls = []

    def second_tap_sees_nothing(session, member_id):
        calls.append(member_id)
        return {} if len(calls) == 2 else real(session, member_id)

    monkeypatch.setattr(visits, "open_requests", second_tap_sees_nothing)
    first = vs.ask(run, world.member)
    second, created = run(visits.request_visit, world.member, {"reason": "chat", "day": "soon"})
    assert (second.id, created) == (first, False)
    assert len(vs.rows(Visit)) == 1 and len(calls) == 3

"""学习心得 for the branch: the secretary's list (waiting first, own grids only, a fixed number
of queries), staff's count by grid, and two secretaries replying at the same moment."""

import threading
from datetime import datetime, timedelta

import pytest

from huajin_pwa import db, text
from huajin_pwa.models import StudyReflection
from huajin_pwa.services import clock, reflections
from huajin_pwa.services.errors import DomainError, NotSignedIn, PermissionDenied
from tests.unit import reflection_support as rs
from tests.unit import visit_support as vs
from tests.unit.reflection_support import LAST_WEEK, TEXT, THIS_WEEK, load, reflect
from tests.unit.study_support import TODAY, count_queries
from tests.unit.visit_support import refused

T = text.Reflection
world = rs.world
weeks = rs.weeks


def written_at(reflection_id: int, days_ago: int) -> None:
    """Pretend a reflection was written days_ago days before TODAY, at 10:00 in Wuhan."""
    with db.transaction() as session:
        row = session.get(StudyReflection, reflection_id)
        row.created_at = datetime.combine(
            TODAY - timedelta(days=days_ago), datetime.min.time().replace(hour=10)
        ).replace(tzinfo=clock.LOCAL_TZ)
        session.add(row)


def names(page) -> list[str]:
    return [line.member_name for line in page.rows]


@pytest.fixture
def branch(run, world, weeks):
    """Grid 1: 甲 waiting 3 days, 乙 waiting 1 day, the member's replied; grid 2: one waiting."""
    first = vs.add_member("吴甲", 1)
    second = vs.add_member("郑乙", 1)
    ids = {}
    for who, days_ago in ((first, 3), (second, 1), (world.member, 5), (world.neighbour, 2)):
        ids[who.name] = reflect(run, who)[0].id
        written_at(ids[who.name], days_ago)
    run(reflections.reply, world.secretary, ids["周凤兰"], 1, "comment", "写得好")
    return ids


def test_the_secretary_sees_the_waiting_ones_of_the_grid_oldest_first(run, world, branch):
    page = run(reflections.branch_list, world.secretary)
    assert names(page) == ["吴甲", "郑乙"] and page.total == 2
    line = page.rows[0]
    assert (line.week_title, line.reflection.body, line.replied_by) == ("从身边小事做起", TEXT, "")
    assert line.member_phone.startswith("136") and line.week_of.isoformat() == THIS_WEEK


def test_all_shows_the_replied_ones_after_the_waiting(run, world, branch):
    page = run(reflections.branch_list, world.secretary, "all")
    assert names(page) == ["吴甲", "郑乙", "周凤兰"]
    replied = page.rows[2]
    assert (replied.reflection.reply, replied.replied_by) == ("写得好", "李建华")


def test_replied_ones_come_newest_first(run, world, branch):
    run(reflections.reply, world.secretary, branch["郑乙"], 1, "ack", "")  # written 1 day ago
    run(reflections.reply, world.secretary, branch["吴甲"], 1, "ack", "")  # 3 days ago
    assert names(run(reflections.branch_list, world.secretary, "all")) == [
        "郑乙",
        "吴甲",
        "周凤兰",
    ]


@pytest.mark.parametrize("status", ["waiting", "junk", None, 5, ["all"]])
def test_anything_but_all_shows_the_waiting_ones(run, world, branch, status):
    assert names(run(reflections.branch_list, world.secretary, status)) == ["吴甲", "郑乙"]


def test_each_secretary_sees_only_their_grid_and_staff_see_all(run, world, branch):
    assert names(run(reflections.branch_list, world.other_secretary)) == ["刘玉珍"]
    everyone = run(reflections.branch_list, world.staff)
    assert names(everyone) == ["吴甲", "刘玉珍", "郑乙"]
    assert names(run(reflections.branch_list, world.staff, "waiting", 1, world.grid2)) == ["刘玉珍"]
    refused(PermissionDenied, run, reflections.branch_list, world.secretary, "all", 1, world.grid2)


def test_members_and_the_signed_out_may_not_see_the_list(run, world, branch):
    refused(PermissionDenied, run, reflections.branch_list, world.member)
    refused(NotSignedIn, run, reflections.branch_list, None)


def test_the_list_costs_the_same_queries_for_2_and_30(run, engine, world, weeks):
    def cost(who) -> int:
        spent, page = count_queries(engine, lambda: run(reflections.branch_list, who, "all"))
        assert page.rows
        return spent

    for n in range(2):
        reflect(run, vs.add_member(f"党员{n}", 1))
    few = (cost(world.secretary), cost(world.staff))
    for n in range(2, 30):
        made, _ = reflect(run, vs.add_member(f"党员{n}", 1), LAST_WEEK if n % 2 else THIS_WEEK)
        if n % 3 == 0:
            run(reflections.reply, world.colleague, made.id, 1, "ack", "")
    many = (cost(world.secretary), cost(world.staff))
    assert few == many == (2, 3)
    assert run(reflections.branch_list, world.secretary, "all").total == 30


def test_staff_see_how_many_wait_in_each_grid_in_one_query(run, engine, world, branch):
    spent, found = count_queries(engine, lambda: run(reflections.awaiting_by_grid, world.staff))
    assert spent == 1
    assert found == [
        ("第一网格", 2, TODAY - timedelta(days=3)),
        ("第二网格", 1, TODAY - timedelta(2)),
    ]
    for who in (world.secretary, world.member):
        refused(PermissionDenied, run, reflections.awaiting_by_grid, who)


def test_no_waiting_reflection_means_no_line(run, world, weeks):
    assert run(reflections.awaiting_by_grid, world.staff) == []


@pytest.mark.parametrize("actions", [("ack", "comment"), ("comment", "comment")])
def test_two_secretaries_replying_at_once_exactly_one_wins(run, world, weeks, monkeypatch, actions):
    """Both transactions load the reflection (version 1) before either writes; the second
    UPDATE matches no row once the first commits, and its secretary is told who replied."""
    made, _ = reflect(run, world.member)
    both_loaded = threading.Barrier(2, timeout=20)
    seen: dict[str, int] = {}
    real_change = reflections.change

    def change_after_both_loaded(session, reflection, *args):
        seen[threading.current_thread().name] = reflection.version
        both_loaded.wait()
        return real_change(session, reflection, *args)

    monkeypatch.setattr(reflections, "change", change_after_both_loaded)
    actors = {"甲": (world.secretary, actions[0]), "乙": (world.colleague, actions[1])}
    results: dict[str, object] = {}

    def act(name):
        actor, action = actors[name]
        try:
            with db.transaction() as session:
                results[name] = reflections.reply(session, actor, made.id, 1, action, "好的").id
        except Exception as error:  # what the loser got is asserted below
            results[name] = error

    threads = [threading.Thread(target=act, args=(name,), name=name) for name in actors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert seen == {"甲": 1, "乙": 1}
    winners = [name for name, result in results.items() if result == made.id]
    assert len(winners) == 1, results
    [loser] = set(actors) - set(winners)
    winner, action = actors[winners[0]]
    assert isinstance(results[loser], DomainError)
    assert results[loser].message == T.REPLIED_BY.format(
        name=winner.name, status=T.STATUS[reflections.ACTIONS[action]]
    )
    row = load(made.id)
    assert (row.replied_by_id, row.version) == (winner.account_id, 2)
    assert (
        len([m for m in vs.messages_to(world.member.account_id) if m.link.endswith("/reflect")])
        == 1
    )

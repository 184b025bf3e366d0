"""The visit figures on the staff home: this month's visits, open requests by age, members in
difficulty not yet visited this month by grid."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event

from huajin_pwa.services import clock, visit_stats
from huajin_pwa.services.errors import NotSignedIn, PermissionDenied
from tests.unit import visit_support as vs
from tests.unit.visit_support import TODAY, local_time, refused

world = vs.world


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def test_nothing_yet(run, world):
    assert run(visit_stats.overview, world.staff) == visit_stats.VisitOverview(
        visits_this_month=0,
        open_by_age=(0, 0, 0),
        difficulty_by_grid=[("第一网格", 0, 0), ("第二网格", 0, 0)],
    )


def test_visits_done_this_month(run, world):
    for day in (date(2026, 6, 1), TODAY, date(2026, 6, 3)):
        vs.add_visit(world.member, world.grid1, visited_on=day)
    vs.add_visit(world.neighbour, world.grid2, visited_on=date(2026, 6, 2))
    vs.add_visit(world.member, world.grid1, visited_on=date(2026, 5, 31))  # last month
    vs.add_visit(world.member, world.grid1, status="cancelled", source="request")
    vs.add_visit(world.member, world.grid1, status="scheduled", visit_day=TODAY)
    assert run(visit_stats.overview, world.staff).visits_this_month == 4
    world.move(date(2026, 7, 1))
    assert run(visit_stats.overview, world.staff).visits_this_month == 0


def test_open_requests_by_age(run, world):
    """Fresh: made since the start of the day three days ago (Wuhan time); a few days: up to
    the start of the day seven days ago; then over a week."""
    made = [
        local_time(TODAY, 9),
        local_time(ago(3), 0, 0),  # the first moment still fresh
        datetime.combine(ago(4), datetime.max.time(), tzinfo=clock.LOCAL_TZ),  # a few days
        datetime(2026, 6, 6, 15, 59, tzinfo=UTC),  # 23:59 on the 6th in Wuhan: a few days
        datetime(2026, 6, 6, 16, 0, tzinfo=UTC),  # 00:00 on the 7th in Wuhan: fresh
        local_time(ago(7), 0, 0),  # the last moment of a few days
        local_time(ago(8), 23, 0),  # over a week
        local_time(ago(60)),
    ]
    for index, moment in enumerate(made):  # one member each: one open request per reason
        asker = vs.add_member(f"党员{index}")
        visit_id = vs.add_visit(asker, world.grid1, source="request", status="received")
        vs.set_created(visit_id, moment)
    scheduled = vs.add_visit(world.neighbour, world.grid2, source="request", status="scheduled")
    vs.set_created(scheduled, local_time(ago(5)))
    for status, source in (("done", "request"), ("cancelled", "request"),
                           ("declined", "request"), ("received", "campaign")):  # fmt: skip
        extra = {"campaign_id": vs.add_campaign(world.staff)} if source == "campaign" else {}
        visit_id = vs.add_visit(world.member, world.grid1, source=source, status=status, **extra)
        vs.set_created(visit_id, local_time(ago(20)))
    assert run(visit_stats.overview, world.staff).open_by_age == (3, 4, 2)


def test_members_in_difficulty_not_visited_this_month_by_grid(run, world):
    visited = vs.add_member("丁一", difficulty=True)
    last_month = vs.add_member("王二", difficulty=True)
    vs.add_member("赵四", difficulty=True)
    vs.add_member("钱五", difficulty=False)
    vs.add_member("吴七", difficulty=True, status="pending")
    grid2_visited = vs.add_member("冯九", grid=2, difficulty=True)
    vs.add_visit(visited, world.grid1, visited_on=date(2026, 6, 1))
    vs.add_visit(last_month, world.grid1, visited_on=date(2026, 5, 31))
    vs.add_visit(last_month, world.grid1, status="scheduled", visit_day=TODAY)
    vs.add_visit(grid2_visited, world.grid2, visited_on=date(2026, 6, 9))
    figures = run(visit_stats.overview, world.staff)
    assert figures.difficulty_by_grid == [("第一网格", 3, 2), ("第二网格", 1, 0)]
    world.move(date(2026, 7, 2))
    figures = run(visit_stats.overview, world.staff)
    assert figures.difficulty_by_grid == [("第一网格", 3, 3), ("第二网格", 1, 1)]


def test_the_overview_costs_five_queries_at_any_size(run, world, engine):
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_rest):
        statements.append(statement)

    def cost() -> int:
        statements.clear()
        event.listen(engine, "before_cursor_execute", seen)
        try:
            run(visit_stats.overview, world.staff)
        finally:
            event.remove(engine, "before_cursor_execute", seen)
        return len(statements)

    def grow(count: int) -> None:
        for n in range(count):
            person = vs.add_member(f"党员{n:02d}", grid=1 + n % 2, difficulty=n % 3 == 0)
            vs.add_visit(person, world.grid1, source="request", status="received", created=ago(n))
            vs.add_visit(person, world.grid1, visited_on=ago(n))

    grow(2)
    small = cost()
    grow(28)
    assert cost() == small == 5


@pytest.mark.parametrize("who", ["secretary", "member"])
def test_the_overview_is_staffs_only(run, world, who):
    error = refused(PermissionDenied, run, visit_stats.overview, getattr(world, who))
    assert error.message
    refused(NotSignedIn, run, visit_stats.overview, None)


def test_admin_sees_the_overview(run, world, admin):
    assert run(visit_stats.overview, admin).visits_this_month == 0

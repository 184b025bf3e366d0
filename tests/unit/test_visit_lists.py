"""What the grid secretary sees: open requests and holiday tasks, the monthly duty list, the
grid's members; and that each list costs the same number of queries at any size."""

from datetime import date, timedelta

import pytest
from sqlalchemy import event

from huajin_pwa import text
from huajin_pwa.services import campaigns, care, visit_lists, visit_work, visits
from huajin_pwa.services.errors import NotSignedIn, PermissionDenied
from tests.unit import visit_support as vs
from tests.unit.visit_support import JUNK, TODAY, days, refused

world = vs.world


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def ids(lines) -> list[int]:
    return [line.visit.id for line in lines.lines]


# --- open_visits -----------------------------------------------------------------------------


@pytest.fixture
def requests(run, world):
    """Open and closed requests in both grids, and one open holiday task; their ids by name."""
    frail = vs.add_member("马兰芳", difficulty=True, mobility=True, birth_year=1942)
    made = {
        "chat": vs.ask(run, world.member, made=ago(2)),
        "frail": vs.ask(run, frail, "help", made=ago(5)),
        "grid2": vs.ask(run, world.neighbour, made=ago(9)),
        "health": vs.ask(run, world.member, "health", made=ago(1)),
        "gone": vs.ask(run, frail, made=ago(8)),
        "done": vs.ask(run, world.member, "study", made=ago(7)),
    }
    form = {"day": days(1), "part": "am", "visitor": ""}
    run(visit_work.schedule, world.colleague, made["health"], 1, form)
    run(visits.cancel, frail, made["gone"])
    form = {"visited_on": days(0), "outcome": "送去学习材料"}
    run(visit_work.record_done, world.secretary, made["done"], 1, form)
    made["task"] = vs.add_visit(
        world.member, world.grid1, source="campaign", reason="holiday", status="received",
        campaign_id=vs.add_campaign(world.staff), created=ago(3),
    )  # fmt: skip
    made["frail_id"] = frail.account_id
    return made


def test_the_secretary_sees_open_requests_of_the_grid_oldest_first(run, world, requests):
    found = run(visit_lists.open_visits, world.secretary)
    assert ids(found) == [requests["frail"], requests["chat"], requests["health"]]
    assert (found.page, found.pages, found.total) == (1, 1, 3)
    first = found.lines[0].member
    assert (first.member_id, first.name, first.building, first.birth_year) == (
        requests["frail_id"],
        "马兰芳",
        1,
        1942,
    )
    assert (first.mobility_limited, first.family_difficulty) == (True, True)
    assert found.lines[1].member.phone == world.member.phone
    assert [line.visitor_name for line in found.lines] == ["", "", "何春梅"]
    assert run(visit_lists.open_visits, world.colleague).lines == found.lines


def test_holiday_tasks_are_listed_apart(run, world, requests):
    assert ids(run(visit_lists.open_visits, world.secretary, "campaign")) == [requests["task"]]
    for kind in ("done", "", None, ["campaign"]):  # anything else means requests
        assert ids(run(visit_lists.open_visits, world.secretary, kind)) == [
            requests["frail"],
            requests["chat"],
            requests["health"],
        ]


def test_staff_see_every_grid_or_the_one_asked_for(run, world, requests):
    every = [requests[name] for name in ("grid2", "frail", "chat", "health")]
    assert ids(run(visit_lists.open_visits, world.staff)) == every
    assert ids(run(visit_lists.open_visits, world.staff, "request", world.grid2)) == every[:1]
    assert ids(run(visit_lists.open_visits, world.other_secretary)) == every[:1]


@pytest.mark.parametrize("junk", [junk for junk in JUNK if type(junk) is not int])
def test_a_crafted_grid_means_ones_own(run, world, requests, junk):
    assert ids(run(visit_lists.open_visits, world.other_secretary, "request", junk)) == [
        requests["grid2"]
    ]


GRID_2 = {  # each list asked for grid 2
    "open_visits": lambda grid: (visit_lists.open_visits, "request", grid),
    "duty_list": lambda grid: (visit_lists.duty_list, grid),
    "grid_members": lambda grid: (visit_lists.grid_members, "", grid),
}


@pytest.mark.parametrize("listing", GRID_2)
def test_lists_refuse_other_grids_members_and_the_signed_out(run, world, listing):
    service, *args = GRID_2[listing](world.grid2)
    error = refused(PermissionDenied, run, service, world.secretary, *args)
    assert error.message == text.VisitWork.NOT_YOUR_GRID
    assert refused(PermissionDenied, run, service, world.member).message == text.Err.NO_PERMISSION
    refused(NotSignedIn, run, service, None)


def test_the_last_visit_is_each_members_latest_done_visit(run, world):
    other = vs.add_member("马兰芳")
    for day, status in ((ago(40), "done"), (ago(10), "done"), (None, "cancelled")):
        vs.add_visit(world.member, world.grid1, visited_on=day, status=status)
    vs.add_visit(world.neighbour, world.grid2, visited_on=ago(1))
    vs.ask(run, world.member)
    vs.ask(run, other)
    lines = run(visit_lists.open_visits, world.secretary).lines
    assert {line.member.name: line.member.last_visit for line in lines} == {
        "周凤兰": ago(10),
        "马兰芳": None,
    }


def test_open_visits_come_ten_to_a_page(run, world):
    made = [
        vs.add_visit(
            vs.add_member(f"党员{n}"),
            world.grid1,
            source="request",
            status="received",
            created=ago(n),
        )  # one member each: a member has one open request per reason
        for n in range(12, 0, -1)
    ]
    first = run(visit_lists.open_visits, world.secretary, "request", None, 1)
    assert (ids(first), first.pages, first.total) == (made[:10], 2, 12)
    assert ids(run(visit_lists.open_visits, world.secretary, "request", None, 2)) == made[10:]
    for page in (99, "2"):
        assert (
            ids(run(visit_lists.open_visits, world.secretary, "request", None, page)) == made[10:]
        )
    for page in ("x", None, -3):
        assert (
            ids(run(visit_lists.open_visits, world.secretary, "request", None, page)) == made[:10]
        )


# --- duty_list -------------------------------------------------------------------------------


@pytest.fixture
def duty(world):
    """Members in difficulty in grid 1: visited this month, last month, never, planned only;
    and members the list must leave out. Names sort against the expected order."""
    people = {
        "now": vs.add_member("丁一", difficulty=True),
        "last_month": vs.add_member("王二", difficulty=True),
        "never": vs.add_member("赵四", difficulty=True),
        "planned": vs.add_member("孙三", difficulty=True),
        "fine": vs.add_member("钱五", difficulty=False),
        "unknown": vs.add_member("周六", difficulty=None),
        "waiting": vs.add_member("吴七", difficulty=True, status="pending"),
        "refused": vs.add_member("郑八", difficulty=True, status="rejected"),
        "grid2": vs.add_member("冯九", grid=2, difficulty=True),
    }
    vs.add_visit(people["now"], world.grid1, visited_on=date(2026, 6, 5))
    vs.add_visit(people["last_month"], world.grid1, visited_on=date(2026, 5, 28))
    vs.add_visit(people["last_month"], world.grid1, visited_on=date(2026, 4, 2))
    vs.add_visit(people["planned"], world.grid1, status="scheduled", visit_day=date(2026, 6, 12))
    return people


def duty_names(found) -> list[tuple[str, bool, bool]]:
    return [(line.member.name, line.visited_this_month, line.overdue) for line in found.lines]


def test_the_duty_list_puts_the_unvisited_first(run, world, duty):
    found = run(visit_lists.duty_list, world.secretary)
    assert duty_names(found) == [
        ("孙三", False, False),  # never visited (by name), then the longest ago
        ("赵四", False, False),
        ("王二", False, False),
        ("丁一", True, False),
    ]
    assert (found.total, found.unvisited, found.alerting) == (4, 3, False)
    assert [line.member.last_visit for line in found.lines] == [
        None,
        None,
        date(2026, 5, 28),
        date(2026, 6, 5),
    ]


@pytest.mark.parametrize(
    ("day", "alerting"),
    [(date(2026, 6, 10), False), (date(2026, 6, 19), False),
     (date(2026, 6, 20), True), (date(2026, 6, 30), True)],
)  # fmt: skip
def test_the_unvisited_are_flagged_from_day_20(run, world, duty, day, alerting):
    world.move(day)
    found = run(visit_lists.duty_list, world.secretary)
    assert (found.alerting, found.unvisited) == (alerting, 3)
    assert duty_names(found) == [
        ("孙三", False, alerting),
        ("赵四", False, alerting),
        ("王二", False, alerting),
        ("丁一", True, False),
    ]


def test_a_visit_last_month_does_not_count_this_month(run, world, duty):
    world.move(date(2026, 7, 21))
    found = run(visit_lists.duty_list, world.secretary)
    assert (found.unvisited, found.alerting) == (4, True)
    assert duty_names(found) == [
        ("孙三", False, True),
        ("赵四", False, True),
        ("王二", False, True),
        ("丁一", False, True),
    ]
    run(visit_work.log_visit, world.secretary, duty["never"].account_id,
        {"reason": "help", "visited_on": "2026-07-21", "outcome": "送去慰问金"})  # fmt: skip
    found = run(visit_lists.duty_list, world.secretary)
    assert found.unvisited == 3
    assert found.lines[-1].member.name == "赵四"
    assert (found.lines[-1].visited_this_month, found.lines[-1].overdue) == (True, False)


def test_staff_see_the_duty_of_every_grid(run, world, duty):
    names = [line.member.name for line in run(visit_lists.duty_list, world.staff).lines]
    assert sorted(names) == sorted(["孙三", "赵四", "王二", "丁一", "冯九"])
    only = run(visit_lists.duty_list, world.staff, world.grid2)
    assert ([line.member.name for line in only.lines], only.unvisited) == (["冯九"], 1)


# --- grid_members ----------------------------------------------------------------------------


def member_names(run, actor, search="") -> list[str]:
    return [line.name for line in run(visit_lists.grid_members, actor, search).lines]


def test_grid_members_by_name_or_phone(run, world):
    vs.add_member("周凤英", phone="13700000099")
    vs.add_member("吴七", status="pending")
    vs.add_member("冯九", grid=2)
    assert member_names(run, world.secretary) == sorted(["周凤兰", "周凤英"])
    assert member_names(run, world.secretary, " 凤英 ") == ["周凤英"]
    assert member_names(run, world.secretary, "周凤") == sorted(["周凤兰", "周凤英"])
    assert member_names(run, world.secretary, "137 0000 0099") == ["周凤英"]
    for nothing in ("1370000", "冯九", "吴七", "%", "_", "周%"):
        assert member_names(run, world.secretary, nothing) == []
    for everything in (None, [], {"a": 1}):
        assert len(member_names(run, world.secretary, everything)) == 2
    assert member_names(run, world.other_secretary) == sorted(["刘玉珍", "冯九"])


# --- a fixed number of queries ---------------------------------------------------------------


def grow(run, world, campaign: int, members: int) -> None:
    """Members of grid 1 with several visits each (an open request, a holiday task, visits done
    this month and last), and more visits of the member's own."""
    for n in range(members):
        person = vs.add_member(f"党员{n:02d}", difficulty=n % 2 == 0, mobility=n % 3 == 0)
        vs.add_visit(person, world.grid1, source="request", status="received", created=ago(n))
        vs.add_visit(person, world.grid1, source="campaign", reason="holiday",
                     status="received", campaign_id=campaign, created=ago(1))  # fmt: skip
        vs.add_visit(person, world.grid1, visited_on=ago(40 + n))
        if n % 2:
            vs.add_visit(person, world.grid1, visited_on=ago(n % 9))
        vs.add_visit(world.member, world.grid1, visited_on=ago(n), visitor_id=person.account_id)
        vs.add_campaign(world.staff, f"慰问{n:02d}")


def test_each_list_costs_the_same_queries_at_any_size(run, world, engine):
    campaign = vs.add_campaign(world.staff, "春节慰问")
    calls = {
        "open_visits": (visit_lists.open_visits, world.secretary),
        "open_tasks": (visit_lists.open_visits, world.secretary, "campaign"),
        "duty_list": (visit_lists.duty_list, world.secretary),
        "grid_members": (visit_lists.grid_members, world.secretary),
        "campaign_list": (campaigns.campaign_list, world.staff),
        "unfinished": (campaigns.unfinished, world.staff, campaign),
        "progress": (campaigns.progress, world.staff, campaign),
        "my_visits": (visits.my_visits, world.member),
        "visit_history": (care.visit_history, world.secretary, world.member.account_id),
    }
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_rest):
        statements.append(statement)

    def costs() -> dict[str, int]:
        found = {}
        for name, (service, *args) in calls.items():
            statements.clear()
            event.listen(engine, "before_cursor_execute", seen)
            try:
                result = run(service, *args)
            finally:
                event.remove(engine, "before_cursor_execute", seen)
            found[name] = len(statements)
            sizes[name] = len(getattr(result, "lines", getattr(result, "rows", [None])))
        return found

    sizes: dict[str, int] = {}
    grow(run, world, campaign, 1)  # two members in grid 1
    small = costs()
    assert min(sizes.values()) >= 1
    grow(run, world, campaign, 29)  # thirty
    assert costs() == small
    assert all(sizes[name] == 10 for name in calls if name != "progress"), sizes
    assert small["open_visits"] == small["grid_members"] == 2
    assert small["duty_list"] == 3

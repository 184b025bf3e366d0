"""周周讲进家庭 in the grid branch: who has studied this week (branch_progress), the last 12
weeks (completion_weeks), the staff's figures; who may see them; and that each costs the same
number of queries with 2 members as with 30."""

from datetime import timedelta

import pytest

from huajin_pwa import db
from huajin_pwa.models import StudyReflection
from huajin_pwa.services import study_branch
from huajin_pwa.services.errors import NotSignedIn, PermissionDenied
from tests.unit import study_branch_support as sb
from tests.unit import visit_support as vs
from tests.unit.study_support import MONDAY, TODAY, count_queries, week, write
from tests.unit.visit_support import JUNK

world = sb.world
weeks = sb.weeks


def names(found) -> list[str]:
    return [line.member.name for line in found.lines]


@pytest.fixture
def branch(world, weeks):
    """Grid 1: 周凤兰 (studied herself), 马兰芳 (frail, studied at home), 吴德明 (not yet),
    a pending disclosure; grid 2: 刘玉珍 (studied)."""
    frail = vs.add_member("马兰芳", mobility=True)
    lagging = vs.add_member("吴德明")
    vs.add_member("郑和平", status="pending")
    sb.study(world.member, weeks[0])
    sb.study(frail, weeks[0], "home")
    sb.study(world.neighbour, weeks[0])
    return {"frail": frail, "lagging": lagging}


# --- branch_progress -------------------------------------------------------------------------


def test_the_secretary_sees_who_has_not_studied_this_week(run, world, weeks, branch):
    found = run(study_branch.branch_progress, world.secretary)
    assert found.week.id == weeks[0].id and found.week.title == "本周的学习材料"
    assert (found.show, names(found), found.total) == ("not", ["吴德明"], 1)
    assert (found.studied, found.not_studied) == (2, 1)
    line = found.lines[0]
    assert (line.how, line.member.phone, line.member.building) == ("", branch["lagging"].phone, 1)


def test_and_who_has_and_how(run, world, weeks, branch):
    found = run(study_branch.branch_progress, world.secretary, None, "done")
    assert sorted(zip(names(found), (line.how for line in found.lines), strict=True)) == sorted(
        [("周凤兰", "self"), ("马兰芳", "home")]
    )
    assert found.lines[[n for n in names(found)].index("马兰芳")].member.mobility_limited


@pytest.mark.parametrize("show", ["", None, "all", ["done"], 5])
def test_anything_else_shows_the_members_who_have_not_studied(run, world, branch, show):
    assert names(run(study_branch.branch_progress, world.secretary, None, show)) == ["吴德明"]


def test_a_week_not_yet_published_or_a_later_one_is_not_this_week(run, world, weeks):
    world.move(week(-1) + timedelta(days=6))  # week -1 is held back until TODAY + 1
    assert run(study_branch.branch_progress, world.secretary).week.id == weeks[-2].id


def test_before_any_week_is_published_the_list_is_empty(run, world):
    found = run(study_branch.branch_progress, world.secretary)
    assert (found.week, found.lines, found.total, found.studied) == (None, [], 0, 0)


def test_the_list_is_paged(run, world, weeks):
    for n in range(12):
        vs.add_member(f"党员{n:02d}")
    first = run(study_branch.branch_progress, world.secretary)
    last = run(study_branch.branch_progress, world.secretary, None, "not", 2)
    assert (first.total, first.pages, len(first.lines), len(last.lines)) == (13, 2, 10, 3)
    assert not set(names(first)) & set(names(last))
    for page in JUNK:
        assert run(study_branch.branch_progress, world.secretary, None, "not", page).page in (1, 2)


def test_staff_see_every_grid_or_the_one_they_pick(run, world, branch):
    everyone = run(study_branch.branch_progress, world.staff, None, "done")
    assert sorted(names(everyone)) == ["刘玉珍", "周凤兰", "马兰芳"]
    grid2 = run(study_branch.branch_progress, world.staff, world.grid2, "done")
    assert names(grid2) == ["刘玉珍"]


def test_others_may_not_see_the_branch(run, world, branch):
    with pytest.raises(PermissionDenied):
        run(study_branch.branch_progress, world.member)
    with pytest.raises(NotSignedIn):
        run(study_branch.branch_progress, None)
    with pytest.raises(PermissionDenied):
        run(study_branch.branch_progress, world.secretary, world.grid2)
    with pytest.raises(PermissionDenied):
        run(study_branch.completion_weeks, world.other_secretary, world.grid1)


# --- completion_weeks ------------------------------------------------------------------------


def test_completion_of_the_published_weeks_newest_first(run, world, weeks, branch):
    sb.study(world.member, weeks[-3])
    sb.study(branch["lagging"], weeks[-3], "night")
    sb.study(world.neighbour, weeks[-2])  # grid 2: not counted in grid 1
    found = run(study_branch.completion_weeks, world.secretary)
    assert [(row.week_of, row.members, row.studied, row.percent) for row in found] == [
        (MONDAY, 3, 2, 67),
        (week(-2), 3, 0, 0),
        (week(-3), 3, 2, 67),
    ]
    assert found[0].title == "本周的学习材料"


def test_members_are_counted_as_the_grid_is_now(run, world, weeks, branch):
    """A member who joined after a week counts as not having studied it."""
    vs.add_member("新来的")
    assert [row.members for row in run(study_branch.completion_weeks, world.secretary)] == [4] * 3


def test_only_the_last_twelve_weeks_are_shown(run, world):
    for n in range(14):
        write(run, world.staff, week(-n))
    found = run(study_branch.completion_weeks, world.secretary)
    assert [row.week_of for row in found] == [week(-n) for n in range(12)]
    assert len(run(study_branch.completion_weeks, world.secretary, None, 3)) == 3
    for junk in [value for value in JUNK if value != 5]:  # 5 is a fair number of weeks
        assert len(run(study_branch.completion_weeks, world.secretary, None, junk)) == 12


def test_a_grid_without_members_shows_zero_not_an_error(run, world, weeks):
    with db.transaction() as session:
        from huajin_pwa.models import Grid

        grid = Grid(number=9, name="第九网格")
        session.add(grid)
    found = run(study_branch.completion_weeks, world.staff, grid.id)
    assert [(row.members, row.studied, row.percent) for row in found] == [(0, 0, 0)] * 3


# --- staff_study_figures ---------------------------------------------------------------------


def reflect(member, made, grid_id, day, status="waiting") -> None:
    with db.transaction() as session:
        session.add(
            StudyReflection(
                member_id=member.account_id,
                week_id=made.id,
                grid_id=grid_id,
                body="学习以后很受教育",
                status=status,
                created_at=vs.local_time(day, 9),
            )
        )


def test_staff_see_completion_by_grid_by_week_and_waiting_reflections(run, world, weeks, branch):
    reflect(world.member, weeks[0], world.grid1, TODAY)
    reflect(branch["frail"], weeks[0], world.grid1, TODAY - timedelta(days=2))
    reflect(world.member, weeks[-2], world.grid1, TODAY, status="acknowledged")
    reflect(world.neighbour, weeks[0], world.grid2, TODAY - timedelta(days=1))
    found = run(study_branch.staff_study_figures, world.staff)
    assert found.week.id == weeks[0].id
    assert [(g.grid, g.members, g.studied, g.percent) for g in found.by_grid] == [
        ("第一网格", 3, 2, 67),
        ("第二网格", 1, 1, 100),
    ]
    assert [(w.week_of, w.members, w.studied) for w in found.by_week] == [
        (MONDAY, 4, 3),
        (week(-2), 4, 0),
        (week(-3), 4, 0),
    ]
    assert [(a.grid, a.waiting, a.oldest) for a in found.awaiting] == [
        ("第一网格", 2, TODAY - timedelta(days=2)),
        ("第二网格", 1, TODAY - timedelta(days=1)),
    ]


def test_staff_figures_before_any_week(run, world):
    found = run(study_branch.staff_study_figures, world.staff)
    assert found.week is None and found.by_week == [] and found.awaiting == []
    assert [(g.members, g.studied, g.percent) for g in found.by_grid] == [(1, 0, 0), (1, 0, 0)]


def test_only_staff_see_the_staff_figures(run, world):
    for who in (world.secretary, world.member):
        with pytest.raises(PermissionDenied):
            run(study_branch.staff_study_figures, who)
    with pytest.raises(NotSignedIn):
        run(study_branch.staff_study_figures, None)


# --- a fixed number of queries ---------------------------------------------------------------


def costs(engine, run, world) -> dict[str, int]:
    calls = {
        "not studied, first page": (study_branch.branch_progress, world.secretary),
        "not studied, last page": (study_branch.branch_progress, world.secretary, None, "not", 9),
        "studied, last page": (study_branch.branch_progress, world.secretary, None, "done", 9),
        "staff, every grid": (study_branch.branch_progress, world.staff),
        "completion": (study_branch.completion_weeks, world.secretary),
        "home study, first page": (study_branch.home_study_list, world.secretary),
        "home study, last page": (study_branch.home_study_list, world.secretary, None, 9),
        "staff figures": (study_branch.staff_study_figures, world.staff),
    }
    return {
        name: count_queries(engine, lambda s=service, a=args: run(s, *a))[0]
        for name, (service, *args) in calls.items()
    }


def test_each_list_costs_the_same_queries_with_2_members_as_with_30(run, world, weeks, engine):
    def add(n: int) -> None:
        for i in range(n):
            member = vs.add_member(f"党员{i:02d}", mobility=i % 3 != 0)
            for made in (weeks[-3], weeks[-2]) + ((weeks[0],) if i % 3 == 0 else ()):
                sb.study(member, made)
            reflect(member, weeks[0], world.grid1, TODAY)

    add(2)
    small = costs(engine, run, world)
    add(28)
    assert run(study_branch.branch_progress, world.secretary, None, "not", 9).page > 1
    assert run(study_branch.home_study_list, world.secretary, None, 9).page > 1
    assert costs(engine, run, world) == small
    assert max(small.values()) <= 8

"""周周讲进家庭: a member's study record (weeks studied, the streak, how each was studied) and
what the member's lists cost in queries however long they grow."""

from datetime import timedelta

import pytest
from sqlmodel import select

from huajin_pwa import db
from huajin_pwa.models import StudyWeek
from huajin_pwa.services import study_member
from huajin_pwa.services.errors import DomainError
from tests.unit import study_support as ss
from tests.unit.study_support import MONDAY, TODAY, week, write

fixed_day = ss.fixed_day
pytestmark = pytest.mark.usefixtures("fixed_day")


@pytest.fixture
def weeks(run, staff):
    """-3, -2 and this week published; -1 held back until tomorrow; 1 published ahead."""
    return {
        -3: write(run, staff, week(-3)),
        -2: write(run, staff, week(-2)),
        -1: write(run, staff, week(-1), publish_on=TODAY + timedelta(days=1)),
        0: write(run, staff, MONDAY),
        1: write(run, staff, week(1), publish_on=TODAY),
    }


def study(run, member, *weeks_studied, how="self"):
    for made in weeks_studied:
        if how == "self":
            run(study_member.mark_studied, member, made.id)
        else:
            with db.transaction() as session:
                study_member.record_study(session, member.account_id, made, how)


@pytest.mark.parametrize(
    ("studied", "streak"),
    [
        ((), 0),
        ((0,), 1),
        ((0, -2, -3), 3),  # week -1 is not published: it does not break the streak
        ((-2, -3), 2),  # this week not studied yet does not break it either
        ((0, -3), 1),
        ((-3,), 0),
        ((1,), 0),  # a week ahead counts as studied but not in the streak
        ((1, 0, -2), 2),
    ],
)
def test_the_streak_counts_published_weeks_in_a_row(run, member, weeks, studied, streak):
    study(run, member, *(weeks[n] for n in studied))
    found = run(study_member.my_record, member)
    assert (found.weeks_studied, found.streak) == (len(studied), streak)
    assert [line.week_of for line in found.lines] == sorted(
        (week(n) for n in studied), reverse=True
    )


def test_without_this_weeks_material_an_unstudied_last_week_ends_the_streak(run, staff, member):
    old = [write(run, staff, week(n)) for n in (-3, -2, -1)]
    study(run, member, old[0], old[1])
    assert run(study_member.my_record, member).streak == 0
    study(run, member, old[2])
    assert run(study_member.my_record, member).streak == 3


def test_the_record_says_how_each_week_was_studied(run, member, actor_with, weeks):
    study(run, member, weeks[0])
    study(run, member, weeks[-2], how="home")
    study(run, member, weeks[-3], how="night")
    study(run, member, weeks[-3], how="home")  # already studied: the first note stays
    found = run(study_member.my_record, member)
    assert [(line.week_of, line.title, line.how) for line in found.lines] == [
        (MONDAY, weeks[0].title, "self"),
        (week(-2), weeks[-2].title, "home"),
        (week(-3), weeks[-3].title, "night"),
    ]
    assert found.by_how == {"self": 1, "home": 1, "night": 1, "group": 0}
    assert (found.weeks_studied, found.streak) == (3, 3)
    line = run(study_member.member_weeks, member).rows[2]
    assert (line.week.week_of, line.how) == (week(-2), "home")
    other = actor_with(["member"], phone="13700000078", name="黄淑珍")
    empty = run(study_member.my_record, other)
    assert (empty.weeks_studied, empty.streak, empty.lines) == (0, 0, [])
    assert empty.by_how == {"self": 0, "home": 0, "night": 0, "group": 0}


def test_a_delivery_of_a_week_not_yet_published_is_refused(run, member, weeks):
    with db.transaction() as session, pytest.raises(DomainError):
        study_member.record_study(session, member.account_id, weeks[-1], "home")
    with db.transaction() as session, pytest.raises(ValueError):
        study_member.record_study(session, member.account_id, weeks[0], "bus")


def test_a_publish_day_is_reached_at_midnight_in_wuhan(run, fixed_day, member, weeks):
    assert run(study_member.member_weeks, member).total == 4
    fixed_day(TODAY + timedelta(days=1))
    assert run(study_member.member_weeks, member).total == 5
    assert run(study_member.mark_studied, member, weeks[-1].id).created


def test_the_member_lists_cost_the_same_queries_at_any_length(run, engine, staff, member):
    def costs() -> dict[str, int]:
        calls = {
            "weeks": lambda: run(study_member.member_weeks, member),
            "weeks_page_2": lambda: run(study_member.member_weeks, member, 2),
            "record": lambda: run(study_member.my_record, member),
            "current": lambda: run(study_member.current, member),
            "read": lambda: run(study_member.read_week, member, week(-1).isoformat()),
        }
        return {name: ss.count_queries(engine, call)[0] for name, call in calls.items()}

    made = [write(run, staff, week(n)) for n in (0, -1)]
    study(run, member, *made)
    small = costs()
    made = [write(run, staff, week(n)) for n in range(-30, -1)]
    study(run, member, *made[::2])
    study(run, member, *made[1::2], how="night")
    assert costs() == small
    assert small == {"weeks": 2, "weeks_page_2": 2, "record": 2, "current": 2, "read": 2}
    found = run(study_member.member_weeks, member, 2)
    assert (len(found.rows), found.total, found.pages) == (10, 31, 4)
    record = run(study_member.my_record, member)
    assert (record.weeks_studied, record.streak) == (31, 31)
    with db.transaction() as session:
        assert len(session.exec(select(StudyWeek)).all()) == 31

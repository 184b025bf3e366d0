"""study_member.this_week: the week members study now and how the member studied it (the
home page's 本周学习 card), in one query; members only."""

import pytest

from huajin_pwa.services import study_member
from huajin_pwa.services.errors import NotSignedIn, PermissionDenied
from tests.unit import study_support as ss
from tests.unit.study_support import MONDAY, TODAY, count_queries, week, write

fixed_day = ss.fixed_day
pytestmark = pytest.mark.usefixtures("fixed_day")


def test_nothing_published_is_none(run, staff, member):
    write(run, staff, MONDAY, publish_on=TODAY + ss.timedelta(days=1))
    assert run(study_member.this_week, member) is None


def test_this_weeks_material_and_how_it_was_studied(run, staff, member):
    write(run, staff, week(-1))
    this = write(run, staff, MONDAY, title="本周的材料")
    write(run, staff, week(1), publish_on=TODAY)  # published ahead: not this week's
    line = run(study_member.this_week, member)
    assert (line.week.id, line.this_week, line.how, line.changed) == (this.id, True, "", False)
    run(study_member.mark_studied, member, this.id)
    assert run(study_member.this_week, member).how == "self"


def test_without_this_weeks_material_the_latest_before_it_stands_in(run, staff, member):
    last = write(run, staff, week(-1))
    line = run(study_member.this_week, member)
    assert (line.week.id, line.this_week) == (last.id, False)


def test_one_query(engine, run, staff, member):
    for n in range(5):
        write(run, staff, week(-n))
    queries, line = count_queries(engine, lambda: run(study_member.this_week, member))
    assert queries == 1 and line.week.week_of == MONDAY


def test_only_members(run, staff, actor_with):
    write(run, staff, MONDAY)
    with pytest.raises(NotSignedIn):
        run(study_member.this_week, None)
    with pytest.raises(PermissionDenied):
        run(study_member.this_week, staff)
    with pytest.raises(PermissionDenied):
        run(study_member.this_week, actor_with(["secretary"]))

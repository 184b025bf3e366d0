"""Shared by the 学习心得 service tests: the small community of the visit tests (two grids, two
secretaries of grid 1, one of grid 2, staff, a member in each grid), three weeks of material,
and reading reflections back. Fixtures are used by assigning them in a test module."""

from datetime import timedelta

import pytest
from sqlmodel import select

from huajin_pwa import db
from huajin_pwa.models import StudyReflection
from huajin_pwa.services import reflections
from tests.unit import visit_support as vs
from tests.unit.study_support import MONDAY, TODAY, week, write

world = vs.world
THIS_WEEK = MONDAY.isoformat()
LAST_WEEK = week(-1).isoformat()
NEXT_WEEK = week(1).isoformat()  # written, published only next Monday
TEXT = "学了这一周的材料，我想起年轻时在厂里带徒弟的事。老党员要从身边小事做起。"


@pytest.fixture
def weeks(run, world):
    """This week and last week published; next week written but not published yet."""
    return {
        0: write(run, world.staff, MONDAY, title="从身边小事做起"),
        -1: write(run, world.staff, week(-1), title="老党员的初心"),
        1: write(run, world.staff, week(1), publish_on=TODAY + timedelta(days=5)),
    }


def reflect(run, actor, day: str = THIS_WEEK, body: str = TEXT):
    """Write a reflection; returns (reflection, created)."""
    return run(reflections.write, actor, day, body)


def rows() -> list[StudyReflection]:
    with db.transaction() as session:
        return list(session.exec(select(StudyReflection).order_by(StudyReflection.id)).all())


def load(reflection_id: int) -> StudyReflection:
    with db.transaction() as session:
        return session.get(StudyReflection, reflection_id)

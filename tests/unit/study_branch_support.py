"""Shared by the branch-study service tests: the visit tests' small community (visit_support
world) with study weeks written by staff, and members studying quickly."""

from datetime import timedelta

import pytest
from sqlmodel import select

from huajin_pwa import db
from huajin_pwa.models import StudyRecord, StudyWeek
from huajin_pwa.services import study_member
from huajin_pwa.services.actor import Actor
from tests.unit import visit_support as vs
from tests.unit.study_support import MONDAY, TODAY, week, write

world = vs.world


@pytest.fixture
def weeks(run, world) -> dict[int, StudyWeek]:
    """Weeks -3, -2 and this one published; -1 held back until tomorrow; 1 published ahead."""
    staff = world.staff
    return {
        -3: write(run, staff, week(-3), title="第一周的学习材料"),
        -2: write(run, staff, week(-2), title="第二周的学习材料"),
        -1: write(run, staff, week(-1), publish_on=TODAY + timedelta(days=1)),
        0: write(run, staff, MONDAY, title="本周的学习材料"),
        1: write(run, staff, week(1), publish_on=TODAY),
    }


def study(member: Actor, made: StudyWeek, how: str = "self") -> None:
    """The member studied the week (how: self, home, night, group)."""
    with db.transaction() as session:
        study_member.record_study(session, member.account_id, made, how)


def records_of(member: Actor) -> dict[int, str]:
    """week id -> how, of the member's study records."""
    with db.transaction() as session:
        rows = session.exec(
            select(StudyRecord).where(StudyRecord.member_id == member.account_id)
        ).all()
    return {row.week_id: row.how for row in rows}

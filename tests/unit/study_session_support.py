"""Shared by the study-session service tests: weeks of material (a fixture, used by assigning
it in a test module, which also assigns visit_support's world), a good session form, and
reading back attendance and study records."""

import pytest
from sqlmodel import select

from huajin_pwa import db
from huajin_pwa.models import StudyAttendance, StudyRecord, StudySession
from huajin_pwa.services import study_sessions
from tests.unit.study_support import MONDAY, TODAY, week, write
from tests.unit.visit_support import rows


@pytest.fixture
def weeks(run, world):
    """This week and two weeks ago published; next week published on its Monday (ahead)."""
    return {
        0: write(run, world.staff, MONDAY),
        -2: write(run, world.staff, week(-2)),
        1: write(run, world.staff, week(1)),
        -10: write(run, world.staff, week(-10)),
    }


def plan(weeks, day=TODAY, **changes) -> dict:
    """A good form for a 夜学 session of this week's material."""
    return {
        "week": str(weeks[0].id),
        "held_on": day.isoformat(),
        "part": "night",
        "starts_at": "19:30",
        "place": "社区党群服务中心二楼",
        **changes,
    }


def schedule(run, actor, weeks, **changes) -> StudySession:
    """Plan a session through the service (refusals raise)."""
    return run(study_sessions.schedule, actor, plan(weeks, **changes))


def attendance_rows() -> list[tuple[int, int, str]]:
    """(session, member, via) of every attendance row."""
    return [(row.session_id, row.member_id, row.via) for row in rows(StudyAttendance)]


def record_of(member_id: int, week_id: int) -> StudyRecord | None:
    """The member's study record of a week, if any."""
    with db.transaction() as session:
        return session.exec(
            select(StudyRecord).where(
                StudyRecord.member_id == member_id, StudyRecord.week_id == week_id
            )
        ).first()

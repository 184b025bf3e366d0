"""Shared by the state tests of the secretary's visit and member pages: a fixed day, the people
of a small community (two secretaries of grid 1, one of grid 2, staff, a member in grid 1 in
difficulty and frail), a request made through the member's service, and reading rows back.

Fixtures are used by importing them into a test module."""

from dataclasses import dataclass
from datetime import datetime, time

import pytest
from sqlmodel import select

from huajin_pwa import db
from huajin_pwa.models import AuditEntry, Visit
from huajin_pwa.services import approval, clock, visits
from huajin_pwa.services.actor import Actor
from tests.unit.visit_support import TODAY, days, grid_colleagues

__all__ = ["TODAY", "days"]

ASKER_PHONE = "13700000031"
FRAIL = {"mobility_limited": "yes", "family_difficulty": "yes"}


@dataclass
class People:
    """Who acts in these tests."""

    grid1: int
    grid2: int
    staff: Actor
    secretary: Actor  # 李建华, grid 1
    colleague: Actor  # 何春梅, grid 1
    stranger: Actor  # 孙立新, grid 2
    member: Actor  # 王秀兰, grid 1, in difficulty and frail
    member_token: str


@pytest.fixture
def people(fast_hashing, run, session, community, staff, secretary, join, monkeypatch) -> People:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    asker = join.submitted(ASKER_PHONE, name="王秀兰", needs=FRAIL)
    run(approval.approve, staff, asker.disclosure_id)
    grid1, grid2 = (grid.id for grid in community)
    colleague, stranger = grid_colleagues(session, grid1, grid2)
    return People(grid1, grid2, staff, secretary, colleague, stranger, asker.actor(), asker.token)


def ask(run, member: Actor, reason: str = "chat", **form) -> int:
    """The member asks for a visit (made this morning of TODAY); the visit's id."""
    answers = {"reason": reason, "day": visits.SOON, "part": "", "note": "", **form}
    visit, created = run(visits.request_visit, member, answers)
    assert created
    with db.transaction() as session:
        row = session.get(Visit, visit.id)
        row.created_at = datetime.combine(TODAY, time(9, 0), tzinfo=clock.LOCAL_TZ)
        session.add(row)
    return visit.id


def visit_row(visit_id: int) -> Visit:
    with db.transaction() as session:
        return session.get(Visit, visit_id)


def audits(action: str) -> list[AuditEntry]:
    with db.transaction() as session:
        return list(session.exec(select(AuditEntry).where(AuditEntry.action == action)).all())

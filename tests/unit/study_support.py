"""Shared by the 周周讲进家庭 service tests: a fixed day, a good material form, and weeks
written quickly. Fixtures are used by assigning them in a test module."""

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from huajin_pwa import db
from huajin_pwa.services import clock, study

TODAY = date(2026, 6, 10)  # a Wednesday
MONDAY = date(2026, 6, 8)  # this week


def week(n: int) -> date:
    """The Monday n weeks from this week (negative: past weeks)."""
    return MONDAY + timedelta(weeks=n)


def form(week_of: date = MONDAY, publish_on: date | None = None, **changes: Any) -> dict:
    """A good material form for a week (published on its Monday unless told)."""
    good = {
        "week_of": week_of.isoformat(),
        "title": "学习新时代老党员的担当",
        "body": (
            "## 本周学习\n\n老党员在社区里发挥作用，**从身边小事做起**。\n\n"
            "- 关心邻居\n- 参加志愿服务"
        ),
        "key_points": "从身边小事做起\n关心困难邻居\n按时参加组织生活",
        "questions": "您在社区里帮过谁？\n您愿意参加哪支志愿队？",
        "publish_on": (publish_on or week_of).isoformat(),
    }
    return {**good, **changes}


@pytest.fixture
def fixed_day(monkeypatch):
    """clock.today() says TODAY; returns a function that moves it."""

    def move(day: date) -> None:
        monkeypatch.setattr(clock, "today", lambda: day)

    move(TODAY)
    return move


def write(run, staff, week_of: date = MONDAY, publish_on: date | None = None, **changes):
    """Write a week as staff; returns it."""
    return run(study.write_week, staff, form(week_of, publish_on, **changes))


def count_queries(engine, action) -> tuple[int, Any]:
    """(statements run, result) of action()."""
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_rest):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        result = action()
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    return len(statements), result


def load(model, row_id):
    with db.transaction() as session:
        return session.get(model, row_id)

"""Shared by the member's 上门看望 state tests: approved members, a frozen day, the request pages
opened as a browser opens them, and reading visits back.

Fixtures are used by assigning them in a test module (`me = visit_member_support.me`)."""

from datetime import date, timedelta
from typing import Any

import pytest
from sqlmodel import select

from huajin_pwa import db
from huajin_pwa.models import Message, Visit
from huajin_pwa.services import approval, clock, visit_work, visits
from huajin_pwa.services.actor import Actor
from huajin_pwa.states.visit_request import VisitRequestState
from huajin_pwa.states.visits import VisitsState

from .helpers import open_page, send


@pytest.fixture
def today(monkeypatch) -> date:
    """Today as the services see it, frozen for the test."""
    day = clock.today()
    monkeypatch.setattr(clock, "today", lambda: day)
    return day


@pytest.fixture
def me(run, staff, elder, today) -> Actor:
    """An approved member in grid 1 (周凤兰)."""
    run(approval.approve, staff, elder.disclosure_id)
    return elder.actor()


@pytest.fixture
def other(run, staff, neighbour, today) -> Actor:
    """An approved member in grid 2 (刘玉珍)."""
    run(approval.approve, staff, neighbour.disclosure_id)
    return neighbour.actor()


def in_days(today: date, n: int) -> str:
    return (today + timedelta(days=n)).isoformat()


def all_visits() -> list[Visit]:
    with db.transaction() as session:
        return list(session.exec(select(Visit).order_by(Visit.id)).all())


def visit(visit_id: int) -> Visit:
    with db.transaction() as session:
        return session.get(Visit, visit_id)


def titles_to(account_id: int) -> list[str]:
    with db.transaction() as session:
        query = select(Message.title).where(Message.account_id == account_id)
        return list(session.exec(query.order_by(Message.id)).all())


def ask(run, actor: Actor, reason: str = "chat", **answers: Any) -> int:
    """A request made through the service; its id."""
    found, created = run(
        visits.request_visit,
        actor,
        {"reason": reason, "day": visits.SOON, "part": "", "note": "", **answers},
    )
    assert created
    return found.id


def schedule(run, secretary: Actor, visit_id: int, day: date, part: str = "pm") -> None:
    run(visit_work.schedule, secretary, visit_id, None, {"day": day.isoformat(), "part": part})


def record_done(run, secretary: Actor, visit_id: int, day: date, outcome: str) -> None:
    run(
        visit_work.record_done,
        secretary,
        visit_id,
        None,
        {"visited_on": day.isoformat(), "outcome": outcome},
    )


def on_page(state: VisitRequestState, path: str) -> Any:
    """Open one of the request pages as the browser does: the address, then its load event."""
    open_page(state, path)
    route = path.split("?", 1)[0]
    handler = {
        "/visits/new": "load_reason",
        "/visits/new/when": "load_when",
        "/visits/new/note": "load_note",
    }[route]
    return send(state, handler)


def visits_page_of(state: Any) -> VisitsState:
    """The same browser's /visits state (it shares the flash the request pages leave)."""
    root = state._get_root_state()
    found = root.get_substate(VisitsState.get_full_name().split("."))
    open_page(found, "/visits")
    return found

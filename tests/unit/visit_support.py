"""Shared by the 上门看望 service tests: a fixed day, the people of a small community, members
and visits made quickly, and small database helpers.

Fixtures are used by assigning them in a test module (`world = visit_support.world`)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import count as counter
from typing import Any

import pytest
from sqlmodel import SQLModel, select

from huajin_pwa import db
from huajin_pwa.models import (
    Account,
    AuditEntry,
    Building,
    Campaign,
    Disclosure,
    Grid,
    Message,
    RoleGrant,
    Visit,
)
from huajin_pwa.services import approval, clock, visits
from huajin_pwa.services.actor import Actor
from tests.conftest import make_actor
from tests.states.helpers import JUNK, snapshot

__all__ = ["JUNK", "snapshot"]

TODAY = date(2026, 6, 10)  # a Wednesday, before the duty list's day 20
_phones = counter(13600000100)


def iso(day: date) -> str:
    return day.isoformat()


def days(n: int) -> str:
    """TODAY + n days, as a date input sends it."""
    return iso(TODAY + timedelta(days=n))


def local_time(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """A moment on a day in Wuhan (what a stored created_at is compared against)."""
    return datetime.combine(day, time(hour, minute), tzinfo=clock.LOCAL_TZ)


@dataclass
class World:
    """Two grids; staff; two secretaries of grid 1 and one of grid 2; one approved member in
    each grid (disclosed through the real flow); move(day) changes what clock.today() says."""

    grid1: int
    grid2: int
    staff: Actor
    secretary: Actor
    colleague: Actor
    other_secretary: Actor
    member: Actor
    neighbour: Actor
    monkeypatch: Any

    def move(self, day: date) -> None:
        self.monkeypatch.setattr(clock, "today", lambda: day)


def grid_colleagues(session, grid1: int, grid2: int) -> tuple[Actor, Actor]:
    """A second secretary of grid 1 (何春梅) and the secretary of grid 2 (孙立新)."""
    colleague = make_actor(
        session, "13900000012", "何春梅", ["secretary"], grid1, password="grid-password-2"
    )
    other = make_actor(
        session, "13900000022", "孙立新", ["secretary"], grid2, password="grid-password-3"
    )
    return colleague, other


@pytest.fixture
def world(
    fast_hashing, run, session, community, staff, secretary, elder, neighbour, monkeypatch
) -> World:
    run(approval.approve, staff, elder.disclosure_id)
    run(approval.approve, staff, neighbour.disclosure_id)
    grid1, grid2 = (grid.id for grid in community)
    colleague, other = grid_colleagues(session, grid1, grid2)
    found = World(
        grid1,
        grid2,
        staff,
        secretary,
        colleague,
        other,
        elder.actor(),
        neighbour.actor(),
        monkeypatch,
    )
    found.move(TODAY)
    return found


# --- making rows quickly ------------------------------------------------------------------


def add_member(
    name: str,
    grid: int = 1,
    difficulty: bool | None = False,
    mobility: bool | None = False,
    status: str = "approved",
    phone: str | None = None,
    birth_year: int = 1950,
) -> Actor:
    """A member of grid number `grid` with a disclosure in `status` (the member role when
    approved), inserted directly; returned as an actor."""
    phone = phone or str(next(_phones))
    with db.transaction() as session:
        grid_row = session.exec(select(Grid).where(Grid.number == grid)).one()
        building = session.exec(
            select(Building).where(Building.grid_id == grid_row.id).order_by(Building.number)
        ).first()
        account = Account(phone=phone, name=name, secret_kind="pin", secret_hash="-")
        session.add(account)
        session.flush()
        if status == "approved":
            session.add(RoleGrant(account_id=account.id, role="member"))
        session.add(
            Disclosure(
                account_id=account.id,
                status=status,
                name=name,
                birth_year=birth_year,
                building_id=building.id,
                unit=1,
                room="0301",
                grid_id=grid_row.id,
                family_difficulty=difficulty,
                mobility_limited=mobility,
            )
        )
    roles = frozenset({"member"}) if status == "approved" else frozenset()
    return Actor(account.id, name, phone, roles)


def add_visit(member: Actor, grid_id: int, **fields: Any) -> int:
    """A visit row inserted directly (a done visit nobody asked for, unless told otherwise)."""
    values = {
        "source": "logged",
        "reason": "chat",
        "status": "done",
        "created_by_id": member.account_id,
        **fields,
    }
    if "created" in values:
        values["created_at"] = local_time(values.pop("created"))
    with db.transaction() as session:
        visit = Visit(member_id=member.account_id, grid_id=grid_id, **values)
        session.add(visit)
        session.flush()
        return visit.id


def add_campaign(staff: Actor, name: str = "端午慰问", ends: int = 20) -> int:
    """A campaign row without tasks (add them with add_visit); its id."""
    with db.transaction() as session:
        campaign = Campaign(
            name=name,
            starts_on=TODAY,
            ends_on=TODAY + timedelta(days=ends),
            audience="all",
            created_by_id=staff.account_id,
        )
        session.add(campaign)
        session.flush()
        return campaign.id


def set_created(visit_id: int, moment: datetime | date) -> None:
    """Pretend a visit was made at moment (a day means 10:00 in Wuhan that day)."""
    if not isinstance(moment, datetime):
        moment = local_time(moment)
    with db.transaction() as session:
        visit = session.get(Visit, visit_id)
        visit.created_at = moment
        session.add(visit)


def ask(run, actor: Actor, reason: str = "chat", made: date | None = None, **form: Any) -> int:
    """A member's request (asked `made`, three days ago unless told); its id."""
    answers = {"reason": reason, "day": visits.SOON, "part": "", "note": "", **form}
    visit, created = run(visits.request_visit, actor, answers)
    assert created
    set_created(visit.id, made or TODAY - timedelta(days=3))
    return visit.id


# --- the secretary's forms ------------------------------------------------------------------

PLAN = {"day": days(2), "part": "pm", "visitor": ""}
DONE = {"visited_on": days(-1), "outcome": "聊了家常，身体不错", "help_need": "需要一副助行器"}


@pytest.fixture
def asked(run, world) -> int:
    """The grid-1 member's request, made three days ago."""
    return ask(run, world.member)


# --- reading back -------------------------------------------------------------------------


def load(model: type[SQLModel], row_id: int) -> Any:
    with db.transaction() as session:
        return session.get(model, row_id)


def rows(model: type[SQLModel]) -> list:
    with db.transaction() as session:
        return list(session.exec(select(model).order_by(model.id)).all())


def messages_to(account_id: int, title: str | None = None) -> list[Message]:
    return [
        message
        for message in rows(Message)
        if message.account_id == account_id and (title is None or message.title == title)
    ]


def audits(action: str) -> list[AuditEntry]:
    return [entry for entry in rows(AuditEntry) if entry.action == action]


def refused(error: type[Exception], run, service, *args: Any) -> Exception:
    """Call a service that must refuse: the error, after checking no row anywhere changed."""
    before = snapshot()
    with pytest.raises(error) as caught:
        run(service, *args)
    assert snapshot() == before
    return caught.value


def field_errors(run, service, *args: Any) -> dict[str, str]:
    """A form the service must refuse: its field messages (nothing changed)."""
    from huajin_pwa.services.errors import FormError

    return refused(FormError, run, service, *args).errors

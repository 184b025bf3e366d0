"""Shared fixtures: a fresh database per test, on SQLite and (when HUAJIN_TEST_PG_URL is set) PostgreSQL."""

import os

import pytest
from sqlalchemy import text as sql
from sqlmodel import Session, SQLModel

import huajin_pwa.models  # noqa: F401  (registers every table)
from huajin_pwa import db
from huajin_pwa.services.actor import Actor

PG_URL = os.environ.get("HUAJIN_TEST_PG_URL", "")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def reset_postgres(engine) -> None:
    """Drop and recreate the public schema: an empty database for the next test."""
    with engine.begin() as connection:
        connection.execute(sql("DROP SCHEMA public CASCADE"))
        connection.execute(sql("CREATE SCHEMA public"))


@pytest.fixture(params=BACKENDS)
def engine(request, tmp_path):
    """An engine on an empty database with every table created; the app uses it too."""
    if request.param == "sqlite":
        engine = db.make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    else:
        engine = db.make_engine(PG_URL)
        reset_postgres(engine)
    SQLModel.metadata.create_all(engine)
    db.use_engine(engine)
    yield engine
    db.use_engine(None)
    engine.dispose()


@pytest.fixture
def session(engine):
    """A session on the fresh database (tests commit as the app would)."""
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def community(session):
    """Two grids with two buildings each, committed."""
    from huajin_pwa.models import Building, Grid

    grids = [Grid(number=1, name="第一网格"), Grid(number=2, name="第二网格")]
    session.add_all(grids)
    session.flush()
    session.add_all(
        [
            Building(number=1, grid_id=grids[0].id, units=3, floors=18, rooms_per_floor=4),
            Building(number=2, grid_id=grids[0].id, units=2, floors=6, rooms_per_floor=2),
            Building(number=5, grid_id=grids[1].id, units=2, floors=11, rooms_per_floor=4),
            Building(number=6, grid_id=grids[1].id, units=2, floors=11, rooms_per_floor=4),
        ]
    )
    session.commit()
    return grids


def make_actor(session, phone: str, name: str, roles=(), grid_id=None, password=None) -> Actor:
    """Create an account holding roles and return it as an actor."""
    from huajin_pwa.services import accounts, auth

    account = accounts.create_account(
        session,
        phone=phone,
        name=name,
        pin=None if password else "135790",
        password=password,
    )
    for role in roles:
        accounts.add_role(session, account.id, role, grid_id if role == "secretary" else None)
    session.commit()
    token = auth.open_session(session, account)
    session.commit()
    actor = auth.actor_from_token(session, token)
    assert actor is not None
    return actor


@pytest.fixture
def staff(session, community):
    """A staff member."""
    return make_actor(session, "13900000001", "王敏", roles=["staff"], password="staff-password-1")


@pytest.fixture
def secretary(session, community):
    """The secretary of grid 1."""
    return make_actor(
        session, "13900000002", "李建华", roles=["secretary"], grid_id=community[0].id,
        password="grid-password-1",
    )

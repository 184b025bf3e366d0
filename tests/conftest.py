"""Shared fixtures: a fresh database a test, SQLite and (given HUAJIN_TEST_PG_URL) PostgreSQL."""

import os

import pytest
from sqlalchemy import text as sql
from sqlmodel import Session, SQLModel

import huajin_pwa.models  # noqa: F401  (registers every table)
from huajin_pwa import db
from huajin_pwa.services import disclosure as disclosure_service
from huajin_pwa.services.actor import Actor
from tests.unit.disclosure_support import NOW, PHONE
from tests.unit.pin_reset_support import GRID_2_HOME, OTHER_PHONE
from tests.unit.pin_reset_support import PHONE as PIN_RESET_PHONE

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
        session,
        "13900000002",
        "李建华",
        roles=["secretary"],
        grid_id=community[0].id,
        password="grid-password-1",
    )


# --- Service test helpers (tests/unit) ------------------------------------------------------


@pytest.fixture
def fast_hashing(monkeypatch):
    """Cheap argon2 parameters for tests that make many accounts (still argon2, still checked)."""
    from passlib.context import CryptContext

    from huajin_pwa.services import auth

    cheap = CryptContext(
        schemes=["argon2"], argon2__memory_cost=1024, argon2__rounds=1, argon2__parallelism=1
    )
    monkeypatch.setattr(auth, "HASHER", cheap)


@pytest.fixture
def run(engine):
    """Call a service as the app does: in its own transaction, committed unless it raises."""

    def call(service, *args, **kwargs):
        with db.transaction() as session:
            return service(session, *args, **kwargs)

    return call


@pytest.fixture
def admin(session, community):
    """An admin."""
    return make_actor(
        session, "13900000000", "赵志刚", roles=["admin"], password="admin-password-1"
    )


@pytest.fixture
def member(session, community):
    """A member whose disclosure has been approved (holds the member role), PIN 135790."""
    return make_actor(session, "13900000003", "陈秀英", roles=["member"])


COMPLETE_ANSWERS = {
    "basic": {"gender": "female", "birth_year": "1952"},
    "address": {"building": "1", "unit": "2", "room": "1502"},
    "org": {
        "org_name": "荆州市某某局退休党支部",
        "org_place": "湖北省荆州市",
        "party_year": "1975",
    },
    "moved_in": {"moved_in_year": "2016", "moved_in_month": "5"},
    "needs": {"mobility_limited": "no", "family_difficulty": "unknown"},
    "hobbies": {"hobbies": ["sing", "dance"], "wishes": "arts"},
    "consent": {"consent": "on"},
}


class Joiner:
    """Someone who signed up through 亮明身份: their phone, session token and disclosure."""

    def __init__(self, phone: str, token: str, disclosure_id: int):
        self.phone = phone
        self.token = token
        self.disclosure_id = disclosure_id

    def actor(self) -> Actor:
        """Who this person is right now, read fresh from the database."""
        from huajin_pwa.services import auth

        with db.transaction() as session:
            actor = auth.actor_from_token(session, self.token)
        assert actor is not None
        return actor


@pytest.fixture
def join(engine, community):
    """Helpers for the disclosure flow: join.sign_up(), join.fill(), join.submitted()."""
    from huajin_pwa.services import disclosure

    class Join:
        answers = COMPLETE_ANSWERS

        @staticmethod
        def sign_up(phone: str, name: str = "张桂英", pin: str = "135790") -> Joiner:
            form = {"name": name, "phone": phone, "pin": pin, "pin_again": pin}
            with db.transaction() as session:
                draft, token = disclosure.start(session, None, form)
            return Joiner(phone, token, draft.id)

        @staticmethod
        def fill(actor: Actor, disclosure_id: int, skip=(), **answers) -> None:
            """Save every step with good answers (answers override a step, skip leaves it out)."""
            for step, form in {**COMPLETE_ANSWERS, **answers}.items():
                if step in skip:
                    continue
                with db.transaction() as session:
                    disclosure.save_step(session, actor, disclosure_id, step, form)

        @classmethod
        def submitted(cls, phone: str, name: str = "张桂英", **answers) -> Joiner:
            """Someone who signed up, answered everything and submitted."""
            person = cls.sign_up(phone, name)
            cls.fill(person.actor(), person.disclosure_id, **answers)
            with db.transaction() as session:
                disclosure.submit(session, person.actor(), person.disclosure_id)
            return person

    return Join


@pytest.fixture
def actor_with(session, community):
    """A factory: a PIN account (135790) holding the given roles, as an actor."""

    def make(roles=(), phone: str = "13700000077", name: str = "孙丽华", grid_id=None) -> Actor:
        grid_id = grid_id if grid_id is not None else community[0].id
        return make_actor(session, phone, name, roles=roles, grid_id=grid_id)

    return make


@pytest.fixture
def today(monkeypatch):
    """Fix the disclosure service's clock at 15 June 2026."""
    monkeypatch.setattr(disclosure_service, "utcnow", lambda: NOW)
    return NOW


@pytest.fixture
def person(join):
    """Someone who just signed up: their draft is empty but for the name."""
    return join.sign_up(PHONE)


@pytest.fixture
def elder(join):
    """A member who disclosed in grid 1 (building 1), PIN 135790, signed in on one phone."""
    return join.submitted(PIN_RESET_PHONE, name="周凤兰")


@pytest.fixture
def neighbour(join):
    """A member who disclosed in grid 2 (building 5)."""
    return join.submitted(OTHER_PHONE, name="刘玉珍", address=GRID_2_HOME)

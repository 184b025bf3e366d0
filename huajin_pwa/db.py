"""The database engine and the one way to open a transaction."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from huajin_pwa.settings import default_db_url

_engine: Engine | None = None


def make_engine(url: str) -> Engine:
    """An engine for url; SQLite gets foreign keys on and a busy timeout."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


def get_engine() -> Engine:
    """The process-wide engine, made on first use."""
    global _engine
    if _engine is None:
        _engine = make_engine(default_db_url())
    return _engine


def use_engine(engine: Engine | None) -> None:
    """Point the app at another engine (the tests use this)."""
    global _engine
    _engine = engine


@contextmanager
def transaction() -> Iterator[Session]:
    """A session whose work is committed on success and rolled back on any error."""
    with Session(get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise

"""Alembic environment: the app's SQLModel metadata and the database URL from settings."""

from alembic import context
from sqlmodel import SQLModel

import huajin_pwa.models  # noqa: F401  (registers every table)
from huajin_pwa.db import make_engine
from huajin_pwa.settings import default_db_url

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_offline() -> None:
    """Write SQL for the migrations without a database."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url") or default_db_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations against the database (a passed-in connection wins)."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or default_db_url())
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()

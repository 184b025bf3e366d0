"""Migrations: from empty to head and back, on SQLite and (HUAJIN_TEST_PG_URL) PostgreSQL.

The schema's only source of change is alembic/ (DESIGN §3): after upgrading, the database
must match the SQLModel tables exactly, and every revision must downgrade cleanly.
"""

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlmodel import SQLModel

import huajin_pwa.models  # noqa: F401  (registers every table)
from huajin_pwa import db
from huajin_pwa.cli import alembic_config
from tests.conftest import BACKENDS, PG_URL, reset_postgres

VERSION_TABLE = "alembic_version"


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    """The URL of an empty database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrations.db'}"
        return
    engine = db.make_engine(PG_URL)
    reset_postgres(engine)
    engine.dispose()
    yield PG_URL


def _inspect(url: str):
    """(app tables, differences from the models, current revision) of the database at url."""
    engine = db.make_engine(url)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names()) - {VERSION_TABLE}
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, SQLModel.metadata) if tables else None
            return tables, differences, context.get_current_revision()
    finally:
        engine.dispose()


def test_upgrade_from_empty_matches_the_models_and_downgrades_to_nothing(url):
    config = alembic_config(url)
    head = ScriptDirectory.from_config(config).get_current_head()
    assert _inspect(url)[0] == set()

    command.upgrade(config, "head")
    tables, differences, revision = _inspect(url)
    assert tables == set(SQLModel.metadata.tables)
    assert differences == []
    assert revision == head

    command.downgrade(config, "base")
    tables, _differences, revision = _inspect(url)
    assert tables == set()
    assert revision is None

    command.upgrade(config, "head")
    tables, differences, revision = _inspect(url)
    assert tables == set(SQLModel.metadata.tables)
    assert differences == []
    assert revision == head


def test_every_revision_steps_down_and_up_again(url):
    config = alembic_config(url)
    script = ScriptDirectory.from_config(config)
    revisions = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert revisions, "alembic/versions holds no revision"
    for revision in revisions:
        command.upgrade(config, revision)
        tables_here = _inspect(url)[0]
        command.downgrade(config, "-1")
        command.upgrade(config, revision)
        assert _inspect(url)[0] == tables_here
        assert _inspect(url)[2] == revision
    assert revisions[-1] == script.get_current_head()


def test_the_history_is_one_line():
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1, "several heads: merge the migrations"

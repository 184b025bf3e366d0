"""backup and restore: a SQLite copy taken with the app's data, put back after a loss."""

import pytest
from sqlmodel import select

from huajin_pwa import cli, db
from huajin_pwa.models import Account


@pytest.fixture
def live_db(tmp_path, monkeypatch):
    """A migrated SQLite database with the demo community, as REFLEX_DB_URL."""
    monkeypatch.setenv("REFLEX_DB_URL", f"sqlite:///{tmp_path / 'live.db'}")
    db.use_engine(None)
    assert cli.main(["migrate"]) == 0
    assert cli.main(["seed-demo"]) == 0
    yield tmp_path
    db.get_engine().dispose()
    db.use_engine(None)


def account_count() -> int:
    with db.transaction() as session:
        return len(session.exec(select(Account.id)).all())


def test_backup_then_restore_brings_the_data_back(live_db, capsys):
    before = account_count()
    target = live_db / "copy.db"
    assert cli.main(["backup", "--to", str(target)]) == 0
    assert target.is_file()
    with db.transaction() as session:
        for account in session.exec(select(Account).where(Account.phone != "13800000000")):
            account.name = "误改"
            session.add(account)
        session.add(Account(phone="13999999999", name="多余", secret_kind="pin", secret_hash="x"))
    assert account_count() == before + 1
    assert cli.main(["restore", str(target)]) == 1  # refuses without --yes
    assert "--yes" in capsys.readouterr().err
    assert cli.main(["restore", str(target), "--yes"]) == 0
    db.use_engine(None)
    assert account_count() == before
    with db.transaction() as session:
        assert session.exec(select(Account).where(Account.name == "误改")).first() is None


def test_backup_will_not_overwrite_and_restore_checks_the_file(live_db, capsys):
    target = live_db / "copy.db"
    target.write_text("not a database")
    assert cli.main(["backup", "--to", str(target)]) == 1
    assert "exists already" in capsys.readouterr().err
    assert cli.main(["restore", str(target), "--yes"]) == 1
    assert "not a backup" in capsys.readouterr().err
    assert cli.main(["restore", str(live_db / "missing.db"), "--yes"]) == 1


def test_postgresql_is_told_to_use_pg_dump(monkeypatch, capsys):
    monkeypatch.setenv("REFLEX_DB_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    assert cli.main(["backup"]) == 1
    assert "pg_dump" in capsys.readouterr().err
    assert cli.main(["restore", "x.db", "--yes"]) == 1

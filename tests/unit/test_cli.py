"""The admin command line, run in-process against a temporary SQLite database."""

import io
import os
import subprocess
import sys

import pytest
from sqlalchemy import inspect
from sqlmodel import select

from huajin_pwa import cli, db, demo, settings, text
from huajin_pwa.models import Account, AuditEntry, RoleGrant
from huajin_pwa.services import auth

COMMANDS = ("migrate", "create-admin", "seed-demo", "status")


@pytest.fixture
def cli_db(tmp_path, monkeypatch):
    """REFLEX_DB_URL pointed at an empty SQLite file; the app engine made afresh from it."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("REFLEX_DB_URL", url)
    monkeypatch.delenv("HUAJIN_DEMO", raising=False)
    db.use_engine(None)
    yield url
    db.get_engine().dispose()
    db.use_engine(None)


@pytest.fixture
def migrated(cli_db):
    assert cli.main(["migrate"]) == 0
    return cli_db


def _admin(phone="13912345678", name="陈志远", password="a-long-admin-pass", *extra):
    return ["create-admin", "--phone", phone, "--name", name, *extra], password


def _create_admin_stdin(monkeypatch, args, password) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
    return cli.main([*args, "--password-stdin"])


def _accounts() -> list[Account]:
    with db.transaction() as session:
        return list(session.exec(select(Account)).all())


def test_python_m_huajin_pwa_help_lists_every_command(tmp_path):
    env = {**os.environ, "REFLEX_DB_URL": f"sqlite:///{tmp_path / 'help.db'}"}
    result = subprocess.run(
        [sys.executable, "-m", "huajin_pwa", "--help"],
        cwd=settings.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main([command, "--help"])
    assert exit_info.value.code == 0
    assert f"python -m huajin_pwa {command}" in capsys.readouterr().out


def test_no_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main([])
    assert exit_info.value.code == 2
    assert "usage" in capsys.readouterr().err


def test_migrate_creates_the_schema_and_status_reports_it(cli_db, capsys):
    assert cli.main(["status"]) == 0
    before = capsys.readouterr().out
    assert "revision none" in before and "needs migrate" in before and "no tables" in before
    assert cli.main(["migrate"]) == 0
    assert inspect(db.get_engine()).has_table("account")
    assert cli.main(["migrate"]) == 0  # a second run has nothing to do
    capsys.readouterr()
    assert cli.main(["status"]) == 0
    line = capsys.readouterr().out
    assert line.count("\n") == 1
    assert "up to date" in line and "accounts 0" in line and "pending disclosures 0" in line
    assert cli_db in line


def test_migrate_works_from_any_working_directory(cli_db, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert cli.main(["migrate"]) == 0
    current, head = cli.revisions()
    assert current == head is not None


def test_alembic_config_uses_the_repo_ini_and_the_given_url():
    config = cli.alembic_config("postgresql+psycopg://u:p%40ss@h/db")
    assert config.config_file_name == str(settings.ROOT / "alembic.ini")
    assert config.get_main_option("script_location") == str(settings.ROOT / "alembic")
    assert config.get_main_option("sqlalchemy.url") == "postgresql+psycopg://u:p%40ss@h/db"


def test_safe_url_hides_the_password():
    shown = cli.safe_url("postgresql+psycopg://huajin:s3cret-pw@db.internal:5432/huajin")
    assert "s3cret-pw" not in shown and "***" in shown and "db.internal" in shown
    assert (
        cli.safe_url("sqlite:////srv/huajin/data/huajin.db")
        == "sqlite:////srv/huajin/data/huajin.db"
    )


def test_create_admin_from_stdin_makes_an_admin_who_can_sign_in(migrated, monkeypatch, capsys):
    args, password = _admin()
    assert _create_admin_stdin(monkeypatch, args, password) == 0
    assert "13912345678" in capsys.readouterr().out
    with db.transaction() as session:
        result = auth.sign_in(session, "13912345678", password)
        actor = auth.actor_from_token(session, result.token)
        assert actor is not None and actor.roles == {"admin"} and actor.name == "陈志远"
        actions = session.exec(select(AuditEntry.action)).all()
        assert {"account_created", "role_granted"} <= set(actions)


def test_create_admin_asks_for_the_password_twice(migrated, monkeypatch):
    answers = iter(["typed-password-1", "typed-password-1"])
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt="": next(answers))
    args, _ = _admin()
    assert cli.main(args) == 0
    with db.transaction() as session:
        assert auth.sign_in(session, "13912345678", "typed-password-1").token


def test_create_admin_refuses_two_different_passwords(migrated, monkeypatch, capsys):
    answers = iter(["typed-password-1", "typed-password-2"])
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt="": next(answers))
    args, _ = _admin()
    assert cli.main(args) == 1
    assert text.Field.PIN_MISMATCH in capsys.readouterr().err
    assert _accounts() == []


@pytest.mark.parametrize(
    ("phone", "name", "password", "message"),
    [
        ("12345", "陈志远", "a-long-admin-pass", text.Field.PHONE_INVALID),
        ("13912345678", "", "a-long-admin-pass", text.Field.NAME_EMPTY),
        ("13912345678", "陈志远<b>", "a-long-admin-pass", text.Field.NAME_CHARS),
        ("13912345678", "陈志远", "short", text.Field.PASSWORD_SHORT),
    ],
)
def test_create_admin_refuses_bad_input_with_the_service_message(
    migrated, monkeypatch, capsys, phone, name, password, message
):
    args, _ = _admin(phone, name)
    assert _create_admin_stdin(monkeypatch, args, password) == 1
    assert message in capsys.readouterr().err
    assert _accounts() == []


def test_create_admin_refuses_a_taken_phone(migrated, monkeypatch, capsys):
    args, password = _admin()
    assert _create_admin_stdin(monkeypatch, args, password) == 0
    assert _create_admin_stdin(monkeypatch, args, "another-password") == 1
    assert text.Field.PHONE_TAKEN in capsys.readouterr().err
    with db.transaction() as session:
        assert len(session.exec(select(RoleGrant)).all()) == 1


def test_commands_before_migrate_say_to_migrate(cli_db, monkeypatch, capsys):
    args, password = _admin()
    assert _create_admin_stdin(monkeypatch, args, password) == 1
    assert cli.main(["seed-demo"]) == 1
    assert capsys.readouterr().err.count("migrate") == 2


def test_seed_demo_loads_once_and_status_counts_it(migrated, capsys):
    plan = demo.build()
    assert cli.main(["seed-demo", "--if-empty"]) == 0
    out = capsys.readouterr().out
    assert "13800000000" in out and "huajin-admin-demo" in out
    assert cli.main(["seed-demo", "--if-empty"]) == 0
    assert "not loaded" in capsys.readouterr().out
    assert cli.main(["status"]) == 0
    line = capsys.readouterr().out
    approved = sum(p.status == "approved" for p in plan.everyone)
    pending = sum(p.status == "pending" for p in plan.everyone)
    assert f"accounts {len(plan.everyone) + len(plan.offices)} " in line
    assert f"approved members {approved} " in line and f"pending disclosures {pending}" in line


def test_seed_demo_if_empty_skips_when_an_admin_exists(migrated, monkeypatch):
    args, password = _admin()
    assert _create_admin_stdin(monkeypatch, args, password) == 0
    assert cli.main(["seed-demo", "--if-empty"]) == 0
    assert len(_accounts()) == 1


def test_seed_demo_if_empty_respects_huajin_demo_0(migrated, monkeypatch, capsys):
    monkeypatch.setenv("HUAJIN_DEMO", "0")
    assert cli.main(["seed-demo", "--if-empty"]) == 0
    assert "HUAJIN_DEMO=0" in capsys.readouterr().out
    assert _accounts() == []


def test_seed_demo_without_if_empty_is_an_explicit_request(migrated, monkeypatch):
    monkeypatch.setenv("HUAJIN_DEMO", "0")
    assert cli.main(["seed-demo"]) == 0
    assert len(_accounts()) == len(demo.build().everyone) + 3


def test_seed_demo_if_empty_losing_a_race_is_not_an_error(migrated, monkeypatch, capsys):
    assert cli.main(["seed-demo"]) == 0
    count = len(_accounts())
    # A second worker that checked "empty" just before the first one committed.
    monkeypatch.setattr(demo, "has_accounts", lambda session: False)
    monkeypatch.setattr(demo, "conflicts", lambda session: [])
    capsys.readouterr()
    assert cli.main(["seed-demo", "--if-empty"]) == 0
    assert "another process" in capsys.readouterr().out
    assert cli.main(["seed-demo"]) == 1
    assert len(_accounts()) == count


def test_an_unreachable_database_is_one_line_without_the_password(monkeypatch, capsys):
    monkeypatch.setenv("REFLEX_DB_URL", "postgresql+psycopg://huajin:topsecret@127.0.0.1:1/none")
    db.use_engine(None)
    try:
        assert cli.main(["status"]) == 1
    finally:
        db.get_engine().dispose()
        db.use_engine(None)
    err = capsys.readouterr().err
    assert "not usable" in err and "topsecret" not in err and "***" in err

"""The admin command line: python -m huajin_pwa <command> (--help on each).

    migrate                       bring the database schema up to date (alembic upgrade head)
    create-admin --phone --name   a password account with the admin role
    seed-demo [--if-empty]        load the demo community (DESIGN §10)
    status                        one line: database, schema revision, counts
    backup [--to FILE]            a consistent copy of the SQLite database (PostgreSQL: pg_dump)
    restore FILE --yes            put a SQLite backup back (stop the app first)

The database is REFLEX_DB_URL, else SQLite under data/ (huajin_pwa.settings). Output is for
the person running the server, in English; refusals from the services keep their Chinese
message, which is what a user of the app would see.
"""

import argparse
import getpass
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, inspect, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError
from sqlmodel import select

from huajin_pwa import db, settings, text

ALEMBIC_INI = settings.ROOT / "alembic.ini"
ALEMBIC_DIR = settings.ROOT / "alembic"
OK, FAILED = 0, 1


def alembic_config(url: str | None = None):
    """The repo's alembic.ini, usable from any working directory, pointed at url."""
    from alembic.config import Config

    config = Config(str(ALEMBIC_INI))
    if not config.get_main_option("path_separator"):
        config.set_main_option("path_separator", "os")
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    config.set_main_option("sqlalchemy.url", (url or settings.default_db_url()).replace("%", "%%"))
    return config


def safe_url(url: str) -> str:
    """A database URL fit to print: the password replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable database URL>"


def revisions() -> tuple[str | None, str | None]:
    """(the app database's current revision, the newest revision in alembic/versions)."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with db.get_engine().connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return current, head


def _say(message: str) -> None:
    print(message)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return FAILED


def _schema_missing() -> bool:
    return not inspect(db.get_engine()).has_table("account")


NO_SCHEMA = "The database has no tables yet: run `python -m huajin_pwa migrate` first."


def cmd_migrate(_args: argparse.Namespace) -> int:
    """alembic upgrade head."""
    from alembic import command

    url = settings.default_db_url()
    command.upgrade(alembic_config(url), "head")
    current, head = revisions()
    _say(f"Database {safe_url(url)} is at revision {current} (head {head}).")
    return OK


def _read_password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password (at least 10 characters): ")
    second = getpass.getpass("Password again: ")
    return first if first == second else None


def cmd_create_admin(args: argparse.Namespace) -> int:
    """A password account holding the admin role."""
    from huajin_pwa.services import accounts, audit
    from huajin_pwa.services.errors import DomainError, FormError

    if _schema_missing():
        return _fail(NO_SCHEMA)
    password = _read_password(args)
    if password is None:
        return _fail(f"password: {text.Field.PIN_MISMATCH}")
    try:
        with db.transaction() as session:
            account = accounts.create_account(
                session, phone=args.phone, name=args.name, password=password
            )
            accounts.add_role(session, account.id, "admin")
            audit.record(session, None, "account_created", "account", account.id, "cli")
            audit.record(session, None, "role_granted", "account", account.id, "admin")
    except FormError as error:
        return _fail("\n".join(f"{field}: {message}" for field, message in error.errors.items()))
    except DomainError as error:
        return _fail(error.message)
    _say(f"Admin account {account.phone} ({account.name}) created; sign in with the password.")
    return OK


def cmd_seed_demo(args: argparse.Namespace) -> int:
    """Load the demo community."""
    from huajin_pwa import demo

    if args.if_empty and not settings.demo_enabled():
        _say("HUAJIN_DEMO=0: demo data is switched off, nothing loaded.")
        return OK
    if _schema_missing():
        return _fail(NO_SCHEMA)
    started = time.perf_counter()
    try:
        with db.transaction() as session:
            if args.if_empty and demo.has_accounts(session):
                _say("The database already has accounts: demo data not loaded.")
                return OK
            problems = demo.conflicts(session)
            if problems:
                session.rollback()
                return _fail("Demo data goes only into an empty database: " + "; ".join(problems))
            summary = demo.seed(session)
    except IntegrityError:
        # Another process (a second worker starting up) loaded it at the same moment.
        if args.if_empty:
            _say("Demo data was loaded by another process meanwhile: nothing more loaded.")
            return OK
        return _fail("Demo data clashed with rows written meanwhile: nothing loaded.")
    seconds = time.perf_counter() - started
    states = ", ".join(f"{n} {status}" for status, n in sorted(summary.disclosures.items()))
    _say(
        f"Demo community loaded in {seconds:.1f} s: {summary.grids} grids, "
        f"{summary.buildings} buildings, {summary.accounts} accounts, disclosures ({states}), "
        f"{summary.referrals} referrals, {summary.messages} messages, {summary.visits} visits, "
        f"{summary.campaigns} campaigns, {summary.study_weeks} study weeks, "
        f"{summary.reflections} reflections, {summary.teams} teams, "
        f"{summary.activities} activities."
    )
    _say("Demo sign-ins:")
    for phone, secret, role in demo.SIGN_INS:
        _say(f"  {phone}  {secret:<28}  {role}")
    _say(f"All other demo members sign in with PIN {demo.DEMO_PIN}.")
    return OK


def cmd_status(_args: argparse.Namespace) -> int:
    """One line about the database."""
    from huajin_pwa.models import Account, Disclosure

    url = settings.default_db_url()
    current, head = revisions()
    state = "up to date" if current == head else "needs migrate"
    line = f"database {safe_url(url)} | revision {current or 'none'} (head {head}, {state})"
    if _schema_missing():
        print(f"{line} | no tables")
        return OK
    with db.transaction() as session:
        accounts = session.exec(select(func.count()).select_from(Account)).one()
        approved, pending = (
            session.exec(
                select(func.count(func.distinct(Disclosure.account_id))).where(
                    Disclosure.status == status
                )
            ).one()
            for status in ("approved", "pending")
        )
    counts = f"accounts {accounts} | approved members {approved} | pending disclosures {pending}"
    _say(f"{line} | {counts}")
    return OK


PG_BACKUP = (
    'This is not SQLite. Back up PostgreSQL with pg_dump --format=custom "$DB" > huajin.dump '
    'and restore with pg_restore --clean --dbname "$DB" huajin.dump.'
)


def cmd_backup(args: argparse.Namespace) -> int:
    """SQLite online backup to a file."""
    from huajin_pwa import backup

    source = backup.sqlite_file(settings.default_db_url())
    if source is None:
        return _fail(PG_BACKUP)
    if not backup.looks_like_backup(source):
        return _fail(NO_SCHEMA)
    target = Path(args.to) if args.to else backup.default_target(datetime.now())
    if target.exists():
        return _fail(f"{target} exists already: choose another file.")
    backup.copy_database(source, target)
    _say(f"Backup written to {target}.")
    return OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Put a SQLite backup back in place of the live database."""
    from huajin_pwa import backup

    live = backup.sqlite_file(settings.default_db_url())
    if live is None:
        return _fail(PG_BACKUP)
    source = Path(args.file)
    if not backup.looks_like_backup(source):
        return _fail(f"{source} is not a backup of this app's database.")
    if not args.yes:
        return _fail(f"This replaces everything in {live}. Stop the app, then add --yes.")
    db.get_engine().dispose()
    backup.copy_database(source, live)
    _say(f"Restored {live} from {source}. Run migrate if the backup is older than the code.")
    return OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: one subcommand per task."""
    parser = argparse.ArgumentParser(
        prog="python -m huajin_pwa",
        description=f"{text.APP_NAME} admin commands. Database: REFLEX_DB_URL, "
        "else SQLite under data/.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")

    migrate = commands.add_parser(
        "migrate", help="upgrade the database schema to the newest revision (alembic upgrade head)"
    )
    migrate.set_defaults(run=cmd_migrate)

    admin = commands.add_parser(
        "create-admin",
        help="create a password account with the admin role",
        description="Create a password account with the admin role. The password is asked "
        "for twice (not echoed), or read from the first line of standard input.",
    )
    admin.add_argument("--phone", required=True, help="11-digit mobile number, the sign-in name")
    admin.add_argument("--name", required=True, help="the person's name, e.g. 陈志远")
    admin.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password (10-128 characters) from standard input, for scripts",
    )
    admin.set_defaults(run=cmd_create_admin)

    seed = commands.add_parser(
        "seed-demo",
        help="load the demo community (演示数据) with its demo sign-ins",
        description="Load the demo Huajin community into an empty database in one transaction. "
        "Refuses when grids or demo phone numbers already exist.",
    )
    seed.add_argument(
        "--if-empty",
        action="store_true",
        help="do nothing when any account exists or HUAJIN_DEMO=0 (for start-up scripts)",
    )
    seed.set_defaults(run=cmd_seed_demo)

    status = commands.add_parser(
        "status", help="one line: database URL, schema revision, accounts and disclosures"
    )
    status.set_defaults(run=cmd_status)

    take = commands.add_parser(
        "backup",
        help="a consistent copy of the SQLite database, also while the app runs",
        description="Copy the SQLite database with SQLite's online backup, by default to "
        "data/backups/huajin-<date>-<time>.db. For PostgreSQL it tells how to use pg_dump.",
    )
    take.add_argument("--to", help="the file to write (must not exist)")
    take.set_defaults(run=cmd_backup)

    put = commands.add_parser(
        "restore",
        help="replace the SQLite database with a backup (stop the app first)",
        description="Replace everything in the SQLite database with a backup made by `backup`.",
    )
    put.add_argument("file", help="the backup file")
    put.add_argument("--yes", action="store_true", help="yes, replace the live database")
    put.set_defaults(run=cmd_restore)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (0 done, 1 refused, 2 bad usage)."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except OperationalError as error:
        reason = str(error.orig or error).strip().splitlines()[0]
        return _fail(f"Database {safe_url(settings.default_db_url())} is not usable: {reason}")

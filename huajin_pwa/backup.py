"""Backing up and restoring the embedded SQLite database (PostgreSQL uses pg_dump/pg_restore).

Both use SQLite's online backup, so a backup taken while the app runs is consistent.
"""

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import make_url

from huajin_pwa.settings import DATA_DIR

REQUIRED_TABLES = {"alembic_version", "account", "disclosure"}


def sqlite_file(url: str) -> Path | None:
    """The database file behind a SQLite URL, or None for any other database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    return Path(parsed.database)


def default_target(now: datetime) -> Path:
    """data/backups/huajin-20261128-213000.db"""
    return DATA_DIR / "backups" / f"huajin-{now:%Y%m%d-%H%M%S}.db"


def copy_database(source: Path, target: Path) -> None:
    """Copy a live SQLite database page by page (SQLite's online backup)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as reader, sqlite3.connect(target) as writer:
        reader.backup(writer)
    reader.close()
    writer.close()


def looks_like_backup(path: Path) -> bool:
    """Whether path is a SQLite file holding this app's tables."""
    if not path.is_file():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            rows = connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            names = {name for (name,) in rows}
        connection.close()
    except sqlite3.DatabaseError:
        return False
    return names >= REQUIRED_TABLES

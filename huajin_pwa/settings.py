"""Settings read from the environment, shared by the app, the CLI and the tests."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"


def default_db_url() -> str:
    """The database URL: REFLEX_DB_URL, or SQLite under data/."""
    url = os.environ.get("REFLEX_DB_URL")
    if url:
        return url
    DATA_DIR.mkdir(exist_ok=True)
    return f"sqlite:///{DATA_DIR / 'huajin.db'}"


def demo_enabled() -> bool:
    """Whether an empty database gets the demo community (HUAJIN_DEMO=0 turns it off)."""
    return os.environ.get("HUAJIN_DEMO", "1") != "0"

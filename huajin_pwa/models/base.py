"""Shared column helpers."""

from datetime import datetime, timezone


def utcnow() -> datetime:
    """Now, as an aware UTC datetime (every timestamp column stores UTC)."""
    return datetime.now(timezone.utc)

"""Shared column helpers."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now, as an aware UTC datetime (every timestamp column stores UTC)."""
    return datetime.now(UTC)

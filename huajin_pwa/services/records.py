"""Fetching one row by an id that came from an untrusted client."""

from typing import Any, TypeVar

from sqlmodel import Session, SQLModel

from huajin_pwa.services import validate

Row = TypeVar("Row", bound=SQLModel)


def fetch(session: Session, model: type[Row], value: Any) -> Row | None:
    """The row with this id, or None for a missing row or anything that is not a valid id."""
    row_id = validate.row_id(value)
    return session.get(model, row_id) if row_id else None

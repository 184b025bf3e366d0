"""One page of a list, counted and fetched in two queries."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

PAGE_SIZE = 10


@dataclass(frozen=True)
class Page:
    """Rows of one page and where it stands."""

    rows: list[Any]
    page: int
    pages: int
    total: int


def clean_page(page: Any) -> int:
    """A page number from untrusted input: a positive int, else 1."""
    try:
        number = int(page)
    except (TypeError, ValueError):
        return 1
    return max(1, min(number, 100_000))


def paginate(session: Session, query, page: Any, size: int = PAGE_SIZE) -> Page:
    """Run query for one page; query must already be ordered."""
    total = session.exec(select(func.count()).select_from(query.order_by(None).subquery())).one()
    pages = max(1, -(-total // size))
    number = min(clean_page(page), pages)
    rows = list(session.exec(query.offset((number - 1) * size).limit(size)).all())
    return Page(rows=rows, page=number, pages=pages, total=total)

"""The inbox every feature uses to tell someone something."""

from typing import Any

from sqlalchemy import func, update
from sqlmodel import Session, select

from huajin_pwa.models import Message
from huajin_pwa.models.base import utcnow
from huajin_pwa.services.actor import Actor, require_signed_in
from huajin_pwa.services.pagination import Page, paginate


def send(session: Session, account_id: int, title: str, body: str, link: str = "") -> None:
    """Put a message in an account's inbox (within the caller's transaction)."""
    session.add(Message(account_id=account_id, title=title[:60], body=body[:2000], link=link))


def unread_count(session: Session, actor: Actor | None) -> int:
    """How many unread messages the actor has (0 when signed out)."""
    if actor is None:
        return 0
    return session.exec(
        select(func.count())
        .select_from(Message)
        .where(Message.account_id == actor.account_id, Message.read_at.is_(None))
    ).one()


def list_messages(session: Session, actor: Actor | None, page: Any = 1) -> Page:
    """The actor's messages, newest first, one page."""
    actor = require_signed_in(actor)
    query = (
        select(Message)
        .where(Message.account_id == actor.account_id)
        .order_by(Message.created_at.desc(), Message.id.desc())
    )
    return paginate(session, query, page)


def mark_read(session: Session, actor: Actor | None, message_id: Any) -> None:
    """Mark one of the actor's own messages read; other people's are untouched."""
    actor = require_signed_in(actor)
    try:
        message_id = int(message_id)
    except (TypeError, ValueError, OverflowError):
        return
    if not 0 < message_id < 2**31:  # no such row, and PostgreSQL refuses the number
        return
    session.exec(
        update(Message)
        .where(
            Message.id == message_id,
            Message.account_id == actor.account_id,
            Message.read_at.is_(None),
        )
        .values(read_at=utcnow())
    )


def mark_all_read(session: Session, actor: Actor | None) -> None:
    """Mark all the actor's messages read."""
    actor = require_signed_in(actor)
    session.exec(
        update(Message)
        .where(Message.account_id == actor.account_id, Message.read_at.is_(None))
        .values(read_at=utcnow())
    )

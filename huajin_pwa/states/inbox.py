"""/messages: the inbox, one page at a time."""

from typing import Any

import reflex as rx

from huajin_pwa import db, present
from huajin_pwa.services import inbox
from huajin_pwa.services.actor import Actor
from huajin_pwa.states.forms import row_id
from huajin_pwa.states.mixins import Paged
from huajin_pwa.states.session import SessionState


class InboxState(Paged, SessionState):
    """The signed-in person's messages."""

    rows: list[dict[str, str]] = []

    @rx.event
    def load(self):
        """Open /messages on the first page."""
        self.page = 1
        return self._reload()

    def _reload(self):
        actor = self._require()
        if not isinstance(actor, Actor):
            return actor
        with db.transaction() as session:
            result = inbox.list_messages(session, actor, self.page)
            self.unread = inbox.unread_count(session, actor)
        self.page, self.pages = result.page, result.pages
        self.rows = [
            {
                "id": str(m.id),
                "title": m.title,
                "body": m.body,
                "link": m.link,
                "when": present.day_time(m.created_at),
                "unread": "1" if m.read_at is None else "",
            }
            for m in result.rows
        ]

    @rx.event
    def mark_read(self, message_id: Any):
        """Mark one message read."""
        actor = self._require()
        if not isinstance(actor, Actor):
            return actor
        message_id = row_id(message_id)
        if not message_id:
            return
        with db.transaction() as session:
            inbox.mark_read(session, actor, message_id)
        return self._reload()

    @rx.event
    def mark_all_read(self):
        """Mark every message read."""
        actor = self._require()
        if not isinstance(actor, Actor):
            return actor
        with db.transaction() as session:
            inbox.mark_all_read(session, actor)
        return self._reload()

"""/staff/audit: who changed whose data, and when."""

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.services import audit
from huajin_pwa.services.actor import Actor
from huajin_pwa.states.mixins import Paged
from huajin_pwa.states.session import SessionState


class AuditLogState(Paged, SessionState):
    """The audit log, newest first, one page at a time."""

    rows: list[dict[str, str]] = []

    @rx.event
    def load(self):
        """Open /staff/audit."""
        self.page = 1
        return self._reload()

    def _reload(self):
        actor = self._require("staff")
        if not isinstance(actor, Actor):
            return actor
        with db.transaction() as session:
            result = audit.recent(session, actor, self.page)
            names = audit.target_names(session, [entry for entry, _name in result.rows])
        self.page, self.pages = result.page, result.pages
        self.rows = [
            {
                "when": present.day_time(entry.at),
                "who": who or text.AuditLog.SYSTEM,
                "what": text.Audit.ACTIONS.get(entry.action, entry.action),
                "whom": names.get((entry.target_type, entry.target_id), ""),
                "detail": entry.detail,
            }
            for entry, who in result.rows
        ]

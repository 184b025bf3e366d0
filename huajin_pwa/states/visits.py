"""/visits and /visits/history: the member's visits, cancelling one before it happens, and
their own health and help record."""

from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.models import Visit
from huajin_pwa.services import care, disclosure, visits
from huajin_pwa.services.actor import ADMIN, MEMBER, Actor
from huajin_pwa.services.errors import DomainError
from huajin_pwa.states.forms import row_id
from huajin_pwa.states.mixins import Paged
from huajin_pwa.states.session import SessionState

P = text.VisitPage
TONES = {
    "received": "warn",
    "scheduled": "ok",
    "done": "ok",
    "cancelled": "off",
    "declined": "bad",
}
STEPS = {"received": "1", "scheduled": "2", "done": "3"}


def focus(element_id: str) -> rx.event.EventSpec:
    """Move the keyboard and screen-reader focus to an element once it is drawn."""
    return rx.call_script(
        "requestAnimationFrame(function () { var e = document.getElementById('"
        + element_id
        + "'); if (e) { e.focus(); e.scrollIntoView({block: 'center'}); } })"
    )


def member_access(actor: Actor) -> str:
    """'' when the actor may use the member's visit pages (an approved disclosure); otherwise
    where to go first: 'me' (a disclosure is on its way) or 'join' (none yet)."""
    with db.transaction() as session:
        if actor.has(MEMBER, ADMIN):
            approved = visits.member_disclosure(session, actor.account_id)
            if approved is not None and approved.grid_id is not None:
                return ""
        latest = disclosure.latest_for(session, actor.account_id)
    return "me" if latest is not None else "join"


def visit_row(visit: Visit, visitor_name: str | None) -> dict[str, str]:
    """One visit as its card shows it: every line already in words."""
    status = visit.status
    asked = visit.source == "request"
    reason = visits.reason_name(visit)
    source = text.Visit.SOURCES.get(visit.source, "")
    scheduled = status == "scheduled" and visit.visit_day is not None
    done = status == "done"
    return {
        "id": str(visit.id),
        "reason": reason,
        "source": "" if asked or source == reason else source,
        "status": text.Visit.STATUS[status],
        "tone": TONES[status],
        "step": STEPS.get(status, ""),
        "asked": P.ASKED_ON.format(day=present.day(visit.created_at)) if asked else "",
        "wish": P.WISH.format(when=visits.wish_text(visit)) if asked and status != "done" else "",
        "scheduled": P.SCHEDULED.format(
            day=present.date_label(visit.visit_day), part=visits.part_name(visit.visit_part)
        ).strip()
        if scheduled
        else "",
        "visitor": P.VISITOR.format(name=visitor_name)
        if visitor_name and (scheduled or done)
        else "",
        "done": P.DONE_ON.format(day=present.date_label(visit.visited_on))
        if done and visit.visited_on
        else "",
        "outcome": P.OUTCOME.format(outcome=visit.outcome) if done and visit.outcome else "",
        "declined": P.DECLINED.format(why=visit.decline_reason)
        if status == "declined" and visit.decline_reason
        else "",
        "note": P.YOUR_NOTE.format(note=visit.note) if asked and visit.note else "",
        "can_cancel": "1" if asked and status in visits.OPEN else "",
    }


class MemberPage(rx.State, mixin=True):
    """A member's visit page: shown once the visitor is known (ready), or where to go first
    (blocked_to) when they have no approved disclosure yet."""

    ready: bool = False
    blocked_to: str = ""

    def _admit(self) -> Actor | rx.event.EventSpec | None:
        """The signed-in actor when they may use the page; otherwise a redirect (signed out)
        or None (the page shows where to go first)."""
        actor = self._require()
        if not isinstance(actor, Actor):
            return actor
        return self._admitted(actor)

    def _admitted(self, actor: Actor) -> Actor | None:
        """The actor, or None when they have somewhere to go first (blocked_to)."""
        self.blocked_to = member_access(actor)
        self.ready = True
        return None if self.blocked_to else actor


class VisitFlash(SessionState):
    """A one-off word the request pages leave for /visits (submitted, or already asked)."""

    flash: str = ""


class VisitsState(MemberPage, Paged, VisitFlash):
    """/visits: the member's visits, one page at a time, and their care record."""

    rows: list[dict[str, str]] = []
    asking: str = ""
    told: str = ""
    told_warn: bool = False
    health: str = ""
    health_tone: str = "plain"
    health_since: str = ""
    helps: list[dict[str, str]] = []
    history_count: int = 0

    @rx.event
    def load(self):
        """Open /visits on the first page, showing what the request pages left to say."""
        actor = self._require()
        if not isinstance(actor, Actor):
            return actor
        self.page, self.asking = 1, ""
        self.told, self.told_warn, self.flash = self.flash, False, ""
        return self._reload()

    def _reload(self):
        actor = self._admit()
        if not isinstance(actor, Actor):
            if actor is None:
                self.rows, self.helps, self.history_count = [], [], 0
            return actor
        with db.transaction() as session:
            result = visits.my_visits(session, actor, self.page)
            view = care.care_view(session, actor, actor.account_id)
            history = care.visit_history(session, actor, actor.account_id, 1)
        self.page, self.pages = result.page, result.pages
        self.rows = [visit_row(visit, name) for visit, name in result.rows]
        self._show_care(view)
        self.history_count = history.total
        return None

    def _show_care(self, view: care.CareView) -> None:
        health = view.health
        if health is None:
            self.health, self.health_tone, self.health_since = P.HEALTH_UNKNOWN, "plain", ""
        elif health.has_record:
            self.health, self.health_tone = P.HEALTH_YES, "ok"
            self.health_since = (
                P.HEALTH_SINCE.format(day=present.date_label(health.since)) if health.since else ""
            )
        else:
            self.health, self.health_tone, self.health_since = P.HEALTH_NO, "warn", ""
        self.helps = [
            {
                "what": help.what,
                "day": present.date_label(help.given_on),
                "by": P.HELP_BY.format(by=help.given_by),
            }
            for help in view.helps
        ]

    @rx.event
    def ask_cancel(self, visit_id: Any):
        """Show 确定取消？ under one of the listed visits that can still be cancelled."""
        wanted = str(row_id(visit_id))
        cancellable = {row["id"] for row in self.rows if row["can_cancel"]}
        self.asking = wanted if wanted in cancellable else ""
        if self.asking:
            return focus(f"cancel-ask-{self.asking}")
        return None

    @rx.event
    def keep_visit(self):
        """不取消: put the question away."""
        wanted = self.asking
        self.asking = ""
        if wanted:
            return focus(f"cancel-{wanted}")
        return None

    @rx.event
    def cancel(self, visit_id: Any):
        """是的，取消: cancel the member's own request, then say so at the top."""
        actor = self._require()
        if not isinstance(actor, Actor):
            return actor
        try:
            with db.transaction() as session:
                visits.cancel(session, actor, row_id(visit_id))
            self.told, self.told_warn = P.CANCELLED, False
        except DomainError as error:
            self.told, self.told_warn = error.message, True
        self.asking = ""
        reload = self._reload()
        return reload if reload is not None else focus("visits-told")


class VisitHistoryState(MemberPage, Paged, SessionState):
    """/visits/history: the member's completed visits, newest first."""

    rows: list[dict[str, str]] = []
    total: int = 0

    @rx.event
    def load(self):
        """Open /visits/history on the first page."""
        self.page = 1
        return self._reload()

    def _reload(self):
        actor = self._admit()
        if not isinstance(actor, Actor):
            if actor is None:
                self.rows, self.total = [], 0
            return actor
        with db.transaction() as session:
            result = care.visit_history(session, actor, actor.account_id, self.page)
        self.page, self.pages, self.total = result.page, result.pages, result.total
        self.rows = [
            {
                "id": str(visit.id),
                "day": present.date_label(visit.visited_on),
                "reason": visits.reason_name(visit),
                "visitor": P.VISITOR.format(name=name) if name else "",
                "outcome": P.OUTCOME.format(outcome=visit.outcome) if visit.outcome else "",
            }
            for visit, name in result.rows
        ]
        return None

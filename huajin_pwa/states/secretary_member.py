"""/secretary/member/<id>: one member's care record for the grid's secretaries and staff:
who they are, the health record, help given, completed visits, and logging a visit."""

from datetime import timedelta
from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.models import HealthRecord
from huajin_pwa.services import care, clock, visit_work
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.services.pagination import Page
from huajin_pwa.services.visits import reason_name
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import FormErrors
from huajin_pwa.states.secretary_visit import ROLES, member_facts, submitted
from huajin_pwa.states.session import SessionState

T = text.SecretaryVisitPage
HEALTH_FIELDS = ("has_record", "since")
HELP_FIELDS = ("what", "given_on", "given_by")
LOG_FIELDS = ("reason", "visited_on", "outcome", "help_need", "health_concern", "study_at_home")


def health_words(record: HealthRecord | None) -> str:
    """Whether the member has a health record at the health centre, in words."""
    if record is None:
        return T.HEALTH_UNKNOWN
    if not record.has_record:
        return T.HEALTH_NO
    if record.since is None:
        return T.HEALTH_YES
    return T.HEALTH_YES + "，" + T.HEALTH_SINCE.format(day=present.date_label(record.since))


class SecretaryMemberState(FormErrors, SessionState):
    """One member's care record, and the forms that add to it."""

    found: bool = False
    notice_warn: bool = False
    person: dict[str, str] = {}
    person_tags: list[str] = []
    health_status: str = ""
    health_choice: str = ""
    helps: list[dict[str, str]] = []
    help_page: int = 1
    help_pages: int = 1
    help_total: int = 0
    visits: list[dict[str, str]] = []
    visit_page: int = 1
    visit_pages: int = 1
    visit_total: int = 0
    answers: dict[str, str] = {}
    today_iso: str = ""
    earliest_iso: str = ""
    visited_min: str = ""
    health_key: int = 0
    help_key: int = 0
    log_key: int = 0
    _member_id: int = 0

    @rx.var
    def help_total_label(self) -> str:
        """共n条."""
        return T.HELPS_TOTAL.format(total=self.help_total)

    @rx.var
    def visit_total_label(self) -> str:
        """共n次."""
        return T.VISITS_TOTAL.format(total=self.visit_total)

    def _route_id(self) -> int:
        return row_id(self.router.page.params.get("member_id", ""))

    def _forget(self) -> None:
        self.found, self._member_id = False, 0
        self.person, self.person_tags, self.helps, self.visits, self.answers = {}, [], [], [], {}
        self.health_status = self.health_choice = ""

    def _signed_in(self) -> Actor | rx.event.EventSpec:
        actor = self._require(*ROLES)
        if not isinstance(actor, Actor):
            self._forget()
        return actor

    @rx.event
    def load(self):
        """Open the member's record (staff opening it is audited by the service)."""
        self.errors, self.notice, self.notice_warn = {}, "", False
        actor = self._signed_in()
        if not isinstance(actor, Actor):
            return actor
        member = self._route_id()
        try:
            with db.transaction() as session:
                view = care.care_view(session, actor, member)
                helps = care.help_history(session, actor, member, 1)
                visits = care.visit_history(session, actor, member, 1)
        except DomainError as error:
            self._forget()
            self.notice, self.notice_warn = error.message, True
            return
        self.found, self._member_id = True, view.member.member_id
        self.person, self.person_tags = member_facts(view.member)
        self.person["grid"] = view.grid_name
        self._show_health(view.health)
        self._show_helps(helps)
        self._show_visits(visits)
        today = clock.today()
        self.today_iso = today.isoformat()
        self.earliest_iso = care.EARLIEST.isoformat()
        self.visited_min = (today - timedelta(days=visit_work.RECORD_WINDOW_DAYS)).isoformat()
        self.answers = {
            "has_record": self.health_choice,
            "since": view.health.since.isoformat() if view.health and view.health.since else "",
            "given_on": self.today_iso,
            "visited_on": self.today_iso,
        }
        self.health_key += 1
        self.help_key += 1
        self.log_key += 1

    def _show_health(self, record: HealthRecord | None) -> None:
        self.health_status = health_words(record)
        self.health_choice = "" if record is None else "yes" if record.has_record else "no"

    def _show_helps(self, found: Page) -> None:
        self.help_page, self.help_pages, self.help_total = found.page, found.pages, found.total
        self.helps = [
            {
                "what": row.what,
                "when": T.HELP_LINE.format(day=present.date_label(row.given_on), by=row.given_by),
            }
            for row in found.rows
        ]

    def _show_visits(self, found: Page) -> None:
        self.visit_page, self.visit_pages, self.visit_total = found.page, found.pages, found.total
        self.visits = []
        for visit, visitor_name in found.rows:
            follow_ups = [
                f"{label}：{value}"
                for label, value in (
                    (T.HELP_NEED, visit.help_need),
                    (T.HEALTH_CONCERN, visit.health_concern),
                )
                if value
            ]
            if visit.study_at_home:
                follow_ups.append(T.STUDY_DONE)
            self.visits.append(
                {
                    "when": present.date_label(visit.visited_on),
                    "what": reason_name(visit) + "（" + text.Visit.SOURCES[visit.source] + "）",
                    "who": T.VISIT_BY.format(name=visitor_name) if visitor_name else "",
                    "outcome": visit.outcome,
                    "follow_ups": "；".join(follow_ups),
                }
            )
        if found.page == 1:
            latest = found.rows[0][0].visited_on if found.rows else None
            self.person["last_visit"] = present.date_label(latest) or T.NEVER_VISITED

    def _turn(self, history, delta: Any, current: int, show):
        """Show (with show) the page before (-1) or after (1) current of history."""
        actor = self._signed_in()
        if not isinstance(actor, Actor):
            return actor
        number = max(1, current + delta) if type(delta) is int and delta in (-1, 1) else current
        try:
            with db.transaction() as session:
                found = history(session, actor, self._member_id, number)
        except DomainError as error:
            self._forget()
            self.notice, self.notice_warn = error.message, True
            return None
        show(found)
        return None

    @rx.event
    def helps_go(self, delta: Any):
        """Previous (-1) or next (1) page of help records."""
        return self._turn(care.help_history, delta, self.help_page, self._show_helps)

    @rx.event
    def visits_go(self, delta: Any):
        """Previous (-1) or next (1) page of completed visits."""
        return self._turn(care.visit_history, delta, self.visit_page, self._show_visits)

    @rx.event
    def choose_health(self, value: Any):
        """Has a health record or not: the 建档日期 field shows only for 已建档."""
        if isinstance(value, str) and value in T.HEALTH_CHOICES:
            self.health_choice = value

    def _save(self, form: Any, fields: tuple[str, ...], work, fetch, show):
        """Run work(session, actor, member id, data) and fetch(session, actor) in one
        transaction, then show(result, fetched) on the page; bad answers are shown again with
        their errors, a refusal as the page's notice."""
        actor = self._signed_in()
        if not isinstance(actor, Actor):
            return actor
        data = form_dict(form)
        try:
            with db.transaction() as session:
                result = work(session, actor, self._member_id, data)
                fetched = fetch(session, actor)
        except FormError as error:
            self.errors, self.notice = error.errors, ""
            self.answers = {**self.answers, **submitted(data, fields)}
            return rx.call_script("window.huajinFocusErrors()")
        except DomainError as error:
            self.errors = {}
            self._forget()
            self.notice, self.notice_warn = error.message, True
            return None
        self.errors, self.notice_warn = {}, False
        self.notice = show(result, fetched)
        return None

    @rx.event
    def set_health(self, form: Any):
        """Save whether the member has a health record, and since when."""

        def show(record: HealthRecord, _fetched) -> str:
            self._show_health(record)
            self.answers["has_record"] = self.health_choice
            self.answers["since"] = record.since.isoformat() if record.since else ""
            self.health_key += 1
            return T.HEALTH_SAVED

        return self._save(form, HEALTH_FIELDS, care.set_health, lambda *_: None, show)

    @rx.event
    def add_help(self, form: Any):
        """Add a record of help given: what, when, by whom."""

        def show(_record, helps: Page) -> str:
            self._show_helps(helps)
            self.answers.update(what="", given_by="", given_on=self.today_iso)
            self.help_key += 1
            return T.HELP_SAVED

        return self._save(form, HELP_FIELDS, care.add_help, self._first_helps, show)

    @rx.event
    def log_visit(self, form: Any):
        """Record a visit nobody asked for."""

        def show(_visit, visits: Page) -> str:
            self._show_visits(visits)
            self.answers.update(dict.fromkeys(LOG_FIELDS, ""), visited_on=self.today_iso)
            self.log_key += 1
            return T.LOGGED

        return self._save(form, LOG_FIELDS, visit_work.log_visit, self._first_visits, show)

    def _first_helps(self, session, actor: Actor) -> Page:
        return care.help_history(session, actor, self._member_id, 1)

    def _first_visits(self, session, actor: Actor) -> Page:
        return care.visit_history(session, actor, self._member_id, 1)

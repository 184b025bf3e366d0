"""/secretary/visit/<id>: one visit for a secretary of its grid (or staff): confirm, move,
decline or record it; a closed visit is shown as it ended."""

from datetime import timedelta
from typing import Any

import reflex as rx
from sqlmodel import select

from huajin_pwa import db, present, text
from huajin_pwa.models import Account, Campaign, Disclosure, Visit
from huajin_pwa.services import clock, validate, visit_work
from huajin_pwa.services.actor import SECRETARY, STAFF, Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.services.visit_lists import MemberLine, member_line, members_query
from huajin_pwa.services.visits import OPEN, part_name, reason_name, wish_text
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import FormErrors
from huajin_pwa.states.session import SessionState

T = text.SecretaryVisitPage
ROLES = (SECRETARY, STAFF)
STATUS_TONES = {
    "received": "warn",
    "scheduled": "ok",
    "done": "ok",
    "cancelled": "plain",
    "declined": "bad",
}
SCHEDULE_FIELDS = ("day", "part", "visitor")
DECLINE_FIELDS = ("reason",)
RECORD_FIELDS = ("visited_on", "outcome", "help_need", "health_concern", "study_at_home")
ANSWER_LIMIT = 1000  # what is kept of an answer to show it again (the service checks lengths)


def member_facts(line: MemberLine) -> tuple[dict[str, str], list[str]]:
    """A member as the secretary's pages show them: words by name, and the flags as tags."""
    address = ""
    if line.building is not None:
        address = text.Join.ADDRESS_FORMAT.format(
            building=line.building, unit=line.unit or "", room=line.room
        )
    age = ""
    if line.birth_year:
        age = T.AGE_VALUE.format(age=clock.today().year - line.birth_year)
    facts = {
        "member": str(line.member_id),
        "name": line.name,
        "phone": line.phone,
        "call": T.CALL.format(name=line.name),
        "address": address,
        "age": age,
        "last_visit": present.date_label(line.last_visit) or T.NEVER_VISITED,
    }
    tags = [T.MOBILITY] * line.mobility_limited + [T.DIFFICULTY] * line.family_difficulty
    return facts, tags


def member_of(session, member_id: int, grid_id: int) -> MemberLine:
    """The member's line (address, age, flags, last visit); a bare one if they left the grid."""
    row = session.exec(members_query([grid_id]).where(Disclosure.account_id == member_id)).first()
    if row is not None:
        return member_line(row[0], row[1:])
    account = session.get(Account, member_id)
    return MemberLine(
        member_id, account.name, account.phone, None, None, "", None, False, False, None
    )


def submitted(data: dict[str, Any], fields: tuple[str, ...]) -> dict[str, str]:
    """The answers of one form as text, to show them again."""
    return {name: validate.as_text(data.get(name))[:ANSWER_LIMIT] for name in fields}


class SecretaryVisitState(FormErrors, SessionState):
    """One visit, and the forms that move it on."""

    found: bool = False
    notice_warn: bool = False
    status: str = ""
    status_label: str = ""
    status_tone: str = "plain"
    is_request: bool = False
    is_campaign: bool = False
    person: dict[str, str] = {}
    person_tags: list[str] = []
    about: list[list[str]] = []
    progress: list[list[str]] = []
    answers: dict[str, str] = {}
    day_min: str = ""
    day_max: str = ""
    visited_min: str = ""
    visited_max: str = ""
    form_key: int = 0
    _visit_id: int = 0
    _version: int = 0

    @rx.var
    def is_open(self) -> bool:
        """Whether the visit can still be arranged, declined or recorded."""
        return self.status in OPEN

    @rx.var
    def back_href(self) -> str:
        """Where the back link goes: the holiday tasks or the requests."""
        return "/secretary/tasks" if self.is_campaign else "/secretary"

    def _route_id(self) -> int:
        return row_id(self.router.page.params.get("visit_id", ""))

    @rx.event
    def load(self):
        """Open the visit page."""
        self.errors, self.notice, self.notice_warn = {}, "", False
        actor = self._require(*ROLES)
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        self._reload(actor, self._route_id())

    def _forget(self) -> None:
        self.found, self._visit_id, self._version = False, 0, 0
        self.status = self.status_label = ""
        self.person, self.person_tags, self.about, self.progress, self.answers = {}, [], [], [], {}

    def _refuse(self, message: str) -> None:
        self._forget()
        self.notice, self.notice_warn = message, True

    def _reload(self, actor: Actor, visit_id: int) -> None:
        """Read the visit as it stands now; the forms start again from it."""
        try:
            with db.transaction() as session:
                visit = visit_work.grid_visit(session, actor, visit_id)
                line = member_of(session, visit.member_id, visit.grid_id)
                campaign = session.get(Campaign, visit.campaign_id) if visit.campaign_id else None
                people_ids = {visit.visitor_id, visit.handled_by_id} - {None}
                people = {
                    account.id: account
                    for account in session.exec(select(Account).where(Account.id.in_(people_ids)))
                }
        except DomainError as error:
            self._refuse(error.message)
            return
        self.found, self._visit_id, self._version = True, visit.id, visit.version
        self.status, self.status_label = visit.status, text.Visit.STATUS[visit.status]
        self.status_tone = STATUS_TONES.get(visit.status, "plain")
        self.is_request, self.is_campaign = visit.source == "request", visit.source == "campaign"
        self.person, self.person_tags = member_facts(line)
        visitor = people.get(visit.visitor_id)
        handler = people.get(visit.handled_by_id)
        self.about = self._about(visit, campaign)
        self.progress = self._progress(visit, visitor, handler)
        self._start_forms(actor, visit, visitor)
        self.form_key += 1

    def _about(self, visit: Visit, campaign: Campaign | None) -> list[list[str]]:
        reason = reason_name(visit)
        if campaign is not None:
            reason = T.CAMPAIGN_REASON.format(name=campaign.name)
        rows = [[T.REASON, reason], [T.SOURCE, text.Visit.SOURCES.get(visit.source, "")]]
        if visit.source == "request":
            rows.append([T.WISH, wish_text(visit)])
            rows.append([T.NOTE, visit.note or T.NOTHING])
        return rows

    def _progress(
        self, visit: Visit, visitor: Account | None, handler: Account | None
    ) -> list[list[str]]:
        started = {"request": T.ASKED_ON, "campaign": T.TASK_ON}.get(visit.source, T.LOGGED_ON)
        rows = [[started, present.day(visit.created_at)]]
        if visit.visit_day is not None:
            plan = T.PLAN_VALUE.format(
                day=present.date_label(visit.visit_day), part=part_name(visit.visit_part)
            )
            rows.append([T.PLAN, plan.strip()])
        if visitor is not None:
            rows.append([T.VISITOR, visitor.name])
        if visit.status == "done":
            rows += [
                [T.VISITED_ON, present.date_label(visit.visited_on)],
                [T.OUTCOME, visit.outcome],
                [T.HELP_NEED, visit.help_need or T.NOTHING],
                [T.HEALTH_CONCERN, visit.health_concern or T.NOTHING],
                [T.STUDY_AT_HOME, text.Kit.YES if visit.study_at_home else text.Kit.NO],
            ]
        elif visit.status == "cancelled":
            rows.append([T.CANCELLED_ON, present.day(visit.updated_at)])
        elif visit.status == "declined":
            rows.append([T.DECLINED_ON, present.day(visit.updated_at)])
            rows.append([T.DECLINE_REASON_SHOWN, visit.decline_reason])
        if handler is not None and visit.status not in OPEN:
            rows.append([T.HANDLED_BY, handler.name])
        return rows

    def _start_forms(self, actor: Actor, visit: Visit, visitor: Account | None) -> None:
        """Limits of the date inputs, and the forms prefilled from the visit."""
        today = clock.today()
        self.day_min = today.isoformat()
        self.day_max = (today + timedelta(days=visit_work.SCHEDULE_WINDOW_DAYS)).isoformat()
        asked_on = present.local(visit.created_at).date()
        earliest = today - timedelta(days=visit_work.RECORD_WINDOW_DAYS)
        self.visited_min = max(earliest, asked_on).isoformat()
        self.visited_max = today.isoformat()
        if visit.status == "scheduled":
            day, part = visit.visit_day, visit.visit_part
        else:
            day, part = visit.wish_day, visit.wish_part
        in_window = day is not None and today <= day <= today + timedelta(
            days=visit_work.SCHEDULE_WINDOW_DAYS
        )
        someone_else = visitor is not None and visitor.id != actor.account_id
        self.answers = {
            "day": day.isoformat() if in_window else "",
            "part": part if part in text.Visit.PARTS else "",
            "visitor": visitor.phone if visit.status == "scheduled" and someone_else else "",
            "reason": "",
            "visited_on": today.isoformat(),
            "outcome": "",
            "help_need": "",
            "health_concern": "",
            "study_at_home": "",
        }

    def _act(self, form: Any, fields: tuple[str, ...], work, done: str):
        """Run work(session, actor, visit id, version, data); on bad answers show them with
        their errors, on a refusal (someone else acted first) say what happened and show the
        visit as it stands now."""
        actor = self._require(*ROLES)
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        data = form_dict(form)
        try:
            with db.transaction() as session:
                visit = work(session, actor, self._visit_id, self._version, data)
                message = done(visit)
        except FormError as error:
            self.errors = error.errors
            self.answers = {**self.answers, **submitted(data, fields)}
            self.notice = ""
            return rx.call_script("window.huajinFocusErrors()")
        except DomainError as error:
            self.errors, self.notice, self.notice_warn = {}, error.message, True
            return self._reload_or_refuse(actor, error.message)
        self.errors, self.notice, self.notice_warn = {}, message, False
        self._reload(actor, self._visit_id)

    def _reload_or_refuse(self, actor: Actor, message: str) -> None:
        self._reload(actor, self._visit_id)
        if self.found:  # keep the message about what happened over the page
            self.notice, self.notice_warn = message, True

    @rx.event
    def schedule(self, form: Any):
        """安排上门, or 改期 when the visit is already arranged."""
        was_scheduled = self.status == "scheduled"
        return self._act(
            form,
            SCHEDULE_FIELDS,
            visit_work.schedule,
            lambda visit: T.RESCHEDULED if was_scheduled else T.SCHEDULED,
        )

    @rx.event
    def decline(self, form: Any):
        """不能安排, with the reason the member will read."""
        return self._act(
            form,
            DECLINE_FIELDS,
            lambda session, actor, visit_id, version, data: visit_work.decline(
                session, actor, visit_id, version, data.get("reason")
            ),
            lambda visit: T.DECLINED if visit.source == "request" else T.DECLINED_TASK,
        )

    @rx.event
    def record_done(self, form: Any):
        """登记已看望: the day, a short outcome and any follow-up."""
        return self._act(
            form,
            RECORD_FIELDS,
            visit_work.record_done,
            lambda visit: T.RECORDED,
        )

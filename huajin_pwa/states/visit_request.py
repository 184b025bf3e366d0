"""/visits/new, /visits/new/when and /visits/new/note: asking for a home visit in three taps.
The choices travel in the address (?reason=..&day=..&part=..), so a reload or a dropped
connection loses nothing; the service checks them again on 提交."""

from datetime import date, timedelta
from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.services import clock, validate, visits
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.states.forms import form_dict
from huajin_pwa.states.mixins import FormErrors
from huajin_pwa.states.visits import MemberPage, VisitFlash, focus

P = text.VisitPage
PARTS = (*text.Visit.PARTS, visits.ANY_PART)
SOON = visits.SOON  # the "day" of a request for as soon as possible, as the page links it
ADDRESS_FIELDS = ("reason", "day", "part")
NOTE_KEPT = 1000  # what the page remembers of a note while the member changes a choice
FOCUS_ERRORS = rx.call_script("window.huajinFocusErrors()")


def part_code(value: Any) -> str:
    """上午 / 下午 / 晚上 or 全天都行 from untrusted input; anything else is 全天都行."""
    raw = validate.as_text(value)
    return raw if raw in PARTS else visits.ANY_PART


def wish_days() -> list[dict[str, str]]:
    """The days a member can choose: tomorrow and the 13 after it."""
    today = clock.today()
    near = {1: P.TOMORROW, 2: P.DAY_AFTER}
    days = []
    for offset in range(1, visits.WISH_WINDOW_DAYS + 1):
        day = today + timedelta(days=offset)
        days.append(
            {"iso": day.isoformat(), "label": present.date_label(day), "near": near.get(offset, "")}
        )
    return days


def is_date(value: str) -> bool:
    """Whether value is a date written YYYY-MM-DD (in range or not)."""
    try:
        validate.day(value, date.min, date.max, "", "")
    except ValueError:
        return False
    return True


class VisitRequestState(FormErrors, MemberPage, VisitFlash):
    """The three request pages; each reads its choices from the address when it opens."""

    problem: str = ""
    open_reasons: dict[str, str] = {}
    reason: str = ""
    reason_label: str = ""
    part: str = visits.ANY_PART
    days: list[dict[str, str]] = []
    day: str = ""
    when_label: str = ""
    note: str = ""
    _note_of: int = 0

    @rx.var
    def when_href(self) -> str:
        """The when page with the reason and part of day chosen so far."""
        return f"/visits/new/when?reason={self.reason}&part={self.part}"

    @rx.var
    def summary(self) -> list[list[str]]:
        """[label, choice, 修改 link] for the note page."""
        return [
            [P.ASKED_FOR, self.reason_label, "/visits/new"],
            [P.ASKED_WHEN, self.when_label, self.when_href],
        ]

    def _open(self) -> Actor | rx.event.EventSpec | None:
        """The signed-in actor when they may ask for a visit; otherwise a redirect (signed out)
        or None (the page shows why not)."""
        actor = self._require()
        if not isinstance(actor, Actor):
            return actor
        if self._note_of != actor.account_id:  # someone else signed in on this browser
            self.note, self._note_of = "", actor.account_id
        return self._admitted(actor)

    def _query(self, name: str) -> str:
        return validate.as_text(self.router.url.query_parameters.get(name, ""))

    @rx.event
    def load_reason(self):
        """Open /visits/new: which reasons are already asked for."""
        actor = self._open()
        if not isinstance(actor, Actor):
            return actor
        self.problem, self.errors = "", {}
        with db.transaction() as session:
            open_ones = visits.my_open_reasons(session, actor)
        self.open_reasons = {reason: str(visit_id) for reason, visit_id in open_ones.items()}
        return None

    @rx.event
    def load_when(self):
        """Open /visits/new/when?reason=..: 尽快, a part of day, and the next 14 days."""
        actor = self._open_choices()
        if not isinstance(actor, Actor):
            return actor
        self.days = wish_days()
        return None

    def _open_choices(self) -> Actor | rx.event.EventSpec | None:
        """As _open, then the reason and part of day chosen so far, read from the address."""
        actor = self._open()
        if isinstance(actor, Actor):
            self.errors = {}
            self._read_reason()
            self.part = part_code(self._query("part"))
        return actor

    def _read_reason(self) -> None:
        reason = self._query("reason")
        known = reason in text.Visit.REASONS
        self.reason = reason if known else ""
        self.reason_label = text.Visit.REASONS.get(reason, "")
        self.problem = "" if known else text.Visit.REASON_INVALID

    @rx.event
    def set_part(self, part: Any):
        """Choose 上午 / 下午 / 晚上 / 全天都行 for the day buttons' links."""
        self.part = part_code(part)

    @rx.event
    def load_note(self):
        """Open /visits/new/note?reason=..&day=..&part=..: what was chosen, and the note."""
        actor = self._open_choices()
        if not isinstance(actor, Actor):
            return actor
        self.day = self._query("day")
        self.when_label = ""
        if self.day == visits.SOON:
            self.when_label = text.Visit.SOON
            return None
        days = {day["iso"]: day["label"] for day in wish_days()}
        if self.day not in days:
            self.problem = self.problem or (
                text.Visit.WISH_DAY_RANGE if is_date(self.day) else text.Visit.WISH_DAY_INVALID
            )
            return None
        part = text.Visit.PARTS.get(self.part, text.Visit.ANY_PART)
        self.when_label = f"{days[self.day]} {part}"
        return None

    def _keep_note(self, actor: Actor, note: Any) -> None:
        if isinstance(note, str):
            self.note, self._note_of = note[:NOTE_KEPT], actor.account_id

    @rx.event
    def set_note(self, note: Any):
        """Remember the note while the member goes to change a choice (修改) and comes back."""
        actor = self._actor()
        if actor is not None:
            self._keep_note(actor, note)

    @rx.event
    def submit(self, form: Any):
        """提交: ask for the visit with the address's choices and the note."""
        actor = self._require()
        if not isinstance(actor, Actor):
            return actor
        note = form_dict(form).get("note")
        if not isinstance(note, str):  # a browser always sends the box, even empty
            self.errors, self.problem = {"note": text.Err.BAD_REQUEST}, ""
            return FOCUS_ERRORS
        self._keep_note(actor, note)
        answers = {name: self._query(name) for name in ADDRESS_FIELDS}
        try:
            with db.transaction() as session:
                visit, created = visits.request_visit(session, actor, {**answers, "note": note})
                reason = visits.reason_name(visit)
        except FormError as error:
            self.errors = {k: v for k, v in error.errors.items() if k not in ADDRESS_FIELDS}
            address = [v for k, v in error.errors.items() if k in ADDRESS_FIELDS]
            self.problem = "；".join(address)
            return FOCUS_ERRORS if self.errors else focus("visit-problem")
        except DomainError as error:
            self.errors, self.problem = {}, error.message
            return focus("visit-problem")
        self.errors, self.problem, self.note = {}, "", ""
        self.flash = P.CREATED if created else text.Visit.ALREADY_OPEN.format(reason=reason)
        return rx.redirect("/visits")

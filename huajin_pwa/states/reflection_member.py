"""/study/<week>/reflect: a member writes their 学习心得 on a week for the grid branch, sees how
it stands (waiting, 已阅, the secretary's reply) and changes it while it still waits."""

from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.services import reflections, study_member, validate
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.services.reflections import BODY_MAX, Mine
from huajin_pwa.services.study_member import Reading
from huajin_pwa.states.forms import form_dict
from huajin_pwa.states.mixins import FormErrors
from huajin_pwa.states.session import SessionState
from huajin_pwa.states.visits import MemberPage, focus

T = text.Reflection
TONES = {"waiting": "warn", "acknowledged": "ok", "commented": "ok"}
DRAFT_KEPT = 4000  # what the page keeps of a refused text to show it again


def count_line(count: int) -> str:
    """已写 120 / 2000 字 (and how many too many)."""
    if count > BODY_MAX:
        return T.COUNT_OVER.format(count=count, over=count - BODY_MAX)
    return T.COUNT.format(count=count)


class ReflectState(FormErrors, MemberPage, SessionState):
    """The week, its questions, the member's reflection and the form."""

    week: str = ""
    found: bool = False
    problem: str = ""
    week_line: str = ""
    questions: list[str] = []
    has_mine: bool = False
    status: str = ""
    status_label: str = ""
    status_tone: str = "plain"
    body: str = ""
    written_on: str = ""
    reply: str = ""
    reply_by: str = ""
    editing: bool = False
    draft: str = ""
    draft_count: int = 0
    form_key: int = 0
    told: str = ""
    told_warn: bool = False

    @rx.var
    def count_text(self) -> str:
        """The count under the text box, as the server last saw the text."""
        return count_line(self.draft_count)

    @rx.var
    def can_edit(self) -> bool:
        """Whether the reflection still waits for the branch (so it may be changed)."""
        return self.status == "waiting"

    @rx.var
    def show_form(self) -> bool:
        """The text box shows before the first reflection and while changing it."""
        return self.found and (not self.has_mine or self.editing)

    @rx.var
    def back_href(self) -> str:
        """This week's material."""
        return f"/study/{self.week}" if self.found else "/study"

    @rx.event
    def load(self):
        """Open the page: the week from the address, and the member's reflection on it."""
        self.errors, self.told, self.told_warn, self.editing = {}, "", False, False
        self.week = validate.as_text(self.router.page.params.get("week", ""))[:10]
        actor = self._admit()
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        self._read(actor)
        self.draft = self.body
        self.draft_count = len(self.body)
        self.form_key += 1
        return None

    def _forget(self) -> None:
        self.found, self.has_mine, self.problem = False, False, ""
        self.week_line, self.questions = "", []
        self._show(None)

    def _read(self, actor: Actor) -> None:
        """The week and the reflection as they stand now."""
        try:
            with db.transaction() as session:
                reading = study_member.read_week(session, actor, self.week)
                mine = reflections.mine(session, actor, self.week)
        except DomainError as error:
            self._forget()
            self.problem = error.message
            return
        self.found, self.problem = True, ""
        self._show_week(reading)
        self._show(mine)

    def _show_week(self, reading: Reading) -> None:
        day = present.date_label(reading.week.week_of)
        self.week_line = T.WEEK_LINE.format(day=day, title=reading.week.title)
        self.questions = reading.questions

    def _show(self, mine: Mine | None) -> None:
        reflection = mine.reflection if mine else None
        self.has_mine = reflection is not None
        self.status = reflection.status if reflection else ""
        self.status_label = T.STATUS.get(self.status, "")
        self.status_tone = TONES.get(self.status, "plain")
        self.body = reflection.body if reflection else ""
        self.written_on = ""
        if reflection is not None:
            self.written_on = T.WRITTEN_ON.format(day=present.day_time(reflection.updated_at))
        self.reply = reflection.reply if reflection else ""
        self.reply_by = ""
        if reflection is not None and reflection.replied_at is not None:
            day = present.day(reflection.replied_at)
            line = T.ACK_BY if reflection.status == "acknowledged" else T.REPLY_BY
            self.reply_by = line.format(name=mine.replied_by, day=day)

    @rx.event
    def submit(self, form: Any):
        """提交给支部 (or 保存修改): the text goes to the service, which checks it again."""
        actor = self._admit()
        if not isinstance(actor, Actor):
            return actor
        raw = form_dict(form).get("body")
        try:
            with db.transaction() as session:
                before = reflections.mine(session, actor, self.week)
                seen = before.reflection.version if before else 0
                saved, _created = reflections.write(session, actor, self.week, raw)
                told = T.SENT if before is None else T.SAVED
                told = T.UNCHANGED if saved.version == seen else told
        except FormError as error:
            self.errors, self.told = error.errors, ""
            kept = raw if isinstance(raw, str) else ""
            self.draft = kept[:DRAFT_KEPT]
            self.draft_count = len(validate.as_text(kept).replace("\r\n", "\n"))
            return rx.call_script("window.huajinFocusErrors()")
        except DomainError as error:
            self.errors = {}
            self._read(actor)
            self.editing = False
            self.told, self.told_warn = error.message, True
            return focus("reflect-told")
        self.errors, self.editing = {}, False
        self._read(actor)
        self.draft, self.draft_count = self.body, len(self.body)
        self.form_key += 1
        self.told, self.told_warn = told, False
        return focus("reflect-told")

    @rx.event
    def start_edit(self):
        """修改心得: the text box again, holding the saved text (only while it waits)."""
        if not (self.has_mine and self.can_edit):
            return None
        self.editing, self.errors, self.told = True, {}, ""
        self.draft, self.draft_count = self.body, len(self.body)
        self.form_key += 1
        return focus("f-body")

    @rx.event
    def stop_edit(self):
        """不修改了: back to the reflection as saved."""
        self.editing, self.errors = False, {}
        self.draft, self.draft_count = self.body, len(self.body)
        self.form_key += 1

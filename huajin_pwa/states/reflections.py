"""/secretary/reflections: the 学习心得 of the secretary's grids (waiting first, or all of
them: ?show=all), each answered in place with 已阅 or a comment."""

from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.models import StudyReflection
from huajin_pwa.services import reflections, validate
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.services.reflections import ReflectionLine
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import FormErrors
from huajin_pwa.states.reflection_member import TONES
from huajin_pwa.states.secretary import ROLES, SecretaryList, SecretaryState

T = text.Reflection
SHOW_FLASH = rx.call_script(
    "requestAnimationFrame(function () { var e = document.querySelector('main .hj-notice');"
    " if (e) { e.setAttribute('tabindex', '-1'); e.focus(); e.scrollIntoView({block: 'center'}); }"
    " })"
)


def replied_fields(reflection: StudyReflection, replied_by: str) -> dict[str, str]:
    """How the reflection stands, in words: the status, the reply and who gave it."""
    waiting = reflection.status == reflections.WAITING
    return {
        "status": T.STATUS.get(reflection.status, ""),
        "tone": TONES.get(reflection.status, "plain"),
        "waiting": "1" if waiting else "",
        "reply": T.REPLY_SHOWN.format(reply=reflection.reply) if reflection.reply else "",
        "replied": ""
        if waiting
        else T.REPLIED_LINE.format(name=replied_by, day=present.day(reflection.replied_at)),
    }


def reflection_row(line: ReflectionLine) -> dict[str, str]:
    """One reflection as its card shows it: every value a ready string."""
    reflection = line.reflection
    return {
        "id": str(reflection.id),
        "name": line.member_name,
        "phone": line.member_phone,
        "week": T.FOR_WEEK.format(title=line.week_title, day=present.date_label(line.week_of)),
        "written": T.WRITTEN.format(day=present.day_time(reflection.updated_at)),
        "body": reflection.body,
        **replied_fields(reflection, line.replied_by),
    }


class ReflectionsState(FormErrors, SecretaryList, SecretaryState):
    """The list, the 待回复 / 全部 choice (from the address) and the replies."""

    show: str = reflections.WAITING
    _versions: dict[int, int] = {}

    def _fetch(self, session, actor: Actor) -> None:
        found = reflections.branch_list(session, actor, self.show, self.page, self._grid_id())
        self._versions = {line.reflection.id: line.reflection.version for line in found.rows}
        self._show(found, [reflection_row(line) for line in found.rows])

    @rx.event
    def load(self):
        """Open the page: the waiting ones, or all with ?show=all."""
        wanted = validate.as_text(self.router.url.query_parameters.get("show", ""))
        self.show = "all" if wanted == "all" else reflections.WAITING
        self.errors = {}
        return self._open()

    @rx.event
    def acknowledge(self, reflection_id: Any):
        """已阅: the member is told the secretary has read it."""
        return self._reply(reflection_id, "ack", "")

    @rx.event
    def comment(self, form: Any):
        """回复: the comment goes to the member."""
        data = form_dict(form)
        return self._reply(data.get("id"), "comment", data.get("comment"))

    def _reply(self, reflection_id: Any, action: str, comment: Any):
        actor = self._require(*ROLES)
        if not isinstance(actor, Actor):
            self._clear()
            return actor
        chosen = row_id(reflection_id)
        try:
            with db.transaction() as session:
                done = reflections.reply(
                    session, actor, chosen, self._versions.get(chosen), action, comment
                )
                self._section(session, actor)
        except FormError as error:
            self.errors = {f"comment-{chosen}": error.errors["comment"]}
            self.flash = ""
            return rx.call_script("window.huajinFocusErrors()")
        except DomainError as error:  # someone replied first, or a refusal: the list as it is
            self.errors = {}
            result = self._reload()
            self.flash, self.flash_warn = error.message, True
            return result or SHOW_FLASH
        self.errors = {}
        self._versions[done.id] = done.version
        name = ""
        for row in self.rows:
            if row["id"] == str(done.id):
                row.update(replied_fields(done, actor.name))
                name = row["name"]
        self.rows = list(self.rows)
        self.flash = (T.REPLIED if action == "comment" else T.ACKED).format(name=name)
        return None

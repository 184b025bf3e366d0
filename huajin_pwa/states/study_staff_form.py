"""/staff/study/new and /staff/study/<id>: the form that writes or corrects a week's material,
its preview as a member sees it on a phone, and the pictures uploaded with it."""

import json
from datetime import date, timedelta
from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.models import Account
from huajin_pwa.services import clock, study, study_images, validate
from huajin_pwa.services.actor import STAFF, Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import FormErrors
from huajin_pwa.states.session import SessionState
from huajin_pwa.states.study_staff import Material, material, week_label

T = text.StudyStaff
FIELDS = ("week_of", "title", "body", "key_points", "questions", "publish_on")
BODY_LIMIT = 20000  # what is kept of an answer to show it again (the service checks lengths)
ANSWER_LIMIT = 1000
FOCUS_ERRORS = "window.huajinFocusErrors()"
SHOW_PREVIEW = (
    "requestAnimationFrame(function () { var box = document.getElementById('preview-title');"
    " if (box) { box.focus(); box.scrollIntoView({ block: 'start' }); } })"
)
# Adds a line to the end of the body box without touching anything else typed in the form.
APPEND_TO_BODY = (
    "(function (line) { var box = document.getElementById('f-body'); if (!box) return;"
    " var before = box.value.replace(/\\s+$/, '');"
    " box.value = (before ? before + '\\n\\n' : '') + line + '\\n';"
    " box.dispatchEvent(new Event('input', { bubbles: true })); })({line})"
)


def kept(data: dict[str, Any]) -> dict[str, str]:
    """The submitted answers as text, to show them again."""
    return {
        name: validate.as_text(data.get(name))[: BODY_LIMIT if name == "body" else ANSWER_LIMIT]
        for name in FIELDS
    }


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


class StudyFormState(FormErrors, SessionState):
    """Writing a new week (/staff/study/new) or correcting one (/staff/study/<id>)."""

    ready: bool = False
    editing: bool = False
    week_id: str = ""
    week_text: str = ""
    editing_note: str = ""
    published: bool = False
    notice_warn: bool = False
    answers: dict[str, str] = {}
    form_key: int = 0
    previewing: bool = False
    preview: Material = Material()
    image_note: str = ""
    day_min: str = ""
    day_max: str = ""
    _week_id: int = 0
    _version: int = 0

    def _start(self) -> None:
        self.errors, self.notice, self.notice_warn, self.image_note = {}, "", False, ""
        self.previewing, self.preview = False, Material()
        today = clock.today()
        self.day_min = (today - timedelta(days=study.PAST_DAYS)).isoformat()
        self.day_max = (today + timedelta(days=study.AHEAD_DAYS)).isoformat()

    def _forget(self) -> None:
        self.ready, self.week_id, self._week_id, self._version = False, "", 0, 0
        self.answers, self.week_text, self.editing_note = {}, "", ""

    @rx.event
    def load_new(self):
        """Open an empty form for next week (published on its Monday)."""
        self._start()
        self.editing = False
        actor = self._require(STAFF)
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        self._week_id = self._version = 0
        next_week = (clock.monday(clock.today()) + timedelta(weeks=1)).isoformat()
        self.answers = {name: "" for name in FIELDS}
        self.answers.update(week_of=next_week, publish_on=next_week)
        self.week_id, self.week_text, self.editing_note = "", "", ""
        self.ready = True
        self.form_key += 1
        return None

    @rx.event
    def load_edit(self):
        """Open the week in the address at its current version (?saved=1: just saved)."""
        self._start()
        self.editing = True
        actor = self._require(STAFF)
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        self._load_week(actor, row_id(self.router.page.params.get("week_id", "")))
        if self.ready and self.router.url.query_parameters.get("saved") == "1":
            self.notice = T.SAVED_NEW.format(title=self.answers.get("title", ""))
        return None

    def _load_week(self, actor: Actor, week_id: int) -> None:
        """The week as it stands now; the form starts again from its current text."""
        try:
            with db.transaction() as session:
                week, current = study.staff_week(session, actor, week_id)
                editor = session.get(Account, current.edited_by_id)
        except DomainError as error:
            self._forget()
            self.notice, self.notice_warn = error.message, True
            return
        self._week_id, self._version, self.week_id = week.id, week.version, str(week.id)
        self.week_text = T.WEEK_FIXED.format(week=week_label(week.week_of))
        self.editing_note = T.EDITING.format(
            version=week.version,
            name=editor.name if editor else "",
            when=present.day_time(current.edited_at),
        )
        self.published = week.publish_on <= clock.today()
        self.answers = {
            "week_of": week.week_of.isoformat(),
            "title": current.title,
            "body": current.body_markdown,
            "key_points": current.key_points,
            "questions": current.questions,
            "publish_on": week.publish_on.isoformat(),
        }
        self.ready = True
        self.form_key += 1

    @rx.event
    def submit(self, form: Any, intent: Any = ""):
        """预览 (intent "preview", and anything unknown: nothing is saved) or 保存 ("save")."""
        actor = self._require(STAFF)
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        if not self.ready:
            return None
        data = form_dict(form)
        if self.editing:
            data["week_of"] = self.answers.get("week_of", "")
        self.answers = kept(data)
        if intent != "save":
            return self._show_preview()
        return self._save(actor, data)

    def _show_preview(self):
        answers = self.answers
        self.previewing = True
        self.preview = material(
            _day(answers["week_of"]),
            answers["title"] or T.NO_TITLE,
            study.lines_of(answers["key_points"]),
            answers["body"],
            study.lines_of(answers["questions"]),
        )
        return rx.call_script(SHOW_PREVIEW)

    def _save(self, actor: Actor, data: dict[str, Any]):
        self.previewing = False
        try:
            with db.transaction() as session:
                if self.editing:
                    week = study.edit_week(session, actor, self._week_id, self._version, data)
                else:
                    week = study.write_week(session, actor, data)
        except FormError as error:
            self.errors, self.notice = error.errors, ""
            return rx.call_script(FOCUS_ERRORS)
        except DomainError as error:
            self.errors = {}
            if self.editing:  # someone saved first: show the newest text
                self._load_week(actor, self._week_id)
                message = f"{error.message}{T.STALE_RELOADED}" if self.ready else error.message
            else:
                message = error.message
            self.notice, self.notice_warn = message, True
            return None
        self.errors = {}
        if not self.editing:
            return rx.redirect(f"/staff/study/{week.id}?saved=1")
        self._load_week(actor, week.id)
        self.notice, self.notice_warn = T.SAVED_EDIT.format(version=week.version), False
        return None

    @rx.event
    async def upload_image(self, files: list[rx.UploadFile]):
        """Keep the chosen picture and add its Markdown line to the end of the body."""
        actor = self._require(STAFF)
        if not isinstance(actor, Actor):
            return actor
        if files == []:  # the phone refused the file itself: upload_refused says why
            return None
        self.image_note = ""
        self.errors = {name: message for name, message in self.errors.items() if name != "image"}
        if not isinstance(files, list) or len(files) != 1:
            self.errors = {**self.errors, "image": T.IMAGE_ONE}
            return None
        upload = files[0]
        if not isinstance(upload, rx.UploadFile):
            self.errors = {**self.errors, "image": T.IMAGE_NOT_PICTURE}
            return None
        data = upload.file.read(study_images.MAX_BYTES + 1)
        try:
            with db.transaction() as session:
                image = study_images.upload_image(session, actor, upload.filename, data)
                line = study_images.markdown_for(image)
        except DomainError as error:
            message = error.errors.get("image", "") if isinstance(error, FormError) else ""
            self.errors = {**self.errors, "image": message or error.message}
            return None
        self.image_note = T.IMAGE_ADDED
        return rx.call_script(APPEND_TO_BODY.replace("{line}", json.dumps(line)))

    @rx.event
    def upload_refused(self, codes: Any):
        """The phone refused the file before sending it; codes are react-dropzone's reasons
        (file-too-large, file-invalid-type, too-many-files)."""
        self.image_note = ""
        listed = codes if isinstance(codes, list) else []
        if "too-many-files" in listed:
            message = T.IMAGE_ONE
        elif "file-too-large" in listed:
            message = T.IMAGE_TOO_BIG
        else:
            message = T.IMAGE_NOT_PICTURE
        self.errors = {**self.errors, "image": message}

"""/activities/new and /activities/<id>/edit: a leader (or staff) plans an activity, changes
it, adds a picture, or cancels it (after a confirmation on the page)."""

from datetime import timedelta
from typing import Any

import reflex as rx

from huajin_pwa import db, text
from huajin_pwa.services import activities, clock, study_images, validate
from huajin_pwa.services.actor import LEADER, STAFF, Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import FormErrors
from huajin_pwa.states.session import SessionState

T = text.ActivityForm
ANSWER_LIMIT = 1000  # what is kept of an answer to show it again (the service checks lengths)
FOCUS_ERRORS = "window.huajinFocusErrors()"
FOCUS_QUESTION = (
    "requestAnimationFrame(function () { var q = document.getElementById('cancel-question');"
    " if (q) { q.focus(); } })"
)
PICTURE = study_images.FIELD


def kept(data: dict[str, Any]) -> dict[str, str]:
    """The submitted answers as text, to show them again."""
    return {name: validate.as_text(data.get(name))[:ANSWER_LIMIT] for name in activities.FIELDS}


class ActivityFormState(FormErrors, SessionState):
    """Planning a new activity (/activities/new) or changing one (/activities/<id>/edit)."""

    ready: bool = False
    editing: bool = False
    notice_warn: bool = False
    activity_id: str = ""
    answers: dict[str, str] = {}
    team_options: list[list[str]] = []
    community: bool = False
    picture_url: str = ""
    picture_note: str = ""
    day_min: str = ""
    day_max: str = ""
    form_key: int = 0
    confirming: bool = False
    told_count: int = 0
    title_text: str = ""
    _activity_id: int = 0
    _version: int = 0
    _picture_id: int = 0

    def _start(self, editing: bool) -> Actor | rx.event.EventSpec:
        self.errors, self.notice, self.notice_warn = {}, "", False
        self.picture_note, self.confirming, self.editing = "", False, editing
        today = clock.today()
        self.day_min = today.isoformat()
        self.day_max = (today + timedelta(days=activities.AHEAD_DAYS)).isoformat()
        actor = self._require(LEADER, STAFF)
        if not isinstance(actor, Actor):
            self._forget()
        return actor

    def _forget(self) -> None:
        self.ready, self.activity_id, self._activity_id, self._version = False, "", 0, 0
        self.answers, self.team_options, self.title_text = {}, [], ""
        self._picture_id, self.picture_url = 0, ""

    def _refuse(self, message: str) -> None:
        self._forget()
        self.notice, self.notice_warn = message, True

    def _options(self, session, actor: Actor) -> None:
        offered = activities.choices(session, actor)
        self.team_options, self.community = offered.teams, offered.community

    @rx.event
    def load_new(self):
        """An empty form (?team=<id> chooses that team when the actor may)."""
        actor = self._start(editing=False)
        if not isinstance(actor, Actor):
            return actor
        try:
            with db.transaction() as session:
                self._options(session, actor)
        except DomainError as error:
            self._refuse(error.message)
            return None
        wanted = str(row_id(self.router.url.query_parameters.get("team", "")))
        ids = [team_id for team_id, _name in self.team_options]
        team = wanted if wanted in ids else ids[0] if len(ids) == 1 and not self.community else ""
        self.answers = {name: "" for name in activities.FIELDS}
        self.answers.update(team=team, kind="", audience="public")
        self.activity_id, self._activity_id, self._version, self.title_text = "", 0, 0, ""
        self._picture_id, self.picture_url = 0, ""
        self.ready = True
        self.form_key += 1
        return None

    @rx.event
    def load_edit(self):
        """The activity in the address as it stands now."""
        actor = self._start(editing=True)
        if not isinstance(actor, Actor):
            return actor
        self._load_activity(actor, row_id(self.router.page.params.get("activity_id", "")))
        return None

    def _load_activity(self, actor: Actor, activity_id: int) -> None:
        try:
            with db.transaction() as session:
                found = activities.for_edit(session, actor, activity_id)
                self._options(session, actor)
                count = len(activities.people_to_tell(session, found.id))
        except DomainError as error:
            self._refuse(error.message)
            self.activity_id = str(activity_id) if activity_id else ""
            return
        self._activity_id, self._version, self.activity_id = found.id, found.version, str(found.id)
        self.answers, self.title_text = activities.answers_of(found), found.title
        self._picture_id = found.picture_id or 0
        self.picture_url = activities.picture_url(found.picture_id)
        self.told_count = count
        self.ready = True
        self.form_key += 1

    @rx.event
    def submit(self, form: Any):
        """保存: plan or change the activity and open its page, or show what to fix."""
        actor = self._require(LEADER, STAFF)
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        if not self.ready:
            return None
        data = form_dict(form)
        self.answers, self.confirming = kept(data), False
        picture = self._picture_id or None
        try:
            with db.transaction() as session:
                if self.editing:
                    saved = activities.edit(
                        session, actor, self._activity_id, self._version, data, picture
                    )
                else:
                    saved = activities.create(session, actor, data, picture)
                saved_id = saved.id
        except FormError as error:
            self.errors, self.notice = error.errors, ""
            return rx.call_script(FOCUS_ERRORS)
        except DomainError as error:
            self.errors = {}
            if self.editing:  # changed by someone else, started or cancelled: show it as it is
                self._load_activity(actor, self._activity_id)
            self.notice, self.notice_warn = error.message, True
            return None
        self.errors, self.notice, self.notice_warn = {}, T.SAVED, False
        return rx.redirect(f"/activities/{saved_id}")

    @rx.event
    async def upload_picture(self, files: list[rx.UploadFile]):
        """Keep the chosen picture; saving the form puts it on the activity."""
        actor = self._require(LEADER, STAFF)
        if not isinstance(actor, Actor):
            return actor
        if files == []:  # the phone refused the file itself: upload_refused says why
            return None
        self.picture_note = ""
        self.errors = {name: message for name, message in self.errors.items() if name != PICTURE}
        if not isinstance(files, list) or len(files) != 1:
            self.errors = {**self.errors, PICTURE: text.StudyStaff.IMAGE_ONE}
            return None
        upload = files[0]
        if not isinstance(upload, rx.UploadFile):
            self.errors = {**self.errors, PICTURE: text.StudyStaff.IMAGE_NOT_PICTURE}
            return None
        data = upload.file.read(study_images.MAX_BYTES + 1)
        try:
            with db.transaction() as session:
                image_id = activities.upload_picture(session, actor, upload.filename, data).id
        except DomainError as error:
            message = error.errors.get(PICTURE, "") if isinstance(error, FormError) else ""
            self.errors = {**self.errors, PICTURE: message or error.message}
            return None
        self._picture_id, self.picture_url = image_id, activities.picture_url(image_id)
        self.picture_note = T.PICTURE_ADDED
        return None

    @rx.event
    def upload_refused(self, codes: Any):
        """The phone refused the file before sending it (react-dropzone's reason codes)."""
        self.picture_note = ""
        listed = codes if isinstance(codes, list) else []
        if "too-many-files" in listed:
            message = text.StudyStaff.IMAGE_ONE
        elif "file-too-large" in listed:
            message = text.StudyStaff.IMAGE_TOO_BIG
        else:
            message = text.StudyStaff.IMAGE_NOT_PICTURE
        self.errors = {**self.errors, PICTURE: message}

    @rx.event
    def remove_picture(self):
        """不用这张图片: the activity is saved without a picture."""
        self._picture_id, self.picture_url, self.picture_note = 0, "", ""

    @rx.var
    def cancel_question(self) -> str:
        """确定要取消“…”吗？ with the activity's title and how many will be told."""
        return T.CANCEL_CONFIRM.format(title=self.title_text, count=self.told_count)

    @rx.event
    def ask_cancel(self):
        """取消活动: ask for a confirmation on the page (and move there)."""
        self.confirming = self.ready and self.editing
        return rx.call_script(FOCUS_QUESTION) if self.confirming else None

    @rx.event
    def keep(self):
        """不取消."""
        self.confirming = False

    @rx.event
    def confirm_cancel(self):
        """确定取消活动: cancel it and tell the people signed up."""
        actor = self._require(LEADER, STAFF)
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        if not (self.ready and self.editing and self.confirming):
            return None
        self.confirming = False
        try:
            with db.transaction() as session:
                cancelled, told = activities.cancel(session, actor, self._activity_id)
                title = cancelled.title
        except DomainError as error:
            self._load_activity(actor, self._activity_id)
            self.notice, self.notice_warn = error.message, True
            return None
        activity_id = self.activity_id
        self._forget()
        self.activity_id = activity_id  # for the link back to the activity
        self.notice, self.notice_warn = T.CANCELLED.format(title=title, count=told), False
        return None

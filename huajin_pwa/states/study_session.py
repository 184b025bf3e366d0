"""/secretary/session/<id>: one study session for a secretary of its grid (or staff): what it
is, its QR code and the link it holds, and the roster to tick who came."""

import reflex as rx
from reflex_base.utils.form import FormData

from huajin_pwa import db, present, text
from huajin_pwa.services import clock, study_attendance, study_sessions
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError
from huajin_pwa.services.study_sessions import Roster
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.secretary import ROLES
from huajin_pwa.states.session import SessionState
from huajin_pwa.states.study_sessions import when_words

T = text.StudySessions


def checkin_path(token: str) -> str:
    """The path a member's phone opens from the QR code."""
    return f"/study/checkin/{token}"


class StudySessionState(SessionState):
    """One session: its details, QR code and roster; 保存出勤 records the ticks."""

    found: bool = False
    notice_warn: bool = False
    title: str = ""
    about: list[list[str]] = []
    qr_uri: str = ""
    checkin_url: str = ""
    members: list[dict[str, str]] = []
    present_count: int = 0
    total: int = 0
    can_tick: bool = False
    same_day: bool = False  # ticks may be taken back on the session's day only
    form_key: int = 0
    _session_id: int = 0
    _present: set[int] = set()
    _ticked: set[int] = set()

    @rx.var
    def count_line(self) -> str:
        """已到 3 / 共 12."""
        return T.COUNT.format(present=self.present_count, total=self.total)

    @rx.event
    def load(self):
        """Open the session page; a notice left by the form before is shown here once."""
        carried, self.notice = self.notice, ""
        self.notice_warn = False
        actor = self._require(*ROLES)
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        self._reload(actor, row_id(self.router.page.params.get("session_id", "")))
        if self.found and carried:
            self.notice = carried

    def _forget(self) -> None:
        self.found, self._session_id, self.title = False, 0, ""
        self.about, self.members, self.qr_uri, self.checkin_url = [], [], "", ""
        self.present_count = self.total = 0
        self.can_tick, self.same_day = False, False
        self._present, self._ticked = set(), set()

    def _reload(self, actor: Actor, session_id: int) -> None:
        try:
            with db.transaction() as session:
                found = study_sessions.roster(session, actor, session_id)
        except DomainError as error:
            self._forget()
            self.notice, self.notice_warn = error.message, True
            return
        self._show(found)

    def _show(self, found: Roster) -> None:
        row, today = found.session, clock.today()
        self.found, self._session_id = True, row.id
        self.title = when_words(row)
        self.about = [
            [T.DAY_ROW, present.date_label(row.held_on)],
            [T.PART_ROW, T.PARTS[row.part]],
            [T.TIME_ROW, row.starts_at or T.NO_TIME],
            [T.PLACE_ROW, row.place],
            [T.WEEK_ROW, found.week.title],
            [T.GRID_ROW, found.grid_name],
        ]
        origin = self.router.headers.origin or ""
        self.checkin_url = origin + checkin_path(row.token)
        self.qr_uri = study_attendance.qr_svg(self.checkin_url)
        self.can_tick, self.same_day = row.held_on <= today, row.held_on == today
        self.members = [
            {
                "id": str(line.member_id),
                "name": line.name,
                "via": line.via,
                "how": T.VIA.get(line.via, T.ABSENT),
                # a scan stays; a tick may be taken back on the day only
                "locked": "yes"
                if not self.can_tick or line.via == "scan" or (line.via and not self.same_day)
                else "",
            }
            for line in found.lines
        ]
        self._present = {line.member_id for line in found.lines if line.via}
        self._ticked = {line.member_id for line in found.lines if line.via == "tick"}
        self.present_count, self.total = found.present, len(found.lines)
        self.form_key += 1

    @rx.event
    def save(self, form: FormData):
        """保存出勤: tick the newly ticked; on the day, take back ticks that were unticked
        (checkboxes: FormData keeps every value)."""
        actor = self._require(*ROLES)
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        raw = form_dict(form, ("present",)).get("present", [])
        ids = {row_id(value) for value in raw} if isinstance(raw, list) else {0}
        added = sorted(ids - self._present)
        removed = sorted(self._ticked - ids) if self.same_day else []
        try:
            with db.transaction() as session:
                if added:
                    study_attendance.tick(session, actor, self._session_id, added)
                if removed:
                    study_attendance.untick(session, actor, self._session_id, removed)
        except DomainError as error:
            self._reload(actor, self._session_id)
            self.notice, self.notice_warn = error.message, True
            return
        self._reload(actor, self._session_id)
        if added or removed:
            self.notice = T.SAVED.format(added=len(added), removed=len(removed))
        else:
            self.notice = T.NOTHING_CHANGED
        self.notice_warn = False

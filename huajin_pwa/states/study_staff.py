"""/staff/study and /staff/study/<id>/history: the weeks' study materials for staff, and every
saved version of one of them."""

from dataclasses import dataclass, field

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.models import StudyWeek
from huajin_pwa.services import clock, study
from huajin_pwa.services.actor import STAFF, Actor
from huajin_pwa.services.errors import DomainError
from huajin_pwa.states.forms import row_id
from huajin_pwa.states.mixins import Paged
from huajin_pwa.states.session import SessionState

T = text.StudyStaff


def week_label(week_of) -> str:
    """11月30日 周一这一周."""
    return T.WEEK_OF.format(day=present.date_label(week_of))


def publish_status(week: StudyWeek) -> tuple[str, str]:
    """已发布, or 定于…发布, and the tag tone."""
    if week.publish_on <= clock.today():
        return T.PUBLISHED, "ok"
    return T.SCHEDULED.format(day=present.date_label(week.publish_on)), "plain"


@dataclass
class Material:
    """A material as a member sees it: the week, title, key points, body (safe HTML) and
    questions."""

    week: str = ""
    title: str = ""
    points: list[str] = field(default_factory=list)
    html: str = ""
    questions: list[str] = field(default_factory=list)


@dataclass
class VersionRow:
    """One saved version in the history."""

    label: str = ""
    by: str = ""
    current: bool = False
    view: str = ""
    material: Material = field(default_factory=Material)


def material(week_of, title: str, points: list[str], markdown: str, questions: list[str]):
    """What a member would see of this text."""
    return Material(
        week=week_label(week_of) if week_of else "",
        title=title,
        points=points,
        html=study.render(markdown),
        questions=questions,
    )


class StudyListState(Paged, SessionState):
    """/staff/study: every week, the latest first, a page at a time."""

    rows: list[dict[str, str]] = []
    total: int = 0

    @rx.event
    def load(self):
        """Open /staff/study."""
        self.page = 1
        return self._reload()

    def _reload(self):
        actor = self._require(STAFF)
        if not isinstance(actor, Actor):
            self.rows = []
            return actor
        with db.transaction() as session:
            shown = study.staff_weeks(session, actor, self.page)
        self.page, self.pages, self.total = shown.page, shown.pages, shown.total
        rows = []
        for week in shown.rows:
            status, tone = publish_status(week)
            # a week still to come already says its day in its status
            day = present.date_label(week.publish_on) if tone == "ok" else ""
            rows.append(
                {
                    "id": str(week.id),
                    "title": week.title,
                    "week": week_label(week.week_of),
                    "publish": T.PUBLISH_ON.format(day=day) if day else "",
                    "status": status,
                    "tone": tone,
                    "version": T.VERSION.format(version=week.version),
                }
            )
        self.rows = rows
        return None


class StudyHistoryState(SessionState):
    """/staff/study/<id>/history: every saved version, the newest first, each readable."""

    found: bool = False
    title: str = ""
    week: str = ""
    week_id: str = ""
    versions: list[VersionRow] = []

    @rx.event
    def load(self):
        """Open the history of the week in the address."""
        self.notice = ""
        actor = self._require(STAFF)
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        week_id = row_id(self.router.page.params.get("week_id", ""))
        try:
            with db.transaction() as session:
                week, _current = study.staff_week(session, actor, week_id)
                saved = study.history(session, actor, week_id)
        except DomainError as error:
            self._forget()
            self.notice = error.message
            return None
        self.found, self.title, self.week_id = True, week.title, str(week.id)
        self.week = week_label(week.week_of)
        self.versions = [
            VersionRow(
                label=T.HISTORY_ROW.format(version=version.version),
                by=T.HISTORY_BY.format(name=name, when=present.day_time(version.edited_at)),
                current=version.version == week.version,
                view=T.VIEW.format(version=version.version),
                material=material(
                    week.week_of,
                    version.title,
                    study.points(version),
                    version.body_markdown,
                    study.questions(version),
                ),
            )
            for version, name in saved
        ]
        return None

    def _forget(self) -> None:
        self.found, self.title, self.week, self.week_id, self.versions = False, "", "", "", []

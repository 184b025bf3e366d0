"""/study and /study/<week>: a week's material for a member to read (this week's on /study),
我已学习, and the list of weeks; visitors who are not members yet are told where to go."""

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.components.read_aloud import check_readers
from huajin_pwa.services import clock, disclosure, study_member
from huajin_pwa.services.actor import MEMBER, Actor
from huajin_pwa.services.errors import DomainError
from huajin_pwa.states.mixins import Paged
from huajin_pwa.states.session import SessionState

P = text.StudyPage

# Fetch the week's print page once the service worker controls the page, so the worker keeps a
# copy for reading without a network (assets/sw.js stores /study/<week>/print on the way).
KEEP_OFFLINE = """(function (url) {
  if (!window.fetch || !('serviceWorker' in navigator)) return;
  var get = function () { fetch(url, {credentials: 'same-origin'}).catch(function () {}); };
  if (navigator.serviceWorker.controller) { get(); return; }
  navigator.serviceWorker.addEventListener('controllerchange', get, {once: true});
})('URL');"""


def studied_label(how: str) -> str:
    """已学习（自学） or 未学习."""
    return P.STUDIED_HOW.format(how=text.Study.HOW.get(how, "")) if how else P.NOT_STUDIED


def week_label(line: study_member.WeekLine) -> dict[str, str]:
    """One week of the list, in words."""
    week = line.week
    return {
        "key": week.week_of.isoformat(),
        "title": week.title,
        "day": present.date_label(week.week_of),
        "status": studied_label(line.how),
        "tone": "ok" if line.how else "plain",
        "changed": "1" if line.changed else "",
        "this_week": "1" if line.this_week else "",
    }


def blocked_for(actor: Actor | None) -> str:
    """'' for a member; where anyone else goes first: signin, me (a disclosure on its way), join."""
    if actor is None:
        return "signin"
    if actor.has(MEMBER):
        return ""
    with db.transaction() as session:
        latest = disclosure.latest_for(session, actor.account_id)
    return "me" if latest is not None and latest.status == "pending" else "join"


class StudyReadingState(Paged, SessionState):
    """One week's material (the route's week, or this week's on /study) and, on /study, the
    weeks one page at a time. The week being read is kept on the server (_week_id)."""

    ready: bool = False
    blocked: str = ""
    listing: bool = False
    found: bool = False
    missing: str = ""
    week_key: str = ""
    week_day: str = ""
    this_week: bool = False
    title: str = ""
    body_html: str = ""
    points: list[str] = []
    questions: list[str] = []
    studied: str = ""
    changed: bool = False
    told: str = ""
    told_warn: bool = False
    weeks: list[dict[str, str]] = []
    _week_id: int = 0

    @rx.var
    def kicker(self) -> str:
        """本周学习 · 11月23日 周一这一周."""
        return f"{P.THIS_WEEK if self.this_week else P.PAST_WEEK} · {self.week_day}"

    @rx.var
    def print_href(self) -> str:
        """The week's large-print page (also what works offline)."""
        return f"/study/{self.week_key}/print"

    @rx.var
    def reflect_href(self) -> str:
        """Where the member writes a reflection on the week."""
        return f"/study/{self.week_key}/reflect"

    @rx.event
    def load(self):
        """Open /study: this week's material and the list."""
        return self._open(listing=True)

    @rx.event
    def load_week(self):
        """Open /study/<week>: that week's material."""
        return self._open(listing=False)

    def _open(self, listing: bool):
        """Show the page from the first page of the list; once a week is shown, have its print
        page kept for offline reading and the read-aloud controls checked."""
        self.listing, self.page = listing, 1
        self.told, self.told_warn = "", False
        self._reload()
        if not self.found:
            return None
        script = KEEP_OFFLINE.replace("URL", self.print_href) + check_readers()
        return rx.call_script(script)

    def _route_week(self) -> str | None:
        """The week in the address of /study/<week> (None on /study)."""
        return None if self.listing else str(self.router.page.params.get("week", ""))

    def _forget(self) -> None:
        self.found, self._week_id, self.week_key, self.title, self.body_html = False, 0, "", "", ""
        self.points, self.questions, self.studied, self.changed = [], [], "", False
        self.weeks, self.pages = [], 1

    def _reload(self) -> None:
        """Read everything the page shows afresh, for whoever is signed in now."""
        actor = self._actor()
        self._show_actor(actor)
        self.blocked, self.missing, self.ready = blocked_for(actor), "", True
        self._forget()
        if self.blocked:
            return None
        try:
            with db.transaction() as session:
                week = self._route_week()
                if week is not None:
                    reading = study_member.read_week(session, actor, week)
                else:
                    reading = study_member.current(session, actor)
                found = (
                    study_member.member_weeks(session, actor, self.page) if self.listing else None
                )
        except DomainError as error:
            self.missing = error.message
            return None
        if found is not None:
            self.page, self.pages = found.page, found.pages
            self.weeks = [week_label(line) for line in found.rows]
        if reading is None:
            self.missing = P.NOTHING_YET
            return None
        self._show(reading)
        return None

    def _show(self, reading: study_member.Reading) -> None:
        week = reading.week
        self.found, self._week_id = True, week.id
        self.week_key = week.week_of.isoformat()
        self.week_day = P.WEEK_OF.format(day=present.date_label(week.week_of))
        self.this_week = week.week_of == clock.monday(clock.today())
        self.title, self.body_html = reading.version.title, reading.html
        self.points, self.questions = reading.points, reading.questions
        self.studied = studied_label(reading.record.how) if reading.record else ""
        self.changed = reading.changed

    @rx.event
    def mark(self):
        """我已学习: note the week on this page as studied (a second tap says it already is)."""
        week_id = self._week_id
        try:
            with db.transaction() as session:
                marked = study_member.mark_studied(session, self._actor(), week_id)
            self.told, self.told_warn = marked.message, False
        except DomainError as error:
            self.told, self.told_warn = error.message, True
        self._reload()
        return rx.call_script(
            "requestAnimationFrame(function () { var e = document.getElementById('study-told');"
            " if (e) { e.focus(); } })"
        )

"""/secretary/study (who has studied this week; the last 12 weeks), /secretary/home-study
(送学上门, recorded from an inline form) and the 学习 figures on /staff."""

from datetime import timedelta
from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.models import StudyWeek
from huajin_pwa.services import clock, study_branch
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.services.study_branch import HOME_WINDOW_DAYS, StaffStudyFigures, WeekCompletion
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import FormErrors
from huajin_pwa.states.secretary import ROLES, SecretaryList, SecretaryState, member_row
from huajin_pwa.states.secretary_visit import submitted

T = text.StudyBranch
FIELDS = ("visited_on", "note")
# after opening a form, the cursor goes to its first field; after saving, the page's message
# (over the list) comes into view, as the card the secretary was looking at is gone
FOCUS_FORM = "requestAnimationFrame(() => document.getElementById('f-visited_on')?.focus())"
SHOW_NOTICE = (
    "requestAnimationFrame(() => document.getElementById('page-notice')"
    "?.scrollIntoView({block: 'center'}))"
)


def print_href(week: StudyWeek) -> str:
    """The large-print page of a week (/study/<Monday>/print)."""
    return f"/study/{week.week_of.isoformat()}/print"


def bar_row(label: str, members: int, studied: int, share: int) -> dict[str, str]:
    """One progress bar: what it measures, the numbers in words, the bar's width."""
    return {
        "label": label,
        "bar_label": T.BAR_LABEL.format(what=label),
        "words": T.DONE_OF.format(studied=studied, members=members, percent=share),
        "width": present.percent(studied, members),
        "done": str(studied),
        "total": str(members),
    }


def week_rows(weeks: list[WeekCompletion]) -> list[dict[str, str]]:
    """The last weeks' completion as bars, newest first."""
    return [
        bar_row(
            T.WEEK_ROW.format(day=present.date_label(row.week_of), title=row.title),
            row.members,
            row.studied,
            row.percent,
        )
        for row in weeks
    ]


class BranchStudyState(SecretaryList, SecretaryState):
    """/secretary/study: the members who have not (?show=done: have) studied this week."""

    show: str = "not"
    has_week: bool = False
    week_line: str = ""
    n_not: int = 0
    n_done: int = 0
    weeks: list[dict[str, str]] = []

    @rx.event
    def load(self):
        """Open the page on the tab the address names."""
        wanted = self.router.url.query_parameters.get("show")
        self.show = wanted if wanted in study_branch.SHOWS else "not"
        return self._open()

    def _fetch(self, session, actor: Actor) -> None:
        grid = self._grid_id()
        found = study_branch.branch_progress(session, actor, grid, self.show, self.page)
        weeks = study_branch.completion_weeks(session, actor, grid)
        today = clock.today()
        rows = []
        for line in found.lines:
            row = member_row(line.member, today)
            if line.how:
                how = text.Study.HOW.get(line.how, "")
                row["status"], row["tone"] = T.STUDIED_HOW.format(how=how), "ok"
            else:
                row["status"], row["tone"] = T.NOT_STUDIED, "warn"
            rows.append(row)
        self._show(found, rows)
        self.has_week = found.week is not None
        self.week_line = T.WEEK.format(title=found.week.title) if found.week else ""
        self.n_not, self.n_done = found.not_studied, found.studied
        self.weeks = week_rows(weeks)

    def _clear(self) -> None:
        super()._clear()
        self.has_week, self.week_line, self.n_not, self.n_done, self.weeks = False, "", 0, 0, []

    @rx.var
    def tab_not(self) -> str:
        """未学习 n 人."""
        return T.TAB_NOT.format(count=self.n_not)

    @rx.var
    def tab_done(self) -> str:
        """已学习 n 人."""
        return T.TAB_DONE.format(count=self.n_done)


class HomeStudyState(FormErrors, SecretaryList, SecretaryState):
    """/secretary/home-study: frail members who have not studied this week; 登记送学上门 opens
    a small form on the member's card."""

    has_week: bool = False
    week_line: str = ""
    print_href: str = ""
    open_id: str = ""  # the member whose form is open
    answers: dict[str, str] = {}
    visited_min: str = ""
    visited_max: str = ""
    form_key: int = 0

    def _fetch(self, session, actor: Actor) -> None:
        found = study_branch.home_study_list(session, actor, self._grid_id(), self.page)
        today = clock.today()
        rows = []
        for line in found.lines:
            row = member_row(line.member, today)
            row["last_home"] = (
                T.LAST_HOME.format(day=present.date_label(line.last_home))
                if line.last_home
                else T.NEVER_HOME
            )
            rows.append(row)
        self._show(found, rows)
        week = found.week
        self.has_week = week is not None
        self.week_line = T.WEEK.format(title=week.title) if week else ""
        self.print_href = print_href(week) if week else ""
        low = today - timedelta(days=HOME_WINDOW_DAYS)
        self.visited_min = max(low, week.publish_on if week else low).isoformat()
        self.visited_max = today.isoformat()

    def _clear(self) -> None:
        super()._clear()
        self.has_week, self.week_line, self.print_href, self.open_id = False, "", "", ""

    def _start_form(self, member_id: str) -> None:
        self.open_id, self.errors = member_id, {}
        self.answers = {"visited_on": self.visited_max or clock.today().isoformat(), "note": ""}
        self.form_key += 1

    @rx.event
    def load(self):
        """Open the list with every form closed."""
        self.flash_warn, self.open_id, self.errors = False, "", {}
        return self._open()

    @rx.event
    def open_form(self, member_id: Any):
        """登记送学上门 on a member's card: show its form (one at a time)."""
        wanted = str(row_id(member_id) or "")
        if wanted and any(row["member_id"] == wanted for row in self.rows):
            self._start_form(wanted)
            return rx.call_script(FOCUS_FORM)
        return None

    @rx.event
    def close_form(self):
        """先不登记: close the form."""
        self.open_id, self.errors = "", {}

    @rx.event
    def record(self, form: Any):
        """Save the delivery; the member leaves the list and the page says so."""
        actor = self._require(*ROLES)
        if not isinstance(actor, Actor):
            self._clear()
            return actor
        data = form_dict(form)
        names = {row["member_id"]: row["name"] for row in self.rows}
        member = self.open_id
        try:
            with db.transaction() as session:
                study_branch.record_home_study(session, actor, row_id(member), data)
        except FormError as error:
            self.errors = error.errors
            self.answers = {**self.answers, **submitted(data, FIELDS)}
            return rx.call_script("window.huajinFocusErrors()")
        except DomainError as error:
            return self._after(error.message, True)
        return self._after(T.SAVED.format(name=names.get(member, "")), False)

    def _after(self, message: str, warn: bool):
        """Close the form, show the list as it is now, and the message over it."""
        self.open_id, self.errors = "", {}
        result = self._reload()
        if not self.allowed:
            return result
        self.flash, self.flash_warn = message, warn
        return rx.call_script(SHOW_NOTICE)


class StudyFiguresMixin(rx.State, mixin=True):
    """The 学习 section of /staff (mixed into StaffState, filled by _show_study)."""

    study_week: str = ""
    study_by_grid: list[dict[str, str]] = []
    study_by_week: list[dict[str, str]] = []
    study_awaiting: list[dict[str, str]] = []

    def _show_study(self, figures: StaffStudyFigures) -> None:
        week = figures.week
        self.study_week = T.STAFF_WEEK.format(title=week.title) if week else T.STAFF_NO_WEEK
        self.study_by_grid = [
            bar_row(row.grid, row.members, row.studied, row.percent) for row in figures.by_grid
        ]
        self.study_by_week = week_rows(figures.by_week)
        self.study_awaiting = [
            {
                "grid": row.grid,
                "words": T.AWAITING_ROW.format(
                    count=row.waiting, day=present.date_label(row.oldest)
                ),
            }
            for row in figures.awaiting
        ]

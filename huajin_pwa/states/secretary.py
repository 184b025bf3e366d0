"""/secretary, /secretary/tasks, /secretary/duty, /secretary/members: the grid secretary's lists
(staff and admin see every grid, or the one they pick)."""

from datetime import date
from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.services import clock, community, secretary_nav, validate, visit_lists, visits
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError
from huajin_pwa.services.visit_lists import DUTY_ALERT_DAY, Lines, MemberLine, VisitLine
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import Paged
from huajin_pwa.states.session import SessionState

T = text.SecretaryPage
ROLES = ("secretary", "staff")
SEARCH_LENGTH = 30


def member_row(member: MemberLine, today: date) -> dict[str, str]:
    """A member as the list cards show them: every value a ready string ("" when unknown)."""
    address = T.NO_ADDRESS
    if member.building and member.unit and member.room:
        address = text.Join.ADDRESS_FORMAT.format(
            building=member.building, unit=member.unit, room=member.room
        )
    age = today.year - member.birth_year if member.birth_year else 0
    return {
        "member_id": str(member.member_id),
        "name": member.name,
        "address": address,
        "age": T.AGE.format(age=age) if 0 < age < 130 else "",
        "phone": member.phone,
        "mobility": T.MOBILITY if member.mobility_limited else "",
        "difficulty": T.DIFFICULTY if member.family_difficulty else "",
        "last_visit": T.LAST_VISIT.format(day=present.date_label(member.last_visit))
        if member.last_visit
        else T.NEVER_VISITED,
    }


def visit_row(line: VisitLine, today: date, campaigns: dict[int, tuple[str, date]]) -> dict:
    """An open request or holiday task, with its member."""
    visit = line.visit
    scheduled = visit.status == "scheduled"
    campaign = campaigns.get(visit.campaign_id or 0)
    return {
        **member_row(line.member, today),
        "id": str(visit.id),
        "reason": T.REASON.format(reason=visits.reason_name(visit)),
        "wish": T.WISH.format(when=visits.wish_text(visit)),
        "asked": T.ASKED.format(day=present.day(visit.created_at)),
        "note": T.NOTE.format(note=visit.note) if visit.note else "",
        "status": T.TASK_WAITING
        if campaign and not scheduled
        else text.Visit.STATUS.get(visit.status, ""),
        "tone": "ok" if scheduled else "warn",
        "plan": T.SCHEDULED.format(
            day=present.date_label(visit.visit_day),
            part=visits.part_name(visit.visit_part),
            visitor=line.visitor_name,
        )
        if scheduled and visit.visit_day
        else "",
        "campaign": T.CAMPAIGN.format(name=campaign[0]) if campaign else "",
        "deadline": T.DEADLINE.format(day=present.date_label(campaign[1])) if campaign else "",
    }


class SecretaryState(SessionState):
    """What the section's list pages share: the grids in view (the filter), the section counts."""

    grid_filter: str = ""
    grid_options: list[list[str]] = []
    grid_label: str = ""
    allowed: bool = False
    flash: str = ""  # a message for this page: a refusal, or one carried over from the last
    flash_warn: bool = False  # the message is a warning (a refusal), not a confirmation
    n_requests: int = 0
    n_tasks: int = 0
    n_unvisited: int = 0
    n_members: int = 0
    n_unstudied: int = 0
    n_reflections: int = 0

    def _grid_id(self) -> int | None:
        return row_id(self.grid_filter) or None

    def _section(self, session, actor: Actor) -> None:
        """The grid choice and the counts on the section's navigation."""
        counts = secretary_nav.section_counts(session, actor, self._grid_id())
        self.n_requests, self.n_tasks = counts.requests, counts.tasks
        self.n_unvisited, self.n_members = counts.unvisited, counts.members
        self.n_unstudied, self.n_reflections = counts.unstudied, counts.reflections
        grids = [
            grid
            for grid in community.grids(session)
            if actor.is_office or grid.id in actor.secretary_grids
        ]
        self.grid_options = [[str(grid.id), grid.name] for grid in grids]
        chosen = [grid.name for grid in grids if str(grid.id) == self.grid_filter]
        if chosen:
            self.grid_label = chosen[0]
        elif len(grids) == 1:
            self.grid_label = grids[0].name
        else:
            self.grid_label = T.ALL_GRIDS

    def _clear_section(self) -> None:
        self.allowed = False
        self.grid_options, self.grid_label = [], ""
        self.n_requests = self.n_tasks = self.n_unvisited = self.n_members = 0
        self.n_unstudied = self.n_reflections = 0


class SecretaryList(Paged, mixin=True):
    """One of the section's lists: loads, pages, follows the grid filter, refuses outsiders."""

    rows: list[dict[str, str]] = []
    total: int = 0

    def _fetch(self, session, actor: Actor) -> None:
        raise NotImplementedError

    def _clear(self) -> None:
        self.rows, self.total, self.page, self.pages = [], 0, 1, 1
        self._clear_section()

    def _reload(self):
        self.flash, self.flash_warn = "", False
        actor = self._require(*ROLES)
        if not isinstance(actor, Actor):
            self._clear()
            return actor
        try:
            with db.transaction() as session:
                self._section(session, actor)
                self._fetch(session, actor)
        except DomainError as error:
            self._clear()
            self.flash, self.flash_warn = error.message, True
            return
        self.allowed = True

    def _open(self):
        """Load the first page; a notice left by the page before is shown here once."""
        carried = self.notice
        self.page = 1
        result = self._reload()
        if self.allowed:
            self.notice = ""
            self.flash = self.flash or carried
        return result

    def _show(self, found: Lines, rows: list[dict[str, str]]) -> None:
        self.rows, self.total = rows, found.total
        self.page, self.pages = found.page, found.pages

    @rx.event
    def load(self):
        """Open the page at its first page."""
        return self._open()

    @rx.event
    def filter_grid(self, form: Any):
        """Staff (or a secretary of several grids): show one grid, or all of them."""
        value = validate.as_text(form_dict(form).get("grid"))
        choices = {option[0] for option in self.grid_options}
        self.grid_filter = value if value in choices else ""
        self.page = 1
        return self._reload()


class RequestsState(SecretaryList, SecretaryState):
    """/secretary: open home-visit requests, oldest first."""

    def _fetch(self, session, actor: Actor) -> None:
        found = visit_lists.open_visits(session, actor, "request", self._grid_id(), self.page)
        today = clock.today()
        self._show(found, [visit_row(line, today, {}) for line in found.lines])


class TasksState(SecretaryList, SecretaryState):
    """/secretary/tasks: open holiday-care tasks, with their campaign."""

    def _fetch(self, session, actor: Actor) -> None:
        found = visit_lists.open_visits(session, actor, "campaign", self._grid_id(), self.page)
        names = secretary_nav.campaign_names(
            session, actor, [line.visit.campaign_id for line in found.lines]
        )
        today = clock.today()
        self._show(found, [visit_row(line, today, names) for line in found.lines])


class DutyState(SecretaryList, SecretaryState):
    """/secretary/duty: members in difficulty, the unvisited of this month first."""

    month: int = 0
    today_day: int = 0
    unvisited: int = 0
    alerting: bool = False

    def _fetch(self, session, actor: Actor) -> None:
        found = visit_lists.duty_list(session, actor, self._grid_id(), self.page)
        today = clock.today()
        self.month, self.today_day = today.month, today.day
        self.unvisited, self.alerting = found.unvisited, found.alerting
        rows = []
        for line in found.lines:
            row = member_row(line.member, today)
            if line.visited_this_month:
                row["status"], row["tone"] = T.VISITED, "ok"
            elif line.overdue:
                row["status"], row["tone"] = T.OVERDUE.format(day=DUTY_ALERT_DAY), "alert"
            else:
                row["status"], row["tone"] = T.NOT_VISITED, "warn"
            row["overdue"] = "yes" if line.overdue else ""
            rows.append(row)
        self._show(found, rows)

    def _clear(self) -> None:
        super()._clear()
        self.unvisited, self.alerting = 0, False

    @rx.var
    def title(self) -> str:
        """11月 每月必访."""
        return T.DUTY_TITLE.format(month=self.month) if self.month else T.NAV["duty"]

    @rx.var
    def alert_line(self) -> str:
        """The explanation over the flagged rows, from day 20."""
        if not self.alerting:
            return ""
        return T.DUTY_ALERT.format(today=self.today_day, day=DUTY_ALERT_DAY)

    @rx.var
    def left_line(self) -> str:
        """本月还有 3 位未看望 / 本月都已看望."""
        if self.unvisited:
            return T.DUTY_LEFT.format(count=self.unvisited)
        return T.DUTY_ALL_DONE if self.total else ""


class MembersState(SecretaryList, SecretaryState):
    """/secretary/members: the grid's disclosed members, found by name or phone."""

    search: str = ""

    def _fetch(self, session, actor: Actor) -> None:
        found = visit_lists.grid_members(session, actor, self.search, self._grid_id(), self.page)
        today = clock.today()
        self._show(found, [member_row(member, today) for member in found.lines])

    @rx.event
    def load(self):
        """Open the page: every member, first page."""
        self.search = ""
        return self._open()

    @rx.event
    def find(self, form: Any):
        """Look members up by a name or a phone number."""
        self.search = validate.as_text(form_dict(form).get("search"))[:SEARCH_LENGTH]
        self.page = 1
        return self._reload()

    @rx.event
    def show_all(self):
        """Forget the search."""
        self.search, self.page = "", 1
        return self._reload()

    @rx.var
    def count_line(self) -> str:
        """共 12 位已亮明身份的党员 / 找到 2 位."""
        if self.search:
            return T.MEMBERS_FOUND.format(count=self.total)
        return T.MEMBERS_COUNT.format(count=self.total)

"""/staff: the community's figures and the queue of disclosures to verify."""

from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.services import (
    approval,
    community,
    participation,
    stats,
    study_branch,
    visit_stats,
)
from huajin_pwa.services.actor import Actor
from huajin_pwa.states.forms import row_id
from huajin_pwa.states.mixins import Paged
from huajin_pwa.states.session import SessionState
from huajin_pwa.states.staff_teams import ParticipationMixin
from huajin_pwa.states.study_branch import StudyFiguresMixin

C = text.CampaignPage


class StaffState(ParticipationMixin, StudyFiguresMixin, Paged, SessionState):
    """Staff home: live counts and the pending queue, oldest first."""

    disclosed: int = 0
    pending: int = 0
    referrals_open: int = 0
    by_grid: list[list[str]] = []
    grid_options: list[list[str]] = []
    grid_filter: str = ""
    search: str = ""
    queue: list[dict[str, str]] = []
    visits_this_month: int = 0
    open_by_age: list[list[str]] = []  # [how long waiting, how many]
    difficulty: list[dict[str, str]] = []  # per grid: members in difficulty, unvisited

    @rx.event
    def load(self):
        """Open /staff."""
        self.page = 1
        return self._reload()

    def _reload(self):
        actor = self._require("staff")
        if not isinstance(actor, Actor):
            return actor
        grid_id = row_id(self.grid_filter) or None
        with db.transaction() as session:
            figures = stats.overview(session, actor)
            visits = visit_stats.overview(session, actor)
            study = study_branch.staff_study_figures(session, actor)
            taking_part = participation.figures(session, actor)
            grids = community.grids(session)
            result = approval.pending_queue(session, actor, grid_id, self.page, self.search)
        self.disclosed, self.pending = figures.disclosed, figures.pending
        self.referrals_open = figures.referrals_open
        self.by_grid = [[name, str(count)] for name, count in figures.by_grid]
        self._show_visits(visits)
        self._show_study(study)
        self._show_participation(taking_part)
        self.grid_options = [[str(g.id), g.name] for g in grids]
        self.page, self.pages = result.page, result.pages
        self.queue = [
            {
                "id": str(d.id),
                "name": d.name,
                "grid": grid_name or text.Staff.NO_GRID,
                "submitted": present.day_time(d.submitted_at),
                "behalf": text.Staff.ON_BEHALF if d.filled_by_id else "",
            }
            for d, grid_name in result.rows
        ]

    def _show_visits(self, visits: visit_stats.VisitOverview) -> None:
        """The visit figures: this month's visits, open requests by age, difficulty by grid."""
        self.visits_this_month = visits.visits_this_month
        self.open_by_age = [
            [label, C.OPEN_COUNT.format(count=count)]
            for label, count in zip(C.OPEN_AGES, visits.open_by_age, strict=True)
        ]
        rows = []
        for name, total, unvisited in visits.difficulty_by_grid:
            if not total:
                mark, tone = C.NO_DIFFICULTY, "plain"
            elif unvisited:
                mark, tone = C.SOME_UNVISITED.format(count=unvisited), "bad"
            else:
                mark, tone = C.ALL_VISITED, "ok"
            rows.append(
                {
                    "grid": name,
                    "figures": C.DIFFICULTY_ROW.format(total=total, unvisited=unvisited),
                    "mark": mark,
                    "tone": tone,
                }
            )
        self.difficulty = rows

    @rx.event
    def filter_grid(self, form: Any):
        """Show one grid's disclosures (or all), maybe only those matching a name or phone."""
        value = form.get("grid", "") if hasattr(form, "get") else ""
        self.grid_filter = value if isinstance(value, str) and row_id(value) else ""
        words = form.get("search", "") if hasattr(form, "get") else ""
        self.search = words.strip()[:30] if isinstance(words, str) else ""
        self.page = 1
        return self._reload()

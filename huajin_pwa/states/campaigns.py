"""节日慰问: staff start a holiday-care campaign and follow it grid by grid."""

from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.models import Campaign, Grid
from huajin_pwa.services import campaigns, clock, community
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import FormErrors, Paged
from huajin_pwa.states.session import SessionState

C = text.CampaignPage
FIELDS = ("name", "starts_on", "ends_on", "audience", "grid")
FOCUS_ERRORS = "window.huajinFocusErrors()"


def _answer(value: Any) -> str:
    """A submitted answer kept to show again: text only, and not too long."""
    return value.strip()[:60] if isinstance(value, str) else ""


def _audience(campaign: Campaign, grid_names: dict[int, str]) -> str:
    """Who the campaign covers, in words."""
    if campaign.audience == "grid":
        grid = grid_names.get(campaign.audience_grid_id or 0, "")
        return C.AUDIENCE.format(who=C.AUDIENCE_GRID.format(grid=grid))
    return C.AUDIENCE.format(who=text.Campaign.AUDIENCES.get(campaign.audience, ""))


def _dates(campaign: Campaign) -> str:
    return C.DATES.format(
        start=present.date_label(campaign.starts_on), end=present.date_label(campaign.ends_on)
    )


def _stage(campaign: Campaign) -> tuple[str, str]:
    """未开始 / 进行中 / 已结束, and the tag tone."""
    today = clock.today()
    if today > campaign.ends_on:
        return C.STATES["ended"], "plain"
    if today < campaign.starts_on:
        return C.STATES["waiting"], "plain"
    return C.STATES["running"], "ok"


def _bar(label: str, done: int, total: int) -> dict[str, str]:
    """What a progress bar shows: the numbers, the width, the words and its name."""
    words = C.DONE_OF.format(done=done, total=total)
    return {
        "label": label,
        "done": str(done),
        "total": str(total),
        "width": present.percent(done, total),
        "words": words,
        "name": C.PROGRESS_OF.format(what=label),
    }


class CampaignsState(FormErrors, Paged, SessionState):
    """/staff/campaigns: the campaigns, newest first, and the form that starts one."""

    rows: list[dict[str, str]] = []
    grid_options: list[list[str]] = []
    answers: dict[str, str] = {}
    ready: bool = False
    form_key: int = 0

    @rx.event
    def load(self):
        """Open /staff/campaigns with an empty form (starting today)."""
        self.page, self.errors, self.notice = 1, {}, ""
        self.answers = {**{name: "" for name in FIELDS}, "starts_on": clock.today().isoformat()}
        self.form_key += 1  # a new empty form, not the answers of an earlier visit
        result = self._reload()
        self.ready = result is None
        return result

    def _reload(self):
        actor = self._require("staff")
        if not isinstance(actor, Actor):
            return actor
        with db.transaction() as session:
            grids = community.grids(session)
            result = campaigns.campaign_list(session, actor, self.page)
        self.grid_options = [[str(grid.id), grid.name] for grid in grids]
        names = {grid.id: grid.name for grid in grids}
        self.page, self.pages = result.page, result.pages
        rows = []
        for campaign, done in result.rows:
            stage, tone = _stage(campaign)
            rows.append(
                {
                    "id": str(campaign.id),
                    "dates": _dates(campaign),
                    "audience": _audience(campaign, names),
                    "stage": stage,
                    "tone": tone,
                    **_bar(campaign.name, int(done or 0), campaign.task_count),
                }
            )
        self.rows = rows
        return None

    @rx.event
    def create(self, form: Any):
        """Start a campaign; on success open its page, which says how many tasks it made."""
        actor = self._require("staff")
        if not isinstance(actor, Actor):
            return actor
        data = form_dict(form)
        self.answers = {name: _answer(data.get(name)) for name in FIELDS}
        try:
            with db.transaction() as session:
                campaign = campaigns.create_campaign(session, actor, data)
        except FormError as error:
            self.errors, self.notice = error.errors, ""
            return rx.call_script(FOCUS_ERRORS)
        except DomainError as error:
            self.errors, self.notice = {}, error.message
            return None
        self.errors = {}
        return rx.redirect(f"/staff/campaigns/{campaign.id}?new=1")


class CampaignState(Paged, SessionState):
    """/staff/campaigns/<id>: progress per grid, and the tasks not done yet."""

    found: bool = False
    name: str = ""
    dates: str = ""
    audience: str = ""
    stage: str = ""
    stage_tone: str = "plain"
    ended: bool = False
    made: str = ""
    total: dict[str, str] = {}
    by_grid: list[dict[str, str]] = []
    todo: list[dict[str, str]] = []
    todo_count: int = 0
    _campaign_id: int = 0

    @rx.event
    def load(self):
        """Open a campaign's page (?new=1 right after starting it says what it made)."""
        self.page, self.notice = 1, ""
        self._campaign_id = row_id(self.router.page.params.get("campaign_id", ""))
        self.made = ""
        result = self._reload()
        if result is None and self.found:
            just_made = self.router.url.query_parameters.get("new") == "1"
            count = int(self.total.get("total", "0"))
            self.made = C.MADE.format(name=self.name, count=count) if just_made else ""
        return result

    def _reload(self):
        actor = self._require("staff")
        if not isinstance(actor, Actor):
            return actor
        try:
            with db.transaction() as session:
                shown = campaigns.progress(session, actor, self._campaign_id)
                todo = campaigns.unfinished(session, actor, self._campaign_id, self.page)
                grid_id = shown.campaign.audience_grid_id
                grid = session.get(Grid, grid_id) if grid_id else None
        except DomainError as error:
            self.found, self.notice = False, error.message
            self.by_grid, self.todo, self.total = [], [], {}
            return None
        campaign = shown.campaign
        self.found, self.name, self.dates = True, campaign.name, _dates(campaign)
        self.audience = _audience(campaign, {grid.id: grid.name} if grid else {})
        self.stage, self.stage_tone = _stage(campaign)
        self.ended = shown.ended
        self.total = _bar(C.TOTAL, shown.done, shown.total)
        self.by_grid = [_bar(name, done, total) for name, done, total in shown.by_grid]
        self.page, self.pages, self.todo_count = todo.page, todo.pages, todo.total
        self.todo = [
            {
                "name": name,
                "phone": phone,
                "grid": grid_name,
                "status": C.TASK_STATES.get(visit.status, ""),
                "when": present.date_label(visit.visit_day) if visit.status == "scheduled" else "",
            }
            for visit, name, phone, grid_name in todo.rows
        ]
        return None

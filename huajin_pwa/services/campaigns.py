"""节日慰问: staff start a holiday-care campaign; it makes one visit task per member it covers,
for the secretaries of each member's grid; staff follow progress by grid."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import case, func, insert, literal
from sqlmodel import Session, select

from huajin_pwa import present, text
from huajin_pwa.models import Account, Campaign, Disclosure, Grid, Visit
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import audit, clock, inbox, records, validate
from huajin_pwa.services.actor import STAFF, Actor, require_role
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.services.pagination import Page, paginate
from huajin_pwa.services.visits import OPEN, secretary_ids

MAX_SPAN_DAYS = 90


@dataclass(frozen=True)
class Progress:
    """A campaign and how far each grid has got: (grid name, done, total) per grid."""

    campaign: Campaign
    by_grid: list[tuple[str, int, int]]
    done: int
    total: int
    ended: bool


def _clean(session: Session, form: Any) -> dict[str, Any]:
    today = clock.today()
    data = form if isinstance(form, dict) else {}
    rules = {
        "name": lambda v: validate.free_text(v, 2, 30, text.Campaign.NAME_INVALID),
        "starts_on": lambda v: validate.day(
            v,
            today - timedelta(days=MAX_SPAN_DAYS),
            today + timedelta(days=365),
            text.Campaign.START_INVALID,
            text.Campaign.START_RANGE,
        ),
        "ends_on": lambda v: validate.day(
            v,
            today,
            today + timedelta(days=365 + MAX_SPAN_DAYS),
            text.Campaign.END_INVALID,
            text.Campaign.END_INVALID,
        ),
        "audience": lambda v: validate.one_of(
            v, text.Campaign.AUDIENCES, text.Campaign.AUDIENCE_INVALID
        ),
    }
    if validate.as_text(data.get("audience")) == "grid":
        rules["grid"] = lambda v: _grid_id(session, v)
    clean = validate.collect(data, rules)
    if clean["ends_on"] < clean["starts_on"]:
        raise FormError({"ends_on": text.Campaign.END_INVALID})
    if clean["ends_on"] - clean["starts_on"] > timedelta(days=MAX_SPAN_DAYS):
        raise FormError({"ends_on": text.Campaign.SPAN_LONG})
    return clean


def _grid_id(session: Session, value: Any) -> int:
    raw = validate.as_text(value)
    grid = records.fetch(session, Grid, int(raw)) if raw.isascii() and raw.isdigit() else None
    if grid is None:
        raise ValueError(text.Campaign.GRID_MISSING)
    return grid.id


def create_campaign(session: Session, actor: Actor | None, form: Any) -> Campaign:
    """Start a campaign: one visit task for every disclosed member it covers, in one insert."""
    actor = require_role(actor, STAFF)
    clean = _clean(session, form)
    campaign = Campaign(
        name=clean["name"],
        starts_on=clean["starts_on"],
        ends_on=clean["ends_on"],
        audience=clean["audience"],
        audience_grid_id=clean.get("grid"),
        created_by_id=actor.account_id,
    )
    session.add(campaign)
    session.flush()
    members = select(
        Disclosure.account_id,
        Disclosure.grid_id,
        literal("campaign"),
        literal(campaign.id),
        literal("holiday"),
        literal(""),
        literal(""),
        literal("received"),
        literal(""),
        literal(""),
        literal(""),
        literal(""),
        literal(""),
        literal(False),
        literal(actor.account_id),
        literal(utcnow()),
        literal(utcnow()),
        literal(1),
    ).where(Disclosure.status == "approved", Disclosure.grid_id.is_not(None))
    if campaign.audience == "grid":
        members = members.where(Disclosure.grid_id == campaign.audience_grid_id)
    elif campaign.audience == "difficulty":
        members = members.where(Disclosure.family_difficulty.is_(True))
    elif campaign.audience == "mobility":
        members = members.where(Disclosure.mobility_limited.is_(True))
    columns = [
        "member_id",
        "grid_id",
        "source",
        "campaign_id",
        "reason",
        "wish_part",
        "note",
        "status",
        "visit_part",
        "decline_reason",
        "outcome",
        "help_need",
        "health_concern",
        "study_at_home",
        "created_by_id",
        "created_at",
        "updated_at",
        "version",
    ]
    session.exec(insert(Visit).from_select(columns, members))
    per_grid = session.exec(
        select(Visit.grid_id, func.count())
        .where(Visit.campaign_id == campaign.id)
        .group_by(Visit.grid_id)
    ).all()
    campaign.task_count = sum(count for _grid, count in per_grid)
    if not campaign.task_count:
        raise DomainError(text.Campaign.NOBODY)
    session.add(campaign)
    _tell_secretaries(session, campaign, per_grid)
    audit.record(
        session, actor.account_id, "campaign_created", "campaign", campaign.id, campaign.name
    )
    return campaign


def _tell_secretaries(session: Session, campaign: Campaign, per_grid) -> None:
    """Each grid's secretaries hear how many tasks the campaign gave them."""
    for grid_id, count in per_grid:
        for secretary_id in secretary_ids(session, grid_id):
            inbox.send(
                session,
                secretary_id,
                text.Campaign.TASKS_TITLE.format(name=campaign.name),
                text.Campaign.TASKS_BODY.format(
                    name=campaign.name, count=count, end=present.date_label(campaign.ends_on)
                ),
                "/secretary/tasks",
            )


def done_count():
    """How many of a campaign's tasks are done (a correlated subquery)."""
    return (
        select(func.count())
        .select_from(Visit)
        .where(Visit.campaign_id == Campaign.id, Visit.status == "done")
        .correlate(Campaign)
        .scalar_subquery()
    )


def campaign_list(session: Session, actor: Actor | None, page: Any = 1) -> Page:
    """Campaigns, newest first; rows are (Campaign, tasks done)."""
    require_role(actor, STAFF)
    query = select(Campaign, done_count()).order_by(Campaign.starts_on.desc(), Campaign.id.desc())
    return paginate(session, query, page)


def progress(session: Session, actor: Actor | None, campaign_id: Any) -> Progress:
    """A campaign's progress per grid: two queries."""
    require_role(actor, STAFF)
    campaign = records.fetch(session, Campaign, campaign_id)
    if campaign is None:
        raise DomainError(text.Err.NOT_FOUND)
    rows = session.exec(
        select(Grid.name, func.sum(case((Visit.status == "done", 1), else_=0)), func.count())
        .join(Grid, Grid.id == Visit.grid_id)
        .where(Visit.campaign_id == campaign.id)
        .group_by(Grid.id, Grid.name, Grid.number)
        .order_by(Grid.number)
    ).all()
    by_grid = [(name, int(done or 0), total) for name, done, total in rows]
    return Progress(
        campaign=campaign,
        by_grid=by_grid,
        done=sum(done for _name, done, _total in by_grid),
        total=sum(total for _name, _done, total in by_grid),
        ended=clock.today() > campaign.ends_on,
    )


def unfinished(session: Session, actor: Actor | None, campaign_id: Any, page: Any = 1) -> Page:
    """The campaign's tasks not done yet, by grid; rows are (Visit, name, phone, grid name)."""
    require_role(actor, STAFF)
    campaign = records.fetch(session, Campaign, campaign_id)
    if campaign is None:
        raise DomainError(text.Err.NOT_FOUND)
    query = (
        select(Visit, Account.name, Account.phone, Grid.name)
        .join(Account, Account.id == Visit.member_id)
        .join(Grid, Grid.id == Visit.grid_id)
        .where(Visit.campaign_id == campaign.id, Visit.status.in_(OPEN))
        .order_by(Grid.number, Account.name, Visit.id)
    )
    return paginate(session, query, page)

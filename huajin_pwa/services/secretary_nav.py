"""What the grid secretary's section shows besides its lists: how many are waiting on each
list (two queries), and the names of the holiday campaigns on a page of tasks (one query)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from huajin_pwa.models import Campaign, Disclosure, StudyRecord, StudyReflection, StudyWeek, Visit
from huajin_pwa.services import clock, validate
from huajin_pwa.services.actor import SECRETARY, STAFF, Actor, require_role
from huajin_pwa.services.study_member import so_far
from huajin_pwa.services.visit_lists import grids_in_view, last_visit_of
from huajin_pwa.services.visits import OPEN


@dataclass(frozen=True)
class SectionCounts:
    """Open requests, open holiday tasks, members in difficulty unvisited this month, members,
    members who have not studied this week's material, reflections awaiting a reply."""

    requests: int
    tasks: int
    unvisited: int
    members: int
    unstudied: int
    reflections: int


def _open(grids: list[int], source: str):
    return (
        select(func.count())
        .select_from(Visit)
        .where(Visit.grid_id.in_(grids), Visit.status.in_(OPEN), Visit.source == source)
        .scalar_subquery()
    )


def _members(grids: list[int], *rules):
    return (
        select(func.count())
        .select_from(Disclosure)
        .where(Disclosure.status == "approved", Disclosure.grid_id.in_(grids), *rules)
        .scalar_subquery()
    )


def this_week_id(session: Session) -> int | None:
    """The week members study now: this week's material, or the latest published before it."""
    return session.exec(
        select(StudyWeek.id).where(*so_far()).order_by(StudyWeek.week_of.desc())
    ).first()


def _unstudied(grids: list[int], week_id: int | None):
    studied = select(StudyRecord.id).where(
        StudyRecord.member_id == Disclosure.account_id, StudyRecord.week_id == week_id
    )
    return _members(grids, ~studied.exists()) if week_id else 0


def _waiting(grids: list[int]):
    return (
        select(func.count())
        .select_from(StudyReflection)
        .where(StudyReflection.grid_id.in_(grids), StudyReflection.status == "waiting")
        .scalar_subquery()
    )


def section_counts(session: Session, actor: Actor | None, grid_id: Any = None) -> SectionCounts:
    """The six counts of the section's navigation, for the grids in the actor's view."""
    grids = grids_in_view(session, actor, grid_id)
    week_id = this_week_id(session)
    start = clock.month_start(clock.today())
    last_visit = last_visit_of(Disclosure.account_id)
    row = session.exec(
        select(
            _open(grids, "request"),
            _open(grids, "campaign"),
            _members(
                grids,
                Disclosure.family_difficulty.is_(True),
                last_visit.is_(None) | (last_visit < start),
            ),
            _members(grids),
            _unstudied(grids, week_id),
            _waiting(grids),
        )
    ).one()
    return SectionCounts(*(int(value or 0) for value in row))


def campaign_names(
    session: Session, actor: Actor | None, campaign_ids: Any
) -> dict[int, tuple[str, date]]:
    """Campaign id -> (name, last day) for the campaigns of a page of tasks."""
    require_role(actor, SECRETARY, STAFF)
    ids = sorted({validate.row_id(value) for value in campaign_ids or ()} - {None})
    rows = session.exec(
        select(Campaign.id, Campaign.name, Campaign.ends_on).where(Campaign.id.in_(ids))
    ).all()
    return {campaign_id: (name, ends_on) for campaign_id, name, ends_on in rows}

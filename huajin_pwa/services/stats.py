"""The community's figures for the staff home."""

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from huajin_pwa.models import Disclosure, Grid, Referral
from huajin_pwa.services.actor import STAFF, Actor, require_role
from huajin_pwa.services.referral import OPEN_STATUSES


@dataclass(frozen=True)
class Overview:
    """Live counts: disclosed, pending, disclosed by grid, referrals to follow up."""

    disclosed: int
    pending: int
    by_grid: list[tuple[str, int]]
    referrals_open: int


def overview(session: Session, actor: Actor | None) -> Overview:
    """The figures on /staff, in three queries."""
    require_role(actor, STAFF)
    by_status_grid = session.exec(
        select(Disclosure.status, Disclosure.grid_id, func.count())
        .where(Disclosure.status.in_(("pending", "approved")))
        .group_by(Disclosure.status, Disclosure.grid_id)
    ).all()
    grids = session.exec(select(Grid).order_by(Grid.number)).all()
    referrals_open = session.exec(
        select(func.count()).select_from(Referral).where(Referral.status.in_(OPEN_STATUSES))
    ).one()
    approved = {grid_id: n for status, grid_id, n in by_status_grid if status == "approved"}
    return Overview(
        disclosed=sum(approved.values()),
        pending=sum(n for status, _grid, n in by_status_grid if status == "pending"),
        by_grid=[(grid.name, approved.get(grid.id, 0)) for grid in grids],
        referrals_open=referrals_open,
    )

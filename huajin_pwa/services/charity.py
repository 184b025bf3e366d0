"""义卖: after a charity sale starts, its leader (or staff) records what it raised and what the
money is for; a correction replaces it (one row per activity, audited). Everyone sees the
running total, the totals by team and the sales, newest first."""

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from huajin_pwa import text
from huajin_pwa.models import Account, Activity, CharitySale, Team
from huajin_pwa.services import audit, clock, team_access, validate
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError
from huajin_pwa.services.pagination import Page, paginate
from huajin_pwa.services.service_hours import team_name

T = text.Charity
MAX_FEN = 1_000_000 * 100
AMOUNT_RE = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def yuan(fen: int) -> str:
    """Fen as yuan with two decimals and thousands commas: 86050 -> 860.50."""
    return f"{fen // 100:,}.{fen % 100:02d}"


def amount_fen(value: Any) -> int:
    """Typed yuan (at most 2 decimals, > 0, at most 1,000,000) as fen, or ValueError."""
    raw = validate.as_text(value).replace(",", "").replace("，", "")
    if len(raw) > 20 or not raw.isascii() or not AMOUNT_RE.match(raw):
        raise ValueError(T.AMOUNT_INVALID)
    if raw.startswith("-"):
        raise ValueError(T.AMOUNT_NEGATIVE)
    whole, _, decimals = raw.partition(".")
    if len(decimals.rstrip("0")) > 2:
        raise ValueError(T.AMOUNT_DECIMALS)
    fen = int(whole) * 100 + int((decimals + "00")[:2])
    if fen == 0:
        raise ValueError(T.AMOUNT_ZERO)
    if fen > MAX_FEN:
        raise ValueError(T.AMOUNT_TOO_BIG)
    return fen


def purpose(value: Any) -> str:
    """What the money is for: 2 to 100 characters."""
    return validate.free_text(value, 2, 100, T.PURPOSE_INVALID)


@dataclass(frozen=True)
class SaleSheet:
    """The leader's page: the activity, its team, whether it has started, what is recorded
    (with who recorded it)."""

    activity: Activity
    team_name: str
    started: bool
    sale: CharitySale | None
    recorded_by: str


def _sale_activity(session: Session, actor: Actor | None, activity_id: Any) -> Activity:
    activity = team_access.require_activity_manager(session, actor, activity_id)
    if activity.kind != "sale":
        raise DomainError(T.NOT_SALE)
    if activity.status == "cancelled":
        raise DomainError(T.CANCELLED)
    return activity


def _sale_of(session: Session, activity_id: int) -> CharitySale | None:
    return session.exec(select(CharitySale).where(CharitySale.activity_id == activity_id)).first()


def sale_sheet(session: Session, actor: Actor | None, activity_id: Any) -> SaleSheet:
    """What the leader's page shows."""
    activity = _sale_activity(session, actor, activity_id)
    sale = _sale_of(session, activity.id)
    who = session.get(Account, sale.recorded_by_id) if sale else None
    return SaleSheet(
        activity=activity,
        team_name=team_name(session, activity),
        started=clock.as_utc(activity.starts_at) <= clock.now(),
        sale=sale,
        recorded_by=who.name if who else "",
    )


def record(
    session: Session, actor: Actor | None, activity_id: Any, form: Any
) -> tuple[CharitySale, bool]:
    """Record (or correct) what the sale raised; returns the row and whether it corrected one."""
    activity = _sale_activity(session, actor, activity_id)
    if clock.as_utc(activity.starts_at) > clock.now():
        raise DomainError(T.NOT_STARTED)
    clean = validate.collect(form, {"amount": amount_fen, "purpose": purpose})
    sale = _sale_of(session, activity.id)
    if sale is None:
        sale = CharitySale(
            activity_id=activity.id,
            amount_fen=clean["amount"],
            purpose=clean["purpose"],
            recorded_by_id=actor.account_id,
        )
        try:
            with session.begin_nested():
                session.add(sale)
                session.flush()
        except IntegrityError:
            raise DomainError(T.RACED) from None
        audit.record(
            session,
            actor.account_id,
            "charity_sale_recorded",
            "activity",
            activity.id,
            f"{yuan(sale.amount_fen)} {sale.purpose}",
        )
        return sale, False
    before = f"{yuan(sale.amount_fen)} {sale.purpose}"
    sale.amount_fen, sale.purpose = clean["amount"], clean["purpose"]
    sale.recorded_by_id, sale.recorded_at = actor.account_id, clock.now()
    session.add(sale)
    session.flush()
    audit.record(
        session,
        actor.account_id,
        "charity_sale_corrected",
        "activity",
        activity.id,
        f"{before} -> {yuan(sale.amount_fen)} {sale.purpose}",
    )
    return sale, True


# --- the public page ----------------------------------------------------------------------


def running_total(session: Session) -> tuple[int, int]:
    """(fen, sales) of every recorded sale; one statement."""
    fen, count = session.exec(
        select(func.coalesce(func.sum(CharitySale.amount_fen), 0), func.count(CharitySale.id))
    ).one()
    return int(fen), int(count)


def by_team(session: Session) -> list[tuple[str, int, int]]:
    """(team name, fen, sales) for each team that has raised anything, most first; one
    statement (community activities count as 社区活动)."""
    rows = session.exec(
        select(
            Team.name,
            func.sum(CharitySale.amount_fen).label("fen"),
            func.count(CharitySale.id),
        )
        .select_from(CharitySale)
        .join(Activity, Activity.id == CharitySale.activity_id)
        .join(Team, Team.id == Activity.team_id, isouter=True)
        .group_by(Team.name)
        .order_by(func.sum(CharitySale.amount_fen).desc(), Team.name)
    ).all()
    return [(name or text.TeamWords.COMMUNITY_ACTIVITY, int(fen), int(n)) for name, fen, n in rows]


@dataclass(frozen=True)
class SaleLine:
    """One sale on the public list."""

    title: str
    starts_at: datetime
    team_name: str
    fen: int
    purpose: str


def sales(session: Session, page: Any = 1) -> Page:
    """The sales, newest first, a page at a time (rows: SaleLine); two statements."""
    query = (
        select(Activity.title, Activity.starts_at, Team.name, CharitySale.amount_fen)
        .add_columns(CharitySale.purpose)
        .select_from(CharitySale)
        .join(Activity, Activity.id == CharitySale.activity_id)
        .join(Team, Team.id == Activity.team_id, isouter=True)
        .order_by(col(Activity.starts_at).desc(), col(CharitySale.id).desc())
    )
    found = paginate(session, query, page)
    lines = [
        SaleLine(title, clock.as_utc(start), name or text.TeamWords.COMMUNITY_ACTIVITY, fen, what)
        for title, start, name, fen, what in found.rows
    ]
    return Page(lines, found.page, found.pages, found.total)

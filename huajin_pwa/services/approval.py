"""Staff review of disclosures: the pending queue, approving, rejecting with a reason."""

from typing import Any

from sqlalchemy import update
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import Account, Disclosure, Grid
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import accounts, audit, inbox, records, validate
from huajin_pwa.services.actor import MEMBER, STAFF, Actor, require_role
from huajin_pwa.services.errors import DomainError
from huajin_pwa.services.pagination import Page, paginate


def pending_queue(
    session: Session, actor: Actor | None, grid_id: Any = None, page: Any = 1, search: Any = ""
) -> Page:
    """Pending disclosures, oldest first, maybe of one grid, or matching a name or a phone
    number; rows are (Disclosure, grid name)."""
    require_role(actor, STAFF)
    query = (
        select(Disclosure, Grid.name)
        .join(Grid, Grid.id == Disclosure.grid_id, isouter=True)
        .where(Disclosure.status == "pending")
        .order_by(Disclosure.submitted_at, Disclosure.id)
    )
    if validate.row_id(grid_id):
        query = query.where(Disclosure.grid_id == grid_id)
    words = validate.as_text(search)[:30]
    if words:
        phones = select(Account.id).where(Account.phone == words.replace(" ", ""))
        query = query.where(
            Disclosure.name.contains(words, autoescape=True) | Disclosure.account_id.in_(phones)
        )
    return paginate(session, query, page)


def review_detail(session: Session, actor: Actor | None, disclosure_id: Any) -> Disclosure:
    """One disclosure for staff to review (any status)."""
    require_role(actor, STAFF)
    disclosure = records.fetch(session, Disclosure, disclosure_id)
    if disclosure is None or disclosure.status == "draft":
        raise DomainError(text.Err.NOT_FOUND)
    return disclosure


def approve(session: Session, actor: Actor | None, disclosure_id: Any) -> Disclosure:
    """Approve a pending disclosure: the member role, a message, an audit entry."""
    actor = require_role(actor, STAFF)
    disclosure = _decide(session, actor, disclosure_id, "approved", "")
    accounts.add_role(session, disclosure.account_id, MEMBER)
    account = session.get(Account, disclosure.account_id)
    account.name = disclosure.name  # the verified name is the one the account shows
    session.add(account)
    grid = session.get(Grid, disclosure.grid_id) if disclosure.grid_id else None
    inbox.send(
        session,
        disclosure.account_id,
        text.Inbox.APPROVED_TITLE,
        text.Inbox.APPROVED_BODY.format(grid=grid.name if grid else text.COMMUNITY),
        "/me",
    )
    audit.record(session, actor.account_id, "disclosure_approved", "disclosure", disclosure.id)
    return disclosure


def reject(session: Session, actor: Actor | None, disclosure_id: Any, reason: Any) -> Disclosure:
    """Send a pending disclosure back with a reason the member will read."""
    actor = require_role(actor, STAFF)
    clean = validate.collect(
        {"reason": reason},
        {"reason": lambda v: validate.free_text(v, 2, 200, text.Field.REASON_INVALID)},
    )
    disclosure = _decide(session, actor, disclosure_id, "rejected", clean["reason"])
    inbox.send(
        session,
        disclosure.account_id,
        text.Inbox.REJECTED_TITLE,
        text.Inbox.REJECTED_BODY.format(reason=clean["reason"]),
        "/me",
    )
    audit.record(
        session,
        actor.account_id,
        "disclosure_rejected",
        "disclosure",
        disclosure.id,
        clean["reason"],
    )
    return disclosure


def _decide(
    session: Session, actor: Actor, disclosure_id: Any, status: str, reason: str
) -> Disclosure:
    """Move pending -> status in one conditional update, so two reviewers cannot both win."""
    disclosure = review_detail(session, actor, disclosure_id)
    changed = session.exec(
        update(Disclosure)
        .where(Disclosure.id == disclosure.id, Disclosure.status == "pending")
        .values(
            status=status,
            review_reason=reason,
            reviewer_id=actor.account_id,
            reviewed_at=utcnow(),
            version=Disclosure.version + 1,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    session.refresh(disclosure)
    if changed != 1:
        raise DomainError(already_reviewed_message(session, disclosure))
    return disclosure


def already_reviewed_message(session: Session, disclosure: Disclosure) -> str:
    """What a second reviewer is told: who handled it and how."""
    reviewer = session.get(Account, disclosure.reviewer_id) if disclosure.reviewer_id else None
    if reviewer is None:
        return text.Staff.NOT_PENDING
    return text.Staff.ALREADY_REVIEWED.format(
        name=reviewer.name, status=text.Status.DISCLOSURE.get(disclosure.status, "")
    )

"""Recording audited actions, and reading them back for staff."""

from typing import Any

from sqlmodel import Session, select

from huajin_pwa.models import Account, AuditEntry, Disclosure, Referral
from huajin_pwa.services.actor import STAFF, Actor, require_role
from huajin_pwa.services.pagination import Page, paginate


def record(
    session: Session,
    actor_id: int | None,
    action: str,
    target_type: str,
    target_id: int | None,
    detail: str = "",
) -> None:
    """Add an audit entry to the current transaction."""
    session.add(
        AuditEntry(
            actor_id=actor_id,
            action=action,
            target_type=target_type,
            target_id=target_id,
            detail=detail[:500],
        )
    )


def recent(session: Session, actor: Actor | None, page: Any = 1) -> Page:
    """The audit log for staff, newest first; rows are (AuditEntry, actor name or None)."""
    require_role(actor, STAFF)
    query = (
        select(AuditEntry, Account.name)
        .join(Account, Account.id == AuditEntry.actor_id, isouter=True)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )
    return paginate(session, query, page)


def target_names(session: Session, entries: list[AuditEntry]) -> dict[tuple[str, int], str]:
    """Names for the people and records the entries point at: one query per kind of target."""
    models = {"account": Account, "disclosure": Disclosure, "referral": Referral}
    names: dict[tuple[str, int], str] = {}
    for kind, model in models.items():
        ids = {e.target_id for e in entries if e.target_type == kind and e.target_id}
        if ids:
            for row_id, name in session.exec(select(model.id, model.name).where(model.id.in_(ids))):
                names[(kind, row_id)] = name
    return names

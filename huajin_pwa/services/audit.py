"""Recording audited actions."""

from sqlmodel import Session

from huajin_pwa.models import AuditEntry


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

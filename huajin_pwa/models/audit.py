"""The audit log: who changed what of someone else's data, and when."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from huajin_pwa.models.base import utcnow


class AuditEntry(SQLModel, table=True):
    """One audited action."""

    __tablename__ = "audit_entry"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int | None = Field(default=None, foreign_key="account.id", index=True)
    action: str = Field(max_length=40)
    target_type: str = Field(max_length=30)
    target_id: int | None = None
    detail: str = Field(default="", max_length=500)
    at: datetime = Field(default_factory=utcnow, index=True)

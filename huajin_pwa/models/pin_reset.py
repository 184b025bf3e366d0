"""One-time codes for resetting a forgotten PIN, handed over in person."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from huajin_pwa.models.base import utcnow


class PinReset(SQLModel, table=True):
    """A reset code issued by a secretary or staff member; usable once, for a day."""

    __tablename__ = "pin_reset"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    code_hash: str = Field(max_length=255)
    issued_by_id: int = Field(foreign_key="account.id")
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    wrong_tries: int = 0
    used_at: datetime | None = None

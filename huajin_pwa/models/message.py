"""The inbox: one row per message to one account."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from huajin_pwa.models.base import utcnow


class Message(SQLModel, table=True):
    """A message in someone's inbox; read_at stays empty until it is read."""

    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    title: str = Field(max_length=60)
    body: str = Field(max_length=2000)
    link: str = Field(default="", max_length=200)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    read_at: datetime | None = None

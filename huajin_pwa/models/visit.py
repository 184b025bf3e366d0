"""上门看望: home visits (asked for, logged or holiday tasks), holiday campaigns, care records."""

from datetime import date, datetime

from sqlalchemy import text as sql
from sqlmodel import Field, Index, SQLModel

from huajin_pwa.models.base import utcnow

OPEN_REQUEST = sql("source = 'request' AND status IN ('received', 'scheduled')")


class Visit(SQLModel, table=True):
    """One home visit: a member's request, a visit a secretary logged, or a holiday-care task."""

    __table_args__ = (
        Index("ix_visit_member_visited", "member_id", "visited_on"),
        Index("ix_visit_grid_open", "grid_id", "status", "source", "created_at"),
        Index(  # one open request per member and reason, even from two taps at once
            "uq_visit_open_request",
            "member_id",
            "reason",
            unique=True,
            sqlite_where=OPEN_REQUEST,
            postgresql_where=OPEN_REQUEST,
        ),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(foreign_key="account.id")
    grid_id: int = Field(foreign_key="grid.id")
    source: str = Field(max_length=10)  # request, logged, campaign
    campaign_id: int | None = Field(default=None, foreign_key="campaign.id", index=True)
    reason: str = Field(max_length=10)  # chat, help, study, health, other, holiday
    wish_day: date | None = None  # None: as soon as possible
    wish_part: str = Field(default="", max_length=4)  # am, pm, eve, any
    note: str = Field(default="", max_length=500)
    status: str = Field(default="received", max_length=10)
    # received, scheduled, done, cancelled, declined
    visit_day: date | None = None
    visit_part: str = Field(default="", max_length=4)
    visitor_id: int | None = Field(default=None, foreign_key="account.id")
    decline_reason: str = Field(default="", max_length=200)
    visited_on: date | None = None
    outcome: str = Field(default="", max_length=500)
    help_need: str = Field(default="", max_length=200)
    health_concern: str = Field(default="", max_length=200)
    study_at_home: bool = False
    created_by_id: int = Field(foreign_key="account.id")
    handled_by_id: int | None = Field(default=None, foreign_key="account.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1


class Campaign(SQLModel, table=True):
    """节日慰问: a holiday-care campaign that made one visit task per member it covers."""

    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=30)
    starts_on: date
    ends_on: date
    audience: str = Field(max_length=12)  # all, difficulty, mobility, grid
    audience_grid_id: int | None = Field(default=None, foreign_key="grid.id")
    task_count: int = 0
    created_by_id: int = Field(foreign_key="account.id")
    created_at: datetime = Field(default_factory=utcnow)


class HealthRecord(SQLModel, table=True):
    """Whether a member has a health record (健康档案) at the community health centre."""

    __tablename__ = "health_record"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(foreign_key="account.id", unique=True)
    has_record: bool = False
    since: date | None = None
    updated_by_id: int = Field(foreign_key="account.id")
    updated_at: datetime = Field(default_factory=utcnow)


class HelpRecord(SQLModel, table=True):
    """帮扶: help given to a member: what, when, by whom."""

    __tablename__ = "help_record"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(foreign_key="account.id", index=True)
    what: str = Field(max_length=100)
    given_on: date
    given_by: str = Field(max_length=30)
    recorded_by_id: int = Field(foreign_key="account.id")
    created_at: datetime = Field(default_factory=utcnow)

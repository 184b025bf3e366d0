"""Activities of the teams (演出, 排练, 志愿服务, 义卖, 学习): sign-ups with a waiting list,
check-in, service hours and what a charity sale raised."""

from datetime import datetime

from sqlmodel import Field, Index, SQLModel, UniqueConstraint

from huajin_pwa.models.base import utcnow


class Activity(SQLModel, table=True):
    """One activity. seats_taken counts sign-ups holding a seat; it only changes by a
    conditional UPDATE (seats_taken < capacity), so the last seat goes to exactly one person.
    token is the random part of the check-in QR link."""

    __table_args__ = (
        Index("ix_activity_starts", "starts_at"),
        Index("ix_activity_team_starts", "team_id", "starts_at"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int | None = Field(default=None, foreign_key="team.id")  # empty: the community's
    kind: str = Field(max_length=10)  # show, rehearsal, service, sale, study
    title: str = Field(max_length=30)
    starts_at: datetime  # UTC
    ends_at: datetime  # UTC
    place: str = Field(max_length=60)
    capacity: int  # 1 to 1,000
    seats_taken: int = 0
    audience: str = Field(default="public", max_length=10)  # public (residents too), members
    description: str = Field(default="", max_length=1000)
    picture_id: int | None = Field(default=None, foreign_key="study_image.id")
    token: str = Field(max_length=43, unique=True)
    status: str = Field(default="open", max_length=10)  # open, cancelled
    created_by_id: int = Field(foreign_key="account.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1


class ActivitySignup(SQLModel, table=True):
    """A person's sign-up: holding a seat (signed), on the waiting list (waiting, in order of
    created_at) or cancelled. Check-in and, for 志愿服务, the confirmed service minutes (locked
    once hours_confirmed_at is set) are kept on the same row."""

    __tablename__ = "activity_signup"
    __table_args__ = (
        UniqueConstraint("activity_id", "account_id"),
        Index("ix_signup_activity_status", "activity_id", "status", "created_at"),
        Index("ix_signup_account_status", "account_id", "status"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    activity_id: int = Field(foreign_key="activity.id")
    account_id: int = Field(foreign_key="account.id")
    status: str = Field(default="signed", max_length=10)  # signed, waiting, cancelled
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    checked_in_at: datetime | None = None
    check_in_via: str = Field(default="", max_length=5)  # scan, tick
    service_minutes: int | None = None
    hours_confirmed_at: datetime | None = None
    hours_confirmed_by_id: int | None = Field(default=None, foreign_key="account.id")


class CharitySale(SQLModel, table=True):
    """义卖: what one charity-sale activity raised (in fen) and what the money is for."""

    __tablename__ = "charity_sale"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    activity_id: int = Field(foreign_key="activity.id", unique=True)
    amount_fen: int  # 1 yuan = 100 fen
    purpose: str = Field(max_length=100)
    recorded_by_id: int = Field(foreign_key="account.id")
    recorded_at: datetime = Field(default_factory=utcnow)

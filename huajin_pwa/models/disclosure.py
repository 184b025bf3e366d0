"""亮明身份: a member's disclosure of membership, and referrals of fellow members (以老带新)."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from huajin_pwa.models.base import utcnow


class Disclosure(SQLModel, table=True):
    """One disclosure: a draft while it is filled in, then pending until staff review it."""

    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    status: str = Field(default="draft", max_length=12, index=True)
    # draft, pending, approved, rejected, withdrawn
    name: str = Field(default="", max_length=30)
    gender: str = Field(default="", max_length=6)  # male, female
    birth_year: int | None = None
    building_id: int | None = Field(default=None, foreign_key="building.id")
    unit: int | None = None
    room: str = Field(default="", max_length=6)
    grid_id: int | None = Field(default=None, foreign_key="grid.id", index=True)
    org_name: str = Field(default="", max_length=60)
    org_place: str = Field(default="", max_length=30)
    party_year: int | None = None
    moved_in_year: int | None = None
    moved_in_month: int | None = None
    mobility_limited: bool | None = None
    family_difficulty: bool | None = None
    hobbies: str = Field(default="", max_length=200)  # comma-separated codes
    wishes: str = Field(default="", max_length=200)  # comma-separated codes
    consent_at: datetime | None = None
    filled_by_id: int | None = Field(default=None, foreign_key="account.id")
    reviewer_id: int | None = Field(default=None, foreign_key="account.id")
    review_reason: str = Field(default="", max_length=200)
    created_at: datetime = Field(default_factory=utcnow)
    submitted_at: datetime | None = Field(default=None, index=True)
    reviewed_at: datetime | None = None
    version: int = 1


class Referral(SQLModel, table=True):
    """以老带新: a member points out someone they believe to be a party member."""

    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    referrer_id: int = Field(foreign_key="account.id", index=True)
    # the person pointed out, when they already have an account (a team leader's referral)
    account_id: int | None = Field(default=None, foreign_key="account.id", index=True)
    name: str = Field(max_length=30)
    whereabouts: str = Field(max_length=60)  # building or a way to reach them
    how_known: str = Field(max_length=200)
    status: str = Field(default="new", max_length=12, index=True)
    # new, following, disclosed, closed
    staff_note: str = Field(default="", max_length=200)
    disclosure_id: int | None = Field(default=None, foreign_key="disclosure.id")
    handled_by_id: int | None = Field(default=None, foreign_key="account.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

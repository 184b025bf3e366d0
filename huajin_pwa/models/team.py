"""文艺先行 and 志愿服务: arts troupes and volunteer teams, and who is in them."""

from datetime import datetime

from sqlmodel import Field, Index, SQLModel, UniqueConstraint

from huajin_pwa.models.base import utcnow


class Team(SQLModel, table=True):
    """An arts troupe (troupe) or a volunteer team (volunteer): what it does, when and where
    it meets. A team that has stopped is kept (its history stays) but no longer listed."""

    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=20, unique=True)
    kind: str = Field(max_length=10, index=True)  # troupe, volunteer
    summary: str = Field(max_length=300)  # what it does
    meets_when: str = Field(max_length=60)  # 每周二、周四上午
    meets_where: str = Field(max_length=60)
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class TeamMember(SQLModel, table=True):
    """One person's place in a team: asked (pending), in (active), declined by the leader or
    left. role is member or leader. One row per person and team: asking again after leaving or
    a decline reuses it, so a member cannot be in a team twice."""

    __tablename__ = "team_member"
    __table_args__ = (
        UniqueConstraint("team_id", "account_id"),
        Index("ix_team_member_team_status", "team_id", "status"),
        Index("ix_team_member_account_status", "account_id", "status"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id")
    account_id: int = Field(foreign_key="account.id")
    status: str = Field(default="pending", max_length=10)  # pending, active, declined, left
    role: str = Field(default="member", max_length=10)  # member, leader
    asked_at: datetime = Field(default_factory=utcnow)
    decided_at: datetime | None = None
    decided_by_id: int | None = Field(default=None, foreign_key="account.id")
    left_at: datetime | None = None
    version: int = 1

"""Accounts, their roles and their sign-in sessions."""

from datetime import datetime

from sqlmodel import Field, SQLModel, UniqueConstraint

from huajin_pwa.models.base import utcnow


class Account(SQLModel, table=True):
    """A person who can sign in: by mobile number and PIN (members) or password (staff)."""

    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    phone: str = Field(max_length=11, unique=True, index=True)
    name: str = Field(max_length=30)
    secret_kind: str = Field(max_length=10)  # "pin" or "password"
    secret_hash: str = Field(max_length=255)
    active: bool = True
    failed_tries: int = 0
    locked_until: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)


class RoleGrant(SQLModel, table=True):
    """One role held by an account; a secretary's grant names the grid."""

    __tablename__ = "role_grant"
    __table_args__ = (
        UniqueConstraint("account_id", "role", "grid_id", name="uq_role_grant"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    role: str = Field(max_length=20)  # member, leader, secretary, staff, admin
    grid_id: int | None = Field(default=None, foreign_key="grid.id")
    created_at: datetime = Field(default_factory=utcnow)


class AuthSession(SQLModel, table=True):
    """A signed-in device: the hash of a random token kept in the browser."""

    __tablename__ = "auth_session"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    revoked_at: datetime | None = None

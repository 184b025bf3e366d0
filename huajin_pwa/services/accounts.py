"""Accounts and roles: creating, finding, granting and taking roles, disabling, unlocking."""

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, delete, select

from huajin_pwa import text
from huajin_pwa.models import Account, Grid, RoleGrant
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import audit, records, validate
from huajin_pwa.services.actor import (
    ADMIN,
    OFFICE_ROLES,
    ROLES,
    SECRETARY,
    STAFF,
    Actor,
    require_role,
)
from huajin_pwa.services.auth import hash_secret
from huajin_pwa.services.errors import DomainError, FormError


def phone_taken(session: Session, phone: str) -> bool:
    """Whether a number already has an account."""
    return session.exec(select(Account.id).where(Account.phone == phone)).first() is not None


def create_account(
    session: Session, *, phone: Any, name: Any, pin: Any = None, password: Any = None
) -> Account:
    """A new account signing in by PIN or by password; FormError on bad answers."""

    def unused_phone(value: Any) -> str:
        clean_phone = validate.phone(value)
        if phone_taken(session, clean_phone):
            raise ValueError(text.Field.PHONE_TAKEN)
        return clean_phone

    # A taken number is reported together with any other bad answer, not one round later.
    rules = {"phone": unused_phone, "name": validate.person_name}
    if password is None:
        rules["pin"] = validate.pin
    else:
        rules["password"] = validate.password
    answers = {"phone": phone, "name": name, "pin": pin, "password": password}
    clean = validate.collect(answers, rules)
    secret = clean.get("pin") or clean["password"]
    account = Account(
        phone=clean["phone"],
        name=clean["name"],
        secret_kind="password" if password is not None else "pin",
        secret_hash=hash_secret(secret),
    )
    session.add(account)
    session.flush()
    return account


def add_role(session: Session, account_id: int, role: str, grid_id: int | None = None) -> None:
    """Give a role unless it is already held (no permission check: callers check)."""
    exists = session.exec(
        select(RoleGrant.id).where(
            RoleGrant.account_id == account_id,
            RoleGrant.role == role,
            RoleGrant.grid_id == grid_id if grid_id is not None else RoleGrant.grid_id.is_(None),
        )
    ).first()
    if exists is None:
        session.add(RoleGrant(account_id=account_id, role=role, grid_id=grid_id))


def grant_role(
    session: Session, actor: Actor | None, account_id: Any, role: Any, grid_id: Any = None
) -> None:
    """Staff grant member, leader and secretary roles; only an admin grants staff or admin."""
    actor = require_role(actor, STAFF)
    if role not in ROLES:
        raise DomainError(text.Err.BAD_REQUEST)
    if role in OFFICE_ROLES:
        require_role(actor, ADMIN)
    account = _account(session, account_id)
    grid = None
    if role == SECRETARY:
        grid = records.fetch(session, Grid, grid_id)
        if grid is None:
            raise DomainError(text.Err.BAD_REQUEST)
    add_role(session, account.id, role, grid.id if grid else None)
    audit.record(session, actor.account_id, "role_granted", "account", account.id, role)


def revoke_role(session: Session, actor: Actor | None, account_id: Any, role: Any) -> None:
    """Take a role away; it takes effect on the account's very next action.

    Only an admin changes an office account, and nobody takes away their own admin role.
    """
    actor = require_role(actor, STAFF)
    if role not in ROLES:
        raise DomainError(text.Err.BAD_REQUEST)
    account = _account(session, account_id)
    if role in OFFICE_ROLES or is_office_account(session, account.id):
        require_role(actor, ADMIN)
    if role == ADMIN and account.id == actor.account_id:
        raise DomainError(text.Accounts.NOT_OWN_ADMIN)
    session.exec(
        delete(RoleGrant).where(RoleGrant.account_id == account.id, RoleGrant.role == role)
    )
    audit.record(session, actor.account_id, "role_revoked", "account", account.id, str(role))


def set_active(session: Session, actor: Actor | None, account_id: Any, active: bool) -> None:
    """Disable or re-enable an account (staff; only an admin touches an office account)."""
    actor = require_role(actor, STAFF)
    if not isinstance(active, bool):
        raise DomainError(text.Err.BAD_REQUEST)
    account = _account(session, account_id)
    if is_office_account(session, account.id):
        require_role(actor, ADMIN)
    account.active = active
    session.add(account)
    action = "account_enabled" if account.active else "account_disabled"
    audit.record(session, actor.account_id, action, "account", account.id)


def is_office_account(session: Session, account_id: int) -> bool:
    """Whether the account holds a staff or admin role."""
    office = session.exec(
        select(RoleGrant.id).where(
            RoleGrant.account_id == account_id, RoleGrant.role.in_(OFFICE_ROLES)
        )
    ).first()
    return office is not None


def _account(session: Session, account_id: Any) -> Account:
    account = records.fetch(session, Account, account_id)
    if account is None:
        raise DomainError(text.Err.NOT_FOUND)
    return account


@dataclass(frozen=True)
class AccountView:
    """One account as staff see it: state and roles (with the grid of a secretary role)."""

    account: Account
    roles: list[tuple[str, str]]  # (role, grid name or "")

    @property
    def locked(self) -> bool:
        """Whether the account is locked out right now."""
        until = self.account.locked_until
        return until is not None and until > utcnow()


def lookup(session: Session, actor: Actor | None, phone: Any) -> AccountView:
    """Find an account by phone number (staff)."""
    require_role(actor, STAFF)
    clean = validate.collect({"phone": phone}, {"phone": validate.phone})
    account = session.exec(select(Account).where(Account.phone == clean["phone"])).first()
    if account is None:
        raise FormError({"phone": text.Field.PHONE_UNKNOWN})
    return view(session, actor, account.id)


def view(session: Session, actor: Actor | None, account_id: Any) -> AccountView:
    """An account and its roles (staff), in two queries."""
    require_role(actor, STAFF)
    account = _account(session, account_id)
    grants = session.exec(
        select(RoleGrant.role, Grid.name)
        .join(Grid, Grid.id == RoleGrant.grid_id, isouter=True)
        .where(RoleGrant.account_id == account.id)
        .order_by(RoleGrant.role, Grid.number)
    ).all()
    return AccountView(account=account, roles=[(role, grid or "") for role, grid in grants])


def unlock(session: Session, actor: Actor | None, account_id: Any) -> None:
    """Lift a lockout after wrong PINs (staff), audited."""
    actor = require_role(actor, STAFF)
    account = _account(session, account_id)
    account.failed_tries, account.locked_until = 0, None
    session.add(account)
    audit.record(session, actor.account_id, "account_unlocked", "account", account.id)


def grantable_roles(actor: Actor | None) -> list[str]:
    """The roles this actor may grant or take away."""
    if actor is None or not actor.has(STAFF, ADMIN):
        return []
    return [role for role in ROLES if role not in OFFICE_ROLES or actor.has(ADMIN)]

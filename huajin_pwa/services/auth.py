"""Sign-in: hashing, lockout, sessions, and resolving a browser token to an actor."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from passlib.context import CryptContext
from sqlalchemy import or_, update
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import Account, AuthSession, RoleGrant
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import audit, validate
from huajin_pwa.services.actor import Actor, require_signed_in
from huajin_pwa.services.errors import FormError

HASHER = CryptContext(schemes=["argon2"], deprecated="auto")
MAX_TRIES = 5
LOCK_TIME = timedelta(minutes=15)
PIN_SESSION = timedelta(days=30)
PASSWORD_SESSION = timedelta(hours=12)
LOCAL_TZ = ZoneInfo("Asia/Shanghai")
# A real hash of a random secret, so an unknown number costs as much time as a known one.
_DUMMY_HASH = HASHER.hash(secrets.token_hex(8))


def hash_secret(secret: str) -> str:
    """An argon2 hash of a PIN or password."""
    return HASHER.hash(secret)


def token_hash(token: str) -> str:
    """What the database keeps of a session token."""
    return hashlib.sha256(token.encode()).hexdigest()


def return_path(value: Any) -> str:
    """Where to go after signing in (/login?next=...): a path on this site, or "" for the
    usual page. Another site, //host, a scheme, spaces or odd characters are ignored."""
    path = validate.as_text(value)
    if not path.startswith("/") or path.startswith("//") or len(path) > 200:
        return ""
    if not path.isascii() or not path.isprintable() or any(ch in path for ch in "\\ "):
        return ""
    return "" if path.split("?")[0].rstrip("/") == "/login" else path


def secret_kind_for(session: Session, phone_value: Any) -> str:
    """'pin' or 'password' for a registered number; a FormError on the phone field otherwise."""
    try:
        phone = validate.phone(phone_value)
    except ValueError as error:
        raise FormError({"phone": str(error)}) from error
    account = session.exec(select(Account).where(Account.phone == phone)).first()
    if account is None:
        raise FormError({"phone": text.Field.PHONE_UNKNOWN})
    if not account.active:
        raise FormError({"phone": text.Err.ACCOUNT_DISABLED})
    return account.secret_kind


@dataclass(frozen=True)
class SignInResult:
    """A token on success; otherwise the message to show next to the secret field."""

    token: str = ""
    error: str = ""


def sign_in(session: Session, phone_value: Any, secret: Any) -> SignInResult:
    """Check a phone number and PIN or password; counts failures and locks after five.

    The caller commits whatever the result: a failed try must be remembered too.
    """
    try:
        phone = validate.phone(phone_value)
    except ValueError as error:
        return SignInResult(error=str(error))
    secret = secret if isinstance(secret, str) else ""
    account = session.exec(select(Account).where(Account.phone == phone)).first()
    if account is None:
        HASHER.verify("x", _DUMMY_HASH)
        return SignInResult(error=text.Field.PHONE_UNKNOWN)
    if not account.active:
        return SignInResult(error=text.Err.ACCOUNT_DISABLED)
    now = utcnow()
    # Count the try before checking it, in one statement that skips a locked account: parallel
    # tries on one account queue up behind this row (PostgreSQL row lock, SQLite write lock)
    # and each sees the count the one before left, so parallel guessing cannot beat the lock.
    tries = session.exec(
        update(Account)
        .where(
            Account.id == account.id,
            or_(Account.locked_until.is_(None), Account.locked_until <= now),
        )
        .values(failed_tries=Account.failed_tries + 1)
        .returning(Account.failed_tries)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    if tries is None:
        session.refresh(account)
        return SignInResult(error=_locked_message(account.locked_until))
    if len(secret) <= 128 and HASHER.verify(secret, account.secret_hash):
        _set_tries(session, account, 0, None)
        return SignInResult(token=open_session(session, account))
    if tries < MAX_TRIES:
        return SignInResult(error=text.Auth.WRONG_SECRET.format(left=MAX_TRIES - tries))
    until = now + LOCK_TIME
    _set_tries(session, account, 0, until)
    audit.record(session, None, "account_locked", "account", account.id)
    return SignInResult(error=_locked_message(until))


def _set_tries(
    session: Session, account: Account, tries: int, locked_until: datetime | None
) -> None:
    session.exec(
        update(Account)
        .where(Account.id == account.id)
        .values(failed_tries=tries, locked_until=locked_until)
        .execution_options(synchronize_session=False)
    )


def _locked_message(locked_until: datetime) -> str:
    until = locked_until.astimezone(LOCAL_TZ)
    return text.Auth.LOCKED.format(until=until.strftime("%H:%M"))


def open_session(session: Session, account: Account) -> str:
    """Start a session for account and return its token (kept only by the browser)."""
    token = secrets.token_urlsafe(32)
    life = PIN_SESSION if account.secret_kind == "pin" else PASSWORD_SESSION
    session.add(
        AuthSession(account_id=account.id, token_hash=token_hash(token), expires_at=utcnow() + life)
    )
    return token


def sign_out(session: Session, token: Any) -> None:
    """Revoke the session behind token, if any."""
    if not isinstance(token, str) or not token:
        return
    session.exec(
        update(AuthSession)
        .where(AuthSession.token_hash == token_hash(token), AuthSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def revoke_all(session: Session, actor: Actor | None) -> None:
    """Sign the actor out everywhere."""
    actor = require_signed_in(actor)
    session.exec(
        update(AuthSession)
        .where(AuthSession.account_id == actor.account_id, AuthSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def actor_from_token(session: Session, token: Any) -> Actor | None:
    """The actor behind a live session token, read fresh from the database (two queries)."""
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        return None
    row = session.exec(
        select(Account)
        .join(AuthSession, AuthSession.account_id == Account.id)
        .where(
            AuthSession.token_hash == token_hash(token),
            AuthSession.revoked_at.is_(None),
            AuthSession.expires_at > utcnow(),
            Account.active.is_(True),
        )
    ).first()
    if row is None:
        return None
    grants = session.exec(select(RoleGrant).where(RoleGrant.account_id == row.id)).all()
    return Actor(
        account_id=row.id,
        name=row.name,
        phone=row.phone,
        roles=frozenset(grant.role for grant in grants),
        secretary_grids=frozenset(
            grant.grid_id for grant in grants if grant.role == "secretary" and grant.grid_id
        ),
    )

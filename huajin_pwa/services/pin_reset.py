"""Forgotten PIN: a secretary or staff member issues a one-time code in person; the member
uses it once to set a new PIN. Both steps are audited."""

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import Account, AuthSession, PinReset
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import accounts, audit, disclosure, inbox, validate
from huajin_pwa.services.actor import SECRETARY, STAFF, Actor, require_role
from huajin_pwa.services.auth import HASHER, hash_secret, open_session
from huajin_pwa.services.errors import FormError

CODE_LIFE = timedelta(hours=24)
CODE_TRIES = 5
CODE_DIGITS = 8


@dataclass(frozen=True)
class IssuedCode:
    """What the helper reads out to the member."""

    code: str
    name: str
    phone: str
    expires_at: datetime


def issue(session: Session, actor: Actor | None, phone: Any) -> IssuedCode:
    """A new code for a PIN account: staff for anyone, a secretary for members of own grid."""
    actor = require_role(actor, SECRETARY, STAFF)
    clean = validate.collect({"phone": phone}, {"phone": validate.phone})
    account = session.exec(select(Account).where(Account.phone == clean["phone"])).first()
    if account is None:
        raise FormError({"phone": text.Field.PHONE_UNKNOWN})
    if account.secret_kind != "pin":
        raise FormError({"phone": text.Reset.NOT_PIN_ACCOUNT})
    if accounts.is_office_account(session, account.id) and not actor.has("admin"):
        raise FormError({"phone": text.Reset.NOT_PIN_ACCOUNT})
    if not actor.has(STAFF, "admin"):
        latest = disclosure.latest_for(session, account.id)
        if latest is None or latest.grid_id not in actor.secretary_grids:
            raise FormError({"phone": text.Reset.NOT_YOUR_MEMBER})
    now = utcnow()
    session.exec(
        update(PinReset)
        .where(PinReset.account_id == account.id, PinReset.used_at.is_(None))
        .values(used_at=now)
    )
    code = "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))
    reset = PinReset(
        account_id=account.id,
        code_hash=hash_secret(code),
        issued_by_id=actor.account_id,
        expires_at=now + CODE_LIFE,
    )
    session.add(reset)
    audit.record(session, actor.account_id, "pin_reset_issued", "account", account.id)
    return IssuedCode(code, account.name, account.phone, reset.expires_at)


@dataclass(frozen=True)
class RedeemResult:
    """A session token on success; otherwise the messages per field."""

    token: str = ""
    errors: dict[str, str] = field(default_factory=dict)


def redeem(session: Session, form: Any) -> RedeemResult:
    """Set a new PIN with a valid code; signs the member out elsewhere and in here.

    The caller commits whatever the result: a wrong try must be counted too.
    """
    data = form if isinstance(form, dict) else {}
    try:
        clean = validate.collect(
            data,
            {
                "phone": validate.phone,
                "code": _code,
                "pin": validate.pin,
            },
        )
    except FormError as error:
        return RedeemResult(errors=error.errors)
    if validate.as_text(data.get("pin_again")) != clean["pin"]:
        return RedeemResult(errors={"pin_again": text.Field.PIN_MISMATCH})
    account = session.exec(select(Account).where(Account.phone == clean["phone"])).first()
    reset = _open_reset(session, account)
    if account is None or reset is None or not account.active:
        return RedeemResult(errors={"code": text.Reset.CODE_INVALID})
    # Count the try before checking it, in one statement on the code's row (as auth.sign_in
    # does): parallel tries queue up behind the row lock and each sees what the one before
    # left, so parallel guesses cannot beat the limit nor parallel uses spend a code twice.
    tries = session.exec(
        update(PinReset)
        .where(
            PinReset.id == reset.id,
            PinReset.used_at.is_(None),
            PinReset.wrong_tries < CODE_TRIES,
        )
        .values(wrong_tries=PinReset.wrong_tries + 1)
        .returning(PinReset.wrong_tries)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    if tries is None:
        return RedeemResult(errors={"code": text.Reset.CODE_INVALID})
    now = utcnow()
    if not HASHER.verify(clean["code"], reset.code_hash):
        if tries >= CODE_TRIES:
            _close_reset(session, reset.id, now, tries)
        return RedeemResult(errors={"code": text.Reset.CODE_INVALID})
    _close_reset(session, reset.id, now, tries - 1)  # the right try was not a wrong one
    account.secret_hash = hash_secret(clean["pin"])
    account.failed_tries, account.locked_until = 0, None
    session.add(account)
    session.exec(
        update(AuthSession)
        .where(AuthSession.account_id == account.id, AuthSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    audit.record(session, account.id, "pin_reset_used", "account", account.id)
    inbox.send(session, account.id, text.Reset.MESSAGE_TITLE, text.Reset.MESSAGE_BODY, "/me")
    return RedeemResult(token=open_session(session, account))


def _code(value: Any) -> str:
    raw = validate.as_text(value).replace(" ", "")
    if not (len(raw) == CODE_DIGITS and raw.isascii() and raw.isdigit()):
        raise ValueError(text.Reset.CODE_FORMAT)
    return raw


def _close_reset(session: Session, reset_id: int, used_at: datetime, wrong_tries: int) -> None:
    session.exec(
        update(PinReset)
        .where(PinReset.id == reset_id)
        .values(used_at=used_at, wrong_tries=wrong_tries)
        .execution_options(synchronize_session=False)
    )


def _open_reset(session: Session, account: Account | None) -> PinReset | None:
    if account is None:
        return None
    return session.exec(
        select(PinReset)
        .where(
            PinReset.account_id == account.id,
            PinReset.used_at.is_(None),
            PinReset.expires_at > utcnow(),
        )
        .order_by(PinReset.id.desc())
    ).first()

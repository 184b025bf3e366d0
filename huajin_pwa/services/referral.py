"""以老带新: members refer fellow members; staff follow up and link the disclosure it led to."""

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import Account, Disclosure, Referral
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import audit, inbox, records, validate
from huajin_pwa.services.actor import MEMBER, STAFF, Actor, require_role
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.services.pagination import Page, paginate

OPEN_STATUSES = ("new", "following")


def refer(session: Session, actor: Actor | None, form: Any) -> Referral:
    """An approved member points out someone they believe is a party member."""
    actor = require_role(actor, MEMBER, STAFF)
    clean = validate.collect(
        form,
        {
            "name": validate.person_name,
            "whereabouts": lambda v: validate.free_text(v, 2, 60, text.Field.WHEREABOUTS_INVALID),
            "how_known": lambda v: validate.free_text(v, 2, 200, text.Field.HOW_KNOWN_INVALID),
        },
    )
    referral = Referral(referrer_id=actor.account_id, **clean)
    session.add(referral)
    session.flush()
    return referral


def credit(session: Session, account_id: int) -> tuple[int, int]:
    """(referrals made, of which disclosed) for an account's /me page."""
    rows = session.exec(
        select(Referral.status, func.count())
        .where(Referral.referrer_id == account_id)
        .group_by(Referral.status)
    ).all()
    counts = dict(rows)
    return sum(counts.values()), counts.get("disclosed", 0)


def staff_list(
    session: Session, actor: Actor | None, open_only: bool = True, page: Any = 1
) -> Page:
    """Referrals for staff, oldest open first; rows are (Referral, referrer name)."""
    require_role(actor, STAFF)
    query = select(Referral, Account.name).join(Account, Account.id == Referral.referrer_id)
    if open_only is not False:
        query = query.where(Referral.status.in_(OPEN_STATUSES))
    return paginate(session, query.order_by(Referral.created_at, Referral.id), page)


def follow_up(
    session: Session, actor: Actor | None, referral_id: Any, status: Any, note: Any = ""
) -> Referral:
    """Mark a referral as being followed up or closed, with an optional note."""
    actor = require_role(actor, STAFF)
    referral = _referral(session, referral_id)
    if status not in ("following", "closed"):
        raise DomainError(text.Err.BAD_REQUEST)
    if referral.status == "disclosed":  # done: closing it would take the referrer's credit back
        raise DomainError(text.ReferralRule.ALREADY_LINKED)
    clean = validate.collect(
        {"note": note},
        {"note": lambda v: validate.free_text(v, 0, 200, text.Field.STAFF_NOTE_LONG)},
    )
    referral.status = status
    referral.staff_note = clean["note"] or referral.staff_note
    referral.handled_by_id = actor.account_id
    referral.updated_at = utcnow()
    session.add(referral)
    audit.record(session, actor.account_id, "referral_updated", "referral", referral.id, status)
    return referral


def link(session: Session, actor: Actor | None, referral_id: Any, phone: Any) -> Referral:
    """Link a referral to the disclosure it led to (found by phone) and credit the referrer."""
    actor = require_role(actor, STAFF)
    referral = _referral(session, referral_id)
    clean = validate.collect({"phone": phone}, {"phone": validate.phone})
    disclosure = session.exec(
        select(Disclosure)
        .join(Account, Account.id == Disclosure.account_id)
        .where(Account.phone == clean["phone"], Disclosure.status.in_(("pending", "approved")))
        .order_by(Disclosure.id.desc())
    ).first()
    if disclosure is None:
        raise FormError({"phone": text.Staff.LINK_NOT_FOUND})
    first_credit = referral.status != "disclosed"
    referral.disclosure_id = disclosure.id
    referral.status = "disclosed"
    referral.handled_by_id = actor.account_id
    referral.updated_at = utcnow()
    session.add(referral)
    audit.record(session, actor.account_id, "referral_linked", "referral", referral.id)
    if first_credit:
        inbox.send(
            session,
            referral.referrer_id,
            text.Inbox.REFERRAL_CREDIT_TITLE,
            text.Inbox.REFERRAL_CREDIT_BODY.format(name=disclosure.name),
            "/me",
        )
    return referral


def _referral(session: Session, referral_id: Any) -> Referral:
    referral = records.fetch(session, Referral, referral_id)
    if referral is None:
        raise DomainError(text.Err.NOT_FOUND)
    return referral

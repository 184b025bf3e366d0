"""上门看望, the member's side: asking for a visit, seeing how it stands, cancelling it;
and the rules every visit follows (who may be visited, how a visit changes state)."""

from datetime import timedelta
from typing import Any

from sqlalchemy import case, or_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from huajin_pwa import present, text
from huajin_pwa.models import Account, Disclosure, RoleGrant, Visit
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import clock, inbox, records, validate
from huajin_pwa.services.actor import MEMBER, SECRETARY, Actor, require_role
from huajin_pwa.services.errors import DomainError, PermissionDenied
from huajin_pwa.services.pagination import Page, paginate

OPEN = ("received", "scheduled")
WISH_WINDOW_DAYS = 14
SOON = "soon"
ANY_PART = "any"


def member_disclosure(session: Session, member_id: int) -> Disclosure | None:
    """The member's approved disclosure (where they live, their grid), if any."""
    return session.exec(
        select(Disclosure)
        .where(Disclosure.account_id == member_id, Disclosure.status == "approved")
        .order_by(Disclosure.id.desc())
    ).first()


def secretary_ids(session: Session, grid_id: int) -> list[int]:
    """The active accounts holding the secretary role of a grid."""
    return list(
        session.exec(
            select(RoleGrant.account_id)
            .join(Account, Account.id == RoleGrant.account_id)
            .where(RoleGrant.role == SECRETARY, RoleGrant.grid_id == grid_id, Account.active)
        ).all()
    )


def reason_name(visit: Visit) -> str:
    """What the visit is for, in words."""
    return text.Visit.REASONS.get(visit.reason, text.Visit.HOLIDAY)


def part_name(code: str) -> str:
    """上午 / 下午 / 晚上, or nothing."""
    return text.Visit.PARTS.get(code, "")


def wish_text(visit: Visit) -> str:
    """When the member would like the visit: 尽快, or 12月1日 周二 上午."""
    if visit.wish_day is None:
        return text.Visit.SOON
    part = part_name(visit.wish_part) or text.Visit.ANY_PART
    return f"{present.date_label(visit.wish_day)} {part}"


def _part(value: Any) -> str:
    raw = validate.as_text(value) or ANY_PART
    if raw != ANY_PART and raw not in text.Visit.PARTS:
        raise ValueError(text.Visit.PART_INVALID)
    return raw


def request_visit(session: Session, actor: Actor | None, form: Any) -> tuple[Visit, bool]:
    """Ask for a home visit. Returns (visit, created): an open request for the same reason is
    returned as it is rather than doubled."""
    actor = require_role(actor, MEMBER)
    data = form if isinstance(form, dict) else {}
    if data.get("member_id", actor.account_id) != actor.account_id:
        raise PermissionDenied(text.Visit.NOT_YOURS)
    disclosure = member_disclosure(session, actor.account_id)
    if disclosure is None or disclosure.grid_id is None:
        raise DomainError(text.Visit.NOT_DISCLOSED)
    today = clock.today()

    def wish_day(value: Any):
        if validate.as_text(value) == SOON:
            return None
        return validate.day(
            value,
            today + timedelta(days=1),
            today + timedelta(days=WISH_WINDOW_DAYS),
            text.Visit.WISH_DAY_INVALID,
            text.Visit.WISH_DAY_RANGE,
        )

    clean = validate.collect(
        data,
        {
            "reason": lambda v: validate.one_of(v, text.Visit.REASONS, text.Visit.REASON_INVALID),
            "day": wish_day,
            "part": _part,
            "note": lambda v: validate.free_text(v, 0, 500, text.Visit.NOTE_LONG),
        },
    )
    existing = open_requests(session, actor.account_id).get(clean["reason"])
    if existing is not None:
        return existing, False
    visit = Visit(
        member_id=actor.account_id,
        grid_id=disclosure.grid_id,
        source="request",
        reason=clean["reason"],
        wish_day=clean["day"],
        wish_part="" if clean["day"] is None else clean["part"],
        note=clean["note"],
        created_by_id=actor.account_id,
    )
    try:
        with session.begin_nested():  # a second tap at the same moment meets the first
            session.add(visit)
            session.flush()
    except IntegrityError:
        return open_requests(session, actor.account_id)[clean["reason"]], False
    reason = reason_name(visit)
    inbox.send(
        session,
        actor.account_id,
        text.Visit.RECEIVED_TITLE,
        text.Visit.RECEIVED_BODY.format(reason=reason),
        "/visits",
    )
    for secretary_id in secretary_ids(session, visit.grid_id):
        inbox.send(
            session,
            secretary_id,
            text.Visit.NEW_REQUEST_TITLE,
            text.Visit.NEW_REQUEST_BODY.format(
                name=actor.name, reason=reason, when=wish_text(visit)
            ),
            f"/secretary/visit/{visit.id}",
        )
    return visit, True


def open_requests(session: Session, member_id: int) -> dict[str, Visit]:
    """The member's open requests by reason."""
    rows = session.exec(
        select(Visit).where(
            Visit.member_id == member_id, Visit.source == "request", Visit.status.in_(OPEN)
        )
    ).all()
    return {visit.reason: visit for visit in rows}


def my_open_reasons(session: Session, actor: Actor | None) -> dict[str, int]:
    """For the reason page: which reasons already have an open request (reason -> visit id)."""
    actor = require_role(actor, MEMBER)
    return {reason: visit.id for reason, visit in open_requests(session, actor.account_id).items()}


def my_visits(session: Session, actor: Actor | None, page: Any = 1) -> Page:
    """The member's own requests and the visits they received, open ones first, then newest;
    rows are (Visit, visitor name or None)."""
    actor = require_role(actor, MEMBER)
    visitor = aliased(Account)
    query = (
        select(Visit, visitor.name)
        .join(visitor, visitor.id == Visit.visitor_id, isouter=True)
        .where(
            Visit.member_id == actor.account_id,
            or_(Visit.source == "request", Visit.status.in_(("scheduled", "done"))),
        )
        .order_by(
            case((Visit.status.in_(OPEN), 0), else_=1), Visit.created_at.desc(), Visit.id.desc()
        )
    )
    return paginate(session, query, page)


def cancel(session: Session, actor: Actor | None, visit_id: Any) -> Visit:
    """The member cancels their own request before the visit."""
    actor = require_role(actor, MEMBER)
    visit = records.fetch(session, Visit, visit_id)
    if visit is None or visit.member_id != actor.account_id or visit.source != "request":
        raise PermissionDenied(text.Visit.NOT_YOURS)
    was_scheduled = visit.status == "scheduled"
    change(session, visit, OPEN, None, actor, text.Visit.CANNOT_CANCEL, status="cancelled")
    reason = reason_name(visit)
    inbox.send(
        session,
        actor.account_id,
        text.Visit.CANCELLED_TITLE,
        text.Visit.CANCELLED_BODY.format(reason=reason),
        "/visits",
    )
    told = secretary_ids(session, visit.grid_id)
    if was_scheduled and visit.visitor_id and visit.visitor_id not in told:
        told.append(visit.visitor_id)
    for account_id in told:
        inbox.send(
            session,
            account_id,
            text.Visit.MEMBER_CANCELLED_TITLE,
            text.Visit.MEMBER_CANCELLED_BODY.format(name=actor.name, reason=reason),
            f"/secretary/visit/{visit.id}",
        )
    return visit


def change(
    session: Session,
    visit: Visit,
    allowed: tuple[str, ...],
    version: Any,
    actor: Actor,
    refusal: str,
    **values: Any,
) -> Visit:
    """Move a visit on in one conditional update, so two people acting at once cannot both win.
    version is what the acting page last saw (None: no check); a stale one is told what
    happened meanwhile."""
    seen = version if type(version) is int else None
    if seen is not None and seen != visit.version:
        raise DomainError(what_happened(session, visit))
    if visit.status not in allowed:
        raise DomainError(refusal.format(status=text.Visit.STATUS[visit.status]))
    changed = session.exec(
        update(Visit)
        .where(Visit.id == visit.id, Visit.version == visit.version, Visit.status.in_(allowed))
        .values(
            **values, handled_by_id=actor.account_id, updated_at=utcnow(), version=Visit.version + 1
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    session.refresh(visit)
    if changed != 1:
        raise DomainError(what_happened(session, visit))
    return visit


def what_happened(session: Session, visit: Visit) -> str:
    """What someone acting on a stale page is told: who changed it and how it stands."""
    status = text.Visit.STATUS[visit.status]
    who = session.get(Account, visit.handled_by_id) if visit.handled_by_id else None
    if who is None:
        return text.VisitWork.CHANGED.format(status=status)
    return text.VisitWork.CHANGED_BY.format(name=who.name, status=status)

"""Health and help records, and the visit history: seen only by the member, the secretaries
of their grid and staff; staff reading someone else's record is audited."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import Account, Disclosure, Grid, HealthRecord, HelpRecord, Visit
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import audit, clock, validate
from huajin_pwa.services.actor import ADMIN, STAFF, Actor, require_signed_in
from huajin_pwa.services.errors import PermissionDenied
from huajin_pwa.services.pagination import Page, paginate
from huajin_pwa.services.visit_lists import MemberLine, member_line, members_query
from huajin_pwa.services.visit_work import grid_member
from huajin_pwa.services.visits import member_disclosure

EARLIEST = date(2000, 1, 1)
HELPS_SHOWN = 5


@dataclass(frozen=True)
class CareView:
    """One member's care record: who they are, the health record, the latest help given."""

    member: MemberLine
    grid_name: str
    health: HealthRecord | None
    helps: list[HelpRecord]


def _readable(session: Session, actor: Actor | None, member_id: Any) -> tuple[Actor, Disclosure]:
    """The actor and the member's disclosure, if the actor may read the member's record:
    the member, a secretary of their grid, or staff."""
    actor = require_signed_in(actor)
    account_id = validate.row_id(member_id)
    disclosure = member_disclosure(session, account_id) if account_id else None
    allowed = disclosure is not None and (
        account_id == actor.account_id
        or actor.has(STAFF, ADMIN)
        or disclosure.grid_id in actor.secretary_grids
    )
    if not allowed:
        raise PermissionDenied(text.Care.NOT_ALLOWED)
    return actor, disclosure


def care_view(session: Session, actor: Actor | None, member_id: Any) -> CareView:
    """The member's care record; staff reading another person's is audited."""
    actor, disclosure = _readable(session, actor, member_id)
    member_id = disclosure.account_id
    row = session.exec(
        members_query([disclosure.grid_id]).where(Disclosure.id == disclosure.id)
    ).one()
    grid = session.get(Grid, disclosure.grid_id)
    health = session.exec(select(HealthRecord).where(HealthRecord.member_id == member_id)).first()
    helps = session.exec(
        select(HelpRecord)
        .where(HelpRecord.member_id == member_id)
        .order_by(HelpRecord.given_on.desc(), HelpRecord.id.desc())
        .limit(HELPS_SHOWN)
    ).all()
    if actor.has(STAFF, ADMIN) and member_id != actor.account_id:
        audit.record(session, actor.account_id, "care_record_read", "account", member_id)
    return CareView(member_line(row[0], row[1:]), grid.name if grid else "", health, list(helps))


def help_history(session: Session, actor: Actor | None, member_id: Any, page: Any = 1) -> Page:
    """All help given to the member, newest first."""
    _actor, disclosure = _readable(session, actor, member_id)
    query = (
        select(HelpRecord)
        .where(HelpRecord.member_id == disclosure.account_id)
        .order_by(HelpRecord.given_on.desc(), HelpRecord.id.desc())
    )
    return paginate(session, query, page)


def visit_history(session: Session, actor: Actor | None, member_id: Any, page: Any = 1) -> Page:
    """The member's completed visits, newest first; rows are (Visit, visitor name or None)."""
    _actor, disclosure = _readable(session, actor, member_id)
    visitor = aliased(Account)
    query = (
        select(Visit, visitor.name)
        .join(visitor, visitor.id == Visit.visitor_id, isouter=True)
        .where(Visit.member_id == disclosure.account_id, Visit.status == "done")
        .order_by(Visit.visited_on.desc(), Visit.id.desc())
    )
    return paginate(session, query, page)


def set_health(session: Session, actor: Actor | None, member_id: Any, form: Any) -> HealthRecord:
    """Record whether the member has a health record at the health centre, and since when."""
    disclosure = grid_member(session, actor, member_id)
    data = form if isinstance(form, dict) else {}
    has_record = validate.as_text(data.get("has_record"))
    rules = {
        "has_record": lambda v: validate.one_of(
            v, {"yes": "", "no": ""}, text.Care.HAS_RECORD_MISSING
        )
    }
    if has_record == "yes":
        rules["since"] = lambda v: validate.day(
            v, EARLIEST, clock.today(), text.Care.SINCE_INVALID, text.Care.SINCE_INVALID
        )
    clean = validate.collect(data, rules)
    record = session.exec(
        select(HealthRecord).where(HealthRecord.member_id == disclosure.account_id)
    ).first() or HealthRecord(member_id=disclosure.account_id, updated_by_id=actor.account_id)
    record.has_record = clean["has_record"] == "yes"
    record.since = clean.get("since")
    record.updated_by_id = actor.account_id
    record.updated_at = utcnow()
    session.add(record)
    session.flush()
    audit.record(session, actor.account_id, "health_record_set", "account", disclosure.account_id)
    return record


def add_help(session: Session, actor: Actor | None, member_id: Any, form: Any) -> HelpRecord:
    """Record help given to the member: what, when, by whom."""
    disclosure = grid_member(session, actor, member_id)
    clean = validate.collect(
        form,
        {
            "what": lambda v: validate.free_text(v, 2, 100, text.Care.HELP_WHAT_INVALID),
            "given_on": lambda v: validate.day(
                v, EARLIEST, clock.today(), text.Care.HELP_DAY_INVALID, text.Care.HELP_DAY_INVALID
            ),
            "given_by": lambda v: validate.free_text(v, 1, 30, text.Care.HELP_BY_INVALID),
        },
    )
    record = HelpRecord(member_id=disclosure.account_id, recorded_by_id=actor.account_id, **clean)
    session.add(record)
    session.flush()
    audit.record(session, actor.account_id, "help_recorded", "account", disclosure.account_id)
    return record

"""The grid secretary's visit work: confirming, rescheduling, declining, recording visits,
and logging a visit nobody asked for. Staff may do the same in every grid."""

from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, select

from huajin_pwa import present, text
from huajin_pwa.models import Account, Campaign, Disclosure, RoleGrant, StudyWeek, Visit
from huajin_pwa.services import audit, clock, inbox, records, validate
from huajin_pwa.services.actor import ADMIN, SECRETARY, STAFF, Actor, require_role
from huajin_pwa.services.errors import DomainError, PermissionDenied
from huajin_pwa.services.study_member import record_study, so_far
from huajin_pwa.services.visits import OPEN, change, member_disclosure, part_name, reason_name

SCHEDULE_WINDOW_DAYS = 60
RECORD_WINDOW_DAYS = 60


def require_grid(actor: Actor | None, grid_id: int | None) -> Actor:
    """A secretary of this grid, or staff; anyone else is refused."""
    actor = require_role(actor, SECRETARY, STAFF)
    if actor.has(STAFF, ADMIN) or grid_id in actor.secretary_grids:
        return actor
    raise PermissionDenied(text.VisitWork.NOT_YOUR_GRID)


def grid_visit(session: Session, actor: Actor | None, visit_id: Any) -> Visit:
    """A visit in one of the actor's grids."""
    require_role(actor, SECRETARY, STAFF)
    visit = records.fetch(session, Visit, visit_id)
    if visit is None:
        raise DomainError(text.Err.NOT_FOUND)
    require_grid(actor, visit.grid_id)
    return visit


def grid_member(session: Session, actor: Actor | None, member_id: Any) -> Disclosure:
    """The approved disclosure of a member in one of the actor's grids."""
    require_role(actor, SECRETARY, STAFF)
    account_id = validate.row_id(member_id)
    disclosure = member_disclosure(session, account_id) if account_id else None
    if disclosure is None:
        raise DomainError(text.VisitWork.NOT_A_MEMBER)
    require_grid(actor, disclosure.grid_id)
    return disclosure


def _visitor(session: Session, actor: Actor, grid_id: int, value: Any) -> int:
    """Who goes: blank is the actor; otherwise a member or secretary of the grid, by phone."""
    if not validate.as_text(value):
        return actor.account_id
    phone = validate.phone(value)
    account = session.exec(select(Account).where(Account.phone == phone, Account.active)).first()
    if account is None:
        raise ValueError(text.VisitWork.VISITOR_UNKNOWN)
    disclosure = member_disclosure(session, account.id)
    in_branch = disclosure is not None and disclosure.grid_id == grid_id
    is_secretary = session.exec(
        select(RoleGrant.id).where(
            RoleGrant.account_id == account.id,
            RoleGrant.role == SECRETARY,
            RoleGrant.grid_id == grid_id,
        )
    ).first()
    if not in_branch and is_secretary is None:
        raise ValueError(text.VisitWork.VISITOR_UNKNOWN)
    return account.id


def schedule(
    session: Session, actor: Actor | None, visit_id: Any, version: Any, form: Any
) -> Visit:
    """Confirm (or move) a visit: a day, a part of day and who goes."""
    visit = grid_visit(session, actor, visit_id)
    today = clock.today()
    was_scheduled = visit.status == "scheduled"
    clean = validate.collect(
        form,
        {
            "day": lambda v: validate.day(
                v,
                today,
                today + timedelta(days=SCHEDULE_WINDOW_DAYS),
                text.VisitWork.DAY_INVALID,
                text.VisitWork.SCHEDULE_RANGE,
            ),
            "part": lambda v: validate.one_of(v, text.Visit.PARTS, text.Visit.PART_INVALID),
            "visitor": lambda v: _visitor(session, actor, visit.grid_id, v),
        },
    )
    _move(
        session,
        visit,
        version,
        actor,
        text.VisitWork.CANNOT_SCHEDULE,
        status="scheduled",
        visit_day=clean["day"],
        visit_part=clean["part"],
        visitor_id=clean["visitor"],
    )
    visitor = session.get(Account, visit.visitor_id)
    _tell(
        session,
        visit,
        text.Visit.RESCHEDULED_TITLE if was_scheduled else text.Visit.SCHEDULED_TITLE,
        text.Visit.SCHEDULED_BODY.format(
            visitor=visitor.name,
            day=present.date_label(visit.visit_day),
            part=part_name(visit.visit_part),
            reason=reason_name(visit),
        ),
    )
    if visit.visitor_id != actor.account_id:
        _tell_visitor(session, actor, visit)
    audit.record(session, actor.account_id, "visit_scheduled", "visit", visit.id)
    return visit


def decline(
    session: Session, actor: Actor | None, visit_id: Any, version: Any, reason: Any
) -> Visit:
    """Send a request back with a reason the member will read."""
    visit = grid_visit(session, actor, visit_id)
    clean = validate.collect(
        {"reason": reason},
        {"reason": lambda v: validate.free_text(v, 2, 200, text.VisitWork.DECLINE_REASON_INVALID)},
    )
    _move(
        session,
        visit,
        version,
        actor,
        text.VisitWork.CANNOT_DECLINE,
        status="declined",
        decline_reason=clean["reason"],
    )
    if visit.source == "request":
        _tell(
            session,
            visit,
            text.Visit.DECLINED_TITLE,
            text.Visit.DECLINED_BODY.format(reason=reason_name(visit), why=clean["reason"]),
        )
    audit.record(session, actor.account_id, "visit_declined", "visit", visit.id, clean["reason"])
    return visit


def _outcome_rules(low_day: date) -> dict[str, Any]:
    """The rules of the 'it happened' form, for a visit on or after low_day."""
    today = clock.today()

    def visited_on(value: Any) -> date:
        day = validate.day(
            value, date.min, date.max, text.VisitWork.DAY_INVALID, text.VisitWork.DAY_INVALID
        )
        if not today - timedelta(days=RECORD_WINDOW_DAYS) <= day <= today:
            raise ValueError(text.VisitWork.VISITED_RANGE)
        if day < low_day:
            raise ValueError(text.VisitWork.VISITED_BEFORE_REQUEST)
        return day

    def follow_up(value: Any) -> str:
        return validate.free_text(value, 0, 200, text.VisitWork.FOLLOW_UP_LONG)

    return {
        "visited_on": visited_on,
        "outcome": lambda v: validate.free_text(v, 2, 500, text.VisitWork.OUTCOME_INVALID),
        "help_need": follow_up,
        "health_concern": follow_up,
        "study_at_home": lambda v: validate.as_text(v) in ("on", "yes", "true"),
    }


def record_done(
    session: Session, actor: Actor | None, visit_id: Any, version: Any, form: Any
) -> Visit:
    """Record that the visit happened: the day, a short outcome, any follow-up."""
    visit = grid_visit(session, actor, visit_id)
    if visit.status not in OPEN:  # say so before complaining about the form
        raise DomainError(
            text.VisitWork.CANNOT_RECORD.format(status=text.Visit.STATUS[visit.status])
        )
    low_day = present.local(visit.created_at).date()
    if visit.campaign_id is not None:  # a campaign may start before it was set up
        low_day = min(low_day, session.get(Campaign, visit.campaign_id).starts_on)
    clean = validate.collect(form, _outcome_rules(low_day))
    _move(
        session,
        visit,
        version,
        actor,
        text.VisitWork.CANNOT_RECORD,
        status="done",
        visitor_id=visit.visitor_id or actor.account_id,
        **clean,
    )
    _studied_at_home(session, visit)
    _tell_done(session, visit)
    audit.record(session, actor.account_id, "visit_done", "visit", visit.id)
    return visit


def log_visit(session: Session, actor: Actor | None, member_id: Any, form: Any) -> Visit:
    """Record a visit nobody asked for (the monthly duty, a chance call)."""
    disclosure = grid_member(session, actor, member_id)
    data = form if isinstance(form, dict) else {}
    rules = {
        "reason": lambda v: validate.one_of(v, text.Visit.REASONS, text.Visit.REASON_INVALID),
        **_outcome_rules(date.min),
    }
    clean = validate.collect(data, rules)
    visit = Visit(
        member_id=disclosure.account_id,
        grid_id=disclosure.grid_id,
        source="logged",
        status="done",
        visitor_id=actor.account_id,
        created_by_id=actor.account_id,
        handled_by_id=actor.account_id,
        **clean,
    )
    session.add(visit)
    session.flush()
    _studied_at_home(session, visit)
    _tell_done(session, visit)
    audit.record(session, actor.account_id, "visit_logged", "visit", visit.id)
    return visit


def _studied_at_home(session: Session, visit: Visit) -> None:
    """送学上门 ticked on a visit: the material members were studying on the visit day counts
    as studied at home (a member who had already studied it keeps that record); nothing
    when no week was published yet."""
    if not visit.study_at_home:
        return
    week = session.exec(
        select(StudyWeek).where(*so_far(visit.visited_on)).order_by(StudyWeek.week_of.desc())
    ).first()
    if week is not None:
        record_study(session, visit.member_id, week, "home")


def _move(
    session: Session, visit: Visit, version: Any, actor: Actor, refusal: str, **values: Any
) -> None:
    """Move an open visit on (visits.change: only from the version the page showed)."""
    change(session, visit, OPEN, version, actor, refusal, **values)


def _tell(session: Session, visit: Visit, title: str, body: str) -> None:
    """A message to the visit's member, linking to their /visits."""
    inbox.send(session, visit.member_id, title, body, "/visits")


def _tell_visitor(session: Session, actor: Actor, visit: Visit) -> None:
    """Someone other than the secretary is to go: when, to whom, and the number to call."""
    member = session.get(Account, visit.member_id)
    inbox.send(
        session,
        visit.visitor_id,
        text.Visit.VISITOR_TITLE,
        text.Visit.VISITOR_BODY.format(
            secretary=actor.name,
            day=present.date_label(visit.visit_day),
            part=part_name(visit.visit_part),
            name=member.name,
            phone=member.phone,
            reason=reason_name(visit),
        ),
    )


def _tell_done(session: Session, visit: Visit) -> None:
    _tell(
        session,
        visit,
        text.Visit.DONE_TITLE,
        text.Visit.DONE_BODY.format(day=present.date_label(visit.visited_on)),
    )

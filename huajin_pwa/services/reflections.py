"""学习心得: a member writes a reflection on a published week for their grid branch; the
branch's secretary (or staff) acknowledges it or comments, and the member is told."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, func, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from huajin_pwa import present, text
from huajin_pwa.models import Account, Grid, StudyReflection, StudyWeek
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import audit, inbox, records, validate
from huajin_pwa.services.actor import SECRETARY, STAFF, Actor, require_role
from huajin_pwa.services.errors import DomainError, FormError, PermissionDenied
from huajin_pwa.services.pagination import Page, paginate
from huajin_pwa.services.study_member import published_week, require_member
from huajin_pwa.services.visit_lists import grids_in_view
from huajin_pwa.services.visit_work import require_grid
from huajin_pwa.services.visits import member_disclosure, secretary_ids

T = text.Reflection
BODY_MAX = 2000
REPLY_MAX = 500
WAITING = "waiting"
ACTIONS = {"ack": "acknowledged", "comment": "commented"}
SHOW = ("waiting", "all")


def link(week: StudyWeek) -> str:
    """The member's page of a week's reflection."""
    return f"/study/{week.week_of.isoformat()}/reflect"


def clean_body(value: Any) -> str:
    """The reflection's text: stripped, 1 to 2000 characters (FormError on the body field)."""
    raw = validate.as_text(value).replace("\r\n", "\n")
    if not raw:
        raise FormError({"body": T.EMPTY})
    if len(raw) > BODY_MAX:
        raise FormError({"body": T.TOO_LONG.format(count=len(raw))})
    return raw


def _mine(session: Session, member_id: int, week_id: int) -> StudyReflection | None:
    return session.exec(
        select(StudyReflection).where(
            StudyReflection.member_id == member_id, StudyReflection.week_id == week_id
        )
    ).first()


def write(
    session: Session, actor: Actor | None, week: Any, body: Any
) -> tuple[StudyReflection, bool]:
    """A member writes (or, while it waits for the branch, rewrites) their reflection on a
    published week (its Monday, YYYY-MM-DD). Returns (reflection, created)."""
    actor = require_member(actor)
    disclosure = member_disclosure(session, actor.account_id)
    if disclosure is None or disclosure.grid_id is None:
        raise PermissionDenied(T.NOT_DISCLOSED)
    found = published_week(session, week)
    clean = clean_body(body)
    existing = _mine(session, actor.account_id, found.id)
    if existing is not None:
        return _rewrite(session, existing, clean), False
    reflection = StudyReflection(
        member_id=actor.account_id, week_id=found.id, grid_id=disclosure.grid_id, body=clean
    )
    try:
        with session.begin_nested():  # two taps at the same moment: the second meets the first
            session.add(reflection)
            session.flush()
    except IntegrityError:
        return _rewrite(session, _mine(session, actor.account_id, found.id), clean), False
    for secretary_id in secretary_ids(session, reflection.grid_id):
        inbox.send(
            session,
            secretary_id,
            T.NEW_TITLE,
            T.NEW_BODY.format(name=actor.name, title=found.title),
            "/secretary/reflections",
        )
    return reflection, True


def _rewrite(session: Session, reflection: StudyReflection, body: str) -> StudyReflection:
    """Change the text of a reflection that still waits (one conditional update, so a reply
    arriving at the same moment is never overwritten)."""
    if reflection.status != WAITING:
        raise DomainError(T.ALREADY_REPLIED)
    if reflection.body == body:
        return reflection
    changed = session.exec(
        update(StudyReflection)
        .where(StudyReflection.id == reflection.id, StudyReflection.status == WAITING)
        .values(body=body, updated_at=utcnow(), version=StudyReflection.version + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.refresh(reflection)
    if changed != 1:
        raise DomainError(T.ALREADY_REPLIED)
    return reflection


@dataclass(frozen=True)
class Mine:
    """The member's reflection on a week, and the name of who replied ("" before a reply)."""

    reflection: StudyReflection
    replied_by: str


def mine(session: Session, actor: Actor | None, week: Any) -> Mine | None:
    """The signed-in member's reflection on a published week, with who replied; or None."""
    actor = require_member(actor)
    found = published_week(session, week)
    row = session.exec(
        select(StudyReflection, Account.name)
        .join(Account, Account.id == StudyReflection.replied_by_id, isouter=True)
        .where(StudyReflection.member_id == actor.account_id, StudyReflection.week_id == found.id)
    ).first()
    return Mine(reflection=row[0], replied_by=row[1] or "") if row else None


@dataclass(frozen=True)
class ReflectionLine:
    """A reflection as the secretary's list shows it."""

    reflection: StudyReflection
    member_name: str
    member_phone: str
    week_title: str
    week_of: date
    replied_by: str


def branch_list(
    session: Session, actor: Actor | None, status: Any = WAITING, page: Any = 1, grid_id=None
) -> Page:
    """Reflections of the grids in the actor's view (status "waiting" or "all"): the waiting
    ones oldest first, then the replied ones newest first; rows are ReflectionLine (two
    queries for any length, three for staff)."""
    grids = grids_in_view(session, actor, grid_id)
    replier = aliased(Account)
    waiting = StudyReflection.status == WAITING
    query = (
        select(
            StudyReflection,
            Account.name,
            Account.phone,
            StudyWeek.title,
            StudyWeek.week_of,
            replier.name,
        )
        .join(Account, Account.id == StudyReflection.member_id)
        .join(StudyWeek, StudyWeek.id == StudyReflection.week_id)
        .join(replier, replier.id == StudyReflection.replied_by_id, isouter=True)
        .where(StudyReflection.grid_id.in_(grids))
        .order_by(
            case((waiting, 0), else_=1),
            case((waiting, StudyReflection.created_at)).asc(),
            StudyReflection.created_at.desc(),
            StudyReflection.id,
        )
    )
    if status not in SHOW or status == WAITING:
        query = query.where(waiting)
    found = paginate(session, query, page)
    lines = [
        ReflectionLine(reflection, name, phone, title, week_of, replied_by or "")
        for reflection, name, phone, title, week_of, replied_by in found.rows
    ]
    return Page(rows=lines, page=found.page, pages=found.pages, total=found.total)


def reply(
    session: Session,
    actor: Actor | None,
    reflection_id: Any,
    version: Any,
    action: Any,
    comment: Any = "",
) -> StudyReflection:
    """已阅 (action "ack", an optional short note) or 回复 (action "comment", 2 to 500
    characters) by a secretary of the reflection's grid or staff; version is what the page
    showed, and someone who acts on a stale page is told who replied."""
    require_role(actor, SECRETARY, STAFF)
    reflection = records.fetch(session, StudyReflection, reflection_id)
    if reflection is None:
        raise DomainError(text.Err.NOT_FOUND)
    actor = require_grid(actor, reflection.grid_id)
    if not isinstance(action, str) or action not in ACTIONS:
        raise DomainError(T.UNKNOWN_ACTION)
    low, message = (0, T.ACK_NOTE_LONG) if action == "ack" else (2, T.COMMENT_INVALID)
    clean = validate.collect(
        {"comment": comment},
        {"comment": lambda v: validate.free_text(v, low, REPLY_MAX, message)},
    )["comment"]
    change(session, reflection, version, actor, ACTIONS[action], clean)
    week = session.get(StudyWeek, reflection.week_id)
    if action == "comment":
        title, body = T.COMMENT_TITLE, T.COMMENT_BODY
    else:
        title, body = T.ACK_TITLE, T.ACK_BODY_NOTE if clean else T.ACK_BODY
    inbox.send(
        session,
        reflection.member_id,
        title,
        body.format(name=actor.name, title=week.title, reply=clean),
        link(week),
    )
    audit.record(
        session,
        actor.account_id,
        f"reflection_{ACTIONS[action]}",
        "study_reflection",
        reflection.id,
    )
    return reflection


def change(
    session: Session,
    reflection: StudyReflection,
    version: Any,
    actor: Actor,
    status: str,
    note: str,
) -> None:
    """Reply in one conditional update from the version the page showed (None: no check), so
    two secretaries at once cannot both win; the other is told what happened."""
    seen = version if type(version) is int else None
    if (seen is not None and seen != reflection.version) or reflection.status != WAITING:
        raise DomainError(what_happened(session, reflection))
    now = utcnow()
    changed = session.exec(
        update(StudyReflection)
        .where(
            StudyReflection.id == reflection.id,
            StudyReflection.version == reflection.version,
            StudyReflection.status == WAITING,
        )
        .values(
            status=status,
            reply=note,
            replied_by_id=actor.account_id,
            replied_at=now,
            updated_at=now,
            version=StudyReflection.version + 1,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    session.refresh(reflection)
    if changed != 1:
        raise DomainError(what_happened(session, reflection))


def what_happened(session: Session, reflection: StudyReflection) -> str:
    """What someone replying on a stale page is told: who replied, or that the member edited."""
    if reflection.status == WAITING:
        member = session.get(Account, reflection.member_id)
        return T.EDITED.format(name=member.name)
    who = session.get(Account, reflection.replied_by_id) if reflection.replied_by_id else None
    status = T.STATUS[reflection.status]
    return T.REPLIED_BY.format(name=who.name if who else "", status=status)


def awaiting_by_grid(session: Session, actor: Actor | None) -> list[tuple[str, int, date]]:
    """For staff: [(grid name, reflections waiting, the day the oldest was written)], grids
    with none waiting left out, in grid order; one query."""
    require_role(actor, STAFF)
    rows = session.exec(
        select(Grid.name, func.count(StudyReflection.id), func.min(StudyReflection.created_at))
        .join(StudyReflection, StudyReflection.grid_id == Grid.id)
        .where(StudyReflection.status == WAITING)
        .group_by(Grid.id, Grid.name, Grid.number)
        .order_by(Grid.number)
    ).all()
    return [(name, count, present.local(oldest).date()) for name, count, oldest in rows]

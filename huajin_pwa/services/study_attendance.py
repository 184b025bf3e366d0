"""Recording who came to a grid branch's study session: the secretary ticks names (or takes
a tick made by mistake back), members scan the session's QR code; attending counts the week as
studied ("night" for 夜学, "group" by day).

Choices: members check in on the session's day only (held_on, Wuhan time). Ticking opens on
the session's day and stays open afterwards (the secretary may fill the roster in later); a
tick made by mistake can be taken back on the session's day only, and taking it back removes
the attendance but not the study record (the member may have studied the week anyway)."""

import re
from dataclasses import dataclass
from typing import Any

import segno
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from huajin_pwa import present, text
from huajin_pwa.models import Disclosure, StudyAttendance, StudySession, StudyWeek
from huajin_pwa.services import audit, clock, validate
from huajin_pwa.services.actor import MEMBER, Actor, require_signed_in
from huajin_pwa.services.errors import DomainError, PermissionDenied
from huajin_pwa.services.study_member import record_study
from huajin_pwa.services.study_sessions import as_id, session_of
from huajin_pwa.services.visits import member_disclosure

T = text.StudySessions
MAX_NAMES = 2000  # the most member ids one save may carry
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{20,43}$")
STUDY_HOW = {"night": "night", "day": "group"}


def _member_ids(value: Any) -> list[int]:
    """A list of member ids from an untrusted client, or a refusal."""
    if not isinstance(value, (list, tuple)) or len(value) > MAX_NAMES:
        raise DomainError(T.BAD_NAMES)
    ids = [as_id(item) if not isinstance(item, bool) else None for item in value]
    if any(validate.row_id(item) is None for item in ids):
        raise DomainError(T.BAD_NAMES)
    return sorted(set(ids))


@dataclass(frozen=True)
class Ticked:
    """What a save did: how many were newly ticked, or ticks taken back."""

    added: int
    removed: int


def tick(session: Session, actor: Actor | None, session_id: Any, member_ids: Any) -> Ticked:
    """The secretary ticks members present: each new one is checked in (tick) and the week
    counts as studied; members already checked in stay as they were. All or nothing."""
    actor, (found, week, _grid) = session_of(session, actor, session_id, T.NOT_YOUR_GRID)
    wanted = _member_ids(member_ids)
    if found.held_on > clock.today():
        raise DomainError(T.NOT_YET)
    in_grid = set(
        session.exec(
            select(Disclosure.account_id).where(
                Disclosure.account_id.in_(wanted),
                Disclosure.status == "approved",
                Disclosure.grid_id == found.grid_id,
            )
        ).all()
    )
    if in_grid != set(wanted):
        raise DomainError(T.NOT_IN_GRID)
    already = set(
        session.exec(
            select(StudyAttendance.member_id).where(
                StudyAttendance.session_id == found.id, StudyAttendance.member_id.in_(wanted)
            )
        ).all()
    )
    added = 0
    for member_id in wanted:
        if member_id not in already and _attend(session, found, week, member_id, "tick", actor):
            added += 1
    if added:
        audit.record(
            session,
            actor.account_id,
            "study_attendance_ticked",
            "study_session",
            found.id,
            f"{added}",
        )
    return Ticked(added=added, removed=0)


def untick(session: Session, actor: Actor | None, session_id: Any, member_ids: Any) -> Ticked:
    """Take back ticks made by mistake, on the session's day only; scanned check-ins and the
    members' study records stay."""
    actor, (found, _week, _grid) = session_of(session, actor, session_id, T.NOT_YOUR_GRID)
    wanted = _member_ids(member_ids)
    if found.held_on != clock.today():
        raise DomainError(T.UNTICK_SAME_DAY)
    rows = session.exec(
        select(StudyAttendance).where(
            StudyAttendance.session_id == found.id,
            StudyAttendance.member_id.in_(wanted),
            StudyAttendance.via == "tick",
        )
    ).all()
    for row in rows:
        session.delete(row)
    if rows:
        audit.record(
            session,
            actor.account_id,
            "study_attendance_unticked",
            "study_session",
            found.id,
            ",".join(str(row.member_id) for row in rows),
        )
    return Ticked(added=0, removed=len(rows))


def _attend(
    session: Session, found: StudySession, week: StudyWeek, member_id: int, via: str, actor: Actor
) -> bool:
    """Check a member in and count the week as studied; False when they already were (a
    tick and a scan at the same moment: the first stays)."""
    row = StudyAttendance(
        session_id=found.id, member_id=member_id, via=via, recorded_by_id=actor.account_id
    )
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        return False
    record_study(session, member_id, week, STUDY_HOW[found.part])
    return True


@dataclass(frozen=True)
class CheckIn:
    """The outcome of a scan: checked in now, or already; the words to show."""

    created: bool
    title: str
    message: str


def check_in(session: Session, actor: Actor | None, token: Any) -> CheckIn:
    """A member scans the session's code: checked in once, on the day, in their own grid."""
    actor = require_signed_in(actor)
    if not actor.has(MEMBER):
        raise PermissionDenied(T.MEMBER_ONLY)
    raw = validate.as_text(token)
    found = (
        session.exec(select(StudySession).where(StudySession.token == raw)).first()
        if TOKEN_RE.match(raw)
        else None
    )
    if found is None:
        raise DomainError(T.INVALID_CODE)
    disclosure = member_disclosure(session, actor.account_id)
    if disclosure is None or disclosure.grid_id != found.grid_id:
        raise PermissionDenied(T.OTHER_GRID)
    words = {"day": present.date_label(found.held_on), "part": T.PARTS[found.part]}
    mine = (StudyAttendance.session_id == found.id, StudyAttendance.member_id == actor.account_id)
    if session.exec(select(StudyAttendance.id).where(*mine)).first() is not None:
        return CheckIn(False, T.ALREADY, T.ALREADY_DETAIL.format(**words))
    if found.held_on != clock.today():
        raise DomainError(T.NOT_TODAY)
    week = session.get(StudyWeek, found.week_id)
    if not _attend(session, found, week, actor.account_id, "scan", actor):
        return CheckIn(False, T.ALREADY, T.ALREADY_DETAIL.format(**words))
    return CheckIn(True, T.CHECKED_IN, T.CHECKED_IN_DETAIL.format(title=week.title, **words))


def qr_svg(url: str) -> str:
    """The QR code of a link, as an SVG data URI for an <img>: dark on white, with a quiet zone
    of four modules, no fixed size (the page makes it large)."""
    code = segno.make(url, error="m")
    return code.svg_data_uri(border=4, dark="#000", light="#fff", omitsize=True)

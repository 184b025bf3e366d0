"""周周讲进家庭, the member's side: the published weeks (this week first), reading one,
marking it studied, and the member's study record (weeks studied, streak, how)."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import and_, case
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import StudyRecord, StudyVersion, StudyWeek
from huajin_pwa.services import clock, records, validate
from huajin_pwa.services.actor import MEMBER, Actor, require_signed_in
from huajin_pwa.services.errors import DomainError, PermissionDenied
from huajin_pwa.services.pagination import Page, paginate
from huajin_pwa.services.study import monday, points, questions, render

HOW = tuple(text.Study.HOW)  # self, home, night


def require_member(actor: Actor | None) -> Actor:
    """A member (someone whose disclosure was approved); anyone else is refused."""
    actor = require_signed_in(actor)
    if not actor.has(MEMBER):
        raise PermissionDenied(text.Study.MEMBER_ONLY)
    return actor


def published():
    """The condition a week members may see meets."""
    return StudyWeek.publish_on <= clock.today()


def so_far(day: date | None = None) -> tuple:
    """The conditions a week members may study on day (today by default) meets: published by
    then and not a later week's. The newest such week is the one they study now."""
    day = day or clock.today()
    return StudyWeek.publish_on <= day, StudyWeek.week_of <= monday(day)


def changed_since(record: StudyRecord | None, week: StudyWeek) -> bool:
    """Whether the material was corrected after the member studied it."""
    return record is not None and record.version_seen < week.version


@dataclass(frozen=True)
class WeekLine:
    """One week in the member's list."""

    week: StudyWeek
    this_week: bool
    how: str  # "" when not studied
    changed: bool


def member_weeks(session: Session, actor: Actor | None, page: Any = 1) -> Page:
    """The published weeks, this week first, then the others newest first; rows are WeekLine
    (two queries for any length)."""
    actor = require_member(actor)
    this_monday = monday(clock.today())
    mine = and_(StudyRecord.week_id == StudyWeek.id, StudyRecord.member_id == actor.account_id)
    query = (
        select(StudyWeek, StudyRecord)
        .join(StudyRecord, mine, isouter=True)
        .where(published())
        .order_by(case((StudyWeek.week_of == this_monday, 0), else_=1), StudyWeek.week_of.desc())
    )
    found = paginate(session, query, page)
    lines = [
        WeekLine(
            week=week,
            this_week=week.week_of == this_monday,
            how=record.how if record else "",
            changed=changed_since(record, week),
        )
        for week, record in found.rows
    ]
    return Page(rows=lines, page=found.page, pages=found.pages, total=found.total)


def this_week(session: Session, actor: Actor | None) -> WeekLine | None:
    """The week members study now (as current() finds it) and how the member studied it, for
    the home page's card; one query, None when nothing is published yet."""
    actor = require_member(actor)
    this_monday = monday(clock.today())
    mine = and_(StudyRecord.week_id == StudyWeek.id, StudyRecord.member_id == actor.account_id)
    row = session.exec(
        select(StudyWeek, StudyRecord)
        .join(StudyRecord, mine, isouter=True)
        .where(*so_far())
        .order_by(StudyWeek.week_of.desc())
    ).first()
    if row is None:
        return None
    week, record = row
    return WeekLine(
        week=week,
        this_week=week.week_of == this_monday,
        how=record.how if record else "",
        changed=changed_since(record, week),
    )


@dataclass(frozen=True)
class Reading:
    """A week as a member reads it."""

    week: StudyWeek
    version: StudyVersion
    html: str
    points: list[str]
    questions: list[str]
    record: StudyRecord | None
    changed: bool


def _reading(session: Session, week: StudyWeek, member_id: int | None) -> Reading:
    row = session.exec(
        select(StudyVersion, StudyRecord)
        .join(
            StudyRecord,
            and_(StudyRecord.week_id == StudyVersion.week_id, StudyRecord.member_id == member_id),
            isouter=True,
        )
        .where(StudyVersion.week_id == week.id, StudyVersion.version == week.version)
    ).one()
    version, record = row
    return Reading(
        week=week,
        version=version,
        html=render(version.body_markdown),
        points=points(version),
        questions=questions(version),
        record=record,
        changed=changed_since(record, week),
    )


def current(session: Session, actor: Actor | None) -> Reading | None:
    """This week's material, or the latest published before it; None when nothing is."""
    actor = require_member(actor)
    week = session.exec(
        select(StudyWeek).where(*so_far()).order_by(StudyWeek.week_of.desc())
    ).first()
    return _reading(session, week, actor.account_id) if week else None


def published_week(session: Session, week: Any) -> StudyWeek:
    """A published week by its Monday (YYYY-MM-DD, as in /study/<week>); unknown and not yet
    published weeks are refused alike."""
    raw = validate.as_text(week)
    try:
        day = date.fromisoformat(raw) if len(raw) == 10 and raw.isascii() else None
    except ValueError:
        day = None
    found = (
        session.exec(select(StudyWeek).where(StudyWeek.week_of == day, published())).first()
        if day
        else None
    )
    if found is None:
        raise DomainError(text.Study.UNKNOWN_WEEK)
    return found


def read_week(session: Session, actor: Actor | None, week: Any) -> Reading:
    """A published week for a member (/study/<week>)."""
    actor = require_member(actor)
    return _reading(session, published_week(session, week), actor.account_id)


def printable(session: Session, week: Any) -> Reading:
    """A published week for the print page: anyone with the link, no study record."""
    return _reading(session, published_week(session, week), None)


@dataclass(frozen=True)
class Marked:
    """The outcome of 我已学习: the record, whether it is new, and what to tell the member."""

    record: StudyRecord
    created: bool
    message: str


def record_study(
    session: Session, member_id: int, week: StudyWeek, how: str
) -> tuple[StudyRecord, bool]:
    """Note that a member studied a published week (the caller checked who may); a second
    note of the same week keeps the first. Returns (record, created)."""
    if how not in HOW:
        raise ValueError(how)
    if week.publish_on > clock.today():
        raise DomainError(text.Study.NOT_PUBLISHED)
    mine = (StudyRecord.member_id == member_id, StudyRecord.week_id == week.id)
    existing = session.exec(select(StudyRecord).where(*mine)).first()
    if existing is not None:
        return existing, False
    record = StudyRecord(member_id=member_id, week_id=week.id, how=how, version_seen=week.version)
    try:
        with session.begin_nested():  # two taps at the same moment: the second meets the first
            session.add(record)
            session.flush()
    except IntegrityError:
        return session.exec(select(StudyRecord).where(*mine)).one(), False
    return record, True


def mark_studied(session: Session, actor: Actor | None, week_id: Any) -> Marked:
    """我已学习: the member marks a published week studied by themselves."""
    actor = require_member(actor)
    week = records.fetch(session, StudyWeek, week_id)
    if week is None:
        raise DomainError(text.Study.UNKNOWN_WEEK)
    record, created = record_study(session, actor.account_id, week, "self")
    message = text.Study.MARKED if created else text.Study.ALREADY
    return Marked(record=record, created=created, message=message.format(title=week.title))


@dataclass(frozen=True)
class RecordLine:
    """One week the member studied."""

    week_of: date
    title: str
    how: str
    changed: bool


@dataclass(frozen=True)
class StudySummary:
    """The member's study record for /me."""

    weeks_studied: int
    streak: int  # published weeks in a row, up to this week, studied
    by_how: dict[str, int] = field(default_factory=dict)
    lines: list[RecordLine] = field(default_factory=list)  # newest week first


def summary(session: Session, member_id: int) -> StudySummary:
    """A member's study record in two queries (the caller checked who may see it)."""
    this_monday = monday(clock.today())
    rows = session.exec(
        select(StudyRecord, StudyWeek)
        .join(StudyWeek, StudyWeek.id == StudyRecord.week_id)
        .where(StudyRecord.member_id == member_id)
        .order_by(StudyWeek.week_of.desc())
    ).all()
    weeks = session.exec(
        select(StudyWeek.id, StudyWeek.week_of).where(*so_far()).order_by(StudyWeek.week_of.desc())
    ).all()
    studied = {record.week_id for record, _week in rows}
    streak = 0
    for week_id, week_of in weeks:
        if week_id in studied:
            streak += 1
        elif week_of != this_monday:  # this week not studied yet does not break the streak
            break
    by_how = {how: 0 for how in HOW}
    for record, _week in rows:
        by_how[record.how] = by_how.get(record.how, 0) + 1
    lines = [
        RecordLine(
            week_of=week.week_of,
            title=week.title,
            how=record.how,
            changed=changed_since(record, week),
        )
        for record, week in rows
    ]
    return StudySummary(weeks_studied=len(rows), streak=streak, by_how=by_how, lines=lines)


def my_record(session: Session, actor: Actor | None) -> StudySummary:
    """The signed-in member's own study record."""
    actor = require_member(actor)
    return summary(session, actor.account_id)

"""周周讲进家庭, the staff side: writing a week's study material, correcting it (every save is a
new version, so the history is kept), listing the weeks; and rendering Markdown to safe HTML."""

import re
from datetime import date, timedelta
from typing import Any

from markdown_it import MarkdownIt
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import Account, StudyVersion, StudyWeek
from huajin_pwa.services import audit, clock, records, validate
from huajin_pwa.services.actor import STAFF, Actor, require_role
from huajin_pwa.services.clock import monday  # noqa: F401 (study_member and pages use it)
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.services.pagination import Page, paginate

PAST_DAYS = 730  # a week may be from two years ago ...
AHEAD_DAYS = 365  # ... to a year ahead
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.\-]*:")


def _range() -> tuple[date, date]:
    today = clock.today()
    return today - timedelta(days=PAST_DAYS), today + timedelta(days=AHEAD_DAYS)


def _week_of(value: Any) -> date:
    low, high = _range()
    day = validate.day(value, low, high, text.Study.WEEK_INVALID, text.Study.WEEK_RANGE)
    if day.weekday() != 0:
        raise ValueError(text.Study.WEEK_NOT_MONDAY)
    return day


def _publish_on(value: Any) -> date:
    low, high = _range()
    return validate.day(value, low, high, text.Study.PUBLISH_INVALID, text.Study.PUBLISH_RANGE)


def lines_of(value: Any) -> list[str]:
    """Untrusted lines (a list, or text with one item a line), stripped, blanks dropped."""
    if isinstance(value, (list, tuple)):
        items = [validate.as_text(item) for item in value]
    else:
        items = validate.as_text(value).splitlines()
    return [" ".join(item.split()) for item in items if item.strip()]


def _lines_rule(low: int, high: int, shortest: int, longest: int, count: str, each: str):
    def rule(value: Any) -> str:
        items = lines_of(value)
        if not low <= len(items) <= high:
            raise ValueError(count)
        if any(not shortest <= len(item) <= longest for item in items):
            raise ValueError(each)
        return "\n".join(items)

    return rule


def _content_rules() -> dict[str, Any]:
    """The rules of the material form, but for the week (which is fixed once written)."""
    return {
        "title": lambda v: validate.free_text(v, 2, 40, text.Study.TITLE_INVALID),
        "body": lambda v: validate.free_text(v, 20, 20000, text.Study.BODY_INVALID),
        "key_points": _lines_rule(3, 5, 2, 60, text.Study.POINTS_COUNT, text.Study.POINT_INVALID),
        "questions": _lines_rule(
            1, 5, 2, 100, text.Study.QUESTIONS_COUNT, text.Study.QUESTION_INVALID
        ),
        "publish_on": _publish_on,
    }


def _version(week: StudyWeek, number: int, clean: dict[str, Any], actor: Actor) -> StudyVersion:
    return StudyVersion(
        week_id=week.id,
        version=number,
        title=clean["title"],
        body_markdown=clean["body"],
        key_points=clean["key_points"],
        questions=clean["questions"],
        edited_by_id=actor.account_id,
    )


def write_week(session: Session, actor: Actor | None, form: Any) -> StudyWeek:
    """Staff write a new week's material (version 1). form: week_of (its Monday), title, body
    (Markdown), key_points and questions (one a line, or lists), publish_on."""
    actor = require_role(actor, STAFF)
    clean = validate.collect(form, {"week_of": _week_of, **_content_rules()})
    taken = FormError({"week_of": text.Study.WEEK_TAKEN})
    if session.exec(select(StudyWeek.id).where(StudyWeek.week_of == clean["week_of"])).first():
        raise taken
    week = StudyWeek(
        week_of=clean["week_of"],
        title=clean["title"],
        publish_on=clean["publish_on"],
        created_by_id=actor.account_id,
    )
    try:
        with session.begin_nested():  # two staff writing the same week at once: one wins
            session.add(week)
            session.flush()
    except IntegrityError:
        raise taken from None
    session.add(_version(week, 1, clean, actor))
    audit.record(session, actor.account_id, "study_week_written", "study_week", week.id)
    return week


def edit_week(
    session: Session, actor: Actor | None, week_id: Any, version: Any, form: Any
) -> StudyWeek:
    """Staff correct a week (published or not): a new version; version is the one the editor
    started from, and a save on top of someone else's newer one is refused."""
    actor = require_role(actor, STAFF)
    week = _week(session, week_id)
    clean = validate.collect(form, _content_rules())
    seen = version if type(version) is int else None
    if seen is not None and seen != week.version:
        raise DomainError(_stale(session, week))
    changed = session.exec(
        update(StudyWeek)
        .where(StudyWeek.id == week.id, StudyWeek.version == week.version)
        .values(
            title=clean["title"],
            publish_on=clean["publish_on"],
            version=StudyWeek.version + 1,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    session.refresh(week)
    if changed != 1:
        raise DomainError(_stale(session, week))
    session.add(_version(week, week.version, clean, actor))
    audit.record(
        session, actor.account_id, "study_week_edited", "study_week", week.id, f"v{week.version}"
    )
    return week


def _week(session: Session, week_id: Any) -> StudyWeek:
    week = records.fetch(session, StudyWeek, week_id)
    if week is None:
        raise DomainError(text.Study.UNKNOWN_WEEK)
    return week


def _stale(session: Session, week: StudyWeek) -> str:
    name = session.exec(
        select(Account.name)
        .join(StudyVersion, StudyVersion.edited_by_id == Account.id)
        .where(StudyVersion.week_id == week.id, StudyVersion.version == week.version)
    ).first()
    return text.Study.STALE.format(name=name or "", version=week.version)


def current_version(session: Session, week: StudyWeek) -> StudyVersion:
    """The week's current text."""
    return session.exec(
        select(StudyVersion).where(
            StudyVersion.week_id == week.id, StudyVersion.version == week.version
        )
    ).one()


def staff_week(
    session: Session, actor: Actor | None, week_id: Any
) -> tuple[StudyWeek, StudyVersion]:
    """One week and its current text, for the edit form and the preview."""
    require_role(actor, STAFF)
    week = _week(session, week_id)
    return week, current_version(session, week)


def staff_weeks(session: Session, actor: Actor | None, page: Any = 1) -> Page:
    """Every week, published or not, the latest week first; rows are StudyWeek."""
    require_role(actor, STAFF)
    query = select(StudyWeek).order_by(StudyWeek.week_of.desc())
    return paginate(session, query, page)


def history(session: Session, actor: Actor | None, week_id: Any) -> list[tuple[StudyVersion, str]]:
    """Every saved version of a week, newest first, with who saved it."""
    require_role(actor, STAFF)
    week = _week(session, week_id)
    return [
        (row, name)
        for row, name in session.exec(
            select(StudyVersion, Account.name)
            .join(Account, Account.id == StudyVersion.edited_by_id)
            .where(StudyVersion.week_id == week.id)
            .order_by(StudyVersion.version.desc())
        ).all()
    ]


def points(version: StudyVersion) -> list[str]:
    """The key points of a version, in order."""
    return [line for line in version.key_points.split("\n") if line]


def questions(version: StudyVersion) -> list[str]:
    """The questions to reflect on, in order."""
    return [line for line in version.questions.split("\n") if line]


def _safe_link(url: str) -> bool:
    """Links and images may go to the web, mail, a phone number or this site; never
    javascript:, data:, vbscript:, file: or any other scheme."""
    lowered = url.strip().lower()
    match = SCHEME_RE.match(lowered)
    return match is None or match.group(0)[:-1] in SAFE_SCHEMES


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _safe_link
    return md


_MD = _markdown()


def render(markdown: str) -> str:
    """The material's Markdown as HTML that is safe to show: raw HTML is shown as text, and
    links or images with an unsafe address are left as plain text."""
    return _MD.render(markdown or "")

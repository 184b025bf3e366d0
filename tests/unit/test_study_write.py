"""周周讲进家庭, the staff side: writing a week, correcting it with a history of versions, the
staff list; every rule and refusal leaves the database unchanged."""

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import AuditEntry, StudyWeek
from huajin_pwa.services import study
from huajin_pwa.services.errors import DomainError, FormError, NotSignedIn, PermissionDenied
from tests.states.helpers import JUNK, snapshot
from tests.unit import study_support as ss
from tests.unit.study_support import MONDAY, TODAY, form, week, write

fixed_day = ss.fixed_day
pytestmark = pytest.mark.usefixtures("fixed_day")


def refused(error, run, service, *args):
    before = snapshot()
    with pytest.raises(error) as caught:
        run(service, *args)
    assert snapshot() == before
    return caught.value


def audit_actions() -> list[tuple[str, str, int]]:
    with db.transaction() as session:
        rows = session.exec(select(AuditEntry).order_by(AuditEntry.id)).all()
    return [(row.action, row.target_type, row.target_id, row.actor_id) for row in rows]


def test_staff_write_a_week(run, staff):
    made = write(run, staff, publish_on=TODAY)
    row = ss.load(StudyWeek, made.id)
    assert (row.week_of, row.title, row.publish_on, row.version, row.created_by_id) == (
        MONDAY,
        "学习新时代老党员的担当",
        TODAY,
        1,
        staff.account_id,
    )
    week_row, version = run(study.staff_week, staff, made.id)
    assert week_row.id == made.id
    assert (version.version, version.title, version.edited_by_id) == (
        1,
        row.title,
        staff.account_id,
    )
    assert version.body_markdown.startswith("## 本周学习")
    assert study.points(version) == ["从身边小事做起", "关心困难邻居", "按时参加组织生活"]
    assert study.questions(version) == ["您在社区里帮过谁？", "您愿意参加哪支志愿队？"]
    assert ("study_week_written", "study_week", made.id, staff.account_id) in audit_actions()


def test_key_points_and_questions_may_come_as_lists_and_are_tidied(run, staff):
    made = write(
        run, staff, key_points=["  要点 一 ", "", "要点二", "要点三"], questions="\n 问题一 \n\n"
    )
    _week, version = run(study.staff_week, staff, made.id)
    assert version.key_points == "要点 一\n要点二\n要点三"
    assert version.questions == "问题一"


def test_the_edges_of_every_field_are_accepted(run, staff):
    write(
        run, staff, week(-104), publish_on=TODAY + ss.timedelta(days=365), title="两字",
        body="字" * 20, key_points="\n".join(["ab", "c" * 60, "de", "fg", "hi"]),
        questions="\n".join(["问题"] * 4 + ["问" * 100]),
    )  # fmt: skip
    write(run, staff, week(52), title="题" * 40, body="字" * 20000)
    assert run(study.staff_weeks, staff).total == 2


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"week_of": "2026-06-09"}, "week_of", text.Study.WEEK_NOT_MONDAY),
        ({"week_of": "2026-6-8"}, "week_of", text.Study.WEEK_INVALID),
        ({"week_of": "2026-02-30"}, "week_of", text.Study.WEEK_INVALID),
        ({"week_of": week(-105).isoformat()}, "week_of", text.Study.WEEK_RANGE),
        ({"week_of": week(53).isoformat()}, "week_of", text.Study.WEEK_RANGE),
        ({"title": "题"}, "title", text.Study.TITLE_INVALID),
        ({"title": "题" * 41}, "title", text.Study.TITLE_INVALID),
        ({"body": "字" * 19}, "body", text.Study.BODY_INVALID),
        ({"body": "字" * 20001}, "body", text.Study.BODY_INVALID),
        ({"key_points": "一条\n两条"}, "key_points", text.Study.POINTS_COUNT),
        ({"key_points": "\n".join(["要点"] * 6)}, "key_points", text.Study.POINTS_COUNT),
        ({"key_points": "要点\n一\n要点"}, "key_points", text.Study.POINT_INVALID),
        ({"key_points": "要点\n要点\n" + "长" * 61}, "key_points", text.Study.POINT_INVALID),
        ({"questions": " \n "}, "questions", text.Study.QUESTIONS_COUNT),
        ({"questions": "\n".join(["问题"] * 6)}, "questions", text.Study.QUESTIONS_COUNT),
        ({"questions": "问" * 101}, "questions", text.Study.QUESTION_INVALID),
        ({"publish_on": "tomorrow"}, "publish_on", text.Study.PUBLISH_INVALID),
        ({"publish_on": "2028-06-12"}, "publish_on", text.Study.PUBLISH_RANGE),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_written(run, staff, changes, field, message):
    error = refused(FormError, run, study.write_week, staff, {**form(), **changes})
    assert error.errors == {field: message}


def test_junk_in_every_field_is_refused_cleanly(run, staff):
    for junk in JUNK:
        bad = {name: junk for name in form()}
        error = refused(FormError, run, study.write_week, staff, bad)
        assert {"week_of", "key_points", "publish_on"} <= set(error.errors), junk
    for junk in JUNK:  # not even a form
        refused(FormError, run, study.write_week, staff, junk)


def test_a_week_is_written_once(run, staff):
    write(run, staff)
    error = refused(FormError, run, study.write_week, staff, form(title="另一份材料"))
    assert error.errors == {"week_of": text.Study.WEEK_TAKEN}


def test_only_staff_write_edit_and_list(run, staff, secretary, member, admin):
    made = write(run, staff)
    version = 1
    for actor, error in (
        (None, NotSignedIn),
        (member, PermissionDenied),
        (secretary, PermissionDenied),
    ):
        refused(error, run, study.write_week, actor, form(week(1)))
        refused(error, run, study.edit_week, actor, made.id, version, form(title="改过的标题"))
        refused(error, run, study.staff_weeks, actor)
        refused(error, run, study.staff_week, actor, made.id)
        refused(error, run, study.history, actor, made.id)
    assert write(run, admin, week(1)).created_by_id == admin.account_id


# --- edit_week -------------------------------------------------------------------------------


def test_each_save_is_a_new_version_and_the_history_keeps_them_all(run, staff, admin):
    made = write(run, staff)
    run(study.edit_week, staff, made.id, 1, form(title="改过一次", publish_on=week(1)))
    edited = run(study.edit_week, admin, made.id, 2, form(title="改过两次", body="新的正文" * 10))
    assert (edited.version, edited.title, edited.publish_on) == (3, "改过两次", MONDAY)
    assert edited.week_of == MONDAY
    lines = run(study.history, staff, made.id)
    assert [(v.version, v.title, name) for v, name in lines] == [
        (3, "改过两次", "赵志刚"),
        (2, "改过一次", "王敏"),
        (1, "学习新时代老党员的担当", "王敏"),
    ]
    assert lines[0][0].body_markdown == "新的正文" * 10
    _week, current = run(study.staff_week, staff, made.id)
    assert current.version == 3
    audits = [a for a in audit_actions() if a[0] == "study_week_edited"]
    assert audits == [
        ("study_week_edited", "study_week", made.id, staff.account_id),
        ("study_week_edited", "study_week", made.id, admin.account_id),
    ]


def test_the_week_itself_is_not_changed_by_an_edit(run, staff):
    made = write(run, staff)
    edited = run(study.edit_week, staff, made.id, 1, form(week(3), title="标题改了"))
    assert edited.week_of == MONDAY


def test_a_save_on_top_of_a_newer_version_is_refused(run, staff, admin):
    made = write(run, staff)
    run(study.edit_week, admin, made.id, 1, form(title="管理员改的"))
    error = refused(DomainError, run, study.edit_week, staff, made.id, 1, form(title="我改的"))
    assert error.message == text.Study.STALE.format(name="赵志刚", version=2)
    assert run(study.edit_week, staff, made.id, None, form(title="我改的")).version == 3


def test_edits_are_checked_like_a_new_week(run, staff):
    made = write(run, staff)
    error = refused(FormError, run, study.edit_week, staff, made.id, 1, form(title="x", body=""))
    assert error.errors == {"title": text.Study.TITLE_INVALID, "body": text.Study.BODY_INVALID}


@pytest.mark.parametrize("week_id", [None, "1", 0, -1, 999, 2**31, True, [1], {"id": 1}, 1.0])
def test_an_unknown_week_is_refused(run, staff, week_id):
    if week_id is not None and week_id != 999:
        write(run, staff)  # week id 1 exists: only a real int finds it
    for service, args in (
        (study.edit_week, (week_id, 1, form(title="标题改了"))),
        (study.staff_week, (week_id,)),
        (study.history, (week_id,)),
    ):
        error = refused(DomainError, run, service, staff, *args)
        assert error.message == text.Study.UNKNOWN_WEEK


# --- staff_weeks -----------------------------------------------------------------------------


def test_staff_see_every_week_latest_first_a_page_at_a_time(run, staff, engine):
    for n in (-3, 2, 0, -1):
        write(run, staff, week(n), publish_on=week(n))
    found = run(study.staff_weeks, staff)
    assert [row.week_of for row in found.rows] == [week(2), week(0), week(-1), week(-3)]
    assert (found.page, found.pages, found.total) == (1, 1, 4)
    small, _ = ss.count_queries(engine, lambda: run(study.staff_weeks, staff))
    for n in range(-20, -4):
        write(run, staff, week(n))
    big, found = ss.count_queries(engine, lambda: run(study.staff_weeks, staff, 2))
    assert small == big == 2
    assert (len(found.rows), found.page, found.pages, found.total) == (10, 2, 2, 20)

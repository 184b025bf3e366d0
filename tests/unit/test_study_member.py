"""周周讲进家庭, the member's side: the published weeks, reading one in safe HTML, 我已学习,
the study record with its streak, and seeing that a studied week changed."""

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import StudyRecord
from huajin_pwa.services import study, study_member
from huajin_pwa.services.errors import DomainError, NotSignedIn, PermissionDenied
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


def records() -> list[tuple[int, int, str, int]]:
    with db.transaction() as session:
        rows = session.exec(select(StudyRecord).order_by(StudyRecord.id)).all()
    return [(r.member_id, r.week_id, r.how, r.version_seen) for r in rows]


@pytest.fixture
def weeks(run, staff):
    """Weeks -3 to 2 by their offset from this week: -3, -2 and this week are published, -1
    is held back until tomorrow, 1 was published ahead (today) and 2 is published next week."""
    made = {
        -3: write(run, staff, week(-3)),
        -2: write(run, staff, week(-2)),
        -1: write(run, staff, week(-1), publish_on=ss.TODAY + ss.timedelta(days=1)),
        0: write(run, staff, MONDAY, title="本周的材料"),
        1: write(run, staff, week(1), publish_on=TODAY),
        2: write(run, staff, week(2)),
    }
    return made


# --- the list and reading --------------------------------------------------------------------


def test_members_see_published_weeks_this_week_first(run, member, weeks):
    found = run(study_member.member_weeks, member)
    assert [line.week.week_of for line in found.rows] == [MONDAY, week(1), week(-2), week(-3)]
    assert [line.this_week for line in found.rows] == [True, False, False, False]
    assert {line.how for line in found.rows} == {""}
    assert found.total == 4


def test_this_week_is_read_with_its_points_questions_and_safe_html(run, member, weeks):
    reading = run(study_member.current, member)
    assert (reading.week.id, reading.version.version) == (weeks[0].id, 1)
    assert reading.points == ["从身边小事做起", "关心困难邻居", "按时参加组织生活"]
    assert reading.questions == ["您在社区里帮过谁？", "您愿意参加哪支志愿队？"]
    assert "<h2>本周学习</h2>" in reading.html
    assert "<strong>从身边小事做起</strong>" in reading.html
    assert reading.record is None and not reading.changed


def test_without_this_weeks_material_the_latest_published_one_is_current(run, staff, member):
    assert run(study_member.current, member) is None
    write(run, staff, week(-2))
    write(run, staff, MONDAY, publish_on=TODAY + ss.timedelta(days=1))
    assert run(study_member.current, member).week.week_of == week(-2)


def test_a_past_week_is_read_by_its_monday(run, member, weeks):
    reading = run(study_member.read_week, member, week(-3).isoformat())
    assert reading.week.id == weeks[-3].id
    printed = run(study_member.printable, week(-3).isoformat())
    assert printed.html == reading.html and printed.record is None


@pytest.mark.parametrize("key", [*JUNK, "2026-06-09", "2026-06-01", "2026-06-22", "2099-01-05"])
def test_unknown_and_unpublished_weeks_cannot_be_read(run, member, weeks, key):
    error = refused(DomainError, run, study_member.read_week, member, key)
    assert error.message == text.Study.UNKNOWN_WEEK
    refused(DomainError, run, study_member.printable, key)


@pytest.mark.parametrize(
    ("markdown", "forbidden", "kept"),
    [
        ("<script>alert(1)</script> 学习", "<script", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('<img src=x onerror="alert(1)">', "<img", "&lt;img src=x onerror="),
        ('<a href="https://x.cn">外链</a><iframe src="//x"></iframe>', "<iframe", "&lt;iframe"),
        ("[点我](javascript:alert(1))", "href", "[点我](javascript:alert(1))"),
        ("[点我](JaVaScRiPt:alert(1))", "href", "JaVaScRiPt"),
        ("[点我](  vbscript:msgbox)", "href", "vbscript"),
        ("<javascript:alert(1)>", "href", "&lt;javascript:alert(1)&gt;"),
        ("![图](data:image/png;base64,AAAA)", "<img", "data:image/png"),
        ("[点我](data:text/html;base64,PHNjcmlwdD4=)", "href", "data:text/html"),
        ("[点我](java\tscript:alert(1))", "javascript:", "点我"),
        ("[点我][ref]\n\n[ref]: javascript:alert(1)", "href", "点我"),
    ],
)
def test_markdown_is_rendered_safe(markdown, forbidden, kept):
    html = study.render(markdown)
    assert forbidden not in html
    assert kept in html


def test_ordinary_markdown_and_safe_links_render(run):
    html = study.render(
        "# 标题\n\n1. 第一\n2. **第二**\n\n[网站](https://www.gov.cn) [本周](/study/2026-06-08)"
        " [电话](tel:027-88888888)\n\n![图片](/uploads/a.jpg)"
    )
    assert "<h1>标题</h1>" in html and "<ol>" in html and "<strong>第二</strong>" in html
    assert '<a href="https://www.gov.cn">网站</a>' in html
    assert '<a href="/study/2026-06-08">本周</a>' in html
    assert '<a href="tel:027-88888888">电话</a>' in html
    assert '<img src="/uploads/a.jpg" alt="图片" />' in html
    assert study.render("") == ""


# --- 我已学习 --------------------------------------------------------------------------------


def test_a_member_marks_a_week_studied_once(run, member, weeks):
    marked = run(study_member.mark_studied, member, weeks[0].id)
    assert marked.created
    assert marked.message == text.Study.MARKED.format(title="本周的材料")
    assert records() == [(member.account_id, weeks[0].id, "self", 1)]
    again = run(study_member.mark_studied, member, weeks[0].id)
    assert not again.created and again.record.id == marked.record.id
    assert again.message == text.Study.ALREADY.format(title="本周的材料")
    assert len(records()) == 1
    reading = run(study_member.current, member)
    assert reading.record.how == "self"
    line = run(study_member.member_weeks, member).rows[0]
    assert (line.how, line.changed) == ("self", False)


def test_unpublished_and_unknown_weeks_cannot_be_marked(run, member, weeks):
    for week_id in (weeks[-1].id, weeks[2].id):
        error = refused(DomainError, run, study_member.mark_studied, member, week_id)
        assert error.message == text.Study.NOT_PUBLISHED
    not_ids = [junk for junk in JUNK if not (type(junk) is int and junk > 0)]
    for junk in (*not_ids, 999, str(weeks[0].id)):
        error = refused(DomainError, run, study_member.mark_studied, member, junk)
        assert error.message == text.Study.UNKNOWN_WEEK


def test_only_members_study(run, staff, secretary, admin, weeks):
    refusals = [(None, NotSignedIn)] + [(a, PermissionDenied) for a in (staff, secretary, admin)]
    for actor, error in refusals:
        for service, args in (
            (study_member.mark_studied, (weeks[0].id,)),
            (study_member.member_weeks, ()),
            (study_member.current, ()),
            (study_member.read_week, (MONDAY.isoformat(),)),
            (study_member.my_record, ()),
        ):
            found = refused(error, run, service, actor, *args)
            if actor is not None:
                assert found.message == text.Study.MEMBER_ONLY


def test_a_member_sees_that_a_studied_week_changed(run, staff, member, actor_with, weeks):
    other = actor_with(["member"], phone="13700000078", name="黄淑珍")
    run(study_member.mark_studied, member, weeks[0].id)
    run(study.edit_week, staff, weeks[0].id, 1, form(title="本周的材料（更正）"))
    run(study_member.mark_studied, other, weeks[0].id)  # studied the corrected text
    reading = run(study_member.current, member)
    assert reading.changed and reading.version.version == 2
    assert reading.version.title == "本周的材料（更正）"
    assert run(study_member.member_weeks, member).rows[0].changed
    assert not run(study_member.current, other).changed
    assert run(study_member.my_record, member).lines[0].changed
    assert not run(study_member.my_record, other).lines[0].changed
    again = run(study_member.mark_studied, member, weeks[0].id)  # still studied, still v1 seen
    assert not again.created and again.record.version_seen == 1

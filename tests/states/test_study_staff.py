"""The staff study pages: StudyListState (/staff/study), StudyFormState (/staff/study/new and
/staff/study/<id>: write, preview, save, correct, stale saves, pictures) and StudyHistoryState;
signed-out, non-staff and crafted clients refused, nothing half-saved."""

import re

import pytest

from huajin_pwa import db, text
from huajin_pwa.services import study
from huajin_pwa.states.study_staff import StudyHistoryState, StudyListState
from huajin_pwa.states.study_staff_form import SHOW_PREVIEW, StudyFormState
from tests.unit import study_support as ss
from tests.unit.study_support import MONDAY, count_queries, week, write

from .helpers import FOCUS_ERRORS, JUNK, form, redirect_path, script, send, snapshot
from .study_staff_support import EDIT_ROUTE, edit_form, good, new_form, submit, weeks

T = text.StudyStaff
fixed_day = ss.fixed_day
pytestmark = pytest.mark.usefixtures("fixed_day")
NASTY_BODY = (
    "## 第一部分\n\n<script>alert('x')</script> 正文要写够二十个字才可以保存。\n\n"
    "[点这里](javascript:alert(1)) 和 [社区网站](https://example.org)"
)


# --- the list -------------------------------------------------------------------------------


def test_the_list_shows_weeks_latest_first_with_status(client, run, staff):
    write(run, staff, week(-1), title="上一周的材料")
    write(run, staff, week(2), title="提前写好的材料")
    state = client(StudyListState, staff, path="/staff/study")
    send(state, "load")
    assert [row["title"] for row in state.rows] == ["提前写好的材料", "上一周的材料"]
    ahead, past = state.rows
    assert ahead["week"] == "6月22日 周一这一周" and ahead["status"] == "定于6月22日 周一发布"
    assert ahead["tone"] == "plain" and ahead["version"] == "第1版" and ahead["publish"] == ""
    assert past["status"] == T.PUBLISHED and past["tone"] == "ok"
    assert past["publish"] == "发布日期：6月1日 周一"
    assert state.total == 2


def test_the_list_is_paged_at_a_fixed_cost(client, run, staff, engine):
    for n in range(2):
        write(run, staff, week(-n))
    state = client(StudyListState, staff, path="/staff/study")
    few, _ = count_queries(engine, lambda: send(state, "load"))
    for n in range(2, 30):
        write(run, staff, week(-n))
    many, _ = count_queries(engine, lambda: send(state, "load"))
    assert few == many
    assert len(state.rows) == 10 and state.pages == 3
    send(state, "go", delta=1)
    assert state.page == 2 and state.rows[0]["week"] == "3月30日 周一这一周"
    send(state, "go", delta="9")  # junk: stays put
    assert state.page == 2


@pytest.mark.parametrize("who", ["member", "secretary"])
def test_only_staff_see_the_list(client, run, staff, who, request):
    write(run, staff)
    state = client(StudyListState, request.getfixturevalue(who), path="/staff/study")
    assert redirect_path(send(state, "load")) == "/"
    assert state.rows == []
    assert redirect_path(send(client(StudyListState, None), "load")) == "/login"


# --- writing a new week ---------------------------------------------------------------------


def test_a_new_form_starts_at_next_week(client, staff):
    state = new_form(client, staff)
    assert state.ready and not state.editing
    assert state.answers["week_of"] == state.answers["publish_on"] == "2026-06-15"
    assert state.answers["title"] == "" and state.errors == {}


def test_preview_shows_it_as_a_member_would_and_saves_nothing(client, staff):
    state = new_form(client, staff)
    before = snapshot()
    result = submit(state, "preview", **good(body=NASTY_BODY))
    assert snapshot() == before
    assert script(result) == SHOW_PREVIEW
    shown = state.preview
    assert state.previewing and shown.title == "学习新时代老党员的担当"
    assert shown.week == "6月15日 周一这一周"
    assert shown.points == ["从身边小事做起", "关心困难邻居", "按时参加组织生活"]
    assert shown.questions == ["您在社区里帮过谁？", "您愿意参加哪支志愿队？"]
    assert "<h2>第一部分</h2>" in shown.html
    assert "<script>" not in shown.html and "&lt;script&gt;" in shown.html
    assert "javascript:" not in shown.html.replace("(javascript:alert(1))", "")
    assert 'href="javascript' not in shown.html and 'href="https://example.org"' in shown.html
    assert state.answers["body"] == NASTY_BODY  # the form keeps what was typed


def test_an_unknown_button_only_previews(client, staff):
    state = new_form(client, staff)
    before = snapshot()
    for intent in ("", "SAVE", "delete", *JUNK):
        send(state, "submit", form=form(**good()), intent=intent)
    assert snapshot() == before and state.previewing


def test_save_writes_the_week_and_opens_it(client, staff):
    state = new_form(client, staff)
    result = submit(state, "save", **good(body=NASTY_BODY))
    [made] = weeks()
    assert redirect_path(result) == f"/staff/study/{made.id}?saved=1"
    assert (made.week_of, made.version) == (week(1), 1)
    opened = edit_form(client, staff, made.id, "?saved=1")
    assert opened.notice == T.SAVED_NEW.format(title="学习新时代老党员的担当")
    assert opened.answers["body"] == NASTY_BODY


def test_bad_answers_are_shown_by_their_fields_and_kept(client, staff):
    state = new_form(client, staff)
    before = snapshot()
    answers = good(title="", key_points="只有一条", week_of="2026-06-16", body="太短")
    result = submit(state, "save", **answers)
    assert snapshot() == before
    assert script(result) == FOCUS_ERRORS
    assert state.errors == {
        "week_of": text.Study.WEEK_NOT_MONDAY,
        "title": text.Study.TITLE_INVALID,
        "body": text.Study.BODY_INVALID,
        "key_points": text.Study.POINTS_COUNT,
    }
    assert ["title", text.Study.TITLE_INVALID] in state.error_list
    assert state.answers == {name: answers[name] for name in state.answers}
    assert state.ready


def test_a_week_already_written_is_refused(client, run, staff):
    write(run, staff, week(1))
    state = new_form(client, staff)
    before = snapshot()
    submit(state, "save", **good())
    assert state.errors == {"week_of": text.Study.WEEK_TAKEN} and snapshot() == before


@pytest.mark.parametrize("junk", JUNK)
def test_junk_forms_are_refused_without_harm(client, staff, junk):
    state = new_form(client, staff)
    before = snapshot()
    send(state, "submit", form=junk, intent="save")
    assert snapshot() == before and state.errors  # every field asked for again


@pytest.mark.parametrize("who", ["member", "secretary", None])
def test_only_staff_write(client, staff, who, request):
    actor = request.getfixturevalue(who) if who else None
    state = client(StudyFormState, actor, path="/staff/study/new")
    assert redirect_path(send(state, "load_new")) == ("/" if who else "/login")
    assert not state.ready
    state.ready = True  # a crafted client skips the page and sends the form
    before = snapshot()
    result = submit(state, "save", **good())
    assert redirect_path(result) == ("/" if who else "/login") and snapshot() == before


# --- correcting a week ----------------------------------------------------------------------


@pytest.fixture
def week_id(run, staff):
    return write(run, staff, MONDAY, body=NASTY_BODY).id


def test_the_edit_form_holds_the_current_text(client, staff, week_id):
    state = edit_form(client, staff, week_id)
    assert state.ready and state.editing and state.week_id == str(week_id)
    assert state.answers["body"] == NASTY_BODY and state.answers["week_of"] == "2026-06-08"
    assert state.week_text == T.WEEK_FIXED.format(week="6月8日 周一这一周")
    assert re.fullmatch(
        r"您正在修改第1版（王敏，\d+月\d+日 周. \d\d:\d\d保存）。", state.editing_note
    )
    assert state.published  # published on its Monday, before today


def test_saving_a_correction_makes_version_2(client, staff, week_id):
    state = edit_form(client, staff, week_id)
    submit(state, "save", **good(week_of="2030-01-07", title="改过的标题"))
    assert state.notice == T.SAVED_EDIT.format(version=2) and not state.notice_warn
    [row] = weeks()
    assert (row.version, row.title, row.week_of) == (2, "改过的标题", MONDAY)  # week stays
    assert state.answers["title"] == "改过的标题" and "第2版" in state.editing_note
    with db.transaction() as session:
        saved = study.history(session, staff, week_id)
    assert [version.version for version, _name in saved] == [2, 1]


def test_a_stale_save_is_refused_and_the_newest_text_shown(client, staff, admin, week_id):
    mine = edit_form(client, staff, week_id)
    theirs = edit_form(client, admin, week_id)
    submit(theirs, "save", **good(title="赵志刚先改的"))
    before = snapshot()
    form_key = mine.form_key
    submit(mine, "save", **good(title="王敏后改的"))
    assert snapshot() == before
    stale = text.Study.STALE.format(name="赵志刚", version=2)
    assert mine.notice == stale + T.STALE_RELOADED and mine.notice_warn
    assert mine.answers["title"] == "赵志刚先改的" and mine.form_key == form_key + 1
    submit(mine, "save", **good(title="王敏在新版上改"))  # on the newest text: it saves
    assert weeks()[0].version == 3


def test_bad_answers_on_a_correction_are_kept(client, staff, week_id):
    state = edit_form(client, staff, week_id)
    before = snapshot()
    submit(state, "save", **good(questions="", title="新标题"))
    assert snapshot() == before
    assert state.errors == {"questions": text.Study.QUESTIONS_COUNT}
    assert state.answers["title"] == "新标题"


@pytest.mark.parametrize("raw", ["999", "0", "abc", "-1", "9" * 40, "١"])
def test_an_unknown_week_says_so(client, staff, week_id, raw):
    state = client(
        StudyFormState, staff, path=f"/staff/study/{raw}", route=EDIT_ROUTE, params={"week_id": raw}
    )
    send(state, "load_edit")
    assert not state.ready and state.notice == text.Study.UNKNOWN_WEEK
    before = snapshot()
    submit(state, "save", **good())
    assert snapshot() == before


# --- the history ----------------------------------------------------------------------------


def test_the_history_lists_every_version_newest_first(client, run, staff, admin, week_id):
    run(study.edit_week, admin, week_id, 1, ss.form(MONDAY, title="第二版的标题"))
    state = client(
        StudyHistoryState,
        staff,
        path=f"/staff/study/{week_id}/history",
        route=EDIT_ROUTE + "/history",
        params={"week_id": str(week_id)},
    )
    send(state, "load")
    assert state.found and state.title == "第二版的标题" and state.week == "6月8日 周一这一周"
    second, first = state.versions
    assert (second.label, second.current, first.label, first.current) == (
        "第2版",
        True,
        "第1版",
        False,
    )
    assert second.by.startswith("赵志刚，") and first.by.startswith("王敏，")
    assert first.material.title == "学习新时代老党员的担当"
    assert "&lt;script&gt;" in first.material.html and "<script>" not in first.material.html
    assert first.material.points == ["从身边小事做起", "关心困难邻居", "按时参加组织生活"]


@pytest.mark.parametrize("who", ["member", "secretary", None])
def test_only_staff_see_the_history(client, week_id, who, request):
    actor = request.getfixturevalue(who) if who else None
    state = client(
        StudyHistoryState,
        actor,
        path=f"/staff/study/{week_id}/history",
        route=EDIT_ROUTE + "/history",
        params={"week_id": str(week_id)},
    )
    assert redirect_path(send(state, "load")) == ("/" if who else "/login")
    assert state.versions == [] and not state.found


def test_the_history_of_an_unknown_week(client, staff):
    state = client(
        StudyHistoryState, staff, path="/x", route=EDIT_ROUTE + "/history", params={"week_id": "x"}
    )
    send(state, "load")
    assert not state.found and state.notice == text.Study.UNKNOWN_WEEK

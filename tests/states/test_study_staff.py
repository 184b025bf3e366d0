"""The staff study pages: StudyListState (/staff/study), StudyFormState (/staff/study/new and
/staff/study/<id>: write, preview, save, correct, stale saves, pictures) and StudyHistoryState;
signed-out, non-staff and crafted clients refused, nothing half-saved."""

import json
import re
from io import BytesIO
from pathlib import Path

import pytest
import reflex as rx
from PIL import Image
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import StudyImage, StudyVersion, StudyWeek
from huajin_pwa.services import study, study_images
from huajin_pwa.states.study_staff import StudyHistoryState, StudyListState
from huajin_pwa.states.study_staff_form import SHOW_PREVIEW, StudyFormState
from tests.unit import study_support as ss
from tests.unit.study_support import MONDAY, count_queries, week, write

from .helpers import FOCUS_ERRORS, JUNK, form, redirect_path, run_async, script, send, snapshot

T = text.StudyStaff
fixed_day = ss.fixed_day
pytestmark = pytest.mark.usefixtures("fixed_day")
EDIT_ROUTE = "/staff/study/[week_id]"
NASTY_BODY = (
    "## 第一部分\n\n<script>alert('x')</script> 正文要写够二十个字才可以保存。\n\n"
    "[点这里](javascript:alert(1)) 和 [社区网站](https://example.org)"
)


def good(**changes) -> dict[str, str]:
    return {**ss.form(week(1)), **changes}


def new_form(client, who) -> StudyFormState:
    state = client(StudyFormState, who, path="/staff/study/new")
    send(state, "load_new")
    return state


def edit_form(client, who, week_id, query: str = "") -> StudyFormState:
    state = client(
        StudyFormState,
        who,
        path=f"/staff/study/{week_id}{query}",
        route=EDIT_ROUTE,
        params={"week_id": str(week_id)},
    )
    send(state, "load_edit")
    return state


def submit(state, intent: str, **fields):
    return send(state, "submit", form=form(**fields), intent=intent)


def weeks() -> list[StudyWeek]:
    with db.transaction() as session:
        return list(session.exec(select(StudyWeek).order_by(StudyWeek.id)).all())


def png(colour=(10, 120, 30)) -> bytes:
    out = BytesIO()
    Image.new("RGB", (6, 4), colour).save(out, format="PNG")
    return out.getvalue()


def upload(state, *files: tuple[str, bytes]):
    handler = type(state).event_handlers["upload_image"]
    chosen = [rx.UploadFile(file=BytesIO(data), path=Path(name)) for name, data in files]
    return run_async(handler.fn(state, files=chosen))


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


# --- pictures -------------------------------------------------------------------------------


def test_a_picture_is_stored_and_its_line_added_to_the_body(client, staff):
    state = new_form(client, staff)
    result = upload(state, ("花.png", png()))
    with db.transaction() as session:
        [image] = session.exec(select(StudyImage)).all()
    assert state.image_note == T.IMAGE_ADDED and "image" not in state.errors
    assert json.dumps(f"![图片说明](/study/image/{image.id})") in script(result)
    assert "f-body" in script(result)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([("a.jpg", "不是图片的文字".encode())], T.IMAGE_NOT_PICTURE),
        ([("a.png", png() + b"\0" * (5 * 1024 * 1024))], T.IMAGE_TOO_BIG),
        ([("a.png", png()), ("b.png", png((1, 2, 3)))], T.IMAGE_ONE),
    ],
)
def test_refused_pictures_are_explained_by_the_field(client, staff, files, message):
    state = new_form(client, staff)
    before = snapshot()
    assert upload(state, *files) is None
    assert state.errors == {"image": message} and state.image_note == ""
    assert snapshot() == before


def test_no_file_changes_nothing(client, staff):
    """The browser refused the file itself (upload_refused explains): nothing to do here."""
    state = new_form(client, staff)
    send(state, "upload_refused", codes=[])
    before = snapshot()
    assert upload(state) is None
    assert state.errors == {"image": T.IMAGE_NOT_PICTURE} and snapshot() == before


def test_junk_instead_of_files(client, staff):
    state = new_form(client, staff)
    handler = type(state).event_handlers["upload_image"]
    before = snapshot()
    for junk in JUNK:
        run_async(handler.fn(state, files=junk))
        assert state.errors["image"] in (T.IMAGE_ONE, T.IMAGE_NOT_PICTURE)
    assert snapshot() == before


def test_only_staff_upload_pictures(client, member):
    state = client(StudyFormState, member, path="/staff/study/new")
    before = snapshot()
    assert redirect_path(upload(state, ("a.png", png()))) == "/"
    assert snapshot() == before


def test_the_phone_refusing_a_file_is_explained(client, staff):
    state = new_form(client, staff)
    send(state, "upload_refused", codes=["file-too-large"])
    assert state.errors == {"image": T.IMAGE_TOO_BIG}
    send(state, "upload_refused", codes=["file-invalid-type"])
    assert state.errors == {"image": T.IMAGE_NOT_PICTURE}
    send(state, "upload_refused", codes=["too-many-files", "file-too-large"])
    assert state.errors == {"image": T.IMAGE_ONE}
    for junk in [*JUNK, [{"errors": 5}], [5, None]]:
        send(state, "upload_refused", codes=junk)
        assert state.errors == {"image": T.IMAGE_NOT_PICTURE}


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


def test_markdown_for_matches_the_route(run, staff):
    image = run(study_images.upload_image, staff, "a.png", png())
    assert study_images.markdown_for(image).endswith(f"(/study/image/{image.id})")
    with db.transaction() as session:
        assert session.exec(select(StudyVersion)).all() == []

"""学习心得 pages: ReflectState (/study/<week>/reflect, the member) and ReflectionsState
(/secretary/reflections, the grid secretary); bad text, replies, stale pages, other grids,
members, signed-out and crafted clients."""

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Message, StudyReflection
from huajin_pwa.services import reflections
from huajin_pwa.states.reflection_member import ReflectState
from huajin_pwa.states.reflections import ReflectionsState
from tests.unit.study_support import MONDAY, week, write

from . import secretary_visit_support as support
from .helpers import FOCUS_ERRORS, JUNK, form, redirect_path, script, send, snapshot

people = support.people
T = text.Reflection
THIS_WEEK = MONDAY.isoformat()
TEXT = "这周学了“从身边小事做起”，我打算每周去看看楼下的独居老人。"


@pytest.fixture
def weeks(run, people):
    return [
        write(run, people.staff, MONDAY, title="从身边小事做起"),
        write(run, people.staff, week(1)),
    ]


def on_reflect(client, who, day: str = THIS_WEEK) -> ReflectState:
    """A browser on /study/<day>/reflect, the page loaded."""
    state = client(
        ReflectState,
        who,
        path=f"/study/{day}/reflect",
        route="/study/[week]/reflect",
        params={"week": day},
    )
    send(state, "load")
    return state


def on_list(client, who, query: str = "") -> ReflectionsState:
    """A browser on /secretary/reflections, the page loaded."""
    state = client(ReflectionsState, who, path="/secretary/reflections" + query)
    send(state, "load")
    return state


def saved() -> list[StudyReflection]:
    with db.transaction() as session:
        return list(session.exec(select(StudyReflection)).all())


def told(account_id: int) -> list[Message]:
    with db.transaction() as session:
        found = session.exec(select(Message).where(Message.account_id == account_id)).all()
    return [message for message in found if message.link.endswith("/reflect")]


@pytest.fixture
def written(run, people, weeks) -> int:
    return run(reflections.write, people.member, THIS_WEEK, TEXT)[0].id


# --- the member's page -------------------------------------------------------------------------


def test_the_page_shows_the_week_its_questions_and_an_empty_box(client, people, weeks):
    state = on_reflect(client, people.member_token)
    assert state.found and state.ready and state.blocked_to == ""
    assert state.week_line == "6月8日 周一这一周：从身边小事做起"
    assert state.questions == ["您在社区里帮过谁？", "您愿意参加哪支志愿队？"]
    assert state.show_form and not state.has_mine and state.back_href == f"/study/{THIS_WEEK}"
    assert state.count_text == "已写 0 / 2000 字"


def test_a_member_writes_and_sees_it_waiting(client, people, weeks):
    state = on_reflect(client, people.member_token)
    result = send(state, "submit", form=form(body=f"  {TEXT}\n"))
    assert script(result) and "reflect-told" in script(result)
    [row] = saved()
    assert (row.body, row.member_id, row.status) == (TEXT, people.member.account_id, "waiting")
    assert state.told == T.SENT and not state.told_warn and state.errors == {}
    assert state.has_mine and not state.show_form and state.can_edit
    assert (state.status_label, state.status_tone, state.body) == ("等待书记回复", "warn", TEXT)
    assert state.reply_by == "" and state.count_text == f"已写 {len(TEXT)} / 2000 字"


@pytest.mark.parametrize(
    ("body", "message"),
    [("", T.EMPTY), ("  \n ", T.EMPTY), ("心" * 2001, "学习心得最多写2000个字，现在是2001个字")],
)
def test_bad_text_is_refused_next_to_the_box_and_kept(client, people, weeks, body, message):
    state = on_reflect(client, people.member_token)
    before = snapshot()
    assert script(send(state, "submit", form=form(body=body))) == FOCUS_ERRORS
    assert snapshot() == before
    assert state.errors == {"body": message} and state.error_list == [["body", message]]
    assert state.draft == body and state.show_form and not state.has_mine
    if len(body) > 2000:
        assert state.count_text == "已写 2001 / 2000 字，多了 1 字"


def test_changing_it_while_it_waits(client, people, written):
    state = on_reflect(client, people.member_token)
    assert state.has_mine and not state.show_form
    send(state, "start_edit")
    assert state.editing and state.show_form and state.draft == TEXT
    send(state, "submit", form=form(body=TEXT))
    assert state.told == T.UNCHANGED and not state.editing
    send(state, "start_edit")
    send(state, "submit", form=form(body="补一句：" + TEXT))
    assert state.told == T.SAVED and state.body == "补一句：" + TEXT
    assert [row.version for row in saved()] == [2]
    send(state, "start_edit")
    send(state, "stop_edit")
    assert not state.editing and not state.show_form


def test_after_the_reply_the_member_sees_it_and_cannot_change_it(client, run, people, written):
    run(reflections.reply, people.secretary, written, 1, "comment", "写得实在，谢谢您")
    state = on_reflect(client, people.member_token)
    assert (state.status_label, state.status_tone) == ("书记已回复", "ok")
    assert state.reply == "写得实在，谢谢您" and state.reply_by.startswith("—— 李建华书记，")
    assert not state.can_edit and not state.show_form
    send(state, "start_edit")
    assert not state.editing
    before = snapshot()
    send(state, "submit", form=form(body="想改一改"))  # a crafted client
    assert snapshot() == before
    assert state.told == T.ALREADY_REPLIED and state.told_warn and state.reply != ""


def test_an_acknowledgement_says_who_read_it(client, run, people, written):
    run(reflections.reply, people.colleague, written, 1, "ack", "")
    state = on_reflect(client, people.member_token)
    assert state.status_label == "书记已阅" and state.reply == ""
    assert state.reply_by.startswith("何春梅书记已阅（")


@pytest.mark.parametrize("day", [week(1).isoformat(), "2026-06-09", "x" * 50, "../me"])
def test_unknown_and_unpublished_weeks_say_so(client, people, weeks, day):
    state = on_reflect(client, people.member_token, day)
    assert not state.found and state.problem == text.Study.UNKNOWN_WEEK
    assert state.back_href == "/study"
    before = snapshot()
    send(state, "submit", form=form(body=TEXT))
    assert snapshot() == before


def test_who_may_not_write(client, people, weeks, resident):
    state = client(ReflectState, None, path=f"/study/{THIS_WEEK}/reflect")
    assert redirect_path(send(state, "load")) == "/login"
    assert redirect_path(send(state, "submit", form=form(body=TEXT))) == "/login"
    for who, where in ((people.secretary, "join"), (resident.token, "me")):
        state = on_reflect(client, who)
        assert state.blocked_to == where and not state.found
        before = snapshot()
        send(state, "submit", form=form(body=TEXT))
        assert snapshot() == before and saved() == []


def test_junk_from_a_crafted_client_changes_nothing(client, people, weeks):
    state = on_reflect(client, people.member_token)
    for junk in JUNK:
        before = snapshot()
        send(state, "submit", form=junk)
        assert snapshot() == before and state.errors == {"body": T.EMPTY}


# --- the secretary's page ----------------------------------------------------------------------


def test_the_secretary_sees_the_waiting_reflections(client, people, written):
    state = on_list(client, people.secretary)
    assert state.allowed and state.show == "waiting" and state.n_reflections == 1
    [row] = state.rows
    assert (row["name"], row["phone"], row["body"]) == ("王秀兰", "13700000031", TEXT)
    assert row["week"] == "学习材料：从身边小事做起（6月8日 周一这一周）"
    assert (row["status"], row["waiting"], row["reply"]) == ("等待书记回复", "1", "")


def test_acknowledging_shows_it_in_place_and_tells_the_member(client, people, written):
    state = on_list(client, people.secretary)
    send(state, "acknowledge", reflection_id=str(written))
    [row] = state.rows
    assert (row["status"], row["waiting"], row["tone"]) == ("书记已阅", "", "ok")
    assert row["replied"].startswith("李建华已回复")
    assert state.flash == T.ACKED.format(name="王秀兰") and state.n_reflections == 0
    assert [m.title for m in told(people.member.account_id)] == [T.ACK_TITLE]


def test_a_comment_is_sent_and_shown(client, people, written):
    state = on_list(client, people.secretary)
    send(state, "comment", form=form(id=str(written), comment="写得好，继续坚持"))
    assert state.rows[0]["reply"] == "回复：写得好，继续坚持"
    assert saved()[0].reply == "写得好，继续坚持" and state.flash == T.REPLIED.format(name="王秀兰")
    assert on_list(client, people.secretary).rows == []
    assert on_list(client, people.secretary, "?show=all").rows[0]["status"] == "书记已回复"


@pytest.mark.parametrize("comment", ["", "好", "好" * 501])
def test_a_bad_comment_is_refused_next_to_its_box(client, people, written, comment):
    state = on_list(client, people.secretary)
    before = snapshot()
    result = send(state, "comment", form=form(id=str(written), comment=comment))
    assert script(result) == FOCUS_ERRORS and snapshot() == before
    assert state.errors == {f"comment-{written}": T.COMMENT_INVALID}
    assert state.rows[0]["waiting"] == "1"


def test_a_stale_page_says_who_replied_and_reloads(client, people, written):
    mine = on_list(client, people.secretary)
    other = on_list(client, people.colleague)
    send(other, "acknowledge", reflection_id=str(written))
    before = snapshot()
    send(mine, "comment", form=form(id=str(written), comment="写得好"))
    assert snapshot() == before
    assert mine.flash == "这篇心得刚刚已由何春梅回复（书记已阅），不用再回复了。"
    assert mine.rows == [] and mine.n_reflections == 0


def test_other_grids_members_and_the_signed_out_are_refused(client, people, written):
    stranger = on_list(client, people.stranger)
    assert stranger.rows == []
    before = snapshot()
    send(stranger, "acknowledge", reflection_id=str(written))
    assert snapshot() == before and stranger.flash == text.VisitWork.NOT_YOUR_GRID
    member = client(ReflectionsState, people.member_token, path="/secretary/reflections")
    assert redirect_path(send(member, "load")) == "/"
    assert redirect_path(send(member, "acknowledge", reflection_id=str(written))) == "/"
    nobody = client(ReflectionsState, None, path="/secretary/reflections")
    assert redirect_path(send(nobody, "comment", form=form(id=str(written), comment="好的好的")))
    assert snapshot() == before


def test_staff_see_and_reply_in_any_grid(client, people, written):
    state = on_list(client, people.staff, "?show=all")
    assert state.show == "all" and [row["name"] for row in state.rows] == ["王秀兰"]
    send(state, "acknowledge", reflection_id=written)
    assert saved()[0].replied_by_id == people.staff.account_id


def test_junk_ids_and_forms_change_nothing(client, people, written):
    state = on_list(client, people.secretary)
    before = snapshot()
    for junk in [*JUNK, "0", "999999"]:
        send(state, "acknowledge", reflection_id=junk)
        send(state, "comment", form=junk)
        send(state, "comment", form=form(id=junk, comment="写得很好"))
    assert snapshot() == before and state.rows[0]["waiting"] == "1"

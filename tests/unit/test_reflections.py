"""学习心得, the member's side and the rules of a reply: writing, rewriting while it waits,
every refusal (nothing changed), the secretary's 已阅 and 回复, stale pages and messages."""

import pytest

from huajin_pwa import text
from huajin_pwa.services import reflections
from huajin_pwa.services.errors import DomainError, FormError, NotSignedIn, PermissionDenied
from tests.unit import reflection_support as rs
from tests.unit import visit_support as vs
from tests.unit.reflection_support import LAST_WEEK, NEXT_WEEK, TEXT, THIS_WEEK, load, reflect
from tests.unit.visit_support import JUNK, refused

T = text.Reflection
world = rs.world
weeks = rs.weeks


def replies_to(member) -> list:
    """The messages about reflections in the member's inbox."""
    return [m for m in vs.messages_to(member.account_id) if m.link.endswith("/reflect")]


def body_error(run, actor, body, day=THIS_WEEK) -> str:
    return refused(FormError, run, reflections.write, actor, day, body).errors["body"]


# --- writing -----------------------------------------------------------------------------------


def test_a_member_writes_a_reflection_for_the_branch(run, world, weeks):
    made, created = reflect(run, world.member, body=f"  \n{TEXT}\n  ")
    assert created
    row = load(made.id)
    assert (row.member_id, row.week_id, row.grid_id) == (
        world.member.account_id,
        weeks[0].id,
        world.grid1,
    )
    assert (row.body, row.status, row.reply, row.version) == (TEXT, "waiting", "", 1)
    for secretary in (world.secretary, world.colleague):
        [told] = vs.messages_to(secretary.account_id, T.NEW_TITLE)
        assert told.body == T.NEW_BODY.format(name="周凤兰", title="从身边小事做起")
        assert told.link == "/secretary/reflections"
    assert vs.messages_to(world.other_secretary.account_id, T.NEW_TITLE) == []
    assert replies_to(world.member) == []


def test_a_past_published_week_may_be_reflected_on(run, world, weeks):
    made, _ = reflect(run, world.member, LAST_WEEK)
    assert load(made.id).week_id == weeks[-1].id


def test_the_longest_reflection_is_kept_whole(run, world, weeks):
    made, _ = reflect(run, world.member, body="心" * 2000)
    assert load(made.id).body == "心" * 2000


def test_line_breaks_are_kept_and_windows_ones_count_once(run, world, weeks):
    made, _ = reflect(run, world.member, body="第一段\r\n第二段")
    assert load(made.id).body == "第一段\n第二段"


@pytest.mark.parametrize("body", ["", "   ", "\n\t \u3000", None, [], {"a": 1}])
def test_an_empty_reflection_is_refused(run, world, weeks, body):
    assert body_error(run, world.member, body) == T.EMPTY


def test_a_reflection_over_2000_characters_is_refused_with_its_length(run, world, weeks):
    assert body_error(run, world.member, "心" * 2001) == "学习心得最多写2000个字，现在是2001个字"
    assert body_error(run, world.member, "好" * 2345) == T.TOO_LONG.format(count=2345)


@pytest.mark.parametrize("day", [NEXT_WEEK, "2026-06-09", "2020-01-06", "junk", "", *JUNK])
def test_unpublished_and_unknown_weeks_are_refused(run, world, weeks, day):
    error = refused(DomainError, run, reflections.write, world.member, day, TEXT)
    assert error.message == text.Study.UNKNOWN_WEEK


def test_only_a_member_with_an_approved_disclosure_may_write(run, world, weeks, actor_with):
    refused(NotSignedIn, run, reflections.write, None, THIS_WEEK, TEXT)
    for outsider in (world.secretary, world.staff):
        refused(PermissionDenied, run, reflections.write, outsider, THIS_WEEK, TEXT)
    undisclosed = actor_with(["member"], phone="13700000099")
    error = refused(PermissionDenied, run, reflections.write, undisclosed, THIS_WEEK, TEXT)
    assert error.message == T.NOT_DISCLOSED


def test_rewriting_while_it_waits_changes_the_one_reflection(run, world, weeks):
    first, _ = reflect(run, world.member)
    again, created = reflect(run, world.member, body="改一改：" + TEXT)
    assert (again.id, created) == (first.id, False)
    row = load(first.id)
    assert (row.body, row.version, row.status) == ("改一改：" + TEXT, 2, "waiting")
    assert len(rs.rows()) == 1
    assert len(vs.messages_to(world.secretary.account_id, T.NEW_TITLE)) == 1  # told once
    reflect(run, world.member, body="改一改：" + TEXT)  # the same text: nothing to change
    assert load(first.id).version == 2


def test_a_bad_rewrite_keeps_the_first_text(run, world, weeks):
    first, _ = reflect(run, world.member)
    assert body_error(run, world.member, " ") == T.EMPTY
    assert load(first.id).body == TEXT


@pytest.mark.parametrize("action", ["ack", "comment"])
def test_once_the_secretary_replied_it_can_no_longer_be_changed(run, world, weeks, action):
    made, _ = reflect(run, world.member)
    run(reflections.reply, world.secretary, made.id, 1, action, "写得很实在，谢谢您")
    error = refused(DomainError, run, reflections.write, world.member, THIS_WEEK, "新的内容")
    assert error.message == T.ALREADY_REPLIED


def test_two_taps_at_once_make_one_reflection(run, world, weeks, monkeypatch):
    """Both taps find no reflection before either saves: the unique (member, week) lets one in
    and the other rewrites the one that won."""
    real = reflections._mine
    calls = []

    def second_tap_sees_nothing(session, member_id, week_id):
        calls.append(member_id)
        return None if len(calls) == 1 else real(session, member_id, week_id)

    first, _ = reflect(run, world.member)
    monkeypatch.setattr(reflections, "_mine", second_tap_sees_nothing)
    second, created = reflect(run, world.member, body="第二次点：" + TEXT)
    assert (second.id, created) == (first.id, False) and len(calls) == 2
    assert [row.body for row in rs.rows()] == ["第二次点：" + TEXT]


def test_mine_is_the_members_reflection_with_who_replied(run, world, weeks):
    assert run(reflections.mine, world.member, THIS_WEEK) is None
    made, _ = reflect(run, world.member)
    found = run(reflections.mine, world.member, THIS_WEEK)
    assert (found.reflection.id, found.replied_by) == (made.id, "")
    assert run(reflections.mine, world.neighbour, THIS_WEEK) is None
    assert run(reflections.mine, world.member, LAST_WEEK) is None
    run(reflections.reply, world.colleague, made.id, 1, "comment", "写得好")
    found = run(reflections.mine, world.member, THIS_WEEK)
    assert (found.reflection.status, found.reflection.reply) == ("commented", "写得好")
    assert found.replied_by == "何春梅"
    refused(DomainError, run, reflections.mine, world.member, NEXT_WEEK)
    refused(PermissionDenied, run, reflections.mine, world.secretary, THIS_WEEK)


# --- replying ----------------------------------------------------------------------------------


@pytest.fixture
def written(run, world, weeks) -> int:
    return reflect(run, world.member)[0].id


def test_the_secretary_comments_and_the_member_is_told(run, world, written):
    done = run(reflections.reply, world.secretary, written, 1, "comment", "  写得很实在，谢谢您  ")
    row = load(written)
    assert (done.id, row.status, row.reply, row.version) == (
        written,
        "commented",
        "写得很实在，谢谢您",
        2,
    )
    assert row.replied_by_id == world.secretary.account_id and row.replied_at is not None
    [told] = replies_to(world.member)
    assert told.title == T.COMMENT_TITLE and told.link == f"/study/{THIS_WEEK}/reflect"
    assert told.body == "李建华书记回复您写的“从身边小事做起”学习心得：写得很实在，谢谢您"
    assert [e.actor_id for e in vs.audits("reflection_commented")] == [world.secretary.account_id]
    assert vs.audits("reflection_commented")[0].target_id == written


@pytest.mark.parametrize(("note", "body"), [("", T.ACK_BODY), ("继续保持", T.ACK_BODY_NOTE)])
def test_the_secretary_acknowledges_with_or_without_a_note(run, world, written, note, body):
    run(reflections.reply, world.secretary, written, 1, "ack", note)
    row = load(written)
    assert (row.status, row.reply) == ("acknowledged", note)
    [told] = replies_to(world.member)
    assert told.title == T.ACK_TITLE
    assert told.body == body.format(name="李建华", title="从身边小事做起", reply=note)
    assert len(vs.audits("reflection_acknowledged")) == 1


def test_staff_may_reply_in_any_grid(run, world, written):
    run(reflections.reply, world.staff, written, 1, "ack", "")
    assert load(written).replied_by_id == world.staff.account_id


@pytest.mark.parametrize(
    ("action", "comment", "message"),
    [
        ("comment", "", T.COMMENT_INVALID),
        ("comment", " 好 ", T.COMMENT_INVALID),
        ("comment", "好" * 501, T.COMMENT_INVALID),
        ("comment", None, T.COMMENT_INVALID),
        ("ack", "好" * 501, T.ACK_NOTE_LONG),
    ],
)
def test_a_bad_comment_is_refused(run, world, written, action, comment, message):
    error = refused(FormError, run, reflections.reply, world.secretary, written, 1, action, comment)
    assert error.errors == {"comment": message}


def test_the_longest_comment_is_kept(run, world, written):
    run(reflections.reply, world.secretary, written, 1, "comment", "好" * 500)
    assert load(written).reply == "好" * 500


@pytest.mark.parametrize("action", ["delete", "", "ACK", None, *JUNK])
def test_an_unknown_action_is_refused(run, world, written, action):
    error = refused(
        DomainError, run, reflections.reply, world.secretary, written, 1, action, "好的"
    )
    assert error.message == T.UNKNOWN_ACTION


def test_a_secretary_of_another_grid_is_refused(run, world, written):
    error = refused(
        PermissionDenied, run, reflections.reply, world.other_secretary, written, 1, "ack", ""
    )
    assert error.message == text.VisitWork.NOT_YOUR_GRID


def test_members_and_the_signed_out_may_not_reply(run, world, written):
    for who in (world.member, world.neighbour):
        refused(PermissionDenied, run, reflections.reply, who, written, 1, "ack", "")
    refused(NotSignedIn, run, reflections.reply, None, written, 1, "ack", "")


def test_a_crafted_reflection_id_is_not_found(run, world, written):
    for junk in (*JUNK, 0, 999_999, str(written)):
        error = refused(DomainError, run, reflections.reply, world.secretary, junk, 1, "ack", "")
        assert error.message == text.Err.NOT_FOUND


def test_a_stale_page_is_told_who_replied(run, world, written):
    run(reflections.reply, world.colleague, written, 1, "ack", "")
    for version in (1, 2, None):
        error = refused(
            DomainError,
            run,
            reflections.reply,
            world.secretary,
            written,
            version,
            "comment",
            "好的",
        )
        assert error.message == "这篇心得刚刚已由何春梅回复（书记已阅），不用再回复了。"
    assert len(replies_to(world.member)) == 1


def test_a_reply_to_text_the_member_has_since_changed_is_refused(run, world, written):
    reflect(run, world.member, body="我又想了想：" + TEXT)
    error = refused(DomainError, run, reflections.reply, world.secretary, written, 1, "ack", "")
    assert error.message == T.EDITED.format(name="周凤兰")
    run(reflections.reply, world.secretary, written, 2, "ack", "")  # the page as it is now
    assert load(written).status == "acknowledged"

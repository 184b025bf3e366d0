"""InboxState (messages), MeState (我的, withdrawing) and HomeState (the person's own home)."""

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Disclosure, Message
from huajin_pwa.services import approval, inbox
from huajin_pwa.states.home import HomeState
from huajin_pwa.states.inbox import InboxState
from huajin_pwa.states.me import MeState

from .helpers import JUNK, redirect_path, send, snapshot


def messages_of(account_id: int) -> list[Message]:
    with db.transaction() as session:
        query = select(Message).where(Message.account_id == account_id).order_by(Message.id)
        return list(session.exec(query).all())


def status_of(disclosure_id: int) -> str:
    with db.transaction() as session:
        return session.get(Disclosure, disclosure_id).status


@pytest.fixture
def letters(member):
    """Three messages to the member, sent in that order."""
    with db.transaction() as session:
        for n in (1, 2, 3):
            inbox.send(session, member.account_id, f"通知{n}", f"内容{n}", "/me")
    return [m.id for m in messages_of(member.account_id)]


# --- InboxState -----------------------------------------------------------------------------


def test_the_inbox_lists_own_messages_newest_first(client, member, letters, pending):
    state = client(InboxState, member)
    assert send(state, "load") is None
    assert [row["title"] for row in state.rows] == ["通知3", "通知2", "通知1"]
    assert state.unread == 3 and all(row["unread"] == "1" for row in state.rows)


def test_mark_read_marks_one_own_message(client, member, letters):
    state = client(InboxState, member)
    send(state, "load")
    send(state, "mark_read", message_id=str(letters[0]))
    assert [m.read_at is not None for m in messages_of(member.account_id)] == [True, False, False]
    assert state.unread == 2 and state.rows[-1]["unread"] == ""


def test_mark_read_of_someone_elses_message_changes_nothing(client, member, pending):
    theirs = messages_of(pending.actor().account_id)
    assert theirs and theirs[0].read_at is None
    state = client(InboxState, member)
    send(state, "load")
    before = snapshot()
    for message_id in (theirs[0].id, str(theirs[0].id)):
        send(state, "mark_read", message_id=message_id)
    send(state, "mark_all_read")
    assert snapshot() == before
    assert messages_of(pending.actor().account_id)[0].read_at is None


@pytest.mark.parametrize(
    "junk", [*JUNK, "abc", "", 0, 2**40, 10**30, float("inf"), float("nan"), "1 OR 1=1", "1e3"]
)
def test_mark_read_with_junk_neither_crashes_nor_saves(client, member, letters, junk):
    state = client(InboxState, member)
    send(state, "load")
    before = snapshot()
    send(state, "mark_read", message_id=junk)
    assert snapshot() == before


@pytest.mark.parametrize("handler", ["load", "mark_all_read"])
def test_signed_out_the_inbox_sends_to_sign_in(client, member, letters, handler):
    state = client(InboxState)
    before = snapshot()
    assert redirect_path(send(state, handler)) == "/login"
    assert redirect_path(send(state, "mark_read", message_id=str(letters[0]))) == "/login"
    assert redirect_path(send(state, "go", delta=1)) == "/login"
    assert snapshot() == before and state.rows == []


def test_mark_all_read_marks_only_own(client, member, letters, pending):
    state = client(InboxState, member)
    send(state, "mark_all_read")
    assert all(m.read_at for m in messages_of(member.account_id)) and state.unread == 0
    assert all(m.read_at is None for m in messages_of(pending.actor().account_id))


def test_paging_through_the_inbox(client, member):
    with db.transaction() as session:
        for n in range(12):
            inbox.send(session, member.account_id, f"通知{n}", "内容")
    state = client(InboxState, member)
    send(state, "load")
    assert (state.page, state.pages, len(state.rows)) == (1, 2, 10)
    send(state, "go", delta=1)
    assert (state.page, len(state.rows)) == (2, 2)
    send(state, "go", delta=1)
    assert state.page == 2
    for junk in JUNK:
        send(state, "go", delta=junk)
        assert state.page in (1, 2) and isinstance(state.page, int)


# --- MeState --------------------------------------------------------------------------------


def test_me_shows_a_pending_disclosure(client, pending):
    state = client(MeState, pending.token)
    assert send(state, "load") is None
    assert state.status == "pending" and state.status_label == "等待社区核实"
    assert state.grid_name == "第一网格" and state.phone == pending.phone


def test_me_signed_out_goes_to_sign_in(client, engine):
    assert redirect_path(send(client(MeState), "load")) == "/login"


def test_withdraw_a_pending_disclosure(client, pending):
    state = client(MeState, pending.token)
    send(state, "load")
    assert send(state, "withdraw") is None
    assert status_of(pending.disclosure_id) == "withdrawn"
    assert state.notice == text.Me.WITHDRAWN and state.status == "withdrawn"


def test_withdraw_twice_is_refused_the_second_time(client, pending):
    state = client(MeState, pending.token)
    send(state, "load")
    send(state, "withdraw")
    before = snapshot()
    send(state, "withdraw")
    assert state.notice == text.Staff.NOT_PENDING and snapshot() == before


def test_withdraw_signed_out_changes_nothing(client, pending):
    state = client(MeState)
    state._disclosure_id = pending.disclosure_id  # the worst case: the id was known
    before = snapshot()
    assert redirect_path(send(state, "withdraw")) == "/login"
    assert snapshot() == before


def test_withdraw_of_someone_elses_disclosure_changes_nothing(client, member, staff, pending):
    for who in (member, staff):
        state = client(MeState, who)
        send(state, "load")
        state._disclosure_id = pending.disclosure_id
        before = snapshot()
        send(state, "withdraw")
        assert state.notice == text.Staff.NOT_PENDING and snapshot() == before
    assert status_of(pending.disclosure_id) == "pending"


def test_an_approved_disclosure_cannot_be_withdrawn(client, staff, pending):
    with db.transaction() as session:
        approval.approve(session, staff, pending.disclosure_id)
    state = client(MeState, pending.token)
    send(state, "load")
    assert state.approved and "党员" in state.role_names
    send(state, "withdraw")
    assert status_of(pending.disclosure_id) == "approved" and state.notice == text.Staff.NOT_PENDING


def test_withdraw_takes_no_arguments(client, pending):
    state = client(MeState, pending.token)
    send(state, "load")
    with pytest.raises(TypeError):
        send(state, "withdraw", disclosure_id=pending.disclosure_id)
    assert status_of(pending.disclosure_id) == "pending"


def test_me_shows_who_filled_it_in(client, secretary, join):
    person = join.sign_up("13700000051", name="吴桂香")
    with db.transaction() as session:
        session.get(Disclosure, person.disclosure_id).filled_by_id = secretary.account_id
    state = client(MeState, person.token)
    send(state, "load")
    assert state.filled_by == text.Me.FILLED_BY.format(name="李建华")


# --- HomeState ------------------------------------------------------------------------------


def test_home_signed_out_and_signed_in(client, pending, staff):
    state = client(HomeState)
    assert send(state, "load") is None and state.status_code == "" and not state.signed_in
    state = client(HomeState, pending.token)
    send(state, "load")
    assert state.status_code == "pending" and state.status_label == "等待社区核实"
    assert state.unread == 1 and not state.is_member
    state = client(HomeState, staff)
    send(state, "load")
    assert state.is_office and state.can_fill_for_others


@pytest.mark.parametrize("junk", [value for value in JUNK if value is not True])
def test_asking_before_withdrawing_takes_only_true(client, pending, junk):
    state = client(MeState, pending.token)
    send(state, "load")
    send(state, "ask_withdraw", asking=True)
    assert state.asking_withdraw is True
    send(state, "ask_withdraw", asking=junk)
    assert state.asking_withdraw is False
    assert status_of(pending.disclosure_id) == "pending"

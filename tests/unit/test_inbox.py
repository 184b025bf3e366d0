"""The inbox: unread count, newest first, marking read only one's own messages."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlmodel import select

from huajin_pwa import db
from huajin_pwa.models import Message
from huajin_pwa.services import inbox
from huajin_pwa.services.errors import NotSignedIn

pytestmark = pytest.mark.usefixtures("fast_hashing")

START = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


def send(account_id: int, n: int = 1, title: str = "通知") -> list[int]:
    """n messages for an account, an hour apart (oldest first); their ids."""
    with db.transaction() as session:
        for i in range(n):
            inbox.send(session, account_id, f"{title}{i}", f"正文{i}", "/me")
    with db.transaction() as session:
        ids = session.exec(
            select(Message.id).where(Message.account_id == account_id).order_by(Message.id)
        ).all()[-n:]
        for i, message_id in enumerate(ids):
            session.exec(
                update(Message)
                .where(Message.id == message_id)
                .values(created_at=START + timedelta(hours=i))
            )
    return list(ids)


def read_at(message_id: int):
    with db.transaction() as session:
        return session.get(Message, message_id).read_at


def test_send_puts_a_message_in_the_inbox(run, member):
    send(member.account_id)
    page = run(inbox.list_messages, member)
    [message] = page.rows
    assert (message.title, message.body, message.link, message.read_at) == (
        "通知0",
        "正文0",
        "/me",
        None,
    )


def test_send_cuts_an_overlong_title_and_body(run, member):
    with db.transaction() as session:
        inbox.send(session, member.account_id, "题" * 100, "文" * 3000)
    [message] = run(inbox.list_messages, member).rows
    assert (len(message.title), len(message.body)) == (60, 2000)


def test_unread_count(run, member, staff):
    assert run(inbox.unread_count, member) == 0
    ids = send(member.account_id, 3)
    send(staff.account_id, 2)
    assert run(inbox.unread_count, member) == 3
    run(inbox.mark_read, member, ids[0])
    assert run(inbox.unread_count, member) == 2
    assert run(inbox.unread_count, staff) == 2


def test_unread_count_when_signed_out_is_zero(run, member):
    send(member.account_id, 2)
    assert run(inbox.unread_count, None) == 0


def test_list_newest_first(run, member):
    ids = send(member.account_id, 3)
    assert [m.id for m in run(inbox.list_messages, member).rows] == ids[::-1]


def test_list_newest_first_when_sent_at_the_same_moment(run, member):
    ids = send(member.account_id, 3)
    with db.transaction() as session:
        session.exec(update(Message).values(created_at=START))
    assert [m.id for m in run(inbox.list_messages, member).rows] == ids[::-1]


def test_list_only_own_messages(run, member, staff):
    send(member.account_id, 2)
    send(staff.account_id, 3, "工作")
    page = run(inbox.list_messages, member)
    assert page.total == 2
    assert {m.account_id for m in page.rows} == {member.account_id}


def test_list_is_paginated(run, member):
    ids = send(member.account_id, 25)
    pages = [run(inbox.list_messages, member, n) for n in (1, 2, 3)]
    assert [len(p.rows) for p in pages] == [10, 10, 5]
    assert {(p.pages, p.total) for p in pages} == {(3, 25)}
    assert [m.id for p in pages for m in p.rows] == ids[::-1]
    assert run(inbox.list_messages, member, 4).page == 3
    assert run(inbox.list_messages, member, "abc").page == 1


def test_an_empty_inbox_has_one_empty_page(run, member):
    page = run(inbox.list_messages, member)
    assert (page.rows, page.page, page.pages, page.total) == ([], 1, 1, 0)


def test_mark_read(run, member):
    first, second = send(member.account_id, 2)
    run(inbox.mark_read, member, str(first))
    assert read_at(first) is not None
    assert read_at(second) is None


def test_mark_read_twice_keeps_the_first_time(run, member):
    [only] = send(member.account_id)
    run(inbox.mark_read, member, only)
    first_time = read_at(only)
    run(inbox.mark_read, member, only)
    assert read_at(only) == first_time


def test_mark_read_of_someone_elses_message_changes_nothing(run, member, staff):
    [theirs] = send(staff.account_id)
    run(inbox.mark_read, member, theirs)
    assert read_at(theirs) is None
    assert run(inbox.unread_count, staff) == 1


@pytest.mark.parametrize("bad_id", [None, "", "abc", [1], {"id": 1}, 999_999, -1])
def test_mark_read_with_a_bad_id_changes_nothing(run, member, bad_id):
    [only] = send(member.account_id)
    run(inbox.mark_read, member, bad_id)
    assert read_at(only) is None


def test_mark_all_read_only_touches_own_messages(run, member, staff):
    send(member.account_id, 3)
    send(staff.account_id, 2)
    run(inbox.mark_all_read, member)
    assert run(inbox.unread_count, member) == 0
    assert run(inbox.unread_count, staff) == 2


@pytest.mark.parametrize(
    "call",
    [
        lambda run: run(inbox.list_messages, None),
        lambda run: run(inbox.mark_read, None, 1),
        lambda run: run(inbox.mark_all_read, None),
    ],
)
def test_not_signed_in_is_refused(run, member, call):
    [only] = send(member.account_id)
    with pytest.raises(NotSignedIn):
        call(run)
    assert read_at(only) is None

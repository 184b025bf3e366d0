"""Staff review of disclosures: the queue, approving and rejecting, and two reviewers at once."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, update
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Account, AuditEntry, Disclosure, Message
from huajin_pwa.services import approval, auth, disclosure
from huajin_pwa.services.errors import DomainError, FormError, NotSignedIn, PermissionDenied
from huajin_pwa.services.pagination import PAGE_SIZE

pytestmark = pytest.mark.usefixtures("fast_hashing")

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def load(disclosure_id: int) -> Disclosure:
    with db.transaction() as session:
        return session.get(Disclosure, disclosure_id)


def messages_to(account_id: int) -> list[Message]:
    with db.transaction() as session:
        query = select(Message).where(Message.account_id == account_id).order_by(Message.id)
        return list(session.exec(query).all())


def audit_entries(action: str) -> list[AuditEntry]:
    with db.transaction() as session:
        return list(session.exec(select(AuditEntry).where(AuditEntry.action == action)).all())


def count(model) -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def add_pending(n: int, grid_id: int | None, first_phone: int = 13600000000) -> list[int]:
    """n pending disclosures inserted directly, submitted a minute apart; their ids."""
    ids = []
    with db.transaction() as session:
        for i in range(n):
            account = Account(
                phone=str(first_phone + i), name=f"党员{i}", secret_kind="pin", secret_hash="x"
            )
            session.add(account)
            session.flush()
            row = Disclosure(
                account_id=account.id,
                name=f"党员{i}",
                status="pending",
                grid_id=grid_id,
                submitted_at=START + timedelta(minutes=i),
            )
            session.add(row)
            session.flush()
            ids.append(row.id)
    return ids


def set_submitted_at(disclosure_id: int, when: datetime) -> None:
    with db.transaction() as session:
        session.exec(
            update(Disclosure).where(Disclosure.id == disclosure_id).values(submitted_at=when)
        )


@pytest.fixture
def pending(join):
    """Someone whose complete disclosure (grid 1) waits for review."""
    return join.submitted("13700000001")


# --- the queue -----------------------------------------------------------------------------


def test_queue_lists_pending_disclosures_oldest_first(run, join, staff, community):
    first = join.submitted("13700000001", "张一")
    second = join.submitted("13700000002", "张二")
    third = join.submitted("13700000003", "张三")
    set_submitted_at(first.disclosure_id, START + timedelta(hours=2))
    set_submitted_at(second.disclosure_id, START + timedelta(hours=3))
    set_submitted_at(third.disclosure_id, START)
    page = run(approval.pending_queue, staff)
    assert [(row.name, grid) for row, grid in page.rows] == [
        ("张三", "第一网格"),
        ("张一", "第一网格"),
        ("张二", "第一网格"),
    ]
    assert (page.page, page.pages, page.total) == (1, 1, 3)


def test_queue_leaves_out_drafts_and_decided_ones(run, join, staff):
    join.sign_up("13700000001")  # a draft
    approved = join.submitted("13700000002")
    rejected = join.submitted("13700000003")
    withdrawn = join.submitted("13700000004")
    waiting = join.submitted("13700000005")
    run(approval.approve, staff, approved.disclosure_id)
    run(approval.reject, staff, rejected.disclosure_id, "请补充组织关系")
    run(disclosure.withdraw, withdrawn.actor(), withdrawn.disclosure_id)
    page = run(approval.pending_queue, staff)
    assert [row.id for row, _grid in page.rows] == [waiting.disclosure_id]


def test_queue_filtered_by_grid(run, join, staff, community):
    in_grid_1 = join.submitted("13700000001")
    in_grid_2 = join.submitted("13700000002", address={"building": "5", "unit": "1", "room": "301"})
    grid_1, grid_2 = (g.id for g in community)
    assert [r.id for r, _ in run(approval.pending_queue, staff, grid_1).rows] == [
        in_grid_1.disclosure_id
    ]
    rows = run(approval.pending_queue, staff, grid_2).rows
    assert [(r.id, name) for r, name in rows] == [(in_grid_2.disclosure_id, "第二网格")]
    for no_filter in (None, 0, -1, "1", [grid_2]):
        assert run(approval.pending_queue, staff, no_filter).total == 2


def test_queue_of_a_grid_with_nobody_waiting(run, pending, staff):
    page = run(approval.pending_queue, staff, 999)
    assert (page.rows, page.page, page.pages, page.total) == ([], 1, 1, 0)


def test_queue_is_paginated_by_ten(run, staff, community):
    ids = add_pending(25, community[0].id)
    assert PAGE_SIZE == 10
    pages = [run(approval.pending_queue, staff, None, n) for n in (1, 2, 3)]
    assert [len(p.rows) for p in pages] == [10, 10, 5]
    assert {(p.pages, p.total) for p in pages} == {(3, 25)}
    assert [row.id for p in pages for row, _grid in p.rows] == ids


@pytest.mark.parametrize(
    ("asked", "shown"), [(99, 3), (0, 1), (-5, 1), ("x", 1), (None, 1), ("2", 2)]
)
def test_queue_page_number_from_untrusted_input(run, staff, community, asked, shown):
    add_pending(25, community[0].id)
    assert run(approval.pending_queue, staff, None, asked).page == shown


def test_queue_shows_a_disclosure_without_grid(run, staff):
    [only] = add_pending(1, None)
    assert [(row.id, grid) for row, grid in run(approval.pending_queue, staff).rows] == [
        (only, None)
    ]


def test_admin_may_review(run, pending, admin):
    assert run(approval.pending_queue, admin).total == 1
    assert run(approval.approve, admin, pending.disclosure_id).status == "approved"


@pytest.mark.parametrize("who", ["member", "secretary", "nobody", "leader", "pending_person"])
def test_only_staff_may_review(run, request, actor_with, pending, who):
    if who == "nobody":
        actor = None
    elif who == "leader":
        actor = actor_with(["leader", "member"])
    elif who == "pending_person":
        actor = pending.actor()
    else:
        actor = request.getfixturevalue(who)
    refusal = NotSignedIn if actor is None else PermissionDenied
    with pytest.raises(refusal):
        run(approval.pending_queue, actor)
    with pytest.raises(refusal):
        run(approval.review_detail, actor, pending.disclosure_id)
    with pytest.raises(refusal):
        run(approval.approve, actor, pending.disclosure_id)
    with pytest.raises(refusal):
        run(approval.reject, actor, pending.disclosure_id, "不通过的原因")
    assert load(pending.disclosure_id).status == "pending"
    assert pending.actor().roles == frozenset()


# --- review detail -------------------------------------------------------------------------


def test_review_detail(run, pending, staff):
    row = run(approval.review_detail, staff, pending.disclosure_id)
    assert (row.id, row.status, row.org_name) == (
        pending.disclosure_id,
        "pending",
        "荆州市某某局退休党支部",
    )


def test_a_draft_is_not_reviewable(run, join, staff):
    draft = join.sign_up("13700000001")
    join.fill(draft.actor(), draft.disclosure_id)
    with pytest.raises(DomainError, match=text.Err.NOT_FOUND):
        run(approval.review_detail, staff, draft.disclosure_id)
    with pytest.raises(DomainError, match=text.Err.NOT_FOUND):
        run(approval.approve, staff, draft.disclosure_id)
    with pytest.raises(DomainError, match=text.Err.NOT_FOUND):
        run(approval.reject, staff, draft.disclosure_id, "请补充")
    assert load(draft.disclosure_id).status == "draft"
    assert draft.actor().roles == frozenset()


@pytest.mark.parametrize("bad_id", ["1", None, 1.0, [1], 999_999])
def test_review_with_a_wrong_id(run, pending, staff, bad_id):
    with pytest.raises(DomainError, match=text.Err.NOT_FOUND):
        run(approval.approve, staff, bad_id)
    with pytest.raises(DomainError, match=text.Err.NOT_FOUND):
        run(approval.reject, staff, bad_id, "请补充")
    assert load(pending.disclosure_id).status == "pending"


# --- approve -------------------------------------------------------------------------------


def test_approve(run, pending, staff):
    run(approval.approve, staff, pending.disclosure_id)
    row = load(pending.disclosure_id)
    assert (row.status, row.reviewer_id, row.review_reason) == ("approved", staff.account_id, "")
    assert row.reviewed_at is not None
    assert row.version == 3


def test_approve_grants_the_member_role_at_once(run, pending, staff):
    before = pending.actor()
    run(approval.approve, staff, pending.disclosure_id)
    assert before.roles == frozenset()
    assert pending.actor().roles == {"member"}


def test_approve_tells_the_member(run, pending, staff):
    run(approval.approve, staff, pending.disclosure_id)
    account_id = pending.actor().account_id
    message = messages_to(account_id)[-1]
    assert message.title == text.Inbox.APPROVED_TITLE
    assert message.body == text.Inbox.APPROVED_BODY.format(grid="第一网格")
    assert message.link == "/me"


def test_approve_without_grid_names_the_community(run, staff):
    [only] = add_pending(1, None)
    run(approval.approve, staff, only)
    [message] = messages_to(load(only).account_id)
    assert message.body == text.Inbox.APPROVED_BODY.format(grid=text.COMMUNITY)


def test_approve_is_audited(run, pending, staff):
    run(approval.approve, staff, pending.disclosure_id)
    [entry] = audit_entries("disclosure_approved")
    assert (entry.actor_id, entry.target_type, entry.target_id) == (
        staff.account_id,
        "disclosure",
        pending.disclosure_id,
    )


# --- reject --------------------------------------------------------------------------------


def test_reject(run, pending, staff):
    run(approval.reject, staff, pending.disclosure_id, "  组织关系请写全称  ")
    row = load(pending.disclosure_id)
    assert (row.status, row.reviewer_id, row.review_reason) == (
        "rejected",
        staff.account_id,
        "组织关系请写全称",
    )
    assert pending.actor().roles == frozenset()


def test_reject_tells_the_member_why(run, pending, staff):
    run(approval.reject, staff, pending.disclosure_id, "门牌号对不上")
    message = messages_to(pending.actor().account_id)[-1]
    assert message.title == text.Inbox.REJECTED_TITLE
    assert "门牌号对不上" in message.body
    assert message.body == text.Inbox.REJECTED_BODY.format(reason="门牌号对不上")


def test_reject_is_audited_with_the_reason(run, pending, staff):
    run(approval.reject, staff, pending.disclosure_id, "门牌号对不上")
    [entry] = audit_entries("disclosure_rejected")
    assert (entry.actor_id, entry.target_id, entry.detail) == (
        staff.account_id,
        pending.disclosure_id,
        "门牌号对不上",
    )


def test_reject_reason_may_hold_html_as_text(run, pending, staff):
    run(approval.reject, staff, pending.disclosure_id, "<b>请补充</b>")
    assert load(pending.disclosure_id).review_reason == "<b>请补充</b>"


@pytest.mark.parametrize("reason", ["", "差", "  差  ", None, "原" * 201, {"reason": "请补充"}])
def test_reject_needs_a_reason_of_2_to_200_characters(run, pending, staff, reason):
    with pytest.raises(FormError) as caught:
        run(approval.reject, staff, pending.disclosure_id, reason)
    assert caught.value.errors == {"reason": text.Field.REASON_INVALID}
    assert load(pending.disclosure_id).status == "pending"
    assert audit_entries("disclosure_rejected") == []


@pytest.mark.parametrize("reason", ["请改", "原" * 200])
def test_reject_reason_limits_are_inclusive(run, pending, staff, reason):
    assert run(approval.reject, staff, pending.disclosure_id, reason).review_reason == reason


# --- reviewed once only --------------------------------------------------------------------


def snapshot(person) -> tuple:
    row = load(person.disclosure_id)
    return (
        row.status,
        row.reviewer_id,
        row.reviewed_at,
        row.review_reason,
        row.version,
        person.actor().roles,
        count(Message),
        count(AuditEntry),
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [("approve", "approve"), ("reject", "approve"), ("approve", "reject"), ("reject", "reject")],
)
def test_the_second_reviewer_is_told_who_reviewed_it_and_nothing_changes(
    run, pending, staff, admin, first, second
):
    decide = {
        "approve": lambda actor: run(approval.approve, actor, pending.disclosure_id),
        "reject": lambda actor: run(approval.reject, actor, pending.disclosure_id, "请补充"),
    }
    decide[first](staff)
    before = snapshot(pending)
    status = text.Status.DISCLOSURE["approved" if first == "approve" else "rejected"]
    with pytest.raises(DomainError) as caught:
        decide[second](admin)
    assert caught.value.message == text.Staff.ALREADY_REVIEWED.format(name="王敏", status=status)
    assert snapshot(pending) == before


def test_approving_a_withdrawn_disclosure(run, pending, staff):
    run(disclosure.withdraw, pending.actor(), pending.disclosure_id)
    with pytest.raises(DomainError, match=text.Staff.NOT_PENDING):
        run(approval.approve, staff, pending.disclosure_id)
    assert load(pending.disclosure_id).status == "withdrawn"
    assert pending.actor().roles == frozenset()


def test_an_approved_member_signs_in_as_a_member(run, pending, staff):
    run(approval.approve, staff, pending.disclosure_id)
    token = run(auth.sign_in, pending.phone, "135790").token
    assert run(auth.actor_from_token, token).roles == {"member"}

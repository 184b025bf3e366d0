"""以老带新: members refer fellow members; staff follow up and link the disclosure it led to."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, update
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import AuditEntry, Message, Referral
from huajin_pwa.services import approval, disclosure, referral
from huajin_pwa.services.errors import DomainError, FormError, NotSignedIn, PermissionDenied

pytestmark = pytest.mark.usefixtures("fast_hashing")

FORM = {"name": "刘建国", "whereabouts": "3栋2单元", "how_known": "一起在艺术团唱歌时他提到过"}
FRIEND = "13700000001"


def load(referral_id: int) -> Referral:
    with db.transaction() as session:
        return session.get(Referral, referral_id)


def count(model) -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def messages_to(account_id: int) -> list[Message]:
    with db.transaction() as session:
        return list(session.exec(select(Message).where(Message.account_id == account_id)).all())


def audit_entries(action: str) -> list[AuditEntry]:
    with db.transaction() as session:
        return list(session.exec(select(AuditEntry).where(AuditEntry.action == action)).all())


@pytest.fixture
def referred(run, member):
    """A referral made by the member fixture; its id."""
    return run(referral.refer, member, FORM).id


# --- refer ---------------------------------------------------------------------------------


def test_an_approved_member_refers_someone(run, member):
    made = run(referral.refer, member, {**FORM, "name": " 刘 建国 "})
    row = load(made.id)
    assert (row.referrer_id, row.name, row.whereabouts, row.how_known) == (
        member.account_id,
        "刘 建国",
        "3栋2单元",
        "一起在艺术团唱歌时他提到过",
    )
    assert (row.status, row.disclosure_id, row.handled_by_id, row.staff_note) == (
        "new",
        None,
        None,
        "",
    )


@pytest.mark.parametrize("who", ["staff", "admin"])
def test_office_may_refer_too(run, request, who):
    actor = request.getfixturevalue(who)
    assert run(referral.refer, actor, FORM).referrer_id == actor.account_id


def test_a_member_approved_through_the_flow_may_refer(run, join, staff):
    person = join.submitted(FRIEND)
    with pytest.raises(PermissionDenied):
        run(referral.refer, person.actor(), FORM)
    run(approval.approve, staff, person.disclosure_id)
    assert run(referral.refer, person.actor(), FORM).referrer_id == person.actor().account_id


@pytest.mark.parametrize("roles", [[], ["leader"], ["secretary"]])
def test_only_approved_members_may_refer(run, actor_with, roles):
    actor = actor_with(roles)
    with pytest.raises(PermissionDenied, match=text.Err.NO_PERMISSION):
        run(referral.refer, actor, FORM)
    assert count(Referral) == 0


def test_not_signed_in_may_not_refer(run, community):
    with pytest.raises(NotSignedIn):
        run(referral.refer, None, FORM)
    assert count(Referral) == 0


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        ({"name": ""}, {"name": text.Field.NAME_EMPTY}),
        ({"name": "<script>alert(1)</script>"}, {"name": text.Field.NAME_CHARS}),
        ({"whereabouts": "3"}, {"whereabouts": text.Field.WHEREABOUTS_INVALID}),
        ({"whereabouts": "楼" * 61}, {"whereabouts": text.Field.WHEREABOUTS_INVALID}),
        ({"how_known": ""}, {"how_known": text.Field.HOW_KNOWN_INVALID}),
        ({"how_known": "知" * 201}, {"how_known": text.Field.HOW_KNOWN_INVALID}),
        (
            {"name": None, "whereabouts": None, "how_known": None},
            {
                "name": text.Field.NAME_EMPTY,
                "whereabouts": text.Field.WHEREABOUTS_INVALID,
                "how_known": text.Field.HOW_KNOWN_INVALID,
            },
        ),
    ],
)
def test_refer_validates(run, member, change, errors):
    with pytest.raises(FormError) as caught:
        run(referral.refer, member, {**FORM, **change})
    assert caught.value.errors == errors
    assert count(Referral) == 0


@pytest.mark.parametrize("form", [None, "name=刘建国", [FORM]])
def test_refer_with_a_form_that_is_not_a_dict(run, member, form):
    with pytest.raises(FormError) as caught:
        run(referral.refer, member, form)
    assert set(caught.value.errors) == {"name", "whereabouts", "how_known"}


def test_refer_keeps_html_as_text(run, member):
    made = run(referral.refer, member, {**FORM, "how_known": "<img src=x onerror=alert(1)>"})
    assert load(made.id).how_known == "<img src=x onerror=alert(1)>"


def test_refer_limits_are_inclusive(run, member):
    form = {"name": "张" * 30, "whereabouts": "楼" * 60, "how_known": "知" * 200}
    assert run(referral.refer, member, form).name == "张" * 30
    form = {"name": "张", "whereabouts": "3栋", "how_known": "听说"}
    assert run(referral.refer, member, form).whereabouts == "3栋"


# --- staff list ----------------------------------------------------------------------------


def test_staff_list_open_ones_oldest_first(run, member, staff):
    ids = [run(referral.refer, member, {**FORM, "name": n}).id for n in ("甲", "乙", "丙", "丁")]
    with db.transaction() as session:
        for i, referral_id in enumerate(ids):
            when = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=len(ids) - i)
            session.exec(update(Referral).where(Referral.id == referral_id).values(created_at=when))
    run(referral.follow_up, staff, ids[1], "following")
    run(referral.follow_up, staff, ids[2], "closed")
    page = run(referral.staff_list, staff)
    assert [(row.name, row.status, who) for row, who in page.rows] == [
        ("丁", "new", "陈秀英"),
        ("乙", "following", "陈秀英"),
        ("甲", "new", "陈秀英"),
    ]
    everything = run(referral.staff_list, staff, False)
    assert [row.name for row, _who in everything.rows] == ["丁", "丙", "乙", "甲"]


def test_staff_list_only_false_shows_everything(run, member, staff):
    kept = run(referral.refer, member, FORM).id
    run(referral.follow_up, staff, kept, "closed")
    assert run(referral.staff_list, staff).total == 0
    for open_only in (True, None, "false", 0):
        assert run(referral.staff_list, staff, open_only).total == 0
    assert run(referral.staff_list, staff, False).total == 1


def test_staff_list_is_paginated(run, member, staff):
    for i in range(12):
        run(referral.refer, member, {**FORM, "name": f"刘{'一二三四五六七八九十甲乙'[i]}"})
    first, second = (run(referral.staff_list, staff, True, n) for n in (1, 2))
    assert (len(first.rows), len(second.rows), first.pages, first.total) == (10, 2, 2, 12)


@pytest.mark.parametrize("who", ["member", "secretary", None])
def test_staff_list_is_for_staff(run, request, referred, who):
    actor = request.getfixturevalue(who) if who else None
    with pytest.raises(NotSignedIn if actor is None else PermissionDenied):
        run(referral.staff_list, actor)


# --- follow up -----------------------------------------------------------------------------


def test_follow_up(run, referred, staff):
    run(referral.follow_up, staff, referred, "following", "已打电话，约周六见面")
    row = load(referred)
    assert (row.status, row.staff_note, row.handled_by_id) == (
        "following",
        "已打电话，约周六见面",
        staff.account_id,
    )
    assert row.updated_at > row.created_at
    [entry] = audit_entries("referral_updated")
    assert (entry.actor_id, entry.target_type, entry.target_id, entry.detail) == (
        staff.account_id,
        "referral",
        referred,
        "following",
    )


def test_follow_up_keeps_the_note_when_none_is_given(run, referred, staff):
    run(referral.follow_up, staff, referred, "following", "已打电话")
    run(referral.follow_up, staff, referred, "closed")
    assert (load(referred).status, load(referred).staff_note) == ("closed", "已打电话")


@pytest.mark.parametrize("status", ["new", "disclosed", "approved", "", None, ["closed"], 1])
def test_follow_up_statuses(run, referred, staff, status):
    with pytest.raises(DomainError, match=text.Err.BAD_REQUEST):
        run(referral.follow_up, staff, referred, status)
    assert load(referred).status == "new"
    assert audit_entries("referral_updated") == []


def test_follow_up_note_at_most_200_characters(run, referred, staff):
    with pytest.raises(FormError) as caught:
        run(referral.follow_up, staff, referred, "following", "备" * 201)
    assert caught.value.errors == {"note": text.Field.STAFF_NOTE_LONG}
    assert load(referred).status == "new"
    run(referral.follow_up, staff, referred, "following", "备" * 200)
    assert load(referred).staff_note == "备" * 200


@pytest.mark.parametrize("bad_id", ["1", None, 1.0, 999_999])
def test_follow_up_wrong_id(run, referred, staff, bad_id):
    with pytest.raises(DomainError, match=text.Err.NOT_FOUND):
        run(referral.follow_up, staff, bad_id, "following")


@pytest.mark.parametrize("who", ["member", "secretary", None])
def test_follow_up_is_for_staff(run, request, referred, who):
    actor = request.getfixturevalue(who) if who else None
    with pytest.raises(NotSignedIn if actor is None else PermissionDenied):
        run(referral.follow_up, actor, referred, "closed")
    assert load(referred).status == "new"


def test_a_linked_referral_cannot_be_closed_or_reopened(run, referred, staff, join):
    join.submitted(FRIEND, "刘建国")
    run(referral.link, staff, referred, FRIEND)
    for status in ("following", "closed"):
        with pytest.raises(DomainError, match=text.ReferralRule.ALREADY_LINKED):
            run(referral.follow_up, staff, referred, status)
    assert load(referred).status == "disclosed"


# --- link ----------------------------------------------------------------------------------


def test_link_to_a_pending_disclosure(run, referred, member, staff, join):
    person = join.submitted(FRIEND, "刘建国")
    run(referral.link, staff, referred, "137 0000 0001")
    row = load(referred)
    assert (row.status, row.disclosure_id, row.handled_by_id) == (
        "disclosed",
        person.disclosure_id,
        staff.account_id,
    )
    [message] = messages_to(member.account_id)
    assert message.title == text.Inbox.REFERRAL_CREDIT_TITLE
    assert message.body == text.Inbox.REFERRAL_CREDIT_BODY.format(name="刘建国")
    [entry] = audit_entries("referral_linked")
    assert (entry.actor_id, entry.target_id) == (staff.account_id, referred)


def test_link_to_an_approved_disclosure(run, referred, staff, join):
    person = join.submitted(FRIEND)
    run(approval.approve, staff, person.disclosure_id)
    assert run(referral.link, staff, referred, FRIEND).disclosure_id == person.disclosure_id


def test_link_picks_the_latest_open_disclosure(run, referred, staff, join):
    person = join.submitted(FRIEND)
    run(approval.reject, staff, person.disclosure_id, "请补充组织关系")
    again = run(disclosure.resume, person.actor())
    run(disclosure.save_step, person.actor(), again.id, "consent", {"consent": "on"})
    run(disclosure.submit, person.actor(), again.id)
    assert run(referral.link, staff, referred, FRIEND).disclosure_id == again.id


def test_linking_twice_sends_one_message(run, referred, member, staff, join):
    join.submitted(FRIEND)
    run(referral.link, staff, referred, FRIEND)
    run(referral.link, staff, referred, FRIEND)
    assert len(messages_to(member.account_id)) == 1
    assert run(referral.credit, member.account_id) == (1, 1)
    assert len(audit_entries("referral_linked")) == 2


@pytest.mark.parametrize("state", ["nobody", "draft", "rejected", "withdrawn"])
def test_link_needs_a_submitted_disclosure(run, referred, member, staff, join, state):
    if state == "draft":
        join.sign_up(FRIEND)
    elif state in ("rejected", "withdrawn"):
        person = join.submitted(FRIEND)
        if state == "rejected":
            run(approval.reject, staff, person.disclosure_id, "请补充")
        else:
            run(disclosure.withdraw, person.actor(), person.disclosure_id)
    with pytest.raises(FormError) as caught:
        run(referral.link, staff, referred, FRIEND)
    assert caught.value.errors == {"phone": text.Staff.LINK_NOT_FOUND}
    assert load(referred).status == "new"
    assert messages_to(member.account_id) == []


@pytest.mark.parametrize("phone", ["", "123", None, {"phone": FRIEND}])
def test_link_with_a_bad_phone(run, referred, staff, phone):
    with pytest.raises(FormError) as caught:
        run(referral.link, staff, referred, phone)
    assert caught.value.errors == {"phone": text.Field.PHONE_INVALID}


@pytest.mark.parametrize("bad_id", ["1", None, 999_999])
def test_link_with_a_wrong_referral_id(run, referred, staff, join, bad_id):
    join.submitted(FRIEND)
    with pytest.raises(DomainError, match=text.Err.NOT_FOUND):
        run(referral.link, staff, bad_id, FRIEND)


@pytest.mark.parametrize("who", ["member", "secretary", None])
def test_link_is_for_staff(run, request, referred, join, who):
    join.submitted(FRIEND)
    actor = request.getfixturevalue(who) if who else None
    with pytest.raises(NotSignedIn if actor is None else PermissionDenied):
        run(referral.link, actor, referred, FRIEND)
    assert load(referred).status == "new"
    assert count(Message) == 1  # only the friend's own "submitted" message


# --- credit --------------------------------------------------------------------------------


def test_credit_counts_referrals_and_those_disclosed(run, member, staff, join):
    ids = [run(referral.refer, member, {**FORM, "name": n}).id for n in ("甲", "乙", "丙", "丁")]
    assert run(referral.credit, member.account_id) == (4, 0)
    join.submitted(FRIEND)
    join.submitted("13700000002")
    run(referral.link, staff, ids[0], FRIEND)
    run(referral.link, staff, ids[1], "13700000002")
    run(referral.follow_up, staff, ids[2], "closed")
    run(referral.follow_up, staff, ids[3], "following")
    assert run(referral.credit, member.account_id) == (4, 2)


def test_credit_is_per_referrer(run, member, staff):
    run(referral.refer, member, FORM)
    assert run(referral.credit, staff.account_id) == (0, 0)
    assert run(referral.credit, member.account_id) == (1, 0)

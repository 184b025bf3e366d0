"""ReferState (a member refers a fellow member) and StaffReferralState (staff follow up)."""

import pytest
from sqlmodel import func, select

from huajin_pwa import db, text
from huajin_pwa.models import Message, Referral
from huajin_pwa.services import referral
from huajin_pwa.states.referrals import ReferState, StaffReferralState

from .helpers import FOCUS_ERRORS, JUNK, form, redirect_path, script, send, snapshot

GOOD = {"name": "孙建国", "whereabouts": "3栋2单元", "how_known": "一起在艺术团唱歌时他提到过"}


def referrals() -> list[Referral]:
    with db.transaction() as session:
        return list(session.exec(select(Referral).order_by(Referral.id)).all())


@pytest.fixture
def made(member):
    """One referral the member made."""
    with db.transaction() as session:
        return referral.refer(session, member, GOOD).id


# --- ReferState -----------------------------------------------------------------------------


def test_a_member_refers(client, member):
    state = client(ReferState, member)
    send(state, "load")
    assert state.can_refer
    assert send(state, "submit", form=form(**GOOD)) is None
    assert state.done and state.errors == {}
    [row] = referrals()
    assert (row.referrer_id, row.name, row.status) == (member.account_id, "孙建国", "new")


@pytest.mark.parametrize("who", ["resident", "secretary", "applicant"])
def test_a_non_member_cannot_refer(client, request, who, pending):
    person = request.getfixturevalue(who) if who != "applicant" else pending
    state = client(ReferState, getattr(person, "token", None) or person)
    send(state, "load")
    assert not state.can_refer
    result = send(state, "submit", form=form(**GOOD))
    assert state.errors == {"name": text.Err.NO_PERMISSION} and script(result) == FOCUS_ERRORS
    assert not state.done and referrals() == []


def test_signed_out_cannot_refer(client, member):
    state = client(ReferState)
    assert redirect_path(send(state, "load")) == "/login"
    assert redirect_path(send(state, "submit", form=form(**GOOD))) == "/login"
    assert referrals() == []


@pytest.mark.parametrize(
    "bad",
    [
        {**GOOD, "name": ""},
        {**GOOD, "whereabouts": "3"},
        {**GOOD, "how_known": "长" * 201},
        {"name": "孙建国"},
    ],
)
def test_bad_answers_save_nothing(client, member, bad):
    state = client(ReferState, member)
    result = send(state, "submit", form=form(**bad))
    assert state.errors and script(result) == FOCUS_ERRORS and not state.done
    assert referrals() == []


def test_junk_forms_save_nothing(client, member):
    state = client(ReferState, member)
    for junk in [*JUNK, {"name": ["孙建国"], "whereabouts": {"a": 1}, "how_known": None}]:
        result = send(state, "submit", form=junk)
        assert set(state.errors) == {"name", "whereabouts", "how_known"}, junk
        assert script(result) == FOCUS_ERRORS
    assert referrals() == []


def test_extra_fields_cannot_set_the_status_or_referrer(client, member, staff):
    state = client(ReferState, member)
    sneaky = {**GOOD, "status": "disclosed", "referrer_id": str(staff.account_id), "id": "99"}
    send(state, "submit", form=form(**sneaky))
    [row] = referrals()
    assert (row.status, row.referrer_id) == ("new", member.account_id) and row.id != 99


# --- StaffReferralState ---------------------------------------------------------------------


def open_list(client, who) -> StaffReferralState:
    state = client(StaffReferralState, who)
    send(state, "load")
    return state


def test_staff_see_open_referrals(client, staff, made):
    state = open_list(client, staff)
    assert [row["id"] for row in state.rows] == [str(made)]
    assert state.rows[0]["referrer"] == text.Staff.REFERRED_BY.format(name="陈秀英")


def test_staff_follow_up_and_close(client, staff, made):
    state = open_list(client, staff)
    send(state, "follow_up", form=form(referral_id=str(made), status="following", note="已打电话"))
    assert state.notice == text.Staff.SAVED and state.row_errors == {}
    [row] = referrals()
    assert (row.status, row.staff_note, row.handled_by_id) == (
        "following",
        "已打电话",
        staff.account_id,
    )
    send(state, "follow_up", form=form(referral_id=str(made), status="closed", note=""))
    assert referrals()[0].status == "closed" and state.rows == []  # open ones only
    send(state, "toggle_open_only")
    assert [row["id"] for row in state.rows] == [str(made)]


def test_staff_link_a_referral_to_the_disclosure(client, staff, made, member, pending):
    state = open_list(client, staff)
    send(state, "link", form=form(referral_id=str(made), phone=pending.phone))
    [row] = referrals()
    assert (row.status, row.disclosure_id) == ("disclosed", pending.disclosure_id)
    with db.transaction() as session:
        credit = session.exec(
            select(func.count())
            .select_from(Message)
            .where(
                Message.account_id == member.account_id,
                Message.title == text.Inbox.REFERRAL_CREDIT_TITLE,
            )
        ).one()
    assert credit == 1


def test_link_to_an_unknown_number_shows_the_error_by_the_row(client, staff, made):
    state = open_list(client, staff)
    before = snapshot()
    send(state, "link", form=form(referral_id=str(made), phone="13711112222"))
    assert state.row_errors == {str(made): text.Staff.LINK_NOT_FOUND}
    assert snapshot() == before


@pytest.mark.parametrize(("who", "home"), [("member", "/"), ("secretary", "/"), (None, "/login")])
def test_without_the_staff_role_nothing_changes(client, request, made, pending, who, home):
    state = client(StaffReferralState, request.getfixturevalue(who) if who else None)
    before = snapshot()
    assert redirect_path(send(state, "load")) == home
    follow = form(referral_id=str(made), status="closed", note="不是党员")
    assert redirect_path(send(state, "follow_up", form=follow)) == home
    link = form(referral_id=str(made), phone=pending.phone)
    assert redirect_path(send(state, "link", form=link)) == home
    assert redirect_path(send(state, "toggle_open_only")) == home
    assert redirect_path(send(state, "go", delta=1)) == home
    assert snapshot() == before and state.rows == []


def test_junk_forms_neither_crash_nor_save(client, staff, made):
    state = open_list(client, staff)
    before = snapshot()
    ids = ["abc", "9" * 30, "2147483648", "²", "-1", "", None, [str(made)], {"a": 1}]
    junk_forms = [*JUNK, *({"referral_id": i, "status": "closed"} for i in ids)]
    junk_forms += [
        {"referral_id": str(made), "status": s} for s in ("new", "disclosed", None, ["closed"])
    ]
    junk_forms += [{"referral_id": str(made), "status": "closed", "note": "长" * 201}]
    for junk in junk_forms:
        send(state, "follow_up", form=junk)
        assert state.row_errors, junk
    for junk in [*JUNK, {"referral_id": str(made), "phone": ["13700000022"]}]:
        send(state, "link", form=junk)
        assert state.row_errors, junk
    assert snapshot() == before

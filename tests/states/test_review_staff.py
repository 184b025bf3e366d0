"""ReviewState (one disclosure: approve or reject) and StaffState (figures and the queue)."""

import pytest
from sqlmodel import delete, select

from huajin_pwa import db, text
from huajin_pwa.models import Disclosure, Message, RoleGrant
from huajin_pwa.services import auth, referral
from huajin_pwa.states.review import ReviewState
from huajin_pwa.states.staff import StaffState

from .helpers import FOCUS_ERRORS, JUNK, form, redirect_path, script, send, snapshot

ROUTE = "/staff/disclosures/[disclosure_id]"
OUTSIDERS = ["nobody", "member", "secretary", "applicant", "revoked"]


def status_of(disclosure_id: int) -> str:
    with db.transaction() as session:
        return session.get(Disclosure, disclosure_id).status


def on_review(client, who, disclosure_id) -> ReviewState:
    """A browser on /staff/disclosures/<id>, the page loaded."""
    state = client(
        ReviewState,
        who,
        path=f"/staff/disclosures/{disclosure_id}",
        route=ROUTE,
        params={"disclosure_id": str(disclosure_id)},
    )
    send(state, "load")
    return state


@pytest.fixture
def outsider(request, client, pending):
    """A browser on the review page of someone without the staff role, and where they go."""

    def make(who: str) -> tuple[ReviewState, str]:
        if who == "nobody":
            return client(ReviewState), "/login"
        if who == "applicant":  # the person whose disclosure it is
            return client(ReviewState, pending.token), "/"
        if who == "revoked":  # staff whose session was revoked since the page was opened
            state = on_review(client, request.getfixturevalue("staff"), pending.disclosure_id)
            assert state.found
            with db.transaction() as session:
                auth.sign_out(session, state.token)
            return state, "/login"
        return client(ReviewState, request.getfixturevalue(who)), "/"

    return make


# --- ReviewState ----------------------------------------------------------------------------


def test_staff_see_the_disclosure(client, staff, pending):
    state = on_review(client, staff, pending.disclosure_id)
    assert state.found and state.status == "pending" and state.name == "刘玉珍"
    assert ["手机号", pending.phone] in state.rows and ["所在网格", "第一网格"] in state.rows


def test_staff_approve(client, staff, pending):
    state = on_review(client, staff, pending.disclosure_id)
    assert send(state, "approve") is None
    assert status_of(pending.disclosure_id) == "approved"
    assert state.notice == text.Staff.APPROVED and state.status == "approved"
    assert "member" in pending.actor().roles


def test_an_admin_may_approve_too(client, admin, pending):
    send(on_review(client, admin, pending.disclosure_id), "approve")
    assert status_of(pending.disclosure_id) == "approved"


def test_staff_reject_with_a_reason(client, staff, pending):
    state = on_review(client, staff, pending.disclosure_id)
    send(state, "reject", form=form(reason="入党年份与档案不符"))
    assert status_of(pending.disclosure_id) == "rejected" and state.notice == text.Staff.REJECTED
    assert [text.Staff.REJECT_REASON, "入党年份与档案不符"] in state.rows


@pytest.mark.parametrize("reason", ["", " ", "x", "长" * 201])
def test_reject_without_a_good_reason(client, staff, pending, reason):
    state = on_review(client, staff, pending.disclosure_id)
    before = snapshot()
    result = send(state, "reject", form=form(reason=reason))
    assert state.errors == {"reason": text.Field.REASON_INVALID}
    assert script(result) == FOCUS_ERRORS
    assert snapshot() == before and status_of(pending.disclosure_id) == "pending"


def test_reject_with_junk_forms_saves_nothing(client, staff, pending):
    state = on_review(client, staff, pending.disclosure_id)
    before = snapshot()
    for junk in [*JUNK, {"reason": ["入党年份与档案不符"]}, {"reason": {"a": "入党年份不符"}}]:
        result = send(state, "reject", form=junk)
        assert state.errors == {"reason": text.Field.REASON_INVALID}, junk
        assert script(result) == FOCUS_ERRORS
    assert snapshot() == before


def test_reject_ignores_extra_fields(client, staff, pending, secretary):
    state = on_review(client, staff, pending.disclosure_id)
    sneaky = form(reason="信息不全", status="approved", reviewer_id=str(secretary.account_id))
    send(state, "reject", form=sneaky)
    with db.transaction() as session:
        row = session.get(Disclosure, pending.disclosure_id)
    assert (row.status, row.reviewer_id, row.review_reason) == (
        "rejected",
        staff.account_id,
        "信息不全",
    )


@pytest.mark.parametrize("who", OUTSIDERS)
def test_without_the_staff_role_nothing_changes(outsider, pending, who):
    state, home = outsider(who)
    state._disclosure_id = pending.disclosure_id  # the worst case: the page had been open
    before = snapshot()
    assert redirect_path(send(state, "load")) == home
    assert redirect_path(send(state, "approve")) == home
    assert redirect_path(send(state, "reject", form=form(reason="不是党员"))) == home
    assert snapshot() == before and status_of(pending.disclosure_id) == "pending"
    if who != "revoked":
        assert state.rows == [] and state.name == "" and not state.found


def test_a_role_taken_away_takes_effect_on_the_next_action(client, staff, pending):
    state = on_review(client, staff, pending.disclosure_id)
    with db.transaction() as session:
        session.exec(delete(RoleGrant).where(RoleGrant.account_id == staff.account_id))
    before = snapshot()
    assert redirect_path(send(state, "approve")) == "/"
    assert snapshot() == before


def test_the_second_reviewer_is_told_who_decided(client, staff, admin, pending):
    first = on_review(client, staff, pending.disclosure_id)
    second = on_review(client, admin, pending.disclosure_id)
    send(first, "approve")
    send(second, "reject", form=form(reason="入党年份与档案不符"))
    assert status_of(pending.disclosure_id) == "approved"
    assert second.notice == text.Staff.ALREADY_REVIEWED.format(name="王敏", status="已亮明身份")
    assert second.status == "approved"


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "9" * 30, "2147483648", "²", "١", "1.0", ""])
def test_an_odd_address_finds_nothing(client, staff, pending, raw):
    state = client(
        ReviewState,
        staff,
        path=f"/staff/disclosures/{raw}",
        route=ROUTE,
        params={"disclosure_id": raw},
    )
    before = snapshot()
    assert send(state, "load") is None
    assert not state.found and state.notice == text.Err.NOT_FOUND
    send(state, "approve")
    send(state, "reject", form=form(reason="信息不全"))
    assert snapshot() == before


def test_a_draft_is_not_for_review(client, staff, resident):
    state = on_review(client, staff, resident.disclosure_id)
    assert not state.found
    send(state, "approve")
    assert status_of(resident.disclosure_id) == "draft"


def test_missing_or_extra_arguments_are_refused(client, staff, pending):
    state = on_review(client, staff, pending.disclosure_id)
    before = snapshot()
    with pytest.raises(TypeError):
        send(state, "approve", disclosure_id=pending.disclosure_id)
    with pytest.raises(TypeError):
        send(state, "reject")
    with pytest.raises(KeyError):
        send(state, "_reload", disclosure_id=pending.disclosure_id)
    assert snapshot() == before


# --- StaffState -----------------------------------------------------------------------------


@pytest.mark.parametrize(("who", "home"), [("member", "/"), ("secretary", "/"), (None, "/login")])
def test_staff_home_sends_others_away_and_shows_them_nothing(client, request, pending, who, home):
    state = client(StaffState, request.getfixturevalue(who) if who else None)
    assert redirect_path(send(state, "load")) == home
    assert redirect_path(send(state, "go", delta=1)) == home
    assert redirect_path(send(state, "filter_grid", form=form(grid="1"))) == home
    assert (state.pending, state.disclosed, state.queue, state.by_grid) == (0, 0, [], [])


def test_staff_home_counts(client, staff, member, join, community):
    first = join.submitted("13700000041", name="赵秀兰")
    join.submitted(
        "13700000042", name="钱桂芳", address={"building": "5", "unit": "1", "room": "101"}
    )
    with db.transaction() as session:
        referral.refer(
            session, member, {"name": "孙大爷", "whereabouts": "3栋", "how_known": "唱歌认识"}
        )
    state = client(StaffState, staff)
    assert send(state, "load") is None
    assert (state.pending, state.disclosed, state.referrals_open) == (2, 0, 1)
    assert [row["name"] for row in state.queue] == ["赵秀兰", "钱桂芳"]
    assert state.grid_options == [
        [str(community[0].id), "第一网格"],
        [str(community[1].id), "第二网格"],
    ]
    send(on_review(client, staff, first.disclosure_id), "approve")
    send(state, "load")
    assert (state.pending, state.disclosed) == (1, 1)
    assert state.by_grid == [["第一网格", "1"], ["第二网格", "0"]]
    send(state, "filter_grid", form=form(grid=str(community[0].id)))
    assert state.queue == [] and state.grid_filter == str(community[0].id)
    send(state, "filter_grid", form=form(grid=str(community[1].id)))
    assert [row["name"] for row in state.queue] == ["钱桂芳"]


def test_staff_home_with_junk_filters_and_pages(client, staff, pending):
    state = client(StaffState, staff)
    send(state, "load")
    before = snapshot()
    for junk in [*JUNK, *({"grid": value} for value in JUNK)]:
        send(state, "filter_grid", form=junk)
        assert state.grid_filter == "" and state.pending == 1 and len(state.queue) == 1, junk
        send(state, "go", delta=junk)
        assert state.page == 1
    assert snapshot() == before


def test_the_queue_never_shows_a_draft(client, staff, resident, pending):
    state = client(StaffState, staff)
    send(state, "load")
    assert [row["id"] for row in state.queue] == [str(pending.disclosure_id)]


def test_approving_tells_the_member(client, staff, pending):
    send(on_review(client, staff, pending.disclosure_id), "approve")
    with db.transaction() as session:
        titles = session.exec(
            select(Message.title).where(Message.account_id == pending.actor().account_id)
        ).all()
    assert text.Inbox.APPROVED_TITLE in titles

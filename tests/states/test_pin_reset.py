"""IssueResetState (/reset-pin: a helper gives a code) and RedeemResetState (/login/reset)."""

import pytest
from sqlmodel import select

from huajin_pwa import db, present, text
from huajin_pwa.models import Account, PinReset
from huajin_pwa.services import auth, pin_reset
from huajin_pwa.states.pin_reset import IssueResetState, RedeemResetState

from .helpers import FOCUS_ERRORS, JUNK, form, redirect_path, script, send, snapshot

PHONE, OLD_PIN, NEW_PIN = "13700000022", "135790", "864209"
OTHER_PHONE = "13700000033"


@pytest.fixture
def elder(join):
    """A member who disclosed in grid 1 (building 1), PIN 135790, signed in on one phone."""
    return join.submitted(PHONE, name="刘玉珍")


@pytest.fixture
def neighbour(join):
    """A member who disclosed in grid 2 (building 5)."""
    home = {"building": "5", "unit": "1", "room": "1101"}
    return join.submitted(OTHER_PHONE, name="赵淑珍", address=home)


@pytest.fixture
def code(staff, elder) -> str:
    """A code for the grid-1 member, issued by staff."""
    with db.transaction() as session:
        return pin_reset.issue(session, staff, PHONE).code


def resets() -> list[PinReset]:
    with db.transaction() as session:
        return list(session.exec(select(PinReset).order_by(PinReset.id)).all())


def account_id(phone: str) -> int:
    with db.transaction() as session:
        return session.exec(select(Account.id).where(Account.phone == phone)).one()


def actor_of(token: str):
    with db.transaction() as session:
        return auth.actor_from_token(session, token)


def redeem_form(code: str, pin: str = NEW_PIN, again: str = NEW_PIN, phone: str = PHONE):
    return form(phone=phone, code=code, pin=pin, pin_again=again)


# --- IssueResetState ------------------------------------------------------------------------


def test_load_signed_out_goes_to_sign_in(client, engine):
    assert redirect_path(send(client(IssueResetState), "load")) == "/login"


@pytest.mark.parametrize("roles", [(), ("member",), ("member", "leader")])
def test_load_for_a_member_goes_home(client, actor_with, roles):
    state = client(IssueResetState, actor_with(roles=roles))
    assert redirect_path(send(state, "load")) == "/"


@pytest.mark.parametrize("helper", ["secretary", "staff", "admin"])
def test_load_for_a_helper_opens_an_empty_page(client, request, helper):
    state = client(IssueResetState, request.getfixturevalue(helper))
    state.errors, state.code, state.code_for = {"phone": "旧的"}, "12345678", "旧的"
    assert send(state, "load") is None
    assert (state.errors, state.code, state.code_for, state.expires) == ({}, "", "", "")
    assert state.signed_in


def test_a_secretary_issues_a_code_for_a_member_of_own_grid(client, secretary, elder):
    state = client(IssueResetState, secretary)
    send(state, "load")
    result = send(state, "issue", form=form(phone="137 0000 0022"))
    assert result is None and state.errors == {}
    assert len(state.code) == 8 and state.code.isdigit()
    assert state.code_for == text.Reset.CODE_FOR.format(name="刘玉珍", phone=PHONE)
    [row] = resets()
    assert row.issued_by_id == secretary.account_id and row.account_id == account_id(PHONE)
    assert auth.HASHER.verify(state.code, row.code_hash)
    until = present.day_time(row.expires_at)
    assert state.expires == text.Reset.CODE_EXPIRES.format(until=until)


def test_the_shown_code_works_on_the_members_page(client, secretary, elder):
    helper = client(IssueResetState, secretary)
    send(helper, "issue", form=form(phone=PHONE))
    member = client(RedeemResetState)
    assert redirect_path(send(member, "redeem", form=redeem_form(helper.code))) == "/me"


def test_staff_issue_for_a_member_of_any_grid(client, staff, neighbour):
    state = client(IssueResetState, staff)
    send(state, "issue", form=form(phone=OTHER_PHONE))
    assert state.code and state.code_for == text.Reset.CODE_FOR.format(
        name="赵淑珍", phone=OTHER_PHONE
    )


def test_a_secretary_is_refused_for_another_grid(client, secretary, neighbour):
    state = client(IssueResetState, secretary)
    before = snapshot()
    result = send(state, "issue", form=form(phone=OTHER_PHONE))
    assert state.errors == {"phone": text.Reset.NOT_YOUR_MEMBER}
    assert state.code == "" and script(result) == FOCUS_ERRORS
    assert snapshot() == before


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("13712345678", text.Field.PHONE_UNKNOWN),
        ("1370000002", text.Field.PHONE_INVALID),
        ("13900000001", text.Reset.NOT_PIN_ACCOUNT),
    ],
)
def test_issue_refuses_a_number_it_cannot_help(client, staff, elder, phone, message):
    state = client(IssueResetState, staff)
    before = snapshot()
    result = send(state, "issue", form=form(phone=phone))
    assert state.errors == {"phone": message} and state.code == ""
    assert script(result) == FOCUS_ERRORS
    assert snapshot() == before


@pytest.mark.parametrize("junk", [*JUNK, {"phone": [PHONE]}, {"phone": None}])
def test_issue_with_junk_keeps_the_errors_and_saves_nothing(client, secretary, elder, junk):
    state = client(IssueResetState, secretary)
    send(state, "load")
    before = snapshot()
    result = send(state, "issue", form=junk)
    assert state.errors == {"phone": text.Field.PHONE_INVALID} and state.code == ""
    assert script(result) == FOCUS_ERRORS
    assert snapshot() == before


def test_issue_signed_out_or_as_a_member_saves_nothing(client, member, elder):
    signed_out, plain = client(IssueResetState), client(IssueResetState, member)
    before = snapshot()
    assert redirect_path(send(signed_out, "issue", form=form(phone=PHONE))) == "/login"
    assert redirect_path(send(plain, "issue", form=form(phone=PHONE))) == "/"
    assert signed_out.code == plain.code == ""
    assert snapshot() == before


def test_issue_after_the_helper_lost_the_role_is_refused(client, staff, secretary, elder):
    from huajin_pwa.services import accounts

    state = client(IssueResetState, secretary)
    with db.transaction() as session:
        accounts.revoke_role(session, staff, secretary.account_id, "secretary")
    assert redirect_path(send(state, "issue", form=form(phone=PHONE))) == "/"
    assert resets() == []


def test_another_clears_the_code(client, staff, elder):
    state = client(IssueResetState, staff)
    send(state, "issue", form=form(phone=PHONE))
    assert state.code
    send(state, "another")
    assert (state.code, state.code_for, state.expires) == ("", "", "")


# --- RedeemResetState -----------------------------------------------------------------------


def test_load_opens_the_page_signed_out(client, engine):
    state = client(RedeemResetState)
    state.errors = {"code": "旧的"}
    assert send(state, "load") is None
    assert state.errors == {} and not state.signed_in


def test_redeem_with_a_good_code_signs_in_and_goes_to_me(client, code, elder):
    state = client(RedeemResetState)
    send(state, "load")
    result = send(state, "redeem", form=redeem_form(code))
    assert redirect_path(result) == "/me"
    assert state.token and state.errors == {} and state.notice == text.Reset.DONE
    assert state.signed_in and state.user_name == "刘玉珍" and state.roles == []
    assert actor_of(state.token).account_id == account_id(PHONE)
    assert actor_of(elder.token) is None  # the old phone is signed out
    with db.transaction() as session:
        assert auth.sign_in(session, PHONE, NEW_PIN).token
        assert auth.sign_in(session, PHONE, OLD_PIN).token == ""


def test_redeem_on_a_browser_signed_in_with_an_old_session(client, code, elder):
    state = client(RedeemResetState, elder.token)
    send(state, "redeem", form=redeem_form(code))
    assert state.token != elder.token and actor_of(state.token) is not None


def test_redeem_with_a_bad_code_keeps_the_errors_and_the_token(client, code, elder):
    state = client(RedeemResetState, elder.token)
    wrong = f"{(int(code) + 1) % 10**8:08d}"
    result = send(state, "redeem", form=redeem_form(wrong))
    assert state.errors == {"code": text.Reset.CODE_INVALID}
    assert state.token == elder.token and script(result) == FOCUS_ERRORS
    assert redirect_path(result) is None
    [row] = resets()
    assert row.wrong_tries == 1  # the wrong try was committed
    with db.transaction() as session:
        assert auth.sign_in(session, PHONE, OLD_PIN).token


def test_five_bad_codes_then_the_right_one_is_refused(client, code):
    state = client(RedeemResetState)
    wrong = f"{(int(code) + 1) % 10**8:08d}"
    for _ in range(pin_reset.CODE_TRIES):
        send(state, "redeem", form=redeem_form(wrong))
    result = send(state, "redeem", form=redeem_form(code))
    assert state.errors == {"code": text.Reset.CODE_INVALID} and state.token == ""
    assert redirect_path(result) is None


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"pin": "111111", "again": "111111"}, {"pin": text.Field.PIN_WEAK}),
        ({"again": "864208"}, {"pin_again": text.Field.PIN_MISMATCH}),
        ({"phone": "12345"}, {"phone": text.Field.PHONE_INVALID}),
    ],
)
def test_redeem_with_bad_answers_changes_nothing(client, code, fields, errors):
    state = client(RedeemResetState)
    before = snapshot()
    result = send(state, "redeem", form=redeem_form(code, **fields))
    assert state.errors == errors and state.token == "" and script(result) == FOCUS_ERRORS
    assert snapshot() == before


@pytest.mark.parametrize("junk", [*JUNK, {"code": [1, 2]}, {"phone": None, "code": None}])
def test_redeem_with_junk_changes_nothing(client, code, junk):
    state = client(RedeemResetState)
    before = snapshot()
    result = send(state, "redeem", form=junk)
    assert state.errors and state.token == "" and script(result) == FOCUS_ERRORS
    assert not state.signed_in
    assert snapshot() == before

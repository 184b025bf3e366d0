"""SessionState (who is signed in, signing out, text size) and LoginState (number, then PIN)."""

from urllib.parse import quote

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Account, AuditEntry, AuthSession
from huajin_pwa.services import accounts, auth
from huajin_pwa.states.home import HomeState
from huajin_pwa.states.login import LoginState
from huajin_pwa.states.session import SessionState

from .helpers import FOCUS_ERRORS, JUNK, form, open_page, redirect_path, script, send, snapshot

DEMO_PHONE, DEMO_PIN = "13800000004", "246810"


@pytest.fixture
def demo_member(engine, community):
    """Like the demo's 13800000004: a disclosed member signing in with PIN 246810."""
    with db.transaction() as session:
        account = accounts.create_account(session, phone=DEMO_PHONE, name="演示党员", pin=DEMO_PIN)
        accounts.add_role(session, account.id, "member")
        return account.id


def account(phone: str) -> Account:
    with db.transaction() as session:
        return session.exec(select(Account).where(Account.phone == phone)).one()


def live_sessions(account_id: int) -> list[AuthSession]:
    with db.transaction() as session:
        query = select(AuthSession).where(
            AuthSession.account_id == account_id, AuthSession.revoked_at.is_(None)
        )
        return list(session.exec(query).all())


def type_pin(state: LoginState, pin: str):
    result = None
    for digit in pin:
        result = send(state, "press_digit", digit=digit)
    return result


# --- SessionState ---------------------------------------------------------------------------


def test_refresh_shows_the_signed_in_person(client, member):
    state = client(SessionState, member)
    send(state, "refresh")
    assert state.signed_in and state.user_name == "陈秀英" and state.roles == ["member"]


def test_refresh_forgets_a_token_that_leads_nowhere(client, engine):
    state = client(SessionState, "a-token-nobody-was-ever-given-1234")
    send(state, "refresh")
    assert state.token == "" and not state.signed_in and state.roles == []


def test_sign_out_revokes_the_session_in_the_database(client, member):
    state = client(SessionState, member)
    token = state.token
    assert len(live_sessions(member.account_id)) == 2  # make_actor's own and this device's
    result = send(state, "sign_out")
    assert redirect_path(result) == "/login"
    assert state.token == "" and not state.signed_in and state.notice == text.Auth.SIGNED_OUT
    assert len(live_sessions(member.account_id)) == 1  # the other device stays signed in
    with db.transaction() as session:
        assert auth.actor_from_token(session, token) is None
    again = client(SessionState, token)  # the old token, replayed from another browser
    send(again, "refresh")
    assert not again.signed_in


@pytest.mark.parametrize("token", ["", "short", "x" * 500])
def test_sign_out_without_a_live_session_changes_nothing(client, member, token):
    state = client(SessionState, token)
    before = snapshot()
    assert redirect_path(send(state, "sign_out")) == "/login"
    assert snapshot() == before


@pytest.mark.parametrize("size", ["large", "xlarge", "normal"])
def test_set_text_size_remembers_a_known_size(client, engine, size):
    state = client(SessionState)
    result = send(state, "set_text_size", size=size)
    assert state.text_size == size
    assert script(result) == f"window.huajinSetTextSize('{size}')"


@pytest.mark.parametrize(
    "junk", [*JUNK, "huge", "'); alert(1); ('", "LARGE", {"size": "large"}, ["large"]]
)
def test_set_text_size_with_junk_falls_back_to_normal(client, engine, junk):
    state = client(SessionState)
    state.text_size = "xlarge"
    result = send(state, "set_text_size", size=junk)
    assert state.text_size == "normal"
    assert script(result) == "window.huajinSetTextSize('normal')"


def test_the_client_cannot_set_server_vars_with_setvar(client, member):
    """Reflex's setvar reaches only vars with a setter: not roles, sign-in or ids."""
    state = client(HomeState)
    for name, value in [("roles", ["staff"]), ("signed_in", True), ("user_name", "x")]:
        with pytest.raises(AttributeError):
            send(state, "setvar", var_name=name, value=value)
    assert state.roles == [] and not state.signed_in
    send(state, "setvar", var_name="text_size", value="<script>")  # goes through the handler
    assert state.text_size == "normal"


# --- LoginState: the number -----------------------------------------------------------------


def test_submit_phone_of_a_member_asks_for_the_pin(client, demo_member):
    state = client(LoginState)
    result = send(state, "submit_phone", form=form(phone="138 0000 0004"))
    assert result is None
    assert state.step == "pin" and state.phone == DEMO_PHONE and state.errors == {}


def test_submit_phone_of_staff_asks_for_the_password(client, staff):
    state = client(LoginState)
    send(state, "submit_phone", form=form(phone="13900000001"))
    assert state.step == "password"


def test_submit_phone_unknown_number(client, demo_member):
    state = client(LoginState)
    result = send(state, "submit_phone", form=form(phone="13812345678"))
    assert state.errors == {"phone": text.Field.PHONE_UNKNOWN}
    assert state.step == "phone" and script(result) == FOCUS_ERRORS


@pytest.mark.parametrize("phone", ["1380000000", "23800000004", "138000000041", "电话", ""])
def test_submit_phone_bad_number(client, demo_member, phone):
    state = client(LoginState)
    send(state, "submit_phone", form=form(phone=phone))
    assert state.errors == {"phone": text.Field.PHONE_INVALID} and state.step == "phone"


@pytest.mark.parametrize("junk", [*JUNK, {"phone": ["13800000004"]}, {"phone": None}])
def test_submit_phone_with_junk_neither_crashes_nor_moves_on(client, demo_member, junk):
    state = client(LoginState)
    before = snapshot()
    result = send(state, "submit_phone", form=junk)
    assert state.step == "phone" and "phone" in state.errors and script(result) == FOCUS_ERRORS
    assert snapshot() == before


def test_submit_phone_of_a_disabled_account(client, demo_member):
    with db.transaction() as session:
        session.get(Account, demo_member).active = False
    state = client(LoginState)
    send(state, "submit_phone", form=form(phone=DEMO_PHONE))
    assert state.errors == {"phone": text.Err.ACCOUNT_DISABLED}


# --- LoginState: the PIN keypad -------------------------------------------------------------


@pytest.mark.parametrize(
    "junk", ["a", "12", "", " ", "-", "1.0", None, 1, 7.0, True, ["1"], {"digit": "1"}]
)
def test_press_digit_ignores_what_is_not_one_digit(client, demo_member, junk):
    state = client(LoginState)
    send(state, "submit_phone", form=form(phone=DEMO_PHONE))
    send(state, "press_digit", digit="2")
    assert send(state, "press_digit", digit=junk) is None
    assert state.pin_length == 1 and state._pin == "2"


def test_six_digits_sign_in_a_member(client, demo_member):
    state = client(LoginState)
    send(state, "submit_phone", form=form(phone=DEMO_PHONE))
    assert type_pin(state, DEMO_PIN[:5]) is None and state.pin_length == 5
    result = send(state, "press_digit", digit=DEMO_PIN[5])
    assert redirect_path(result) == "/"
    assert state.token and state.signed_in and state.user_name == "演示党员"
    assert state.pin_length == 0 and state._pin == "" and state.errors == {}
    with db.transaction() as session:
        assert auth.actor_from_token(session, state.token).account_id == demo_member


def test_the_pin_is_not_sent_to_the_browser(client, demo_member):
    state = client(LoginState)
    send(state, "submit_phone", form=form(phone=DEMO_PHONE))
    type_pin(state, "24681")
    assert "246810" not in repr(state.dict()) and "24681" not in repr(state.dict())


def test_delete_and_clear_digits(client, demo_member):
    state = client(LoginState)
    send(state, "submit_phone", form=form(phone=DEMO_PHONE))
    type_pin(state, "249")
    send(state, "delete_digit")
    assert state.pin_length == 2
    type_pin(state, "6810")
    assert state.signed_in  # 24 + 6810
    state = client(LoginState)
    send(state, "submit_phone", form=form(phone=DEMO_PHONE))
    type_pin(state, "999")
    send(state, "clear_pin")
    assert state.pin_length == 0
    assert redirect_path(type_pin(state, DEMO_PIN)) == "/"


def test_staff_sign_in_with_a_password_goes_to_staff(client, staff):
    state = client(LoginState)
    send(state, "submit_phone", form=form(phone="13900000001"))
    result = send(state, "submit_password", form=form(password="staff-password-1"))
    assert redirect_path(result) == "/staff" and state.roles == ["staff"]


@pytest.mark.parametrize("junk", [*JUNK, {"password": ["staff-password-1"]}])
def test_submit_password_with_junk_does_not_sign_in(client, staff, junk):
    state = client(LoginState)
    send(state, "submit_phone", form=form(phone="13900000001"))
    result = send(state, "submit_password", form=junk)
    assert state.token == "" and not state.signed_in
    assert "password" in state.errors and script(result) == FOCUS_ERRORS


def test_wrong_pin_five_times_locks_the_account(client, demo_member):
    state = client(LoginState)
    send(state, "submit_phone", form=form(phone=DEMO_PHONE))
    for left in (4, 3, 2, 1):
        result = type_pin(state, "975310")
        assert state.errors == {"pin": text.Auth.WRONG_SECRET.format(left=left)}
        assert script(result) == FOCUS_ERRORS and state.pin_length == 0
    type_pin(state, "975310")
    assert "锁定" in state.errors["pin"]
    assert account(DEMO_PHONE).locked_until is not None
    with db.transaction() as session:
        locks = session.exec(select(AuditEntry).where(AuditEntry.action == "account_locked"))
        assert [entry.target_id for entry in locks] == [demo_member]
    # The right PIN is refused while locked, from this device or a fresh one.
    assert redirect_path(type_pin(state, DEMO_PIN)) is None
    assert "锁定" in state.errors["pin"] and state.token == ""
    other = client(LoginState)
    send(other, "submit_phone", form=form(phone=DEMO_PHONE))
    type_pin(other, DEMO_PIN)
    assert "锁定" in other.errors["pin"] and not other.signed_in


def test_press_digit_before_a_number_signs_nobody_in(client, demo_member):
    state = client(LoginState)
    type_pin(state, DEMO_PIN)
    assert state.token == "" and state.errors == {"pin": text.Field.PHONE_INVALID}


def test_load_sends_a_signed_in_person_home(client, member):
    state = client(LoginState, member)
    assert redirect_path(send(state, "load")) == "/"
    assert send(client(LoginState), "load") is None


@pytest.mark.parametrize(
    "wanted, lands",
    [
        ("/study/checkin/abc123", "/study/checkin/abc123"),
        ("/study?page=2", "/study?page=2"),
        ("https://evil.example/", "/"),
        ("//evil.example/x", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("/login", "/"),
        ("/学习", "/"),
    ],
)
def test_signing_in_goes_back_to_next_only_on_this_site(client, demo_member, wanted, lands):
    state = client(LoginState)
    open_page(state, "/login?next=" + quote(wanted, safe=""), route="/login")
    assert send(state, "load") is None
    send(state, "submit_phone", form=form(phone=DEMO_PHONE))
    assert redirect_path(type_pin(state, DEMO_PIN)) == lands
    assert state.signed_in


def test_a_signed_in_person_opening_login_with_next_goes_there(client, demo_member):
    state = client(LoginState)
    send(state, "submit_phone", form=form(phone=DEMO_PHONE))
    type_pin(state, DEMO_PIN)
    open_page(state, "/login?next=%2Fstudy%2Fcheckin%2Fabc", route="/login")
    assert redirect_path(send(state, "load")) == "/study/checkin/abc"

"""Sign-in: PIN and password, lockout, sessions, and the actor behind a token."""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Account, AuditEntry, AuthSession
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import accounts, auth
from huajin_pwa.services.errors import FormError, NotSignedIn

pytestmark = pytest.mark.usefixtures("fast_hashing")

PHONE, PIN = "13700000001", "135790"
LOCKED = text.Auth.LOCKED.split("{")[0]  # the locked message up to the time


@pytest.fixture
def pin_account(run, community):
    """A member account signing in by PIN (no session yet); returns its id."""
    account = run(accounts.create_account, phone=PHONE, name="刘桂兰", pin=PIN)
    return account.id


def sign_in(run, phone=PHONE, secret=PIN) -> auth.SignInResult:
    return run(auth.sign_in, phone, secret)


def account_row(account_id: int) -> Account:
    with db.transaction() as session:
        return session.get(Account, account_id)


def set_locked_until(account_id: int, when) -> None:
    with db.transaction() as session:
        session.exec(update(Account).where(Account.id == account_id).values(locked_until=when))


def audit_actions(action: str) -> list[AuditEntry]:
    with db.transaction() as session:
        return list(session.exec(select(AuditEntry).where(AuditEntry.action == action)).all())


def session_rows() -> list[AuthSession]:
    with db.transaction() as session:
        return list(session.exec(select(AuthSession).order_by(AuthSession.id)).all())


# --- hashing -------------------------------------------------------------------------------


def test_the_real_hasher_is_argon2():
    assert auth.HASHER.default_scheme() == "argon2"


def test_secrets_are_stored_as_argon2_hashes(pin_account):
    stored = account_row(pin_account).secret_hash
    assert stored.startswith("$argon2")
    assert PIN not in stored


# --- secret_kind_for -----------------------------------------------------------------------


def test_secret_kind_for_pin_and_password(run, pin_account, staff):
    assert run(auth.secret_kind_for, PHONE) == "pin"
    assert run(auth.secret_kind_for, " 139-0000-0001 ") == "password"


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("13712345678", text.Field.PHONE_UNKNOWN),
        ("12345", text.Field.PHONE_INVALID),
        (None, text.Field.PHONE_INVALID),
        ({"phone": PHONE}, text.Field.PHONE_INVALID),
    ],
)
def test_secret_kind_for_refuses(run, pin_account, phone, message):
    with pytest.raises(FormError) as caught:
        run(auth.secret_kind_for, phone)
    assert caught.value.errors == {"phone": message}


def test_secret_kind_for_a_disabled_account(run, pin_account, staff):
    run(accounts.set_active, staff, pin_account, False)
    with pytest.raises(FormError) as caught:
        run(auth.secret_kind_for, PHONE)
    assert caught.value.errors == {"phone": text.Err.ACCOUNT_DISABLED}


# --- sign_in -------------------------------------------------------------------------------


def test_sign_in_with_the_right_pin(run, pin_account):
    result = sign_in(run)
    assert result.error == ""
    actor = run(auth.actor_from_token, result.token)
    assert actor.account_id == pin_account
    assert actor.name == "刘桂兰"
    assert actor.phone == PHONE
    assert actor.roles == frozenset()


def test_sign_in_with_a_password(run, staff):
    result = sign_in(run, "13900000001", "staff-password-1")
    assert result.token
    assert run(auth.actor_from_token, result.token).roles == {"staff"}


def test_sign_in_with_the_number_typed_with_spaces(run, pin_account):
    assert sign_in(run, "137 0000 0001").token


def test_wrong_pin_says_how_many_tries_are_left(run, pin_account):
    result = sign_in(run, secret="246810")
    assert result.token == ""
    assert result.error == text.Auth.WRONG_SECRET.format(left=4)
    assert account_row(pin_account).failed_tries == 1
    assert session_rows() == []


@pytest.mark.parametrize("secret", ["", None, 135790, {"pin": PIN}, "1" * 129, PIN + " "])
def test_odd_secrets_count_as_wrong(run, pin_account, secret):
    result = sign_in(run, secret=secret)
    assert result.token == ""
    assert result.error == text.Auth.WRONG_SECRET.format(left=4)


def test_unknown_phone(run, pin_account):
    result = sign_in(run, "13712345678")
    assert result == auth.SignInResult(error=text.Field.PHONE_UNKNOWN)
    assert account_row(pin_account).failed_tries == 0


@pytest.mark.parametrize("phone", ["", "abc", None, "1" * 10_000, ["13700000001"]])
def test_invalid_phone(run, pin_account, phone):
    assert sign_in(run, phone) == auth.SignInResult(error=text.Field.PHONE_INVALID)


def test_password_account_refuses_a_wrong_password(run, staff):
    result = sign_in(run, "13900000001", "staff-password-2")
    assert result.error == text.Auth.WRONG_SECRET.format(left=4)


def test_disabled_account_cannot_sign_in(run, pin_account, staff):
    run(accounts.set_active, staff, pin_account, False)
    assert sign_in(run) == auth.SignInResult(error=text.Err.ACCOUNT_DISABLED)


# --- lockout -------------------------------------------------------------------------------


def fail(run, times: int) -> list[auth.SignInResult]:
    return [sign_in(run, secret="246810") for _ in range(times)]


def test_five_wrong_tries_lock_the_account_for_15_minutes(run, pin_account):
    before = utcnow()
    results = fail(run, 5)
    assert [r.error for r in results[:4]] == [
        text.Auth.WRONG_SECRET.format(left=left) for left in (4, 3, 2, 1)
    ]
    row = account_row(pin_account)
    assert before + auth.LOCK_TIME <= row.locked_until <= utcnow() + auth.LOCK_TIME
    until = row.locked_until.astimezone(auth.LOCAL_TZ).strftime("%H:%M")
    assert results[4] == auth.SignInResult(error=text.Auth.LOCKED.format(until=until))


def test_the_lock_is_audited(run, pin_account):
    fail(run, 4)
    assert audit_actions("account_locked") == []
    fail(run, 1)
    [entry] = audit_actions("account_locked")
    assert (entry.target_type, entry.target_id, entry.actor_id) == ("account", pin_account, None)


def test_even_the_right_pin_is_refused_while_locked(run, pin_account):
    fail(run, 5)
    result = sign_in(run)
    assert result.token == ""
    assert result.error.startswith(LOCKED)
    assert session_rows() == []


def test_wrong_tries_while_locked_do_not_extend_the_lock(run, pin_account):
    fail(run, 5)
    locked_until = account_row(pin_account).locked_until
    fail(run, 7)
    assert account_row(pin_account).locked_until == locked_until
    assert len(audit_actions("account_locked")) == 1


def test_the_lock_ends_after_15_minutes(run, pin_account):
    fail(run, 5)
    set_locked_until(pin_account, utcnow() - timedelta(seconds=1))
    result = sign_in(run)
    assert result.token
    row = account_row(pin_account)
    assert row.locked_until is None
    assert row.failed_tries == 0


def test_after_the_lock_ends_a_wrong_try_starts_counting_again(run, pin_account):
    fail(run, 5)
    set_locked_until(pin_account, utcnow() - timedelta(seconds=1))
    assert sign_in(run, secret="246810").error == text.Auth.WRONG_SECRET.format(left=4)


def test_the_lock_still_holds_a_minute_before_it_ends(run, pin_account):
    fail(run, 5)
    set_locked_until(pin_account, utcnow() + timedelta(minutes=1))
    assert sign_in(run).token == ""


def test_a_successful_sign_in_resets_the_wrong_tries(run, pin_account):
    fail(run, 4)
    assert sign_in(run).token
    assert account_row(pin_account).failed_tries == 0
    results = fail(run, 4)
    assert results[-1].error == text.Auth.WRONG_SECRET.format(left=1)
    assert account_row(pin_account).locked_until is None


def test_lockout_is_per_account(run, pin_account, staff):
    fail(run, 5)
    assert sign_in(run, "13900000001", "staff-password-1").token


def test_parallel_wrong_tries_cannot_get_past_the_lock(run, pin_account):
    """Ten guesses sent at once: the fifth locks the account and the rest are refused unchecked."""
    start = threading.Barrier(10)
    results: list[auth.SignInResult] = []

    def guess():
        start.wait(timeout=30)
        results.append(sign_in(run, secret="246810"))

    threads = [threading.Thread(target=guess) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 10
    wrong = sorted(r.error for r in results if not r.error.startswith(LOCKED))
    assert wrong == sorted(text.Auth.WRONG_SECRET.format(left=left) for left in (4, 3, 2, 1))
    assert len(audit_actions("account_locked")) == 1
    assert account_row(pin_account).locked_until is not None


# --- sessions ------------------------------------------------------------------------------


def test_pin_sessions_last_30_days(run, pin_account):
    sign_in(run)
    [row] = session_rows()
    assert row.expires_at - row.created_at == pytest.approx(
        timedelta(days=30), abs=timedelta(seconds=5)
    )


def test_password_sessions_last_12_hours(run, staff):
    before = len(session_rows())
    sign_in(run, "13900000001", "staff-password-1")
    row = session_rows()[before]
    life = row.expires_at - row.created_at
    assert life == pytest.approx(timedelta(hours=12), abs=timedelta(seconds=5))


def test_only_the_hash_of_a_token_is_stored(run, pin_account, engine):
    token = sign_in(run).token
    [row] = session_rows()
    assert row.token_hash == auth.token_hash(token)
    assert row.token_hash != token
    with engine.connect() as connection:
        dump = repr(connection.exec_driver_sql("SELECT * FROM auth_session").all())
    assert token not in dump


def test_every_sign_in_gets_its_own_token(run, pin_account):
    first, second = sign_in(run).token, sign_in(run).token
    assert first != second
    assert len(first) >= 40
    assert run(auth.actor_from_token, first).account_id == pin_account
    assert run(auth.actor_from_token, second).account_id == pin_account


def test_an_expired_token_gives_nobody(run, pin_account):
    token = sign_in(run).token
    with db.transaction() as session:
        session.exec(update(AuthSession).values(expires_at=utcnow() - timedelta(seconds=1)))
    assert run(auth.actor_from_token, token) is None


def test_a_revoked_token_gives_nobody(run, pin_account):
    token = sign_in(run).token
    with db.transaction() as session:
        session.exec(update(AuthSession).values(revoked_at=utcnow()))
    assert run(auth.actor_from_token, token) is None


@pytest.mark.parametrize(
    "token", [None, "", "short", 12345, {"token": "x" * 43}, ["x" * 43], "x" * 43, "x" * 10_000]
)
def test_a_bad_token_gives_nobody(run, pin_account, token):
    sign_in(run)
    assert run(auth.actor_from_token, token) is None


def test_sign_out_revokes_only_that_session(run, pin_account):
    phone_token, tablet_token = sign_in(run).token, sign_in(run).token
    run(auth.sign_out, phone_token)
    assert run(auth.actor_from_token, phone_token) is None
    assert run(auth.actor_from_token, tablet_token) is not None
    revoked = [row for row in session_rows() if row.revoked_at is not None]
    assert [row.token_hash for row in revoked] == [auth.token_hash(phone_token)]


def test_sign_out_twice_keeps_the_first_revocation_time(run, pin_account):
    token = sign_in(run).token
    run(auth.sign_out, token)
    [first] = session_rows()
    run(auth.sign_out, token)
    [second] = session_rows()
    assert second.revoked_at == first.revoked_at


@pytest.mark.parametrize("token", [None, "", 42, {"a": 1}, "not-a-real-token-at-all-xxxxxxxx"])
def test_sign_out_with_a_bad_token_changes_nothing(run, pin_account, token):
    sign_in(run)
    run(auth.sign_out, token)
    assert all(row.revoked_at is None for row in session_rows())


def test_revoke_all_signs_out_every_device_of_that_person_only(run, pin_account, staff):
    tokens = [sign_in(run).token for _ in range(3)]
    staff_token = sign_in(run, "13900000001", "staff-password-1").token
    run(auth.revoke_all, run(auth.actor_from_token, tokens[0]))
    assert [run(auth.actor_from_token, token) for token in tokens] == [None, None, None]
    assert run(auth.actor_from_token, staff_token) is not None


def test_revoke_all_needs_someone_signed_in(run):
    with pytest.raises(NotSignedIn, match=text.Err.NOT_SIGNED_IN):
        run(auth.revoke_all, None)


# --- the actor is read fresh on every action -----------------------------------------------


def test_a_disabled_account_is_signed_out_on_the_next_action(run, pin_account, staff):
    token = sign_in(run).token
    run(accounts.set_active, staff, pin_account, False)
    assert run(auth.actor_from_token, token) is None
    run(accounts.set_active, staff, pin_account, True)
    assert run(auth.actor_from_token, token) is not None


def test_a_granted_role_shows_on_the_next_action(run, pin_account, staff):
    token = sign_in(run).token
    run(accounts.grant_role, staff, pin_account, "leader")
    assert run(auth.actor_from_token, token).roles == {"leader"}


def test_a_revoked_role_is_gone_on_the_next_action(run, pin_account, staff, community):
    token = sign_in(run).token
    run(accounts.grant_role, staff, pin_account, "member")
    run(accounts.grant_role, staff, pin_account, "secretary", community[1].id)
    actor = run(auth.actor_from_token, token)
    assert actor.roles == {"member", "secretary"}
    assert actor.secretary_grids == {community[1].id}
    run(accounts.revoke_role, staff, pin_account, "secretary")
    actor = run(auth.actor_from_token, token)
    assert actor.roles == {"member"}
    assert actor.secretary_grids == frozenset()


def test_a_secretary_of_two_grids(run, pin_account, staff, community):
    token = sign_in(run).token
    for grid in community:
        run(accounts.grant_role, staff, pin_account, "secretary", grid.id)
    assert run(auth.actor_from_token, token).secretary_grids == {g.id for g in community}

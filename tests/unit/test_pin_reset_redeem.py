"""Forgotten PIN: the member redeems the code once for a new PIN; wrong and bad tries."""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import update

from huajin_pwa import db, text
from huajin_pwa.models import AuthSession, Message, PinReset
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import accounts, auth, pin_reset
from tests.unit.pin_reset_support import (
    NEW_PIN,
    OLD_PIN,
    OTHER_PHONE,
    PHONE,
    account_of,
    audits,
    redeem,
    rows,
    sign_in,
    snapshot,
    wrong,
)

pytestmark = pytest.mark.usefixtures("fast_hashing")


# --- redeem: the good path -----------------------------------------------------------------


@pytest.fixture
def code(run, staff, elder) -> str:
    """A fresh code for the grid-1 member, issued by staff."""
    return run(pin_reset.issue, staff, PHONE).code


def test_a_good_code_sets_the_new_pin(run, code):
    result = redeem(run, code)
    assert result.errors == {} and result.token
    assert sign_in(run, OLD_PIN).error == text.Auth.WRONG_SECRET.format(left=4)
    assert sign_in(run, NEW_PIN).token


def test_the_returned_token_signs_the_member_in(run, code, elder):
    token = redeem(run, code).token
    actor = run(auth.actor_from_token, token)
    assert actor.account_id == account_of(PHONE).id and actor.name == "周凤兰"
    mine = [row for row in rows(AuthSession) if row.account_id == actor.account_id]
    [live] = [row for row in mine if row.revoked_at is None]
    assert live.token_hash == auth.token_hash(token)
    assert live.expires_at - live.created_at == pytest.approx(
        auth.PIN_SESSION, abs=timedelta(seconds=5)
    )


def test_redeeming_signs_out_every_older_session(run, code, elder, neighbour):
    other_device = sign_in(run, OLD_PIN).token
    neighbours = neighbour.token
    redeem(run, code)
    assert run(auth.actor_from_token, elder.token) is None
    assert run(auth.actor_from_token, other_device) is None
    assert run(auth.actor_from_token, neighbours) is not None  # only this member's sessions


def test_redeeming_unlocks_a_locked_account(run, code):
    for _ in range(auth.MAX_TRIES):
        sign_in(run, "975310")
    before = account_of(PHONE)
    assert before.locked_until > utcnow()
    assert sign_in(run, OLD_PIN).error.startswith(text.Auth.LOCKED.split("{")[0])
    assert redeem(run, code).token
    after = account_of(PHONE)
    assert (after.locked_until, after.failed_tries) == (None, 0)
    assert sign_in(run, NEW_PIN).token


def test_redeeming_clears_earlier_wrong_pin_tries(run, code):
    for _ in range(3):
        sign_in(run, "975310")
    assert account_of(PHONE).failed_tries == 3
    redeem(run, code)
    assert account_of(PHONE).failed_tries == 0


def test_a_code_works_only_once(run, code):
    assert redeem(run, code).token
    [row] = rows(PinReset)
    assert row.used_at is not None
    again = redeem(run, code, pin="975310")
    assert again == pin_reset.RedeemResult(errors={"code": text.Reset.CODE_INVALID})
    assert sign_in(run, NEW_PIN).token  # the second try changed nothing
    assert sign_in(run, "975310").token == ""


def test_redeeming_sends_a_message_and_is_audited(run, code):
    member_id = account_of(PHONE).id
    before = [m.id for m in rows(Message)]
    redeem(run, code)
    [message] = [m for m in rows(Message) if m.id not in before]
    assert message.account_id == member_id and message.read_at is None
    assert (message.title, message.body, message.link) == (
        text.Reset.MESSAGE_TITLE,
        text.Reset.MESSAGE_BODY,
        "/me",
    )
    [entry] = audits("pin_reset_used")
    assert (entry.actor_id, entry.target_type, entry.target_id) == (member_id, "account", member_id)


@pytest.mark.parametrize("typed", ["{a} {b}", " {a}{b} ", "{a}  {b}"])
def test_the_code_may_be_typed_with_spaces(run, code, typed):
    assert redeem(run, typed.format(a=code[:4], b=code[4:])).token


def test_the_number_may_be_typed_with_spaces(run, code):
    assert redeem(run, code, phone="137-0000-0011").token


# --- redeem: wrong codes -------------------------------------------------------------------


def test_a_wrong_code_is_counted(run, code):
    result = redeem(run, wrong(code))
    assert result == pin_reset.RedeemResult(errors={"code": text.Reset.CODE_INVALID})
    [row] = rows(PinReset)
    assert (row.wrong_tries, row.used_at) == (1, None)
    assert sign_in(run, OLD_PIN).token  # the PIN is unchanged
    assert audits("pin_reset_used") == []


def test_four_wrong_tries_leave_the_code_usable(run, code):
    for _ in range(pin_reset.CODE_TRIES - 1):
        assert redeem(run, wrong(code)).errors == {"code": text.Reset.CODE_INVALID}
    assert redeem(run, code).token


def test_the_fifth_wrong_try_voids_the_code(run, code):
    for _ in range(pin_reset.CODE_TRIES):
        redeem(run, wrong(code))
    [row] = rows(PinReset)
    assert row.used_at is not None
    before = snapshot()
    assert redeem(run, code) == pin_reset.RedeemResult(errors={"code": text.Reset.CODE_INVALID})
    assert snapshot() == before
    assert sign_in(run, OLD_PIN).token


def test_a_new_code_after_a_voided_one_works(run, staff, code):
    for _ in range(pin_reset.CODE_TRIES):
        redeem(run, wrong(code))
    fresh = run(pin_reset.issue, staff, PHONE).code
    assert redeem(run, fresh).token


def test_parallel_wrong_tries_cannot_get_past_the_limit(run, code):
    """Ten guesses sent at once: every one is counted, so at most five are ever checked."""
    start = threading.Barrier(10)
    results: list[pin_reset.RedeemResult] = []

    def guess(n: int):
        start.wait(timeout=30)
        results.append(redeem(run, f"{(int(code) + n) % 10**8:08d}"))

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(1, 11)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 10
    assert all(r.errors == {"code": text.Reset.CODE_INVALID} for r in results)
    [row] = rows(PinReset)
    assert row.wrong_tries == pin_reset.CODE_TRIES and row.used_at is not None
    assert redeem(run, code).errors == {"code": text.Reset.CODE_INVALID}


def test_parallel_redeems_of_one_code_succeed_once(run, code):
    start = threading.Barrier(4)
    results: dict[str, pin_reset.RedeemResult] = {}

    def use(pin: str):
        start.wait(timeout=30)
        results[pin] = redeem(run, code, pin=pin)

    pins = ["864209", "975310", "208642", "531975"]
    threads = [threading.Thread(target=use, args=(pin,)) for pin in pins]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 4
    [winner] = [pin for pin, result in results.items() if result.token]
    assert all(
        results[pin].errors == {"code": text.Reset.CODE_INVALID} for pin in pins if pin != winner
    )
    assert sign_in(run, winner).token
    assert len(audits("pin_reset_used")) == 1
    assert len([m for m in rows(Message) if m.title == text.Reset.MESSAGE_TITLE]) == 1


def test_an_expired_code_is_refused(run, code):
    with db.transaction() as session:
        session.exec(update(PinReset).values(expires_at=utcnow() - timedelta(seconds=1)))
    before = snapshot()
    assert redeem(run, code) == pin_reset.RedeemResult(errors={"code": text.Reset.CODE_INVALID})
    assert snapshot() == before
    assert sign_in(run, OLD_PIN).token


def test_a_code_a_minute_before_it_expires_still_works(run, code):
    with db.transaction() as session:
        session.exec(update(PinReset).values(expires_at=utcnow() + timedelta(minutes=1)))
    assert redeem(run, code).token


def test_a_code_works_only_for_its_own_number(run, code, neighbour):
    before = snapshot()
    result = redeem(run, code, phone=OTHER_PHONE)
    assert result == pin_reset.RedeemResult(errors={"code": text.Reset.CODE_INVALID})
    assert snapshot() == before


def test_an_unknown_number_is_refused(run, code):
    before = snapshot()
    result = redeem(run, code, phone="13712345678")
    assert result == pin_reset.RedeemResult(errors={"code": text.Reset.CODE_INVALID})
    assert snapshot() == before


def test_a_disabled_account_is_refused(run, staff, code):
    run(accounts.set_active, staff, account_of(PHONE).id, False)
    before = snapshot()
    assert redeem(run, code) == pin_reset.RedeemResult(errors={"code": text.Reset.CODE_INVALID})
    assert snapshot() == before
    run(accounts.set_active, staff, account_of(PHONE).id, True)
    assert sign_in(run, OLD_PIN).token


# --- redeem: bad answers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pin", "again", "errors"),
    [
        ("111111", None, {"pin": text.Field.PIN_WEAK}),
        ("123456", None, {"pin": text.Field.PIN_WEAK}),
        ("654321", None, {"pin": text.Field.PIN_WEAK}),
        ("520520", None, {"pin": text.Field.PIN_WEAK}),
        ("12345", None, {"pin": text.Field.PIN_INVALID}),
        ("1234567", None, {"pin": text.Field.PIN_INVALID}),
        ("86420a", None, {"pin": text.Field.PIN_INVALID}),
        ("８６４２０９", None, {"pin": text.Field.PIN_INVALID}),
        ("", None, {"pin": text.Field.PIN_INVALID}),
        (NEW_PIN, "864208", {"pin_again": text.Field.PIN_MISMATCH}),
        (NEW_PIN, "", {"pin_again": text.Field.PIN_MISMATCH}),
    ],
)
def test_a_bad_new_pin_changes_nothing(run, code, pin, again, errors):
    before = snapshot()
    assert redeem(run, code, pin=pin, again=again) == pin_reset.RedeemResult(errors=errors)
    assert snapshot() == before  # not even a counted try


@pytest.mark.parametrize(
    "typed", ["1234567", "123456789", "abcdefgh", "１２３４５６７８", "1234-5678", "", "١٢٣٤٥٦٧٨"]
)
def test_a_malformed_code_changes_nothing(run, code, typed):
    before = snapshot()
    result = redeem(run, typed)
    assert result == pin_reset.RedeemResult(errors={"code": text.Reset.CODE_FORMAT})
    assert snapshot() == before


@pytest.mark.parametrize("phone", ["12345", "", "电话号码"])
def test_a_bad_number_changes_nothing(run, code, phone):
    before = snapshot()
    result = redeem(run, code, phone=phone)
    assert result == pin_reset.RedeemResult(errors={"phone": text.Field.PHONE_INVALID})
    assert snapshot() == before


@pytest.mark.parametrize("form", [None, "x", [], ["13700000011", "12345678"], 5, {}])
def test_junk_instead_of_a_form_changes_nothing(run, code, form):
    before = snapshot()
    result = run(pin_reset.redeem, form)
    assert result.token == ""
    assert result.errors == {
        "phone": text.Field.PHONE_INVALID,
        "code": text.Reset.CODE_FORMAT,
        "pin": text.Field.PIN_INVALID,
    }
    assert snapshot() == before


@pytest.mark.parametrize(
    "fields",
    [
        {"phone": [PHONE]},
        {"code": {"code": "12345678"}},
        {"pin": [NEW_PIN]},
        {"pin": None},
        {"pin_again": [NEW_PIN]},
    ],
)
def test_junk_in_one_field_changes_nothing(run, code, fields):
    form = {"phone": PHONE, "code": code, "pin": NEW_PIN, "pin_again": NEW_PIN, **fields}
    before = snapshot()
    result = run(pin_reset.redeem, form)
    assert result.token == "" and set(result.errors) == set(fields)
    assert snapshot() == before

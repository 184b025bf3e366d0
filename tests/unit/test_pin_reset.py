"""Forgotten PIN: a helper issues a one-time code in person; the member redeems it once."""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlmodel import SQLModel, select

from huajin_pwa import db, text
from huajin_pwa.models import Account, AuditEntry, AuthSession, Disclosure, Message, PinReset
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import accounts, auth, pin_reset
from huajin_pwa.services.errors import FormError, NotSignedIn, PermissionDenied

pytestmark = pytest.mark.usefixtures("fast_hashing")

PHONE, OLD_PIN, NEW_PIN = "13700000011", "135790", "864209"
OTHER_PHONE = "13700000022"
GRID_2_HOME = {"building": "5", "unit": "1", "room": "1101"}


@pytest.fixture
def elder(join):
    """A member who disclosed in grid 1 (building 1), PIN 135790, signed in on one phone."""
    return join.submitted(PHONE, name="周凤兰")


@pytest.fixture
def neighbour(join):
    """A member who disclosed in grid 2 (building 5)."""
    return join.submitted(OTHER_PHONE, name="刘玉珍", address=GRID_2_HOME)


def account_of(phone: str) -> Account:
    with db.transaction() as session:
        return session.exec(select(Account).where(Account.phone == phone)).one()


def rows(model: type[SQLModel]) -> list:
    with db.transaction() as session:
        return list(session.exec(select(model).order_by(model.id)).all())


def audits(action: str) -> list[AuditEntry]:
    return [entry for entry in rows(AuditEntry) if entry.action == action]


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table: compare two to prove nothing changed."""
    with db.get_engine().connect() as connection:
        return {
            table.name: [
                tuple(row)
                for row in connection.execute(table.select().order_by(*table.primary_key))
            ]
            for table in SQLModel.metadata.sorted_tables
        }


def redeem(run, code: str, pin: str = NEW_PIN, again: str | None = None, phone: str = PHONE):
    """Redeem as /login/reset does: in its own transaction, committed whatever the result."""
    form = {"phone": phone, "code": code, "pin": pin, "pin_again": pin if again is None else again}
    return run(pin_reset.redeem, form)


def wrong(code: str) -> str:
    """Another 8-digit code."""
    return f"{(int(code) + 1) % 10**8:08d}"


def sign_in(run, pin: str, phone: str = PHONE) -> auth.SignInResult:
    return run(auth.sign_in, phone, pin)


# --- issue: who may ------------------------------------------------------------------------


def test_staff_issues_a_code(run, staff, elder):
    before = utcnow()
    issued = run(pin_reset.issue, staff, "137 0000 0011")
    assert len(issued.code) == 8 and issued.code.isascii() and issued.code.isdigit()
    assert (issued.name, issued.phone) == ("周凤兰", PHONE)
    assert before + pin_reset.CODE_LIFE <= issued.expires_at <= utcnow() + pin_reset.CODE_LIFE
    [row] = rows(PinReset)
    assert row.account_id == account_of(PHONE).id and row.issued_by_id == staff.account_id
    assert (row.wrong_tries, row.used_at) == (0, None)
    assert issued.code not in row.code_hash and row.code_hash.startswith("$argon2")
    assert auth.HASHER.verify(issued.code, row.code_hash)


def test_staff_issue_for_any_pin_account(run, staff, neighbour, member, join):
    join.sign_up("13700000033")  # a draft with no address yet
    for phone in (OTHER_PHONE, member.phone, "13700000033"):
        assert run(pin_reset.issue, staff, phone).phone == phone
    assert len(rows(PinReset)) == 3


def test_an_admin_may_issue_too(run, admin, neighbour):
    assert run(pin_reset.issue, admin, OTHER_PHONE).code


def test_a_secretary_issues_for_a_member_of_own_grid(run, secretary, elder):
    issued = run(pin_reset.issue, secretary, PHONE)
    [row] = rows(PinReset)
    assert row.issued_by_id == secretary.account_id
    assert auth.HASHER.verify(issued.code, row.code_hash)


@pytest.mark.parametrize("who", ["other grid", "no disclosure", "draft without address"])
def test_a_secretary_is_refused_for_anyone_else(run, secretary, neighbour, member, join, who):
    if who == "draft without address":
        join.sign_up("13700000033")
    phone = {
        "other grid": OTHER_PHONE,
        "no disclosure": member.phone,
        "draft without address": "13700000033",
    }[who]
    before = snapshot()
    with pytest.raises(FormError) as caught:
        run(pin_reset.issue, secretary, phone)
    assert caught.value.errors == {"phone": text.Reset.NOT_YOUR_MEMBER}
    assert snapshot() == before


def test_the_latest_disclosure_decides_the_grid(run, secretary, elder, neighbour, community):
    """The grid-1 member started a new disclosure in grid 2, the grid-2 one in grid 1."""
    with db.transaction() as session:
        for phone, grid in ((PHONE, community[1]), (OTHER_PHONE, community[0])):
            account = session.exec(select(Account).where(Account.phone == phone)).one()
            session.add(Disclosure(account_id=account.id, grid_id=grid.id))
    with pytest.raises(FormError) as caught:
        run(pin_reset.issue, secretary, PHONE)
    assert caught.value.errors == {"phone": text.Reset.NOT_YOUR_MEMBER}
    assert run(pin_reset.issue, secretary, OTHER_PHONE).phone == OTHER_PHONE


@pytest.mark.parametrize("roles", [(), ("member",), ("leader",), ("member", "leader")])
def test_a_member_may_not_issue(run, actor_with, elder, roles):
    actor = actor_with(roles=roles)
    before = snapshot()
    with pytest.raises(PermissionDenied, match=text.Err.NO_PERMISSION):
        run(pin_reset.issue, actor, PHONE)
    assert snapshot() == before


def test_nobody_signed_in_may_not_issue(run, elder):
    before = snapshot()
    with pytest.raises(NotSignedIn, match=text.Err.NOT_SIGNED_IN):
        run(pin_reset.issue, None, PHONE)
    assert snapshot() == before


# --- issue: which account ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("13712345678", text.Field.PHONE_UNKNOWN),
        ("12345", text.Field.PHONE_INVALID),
        ("", text.Field.PHONE_INVALID),
        (None, text.Field.PHONE_INVALID),
        (["13700000011"], text.Field.PHONE_INVALID),
        ({"phone": PHONE}, text.Field.PHONE_INVALID),
        ("１３７００００００１１", text.Field.PHONE_INVALID),
        ("1" * 10_000, text.Field.PHONE_INVALID),
    ],
)
def test_issue_refuses_an_unknown_or_bad_number(run, staff, elder, phone, message):
    before = snapshot()
    with pytest.raises(FormError) as caught:
        run(pin_reset.issue, staff, phone)
    assert caught.value.errors == {"phone": message}
    assert snapshot() == before


@pytest.mark.parametrize("phone", ["13900000001", "13900000002", "13900000000"])
def test_issue_refuses_a_password_account(run, staff, secretary, admin, phone):
    for helper in (staff, secretary, admin):
        before = snapshot()
        with pytest.raises(FormError) as caught:
            run(pin_reset.issue, helper, phone)
        assert caught.value.errors == {"phone": text.Reset.NOT_PIN_ACCOUNT}
        assert snapshot() == before


def test_issuing_twice_voids_the_first_code(run, staff, secretary, elder):
    first = run(pin_reset.issue, staff, PHONE).code
    second = run(pin_reset.issue, secretary, PHONE).code
    old, new = rows(PinReset)
    assert old.used_at is not None and new.used_at is None
    if first != second:  # one chance in 10^8 that both are the same digits
        assert redeem(run, first).errors == {"code": text.Reset.CODE_INVALID}
        assert sign_in(run, OLD_PIN).token  # the old PIN still works: nothing was reset
    assert redeem(run, second).token


def test_a_new_code_for_one_member_leaves_another_members_code(run, staff, elder, neighbour):
    theirs = run(pin_reset.issue, staff, OTHER_PHONE).code
    run(pin_reset.issue, staff, PHONE)
    assert redeem(run, theirs, phone=OTHER_PHONE).token


def test_issuing_is_audited_with_the_helper(run, staff, secretary, elder):
    run(pin_reset.issue, secretary, PHONE)
    run(pin_reset.issue, staff, PHONE)
    target = account_of(PHONE).id
    assert [(e.actor_id, e.target_type, e.target_id) for e in audits("pin_reset_issued")] == [
        (secretary.account_id, "account", target),
        (staff.account_id, "account", target),
    ]


def test_the_code_is_not_stored(run, staff, elder, engine):
    code = run(pin_reset.issue, staff, PHONE).code
    with engine.connect() as connection:
        dump = repr(connection.exec_driver_sql("SELECT * FROM pin_reset").all())
        dump += repr(connection.exec_driver_sql("SELECT * FROM audit_entry").all())
    assert code not in dump


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


def test_only_an_admin_resets_an_office_account_pin(session, staff, admin, actor_with):
    office = actor_with(roles=["staff"], phone="13900000077")
    assert accounts.is_office_account(session, office.account_id)
    with pytest.raises(FormError):
        pin_reset.issue(session, staff, "13900000077")
    assert len(pin_reset.issue(session, admin, "13900000077").code) == 8

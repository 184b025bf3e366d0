"""Forgotten PIN: who may issue a one-time code, for which account, and what is kept."""

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Account, Disclosure, PinReset
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import accounts, auth, pin_reset
from huajin_pwa.services.errors import FormError, NotSignedIn, PermissionDenied
from tests.unit.pin_reset_support import (
    OLD_PIN,
    OTHER_PHONE,
    PHONE,
    account_of,
    audits,
    redeem,
    rows,
    sign_in,
    snapshot,
)

pytestmark = pytest.mark.usefixtures("fast_hashing")


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


def test_only_an_admin_resets_an_office_account_pin(session, staff, admin, actor_with):
    office = actor_with(roles=["staff"], phone="13900000077")
    assert accounts.is_office_account(session, office.account_id)
    with pytest.raises(FormError):
        pin_reset.issue(session, staff, "13900000077")
    assert len(pin_reset.issue(session, admin, "13900000077").code) == 8

"""Accounts and roles: creating, granting and taking roles, disabling; who may do which."""

import pytest
from sqlalchemy import func
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Account, AuditEntry, RoleGrant
from huajin_pwa.services import accounts, auth
from huajin_pwa.services.errors import DomainError, FormError, NotSignedIn, PermissionDenied

pytestmark = pytest.mark.usefixtures("fast_hashing")

PHONE = "13700000001"


@pytest.fixture
def target(run, community):
    """A plain account signing in by PIN 135790; its id."""
    return run(accounts.create_account, phone=PHONE, name="吴淑珍", pin="135790").id


def roles_of(account_id: int) -> set[tuple[str, int | None]]:
    with db.transaction() as session:
        rows = session.exec(select(RoleGrant).where(RoleGrant.account_id == account_id)).all()
        return {(row.role, row.grid_id) for row in rows}


def audit_entries(action: str | None = None) -> list[AuditEntry]:
    with db.transaction() as session:
        query = select(AuditEntry).order_by(AuditEntry.id)
        if action:
            query = query.where(AuditEntry.action == action)
        return list(session.exec(query).all())


def is_active(account_id: int) -> bool:
    with db.transaction() as session:
        return session.get(Account, account_id).active


def count(model) -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(model)).one()


# --- create_account ------------------------------------------------------------------------


def test_create_a_pin_account(run, community):
    account = run(accounts.create_account, phone="137-0000-0001", name=" 吴淑珍 ", pin="135790")
    assert (account.phone, account.name, account.secret_kind, account.active) == (
        PHONE,
        "吴淑珍",
        "pin",
        True,
    )
    assert (account.failed_tries, account.locked_until) == (0, None)
    assert auth.HASHER.verify("135790", account.secret_hash)


def test_create_a_password_account(run, community):
    account = run(accounts.create_account, phone=PHONE, name="王敏", password="a long password")
    assert account.secret_kind == "password"
    assert run(auth.sign_in, PHONE, "a long password").token


@pytest.mark.parametrize(
    ("answers", "errors"),
    [
        ({"pin": "123456"}, {"pin": text.Field.PIN_WEAK}),
        ({"pin": None}, {"pin": text.Field.PIN_INVALID}),
        ({"password": "short"}, {"password": text.Field.PASSWORD_SHORT}),
        ({"phone": "2"}, {"phone": text.Field.PHONE_INVALID}),
        ({"name": "<x>"}, {"name": text.Field.NAME_CHARS}),
        (
            {"phone": None, "name": None, "pin": None},
            {
                "phone": text.Field.PHONE_INVALID,
                "name": text.Field.NAME_EMPTY,
                "pin": text.Field.PIN_INVALID,
            },
        ),
    ],
)
def test_create_account_refuses(run, community, answers, errors):
    kwargs = {"phone": PHONE, "name": "吴淑珍", "pin": "135790", **answers}
    with pytest.raises(FormError) as caught:
        run(accounts.create_account, **kwargs)
    assert caught.value.errors == errors
    assert count(Account) == 0


def test_create_account_with_a_taken_phone(run, target):
    with pytest.raises(FormError) as caught:
        run(accounts.create_account, phone="137 0000 0001", name="另一个人", pin="246810")
    assert caught.value.errors == {"phone": text.Field.PHONE_TAKEN}
    assert count(Account) == 1
    assert run(accounts.phone_taken, PHONE)
    assert not run(accounts.phone_taken, "13700000002")


def test_add_role_does_not_duplicate(run, target, community):
    for _ in range(2):
        run(accounts.add_role, target, "member")
        run(accounts.add_role, target, "secretary", community[0].id)
    run(accounts.add_role, target, "secretary", community[1].id)
    assert roles_of(target) == {
        ("member", None),
        ("secretary", community[0].id),
        ("secretary", community[1].id),
    }
    assert count(RoleGrant) == 3


# --- grant_role ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["member", "leader"])
def test_staff_grant_member_and_leader(run, target, staff, role):
    run(accounts.grant_role, staff, target, role)
    assert roles_of(target) == {(role, None)}
    [entry] = audit_entries("role_granted")
    assert (entry.actor_id, entry.target_type, entry.target_id, entry.detail) == (
        staff.account_id,
        "account",
        target,
        role,
    )


def test_staff_grant_a_secretary_of_a_grid(run, target, staff, community):
    run(accounts.grant_role, staff, target, "secretary", community[1].id)
    assert roles_of(target) == {("secretary", community[1].id)}


def test_a_grid_given_with_another_role_is_ignored(run, target, staff, community):
    run(accounts.grant_role, staff, target, "leader", community[1].id)
    assert roles_of(target) == {("leader", None)}


@pytest.mark.parametrize("grid", [None, 999, "1", [1]])
def test_a_secretary_needs_a_real_grid(run, target, staff, grid):
    with pytest.raises(DomainError, match=text.Err.BAD_REQUEST):
        run(accounts.grant_role, staff, target, "secretary", grid)
    assert roles_of(target) == set()
    assert audit_entries() == []


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_staff_cannot_grant_office_roles(run, target, staff, role):
    with pytest.raises(PermissionDenied, match=text.Err.NO_PERMISSION):
        run(accounts.grant_role, staff, target, role)
    assert roles_of(target) == set()
    assert audit_entries() == []


def test_staff_cannot_make_themselves_admin(run, staff):
    with pytest.raises(PermissionDenied):
        run(accounts.grant_role, staff, staff.account_id, "admin")
    assert roles_of(staff.account_id) == {("staff", None)}


@pytest.mark.parametrize("role", ["staff", "admin", "member", "leader"])
def test_admin_grants_any_role(run, target, admin, role):
    run(accounts.grant_role, admin, target, role)
    assert roles_of(target) == {(role, None)}
    assert [e.detail for e in audit_entries("role_granted")] == [role]


@pytest.mark.parametrize("role", ["root", "", None, "Member", ["member"]])
def test_grant_an_unknown_role(run, target, admin, role):
    with pytest.raises(DomainError, match=text.Err.BAD_REQUEST):
        run(accounts.grant_role, admin, target, role)
    assert roles_of(target) == set()


@pytest.mark.parametrize("account_id", [999_999, "1", None, 1.0])
def test_grant_to_an_unknown_account(run, target, staff, account_id):
    with pytest.raises(DomainError, match=text.Err.NOT_FOUND):
        run(accounts.grant_role, staff, account_id, "member")
    assert audit_entries() == []


@pytest.mark.parametrize("roles", [[], ["member"], ["leader", "member"], ["secretary"]])
def test_only_staff_grant_roles(run, actor_with, target, roles):
    actor = actor_with(roles)
    for role in ("member", "leader", "staff"):
        with pytest.raises(PermissionDenied):
            run(accounts.grant_role, actor, target, role)
    with pytest.raises(PermissionDenied):
        run(accounts.grant_role, actor, actor.account_id, "staff")
    assert roles_of(target) == set()
    assert audit_entries() == []


def test_grant_not_signed_in(run, target):
    with pytest.raises(NotSignedIn):
        run(accounts.grant_role, None, target, "member")


# --- revoke_role ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["member", "leader", "secretary"])
def test_staff_revoke_roles(run, target, staff, community, role):
    run(accounts.add_role, target, "member")
    run(accounts.add_role, target, role, community[0].id if role == "secretary" else None)
    run(accounts.revoke_role, staff, target, role)
    assert roles_of(target) == (set() if role == "member" else {("member", None)})
    [entry] = audit_entries("role_revoked")
    assert (entry.actor_id, entry.target_id, entry.detail) == (staff.account_id, target, role)


def test_revoking_secretary_takes_every_grid(run, target, staff, community):
    for grid in community:
        run(accounts.add_role, target, "secretary", grid.id)
    run(accounts.revoke_role, staff, target, "secretary")
    assert roles_of(target) == set()


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_staff_cannot_revoke_office_roles(run, target, staff, role):
    run(accounts.add_role, target, role)
    with pytest.raises(PermissionDenied):
        run(accounts.revoke_role, staff, target, role)
    assert roles_of(target) == {(role, None)}
    assert audit_entries("role_revoked") == []


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_admin_revokes_office_roles(run, target, admin, role):
    run(accounts.add_role, target, role)
    run(accounts.revoke_role, admin, target, role)
    assert roles_of(target) == set()


@pytest.mark.parametrize("role", ["root", "", None, ["member"], {"role": "member"}])
def test_revoke_an_unknown_role(run, target, staff, role):
    run(accounts.add_role, target, "member")
    with pytest.raises(DomainError, match=text.Err.BAD_REQUEST):
        run(accounts.revoke_role, staff, target, role)
    assert roles_of(target) == {("member", None)}
    assert audit_entries() == []


def test_revoke_from_an_unknown_account(run, staff):
    with pytest.raises(DomainError, match=text.Err.NOT_FOUND):
        run(accounts.revoke_role, staff, 999_999, "member")


@pytest.mark.parametrize("roles", [[], ["member"], ["leader", "member"], ["secretary"]])
def test_only_staff_revoke_roles(run, actor_with, target, roles):
    run(accounts.add_role, target, "member")
    actor = actor_with(roles)
    with pytest.raises(PermissionDenied):
        run(accounts.revoke_role, actor, target, "member")
    assert roles_of(target) == {("member", None)}


def test_revoke_not_signed_in(run, target):
    with pytest.raises(NotSignedIn):
        run(accounts.revoke_role, None, target, "member")


# --- set_active ----------------------------------------------------------------------------


def test_staff_disable_and_enable_a_member(run, target, staff):
    token = run(auth.sign_in, PHONE, "135790").token
    run(accounts.set_active, staff, target, False)
    assert not is_active(target)
    assert run(auth.actor_from_token, token) is None
    assert run(auth.sign_in, PHONE, "135790").error == text.Err.ACCOUNT_DISABLED
    run(accounts.set_active, staff, target, True)
    assert is_active(target)
    assert run(auth.actor_from_token, token).account_id == target
    assert [(e.action, e.actor_id, e.target_id) for e in audit_entries()] == [
        ("account_disabled", staff.account_id, target),
        ("account_enabled", staff.account_id, target),
    ]


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_staff_cannot_disable_an_office_account(run, target, staff, role):
    run(accounts.add_role, target, role)
    with pytest.raises(PermissionDenied):
        run(accounts.set_active, staff, target, False)
    assert is_active(target)
    assert audit_entries() == []


def test_staff_cannot_disable_themselves(run, staff):
    with pytest.raises(PermissionDenied):
        run(accounts.set_active, staff, staff.account_id, False)
    assert is_active(staff.account_id)


def test_admin_disables_a_staff_account(run, staff, admin):
    run(accounts.set_active, admin, staff.account_id, False)
    assert not is_active(staff.account_id)


@pytest.mark.parametrize("roles", [[], ["member"], ["leader", "member"], ["secretary"]])
def test_only_staff_disable_accounts(run, actor_with, target, roles):
    actor = actor_with(roles)
    with pytest.raises(PermissionDenied):
        run(accounts.set_active, actor, target, False)
    assert is_active(target)


def test_set_active_not_signed_in_or_unknown_account(run, target, staff):
    with pytest.raises(NotSignedIn):
        run(accounts.set_active, None, target, False)
    with pytest.raises(DomainError, match=text.Err.NOT_FOUND):
        run(accounts.set_active, staff, 999_999, False)
    with pytest.raises(DomainError, match=text.Err.NOT_FOUND):
        run(accounts.set_active, staff, str(target), False)
    assert is_active(target)

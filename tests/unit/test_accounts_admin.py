"""Staff finding accounts, seeing roles, unlocking; who may grant which role."""

from datetime import timedelta

import pytest
from sqlmodel import select

from huajin_pwa.models import Account, AuditEntry
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import accounts
from huajin_pwa.services.errors import DomainError, FormError, NotSignedIn, PermissionDenied
from tests.conftest import make_actor


def test_lookup_shows_roles_with_the_secretary_grid(session, staff, secretary):
    shown = accounts.lookup(session, staff, "139 0000 0002")
    assert shown.account.id == secretary.account_id
    assert shown.roles == [("secretary", "第一网格")]
    assert shown.locked is False


@pytest.mark.parametrize(("phone", "message"), [("12345", "11位"), ("13912341234", "还没有注册")])
def test_lookup_bad_or_unknown_phone(session, staff, phone, message):
    with pytest.raises(FormError) as refused:
        accounts.lookup(session, staff, phone)
    assert message in refused.value.errors["phone"]


def test_only_staff_look_accounts_up(session, secretary):
    with pytest.raises(PermissionDenied):
        accounts.lookup(session, secretary, "13900000002")
    with pytest.raises(NotSignedIn):
        accounts.view(session, None, secretary.account_id)


def test_unlock_lifts_the_lock_and_is_audited(session, staff, secretary):
    account = session.get(Account, secretary.account_id)
    account.failed_tries, account.locked_until = 3, utcnow() + timedelta(minutes=10)
    session.add(account)
    session.commit()
    assert accounts.view(session, staff, account.id).locked
    accounts.unlock(session, staff, account.id)
    session.commit()
    session.refresh(account)
    assert account.locked_until is None and account.failed_tries == 0
    entry = session.exec(select(AuditEntry).where(AuditEntry.action == "account_unlocked")).one()
    assert entry.actor_id == staff.account_id and entry.target_id == account.id


def test_a_member_cannot_unlock(session, community, secretary):
    member = make_actor(session, "13900000009", "吴桂芳", roles=["member"])
    with pytest.raises(PermissionDenied):
        accounts.unlock(session, member, secretary.account_id)


def test_grantable_roles_follow_the_actor(session, staff, secretary):
    admin = make_actor(session, "13900000010", "陈志远", roles=["admin"], password="admin-pass-1")
    assert accounts.grantable_roles(staff) == ["member", "leader", "secretary"]
    assert accounts.grantable_roles(admin) == ["member", "leader", "secretary", "staff", "admin"]
    assert accounts.grantable_roles(secretary) == []
    assert accounts.grantable_roles(None) == []


def test_only_an_admin_changes_the_roles_of_an_office_account(session, staff, admin, actor_with):
    office = actor_with(roles=["staff", "leader"], phone="13900000077")
    with pytest.raises(PermissionDenied):
        accounts.revoke_role(session, staff, office.account_id, "leader")
    accounts.revoke_role(session, admin, office.account_id, "leader")
    assert [role for role, _grid in accounts.view(session, admin, office.account_id).roles] == [
        "staff"
    ]


def test_nobody_removes_their_own_admin_role(session, admin):
    with pytest.raises(DomainError, match="自己的管理员角色"):
        accounts.revoke_role(session, admin, admin.account_id, "admin")


@pytest.mark.parametrize("junk", ["false", 0, 1, None, "True"])
def test_set_active_takes_only_true_or_false(session, staff, secretary, junk):
    with pytest.raises(DomainError):
        accounts.set_active(session, staff, secretary.account_id, junk)
    assert session.get(Account, secretary.account_id).active is True


@pytest.mark.parametrize("junk", [True, 2**40, -1, "1", 1.0])
def test_ids_that_are_not_ids_find_nothing(session, staff, junk):
    with pytest.raises(DomainError):
        accounts.view(session, staff, junk)

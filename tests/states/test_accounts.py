"""AccountsState: staff find an account and change its roles and state; nobody else can."""

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Account, RoleGrant
from huajin_pwa.states.accounts import AccountsState

from .helpers import JUNK, form, redirect_path, send, snapshot


def on_accounts(client, who) -> AccountsState:
    state = client(AccountsState, who, path="/staff/accounts")
    send(state, "load")
    return state


def roles_of(account_id: int) -> set[str]:
    with db.transaction() as session:
        grants = session.exec(select(RoleGrant).where(RoleGrant.account_id == account_id))
        return {grant.role for grant in grants}


def test_staff_find_grant_revoke_disable_enable(client, staff, secretary):
    state = on_accounts(client, staff)
    assert [row[0] for row in state.role_options] == ["member", "leader", "secretary"]
    send(state, "find", form=form(phone="13900000002"))
    assert state.found and state.name == secretary.name
    assert state.role_rows == [["secretary", "网格书记（第一网格）"]]
    send(state, "grant", form=form(role="leader", grid=""))
    assert roles_of(secretary.account_id) == {"secretary", "leader"}
    send(state, "revoke", role="secretary")
    assert roles_of(secretary.account_id) == {"leader"}
    send(state, "set_active", active=False)
    assert state.status == [text.Accounts.DISABLED] and not state.active
    send(state, "set_active", active=True)
    assert state.active


def test_a_secretary_role_needs_a_grid(client, staff, secretary):
    state = on_accounts(client, staff)
    send(state, "find", form=form(phone="13900000002"))
    before = snapshot()
    send(state, "grant", form=form(role="secretary", grid=""))
    assert state.errors == {"grid": text.Accounts.GRID_MISSING}
    send(state, "grant", form=form(role="boss"))
    assert state.errors == {"role": text.Accounts.ROLE_MISSING}
    assert snapshot() == before


def test_staff_cannot_make_staff(client, staff, secretary):
    state = on_accounts(client, staff)
    send(state, "find", form=form(phone="13900000002"))
    before = snapshot()
    send(state, "grant", form=form(role="staff"))
    assert state.notice == text.Err.NO_PERMISSION
    assert snapshot() == before


@pytest.mark.parametrize("junk", JUNK)
def test_junk_finds_nothing(client, staff, junk):
    state = on_accounts(client, staff)
    before = snapshot()
    send(state, "find", form=junk)
    assert not state.found and "phone" in state.errors
    assert snapshot() == before


def test_outsiders_are_sent_away_and_change_nothing(client, staff, secretary, member):
    for who, where in [(None, "/login"), (member, "/"), (secretary, "/")]:
        state = client(AccountsState, who, path="/staff/accounts")
        state._account_id = secretary.account_id  # as if a crafted client reached a found account
        before = snapshot()
        for handler, payload in [
            ("find", {"form": form(phone="13900000002")}),
            ("grant", {"form": form(role="leader")}),
            ("revoke", {"role": "secretary"}),
            ("set_active", {"active": False}),
            ("unlock", {}),
        ]:
            assert redirect_path(send(state, handler, **payload)) == where
        assert snapshot() == before
    with db.transaction() as check:
        assert check.get(Account, secretary.account_id).active

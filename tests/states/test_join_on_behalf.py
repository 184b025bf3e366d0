"""JoinState: a secretary or staff member filling the question pages on a member's behalf."""

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import AuditEntry
from huajin_pwa.states.join import JoinState

from .helpers import form, redirect_path, send, snapshot
from .join_helpers import PHONE, PIN, answer_all, draft_of, on_page

# --- on someone's behalf --------------------------------------------------------------------


@pytest.mark.parametrize("who", ["nobody", "member", "resident"])
def test_start_on_behalf_is_refused_without_the_role(client, request, who):
    actor = None if who == "nobody" else request.getfixturevalue(who)
    state = client(JoinState, actor if who != "resident" else actor.token)
    state.join_name = "张桂英"
    before = snapshot()
    assert redirect_path(send(state, "start_on_behalf")) == "/login"
    assert state.behalf_draft == "" and state.join_name == "张桂英"
    assert snapshot() == before


def test_a_member_faking_the_behalf_mark_fills_nobody_in(client, member):
    """behalf_draft lives in the browser: a member who writes "new" there gets no 代填."""
    state = client(JoinState, member)
    state.behalf_draft, state.join_name = "new", "张桂英"
    send(state, "save_account", form=form(phone=PHONE, pin=PIN, pin_again=PIN))
    draft = draft_of(PHONE)
    assert draft is None or draft.filled_by_id is None
    with db.transaction() as session:
        assert not session.exec(
            select(AuditEntry).where(AuditEntry.action == "disclosure_on_behalf")
        ).all()


def test_a_secretary_fills_for_a_member(client, secretary, community):
    state = client(JoinState, secretary)
    own_token = state.token
    assert redirect_path(send(state, "start_on_behalf")) == "/join/name"
    assert state.behalf_draft == "new"
    on_page(state, "name")
    assert state.on_behalf and state.answers == {"name": ""}
    send(state, "save_name", form=form(name="张桂英"))
    on_page(state, "account")
    result = send(state, "save_account", form=form(phone=PHONE, pin=PIN, pin_again=PIN))
    assert redirect_path(result) == "/join/basic"
    draft = draft_of(PHONE)
    assert draft.filled_by_id == secretary.account_id and state.behalf_draft == str(draft.id)
    assert state.token == own_token and state.user_name == "李建华"  # still the secretary
    on_page(state, "basic")
    assert state.on_behalf and state.has_draft and state.answers["name"] == "张桂英"
    # A building in another grid is not hers to fill.
    send(state, "save_address", form=form(building="5", unit="1", room="101"))
    assert state.errors == {"building": text.Behalf.NOT_YOUR_GRID}
    answer_all(state)
    on_page(state, "check")
    assert redirect_path(send(state, "submit")) == "/join/done?behalf=1"
    assert state.finished_on_behalf and state.behalf_draft == ""
    draft = draft_of(PHONE)
    assert draft.status == "pending" and draft.filled_by_id == secretary.account_id
    with db.transaction() as session:
        audit = session.exec(
            select(AuditEntry).where(AuditEntry.action == "disclosure_on_behalf")
        ).one()
    assert (audit.actor_id, audit.target_id) == (secretary.account_id, draft.id)


def test_staff_fill_for_a_member_in_any_grid(client, staff, community):
    state = client(JoinState, staff)
    send(state, "start_on_behalf")
    send(state, "save_name", form=form(name="张桂英"))
    send(state, "save_account", form=form(phone=PHONE, pin=PIN, pin_again=PIN))
    on_page(state, "address")
    send(state, "save_address", form=form(building="5", unit="1", room="101"))
    assert state.errors == {} and draft_of(PHONE).grid_id == community[1].id
    assert draft_of(PHONE).filled_by_id == staff.account_id


def test_a_secretary_cannot_point_the_device_at_someone_elses_draft(client, secretary, resident):
    before = draft_of(resident.phone)
    state = client(JoinState, secretary)
    state.behalf_draft = str(resident.disclosure_id)  # written into LocalStorage by hand
    on_page(state, "basic")
    assert state.behalf_draft == "" and not state.on_behalf
    send(state, "save_basic", form=form(gender="male", birth_year="1960"))
    assert draft_of(resident.phone) == before


@pytest.mark.parametrize("mark", ["9" * 30, "2147483648", "-1", "²", "abc", " 1"])
def test_an_odd_behalf_mark_is_dropped(client, secretary, mark):
    state = client(JoinState, secretary)
    state.behalf_draft = mark
    on_page(state, "name")
    assert state.behalf_draft == "" and state.ready

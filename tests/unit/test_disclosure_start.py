"""亮明身份: signing up, by oneself or on someone's behalf."""

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import AuditEntry
from huajin_pwa.services import auth, disclosure
from huajin_pwa.services.errors import DomainError, FormError
from tests.unit.disclosure_support import (
    GOOD_FORM,
    PHONE,
    counts,
    load,
    start_refused,
)

pytestmark = pytest.mark.usefixtures("fast_hashing")


# --- start: signing oneself up -------------------------------------------------------------


def test_signing_up_creates_an_account_a_draft_and_a_session(run, community):
    draft, token = run(disclosure.start, None, GOOD_FORM)
    actor = run(auth.actor_from_token, token)
    assert actor.phone == PHONE
    assert actor.name == "张桂英"
    assert actor.roles == frozenset()
    assert draft.account_id == actor.account_id
    assert (draft.status, draft.name, draft.filled_by_id) == ("draft", "张桂英", None)
    assert run(auth.secret_kind_for, PHONE) == "pin"
    assert run(auth.sign_in, PHONE, "135790").token


def test_signing_up_cleans_the_answers(run, community):
    form = {**GOOD_FORM, "name": "  张·桂英 ", "phone": "137 0000 0001"}
    draft, _token = run(disclosure.start, None, form)
    assert draft.name == "张·桂英"
    assert run(auth.secret_kind_for, PHONE) == "pin"


def test_a_name_with_rare_characters_fits(run, community):
    draft, _token = run(disclosure.start, None, {**GOOD_FORM, "name": "𠮷" * 30})
    assert load(draft.id).name == "𠮷" * 30


def test_phone_already_registered(run, member):
    errors = start_refused(run, None, {**GOOD_FORM, "phone": member.phone})
    assert errors == {"phone": text.Field.PHONE_TAKEN}


def test_pin_typed_differently_twice(run, community):
    errors = start_refused(run, None, {**GOOD_FORM, "pin_again": "135791"})
    assert errors == {"pin_again": text.Field.PIN_MISMATCH}


def test_pin_again_missing(run, community):
    errors = start_refused(run, None, {k: v for k, v in GOOD_FORM.items() if k != "pin_again"})
    assert errors == {"pin_again": text.Field.PIN_MISMATCH}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", text.Field.NAME_EMPTY),
        ("<script>alert(1)</script>", text.Field.NAME_CHARS),
        ("张" * 31, text.Field.NAME_LONG),
        ("张" * 10_000, text.Field.NAME_LONG),
    ],
)
def test_bad_name(run, community, name, message):
    assert start_refused(run, None, {**GOOD_FORM, "name": name}) == {"name": message}


@pytest.mark.parametrize(
    ("pin", "message"), [("123456", text.Field.PIN_WEAK), ("12345", text.Field.PIN_INVALID)]
)
def test_bad_pin(run, community, pin, message):
    assert start_refused(run, None, {**GOOD_FORM, "pin": pin, "pin_again": pin}) == {"pin": message}


def test_every_error_is_reported_at_once(run, community):
    form = {"name": "<b>", "phone": "12345", "pin": "135790", "pin_again": "246810"}
    assert start_refused(run, None, form) == {
        "name": text.Field.NAME_CHARS,
        "phone": text.Field.PHONE_INVALID,
        "pin_again": text.Field.PIN_MISMATCH,
    }


def test_a_taken_phone_is_reported_with_the_other_errors(run, member):
    form = {"name": "", "phone": member.phone, "pin": "111111", "pin_again": "111111"}
    assert start_refused(run, None, form) == {
        "name": text.Field.NAME_EMPTY,
        "phone": text.Field.PHONE_TAKEN,
        "pin": text.Field.PIN_WEAK,
    }
    form = {**GOOD_FORM, "phone": member.phone, "pin_again": "246810"}
    assert start_refused(run, None, form) == {
        "phone": text.Field.PHONE_TAKEN,
        "pin_again": text.Field.PIN_MISMATCH,
    }


@pytest.mark.parametrize("form", [None, "name=张三", ["张三"], 42])
def test_start_with_a_form_that_is_not_a_dict(run, community, form):
    assert set(start_refused(run, None, form)) == {"name", "phone", "pin"}


def test_check_name_is_the_first_question():
    assert disclosure.check_name({"name": " 李 明 "}) == "李 明"
    with pytest.raises(FormError) as caught:
        disclosure.check_name({"name": "<i>"})
    assert caught.value.errors == {"name": text.Field.NAME_CHARS}


# --- start: on someone's behalf ------------------------------------------------------------


@pytest.mark.parametrize("filler", ["secretary", "staff", "admin"])
def test_filling_on_behalf(run, request, filler):
    actor = request.getfixturevalue(filler)
    draft, token = run(disclosure.start, actor, GOOD_FORM)
    assert token == ""
    assert draft.filled_by_id == actor.account_id
    assert load(draft.id).account_id != actor.account_id
    with db.transaction() as session:
        [entry] = session.exec(
            select(AuditEntry).where(AuditEntry.action == "disclosure_on_behalf")
        ).all()
    assert (entry.actor_id, entry.target_type, entry.target_id) == (
        actor.account_id,
        "disclosure",
        draft.id,
    )
    # the member signs in later with the number and PIN given, and finds the draft
    member_token = run(auth.sign_in, PHONE, "135790").token
    member_actor = run(auth.actor_from_token, member_token)
    assert member_actor.account_id == draft.account_id
    assert run(disclosure.resume, member_actor).id == draft.id


def test_filling_on_behalf_validates_the_same(run, secretary):
    errors = start_refused(run, secretary, {**GOOD_FORM, "pin_again": ""})
    assert errors == {"pin_again": text.Field.PIN_MISMATCH}


@pytest.mark.parametrize("roles", [["member"], ["leader"], ["member", "leader"], []])
def test_a_signed_in_member_cannot_start_another_sign_up(run, actor_with, roles):
    actor = actor_with(roles)
    before = counts()
    with pytest.raises(DomainError, match=text.Behalf.ALREADY_SIGNED_IN):
        run(disclosure.start, actor, GOOD_FORM)
    assert counts() == before

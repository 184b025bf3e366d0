"""JoinState: the 亮明身份 question pages, filled by oneself."""

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Account
from huajin_pwa.states.join import JoinState

from .helpers import FOCUS_ERRORS, JUNK, form, open_page, redirect_path, script, send, snapshot
from .join_helpers import GOOD, PHONE, PIN, REQUIRED, STEPS, answer_all, draft_of, on_page, sign_up

# --- by oneself -----------------------------------------------------------------------------


def test_the_name_waits_on_the_device_until_the_account_exists(client, community):
    state = client(JoinState)
    on_page(state, "name")
    result = send(state, "save_name", form=form(name=" 张 桂英 "))
    assert redirect_path(result) == "/join/account"
    assert state.join_name == "张 桂英" and state.errors == {}
    with db.transaction() as session:
        assert session.exec(select(Account)).first() is None


@pytest.mark.parametrize("name", ["", "   ", "张三3", "<b>李</b>", "王" * 31])
def test_a_bad_name_signed_out_keeps_what_was_there(client, community, name):
    state = client(JoinState)
    state.join_name = "张桂英"
    result = send(state, "save_name", form=form(name=name))
    assert redirect_path(result) is None and script(result) == FOCUS_ERRORS
    assert set(state.errors) == {"name"} and state.join_name == "张桂英"
    assert state.answers["name"] == name  # what they typed stays in the field


def test_save_account_makes_the_account_and_draft_and_signs_in(client, community):
    state = sign_up(client)
    draft = draft_of(PHONE)
    assert draft.status == "draft" and draft.name == "张桂英" and draft.filled_by_id is None
    assert state.token and state.join_name == "" and state.signed_in
    assert state.user_name == "张桂英" and state.answers["name"] == "张桂英"


def test_save_account_without_a_name_goes_back_to_the_name(client, community):
    state = client(JoinState)
    before = snapshot()
    result = send(state, "save_account", form=form(phone=PHONE, pin=PIN, pin_again=PIN))
    assert redirect_path(result) == "/join/name" and state.token == ""
    assert snapshot() == before


@pytest.mark.parametrize(
    ("answers", "fields"),
    [
        ({"phone": "123", "pin": PIN, "pin_again": PIN}, {"phone"}),
        ({"phone": PHONE, "pin": "123456", "pin_again": "123456"}, {"pin"}),
        ({"phone": PHONE, "pin": PIN, "pin_again": "358025"}, {"pin_again"}),
        ({"phone": "13900000001", "pin": "12", "pin_again": ""}, {"phone", "pin"}),
    ],
)
def test_save_account_bad_answers(client, staff, answers, fields):
    state = client(JoinState)
    state.join_name = "张桂英"
    before = snapshot()
    result = send(state, "save_account", form=form(**answers))
    assert set(state.errors) == fields and script(result) == FOCUS_ERRORS
    assert state.token == "" and state.join_name == "张桂英"
    assert state.answers.get("phone") == answers["phone"]
    assert "pin" not in state.answers and "pin_again" not in state.answers  # never echoed back
    assert snapshot() == before


@pytest.mark.parametrize("junk", JUNK)
def test_save_account_with_junk_saves_nothing(client, community, junk):
    state = client(JoinState)
    state.join_name = "张桂英"
    before = snapshot()
    result = send(state, "save_account", form=junk)
    assert script(result) == FOCUS_ERRORS and "phone" in state.errors and state.token == ""
    assert snapshot() == before


def test_each_step_saves_and_moves_on(client, community):
    state = sign_up(client)
    following = ["address", "org", "moved-in", "needs", "hobbies", "consent", "check"]
    for step, after in zip(STEPS, following, strict=True):
        assert redirect_path(send(state, f"save_{step}", form=GOOD[step])) == f"/join/{after}"
        assert state.errors == {}
    draft = draft_of(PHONE)
    assert (draft.gender, draft.birth_year, draft.unit, draft.room) == ("female", 1952, 2, "1502")
    assert draft.grid_id == community[0].id and draft.party_year == 1975
    assert (draft.mobility_limited, draft.family_difficulty) == (True, False)
    assert draft.consent_at is not None and draft.status == "draft"


def test_from_the_check_page_a_step_returns_to_it(client, community):
    state = sign_up(client)
    on_page(state, "basic", "?from=check")
    assert redirect_path(send(state, "save_basic", form=GOOD["basic"])) == "/join/check"


def test_several_hobbies_all_arrive(client, community):
    """Checked boxes share a name: the browser sends each; every one must be kept."""
    state = sign_up(client)
    on_page(state, "hobbies")
    hobbies = form(
        ("hobbies", "sing"), ("hobbies", "opera"), ("wishes", "arts"), ("wishes", "patrol")
    )
    assert redirect_path(send(state, "save_hobbies", form=hobbies)) == "/join/consent"
    draft = draft_of(PHONE)
    assert (draft.hobbies, draft.wishes) == ("sing,opera", "arts,patrol")
    on_page(state, "hobbies")
    assert state.hobby_codes == ["sing", "opera"] and state.wish_codes == ["arts", "patrol"]


def test_a_bad_step_shows_errors_and_keeps_the_other_answers(client, community):
    state = sign_up(client)
    answer_all(state, skip=["org", "consent"])
    on_page(state, "org")
    bad = form(org_name="x", org_place="湖北省荆州市", party_year="19")
    result = send(state, "save_org", form=bad)
    assert redirect_path(result) is None and script(result) == FOCUS_ERRORS
    assert set(state.errors) == {"org_name", "party_year"}
    assert state.answers["org_place"] == "湖北省荆州市" and state.answers["org_name"] == "x"
    assert state.answers["gender"] == "female" and state.answers["room"] == "1502"
    assert state.answers["birth_year"] == "1952" and state.answers["name"] == "张桂英"
    draft = draft_of(PHONE)
    assert (draft.org_name, draft.org_place, draft.party_year) == ("", "", None)
    # Fixing the answers saves them and clears the errors.
    assert redirect_path(send(state, "save_org", form=GOOD["org"])) == "/join/moved-in"
    assert state.errors == {}


@pytest.mark.parametrize(
    ("step", "bad", "field"),
    [
        ("basic", form(gender="other", birth_year="1952"), "gender"),
        ("basic", form(gender="male", birth_year="2010"), "birth_year"),
        ("address", form(building="9", unit="1", room="101"), "building"),
        ("address", form(building="1", unit="7", room="101"), "unit"),
        ("address", form(building="1", unit="1", room="9901"), "room"),
        ("moved_in", form(moved_in_year="16", moved_in_month=""), "moved_in_year"),
        ("moved_in", form(moved_in_year="2016", moved_in_month="13"), "moved_in_month"),
        ("needs", form(mobility_limited="maybe"), "mobility_limited"),
        ("hobbies", form(("hobbies", "sing"), ("hobbies", "gambling")), "hobbies"),
        ("consent", form(consent="off"), "consent"),
    ],
)
def test_bad_answers_on_each_step_save_nothing(client, community, step, bad, field):
    state = sign_up(client)
    before = snapshot()
    result = send(state, f"save_{step}", form=bad)
    assert field in state.errors and script(result) == FOCUS_ERRORS
    assert snapshot() == before


@pytest.mark.parametrize("step", REQUIRED)
def test_junk_forms_on_a_required_step_save_nothing(client, community, step):
    state = sign_up(client)
    before = snapshot()
    for junk in [*JUNK, {"unknown": "field", "status": "approved", "account_id": 1}]:
        result = send(state, f"save_{step}", form=junk)
        assert script(result) == FOCUS_ERRORS and state.errors, (step, junk)
        assert state.has_draft and state.token
    assert snapshot() == before


@pytest.mark.parametrize("step", ["needs", "hobbies"])
def test_junk_on_an_optional_step_counts_as_nothing_chosen(client, community, step):
    """Nothing chosen is a valid answer here; junk is read as that and nothing else."""
    state = sign_up(client)
    for junk in [*JUNK, {step: {"a": 1}}]:
        send(state, f"save_{step}", form=junk)
    draft = draft_of(PHONE)
    assert draft.mobility_limited is None and draft.family_difficulty is None
    assert draft.hobbies == "" and draft.wishes == ""
    assert draft.status == "draft"


def test_extra_fields_are_ignored(client, community):
    state = sign_up(client)
    sneaky = form(gender="male", birth_year="1950", status="approved", grid_id="2", id="1")
    assert redirect_path(send(state, "save_basic", form=sneaky)) == "/join/address"
    draft = draft_of(PHONE)
    assert draft.status == "draft" and draft.grid_id is None and draft.gender == "male"


def test_steps_signed_out_save_nothing_and_go_to_me(client, pending):
    state = client(JoinState)
    before = snapshot()
    for step in STEPS:
        result = send(state, f"save_{step}", form=GOOD[step])
        assert redirect_path(result) == "/me" and state.notice == text.Err.NOT_SIGNED_IN
    assert redirect_path(send(state, "submit")) is None  # an error on the check page
    assert state.errors == {"summary": text.Err.NOT_SIGNED_IN}
    assert snapshot() == before


def test_a_stale_token_after_sign_out_saves_nothing(client, community):
    state = sign_up(client)
    token = state.token
    send(state.parent_state, "sign_out")  # the SessionState of the same browser
    assert state.token == ""
    state.token = token  # replayed by a crafted client
    before = snapshot()
    assert redirect_path(send(state, "save_basic", form=GOOD["basic"])) == "/me"
    assert snapshot() == before


def test_missing_or_extra_arguments_are_refused_before_the_handler_runs(client, community):
    state = sign_up(client)
    before = snapshot()
    with pytest.raises(TypeError):
        send(state, "save_basic")
    with pytest.raises(TypeError):
        send(state, "save_basic", form=GOOD["basic"], status="approved")
    with pytest.raises(TypeError):
        send(state, "submit", disclosure_id=1)
    with pytest.raises(KeyError):  # backend-only methods are no events
        send(state, "_save_step", step="basic", data={})
    assert snapshot() == before


def test_submit_incomplete_names_what_is_missing(client, community):
    state = sign_up(client)
    answer_all(state, skip=["org", "consent"])
    result = send(state, "submit")
    assert script(result) == FOCUS_ERRORS
    assert state.errors == {
        "summary": text.Join.INCOMPLETE.format(fields="组织关系、同意信息使用说明")
    }
    assert draft_of(PHONE).status == "draft"


def test_submit_complete_sends_it_to_staff(client, community):
    state = sign_up(client)
    answer_all(state)
    on_page(state, "check")
    assert ["所在网格", "第一网格", ""] in state.summary
    assert redirect_path(send(state, "submit")) == "/join/done"
    assert draft_of(PHONE).status == "pending" and not state.finished_on_behalf
    # Submitted: the pages send the person to /me, and no step can change it any more.
    assert redirect_path(on_page(state, "basic")) == "/me"
    assert state.notice == text.Join.ALREADY_PENDING
    before = snapshot()
    send(state, "save_basic", form=form(gender="male", birth_year="1960"))
    assert snapshot() == before


@pytest.mark.parametrize("step", [None, 5, ["basic"], {"a": 1}, "check", "done"])
def test_load_with_an_odd_step_signed_out(client, community, step):
    state = client(JoinState)
    assert redirect_path(send(state, "load", step=step)) == "/join/name"
    assert not state.ready


def test_a_signed_in_member_cannot_make_a_second_account(client, community):
    state = sign_up(client)
    token = state.token
    state.join_name = "王某"
    before = snapshot()
    result = send(state, "save_account", form=form(phone="13700000099", pin=PIN, pin_again=PIN))
    assert redirect_path(result) == "/join/basic"
    assert state.token == token and draft_of("13700000099") is None
    assert snapshot() == before


def test_opening_the_introduction_saves_nothing(client, staff):
    state = client(JoinState, staff)
    before = snapshot()
    open_page(state, "/join")
    assert send(state, "load", step="intro") is None
    assert state.ready and not state.has_draft
    assert snapshot() == before
    on_page(state, "name")
    assert state.has_draft and draft_of("13900000001") is not None

"""亮明身份: each question page's answers, and on-behalf filling limited to the own grid."""

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import AuditEntry
from huajin_pwa.services import accounts, auth, disclosure
from huajin_pwa.services.errors import DomainError, NotSignedIn, PermissionDenied
from tests.unit.disclosure_support import (
    GOOD_FORM,
    PHONE,
    load,
    messages_to,
    refused,
    save,
)

pytestmark = pytest.mark.usefixtures("fast_hashing")


# --- save_step -----------------------------------------------------------------------------


def test_name_step(run, person):
    draft = save(run, person.actor(), person.disclosure_id, "name", {"name": "张 桂英"})
    assert draft.name == "张 桂英"
    errors = refused(run, person.actor(), person.disclosure_id, "name", {"name": "张三!"})
    assert errors == {"name": text.Field.NAME_CHARS}


def test_basic_step(run, person):
    form = {"gender": "male", "birth_year": " 1950 "}
    draft = save(run, person.actor(), person.disclosure_id, "basic", form)
    assert (draft.gender, draft.birth_year) == ("male", 1950)


@pytest.mark.parametrize(
    ("form", "errors"),
    [
        ({"gender": "female", "birth_year": "1919"}, {"birth_year": text.Field.BIRTH_YEAR_RANGE}),
        ({"gender": "female", "birth_year": "1976"}, {"birth_year": text.Field.BIRTH_YEAR_RANGE}),
        ({"gender": "female", "birth_year": "55"}, {"birth_year": text.Field.BIRTH_YEAR_INVALID}),
        ({"gender": "female", "birth_year": ""}, {"birth_year": text.Field.BIRTH_YEAR_INVALID}),
        ({"gender": "other", "birth_year": "1950"}, {"gender": text.Field.GENDER_MISSING}),
        (
            {},
            {
                "gender": text.Field.GENDER_MISSING,
                "birth_year": text.Field.BIRTH_YEAR_INVALID,
            },
        ),
    ],
)
def test_basic_step_refuses(run, person, form, errors):
    assert refused(run, person.actor(), person.disclosure_id, "basic", form) == errors


def test_birth_year_bounds_are_1920_and_1975(run, person):
    for year in ("1920", "1975"):
        draft = save(
            run,
            person.actor(),
            person.disclosure_id,
            "basic",
            {"gender": "male", "birth_year": year},
        )
        assert draft.birth_year == int(year)


def test_address_step_places_the_member_in_the_building_grid(run, person, community):
    form = {"building": "5", "unit": "2", "room": "1104"}
    draft = save(run, person.actor(), person.disclosure_id, "address", form)
    assert (draft.unit, draft.room, draft.grid_id) == (2, "1104", community[1].id)
    with db.transaction() as session:
        from huajin_pwa.models import Building

        assert session.get(Building, draft.building_id).number == 5


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"building": "9", "unit": "1", "room": "101"}, "building"),
        ({"building": "", "unit": "1", "room": "101"}, "building"),
        ({"building": "1", "unit": "4", "room": "101"}, "unit"),
        ({"building": "1", "unit": "0", "room": "101"}, "unit"),
        ({"building": "1", "unit": "1", "room": "1901"}, "room"),
        ({"building": "1", "unit": "1", "room": "1805"}, "room"),
        ({"building": "1", "unit": "1", "room": "1800"}, "room"),
        ({"building": "1", "unit": "1", "room": "abc"}, "room"),
    ],
)
def test_address_step_refuses_a_home_that_does_not_exist(run, person, form, field):
    assert field in refused(run, person.actor(), person.disclosure_id, "address", form)


def test_org_step(run, person):
    actor = person.actor()
    save(run, actor, person.disclosure_id, "basic", {"gender": "male", "birth_year": "1950"})
    form = {"org_name": "荆州市某某局退休党支部", "org_place": "湖北省荆州市", "party_year": "1968"}
    draft = save(run, actor, person.disclosure_id, "org", form)
    assert (draft.org_name, draft.org_place, draft.party_year) == (
        "荆州市某某局退休党支部",
        "湖北省荆州市",
        1968,
    )


def test_html_in_text_fields_is_stored_as_given(run, person):
    form = {
        "org_name": "<script>alert(1)</script>党支部",
        "org_place": "<b>荆州</b>",
        "party_year": "1970",
    }
    draft = save(run, person.actor(), person.disclosure_id, "org", form)
    assert draft.org_name == "<script>alert(1)</script>党支部"
    assert draft.org_place == "<b>荆州</b>"


@pytest.mark.usefixtures("today")
@pytest.mark.parametrize(
    ("party_year", "message"),
    [
        ("1967", text.Field.PARTY_YEAR_RANGE),  # aged 17
        ("1920", text.Field.PARTY_YEAR_RANGE),
        ("2027", text.Field.PARTY_YEAR_RANGE),  # next year
        ("19", text.Field.PARTY_YEAR_INVALID),
        ("", text.Field.PARTY_YEAR_INVALID),
    ],
)
def test_party_year_after_age_18_and_not_in_future(run, person, party_year, message):
    actor = person.actor()
    save(run, actor, person.disclosure_id, "basic", {"gender": "male", "birth_year": "1950"})
    form = {"org_name": "某某党支部", "org_place": "湖北荆州", "party_year": party_year}
    assert refused(run, actor, person.disclosure_id, "org", form) == {"party_year": message}


@pytest.mark.usefixtures("today")
def test_party_year_may_be_the_year_of_the_18th_birthday_or_this_year(run, person):
    actor = person.actor()
    save(run, actor, person.disclosure_id, "basic", {"gender": "male", "birth_year": "1950"})
    for year in (1968, 2026):
        form = {"org_name": "某某党支部", "org_place": "湖北荆州", "party_year": str(year)}
        assert save(run, actor, person.disclosure_id, "org", form).party_year == year


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"org_name": "支", "org_place": "湖北荆州"}, "org_name", text.Field.ORG_NAME_INVALID),
        ({"org_name": "支" * 61, "org_place": "湖北荆州"}, "org_name", text.Field.ORG_NAME_INVALID),
        ({"org_name": "某某党支部", "org_place": "荆"}, "org_place", text.Field.ORG_PLACE_INVALID),
        (
            {"org_name": "某某党支部", "org_place": "荆" * 31},
            "org_place",
            text.Field.ORG_PLACE_INVALID,
        ),
    ],
)
def test_org_name_and_place_lengths(run, person, form, field, message):
    errors = refused(
        run, person.actor(), person.disclosure_id, "org", {**form, "party_year": "1970"}
    )
    assert errors == {field: message}


@pytest.mark.usefixtures("today")
def test_moved_in_step(run, person):
    actor = person.actor()
    draft = save(
        run,
        actor,
        person.disclosure_id,
        "moved_in",
        {"moved_in_year": "2016", "moved_in_month": "5"},
    )
    assert (draft.moved_in_year, draft.moved_in_month) == (2016, 5)
    draft = save(
        run,
        actor,
        person.disclosure_id,
        "moved_in",
        {"moved_in_year": "2026", "moved_in_month": "6"},
    )
    assert (draft.moved_in_year, draft.moved_in_month) == (2026, 6)
    draft = save(
        run,
        actor,
        person.disclosure_id,
        "moved_in",
        {"moved_in_year": "1950", "moved_in_month": ""},
    )
    assert (draft.moved_in_year, draft.moved_in_month) == (1950, None)


@pytest.mark.usefixtures("today")
@pytest.mark.parametrize(
    ("form", "errors"),
    [
        ({"moved_in_year": "2027"}, {"moved_in_year": text.Field.MOVED_IN_RANGE}),
        (
            {"moved_in_year": "2026", "moved_in_month": "7"},
            {"moved_in_month": text.Field.MOVED_IN_RANGE},
        ),
        ({"moved_in_year": "1949"}, {"moved_in_year": text.Field.MOVED_IN_RANGE}),
        ({"moved_in_year": "16"}, {"moved_in_year": text.Field.MOVED_IN_YEAR_INVALID}),
        (
            {"moved_in_year": "2016", "moved_in_month": "13"},
            {"moved_in_month": text.Field.MOVED_IN_MONTH_INVALID},
        ),
        (
            {"moved_in_year": "2016", "moved_in_month": "0"},
            {"moved_in_month": text.Field.MOVED_IN_MONTH_INVALID},
        ),
    ],
)
def test_moved_in_refuses_the_future_and_nonsense(run, person, form, errors):
    assert refused(run, person.actor(), person.disclosure_id, "moved_in", form) == errors


@pytest.mark.parametrize(
    ("form", "mobility", "difficulty"),
    [
        ({"mobility_limited": "yes", "family_difficulty": "no"}, True, False),
        ({"mobility_limited": "unknown", "family_difficulty": "yes"}, None, True),
        ({}, None, None),
    ],
)
def test_needs_step_may_be_left_unanswered(run, person, form, mobility, difficulty):
    draft = save(run, person.actor(), person.disclosure_id, "needs", form)
    assert (draft.mobility_limited, draft.family_difficulty) == (mobility, difficulty)


def test_needs_step_refuses_other_answers(run, person):
    errors = refused(
        run, person.actor(), person.disclosure_id, "needs", {"mobility_limited": "maybe"}
    )
    assert errors == {"mobility_limited": text.Field.CHOICE_INVALID}


def test_hobbies_step(run, person):
    form = {"hobbies": ["taichi", "sing"], "wishes": "patrol,arts"}
    draft = save(run, person.actor(), person.disclosure_id, "hobbies", form)
    assert (draft.hobbies, draft.wishes) == ("sing,taichi", "arts,patrol")
    draft = save(run, person.actor(), person.disclosure_id, "hobbies", {})
    assert (draft.hobbies, draft.wishes) == ("", "")


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"hobbies": ["sing", "hacking"]}, "hobbies"),
        ({"hobbies": "<script>"}, "hobbies"),
        ({"wishes": ["arts", "sing"]}, "wishes"),
        ({"wishes": {"arts": 1}}, "wishes"),
    ],
)
def test_hobbies_step_refuses_unknown_codes(run, person, form, field):
    errors = refused(run, person.actor(), person.disclosure_id, "hobbies", form)
    assert errors == {field: text.Field.CHOICE_INVALID}


def test_consent_step(run, person):
    draft = save(run, person.actor(), person.disclosure_id, "consent", {"consent": "on"})
    assert draft.consent_at is not None


@pytest.mark.parametrize("form", [{}, {"consent": ""}, {"consent": "off"}, {"consent": "no"}])
def test_consent_must_be_given(run, person, form):
    errors = refused(run, person.actor(), person.disclosure_id, "consent", form)
    assert errors == {"consent": text.Field.CONSENT_MISSING}


@pytest.mark.parametrize("step", ["account", "submit", "status", "", None, 3, ["basic"]])
def test_unknown_step(run, person, step):
    with pytest.raises(DomainError, match=text.Err.BAD_REQUEST):
        run(disclosure.save_step, person.actor(), person.disclosure_id, step, {})


@pytest.mark.parametrize("form", [None, "gender=male", ["male", "1950"], 7])
def test_a_form_that_is_not_a_dict_counts_as_empty(run, person, form):
    errors = refused(run, person.actor(), person.disclosure_id, "basic", form)
    assert set(errors) == {"gender", "birth_year"}


@pytest.mark.parametrize("bad_id", ["1", None, 1.0, [1], {"id": 1}, 999_999])
def test_wrong_disclosure_id(run, person, bad_id):
    with pytest.raises(DomainError, match=text.Err.NOT_FOUND):
        run(disclosure.save_step, person.actor(), bad_id, "name", {"name": "张三"})


def test_not_signed_in(run, person):
    with pytest.raises(NotSignedIn):
        run(disclosure.save_step, None, person.disclosure_id, "name", {"name": "张三"})
    with pytest.raises(NotSignedIn):
        run(disclosure.submit, None, person.disclosure_id)


@pytest.mark.parametrize("intruder", ["member", "staff", "admin", "secretary"])
def test_someone_elses_draft(run, request, person, intruder):
    actor = request.getfixturevalue(intruder)
    with pytest.raises(PermissionDenied, match=text.Err.NO_PERMISSION):
        run(disclosure.save_step, actor, person.disclosure_id, "name", {"name": "坏人"})
    with pytest.raises(PermissionDenied):
        run(disclosure.submit, actor, person.disclosure_id)
    assert load(person.disclosure_id).name == "张桂英"


# --- on behalf: grids ----------------------------------------------------------------------


def test_secretary_fills_an_address_in_own_grid(run, secretary, community):
    draft, _ = run(disclosure.start, secretary, GOOD_FORM)
    form = {"building": "2", "unit": "1", "room": "601"}
    assert save(run, secretary, draft.id, "address", form).grid_id == community[0].id


def test_secretary_cannot_fill_an_address_in_another_grid(run, secretary):
    draft, _ = run(disclosure.start, secretary, GOOD_FORM)
    form = {"building": "5", "unit": "1", "room": "101"}
    assert refused(run, secretary, draft.id, "address", form) == {
        "building": text.Behalf.NOT_YOUR_GRID
    }


@pytest.mark.parametrize("filler", ["staff", "admin"])
def test_office_may_fill_an_address_in_any_grid(run, request, community, filler):
    actor = request.getfixturevalue(filler)
    draft, _ = run(disclosure.start, actor, GOOD_FORM)
    form = {"building": "6", "unit": "2", "room": "1104"}
    assert save(run, actor, draft.id, "address", form).grid_id == community[1].id


def test_the_member_may_correct_an_on_behalf_draft_to_any_grid(run, secretary, community):
    draft, _ = run(disclosure.start, secretary, GOOD_FORM)
    member = run(auth.actor_from_token, run(auth.sign_in, PHONE, "135790").token)
    form = {"building": "5", "unit": "1", "room": "101"}
    assert save(run, member, draft.id, "address", form).grid_id == community[1].id


def test_a_secretary_who_lost_the_role_cannot_go_on_filling(run, secretary, admin):
    draft, _ = run(disclosure.start, secretary, GOOD_FORM)
    run(accounts.revoke_role, admin, secretary.account_id, "secretary")
    former = run(auth.actor_from_token, run(auth.sign_in, secretary.phone, "grid-password-1").token)
    assert former.roles == frozenset()
    with pytest.raises(PermissionDenied):
        run(disclosure.save_step, former, draft.id, "name", {"name": "张三"})


def test_secretary_submits_on_behalf_and_the_member_is_told(run, secretary, join):
    draft, _ = run(disclosure.start, secretary, GOOD_FORM)
    join.fill(secretary, draft.id)
    run(disclosure.submit, secretary, draft.id)
    assert load(draft.id).status == "pending"
    assert [m.title for m in messages_to(draft.account_id)] == [text.Inbox.SUBMITTED_TITLE]
    assert messages_to(secretary.account_id) == []
    with db.transaction() as session:
        entry = session.exec(
            select(AuditEntry).where(AuditEntry.action == "disclosure_submitted")
        ).one()
    assert (entry.actor_id, entry.target_id) == (secretary.account_id, draft.id)

"""亮明身份: signing up, filling the question pages (also on someone's behalf), submitting."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Account, AuditEntry, AuthSession, Disclosure, Message
from huajin_pwa.services import accounts, approval, auth, disclosure
from huajin_pwa.services.errors import DomainError, FormError, NotSignedIn, PermissionDenied

pytestmark = pytest.mark.usefixtures("fast_hashing")

PHONE = "13700000001"
GOOD_FORM = {"name": "张桂英", "phone": PHONE, "pin": "135790", "pin_again": "135790"}
NOW = datetime(2026, 6, 15, 8, 0, tzinfo=UTC)


@pytest.fixture
def today(monkeypatch):
    """Fix the disclosure service's clock at 15 June 2026."""
    monkeypatch.setattr(disclosure, "utcnow", lambda: NOW)
    return NOW


def count(model) -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def counts() -> dict[str, int]:
    return {m.__name__: count(m) for m in (Account, Disclosure, AuthSession, AuditEntry, Message)}


def load(disclosure_id: int) -> Disclosure:
    with db.transaction() as session:
        return session.get(Disclosure, disclosure_id)


def messages_to(account_id: int) -> list[Message]:
    with db.transaction() as session:
        return list(session.exec(select(Message).where(Message.account_id == account_id)).all())


def start_refused(run, actor, form) -> dict[str, str]:
    """Start with a bad form: the field errors, after checking nothing was saved."""
    before = counts()
    with pytest.raises(FormError) as caught:
        run(disclosure.start, actor, form)
    assert counts() == before
    return caught.value.errors


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


# --- save_step -----------------------------------------------------------------------------


@pytest.fixture
def person(join):
    """Someone who just signed up: their draft is empty but for the name."""
    return join.sign_up(PHONE)


def save(run, actor, disclosure_id, step, form) -> Disclosure:
    run(disclosure.save_step, actor, disclosure_id, step, form)
    return load(disclosure_id)


def refused(run, actor, disclosure_id, step, form) -> dict[str, str]:
    """Save a step with bad answers: the field errors, after checking the draft is unchanged."""
    before = load(disclosure_id).model_dump()
    with pytest.raises(FormError) as caught:
        run(disclosure.save_step, actor, disclosure_id, step, form)
    assert load(disclosure_id).model_dump() == before
    return caught.value.errors


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


# --- missing steps and submit --------------------------------------------------------------


def test_a_new_draft_misses_every_required_step(person):
    assert disclosure.missing_steps(load(person.disclosure_id)) == [
        "basic",
        "address",
        "org",
        "moved_in",
        "consent",
    ]


def test_optional_steps_are_never_missing(run, person, join):
    join.fill(person.actor(), person.disclosure_id, skip=("needs", "hobbies"))
    assert disclosure.missing_steps(load(person.disclosure_id)) == []


@pytest.mark.parametrize(
    ("skip", "label"),
    [
        ("basic", text.Join.FIELD_LABELS["birth_year"]),
        ("address", text.Join.FIELD_LABELS["address"]),
        ("org", text.Join.FIELD_LABELS["org"]),
        ("moved_in", text.Join.FIELD_LABELS["moved_in"]),
        ("consent", text.Join.FIELD_LABELS["consent"]),
    ],
)
def test_submit_refuses_an_incomplete_draft(run, person, join, skip, label):
    join.fill(person.actor(), person.disclosure_id, skip=(skip,))
    with pytest.raises(DomainError) as caught:
        run(disclosure.submit, person.actor(), person.disclosure_id)
    assert caught.value.message == text.Join.INCOMPLETE.format(fields=label)
    assert load(person.disclosure_id).status == "draft"
    assert messages_to(person.actor().account_id) == []


def test_submit_names_every_missing_step(run, person):
    with pytest.raises(DomainError) as caught:
        run(disclosure.submit, person.actor(), person.disclosure_id)
    labels = text.Join.FIELD_LABELS
    names = "、".join(
        labels[key] for key in ("birth_year", "address", "org", "moved_in", "consent")
    )
    assert caught.value.message == text.Join.INCOMPLETE.format(fields=names)


def test_a_party_year_made_impossible_by_a_later_birth_year_is_not_complete(run, person, join):
    """Changing the birth year after the party year must not let a member join the party at 15."""
    actor = person.actor()
    join.fill(actor, person.disclosure_id)  # born 1952, joined 1975
    save(run, actor, person.disclosure_id, "basic", {"gender": "female", "birth_year": "1960"})
    assert disclosure.missing_steps(load(person.disclosure_id)) == ["org"]
    with pytest.raises(DomainError, match=text.Join.FIELD_LABELS["org"]):
        run(disclosure.submit, actor, person.disclosure_id)
    form = {**join.answers["org"], "party_year": "1978"}
    save(run, actor, person.disclosure_id, "org", form)
    assert run(disclosure.submit, actor, person.disclosure_id).status == "pending"


def test_submit_sends_the_draft_for_review_and_tells_the_member(run, person, join, today):
    actor = person.actor()
    join.fill(actor, person.disclosure_id)
    run(disclosure.submit, actor, person.disclosure_id)
    draft = load(person.disclosure_id)
    assert draft.status == "pending"
    assert draft.submitted_at == today
    assert draft.version == 2
    [message] = messages_to(actor.account_id)
    assert (message.title, message.body, message.link) == (
        text.Inbox.SUBMITTED_TITLE,
        text.Inbox.SUBMITTED_BODY,
        "/me",
    )
    assert message.read_at is None


def test_complete_answers_are_kept(run, person, join):
    join.fill(person.actor(), person.disclosure_id)
    draft = load(person.disclosure_id)
    assert (draft.gender, draft.birth_year, draft.unit, draft.room) == ("female", 1952, 2, "1502")
    assert (draft.party_year, draft.moved_in_year, draft.moved_in_month) == (1975, 2016, 5)
    assert (draft.mobility_limited, draft.family_difficulty) == (False, None)
    assert (draft.hobbies, draft.wishes) == ("sing,dance", "arts")


def test_a_submitted_disclosure_cannot_be_edited(run, join):
    person = join.submitted(PHONE)
    actor = person.actor()
    with pytest.raises(DomainError, match=text.Join.NOT_EDITABLE):
        run(disclosure.save_step, actor, person.disclosure_id, "name", {"name": "李四"})
    with pytest.raises(DomainError, match=text.Join.NOT_EDITABLE):
        run(disclosure.submit, actor, person.disclosure_id)
    assert load(person.disclosure_id).name == "张桂英"
    assert len(messages_to(actor.account_id)) == 1


# --- resume --------------------------------------------------------------------------------


def test_resume_returns_the_open_draft(run, person):
    assert run(disclosure.resume, person.actor()).id == person.disclosure_id
    assert count(Disclosure) == 1


def test_resume_without_any_disclosure_starts_one(run, staff):
    draft = run(disclosure.resume, staff)
    assert (draft.account_id, draft.name, draft.status) == (staff.account_id, "王敏", "draft")
    assert run(disclosure.resume, staff).id == draft.id


def test_resume_while_pending_is_refused(run, join):
    person = join.submitted(PHONE)
    with pytest.raises(DomainError, match=text.Join.ALREADY_PENDING):
        run(disclosure.resume, person.actor())
    assert count(Disclosure) == 1


def test_resume_when_approved_is_refused(run, join, staff):
    person = join.submitted(PHONE)
    run(approval.approve, staff, person.disclosure_id)
    with pytest.raises(DomainError, match=text.Join.ALREADY_APPROVED):
        run(disclosure.resume, person.actor())
    assert count(Disclosure) == 1


def test_resume_not_signed_in(run):
    with pytest.raises(NotSignedIn):
        run(disclosure.resume, None)


def assert_answers_copied(old: Disclosure, new: Disclosure) -> None:
    assert new.id != old.id
    assert (new.status, new.version, new.consent_at, new.submitted_at) == ("draft", 1, None, None)
    assert (new.reviewer_id, new.review_reason, new.reviewed_at) == (None, "", None)
    for name in (
        "account_id",
        "name",
        "gender",
        "birth_year",
        "building_id",
        "unit",
        "room",
        "grid_id",
        "org_name",
        "org_place",
        "party_year",
        "moved_in_year",
        "moved_in_month",
        "mobility_limited",
        "family_difficulty",
        "hobbies",
        "wishes",
    ):
        assert getattr(new, name) == getattr(old, name), name


def test_resume_after_rejection_copies_the_answers_into_a_new_draft(run, join, staff):
    person = join.submitted(PHONE)
    run(approval.reject, staff, person.disclosure_id, "组织名称请写全称")
    draft = run(disclosure.resume, person.actor())
    old = load(person.disclosure_id)
    assert old.status == "rejected"
    assert_answers_copied(old, load(draft.id))
    assert disclosure.missing_steps(load(draft.id)) == ["consent"]
    run(disclosure.save_step, person.actor(), draft.id, "consent", {"consent": "on"})
    assert run(disclosure.submit, person.actor(), draft.id).status == "pending"


def test_resume_after_withdrawal_copies_the_answers(run, join):
    person = join.submitted(PHONE)
    run(disclosure.withdraw, person.actor(), person.disclosure_id)
    draft = run(disclosure.resume, person.actor())
    assert_answers_copied(load(person.disclosure_id), load(draft.id))


def test_a_copied_on_behalf_draft_is_the_members_own(run, secretary, join, staff):
    draft, _ = run(disclosure.start, secretary, GOOD_FORM)
    join.fill(secretary, draft.id)
    run(disclosure.submit, secretary, draft.id)
    run(approval.reject, staff, draft.id, "请核对门牌号")
    member = run(auth.actor_from_token, run(auth.sign_in, PHONE, "135790").token)
    new = run(disclosure.resume, member)
    assert new.filled_by_id is None
    with pytest.raises(PermissionDenied):
        run(disclosure.save_step, secretary, new.id, "name", {"name": "张三"})


# --- withdraw ------------------------------------------------------------------------------


def test_withdraw_a_pending_disclosure(run, join, staff):
    person = join.submitted(PHONE)
    run(disclosure.withdraw, person.actor(), person.disclosure_id)
    withdrawn = load(person.disclosure_id)
    assert (withdrawn.status, withdrawn.version) == ("withdrawn", 3)
    assert run(approval.pending_queue, staff).total == 0


def test_withdraw_a_draft_is_refused(run, person):
    with pytest.raises(DomainError, match=text.Staff.NOT_PENDING):
        run(disclosure.withdraw, person.actor(), person.disclosure_id)
    assert load(person.disclosure_id).status == "draft"


def test_withdraw_an_approved_disclosure_is_refused(run, join, staff):
    person = join.submitted(PHONE)
    run(approval.approve, staff, person.disclosure_id)
    with pytest.raises(DomainError, match=text.Staff.NOT_PENDING):
        run(disclosure.withdraw, person.actor(), person.disclosure_id)
    assert load(person.disclosure_id).status == "approved"


def test_withdraw_someone_elses_disclosure_is_refused(run, join, member, staff):
    person = join.submitted(PHONE)
    for actor in (member, staff):
        with pytest.raises(DomainError, match=text.Staff.NOT_PENDING):
            run(disclosure.withdraw, actor, person.disclosure_id)
    assert load(person.disclosure_id).status == "pending"


@pytest.mark.parametrize("bad_id", ["1", None, 1.5, [1]])
def test_withdraw_with_a_wrong_id(run, join, bad_id):
    person = join.submitted(PHONE)
    with pytest.raises(DomainError, match=text.Staff.NOT_PENDING):
        run(disclosure.withdraw, person.actor(), bad_id)
    assert load(person.disclosure_id).status == "pending"


def test_withdraw_not_signed_in(run, join):
    person = join.submitted(PHONE)
    with pytest.raises(NotSignedIn):
        run(disclosure.withdraw, None, person.disclosure_id)

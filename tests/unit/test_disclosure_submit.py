"""亮明身份: what is still missing, submitting, resuming after a refusal, withdrawing."""

import pytest

from huajin_pwa import text
from huajin_pwa.models import Disclosure
from huajin_pwa.services import approval, auth, disclosure
from huajin_pwa.services.errors import DomainError, NotSignedIn, PermissionDenied
from tests.unit.disclosure_support import (
    GOOD_FORM,
    PHONE,
    count,
    load,
    messages_to,
    save,
)

pytestmark = pytest.mark.usefixtures("fast_hashing")


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

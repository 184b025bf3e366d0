"""亮明身份: filling in a disclosure (by oneself or on behalf), submitting, and staff review."""

from typing import Any

from sqlalchemy import update
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import Disclosure
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import accounts, audit, auth, community, inbox, records, validate
from huajin_pwa.services.actor import (
    SECRETARY,
    STAFF,
    Actor,
    require_signed_in,
)
from huajin_pwa.services.errors import DomainError, FormError, PermissionDenied

STEPS = ("name", "account", "basic", "address", "org", "moved_in", "needs", "hobbies", "consent")
OPEN = ("draft", "pending", "approved")
MIN_BIRTH, MAX_BIRTH = 1920, 1975


def check_name(form: Any) -> str:
    """The first question, answered before any account exists: just validate the name."""
    return validate.collect(form, {"name": validate.person_name})["name"]


def start(session: Session, actor: Actor | None, form: Any) -> tuple[Disclosure, str]:
    """Create the member's account and a draft from name, phone and PIN.

    Signed out: the person signs themselves up and gets a session token back.
    A secretary or staff member fills on behalf: no token, the draft records who filled it.
    """
    data = form if isinstance(form, dict) else {}
    on_behalf = actor is not None
    if on_behalf and not actor.has(SECRETARY, STAFF, "admin"):
        raise DomainError(text.Behalf.ALREADY_SIGNED_IN)
    errors: dict[str, str] = {}
    try:
        validate.collect(data, {"pin": validate.pin})
        if validate.as_text(data.get("pin_again")) != validate.as_text(data.get("pin")):
            errors["pin_again"] = text.Field.PIN_MISMATCH
    except FormError as error:
        errors.update(error.errors)
    try:
        account = accounts.create_account(
            session, phone=data.get("phone"), name=data.get("name"), pin=data.get("pin")
        )
    except FormError as error:
        raise FormError({**error.errors, **errors}) from error
    if errors:
        raise FormError(errors)
    draft = Disclosure(
        account_id=account.id,
        name=account.name,
        filled_by_id=actor.account_id if on_behalf else None,
    )
    session.add(draft)
    session.flush()
    if on_behalf:
        audit.record(session, actor.account_id, "disclosure_on_behalf", "disclosure", draft.id)
        return draft, ""
    return draft, auth.open_session(session, account)


def resume(session: Session, actor: Actor | None) -> Disclosure:
    """The signed-in person's own draft: the open one, or a new one after a refusal."""
    actor = require_signed_in(actor)
    latest = latest_for(session, actor.account_id)
    if latest is not None and latest.status == "draft":
        return latest
    if latest is not None and latest.status == "pending":
        raise DomainError(text.Join.ALREADY_PENDING)
    if latest is not None and latest.status == "approved":
        raise DomainError(text.Join.ALREADY_APPROVED)
    draft = _copy_answers(latest) if latest else Disclosure(account_id=actor.account_id)
    draft.name = draft.name or actor.name
    session.add(draft)
    session.flush()
    return draft


def _copy_answers(old: Disclosure) -> Disclosure:
    keep = {
        name: getattr(old, name)
        for name in Disclosure.model_fields
        if name
        not in {
            "id",
            "status",
            "consent_at",
            "reviewer_id",
            "review_reason",
            "created_at",
            "submitted_at",
            "reviewed_at",
            "version",
            "filled_by_id",
        }
    }
    return Disclosure(**keep)


def latest_for(session: Session, account_id: int) -> Disclosure | None:
    """An account's most recent disclosure, if any."""
    return session.exec(
        select(Disclosure).where(Disclosure.account_id == account_id).order_by(Disclosure.id.desc())
    ).first()


def editable(session: Session, actor: Actor | None, disclosure_id: Any) -> Disclosure:
    """A draft the actor may fill: their own, or one they are filling on someone's behalf."""
    actor = require_signed_in(actor)
    draft = records.fetch(session, Disclosure, disclosure_id)
    if draft is None:
        raise DomainError(text.Err.NOT_FOUND)
    own = draft.account_id == actor.account_id
    behalf = draft.filled_by_id == actor.account_id and actor.has(SECRETARY, STAFF, "admin")
    if not (own or behalf):
        raise PermissionDenied(text.Err.NO_PERMISSION)
    if draft.status != "draft":
        raise DomainError(text.Join.NOT_EDITABLE)
    return draft


def save_step(
    session: Session, actor: Actor | None, disclosure_id: Any, step: Any, form: Any
) -> Disclosure:
    """Validate one question page and keep its answers on the draft."""
    draft = editable(session, actor, disclosure_id)
    apply = _STEP_RULES.get(step) if isinstance(step, str) else None
    if apply is None:
        raise DomainError(text.Err.BAD_REQUEST)
    apply(session, actor, draft, form if isinstance(form, dict) else {})
    session.add(draft)
    return draft


def _name(_session, _actor, draft: Disclosure, form: dict) -> None:
    draft.name = check_name(form)


def _basic(_session, _actor, draft: Disclosure, form: dict) -> None:
    clean = validate.collect(
        form,
        {
            "gender": lambda v: validate.one_of(v, text.Join.GENDERS, text.Field.GENDER_MISSING),
            "birth_year": lambda v: validate.year(
                v, MIN_BIRTH, MAX_BIRTH, text.Field.BIRTH_YEAR_INVALID, text.Field.BIRTH_YEAR_RANGE
            ),
        },
    )
    draft.gender, draft.birth_year = clean["gender"], clean["birth_year"]


def _address(session: Session, actor: Actor, draft: Disclosure, form: dict) -> None:
    home = community.locate(session, form.get("building"), form.get("unit"), form.get("room"))
    behalf = draft.filled_by_id == actor.account_id and not actor.is_office
    if behalf and home.building.grid_id not in actor.secretary_grids:
        raise FormError({"building": text.Behalf.NOT_YOUR_GRID})
    draft.building_id, draft.unit, draft.room = home.building.id, home.unit, home.room
    draft.grid_id = home.building.grid_id


def _org(_session, _actor, draft: Disclosure, form: dict) -> None:
    this_year = utcnow().year
    low = max(1921, (draft.birth_year or 1900) + 18)
    clean = validate.collect(
        form,
        {
            "org_name": lambda v: validate.free_text(v, 2, 60, text.Field.ORG_NAME_INVALID),
            "org_place": lambda v: validate.free_text(v, 2, 30, text.Field.ORG_PLACE_INVALID),
            "party_year": lambda v: validate.year(
                v, low, this_year, text.Field.PARTY_YEAR_INVALID, text.Field.PARTY_YEAR_RANGE
            ),
        },
    )
    draft.org_name, draft.org_place = clean["org_name"], clean["org_place"]
    draft.party_year = clean["party_year"]


def _moved_in(_session, _actor, draft: Disclosure, form: dict) -> None:
    now = utcnow()
    clean = validate.collect(
        form,
        {
            "moved_in_year": lambda v: validate.year(
                v, 1950, now.year, text.Field.MOVED_IN_YEAR_INVALID, text.Field.MOVED_IN_RANGE
            ),
            "moved_in_month": lambda v: (
                validate.small_int(v, 1, 12, text.Field.MOVED_IN_MONTH_INVALID)
                if validate.as_text(v)
                else None
            ),
        },
    )
    month = clean["moved_in_month"]
    if clean["moved_in_year"] == now.year and month and month > now.month:
        raise FormError({"moved_in_month": text.Field.MOVED_IN_RANGE})
    draft.moved_in_year, draft.moved_in_month = clean["moved_in_year"], month


def _needs(_session, _actor, draft: Disclosure, form: dict) -> None:
    clean = validate.collect(
        form,
        {"mobility_limited": validate.yes_no_unknown, "family_difficulty": validate.yes_no_unknown},
    )
    draft.mobility_limited = clean["mobility_limited"]
    draft.family_difficulty = clean["family_difficulty"]


def _hobbies(_session, _actor, draft: Disclosure, form: dict) -> None:
    clean = validate.collect(
        form,
        {
            "hobbies": lambda v: validate.choices(v, text.Join.HOBBIES),
            "wishes": lambda v: validate.choices(v, text.Join.WISHES),
        },
    )
    draft.hobbies, draft.wishes = ",".join(clean["hobbies"]), ",".join(clean["wishes"])


def _consent(_session, _actor, draft: Disclosure, form: dict) -> None:
    if validate.as_text(form.get("consent")) not in ("on", "yes", "true"):
        raise FormError({"consent": text.Field.CONSENT_MISSING})
    draft.consent_at = utcnow()


_STEP_RULES = {
    "name": _name,
    "basic": _basic,
    "address": _address,
    "org": _org,
    "moved_in": _moved_in,
    "needs": _needs,
    "hobbies": _hobbies,
    "consent": _consent,
}


def missing_steps(draft: Disclosure) -> list[str]:
    """The question pages whose required answers are still empty, in order."""
    required = {
        "name": bool(draft.name),
        "basic": bool(draft.gender and draft.birth_year),
        "address": draft.building_id is not None and bool(draft.room),
        # the birth year may change after the party year was saved: at 18 or older still holds
        "org": bool(draft.org_name and draft.party_year)
        and (draft.birth_year is None or draft.party_year >= draft.birth_year + 18),
        "moved_in": draft.moved_in_year is not None,
        "consent": draft.consent_at is not None,
    }
    return [step for step in STEPS if required.get(step) is False]


def submit(session: Session, actor: Actor | None, disclosure_id: Any) -> Disclosure:
    """Send a complete draft to staff for review, and tell the member."""
    draft = editable(session, actor, disclosure_id)
    missing = missing_steps(draft)
    if missing:
        names = "、".join(text.Join.FIELD_LABELS.get(_step_field(step), step) for step in missing)
        raise DomainError(text.Join.INCOMPLETE.format(fields=names))
    draft.status = "pending"
    draft.submitted_at = utcnow()
    draft.version += 1
    session.add(draft)
    inbox.send(
        session, draft.account_id, text.Inbox.SUBMITTED_TITLE, text.Inbox.SUBMITTED_BODY, "/me"
    )
    if draft.account_id != actor.account_id:
        audit.record(session, actor.account_id, "disclosure_submitted", "disclosure", draft.id)
    return draft


def _step_field(step: str) -> str:
    return {"basic": "birth_year", "address": "address", "org": "org", "moved_in": "moved_in"}.get(
        step, step
    )


def withdraw(session: Session, actor: Actor | None, disclosure_id: Any) -> None:
    """The member takes back their own pending disclosure."""
    actor = require_signed_in(actor)
    changed = session.exec(
        update(Disclosure)
        .where(
            Disclosure.id == (validate.row_id(disclosure_id) or -1),
            Disclosure.account_id == actor.account_id,
            Disclosure.status == "pending",
        )
        .values(status="withdrawn", version=Disclosure.version + 1)
    ).rowcount
    if changed != 1:
        raise DomainError(text.Staff.NOT_PENDING)

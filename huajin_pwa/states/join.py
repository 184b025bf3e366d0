"""亮明身份 question pages: a draft kept on the server (and the name on the device before it)."""

from typing import Any

import reflex as rx
from reflex_base.utils.form import FormData

from huajin_pwa import db, present, text
from huajin_pwa.models import Disclosure
from huajin_pwa.services import community, disclosure
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import FormErrors
from huajin_pwa.states.session import SessionState

ROUTES = {
    "name": "/join/name",
    "account": "/join/account",
    "basic": "/join/basic",
    "address": "/join/address",
    "org": "/join/org",
    "moved_in": "/join/moved-in",
    "needs": "/join/needs",
    "hobbies": "/join/hobbies",
    "consent": "/join/consent",
    "check": "/join/check",
    "done": "/join/done",
}
ORDER = [
    "name",
    "account",
    "basic",
    "address",
    "org",
    "moved_in",
    "needs",
    "hobbies",
    "consent",
    "check",
]
NEW_BEHALF = "new"


def _tri(value: bool | None) -> str:
    return {True: "yes", False: "no"}.get(value, "unknown")


def answers_of(draft: Disclosure, building_number: str) -> dict[str, str]:
    """A draft's answers as the strings the question pages show."""

    def show(value: Any) -> str:
        return "" if value is None else str(value)

    return {
        "name": draft.name,
        "gender": draft.gender,
        "birth_year": show(draft.birth_year),
        "building": building_number,
        "unit": show(draft.unit),
        "room": draft.room,
        "org_name": draft.org_name,
        "org_place": draft.org_place,
        "party_year": show(draft.party_year),
        "moved_in_year": show(draft.moved_in_year),
        "moved_in_month": show(draft.moved_in_month),
        "mobility_limited": _tri(draft.mobility_limited),
        "family_difficulty": _tri(draft.family_difficulty),
        "hobbies": draft.hobbies,
        "wishes": draft.wishes,
        "consent": "on" if draft.consent_at else "",
    }


class JoinState(FormErrors, SessionState):
    """One person filling the disclosure, for themselves or on someone's behalf."""

    join_name: str = rx.LocalStorage("", name="huajin_join_name")
    behalf_draft: str = rx.LocalStorage("", name="huajin_behalf_draft")
    answers: dict[str, str] = {}
    summary: list[list[str]] = []
    building_options: list[list[str]] = []
    grid_name: str = ""
    ready: bool = False
    on_behalf: bool = False
    has_draft: bool = False
    finished_on_behalf: bool = False
    _draft_id: int = 0

    @rx.var
    def hobby_codes(self) -> list[str]:
        """The chosen hobby codes."""
        return [code for code in self.answers.get("hobbies", "").split(",") if code]

    @rx.var
    def wish_codes(self) -> list[str]:
        """The chosen wish codes."""
        return [code for code in self.answers.get("wishes", "").split(",") if code]

    # -- loading -------------------------------------------------------------------------

    def _can_fill_for_others(self, actor: Actor | None) -> bool:
        return actor is not None and actor.has("secretary", "staff", "admin")

    def _open_draft(self, actor: Actor | None, step: str) -> Disclosure | None:
        """The draft this device is filling: on someone's behalf, or the actor's own.

        The introduction only looks: a new draft is made when a question page opens.
        """
        with db.transaction() as session:
            if self.behalf_draft and self._can_fill_for_others(actor):
                if self.behalf_draft == NEW_BEHALF:
                    return None
                try:
                    return disclosure.editable(session, actor, row_id(self.behalf_draft))
                except (DomainError, ValueError):
                    self.behalf_draft = ""
            if actor is None:
                return None
            if step == "intro":
                latest = disclosure.latest_for(session, actor.account_id)
                if latest is not None and latest.status in ("pending", "approved"):
                    return disclosure.resume(session, actor)  # refuses with the reason
                return latest  # earlier answers to show as 继续填写; nothing is saved here
            return disclosure.resume(session, actor)

    def _show_draft(self, draft: Disclosure | None) -> None:
        with db.transaction() as session:
            buildings = community.buildings(session)
            by_id = {b.id: b for b in buildings}
            self.building_options = [
                [str(b.number), text.Join.BUILDING_OPTION.format(number=b.number)]
                for b in buildings
            ]
            grid = None
            if draft is not None and draft.grid_id:
                grid = next((g for g in community.grids(session) if g.id == draft.grid_id), None)
        self.grid_name = grid.name if grid else ""
        if draft is None:
            self._draft_id, self.has_draft = 0, False
            self.answers = {"name": self.join_name}
            return
        self._draft_id, self.has_draft = draft.id, True
        building = by_id.get(draft.building_id)
        self.answers = answers_of(draft, str(building.number) if building else "")
        self.summary = self._summary_rows(draft, building.number if building else None)

    @rx.event
    def load(self, step: str):
        """On every question page: find the draft, or send the person where they belong."""
        self.refresh()
        self.errors, self.ready, self.finished_on_behalf = {}, False, False
        actor = self._actor()
        try:
            draft = self._open_draft(actor, step)
        except DomainError as error:
            self.notice = error.message
            return rx.redirect("/me")
        # After opening the draft: a mark for a draft this person may not fill is dropped there.
        self.on_behalf = bool(self.behalf_draft) and self._can_fill_for_others(actor)
        self._show_draft(draft)
        if draft is None and step not in ("intro", "name", "account"):
            return rx.redirect(ROUTES["name"])
        if draft is not None and step == "account":
            return rx.redirect(ROUTES["basic"])
        self.ready = True

    @rx.event
    def start_on_behalf(self):
        """A secretary or staff member begins filling for a member during a visit."""
        actor = self._actor()
        if not self._can_fill_for_others(actor):
            return rx.redirect("/login")
        self.behalf_draft, self.join_name = NEW_BEHALF, ""
        return rx.redirect(ROUTES["name"])

    # -- saving --------------------------------------------------------------------------

    def _next(self, step: str) -> str:
        if self.router.url.query_parameters.get("from") == "check":
            return ROUTES["check"]
        following = ORDER[ORDER.index(step) + 1]
        if following == "account" and self._draft_id:
            following = "basic"
        return ROUTES[following]

    def _fail(self, errors: dict[str, str], form: dict[str, Any]):
        self.errors = errors
        self.answers = {
            **self.answers,
            **{k: str(v) for k, v in form.items() if isinstance(v, str)},
        }
        return rx.call_script("window.huajinFocusErrors()")

    @rx.event
    def save_name(self, form: Any):
        """Question 1: the name (kept on the device until the account exists)."""
        data = form_dict(form)
        try:
            if self._draft_id:
                self._save_step("name", data)
            else:
                self.join_name = disclosure.check_name(data)
        except FormError as error:
            return self._fail(error.errors, data)
        except DomainError as error:
            return self._fail({"name": error.message}, data)
        self.errors = {}
        return rx.redirect(self._next("name"))

    @rx.event
    def save_account(self, form: Any):
        """Question 2: mobile number and PIN; this creates the account and the draft."""
        data = form_dict(form)
        data["name"] = self.join_name
        actor = self._actor()
        behalf = self.behalf_draft == NEW_BEHALF and self._can_fill_for_others(actor)
        if actor is not None and not behalf:
            return rx.redirect(ROUTES["basic"])  # signed in already: no second account
        if not data["name"]:
            return rx.redirect(ROUTES["name"])
        try:
            with db.transaction() as session:
                draft, token = disclosure.start(session, actor if behalf else None, data)
        except FormError as error:
            return self._fail(error.errors, {"phone": data.get("phone", "")})
        except DomainError as error:
            self.notice = error.message
            return rx.redirect("/me")
        if behalf:
            self.behalf_draft = str(draft.id)
        else:
            self.token = token
        self.join_name, self.errors = "", {}
        return rx.redirect(ROUTES["basic"])

    def _save_step(self, step: str, data: dict[str, Any]) -> None:
        with db.transaction() as session:
            disclosure.save_step(session, self._actor(), self._draft_id, step, data)

    def _save(self, step: str, form: Any, list_fields: tuple[str, ...] = ()):
        data = form_dict(form, list_fields)
        try:
            self._save_step(step, data)
        except FormError as error:
            return self._fail(error.errors, data)
        except DomainError as error:
            self.notice = error.message
            return rx.redirect("/me")
        self.errors = {}
        return rx.redirect(self._next(step))

    @rx.event
    def save_basic(self, form: Any):
        """Gender and year of birth."""
        return self._save("basic", form)

    @rx.event
    def save_address(self, form: Any):
        """Building, unit and room: decides the grid."""
        return self._save("address", form)

    @rx.event
    def save_org(self, form: Any):
        """Where the membership is registered, and the year of joining."""
        return self._save("org", form)

    @rx.event
    def save_moved_in(self, form: Any):
        """When they came to live here."""
        return self._save("moved_in", form)

    @rx.event
    def save_needs(self, form: Any):
        """行动不便 and family difficulty (optional)."""
        return self._save("needs", form)

    @rx.event
    def save_hobbies(self, form: FormData):
        """Hobbies and what they would like to do (checkboxes: FormData keeps every value)."""
        return self._save("hobbies", form, list_fields=("hobbies", "wishes"))

    @rx.event
    def save_consent(self, form: Any):
        """Consent to how the data is used."""
        return self._save("consent", form)

    @rx.event
    def submit(self):
        """Send the checked answers to staff."""
        try:
            with db.transaction() as session:
                disclosure.submit(session, self._actor(), self._draft_id)
        except DomainError as error:
            self.errors = {"summary": error.message}
            return rx.call_script("window.huajinFocusErrors()")
        self.finished_on_behalf = bool(self.behalf_draft)
        self.behalf_draft, self.errors = "", {}
        self.refresh()
        return rx.redirect(ROUTES["done"] + ("?behalf=1" if self.finished_on_behalf else ""))

    # -- check your answers ---------------------------------------------------------------

    def _summary_rows(self, draft: Disclosure, building_number: int | None) -> list[list[str]]:
        labels = text.Join.FIELD_LABELS

        def row(key: str, value: str, step: str) -> list[str]:
            return [labels[key], value or text.Kit.NOT_ANSWERED, ROUTES[step] + "?from=check"]

        address = ""
        if building_number is not None:
            address = text.Join.ADDRESS_FORMAT.format(
                building=building_number, unit=draft.unit, room=draft.room
            )
        moved_in = ""
        if draft.moved_in_year:
            moved_in = (
                text.Join.MOVED_IN_FORMAT.format(
                    year=draft.moved_in_year, month=draft.moved_in_month
                )
                if draft.moved_in_month
                else text.Join.MOVED_IN_YEAR_ONLY.format(year=draft.moved_in_year)
            )
        return [
            row("name", draft.name, "name"),
            row("gender", text.Join.GENDERS.get(draft.gender, ""), "basic"),
            row("birth_year", str(draft.birth_year or ""), "basic"),
            row("address", address, "address"),
            [labels["grid"], self.grid_name or text.Kit.NOT_ANSWERED, ""],
            row("org", " ".join(filter(None, [draft.org_place, draft.org_name])), "org"),
            row("party_year", str(draft.party_year or ""), "org"),
            row("moved_in", moved_in, "moved_in"),
            row("mobility_limited", present.yes_no(draft.mobility_limited), "needs"),
            row("family_difficulty", present.yes_no(draft.family_difficulty), "needs"),
            row("hobbies", present.codes(draft.hobbies, text.Join.HOBBIES), "hobbies"),
            row("wishes", present.codes(draft.wishes, text.Join.WISHES), "hobbies"),
            row("consent", text.Join.CONSENT_GIVEN if draft.consent_at else "", "consent"),
        ]

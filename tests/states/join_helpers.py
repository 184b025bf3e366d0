"""Shared by the JoinState tests: good answers for each step and a browser walking them."""

from sqlmodel import select

from huajin_pwa import db
from huajin_pwa.models import Account, Disclosure
from huajin_pwa.states.join import JoinState

from .helpers import form, open_page, redirect_path, send

PHONE, PIN = "13700000031", "358024"
STEPS = ["basic", "address", "org", "moved_in", "needs", "hobbies", "consent"]
GOOD = {
    "basic": form(gender="female", birth_year="1952"),
    "address": form(building="1", unit="2", room="1502"),
    "org": form(org_name="荆州市某某局退休党支部", org_place="湖北省荆州市", party_year="1975"),
    "moved_in": form(moved_in_year="2016", moved_in_month="5"),
    "needs": form(mobility_limited="yes", family_difficulty="no"),
    "hobbies": form(("hobbies", "sing"), ("wishes", "arts")),
    "consent": form(consent="on"),
}
# Steps with a required answer: an empty or unreadable form is refused and saves nothing.
REQUIRED = ["name", "basic", "address", "org", "moved_in", "consent"]


def draft_of(phone: str) -> Disclosure | None:
    with db.transaction() as session:
        return session.exec(
            select(Disclosure)
            .join(Account, Account.id == Disclosure.account_id)
            .where(Account.phone == phone)
            .order_by(Disclosure.id.desc())
        ).first()


def on_page(state: JoinState, step: str, query: str = ""):
    """Open a question page as the browser does: the route, then the page's load event."""
    open_page(state, f"/join/{step.replace('_', '-')}{query}")
    return send(state, "load", step=step)


def sign_up(client, phone: str = PHONE, name: str = "张桂英") -> JoinState:
    """A newcomer answers the name and account questions and lands on the next page."""
    state = client(JoinState)
    assert on_page(state, "name") is None and state.ready
    assert redirect_path(send(state, "save_name", form=form(name=name))) == "/join/account"
    assert on_page(state, "account") is None
    account = form(phone=phone, pin=PIN, pin_again=PIN)
    assert redirect_path(send(state, "save_account", form=account)) == "/join/basic"
    assert on_page(state, "basic") is None and state.has_draft
    return state


def answer_all(state: JoinState, skip=()) -> None:
    for step in STEPS:
        if step not in skip:
            result = send(state, f"save_{step}", form=GOOD[step])
            assert redirect_path(result), (step, state.errors)

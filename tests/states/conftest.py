"""Fixtures for the state tests: a browser client holding a page state, signed in or not."""

import pytest

from huajin_pwa import db
from huajin_pwa.models import Account
from huajin_pwa.services import auth
from huajin_pwa.services.actor import Actor

from .helpers import state_of


@pytest.fixture(autouse=True)
def _cheap_hashing(fast_hashing):
    """Argon2 with cheap parameters: state tests make and sign in many accounts."""


def token_for(actor: Actor) -> str:
    """A new session token for actor, as signing in on another device gives."""
    with db.transaction() as session:
        return auth.open_session(session, session.get(Account, actor.account_id))


@pytest.fixture
def client(engine):
    """client(StateClass, actor_or_token=None, **route): a new browser on a page state."""

    def make(cls, who: Actor | str | None = None, **route):
        token = token_for(who) if isinstance(who, Actor) else who or ""
        return state_of(cls, token, **route)

    return make


@pytest.fixture
def resident(join):
    """Someone who signed up through 亮明身份 and has not submitted yet (no member role)."""
    return join.sign_up("13700000011", name="周凤兰")


@pytest.fixture
def pending(join):
    """A complete disclosure waiting for staff."""
    return join.submitted("13700000022", name="刘玉珍")

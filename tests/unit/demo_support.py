"""Shared by the demo tests: loading the demo as of a day, and signing in as a demo account."""

from datetime import date

from huajin_pwa import db, demo
from huajin_pwa.services import auth, clock

SECRETS = {
    "13800000001": "huajin-staff-demo",
    "13800000002": "huajin-grid-demo",
    "13800000003": "135790",
    "13800000004": "246810",
    "13800000005": "246810",
}


def seed_on(monkeypatch, day: date):
    """Load the demo as if today were day (clock.today stays patched for the test)."""
    monkeypatch.setattr(clock, "today", lambda: day)
    with db.transaction() as session:
        return demo.seed(session)


def sign_in_as(session, phone: str):
    """The actor of a demo sign-in, through the real sign-in."""
    return auth.actor_from_token(session, auth.sign_in(session, phone, SECRETS[phone]).token)

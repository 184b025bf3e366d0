"""Shared by the PIN-reset service tests: the people's numbers and small database helpers."""

from sqlmodel import SQLModel, select

from huajin_pwa import db
from huajin_pwa.models import Account, AuditEntry
from huajin_pwa.services import auth, pin_reset
from tests.states.helpers import snapshot  # noqa: F401  (shared with the state tests)

PHONE, OLD_PIN, NEW_PIN = "13700000011", "135790", "864209"
OTHER_PHONE = "13700000022"
GRID_2_HOME = {"building": "5", "unit": "1", "room": "1101"}


def account_of(phone: str) -> Account:
    with db.transaction() as session:
        return session.exec(select(Account).where(Account.phone == phone)).one()


def rows(model: type[SQLModel]) -> list:
    with db.transaction() as session:
        return list(session.exec(select(model).order_by(model.id)).all())


def audits(action: str) -> list[AuditEntry]:
    return [entry for entry in rows(AuditEntry) if entry.action == action]


def redeem(run, code: str, pin: str = NEW_PIN, again: str | None = None, phone: str = PHONE):
    """Redeem as /login/reset does: in its own transaction, committed whatever the result."""
    form = {"phone": phone, "code": code, "pin": pin, "pin_again": pin if again is None else again}
    return run(pin_reset.redeem, form)


def wrong(code: str) -> str:
    """Another 8-digit code."""
    return f"{(int(code) + 1) % 10**8:08d}"


def sign_in(run, pin: str, phone: str = PHONE) -> auth.SignInResult:
    return run(auth.sign_in, phone, pin)
